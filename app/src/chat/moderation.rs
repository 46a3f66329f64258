//! Taking messages back and keeping conversations civil: a sender edits (for a day) or deletes
//! their own message; anyone blocks a person or reports a message to the expo's organizers; the
//! organizers work through the reports (remove the message, or dismiss), and stop a person from
//! writing in the expo's conversations until they lift it.
//!
//! A change to a message is stored and published like a message (an event on the room's topic,
//! so a client that was away catches up on it), and the stored event of the original message is
//! rewritten too: once deleted, its text is nowhere to be fetched again.

use super::service::writable_room;
use crate::state::{AppState, AuthSession, Ctx};
use crate::AppError;
use db::chat::{BlockState, RoomInfo};
use domain::chat::{
    may_edit, parse_message, parse_note, ChatMessage, ModerationItem, ModerationView, Removal,
    ReportReason, RoomKind,
};
use domain::notification::NotificationBody;
use domain::realtime::{Event, EventBody, Hint, Topic};
use domain::FieldError;
use governor::clock::{Clock, DefaultClock};

/// What happens to a message.
enum Change {
    Edit(String),
    Remove(Removal),
}

/// Applies a change to a message: stored (with the rewritten original event and a new
/// `ChatUpdated` event) in one transaction, then published on the room's topic.
async fn apply(
    state: &AppState,
    message: ChatMessage,
    change: Change,
) -> Result<ChatMessage, AppError> {
    let topic = Topic::Chat(message.room_id.clone()).to_string();
    let guard = state.hub.lock(&topic).await;
    let at = db::now_millis();
    let mut updated = message;
    let mut tx = state.db.begin().await?;
    // The message may have been removed since it was read (another tab, the organizers): a
    // removed message stays removed.
    match change {
        Change::Edit(text) => {
            if !db::chat::update_text(&mut tx, updated.id, &text, at).await? {
                return Err(AppError::Conflict("chat-error-removed".into()));
            }
            updated.text = text;
            updated.edited_at = Some(at);
        }
        Change::Remove(by) => {
            if !db::chat::remove_message(&mut tx, updated.id, by, at).await? {
                drop(tx);
                drop(guard);
                return db::chat::message_by_id(&state.db, updated.id)
                    .await?
                    .ok_or(AppError::NotFound);
            }
            db::chat::drop_attachment(&mut tx, updated.id).await?;
            updated.text = String::new();
            updated.removed = Some(by);
            updated.attachment = None;
        }
    }
    db::chat::forget_translations(&mut tx, updated.id).await?;
    let original = EventBody::ChatMessage(updated.clone());
    let json = serde_json::to_string(&original).map_err(AppError::internal)?;
    db::realtime::replace_body(&mut tx, updated.id, &json).await?;
    let body = EventBody::ChatUpdated(updated.clone());
    let json = serde_json::to_string(&body).map_err(AppError::internal)?;
    // Earlier changes of the message say what it is now too (an edit's text must not outlive a
    // later edit or the deletion). Their bodies start with the tag and the message id.
    let earlier = format!("{{\"kind\":\"chat_updated\",\"id\":{},", updated.id);
    if !json.starts_with(&earlier) {
        return Err(AppError::internal(
            "unexpected shape of a chat update event",
        ));
    }
    db::realtime::replace_bodies_starting(&mut tx, &topic, &earlier, &json).await?;
    let id = db::realtime::insert_event(&state.db, &mut tx, &topic, &json, at).await?;
    db::commit(tx).await?;
    state.hub.publish_event(&Event {
        id,
        topic,
        at,
        body,
    });
    drop(guard);
    Ok(updated)
}

/// Whether the person may post in the room now: not stopped by the organizers (except towards
/// the support desk, where they can ask why), and no block between them and another member of
/// a one-to-one or booth conversation. The error explains which.
pub async fn may_post(
    state: &AppState,
    session: &AuthSession,
    info: &RoomInfo,
) -> Result<(), AppError> {
    if info.kind != RoomKind::Support
        && db::chat::is_muted(&state.db, &info.expo_id, &session.user.id).await?
    {
        return Err(AppError::Conflict("chat-error-muted".into()));
    }
    if matches!(info.kind, RoomKind::Direct | RoomKind::Booth) {
        match db::chat::block_in_room(&state.db, &info.id, &session.user.id).await? {
            BlockState::None => {}
            BlockState::Blocking => {
                return Err(AppError::Conflict("chat-error-you-blocked".into()))
            }
            BlockState::BlockedBy => return Err(AppError::Conflict("chat-error-blocked".into())),
        }
    }
    Ok(())
}

/// Whether either of two people blocks the other.
pub async fn blocked_between(db: &db::Db, a: &str, b: &str) -> Result<bool, AppError> {
    Ok(db::chat::blocks(db, a, b).await? || db::chat::blocks(db, b, a).await?)
}

/// A message and its room, when the person may write in that room (others: not found).
async fn own_room_message(
    state: &AppState,
    session: &AuthSession,
    message_id: i64,
) -> Result<(ChatMessage, RoomInfo), AppError> {
    let message = db::chat::message_by_id(&state.db, message_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let info = writable_room(&state.db, session, &message.room_id).await?;
    Ok((message, info))
}

/// Counts an action against the person's chat flood limit.
pub fn throttle(state: &AppState, session: &AuthSession) -> Result<(), AppError> {
    state
        .chat_limiter
        .check_key(&session.user.id)
        .map_err(|not_until| AppError::RateLimited {
            retry_after_secs: not_until
                .wait_time_from(DefaultClock::default().now())
                .as_secs()
                .max(1),
        })
}

/// The sender changes the text of their message (within a day of sending it).
pub async fn edit(
    state: &AppState,
    session: &AuthSession,
    message_id: i64,
    text: &str,
) -> Result<ChatMessage, AppError> {
    if !crate::ops::service::may_write(state, Some(session)).await? {
        return Err(AppError::ReadOnly);
    }
    let text = parse_message(text).map_err(|e| AppError::Validation(vec![e]))?;
    let (message, info) = own_room_message(state, session, message_id).await?;
    match may_edit(&message, &session.user.id, db::now_millis()) {
        Ok(()) => {}
        Err("chat-error-not-yours") => return Err(AppError::Forbidden),
        Err(code) => return Err(AppError::Conflict(code.into())),
    }
    may_post(state, session, &info).await?;
    if message.text == text {
        return Ok(message);
    }
    throttle(state, session)?;
    apply(state, message, Change::Edit(text)).await
}

/// The sender deletes their message (its text is erased everywhere; deleting again changes
/// nothing).
pub async fn delete(
    state: &AppState,
    session: &AuthSession,
    message_id: i64,
) -> Result<ChatMessage, AppError> {
    if !crate::ops::service::may_write(state, Some(session)).await? {
        return Err(AppError::ReadOnly);
    }
    let (message, _) = own_room_message(state, session, message_id).await?;
    if message.sender_id != session.user.id {
        return Err(AppError::Forbidden);
    }
    if message.removed.is_some() {
        return Ok(message);
    }
    apply(state, message, Change::Remove(Removal::Sender)).await
}

/// Someone in a conversation reports another person's message to the expo's organizers (once
/// per message), who are told in the app.
pub async fn report(
    state: &AppState,
    session: &AuthSession,
    message_id: i64,
    reason: &str,
    note: &str,
) -> Result<(), AppError> {
    let reason = ReportReason::parse(reason).ok_or_else(|| {
        AppError::Validation(vec![FieldError::new("reason", "chat-error-reason")])
    })?;
    let note = parse_note(note).map_err(|e| AppError::Validation(vec![e]))?;
    if reason == ReportReason::Other && note.is_empty() {
        return Err(AppError::Validation(vec![FieldError::new(
            "note",
            "chat-error-note-needed",
        )]));
    }
    let (message, info) = own_room_message(state, session, message_id).await?;
    if message.sender_id == session.user.id {
        return Err(AppError::Conflict("chat-error-report-own".into()));
    }
    if message.removed.is_some() {
        return Err(AppError::Conflict("chat-error-removed".into()));
    }
    let now = db::now_millis();
    let new = db::chat::insert_report(
        &state.db,
        &db::chat::NewReport {
            id: &db::new_id(),
            expo_id: &info.expo_id,
            room_id: &info.id,
            message_id,
            reporter_id: &session.user.id,
            reason,
            note: &note,
            text: &message.text,
            at: now,
        },
    )
    .await?;
    if !new {
        return Ok(());
    }
    let organizers = db::chat::holders_of(&state.db, &info.expo_id, "organizer").await?;
    let mut tx = state.db.begin().await?;
    for organizer in &organizers {
        db::notification::insert(
            &mut tx,
            organizer,
            &NotificationBody::MessageReported { reason },
            "/dashboard/moderation",
            now,
        )
        .await?;
    }
    db::commit(tx).await?;
    for organizer in organizers {
        state
            .hub
            .signal(&Topic::User(organizer).to_string(), Hint::Notification);
    }
    Ok(())
}

/// Blocks (or, with `on` false, unblocks) a person: while blocked, neither writes to the other
/// in a one-to-one or booth conversation, and no new one-to-one conversation starts.
pub async fn set_block(
    state: &AppState,
    session: &AuthSession,
    other_id: &str,
    on: bool,
) -> Result<(), AppError> {
    if !domain::text::is_id(other_id) {
        return Err(AppError::NotFound);
    }
    if other_id == session.user.id {
        return Err(AppError::Conflict("chat-error-self".into()));
    }
    if db::account::get_user(&state.db, other_id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    if on {
        db::chat::block(&state.db, &session.user.id, other_id, db::now_millis()).await?;
    } else {
        db::chat::unblock(&state.db, &session.user.id, other_id).await?;
    }
    Ok(())
}

/// A day, in milliseconds (the window of the attachment quota and of "today" figures).
pub const DAY_MILLIS: i64 = 24 * 3600 * 1000;

/// The moderation queue of the expo the console manages: the reported messages, the people
/// stopped from writing and the files its conversations hold.
pub async fn queue(ctx: &Ctx) -> Result<ModerationView, AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    let db = &ctx.state.db;
    let mut items = Vec::new();
    for (message_id, room_kind, reports, reported_text) in
        db::chat::open_reports(db, &expo_id).await?
    {
        let Some(message) = db::chat::message_by_id(db, message_id).await? else {
            continue;
        };
        let context = db::chat::messages(db, &message.room_id, Some(message.id), 3).await?;
        let sender_muted = db::chat::is_muted(db, &expo_id, &message.sender_id).await?;
        items.push(ModerationItem {
            reported_text,
            message,
            room_kind,
            context,
            reports,
            sender_muted,
        });
    }
    Ok(ModerationView {
        items,
        muted: db::chat::muted(db, &expo_id).await?,
        storage: db::chat::expo_storage(db, &expo_id, db::now_millis() - DAY_MILLIS).await?,
    })
}

/// A message of the managed expo, for its organizers.
async fn expo_message(ctx: &Ctx, message_id: i64) -> Result<(String, ChatMessage), AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    let message = db::chat::message_by_id(&ctx.state.db, message_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let room = db::chat::room(&ctx.state.db, &message.room_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if room.expo_id != expo_id {
        return Err(AppError::NotFound);
    }
    Ok((expo_id, message))
}

/// The organizers remove a reported message (its text is erased; the conversation shows
/// "removed by the organizers") and close its reports.
pub async fn remove(ctx: &Ctx, message_id: i64) -> Result<(), AppError> {
    let (_, message) = expo_message(ctx, message_id).await?;
    let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    if message.removed.is_none() {
        apply(&ctx.state, message, Change::Remove(Removal::Moderator)).await?;
    }
    db::chat::resolve_reports(
        &ctx.state.db,
        message_id,
        "removed",
        &session.user.id,
        db::now_millis(),
    )
    .await?;
    crate::console::audit(ctx, "chat.remove", &message_id.to_string()).await;
    Ok(())
}

/// The organizers close a message's reports without removing it.
pub async fn dismiss(ctx: &Ctx, message_id: i64) -> Result<(), AppError> {
    let (_, _) = expo_message(ctx, message_id).await?;
    let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    db::chat::resolve_reports(
        &ctx.state.db,
        message_id,
        "dismissed",
        &session.user.id,
        db::now_millis(),
    )
    .await?;
    crate::console::audit(ctx, "chat.dismiss", &message_id.to_string()).await;
    Ok(())
}

/// The organizers stop (or, with `on` false, let again) a person from writing in the managed
/// expo's conversations. Organizers cannot be stopped.
pub async fn set_mute(ctx: &Ctx, user_id: &str, on: bool, reason: &str) -> Result<(), AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    if !domain::text::is_id(user_id) {
        return Err(AppError::NotFound);
    }
    let reason = parse_note(reason).map_err(|e| AppError::Validation(vec![e]))?;
    let db = &ctx.state.db;
    if db::account::get_user(db, user_id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    if on {
        let organizers = db::chat::holders_of(db, &expo_id, "organizer").await?;
        if organizers.iter().any(|o| o == user_id) {
            return Err(AppError::Conflict("chat-error-mute-organizer".into()));
        }
        db::chat::mute(
            db,
            &expo_id,
            user_id,
            &session.user.id,
            &reason,
            db::now_millis(),
        )
        .await?;
        crate::console::audit(ctx, "chat.mute", user_id).await;
    } else if db::chat::unmute(db, &expo_id, user_id).await? {
        crate::console::audit(ctx, "chat.unmute", user_id).await;
    }
    Ok(())
}
