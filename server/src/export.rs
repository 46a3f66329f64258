//! Directory exports: `GET /export/{exhibitors|people|buyers}.{csv|xlsx}` with the directory's
//! filters in the query, for organizers. Column titles and names of countries, halls and roles
//! are in the requester's language; cells a spreadsheet would run as formulas are defused.

use app::shell::i18n::I18n;
use app::state::{AppState, ClientInfo, CurrentSession, RequestLocale};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use domain::directory::{spreadsheet_safe, DirectoryFilter, EXPORT_MAX_ROWS};
use serde::Deserialize;

/// The directory filters, as the directory page puts them in its links.
#[derive(Debug, Default, Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    hall: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    interest: String,
    #[serde(default)]
    verified: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    stage: String,
    #[serde(default)]
    day: String,
    #[serde(default)]
    booth: String,
}

/// A table: column titles and rows of text.
pub struct Table {
    /// Column titles.
    pub headers: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<String>>,
}

/// A refusal: the status and its message in the requester's language, as plain text.
pub(crate) fn text_error(i18n: I18n, status: StatusCode, id: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        i18n.t(id),
    )
        .into_response()
}

/// The export handler.
pub async fn export(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<ExportQuery>,
    Extension(session): Extension<CurrentSession>,
    Extension(client): Extension<ClientInfo>,
    Extension(locale): Extension<RequestLocale>,
) -> Response {
    let i18n = I18n { locale: locale.0 };
    let Some((kind, format)) = file.split_once('.') else {
        return text_error(i18n, StatusCode::NOT_FOUND, "error-not-found");
    };
    // A booth team's leads: its own, for its CRM.
    if kind == "leads" && matches!(format, "csv" | "xlsx" | "vcf") {
        let filter = domain::lead::LeadFilter::from_query(&query.source, &query.stage, &query.q);
        return crate::lead_export::export(&state, session.0.as_ref(), format, &filter, i18n).await;
    }
    // The post-show report.
    if kind == "analytics-report" && format == "pdf" {
        let filter = domain::analysis::AnalysisFilter::parse("", "", &query.booth);
        return crate::report_pdf::export(&state, session.0.as_ref(), filter, i18n).await;
    }
    // Every answer to a survey.
    if let Some(id) = kind.strip_prefix("survey-") {
        let ctx = app::state::Ctx::of_request(state.clone(), client, session, locale);
        return crate::survey_export::export(&ctx, id, format).await;
    }
    // A table of the analysis page.
    if let Some(name) = kind.strip_prefix("analytics-") {
        let filter = domain::analysis::AnalysisFilter::parse(&query.day, &query.hall, &query.booth);
        return crate::analysis_export::export(
            &state,
            session.0.as_ref(),
            name,
            format,
            filter,
            i18n,
        )
        .await;
    }
    if !matches!(kind, "exhibitors" | "people" | "buyers") || !matches!(format, "csv" | "xlsx") {
        return text_error(i18n, StatusCode::NOT_FOUND, "error-not-found");
    }
    // The expo the console manages (the directories' pages list the same one).
    let ctx = app::state::Ctx::of_request(state.clone(), client, session, locale);
    let expo_id = match app::console::managed_expo(&ctx).await {
        Ok(id) => id,
        Err(err) => {
            let status = match err {
                app::AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
                app::AppError::NotFound => StatusCode::NOT_FOUND,
                _ => StatusCode::FORBIDDEN,
            };
            return text_error(i18n, status, err.message_id());
        }
    };
    let filter = DirectoryFilter::from_query(&query.q, &query.country, &query.hall, &query.role);
    let table = match kind {
        "exhibitors" => exhibitor_table(&state, &expo_id, &filter, i18n).await,
        "buyers" => {
            let filter = domain::buyer::BuyerFilter::from_query(
                &query.q,
                &query.country,
                &query.interest,
                &query.verified,
            );
            buyer_table(&state, &expo_id, &filter, i18n).await
        }
        _ => people_table(&state, &expo_id, &filter, i18n).await,
    };
    let table = match table {
        Ok(t) => t,
        Err(e) => {
            let err = app::AppError::internal(e);
            return text_error(i18n, StatusCode::INTERNAL_SERVER_ERROR, err.message_id());
        }
    };
    let day = &domain::locale::utc_minute(db::now_millis())[..10];
    let name = format!("{kind}-{day}.{format}");
    let (bytes, mime) = if format == "csv" {
        match to_csv(&table) {
            Ok(b) => (b, "text/csv; charset=utf-8"),
            Err(e) => {
                let err = app::AppError::internal(e);
                return text_error(i18n, StatusCode::INTERNAL_SERVER_ERROR, err.message_id());
            }
        }
    } else {
        match to_xlsx(&table, kind) {
            Ok(b) => (
                b,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            Err(e) => {
                let err = app::AppError::internal(e);
                return text_error(i18n, StatusCode::INTERNAL_SERVER_ERROR, err.message_id());
            }
        }
    };
    attachment(bytes, mime, &name)
}

/// A file to download, never kept by a cache.
pub fn attachment(bytes: Vec<u8>, mime: &str, name: &str) -> Response {
    let mut headers = HeaderMap::new();
    if let Ok(v) = mime.parse() {
        headers.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = format!("attachment; filename=\"{name}\"").parse() {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = "no-store".parse() {
        headers.insert(header::CACHE_CONTROL, v);
    }
    (StatusCode::OK, headers, bytes).into_response()
}

fn country(i18n: I18n, code: &str) -> String {
    i18n.t(&app::account::register_page::country_message_id(code))
}

async fn exhibitor_table(
    state: &AppState,
    expo_id: &str,
    filter: &DirectoryFilter,
    i18n: I18n,
) -> Result<Table, db::Error> {
    let (rows, _) =
        db::directory::exhibitors(&state.db, expo_id, filter, EXPORT_MAX_ROWS, 0).await?;
    Ok(Table {
        headers: [
            "review-booth-code",
            "apply-company",
            "apply-country",
            "review-hall",
            "directory-products",
            "directory-team",
            "apply-website",
            "directory-id",
        ]
        .iter()
        .map(|id| i18n.t(id))
        .collect(),
        rows: rows
            .into_iter()
            .map(|e| {
                vec![
                    e.booth_code.unwrap_or_default(),
                    e.name.show(i18n.locale).text,
                    country(i18n, &e.country),
                    e.hall.map(|h| h.show(i18n.locale).text).unwrap_or_default(),
                    e.products.to_string(),
                    e.team.join(", "),
                    e.website,
                    e.id,
                ]
            })
            .collect(),
    })
}

async fn people_table(
    state: &AppState,
    expo_id: &str,
    filter: &DirectoryFilter,
    i18n: I18n,
) -> Result<Table, db::Error> {
    let (rows, _) = db::directory::people(&state.db, expo_id, filter, EXPORT_MAX_ROWS, 0).await?;
    Ok(Table {
        headers: [
            "directory-name",
            "apply-contact-email",
            "apply-company",
            "apply-country",
            "directory-language",
            "directory-roles",
            "directory-registered",
            "directory-id",
        ]
        .iter()
        .map(|id| i18n.t(id))
        .collect(),
        rows: rows
            .into_iter()
            .map(|p| {
                vec![
                    p.name,
                    p.email,
                    p.company.unwrap_or_default(),
                    country(i18n, &p.country),
                    domain::Locale::parse(&p.language)
                        .map(|l| l.endonym().to_owned())
                        .unwrap_or(p.language),
                    p.roles
                        .iter()
                        .map(|r| i18n.t(r.message_id()))
                        .collect::<Vec<_>>()
                        .join(", "),
                    i18n.utc(p.registered_at),
                    p.id,
                ]
            })
            .collect(),
    })
}

async fn buyer_table(
    state: &AppState,
    expo_id: &str,
    filter: &domain::buyer::BuyerFilter,
    i18n: I18n,
) -> Result<Table, db::Error> {
    let (rows, _) = db::buyer::list(&state.db, expo_id, filter, EXPORT_MAX_ROWS, 0).await?;
    let yes_no = |b: bool| i18n.t(if b { "buyer-yes" } else { "buyer-no" });
    Ok(Table {
        headers: [
            "directory-name",
            "apply-contact-email",
            "apply-company",
            "buyer-job-role",
            "apply-country",
            "buyer-interests",
            "buyer-volume",
            "buyer-countries",
            "buyer-phone",
            "buyer-wechat",
            "buyer-consent-column",
            "buyer-verified",
            "directory-id",
        ]
        .iter()
        .map(|id| i18n.t(id))
        .collect(),
        rows: rows
            .into_iter()
            .map(|b| {
                vec![
                    b.display_name.clone(),
                    b.email.clone(),
                    b.form.company.clone(),
                    b.form.job_role.clone(),
                    country(i18n, &b.country),
                    b.form
                        .interests
                        .iter()
                        .map(|k| i18n.t(&format!("industry-{k}")))
                        .collect::<Vec<_>>()
                        .join(", "),
                    i18n.t(b.form.volume.message_id()),
                    b.form
                        .countries
                        .iter()
                        .map(|c| country(i18n, c))
                        .collect::<Vec<_>>()
                        .join(", "),
                    b.form.phone.clone(),
                    b.form.wechat.clone(),
                    yes_no(b.form.consent),
                    yes_no(b.verified()),
                    b.user_id,
                ]
            })
            .collect(),
    })
}

/// CSV with a byte-order mark (so spreadsheet programs read it as UTF-8), every cell quoted (a
/// `;` inside a cell stays inside it for programs that split on `;`) and formulas defused.
pub fn to_csv(table: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Always)
            .from_writer(&mut out);
        w.write_record(table.headers.iter().map(|h| spreadsheet_safe(h)))?;
        for row in &table.rows {
            w.write_record(row.iter().map(|c| spreadsheet_safe(c)))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// An XLSX workbook of one sheet: bold, frozen header row, every cell written as text (never
/// as a formula).
pub fn to_xlsx(table: &Table, sheet: &str) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet)?;
    let bold = Format::new().set_bold();
    for (c, h) in table.headers.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        ws.write_string_with_format(0, col, h, &bold)?;
        ws.set_column_width(col, 22)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r, u16::try_from(c).unwrap_or(u16::MAX), cell)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}
