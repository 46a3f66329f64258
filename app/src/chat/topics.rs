//! Topic rooms: group conversations on a subject (a hall's industry, a sourcing theme, a
//! forum's follow-up) that the organizers open and anyone taking part in the public expo joins
//! and leaves. Inside, they are rooms like the others: history, live messages, read marks,
//! files, edit and delete, reports and the organizers' moderation.

use crate::state::{AppState, AuthSession};
use crate::AppError;
use domain::authz::{authorize, Action};
use domain::chat::{RoomKind, TopicsView};
use domain::realtime::Topic;
use domain::FieldError;

/// The public expo's topic rooms, and whether the viewer may open more.
pub async fn list(state: &AppState, session: Option<&AuthSession>) -> Result<TopicsView, AppError> {
    let expo = db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = session.map(|s| s.user.id.as_str()).unwrap_or_default();
    let rooms = db::chat::topic_rooms(&state.db, &expo.id, viewer).await?;
    let can_create = authorize(
        session.map(|s| &s.actor),
        Action::ModerateChat { expo_id: &expo.id },
    )
    .is_ok();
    let halls = if can_create {
        db::hall::halls_of(&state.db, &expo.id)
            .await?
            .into_iter()
            .map(|h| (h.slug, h.name))
            .collect()
    } else {
        Vec::new()
    };
    Ok(TopicsView {
        rooms,
        can_create,
        halls,
    })
}

/// Opens a topic room in the public expo (its organizers only), with the organizer in it.
/// Returns the room id.
pub async fn create(
    state: &AppState,
    session: &AuthSession,
    title: &str,
    about: &str,
    hall: &str,
) -> Result<String, AppError> {
    let expo = db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(
        Some(&session.actor),
        Action::ModerateChat { expo_id: &expo.id },
    )?;
    let (title, about) = domain::chat::parse_topic(title, about).map_err(AppError::Validation)?;
    let hall_id = match hall.trim() {
        "" => None,
        slug => Some(
            db::hall::hall_id(&state.db, &expo.id, slug)
                .await?
                .ok_or_else(|| {
                    AppError::Validation(vec![FieldError::new("hall", "chat-topic-error-hall")])
                })?,
        ),
    };
    let id = db::new_id();
    let key = domain::chat::room_key(RoomKind::Topic, &id, "");
    let room = db::chat::NewRoom {
        id: &id,
        expo_id: &expo.id,
        kind: RoomKind::Topic,
        key: &key,
        exhibitor_id: None,
        created_by: &session.user.id,
        at: db::now_millis(),
    };
    let mut tx = state.db.begin().await?;
    let id = db::chat::create_room(&mut tx, &room, std::slice::from_ref(&session.user.id)).await?;
    db::chat::set_topic(&mut tx, &id, &title, &about, hall_id.as_deref()).await?;
    db::commit(tx).await?;
    Ok(id)
}

/// The topic room `room_id` of the public expo, or `NotFound`.
async fn topic_room(state: &AppState, room_id: &str) -> Result<db::chat::RoomInfo, AppError> {
    if !domain::text::is_id(room_id) {
        return Err(AppError::NotFound);
    }
    let info = db::chat::room(&state.db, room_id)
        .await?
        .filter(|r| r.kind == RoomKind::Topic)
        .ok_or(AppError::NotFound)?;
    let expo = db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    if info.expo_id != expo.id {
        return Err(AppError::NotFound);
    }
    Ok(info)
}

/// Joins a topic room (again: nothing changes). From then on it is in the person's
/// conversations, with its whole history.
pub async fn join(state: &AppState, session: &AuthSession, room_id: &str) -> Result<(), AppError> {
    let info = topic_room(state, room_id).await?;
    db::chat::add_member(&state.db, &info.id, &session.user.id, db::now_millis()).await?;
    Ok(())
}

/// Leaves a topic room: it goes from the person's conversations until they join again.
pub async fn leave(state: &AppState, session: &AuthSession, room_id: &str) -> Result<(), AppError> {
    let info = topic_room(state, room_id).await?;
    db::chat::remove_member(&state.db, &info.id, &session.user.id).await?;
    // An open tab of theirs stops receiving the room at once (unless they may read it all
    // the same: the organizers, who moderate).
    if !crate::chat::service::may_read(&state.db, session, &info).await? {
        state
            .hub
            .revoke(&Topic::Chat(info.id.clone()).to_string(), &session.user.id);
    }
    Ok(())
}
