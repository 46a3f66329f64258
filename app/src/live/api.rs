//! Live server functions: the schedule, a stream's page, scheduling and requests, approvals,
//! ending a stream. The media itself goes over `/live/<id>/ingest` and `/live/<id>/watch`.

use crate::AppError;
use domain::live::StreamView;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The schedule page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScheduleData {
    /// The streams the viewer may see, in start order.
    pub streams: Vec<StreamView>,
    /// Halls (slug, name), for the industry filter and the form.
    pub halls: Vec<(String, String)>,
    /// The expo's days (`YYYY-MM-DD`, in the expo's time zone).
    pub days: Vec<String>,
    /// The expo's time zone (slot times are entered in it).
    pub time_zone: String,
    /// The viewer may put any slot on the schedule (an organizer).
    pub can_schedule: bool,
    /// The viewer may ask for a slot for their booth (an exhibitor).
    pub can_request: bool,
}

/// The live schedule.
#[server(prefix = "/api", endpoint = "live/schedule")]
pub async fn live_schedule() -> Result<ScheduleData, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::schedule_page(&ctx.state, ctx.session.as_ref(), ctx.locale).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// One stream's page.
#[server(prefix = "/api", endpoint = "live/stream")]
pub async fn live_stream(id: String) -> Result<StreamView, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::view(&ctx.state, ctx.session.as_ref(), ctx.locale, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Puts a slot on the schedule (organizers) or asks for one for one's booth (exhibitors).
#[server(prefix = "/api", endpoint = "live/create")]
pub async fn schedule_stream(slot: SlotForm) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        let kind = domain::live::StreamKind::parse(&slot.kind).ok_or_else(|| {
            AppError::Validation(vec![domain::FieldError::new("kind", "live-error-kind")])
        })?;
        let id = super::service::create_from_form(&ctx.state, session, kind, &slot).await?;
        leptos_axum::redirect("/live");
        Ok(id)
    }
    .await
    .map_err(crate::error::with_status)
}

/// Opens (or reopens) the booth team's private test broadcast and goes to its studio.
#[server(prefix = "/api", endpoint = "live/test")]
pub async fn start_test_broadcast() -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        let id = super::service::start_test(&ctx.state, session).await?;
        leptos_axum::redirect(&format!("/live/{id}/studio"));
        Ok(id)
    }
    .await
    .map_err(crate::error::with_status)
}

/// The schedule form's fields (times as `datetime-local` values in the expo's time zone).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotForm {
    /// `booth`, `ceremony` or `forum`.
    pub kind: String,
    /// Hall slug (optional).
    #[serde(default)]
    pub hall: String,
    /// Title.
    pub title: String,
    /// Title in English.
    #[serde(default)]
    pub title_en: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// Description in English.
    #[serde(default)]
    pub description_en: String,
    /// The title in the other languages.
    #[serde(default)]
    pub title_in: domain::text::Translations,
    /// The description in the other languages.
    #[serde(default)]
    pub description_in: domain::text::Translations,
    /// Start (`YYYY-MM-DDTHH:MM`).
    pub starts: String,
    /// End (`YYYY-MM-DDTHH:MM`).
    pub ends: String,
}

/// Renames and re-times a slot (organizers; a booth's team while its request waits).
#[server(prefix = "/api", endpoint = "live/update")]
pub async fn update_stream(id: String, slot: SlotForm) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        super::service::update_from_form(&ctx.state, session, ctx.locale, &id, &slot).await?;
        leptos_axum::redirect(&format!("/live/{id}"));
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// The organizer approves or declines an exhibitor's request.
#[server(prefix = "/api", endpoint = "live/decide")]
pub async fn decide_stream(id: String, decision: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        super::service::decide(&ctx.state, session, &id, decision == "approve").await?;
        leptos_axum::redirect("/live");
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// Ends a stream for good (its broadcaster or an organizer).
#[server(prefix = "/api", endpoint = "live/end")]
pub async fn end_stream(id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        super::service::end(&ctx.state, session, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The room's questions, in the order shown.
#[server(prefix = "/api", endpoint = "live/questions")]
pub async fn live_questions(id: String) -> Result<QuestionsData, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref();
        let questions = super::qa::list(&ctx.state, session, &id).await?;
        let row = super::service::visible(&ctx.state, session, &id).await?;
        Ok(QuestionsData {
            questions,
            moderator: super::qa::moderates(session, &row),
            me: session.map(|s| s.user.id.clone()),
        })
    }
    .await
    .map_err(crate::error::with_status)
}

/// A room's questions and what the reader may do with them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionsData {
    /// The questions.
    pub questions: Vec<domain::live::Question>,
    /// The reader moderates the room.
    pub moderator: bool,
    /// The reader's id, if signed in.
    pub me: Option<String>,
}

/// Asks a question.
#[server(prefix = "/api", endpoint = "live/ask")]
pub async fn ask_question(id: String, text: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        super::qa::ask(&ctx.state, session, &id, &text).await?;
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// Upvotes a question.
#[server(prefix = "/api", endpoint = "live/vote")]
pub async fn vote_question(question: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        super::qa::vote(&ctx.state, session, &question).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// A moderator acts on a question: `pin`, `unpin`, `answer` (with `answer`), `hide`, `unhide`,
/// or `ban` (its author).
#[server(prefix = "/api", endpoint = "live/moderate")]
pub async fn moderate_question(
    question: String,
    action: String,
    answer: Option<String>,
) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        if action == "ban" {
            return super::qa::ban(&ctx.state, session, &question).await;
        }
        let action = domain::live::QuestionAction::parse(&action).ok_or_else(|| {
            AppError::Validation(vec![domain::FieldError::new(
                "action",
                "live-qa-error-action",
            )])
        })?;
        super::qa::moderate(
            &ctx.state,
            session,
            &question,
            action,
            answer.as_deref().unwrap_or(""),
        )
        .await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Asks for (`on` = `true`) or cancels a reminder before a broadcast starts.
#[server(prefix = "/api", endpoint = "live/remind")]
pub async fn remind_me(id: String, on: bool) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        super::service::remind(&ctx.state, session, &id, on).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Adds a speaker (name, affiliation, bio in the author's language and in English) to a
/// broadcast's programme.
#[server(prefix = "/api", endpoint = "live/speaker-add")]
pub async fn add_speaker(id: String, speaker: domain::live::SpeakerInput) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        super::programme::add_speaker(&ctx.state, session, &id, &speaker).await?;
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// Removes a speaker from a broadcast's programme.
#[server(prefix = "/api", endpoint = "live/speaker-remove")]
pub async fn remove_speaker(id: String, speaker: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        super::programme::remove_speaker(&ctx.state, session, &id, &speaker).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Adds an agenda item (`at`: `YYYY-MM-DDTHH:MM` in the expo's time zone, within the slot).
#[server(prefix = "/api", endpoint = "live/agenda-add")]
pub async fn add_agenda_item(
    id: String,
    at: String,
    title: String,
    #[server(default)] title_en: String,
    #[server(default)] speaker: String,
    #[server(default)] title_in: domain::text::Translations,
) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        let entry = super::programme::AgendaEntry {
            at: &at,
            title: &title,
            title_en: &title_en,
            title_in: &title_in,
            speaker: &speaker,
        };
        super::programme::add_agenda_item(&ctx.state, session, &id, &entry).await?;
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// Removes an agenda item.
#[server(prefix = "/api", endpoint = "live/agenda-remove")]
pub async fn remove_agenda_item(id: String, item: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        super::programme::remove_agenda_item(&ctx.state, session, &id, &item).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Sends a reaction in a room on air; the room's counts after it.
#[server(prefix = "/api", endpoint = "live/react")]
pub async fn send_reaction(
    id: String,
    reaction: String,
) -> Result<domain::live::ReactionCounts, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        let reaction = domain::live::Reaction::parse(&reaction).ok_or_else(|| {
            AppError::Validation(vec![domain::FieldError::new(
                "reaction",
                "live-reaction-error",
            )])
        })?;
        super::programme::react(&ctx.state, session, &id, reaction).await
    }
    .await
    .map_err(crate::error::with_status)
}
