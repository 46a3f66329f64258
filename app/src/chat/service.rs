//! Messaging rules: who reads and writes a room, starting conversations, sending (stored,
//! then published, idempotent per client id, rate-limited), read marks and typing.

use crate::state::{AppState, AuthSession};
use crate::AppError;
use db::chat::RoomInfo;
use db::Db;
use domain::account::Role;
use domain::authz::{authorize, Action};
use domain::chat::{room_key, ChatMessage, RoomKind, RoomView, HISTORY_PAGE};
use domain::realtime::{Event, EventBody, Hint, Topic};
use domain::FieldError;
use governor::clock::{Clock, DefaultClock};

fn is_team(session: &AuthSession, info: &RoomInfo) -> bool {
    info.exhibitor_id.as_deref().is_some_and(|ex| {
        authorize(
            Some(&session.actor),
            Action::SpeakForBooth {
                expo_id: &info.expo_id,
                exhibitor_id: ex,
            },
        )
        .is_ok()
    })
}

fn is_organizer(session: &AuthSession, info: &RoomInfo) -> bool {
    authorize(
        Some(&session.actor),
        Action::ModerateChat {
            expo_id: &info.expo_id,
        },
    )
    .is_ok()
}

/// Who may open a room without being its member: the team of its booth, and the expo's
/// organizers in a support room (their desk) or a topic room (they moderate it). Organizers do
/// not read other people's one-to-one, booth or meeting conversations.
fn joins_without_invitation(session: &AuthSession, info: &RoomInfo) -> bool {
    is_team(session, info)
        || (matches!(info.kind, RoomKind::Support | RoomKind::Topic) && is_organizer(session, info))
}

/// Whether the person may read a room: its members and those who join it without an
/// invitation. The one rule for a room's history over HTTP and its topic on the socket.
pub async fn may_read(db: &Db, session: &AuthSession, info: &RoomInfo) -> Result<bool, AppError> {
    Ok(joins_without_invitation(session, info)
        || db::chat::is_member(db, &info.id, &session.user.id).await?)
}

/// Loads a room the person may write to, making the booth's team members (and organizers in a
/// support room) members on their first visit; others get `NotFound`, so room ids leak nothing.
pub async fn writable_room(
    db: &Db,
    session: &AuthSession,
    room_id: &str,
) -> Result<RoomInfo, AppError> {
    if !domain::text::is_id(room_id) {
        return Err(AppError::NotFound);
    }
    let info = db::chat::room(db, room_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if db::chat::is_member(db, room_id, &session.user.id).await? {
        return Ok(info);
    }
    if joins_without_invitation(session, &info) {
        db::chat::add_member(db, room_id, &session.user.id, db::now_millis()).await?;
        return Ok(info);
    }
    Err(AppError::NotFound)
}

/// Opens the signed-in person's conversation with the organizers of the current expo (their
/// support desk; the same room every time). Organizers join it when they open it, and every
/// organizer of the expo is a member from the start. Returns the room id.
pub async fn open_support_room(
    state: &AppState,
    session: &AuthSession,
) -> Result<String, AppError> {
    let expo = db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    if authorize(
        Some(&session.actor),
        Action::ModerateChat { expo_id: &expo.id },
    )
    .is_ok()
    {
        // Organizers answer the desk; they do not write to it.
        return Err(AppError::Conflict("chat-error-own-support".into()));
    }
    let key = room_key(RoomKind::Support, &expo.id, &session.user.id);
    if let Some(id) = db::chat::room_by_key(&state.db, &key).await? {
        return Ok(id);
    }
    let mut members = db::chat::holders_of(&state.db, &expo.id, Role::Organizer.as_str()).await?;
    members.push(session.user.id.clone());
    let room = db::chat::NewRoom {
        id: &db::new_id(),
        expo_id: &expo.id,
        kind: RoomKind::Support,
        key: &key,
        exhibitor_id: None,
        created_by: &session.user.id,
        at: db::now_millis(),
    };
    create_room(state, &room, &members).await
}

/// Opens the signed-in person's one-to-one conversation with another person of the current
/// expo (the same room every time, whoever starts it). Organizers may write to anyone on the
/// platform (the people directory); a booth's team to the expo's professional buyers (the buyer
/// directory: messages reveal no contact details); buyers and visitors write to booths and to
/// the support desk instead. Returns the room id.
pub async fn open_direct_room(ctx: &crate::state::Ctx, other_id: &str) -> Result<String, AppError> {
    let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    let state = &ctx.state;
    if !domain::text::is_id(other_id) {
        return Err(AppError::NotFound);
    }
    if other_id == session.user.id {
        return Err(AppError::Conflict("chat-error-self".into()));
    }
    // Organizers write within the expo their console manages; a booth's team within the
    // public expo.
    let (expo_id, organizer) = match crate::console::managed_expo(ctx).await {
        Ok(id) => (id, true),
        Err(_) => (
            db::expo::current_expo(&state.db)
                .await?
                .ok_or(AppError::NotFound)?
                .id,
            false,
        ),
    };
    authorize(
        Some(&session.actor),
        Action::MessageFromDirectory { expo_id: &expo_id },
    )?;
    let reachable = if organizer {
        db::account::get_user(&state.db, other_id).await?.is_some()
    } else {
        db::buyer::get(&state.db, &expo_id, other_id)
            .await?
            .is_some()
    };
    if !reachable {
        return Err(AppError::NotFound);
    }
    if db::chat::blocks(&state.db, &session.user.id, other_id).await? {
        return Err(AppError::Conflict("chat-error-you-blocked".into()));
    }
    if db::chat::blocks(&state.db, other_id, &session.user.id).await? {
        return Err(AppError::Conflict("chat-error-blocked".into()));
    }
    let key = domain::chat::direct_room_key(&expo_id, &session.user.id, other_id);
    if let Some(id) = db::chat::room_by_key(&state.db, &key).await? {
        return Ok(id);
    }
    let room = db::chat::NewRoom {
        id: &db::new_id(),
        expo_id: &expo_id,
        kind: RoomKind::Direct,
        key: &key,
        exhibitor_id: None,
        created_by: &session.user.id,
        at: db::now_millis(),
    };
    create_room(
        state,
        &room,
        &[session.user.id.clone(), other_id.to_owned()],
    )
    .await
}

/// Creates a room with its first members in one transaction; when a concurrent request made
/// the room with the same key first, that room's id.
async fn create_room(
    state: &AppState,
    room: &db::chat::NewRoom<'_>,
    members: &[String],
) -> Result<String, AppError> {
    let mut tx = state.db.begin().await?;
    let id = db::chat::create_room(&mut tx, room, members).await?;
    db::commit(tx).await?;
    Ok(id)
}

/// Opens the conversation of the signed-in person with a booth's team (the same room every
/// time). Returns the room id.
pub async fn open_booth_room(
    state: &AppState,
    session: &AuthSession,
    exhibitor_id: &str,
) -> Result<String, AppError> {
    if !domain::text::is_id(exhibitor_id) {
        return Err(AppError::NotFound);
    }
    let expo_id = db::chat::exhibitor_expo(&state.db, exhibitor_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let key = room_key(RoomKind::Booth, exhibitor_id, &session.user.id);
    if let Some(id) = db::chat::room_by_key(&state.db, &key).await? {
        return Ok(id);
    }
    let mut members = db::chat::booth_team(&state.db, &expo_id, exhibitor_id).await?;
    if members.contains(&session.user.id) {
        // The team talks among itself elsewhere; a booth room is with someone outside it.
        return Err(AppError::Conflict("chat-error-own-booth".into()));
    }
    members.push(session.user.id.clone());
    let room = db::chat::NewRoom {
        id: &db::new_id(),
        expo_id: &expo_id,
        kind: RoomKind::Booth,
        key: &key,
        exhibitor_id: Some(exhibitor_id),
        created_by: &session.user.id,
        at: db::now_millis(),
    };
    create_room(state, &room, &members).await
}

/// Sends a message, with a file uploaded into the room beforehand if `attachment` names one:
/// stored with its realtime event in one transaction, then published on the room's topic, and
/// every other member's unread count nudged. A retry with the same client id returns the stored
/// message and publishes nothing (the boolean says whether it is new).
pub async fn send(
    state: &AppState,
    session: &AuthSession,
    room_id: &str,
    text: &str,
    cid: &str,
    attachment: Option<&str>,
) -> Result<(ChatMessage, bool), AppError> {
    let attachment = attachment.filter(|a| !a.is_empty());
    if !domain::chat::is_client_id(cid) {
        return Err(AppError::Validation(vec![FieldError::new(
            "cid",
            "error-request-malformed",
        )]));
    }
    if !crate::ops::service::may_write(state, Some(session)).await? {
        return Err(AppError::ReadOnly);
    }
    let text = domain::chat::parse_message_with(text, attachment.is_some())
        .map_err(|e| AppError::Validation(vec![e]))?;
    let info = writable_room(&state.db, session, room_id).await?;
    // A retry of a message already stored is answered with it, whatever changed since.
    if let Some(existing) = db::chat::message_by_client_id(&state.db, &session.user.id, cid).await?
    {
        return Ok((existing, false));
    }
    super::moderation::may_post(state, session, &info).await?;
    // A file goes with the message only once, by its uploader, in the room it was uploaded to.
    let gone = || AppError::Validation(vec![FieldError::new("attachment", "chat-error-file-gone")]);
    let file = match attachment {
        None => None,
        Some(a) if !domain::text::is_id(a) => return Err(gone()),
        Some(a) => match db::chat::attachment(&state.db, a).await? {
            Some(r)
                if r.room_id == info.id
                    && r.uploaded_by == session.user.id
                    && r.message_id.is_none() =>
            {
                Some(r.file)
            }
            _ => return Err(gone()),
        },
    };
    if let Err(not_until) = state.chat_limiter.check_key(&session.user.id) {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        return Err(AppError::RateLimited {
            retry_after_secs: wait.as_secs().max(1),
        });
    }
    let topic = Topic::Chat(info.id.clone()).to_string();
    let hub = &state.hub;
    let guard = hub.lock(&topic).await;
    let at = db::now_millis();
    let mut message = ChatMessage {
        id: 0,
        room_id: info.id.clone(),
        sender_id: session.user.id.clone(),
        sender_name: session.user.display_name.clone(),
        cid: cid.to_owned(),
        text,
        at,
        edited_at: None,
        removed: None,
        attachment: file.map(Box::new),
    };
    let mut tx = state.db.begin().await?;
    // The body is stored before its id is known (one insert); a replay fills the id in from
    // the event's (`EventBody::assign_id`).
    let body = EventBody::ChatMessage(message.clone());
    let json = serde_json::to_string(&body).map_err(AppError::internal)?;
    let id = db::realtime::insert_event(&state.db, &mut tx, &topic, &json, at).await?;
    message.id = id;
    let inserted = db::chat::insert_message(&mut tx, &message).await;
    if inserted.is_ok() {
        if let Some(file) = &message.attachment {
            if !db::chat::attach(&mut tx, &file.id, id, &info.id, &session.user.id).await? {
                // Sent with another message meanwhile.
                return Err(gone());
            }
        }
    }
    match inserted {
        Ok(()) => {}
        Err(db::Error::Unique) => {
            // The same client id raced in on another connection: that one won.
            drop(tx);
            drop(guard);
            let existing = db::chat::message_by_client_id(&state.db, &session.user.id, cid)
                .await?
                .ok_or(AppError::NotFound)?;
            return Ok((existing, false));
        }
        Err(e) => return Err(e.into()),
    }
    db::commit(tx).await?;
    hub.publish_event(&Event {
        id,
        topic,
        at,
        body: EventBody::ChatMessage(message.clone()),
    });
    drop(guard);
    for member in db::chat::member_ids(&state.db, &info.id).await? {
        if member != session.user.id {
            hub.signal(&Topic::User(member).to_string(), Hint::Unread);
        }
    }
    // The sender has read their own room up to here. Nobody is told: a message is its
    // sender's read mark already (every client counts it so), which spares a hint per message
    // to every follower of the room.
    db::chat::mark_read(&state.db, &info.id, &session.user.id, id).await?;
    Ok((message, true))
}

/// Moves the person's read mark forward and tells the room (read receipts) and the person's
/// other tabs (unread badge).
pub async fn mark_read(
    state: &AppState,
    session: &AuthSession,
    room_id: &str,
    id: i64,
) -> Result<(), AppError> {
    let info = writable_room(&state.db, session, room_id).await?;
    if db::chat::mark_read(&state.db, &info.id, &session.user.id, id).await? {
        state.hub.signal(
            &Topic::Chat(info.id.clone()).to_string(),
            Hint::Read {
                user_id: session.user.id.clone(),
                id,
            },
        );
        state.hub.signal(
            &Topic::User(session.user.id.clone()).to_string(),
            Hint::Unread,
        );
    }
    Ok(())
}

/// Tells the room the person is typing.
pub async fn typing(
    state: &AppState,
    session: &AuthSession,
    room_id: &str,
) -> Result<(), AppError> {
    let info = writable_room(&state.db, session, room_id).await?;
    // Someone who may not write there does not show as typing either.
    if super::moderation::may_post(state, session, &info)
        .await
        .is_err()
    {
        return Ok(());
    }
    state.hub.signal(
        &Topic::Chat(info.id).to_string(),
        Hint::Typing {
            user_id: session.user.id.clone(),
            name: session.user.display_name.clone(),
        },
    );
    Ok(())
}

/// A room with a page of history before `before` (the newest page when `None`).
pub async fn room_view(
    state: &AppState,
    session: &AuthSession,
    room_id: &str,
    before: Option<i64>,
) -> Result<RoomView, AppError> {
    let info = writable_room(&state.db, session, room_id).await?;
    let members = db::chat::members(&state.db, &info.id).await?;
    let mut messages = db::chat::messages(&state.db, &info.id, before, HISTORY_PAGE + 1).await?;
    let has_more = messages.len() as i64 > HISTORY_PAGE;
    if has_more {
        messages.remove(0);
    }
    let exhibitor_name = match &info.exhibitor_id {
        Some(ex) => db::chat::exhibitor_name(&state.db, ex).await?,
        None => None,
    };
    let others: Vec<String> = members
        .iter()
        .filter(|m| m.user_id != session.user.id)
        .map(|m| m.name.clone())
        .collect();
    // The person a block from here would concern: the other side of a one-to-one room; the
    // visitor of a booth room, for the booth's team.
    let other = match info.kind {
        RoomKind::Direct => members
            .iter()
            .find(|m| m.user_id != session.user.id)
            .map(|m| m.user_id.clone()),
        RoomKind::Booth if is_team(session, &info) => info.created_by.clone(),
        _ => None,
    };
    let blocked = match &other {
        Some(o) => db::chat::blocks(&state.db, &session.user.id, o).await?,
        None => false,
    };
    let online = members
        .iter()
        .filter(|m| m.user_id != session.user.id && state.hub.is_online(&m.user_id))
        .map(|m| m.user_id.clone())
        .collect();
    let muted = info.kind != RoomKind::Support
        && db::chat::is_muted(&state.db, &info.expo_id, &session.user.id).await?;
    Ok(RoomView {
        title: domain::chat::room_title(
            info.kind,
            &session.user.id,
            info.created_by.as_deref(),
            exhibitor_name,
            others,
            info.title.clone(),
        ),
        id: info.id,
        kind: info.kind,
        exhibitor_id: info.exhibitor_id,
        members,
        messages,
        has_more,
        me: session.user.id.clone(),
        other,
        blocked,
        muted,
        online,
        can_translate: state.translator.is_some(),
    })
}

/// Tells the rooms of a person that they came online (their first tab) or went offline (their
/// last tab closed), so the conversations they are in show it. What is announced is the state
/// at the time of announcing: a tab closed and another opened at once end up "online".
pub async fn announce_presence(state: &AppState, user_id: &str) {
    match db::chat::room_ids_of(&state.db, user_id).await {
        Ok(rooms) => {
            let online = state.hub.is_online(user_id);
            for room in rooms {
                state.hub.signal(
                    &Topic::Chat(room).to_string(),
                    Hint::Presence {
                        user_id: user_id.to_owned(),
                        online,
                    },
                );
            }
        }
        Err(e) => tracing::warn!(error = ?e, "presence not announced"),
    }
}
