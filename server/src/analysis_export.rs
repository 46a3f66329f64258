//! `GET /export/analytics-<table>.{csv|xlsx}?day=…&hall=…&booth=…`: one table of the analysis
//! page, as the page shows it (the same rules decide who reads which booth), in the reader's
//! language. Counts go into XLSX as numbers and shares as percentages; text cells are defused
//! so a spreadsheet never runs them as formulas.

use crate::export::{to_csv, Table};
use app::analytics::analysis_tables::{table, AnalysisTable, Cell};
use app::shell::i18n::I18n;
use app::state::{AppState, AuthSession};
use axum::http::StatusCode;
use axum::response::Response;
use domain::analysis::AnalysisFilter;
use domain::directory::spreadsheet_safe;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Answers an export of the analysis table `name` in `format` (`csv` or `xlsx`).
pub async fn export(
    state: &AppState,
    session: Option<&AuthSession>,
    name: &str,
    format: &str,
    filter: Result<AnalysisFilter, domain::FieldError>,
    i18n: I18n,
) -> Response {
    let refuse = |status: StatusCode, id: &str| crate::export::text_error(i18n, status, id);
    if !matches!(format, "csv" | "xlsx")
        || !domain::analysis::TABLES.contains(&name) && name != "leads"
    {
        return refuse(StatusCode::NOT_FOUND, "error-not-found");
    }
    let Some(session) = session else {
        return refuse(
            StatusCode::UNAUTHORIZED,
            app::AppError::Unauthenticated.message_id(),
        );
    };
    let filter = match filter {
        Ok(f) => f,
        Err(e) => return refuse(StatusCode::UNPROCESSABLE_ENTITY, &e.message_id),
    };
    let analysis = match app::analytics::analysis::analyse(state, session, filter).await {
        Ok(a) => a,
        Err(e) => {
            let status = match e {
                app::AppError::NotFound => StatusCode::NOT_FOUND,
                app::AppError::Forbidden => StatusCode::FORBIDDEN,
                app::AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            return refuse(status, e.message_id());
        }
    };
    // A table this reader's analysis does not have (the expo's halls for a booth's team).
    if !domain::analysis::tables(&analysis).contains(&name) {
        return refuse(StatusCode::NOT_FOUND, "error-not-found");
    }
    let country = |c: &str| app::analytics::live_page::country(&i18n, c);
    let Some(t) = table(&analysis, name, &i18n, &country) else {
        return refuse(StatusCode::NOT_FOUND, "error-not-found");
    };
    let file = format!("analytics-{name}.{format}");
    let made = match format {
        "csv" => to_csv(&as_text(&t))
            .map(|b| (b, "text/csv; charset=utf-8"))
            .map_err(|e| e.to_string()),
        _ => to_xlsx(&t, name)
            .map(|b| (b, XLSX))
            .map_err(|e| e.to_string()),
    };
    match made {
        Ok((bytes, mime)) => crate::export::attachment(bytes, mime, &file),
        Err(e) => {
            tracing::error!(error = %e, "analysis export failed");
            refuse(StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
        }
    }
}

/// The table as text (counts without grouping, shares as `12.5 %`).
fn as_text(t: &AnalysisTable) -> Table {
    Table {
        headers: t.headers.clone(),
        rows: t
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Cell::Text(s) => s.clone(),
                        Cell::Count(n) => n.to_string(),
                        Cell::PerMille(p) => format!("{}.{} %", p / 10, p % 10),
                        Cell::Money(minor, currency) => {
                            domain::trade::format_money(*minor, currency)
                        }
                    })
                    .collect()
            })
            .collect(),
    }
}

/// One sheet: a bold frozen header row, counts as numbers, shares as percentages, text as
/// text (defused).
fn to_xlsx(t: &AnalysisTable, sheet: &str) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet)?;
    let bold = Format::new().set_bold();
    let share = Format::new().set_num_format("0.0%");
    for (c, h) in t.headers.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        ws.write_string_with_format(0, col, h, &bold)?;
        ws.set_column_width(col, if c == 0 { 32 } else { 16 })?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            match cell {
                Cell::Text(s) => ws.write_string(r, c, spreadsheet_safe(s))?,
                // Counts of this size are exact in a spreadsheet's floating point.
                #[allow(clippy::cast_precision_loss)]
                Cell::Count(n) => ws.write_number(r, c, *n as f64)?,
                #[allow(clippy::cast_precision_loss)]
                Cell::PerMille(p) => {
                    ws.write_number_with_format(r, c, *p as f64 / 1000.0, &share)?
                }
                // In the currency's units (cents become hundredths).
                #[allow(clippy::cast_precision_loss)]
                Cell::Money(minor, currency) => {
                    let digits = domain::trade::minor_digits(currency).unwrap_or(2);
                    let format = if digits == 0 {
                        Format::new().set_num_format("#,##0")
                    } else {
                        let places = "0".repeat(usize::try_from(digits).unwrap_or(2));
                        Format::new().set_num_format(format!("#,##0.{places}"))
                    };
                    let value = *minor as f64 / 10f64.powi(i32::try_from(digits).unwrap_or(2));
                    ws.write_number_with_format(r, c, value, &format)?
                }
            };
        }
    }
    ws.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}
