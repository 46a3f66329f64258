//! Survey server functions. The builder and the answer form send their content as one JSON
//! text (`draft`, `answers`): nested questions in several languages do not fit a flat form.

use crate::AppError;
use domain::survey::{Survey, SurveyForm, SurveyResults};
use domain::text::LocalizedText;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The organizer's list of surveys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveysPage {
    /// The expo's surveys, newest first.
    pub surveys: Vec<Survey>,
    /// Its halls (id, name), for a hall's audience.
    pub halls: Vec<(String, LocalizedText)>,
}

/// A survey's results with a chart per question (SVG, drawn on the server; empty for free
/// text and for questions nobody answered).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsPage {
    /// The results.
    pub results: SurveyResults,
    /// A chart per question, in order.
    pub charts: Vec<String>,
}

#[cfg(feature = "ssr")]
fn parse<T: serde::de::DeserializeOwned>(json: &str, field: &str) -> Result<T, AppError> {
    serde_json::from_str(json).map_err(|_| {
        AppError::Validation(vec![domain::FieldError::new(
            field,
            "error-request-malformed",
        )])
    })
}

/// The expo's surveys (organizers).
#[server(prefix = "/api", endpoint = "survey/list")]
pub async fn list_surveys() -> Result<SurveysPage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::list(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The expo's halls, for the builder's audience (organizers).
#[server(prefix = "/api", endpoint = "survey/halls")]
pub async fn survey_halls() -> Result<Vec<(String, LocalizedText)>, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::halls(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// One survey, for its builder (organizers).
#[server(prefix = "/api", endpoint = "survey/get")]
pub async fn get_survey(id: String) -> Result<Survey, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::get(&ctx, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Saves a survey (`id` empty: a new one) from the builder's JSON; returns its id.
#[server(prefix = "/api", endpoint = "survey/save")]
pub async fn save_survey(#[server(default)] id: String, draft: String) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let draft: domain::survey::SurveyDraft = parse(&draft, "draft")?;
        super::service::save(&ctx, id.trim(), &draft).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Sends a survey; returns how many people it reached now.
#[server(prefix = "/api", endpoint = "survey/send")]
pub async fn send_survey(id: String) -> Result<i64, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::send(&ctx, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Closes a survey.
#[server(prefix = "/api", endpoint = "survey/close")]
pub async fn close_survey(id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::close(&ctx, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Deletes a draft.
#[server(prefix = "/api", endpoint = "survey/delete")]
pub async fn delete_survey(id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::delete(&ctx, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// A survey's results with their charts, in the reader's language (organizers).
#[server(prefix = "/api", endpoint = "survey/results")]
pub async fn read_survey_results(id: String) -> Result<ResultsPage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let (results, _) = super::service::results(&ctx, &id).await?;
        let i18n = crate::shell::i18n::I18n { locale: ctx.locale };
        let charts = super::charts::draw(&results, &i18n);
        Ok(ResultsPage { results, charts })
    }
    .await
    .map_err(crate::error::with_status)
}

/// The survey as the signed-in person answers it.
#[server(prefix = "/api", endpoint = "survey/form")]
pub async fn read_survey_form(id: String) -> Result<SurveyForm, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::form(&ctx, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Stores the signed-in person's answers (a JSON list of `RawAnswer`).
#[server(prefix = "/api", endpoint = "survey/answer")]
pub async fn answer_survey(id: String, answers: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let raw: Vec<domain::survey::RawAnswer> = parse(&answers, "answers")?;
        super::service::answer(&ctx, &id, &raw).await
    }
    .await
    .map_err(crate::error::with_status)
}
