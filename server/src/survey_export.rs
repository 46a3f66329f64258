//! `GET /export/survey-<id>.{csv|xlsx}`: every answer to a survey, one row each (the day, the
//! country and language of who answered, never their name or the time), a column per question with the
//! answer in the reader's language: the options' words, the points, the text. Organizers of the
//! survey's expo only; cells are defused so a spreadsheet never runs them as formulas.

use crate::export::{attachment, text_error, to_csv, to_xlsx, Table};
use app::shell::i18n::I18n;
use app::state::Ctx;
use axum::http::StatusCode;
use axum::response::Response;
use domain::survey::{Answer, Answers};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Answers the export of survey `id` in `format` (`csv` or `xlsx`).
pub async fn export(ctx: &Ctx, id: &str, format: &str) -> Response {
    let i18n = I18n { locale: ctx.locale };
    if !matches!(format, "csv" | "xlsx") {
        return text_error(i18n, StatusCode::NOT_FOUND, "error-not-found");
    }
    let (results, rows) = match app::survey::service::results(ctx, id).await {
        Ok(r) => r,
        Err(e) => {
            let status = match e {
                app::AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
                app::AppError::NotFound => StatusCode::NOT_FOUND,
                app::AppError::Forbidden => StatusCode::FORBIDDEN,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            return text_error(i18n, status, e.message_id());
        }
    };
    let questions = &results.survey.questions;
    let mut headers = vec![
        i18n.t("survey-col-answered-at"),
        i18n.t("survey-col-country"),
        i18n.t("survey-col-language"),
    ];
    headers.extend(questions.iter().map(|q| q.prompt.show(i18n.locale).text));
    let table = Table {
        headers,
        rows: rows
            .iter()
            .map(|r| {
                let answers: Answers = serde_json::from_str(&r.answers).unwrap_or_default();
                // The day only: with the country and language, a time could say who it was.
                let day = domain::locale::utc_minute(r.created_at);
                let mut row = vec![
                    day.get(..10).unwrap_or_default().to_owned(),
                    r.country.clone(),
                    r.locale.clone(),
                ];
                row.extend(questions.iter().map(|q| match answers.get(&q.id) {
                    Some(Answer::Text(t)) => t.clone(),
                    Some(Answer::Points(points)) => {
                        let labels = q.point_labels(i18n.locale);
                        let start = q.points().map_or(0, |r| *r.start());
                        points
                            .iter()
                            .map(|p| {
                                usize::try_from(p - start)
                                    .ok()
                                    .and_then(|i| labels.get(i).cloned())
                                    .unwrap_or_else(|| p.to_string())
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    }
                    None => String::new(),
                }));
                row
            })
            .collect(),
    };
    let made = match format {
        "csv" => to_csv(&table)
            .map(|b| (b, "text/csv; charset=utf-8"))
            .map_err(|e| e.to_string()),
        _ => to_xlsx(&table, "answers")
            .map(|b| (b, XLSX))
            .map_err(|e| e.to_string()),
    };
    match made {
        Ok((bytes, mime)) => attachment(bytes, mime, &format!("survey.{format}")),
        Err(e) => {
            tracing::error!(error = %e, "survey export failed");
            text_error(i18n, StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
        }
    }
}
