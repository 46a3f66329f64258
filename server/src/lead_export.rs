//! `GET /export/leads.{csv|xlsx|vcf}?source=…&stage=…&q=…`: a booth team's leads as the leads
//! page filters them, for a CRM. Spreadsheets hold every lead, with contact details only for
//! buyers who agreed to share them; the vCard file holds only those buyers (a contact without
//! a way to reach them is no contact).

use crate::export::{to_csv, to_xlsx, Table};
use app::shell::i18n::I18n;
use app::state::{AppState, AuthSession};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::lead::{Lead, LeadFilter};

fn table(leads: &[Lead], i18n: I18n) -> Table {
    Table {
        headers: [
            "directory-name",
            "apply-company",
            "lead-col-role",
            "apply-country",
            "lead-source",
            "lead-col-score",
            "lead-stage",
            "lead-note",
            "apply-contact-email",
            "buyer-phone",
            "buyer-wechat",
            "directory-id",
        ]
        .iter()
        .map(|id| i18n.t(id))
        .collect(),
        rows: leads
            .iter()
            .map(|l| {
                let contact = l.contact.clone().unwrap_or_default();
                vec![
                    l.name.clone(),
                    l.company.clone(),
                    l.job_role.clone(),
                    i18n.t(&app::account::register_page::country_message_id(&l.country)),
                    l.sources()
                        .iter()
                        .map(|s| i18n.t(&s.label_id()))
                        .collect::<Vec<_>>()
                        .join(", "),
                    l.score.map(|s| s.to_string()).unwrap_or_default(),
                    i18n.t(&l.stage.label_id()),
                    l.note.clone(),
                    contact.email,
                    contact.phone,
                    contact.wechat,
                    l.user_id.clone(),
                ]
            })
            .collect(),
    }
}

/// The vCards (4.0) of the leads who shared their contact details.
fn vcards(leads: &[Lead], i18n: I18n) -> String {
    leads
        .iter()
        .filter_map(|l| {
            let c = l.contact.as_ref()?;
            let mut card = vcard4::VcardBuilder::new(l.name.clone()).email(c.email.clone());
            if !c.phone.is_empty() {
                card = card.telephone(c.phone.clone());
            }
            if !l.company.is_empty() {
                card = card.org(vec![l.company.clone()]);
            }
            if !l.job_role.is_empty() {
                card = card.title(l.job_role.clone());
            }
            let mut note = Vec::new();
            if !c.wechat.is_empty() {
                note.push(i18n.t_args(
                    "lead-wechat",
                    vec![("id", app::shell::i18n::Arg::Str(c.wechat.clone()))],
                ));
            }
            if !l.note.is_empty() {
                note.push(l.note.clone());
            }
            if !note.is_empty() {
                card = card.note(note.join("\n"));
            }
            Some(card.finish().to_string())
        })
        .collect()
}

/// Answers an export of the signed-in team's leads in `format`.
pub async fn export(
    state: &AppState,
    session: Option<&AuthSession>,
    format: &str,
    filter: &LeadFilter,
    i18n: I18n,
) -> Response {
    let refuse = |status: StatusCode, id: &str| {
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            i18n.t(id),
        )
            .into_response()
    };
    let Some(session) = session else {
        return refuse(
            StatusCode::UNAUTHORIZED,
            app::AppError::Unauthenticated.message_id(),
        );
    };
    let leads = match app::lead::service::all(state, session).await {
        Ok((_, leads)) => leads,
        Err(e) => {
            let status = match e {
                app::AppError::NotFound => StatusCode::NOT_FOUND,
                app::AppError::Forbidden => StatusCode::FORBIDDEN,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            return refuse(status, e.message_id());
        }
    };
    let leads: Vec<Lead> = leads.into_iter().filter(|l| filter.keeps(l)).collect();
    let day = &domain::locale::utc_minute(db::now_millis())[..10];
    let made = match format {
        "csv" => to_csv(&table(&leads, i18n))
            .map(|b| (b, "text/csv; charset=utf-8"))
            .map_err(|e| e.to_string()),
        "xlsx" => to_xlsx(&table(&leads, i18n), "leads")
            .map(|b| {
                (
                    b,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                )
            })
            .map_err(|e| e.to_string()),
        _ => Ok((
            vcards(&leads, i18n).into_bytes(),
            "text/vcard; charset=utf-8",
        )),
    };
    let (bytes, mime) = match made {
        Ok(m) => m,
        Err(e) => {
            let err = app::AppError::internal(e);
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, err.message_id());
        }
    };
    crate::export::attachment(bytes, mime, &format!("leads-{day}.{format}"))
}
