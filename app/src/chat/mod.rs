//! Instant messaging: conversations between visitors or buyers and a booth's team, two people,
//! someone with the organizers, a meeting's participants, and topic rooms anyone may join; with
//! history, unread counts, read receipts and typing, live over the realtime hub.
//!
//! Invariants: a message is stored (with its realtime event) before anyone is told about it; a
//! client message id is stored once per sender; only a room's members, its booth's team and the
//! expo's organizers see it, and everyone else gets "not found".

pub mod api;
pub mod attach;
pub mod chat_button;
pub mod conversation;
pub mod message_row;
pub mod messages_page;
#[cfg(feature = "ssr")]
pub mod moderation;
pub mod moderation_page;
pub mod room_list;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod topics;
pub mod topics_page;
#[cfg(feature = "ssr")]
pub mod translate;
pub mod unread_badge;
