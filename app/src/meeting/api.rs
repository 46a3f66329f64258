//! Meeting server functions; signaling and presence run over the realtime socket.

use crate::AppError;
use domain::meeting::{MeetingRole, MeetingSummary, MeetingView, ParticipantState};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn signed_in(ctx: &crate::state::Ctx) -> Result<&crate::state::AuthSession, AppError> {
    ctx.session.as_ref().ok_or(AppError::Unauthenticated)
}

/// Starts a meeting (from a conversation: its people are invited) and goes there.
#[server(prefix = "/api", endpoint = "meeting/create")]
pub async fn create_meeting(
    title: String,
    room_id: Option<String>,
    scheduled_at: Option<i64>,
    #[server(default)] plan: MeetingPlan,
) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let room = room_id.filter(|r| !r.is_empty());
        // Everything the form says is checked before the meeting is made.
        let invitees = super::service::parse_invitees(&plan.invitees)?;
        let scheduled_at = match scheduled_at {
            Some(at) => Some(at),
            None => super::service::planned_time(&ctx.state, &plan).await?,
        };
        let id = super::service::create(&ctx.state, session, &title, room.as_deref(), scheduled_at)
            .await?;
        for address in &invitees {
            super::service::invite(
                &ctx.state,
                session,
                &id,
                address,
                domain::meeting::MeetingRole::Guest,
            )
            .await?;
        }
        leptos_axum::redirect(&format!("/meetings/{id}"));
        Ok(id)
    }
    .await
    .map_err(crate::error::with_status)
}

/// When a meeting is planned for and whom it invites, as the scheduling form sends them.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MeetingPlan {
    /// `YYYY-MM-DDTHH:MM` (a `datetime-local` value) in `zone`; empty for "now".
    #[serde(default)]
    pub when: String,
    /// The reader's IANA time zone (the browser fills it in; else the expo's).
    #[serde(default)]
    pub zone: String,
    /// E-mail addresses, separated by commas, spaces or lines.
    #[serde(default)]
    pub invitees: String,
}

/// The meeting as the signed-in person may see it (`invite` is the link's token).
#[server(prefix = "/api", endpoint = "meeting/get")]
pub async fn get_meeting(id: String, invite: Option<String>) -> Result<MeetingView, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::view(&ctx.state, session, &id, invite.as_deref()).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Asks to enter: in, or to the lobby.
#[server(prefix = "/api", endpoint = "meeting/join")]
pub async fn join_meeting(
    id: String,
    invite: Option<String>,
) -> Result<ParticipantState, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::join(&ctx.state, session, &id, invite.as_deref()).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Host control on a participant: `admit`, `remove` or `mute`.
#[server(prefix = "/api", endpoint = "meeting/control")]
pub async fn control_participant(
    id: String,
    user_id: String,
    action: String,
) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        use super::service::Control;
        let what = match action.as_str() {
            "admit" => Control::Admit,
            "remove" => Control::Remove,
            "mute" => Control::Mute,
            _ => {
                return Err(AppError::Validation(vec![domain::FieldError::new(
                    "action",
                    "error-request-malformed",
                )]))
            }
        };
        super::service::control(&ctx.state, session, &id, &user_id, what).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Locks (no newcomers) or unlocks the meeting.
#[server(prefix = "/api", endpoint = "meeting/lock")]
pub async fn lock_meeting(id: String, locked: bool) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::lock(&ctx.state, session, &id, locked).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Ends the meeting for everyone.
#[server(prefix = "/api", endpoint = "meeting/end")]
pub async fn end_meeting(id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::end(&ctx.state, session, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Invites someone by e-mail address as guest, interpreter or moderator.
#[server(prefix = "/api", endpoint = "meeting/invite")]
pub async fn invite_to_meeting(
    id: String,
    email: String,
    role: MeetingRole,
) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::invite(&ctx.state, session, &id, &email, role).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Declines an invitation; with `block`, also blocks its host.
#[server(prefix = "/api", endpoint = "meeting/decline")]
pub async fn decline_meeting(id: String, #[server(default)] block: bool) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::decline(&ctx.state, session, &id, block).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Asks for an interpreter for the meeting.
#[server(prefix = "/api", endpoint = "meeting/interpreter")]
pub async fn request_interpreter(id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::request_interpreter(&ctx.state, session, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The signed-in person's meetings.
#[server(prefix = "/api", endpoint = "meeting/mine")]
pub async fn my_meetings() -> Result<Vec<MeetingSummary>, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        Ok(db::meeting::of_user(&ctx.state.db, &session.user.id).await?)
    }
    .await
    .map_err(crate::error::with_status)
}
