//! Post-show reports (clause 3.3.2): the analysis of the whole expo, or of one booth, over
//! every day, with a heading that names the expo, its dates and the booth, for the printable
//! page and the PDF the server makes. Organizers send every booth team its own.

use super::api::ReportHead;
use crate::shell::i18n::{Arg, I18n};
use crate::state::{AppState, Ctx};
use crate::AppError;
use domain::analysis::Analysis;
use domain::authz::{authorize, Action};
use domain::notification::NotificationBody;

/// The report's heading for `a`, in the reader's language.
pub async fn head(state: &AppState, i18n: &I18n, a: &Analysis) -> Result<ReportHead, AppError> {
    let expo = db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let expo_name = expo.name.show(i18n.locale).text;
    let (made, _) = super::service::today(&expo.time_zone, db::now_millis());
    let of = match &a.booth_name {
        Some(name) => name.show(i18n.locale).text,
        None => i18n.t("analysis-whole-expo"),
    };
    Ok(ReportHead {
        title: i18n.t_args("report-title", vec![("expo", Arg::Str(expo_name))]),
        of,
        dates: i18n.t_args(
            "report-dates",
            vec![
                ("from", Arg::Str(i18n.date(&expo.starts_on))),
                ("to", Arg::Str(i18n.date(&expo.ends_on))),
                ("made", Arg::Str(i18n.date(&made))),
            ],
        ),
    })
}

/// Sends every booth team of the expo the reports are made for (the public one, as on the
/// report page) a notification and an e-mail that its report is ready, with a link to the
/// booth's own report; returns (booths, people).
pub async fn send_all(ctx: &Ctx) -> Result<(i64, i64), AppError> {
    let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    let db = &ctx.state.db;
    let expo = db::expo::current_expo(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let expo_id = expo.id;
    authorize(
        Some(&session.actor),
        Action::ManageExpo { expo_id: &expo_id },
    )?;
    let names: std::collections::HashMap<String, domain::text::LocalizedText> =
        db::analysis::booth_names(db, &expo_id)
            .await?
            .into_iter()
            .collect();
    let members = db::directory::team_members(db, &expo_id).await?;
    let now = db::now_millis();
    let mut tx = db.begin().await?;
    let mut booths = std::collections::BTreeSet::new();
    let mut people = Vec::new();
    for (booth, user_id, email, language) in &members {
        let Some(name) = names.get(booth) else {
            continue;
        };
        let locale = domain::Locale::parse(language).unwrap_or_default();
        let i18n = I18n { locale };
        let body = NotificationBody::ReportReady {
            company: name.show(locale).text,
        };
        crate::application::service::notify_with_link(
            &mut tx,
            &ctx.state,
            (user_id, email),
            i18n,
            &body,
            &format!("/analytics/report?booth={booth}"),
            "report-email-footer",
            now,
        )
        .await?;
        booths.insert(booth.clone());
        people.push(user_id.clone());
    }
    db::commit(tx).await?;
    ctx.state.notified(&people);
    crate::console::audit(ctx, "analytics.reports-sent", &format!("expo:{expo_id}")).await;
    Ok((
        i64::try_from(booths.len()).unwrap_or(i64::MAX),
        i64::try_from(people.len()).unwrap_or(i64::MAX),
    ))
}
