//! Messaging server functions. The live path (sending, typing, read marks) also runs over the
//! realtime socket; these serve page loads, history, and sending without JavaScript.

use crate::AppError;
use domain::chat::{ChatMessage, ModerationView, RoomSummary, RoomView, TopicsView, Translated};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn signed_in(ctx: &crate::state::Ctx) -> Result<&crate::state::AuthSession, AppError> {
    ctx.session.as_ref().ok_or(AppError::Unauthenticated)
}

/// Opens (or reopens) the signed-in person's conversation with a booth's team and goes there.
#[server(prefix = "/api", endpoint = "chat/start-booth")]
pub async fn start_booth_chat(exhibitor_id: String) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let id = super::service::open_booth_room(&ctx.state, session, &exhibitor_id).await?;
        leptos_axum::redirect(&format!("/messages/{id}"));
        Ok(id)
    }
    .await
    .map_err(crate::error::with_status)
}

/// Opens (or reopens) the signed-in person's one-to-one conversation with another person
/// (organizers with anyone, a booth's team with a buyer) and goes there.
#[server(prefix = "/api", endpoint = "chat/start-direct")]
pub async fn start_direct_chat(user_id: String) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let id = super::service::open_direct_room(&ctx, &user_id).await?;
        leptos_axum::redirect(&format!("/messages/{id}"));
        Ok(id)
    }
    .await
    .map_err(crate::error::with_status)
}

/// Opens (or reopens) the signed-in person's conversation with the organizers' support desk.
#[server(prefix = "/api", endpoint = "chat/start-support")]
pub async fn start_support_chat() -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let id = super::service::open_support_room(&ctx.state, session).await?;
        leptos_axum::redirect(&format!("/messages/{id}"));
        Ok(id)
    }
    .await
    .map_err(crate::error::with_status)
}

/// The public expo's topic rooms (anyone may see the list; joining needs an account).
#[server(prefix = "/api", endpoint = "chat/topics")]
pub async fn topic_rooms() -> Result<TopicsView, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::topics::list(&ctx.state, ctx.session.as_ref()).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Opens a topic room (organizers of the public expo) and goes there.
#[server(prefix = "/api", endpoint = "chat/create-topic")]
pub async fn create_topic(
    title: String,
    #[server(default)] about: String,
    #[server(default)] hall: String,
) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let id = super::topics::create(&ctx.state, session, &title, &about, &hall).await?;
        crate::console::audit(&ctx, "chat.topic.create", &id).await;
        leptos_axum::redirect(&format!("/messages/{id}"));
        Ok(id)
    }
    .await
    .map_err(crate::error::with_status)
}

/// Joins a topic room and goes there.
#[server(prefix = "/api", endpoint = "chat/join-topic")]
pub async fn join_topic(room_id: String) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::topics::join(&ctx.state, session, &room_id).await?;
        leptos_axum::redirect(&format!("/messages/{room_id}"));
        Ok(room_id)
    }
    .await
    .map_err(crate::error::with_status)
}

/// Leaves a topic room and goes back to the list of topic rooms.
#[server(prefix = "/api", endpoint = "chat/leave-topic")]
pub async fn leave_topic(room_id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::topics::leave(&ctx.state, session, &room_id).await?;
        leptos_axum::redirect("/topics");
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// The signed-in person's conversations, most recent first.
#[server(prefix = "/api", endpoint = "chat/rooms")]
pub async fn my_rooms() -> Result<Vec<RoomSummary>, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let mut rooms = db::chat::rooms_of(&ctx.state.db, &session.user.id).await?;
        let hub = &ctx.state.hub;
        let online: std::collections::HashSet<String> =
            db::chat::co_members(&ctx.state.db, &session.user.id)
                .await?
                .into_iter()
                .filter(|(_, user)| hub.is_online(user))
                .map(|(room, _)| room)
                .collect();
        for r in &mut rooms {
            r.online = online.contains(&r.id);
        }
        Ok(rooms)
    }
    .await
    .map_err(crate::error::with_status)
}

/// A conversation with its newest messages, or the page before message `before`.
#[server(prefix = "/api", endpoint = "chat/room")]
pub async fn get_room(room_id: String, before: Option<i64>) -> Result<RoomView, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::room_view(&ctx.state, session, &room_id, before).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Sends a message (the form's path when the socket is not there, and without JavaScript).
#[server(prefix = "/api", endpoint = "chat/send")]
pub async fn send_message(
    room_id: String,
    text: String,
    cid: String,
    #[server(default)] attachment: Option<String>,
) -> Result<ChatMessage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let (message, _) = super::service::send(
            &ctx.state,
            session,
            &room_id,
            &text,
            &cid,
            attachment.as_deref(),
        )
        .await?;
        Ok(message)
    }
    .await
    .map_err(crate::error::with_status)
}

/// How many messages the signed-in person has not read (0 when not signed in).
#[server(prefix = "/api", endpoint = "chat/unread")]
pub async fn unread_count() -> Result<i64, AppError> {
    let ctx = crate::state::ctx()?;
    match ctx.session.as_ref() {
        Some(s) => Ok(db::chat::unread_total(&ctx.state.db, &s.user.id).await?),
        None => Ok(0),
    }
}

/// The sender changes the text of their message (within a day of sending it).
#[server(prefix = "/api", endpoint = "chat/edit")]
pub async fn edit_message(message_id: i64, text: String) -> Result<ChatMessage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::moderation::edit(&ctx.state, session, message_id, &text).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The sender deletes their message.
#[server(prefix = "/api", endpoint = "chat/delete")]
pub async fn delete_message(message_id: i64) -> Result<ChatMessage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::moderation::delete(&ctx.state, session, message_id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Reports another person's message to the expo's organizers.
#[server(prefix = "/api", endpoint = "chat/report")]
pub async fn report_message(
    message_id: i64,
    reason: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::moderation::report(&ctx.state, session, message_id, &reason, &note).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Blocks a person (`on` true) or lifts the block.
#[server(prefix = "/api", endpoint = "chat/block")]
pub async fn block_person(user_id: String, on: bool) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::moderation::set_block(&ctx.state, session, &user_id, on).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The reported messages and stopped people of the expo the console manages (organizers).
#[server(prefix = "/api", endpoint = "chat/moderation")]
pub async fn moderation_queue() -> Result<ModerationView, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::moderation::queue(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The organizers remove a reported message (`remove` true) or dismiss its reports.
#[server(prefix = "/api", endpoint = "chat/moderate")]
pub async fn moderate_message(message_id: i64, remove: bool) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        if remove {
            super::moderation::remove(&ctx, message_id).await
        } else {
            super::moderation::dismiss(&ctx, message_id).await
        }
    }
    .await
    .map_err(crate::error::with_status)
}

/// The organizers stop a person from writing in the expo's conversations (`on` true) or let
/// them again.
#[server(prefix = "/api", endpoint = "chat/mute")]
pub async fn mute_person(
    user_id: String,
    on: bool,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::moderation::set_mute(&ctx, &user_id, on, &reason).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// A message translated into the reader's language (when a provider is configured).
#[server(prefix = "/api", endpoint = "chat/translate")]
pub async fn translate_message(message_id: i64) -> Result<Translated, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::translate::translate(&ctx, message_id).await
    }
    .await
    .map_err(crate::error::with_status)
}
