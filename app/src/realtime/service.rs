//! Who may follow which topic, and replaying what a reconnecting client missed.

use super::hub::Delivery;
use crate::state::AuthSession;
use crate::AppError;
use axum::extract::ws::Utf8Bytes;
use db::Db;
use domain::realtime::{Event, EventBody, ServerFrame, Topic, MAX_BACKFILL};
use std::sync::Arc;

/// Whether the session may follow `topic`: a chat room's members (and its booth's team, and the
/// expo's organizers, who moderate); one's own user topic; any expo's public topic.
pub async fn may_follow(
    db: &Db,
    session: Option<&AuthSession>,
    topic: &Topic,
) -> Result<bool, AppError> {
    match topic {
        Topic::Expo(_) => Ok(true),
        Topic::User(id) => Ok(session.is_some_and(|s| &s.user.id == id)),
        Topic::Meeting(id) => match session {
            Some(s) => crate::meeting::service::may_follow(db, s, id).await,
            None => Ok(false),
        },
        Topic::Live(id) => crate::live::qa::may_follow(db, session, id).await,
        // The counters go to the expo's organizers only.
        Topic::Dashboard(expo_id) => Ok(session.is_some_and(|s| {
            domain::authz::authorize(
                Some(&s.actor),
                domain::authz::Action::ViewOrganizerDashboard { expo_id },
            )
            .is_ok()
        })),
        Topic::Chat(room) => {
            let Some(session) = session else {
                return Ok(false);
            };
            let Some(info) = db::chat::room(db, room).await? else {
                return Ok(false);
            };
            crate::chat::service::may_read(db, session, &info).await
        }
    }
}

/// A stored event as the frame sent on sockets; `None` for a body this version cannot read
/// (written by a newer node: skipped).
pub fn delivery(topic: &Arc<str>, id: i64, body: &str, at: i64) -> Option<Delivery> {
    let mut body: EventBody = match serde_json::from_str(body) {
        Ok(b) => b,
        Err(e) => {
            tracing::warn!(id, error = %e, "stored event not readable");
            return None;
        }
    };
    body.assign_id(id);
    let frame = ServerFrame::Event(Event {
        id,
        topic: topic.to_string(),
        at,
        body,
    });
    match serde_json::to_string(&frame) {
        Ok(text) => Some(Delivery {
            topic: topic.clone(),
            id: Some(id),
            text: Utf8Bytes::from(text),
        }),
        Err(e) => {
            tracing::error!(id, error = %e, "event not serializable");
            None
        }
    }
}

/// A page of stored events.
#[derive(Debug, Default)]
pub struct Replay {
    /// The events as frames, oldest first.
    pub deliveries: Vec<Delivery>,
    /// How many rows the page read (unreadable ones included).
    pub rows: usize,
    /// The id of the last row read (`0` when none).
    pub last_row: i64,
}

/// The stored events of `topic` after id `after`, as frames, oldest first (at most
/// [`MAX_BACKFILL`] rows).
pub async fn replay(db: &Db, topic: &str, after: i64) -> Result<Replay, AppError> {
    let rows = db::realtime::events_after(db, topic, after, MAX_BACKFILL).await?;
    let topic: Arc<str> = Arc::from(topic);
    let mut out = Vec::with_capacity(rows.len());
    let count = rows.len();
    let last_row = rows.last().map(|(id, _, _)| *id).unwrap_or(0);
    for (id, body, at) in rows {
        if let Some(d) = delivery(&topic, id, &body, at) {
            out.push(d);
        }
    }
    Ok(Replay {
        deliveries: out,
        rows: count,
        last_row,
    })
}
