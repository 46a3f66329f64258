//! Chat rooms, members and messages.

use crate::{classify, Db, Result, Tx};
use domain::chat::{
    room_title, Attachment, ChatMessage, MutedPerson, Removal, ReportLine, ReportReason, RoomKind,
    RoomMember, RoomSummary, TopicRoom,
};
use domain::text::LocalizedText;
use std::collections::HashMap;

/// A room's facts that authorization needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomInfo {
    /// Room id.
    pub id: String,
    /// The expo it belongs to.
    pub expo_id: String,
    /// Kind.
    pub kind: RoomKind,
    /// The booth of a booth room.
    pub exhibitor_id: Option<String>,
    /// Who started it.
    pub created_by: Option<String>,
    /// A topic room's title.
    pub title: Option<String>,
}

/// A room to create.
#[derive(Clone, Debug)]
pub struct NewRoom<'a> {
    /// New id.
    pub id: &'a str,
    /// Expo.
    pub expo_id: &'a str,
    /// Kind.
    pub kind: RoomKind,
    /// Uniqueness key (see [`domain::chat::room_key`]).
    pub key: &'a str,
    /// The booth of a booth room.
    pub exhibitor_id: Option<&'a str>,
    /// Who starts it.
    pub created_by: &'a str,
    /// Now.
    pub at: i64,
}

/// The room with this key, if it exists.
pub async fn room_by_key(db: &Db, key: &str) -> Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT id FROM chat_rooms WHERE room_key = $1")
        .bind(key)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|(id,)| id))
}

/// Creates a room with its first members, or returns the id of the room that already has the
/// key (two people starting the same conversation at once get one room).
pub async fn create_room(tx: &mut Tx, room: &NewRoom<'_>, members: &[String]) -> Result<String> {
    sqlx::query(
        "INSERT INTO chat_rooms (id, expo_id, kind, room_key, exhibitor_id, created_by, created_at, last_message_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (room_key) DO NOTHING",
    )
    .bind(room.id)
    .bind(room.expo_id)
    .bind(room.kind.as_str())
    .bind(room.key)
    .bind(room.exhibitor_id)
    .bind(room.created_by)
    .bind(room.at)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    let (id,): (String,) = sqlx::query_as("SELECT id FROM chat_rooms WHERE room_key = $1")
        .bind(room.key)
        .fetch_one(&mut **tx)
        .await?;
    for user in members {
        sqlx::query(
            "INSERT INTO chat_members (room_id, user_id, joined_at, last_read_id) VALUES ($1, $2, $3, 0) \
             ON CONFLICT (room_id, user_id) DO NOTHING",
        )
        .bind(&id)
        .bind(user)
        .bind(room.at)
        .execute(&mut **tx)
        .await
        .map_err(classify)?;
    }
    Ok(id)
}

/// Adds a member (nothing happens when they already are one).
pub async fn add_member(db: &Db, room_id: &str, user_id: &str, at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO chat_members (room_id, user_id, joined_at, last_read_id) VALUES ($1, $2, $3, 0) \
         ON CONFLICT (room_id, user_id) DO NOTHING",
    )
    .bind(room_id)
    .bind(user_id)
    .bind(at)
    .execute(db.pool())
    .await
    .map_err(classify)?;
    Ok(())
}

/// A room's facts, if it exists.
pub async fn room(db: &Db, room_id: &str) -> Result<Option<RoomInfo>> {
    type Row = (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, expo_id, kind, exhibitor_id, created_by, title FROM chat_rooms WHERE id = $1",
    )
    .bind(room_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(
        row.and_then(|(id, expo_id, kind, exhibitor_id, created_by, title)| {
            Some(RoomInfo {
                id,
                expo_id,
                kind: RoomKind::parse(&kind)?,
                exhibitor_id,
                created_by,
                title,
            })
        }),
    )
}

/// Sets a topic room's title, description and hall.
pub async fn set_topic(
    tx: &mut Tx,
    room_id: &str,
    title: &str,
    about: &str,
    hall_id: Option<&str>,
) -> Result<()> {
    sqlx::query("UPDATE chat_rooms SET title = $2, about = $3, hall_id = $4 WHERE id = $1")
        .bind(room_id)
        .bind(title)
        .bind(about)
        .bind(hall_id)
        .execute(&mut **tx)
        .await
        .map_err(classify)?;
    Ok(())
}

/// Takes a person out of a room; false when they were not in it.
pub async fn remove_member(db: &Db, room_id: &str, user_id: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM chat_members WHERE room_id = $1 AND user_id = $2")
        .bind(room_id)
        .bind(user_id)
        .execute(db.pool())
        .await
        .map_err(classify)?;
    Ok(done.rows_affected() > 0)
}

/// The topic rooms of an expo, most recently active first (at most 200), with whether
/// `user_id` is in each.
pub async fn topic_rooms(db: &Db, expo_id: &str, user_id: &str) -> Result<Vec<TopicRoom>> {
    type Row = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        i64,
        i64,
        i64,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT r.id, r.title, r.about, h.name, h.slug,            (SELECT COUNT(*) FROM chat_members m WHERE m.room_id = r.id), r.last_message_at,            (SELECT COUNT(*) FROM chat_members m WHERE m.room_id = r.id AND m.user_id = $2)          FROM chat_rooms r LEFT JOIN halls h ON h.id = r.hall_id          WHERE r.expo_id = $1 AND r.kind = 'topic'          ORDER BY r.last_message_at DESC, r.id LIMIT 200",
    )
    .bind(expo_id)
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, title, about, hall, hall_slug, members, active_at, mine)| TopicRoom {
                id,
                title: title.unwrap_or_default(),
                about: about.unwrap_or_default(),
                hall: hall.as_deref().map(LocalizedText::from_json),
                hall_slug,
                members,
                active_at,
                joined: mine > 0,
            },
        )
        .collect())
}

/// Whether the person is a member of the room.
pub async fn is_member(db: &Db, room_id: &str, user_id: &str) -> Result<bool> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM chat_members WHERE room_id = $1 AND user_id = $2")
            .bind(room_id)
            .bind(user_id)
            .fetch_one(db.pool())
            .await?;
    Ok(n > 0)
}

/// The members' user ids.
pub async fn member_ids(db: &Db, room_id: &str) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT user_id FROM chat_members WHERE room_id = $1 ORDER BY joined_at, user_id",
    )
    .bind(room_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// The members with names and read marks.
pub async fn members(db: &Db, room_id: &str) -> Result<Vec<RoomMember>> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT u.id, u.display_name, m.last_read_id FROM chat_members m JOIN users u ON u.id = m.user_id \
         WHERE m.room_id = $1 ORDER BY m.joined_at, u.id",
    )
    .bind(room_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(user_id, name, last_read_id)| RoomMember {
            user_id,
            name,
            last_read_id,
        })
        .collect())
}

/// The rooms a person is a member of (at most 500, the most recently active first).
pub async fn room_ids_of(db: &Db, user_id: &str) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT r.id FROM chat_members m JOIN chat_rooms r ON r.id = m.room_id WHERE m.user_id = $1 \
         ORDER BY r.last_message_at DESC LIMIT 500",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// The other members of each of a person's rooms: (room id, user id).
pub async fn co_members(db: &Db, user_id: &str) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT o.room_id, o.user_id FROM chat_members o WHERE o.user_id <> $1 \
         AND o.room_id IN (SELECT room_id FROM chat_members WHERE user_id = $1)",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?)
}

/// Users holding the exhibitor role for a booth (its team).
pub async fn booth_team(db: &Db, expo_id: &str, exhibitor_id: &str) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT user_id FROM memberships WHERE expo_id = $1 AND role = 'exhibitor' AND exhibitor_id = $2 \
         ORDER BY user_id",
    )
    .bind(expo_id)
    .bind(exhibitor_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Users holding a role in an expo.
pub async fn holders_of(db: &Db, expo_id: &str, role: &str) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT user_id FROM memberships WHERE expo_id = $1 AND role = $2 ORDER BY user_id",
    )
    .bind(expo_id)
    .bind(role)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

const MESSAGE_COLUMNS: &str = "m.id, m.room_id, m.sender_id, u.display_name, m.client_id, m.body, \
     m.created_at, m.edited_at, m.deleted_by, a.id, a.kind, a.name, a.content_type, a.byte_size, \
     a.width, a.height, a.variants";

/// Messages with their sender and their file, if any (`m`, `u`, `a`).
const MESSAGE_FROM: &str = "chat_messages m JOIN users u ON u.id = m.sender_id \
     LEFT JOIN chat_attachments a ON a.message_id = m.id";

/// A message row: the message, then its file's columns (all null without one).
struct MessageRow(ChatMessage);

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for MessageRow {
    fn from_row(row: &'r sqlx::any::AnyRow) -> std::result::Result<Self, sqlx::Error> {
        use sqlx::Row;
        let deleted_by: Option<String> = row.try_get(8)?;
        let attachment = match row.try_get::<Option<String>, _>(9)? {
            Some(id) => Some(Box::new(Attachment {
                id,
                kind: row.try_get::<Option<String>, _>(10)?.unwrap_or_default(),
                name: row.try_get::<Option<String>, _>(11)?.unwrap_or_default(),
                content_type: row.try_get::<Option<String>, _>(12)?.unwrap_or_default(),
                byte_size: row.try_get::<Option<i64>, _>(13)?.unwrap_or_default(),
                width: row.try_get(14)?,
                height: row.try_get(15)?,
                variants: row
                    .try_get::<Option<String>, _>(16)?
                    .map(|v| split_variants(&v))
                    .unwrap_or_default(),
            })),
            None => None,
        };
        Ok(MessageRow(ChatMessage {
            id: row.try_get(0)?,
            room_id: row.try_get(1)?,
            sender_id: row.try_get(2)?,
            sender_name: row.try_get(3)?,
            cid: row.try_get(4)?,
            text: row.try_get(5)?,
            at: row.try_get(6)?,
            edited_at: row.try_get(7)?,
            removed: deleted_by.as_deref().and_then(Removal::parse),
            attachment,
        }))
    }
}

fn message(row: MessageRow) -> ChatMessage {
    row.0
}

/// Variants are stored comma-separated.
pub(crate) fn split_variants(v: &str) -> Vec<String> {
    v.split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A message by id, if it exists.
pub async fn message_by_id(db: &Db, id: i64) -> Result<Option<ChatMessage>> {
    let row: Option<MessageRow> = sqlx::query_as(&format!(
        "SELECT {MESSAGE_COLUMNS} FROM {MESSAGE_FROM} WHERE m.id = $1"
    ))
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(message))
}

/// Replaces a message's text (its sender edited it); false when it has been removed.
pub async fn update_text(tx: &mut Tx, id: i64, text: &str, at: i64) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE chat_messages SET body = $2, edited_at = $3 WHERE id = $1 AND deleted_by IS NULL",
    )
    .bind(id)
    .bind(text)
    .bind(at)
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
}

/// Takes a message back: its text is erased, its row stays (ids and read marks stay right);
/// false when it was removed already. The reports of it keep no copy of the text once
/// they are closed.
pub async fn remove_message(tx: &mut Tx, id: i64, by: Removal, at: i64) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE chat_messages SET body = '', deleted_at = $2, deleted_by = $3 \
         WHERE id = $1 AND deleted_by IS NULL",
    )
    .bind(id)
    .bind(at)
    .bind(by.as_str())
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
}

/// Records that `user_id` blocks `blocked_id` (nothing happens when they already do).
pub async fn block(db: &Db, user_id: &str, blocked_id: &str, at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO chat_blocks (user_id, blocked_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, blocked_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(blocked_id)
    .bind(at)
    .execute(db.pool())
    .await
    .map_err(classify)?;
    Ok(())
}

/// Lifts a block.
pub async fn unblock(db: &Db, user_id: &str, blocked_id: &str) -> Result<()> {
    sqlx::query("DELETE FROM chat_blocks WHERE user_id = $1 AND blocked_id = $2")
        .bind(user_id)
        .bind(blocked_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Whether `user_id` blocks `other_id`.
pub async fn blocks(db: &Db, user_id: &str, other_id: &str) -> Result<bool> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM chat_blocks WHERE user_id = $1 AND blocked_id = $2")
            .bind(user_id)
            .bind(other_id)
            .fetch_one(db.pool())
            .await?;
    Ok(n > 0)
}

/// How a block stands between a person and the other members of a room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockState {
    /// No block either way.
    None,
    /// The person blocks a member.
    Blocking,
    /// A member blocks the person.
    BlockedBy,
}

/// Whether a block stands between `user_id` and another member of the room.
pub async fn block_in_room(db: &Db, room_id: &str, user_id: &str) -> Result<BlockState> {
    let (blocking, blocked_by): (i64, i64) = sqlx::query_as(
        "SELECT \
           (SELECT COUNT(*) FROM chat_blocks b JOIN chat_members m ON m.user_id = b.blocked_id \
             WHERE m.room_id = $1 AND b.user_id = $2), \
           (SELECT COUNT(*) FROM chat_blocks b JOIN chat_members m ON m.user_id = b.user_id \
             WHERE m.room_id = $1 AND b.blocked_id = $2)",
    )
    .bind(room_id)
    .bind(user_id)
    .fetch_one(db.pool())
    .await?;
    Ok(if blocking > 0 {
        BlockState::Blocking
    } else if blocked_by > 0 {
        BlockState::BlockedBy
    } else {
        BlockState::None
    })
}

/// A report to store.
#[derive(Clone, Debug)]
pub struct NewReport<'a> {
    /// New id.
    pub id: &'a str,
    /// The room's expo.
    pub expo_id: &'a str,
    /// Room.
    pub room_id: &'a str,
    /// The message reported.
    pub message_id: i64,
    /// Who reports it.
    pub reporter_id: &'a str,
    /// Why.
    pub reason: ReportReason,
    /// Their note.
    pub note: &'a str,
    /// The message's text when reported (what the organizers judge, even if the sender edits
    /// or deletes it afterwards).
    pub text: &'a str,
    /// Now.
    pub at: i64,
}

/// Stores a report; false when this person already reported this message.
pub async fn insert_report(db: &Db, r: &NewReport<'_>) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO chat_reports (id, expo_id, room_id, message_id, reporter_id, reason, note, created_at, \
           message_text) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (message_id, reporter_id) DO NOTHING",
    )
    .bind(r.id)
    .bind(r.expo_id)
    .bind(r.room_id)
    .bind(r.message_id)
    .bind(r.reporter_id)
    .bind(r.reason.as_str())
    .bind(r.note)
    .bind(r.at)
    .bind(r.text)
    .execute(db.pool())
    .await
    .map_err(classify)?;
    Ok(done.rows_affected() > 0)
}

/// A reported message waiting for the organizers: its id, its room's kind, the reports, and
/// its text as first reported.
pub type OpenReport = (i64, RoomKind, Vec<ReportLine>, String);

/// The open reports of an expo, grouped by message (the longest waiting first, at most 100
/// messages).
pub async fn open_reports(db: &Db, expo_id: &str) -> Result<Vec<OpenReport>> {
    type Row = (i64, String, String, String, String, i64, String);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT r.message_id, k.kind, u.display_name, r.reason, r.note, r.created_at, r.message_text \
         FROM chat_reports r JOIN users u ON u.id = r.reporter_id JOIN chat_rooms k ON k.id = r.room_id \
         WHERE r.expo_id = $1 AND r.outcome IS NULL ORDER BY r.created_at, r.id LIMIT 1000",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<OpenReport> = Vec::new();
    for (message_id, kind, reporter_name, reason, note, at, text) in rows {
        let (Some(kind), Some(reason)) = (RoomKind::parse(&kind), ReportReason::parse(&reason))
        else {
            continue;
        };
        let line = ReportLine {
            reporter_name,
            reason,
            note,
            at,
        };
        match out.iter().position(|(id, ..)| *id == message_id) {
            Some(i) => out[i].2.push(line),
            None if out.len() < 100 => out.push((message_id, kind, vec![line], text)),
            None => {}
        }
    }
    Ok(out)
}

/// Closes the open reports of a message with an outcome (`removed` or `dismissed`); returns
/// how many it closed.
pub async fn resolve_reports(
    db: &Db,
    message_id: i64,
    outcome: &str,
    by: &str,
    at: i64,
) -> Result<u64> {
    Ok(sqlx::query(
        "UPDATE chat_reports SET outcome = $2, resolved_by = $3, resolved_at = $4, message_text = '' \
         WHERE message_id = $1 AND outcome IS NULL",
    )
    .bind(message_id)
    .bind(outcome)
    .bind(by)
    .bind(at)
    .execute(db.pool())
    .await?
    .rows_affected())
}

/// Stops a person from writing in an expo's conversations (the note is kept for the
/// organizers; muting again keeps the first one).
pub async fn mute(
    db: &Db,
    expo_id: &str,
    user_id: &str,
    by: &str,
    reason: &str,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO chat_mutes (expo_id, user_id, muted_by, reason, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (expo_id, user_id) DO NOTHING",
    )
    .bind(expo_id)
    .bind(user_id)
    .bind(by)
    .bind(reason)
    .bind(at)
    .execute(db.pool())
    .await
    .map_err(classify)?;
    Ok(())
}

/// Lets a muted person write again; false when they were not muted.
pub async fn unmute(db: &Db, expo_id: &str, user_id: &str) -> Result<bool> {
    Ok(
        sqlx::query("DELETE FROM chat_mutes WHERE expo_id = $1 AND user_id = $2")
            .bind(expo_id)
            .bind(user_id)
            .execute(db.pool())
            .await?
            .rows_affected()
            > 0,
    )
}

/// Whether the organizers stopped a person from writing in the expo.
pub async fn is_muted(db: &Db, expo_id: &str, user_id: &str) -> Result<bool> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM chat_mutes WHERE expo_id = $1 AND user_id = $2")
            .bind(expo_id)
            .bind(user_id)
            .fetch_one(db.pool())
            .await?;
    Ok(n > 0)
}

/// The people stopped from writing in an expo, the most recent first.
pub async fn muted(db: &Db, expo_id: &str) -> Result<Vec<MutedPerson>> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT m.user_id, u.display_name, m.reason, m.created_at FROM chat_mutes m \
         JOIN users u ON u.id = m.user_id WHERE m.expo_id = $1 ORDER BY m.created_at DESC, m.user_id",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(user_id, name, reason, at)| MutedPerson {
            user_id,
            name,
            reason,
            at,
        })
        .collect())
}

/// A page of history: the `limit` newest messages before id `before` (all when `None`),
/// oldest first.
pub async fn messages(
    db: &Db,
    room_id: &str,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<ChatMessage>> {
    let rows: Vec<MessageRow> = sqlx::query_as(&format!(
        "SELECT {MESSAGE_COLUMNS} FROM {MESSAGE_FROM} \
         WHERE m.room_id = $1 AND m.id < $2 ORDER BY m.id DESC LIMIT $3"
    ))
    .bind(room_id)
    .bind(before.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().rev().map(message).collect())
}

/// The message a sender already sent with this client id, if any.
pub async fn message_by_client_id(
    db: &Db,
    sender_id: &str,
    client_id: &str,
) -> Result<Option<ChatMessage>> {
    let row: Option<MessageRow> = sqlx::query_as(&format!(
        "SELECT {MESSAGE_COLUMNS} FROM {MESSAGE_FROM} \
         WHERE m.sender_id = $1 AND m.client_id = $2"
    ))
    .bind(sender_id)
    .bind(client_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(message))
}

/// Stores a message (its id is the event id that publishes it) and moves the room up the
/// lists. A second message with the same sender and client id fails with [`crate::Error::Unique`].
pub async fn insert_message(tx: &mut Tx, m: &ChatMessage) -> Result<()> {
    sqlx::query(
        "INSERT INTO chat_messages (id, room_id, sender_id, client_id, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(m.id)
    .bind(&m.room_id)
    .bind(&m.sender_id)
    .bind(&m.cid)
    .bind(&m.text)
    .bind(m.at)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    sqlx::query("UPDATE chat_rooms SET last_message_at = $2 WHERE id = $1")
        .bind(&m.room_id)
        .bind(m.at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Moves a member's read mark forward to `id` (never back, never past the newest message).
/// Returns whether it moved.
pub async fn mark_read(db: &Db, room_id: &str, user_id: &str, id: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE chat_members SET last_read_id = $3 WHERE room_id = $1 AND user_id = $2 AND last_read_id < $3 \
         AND $3 <= (SELECT COALESCE(MAX(id), 0) FROM chat_messages WHERE room_id = $1)",
    )
    .bind(room_id)
    .bind(user_id)
    .bind(id)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() > 0)
}

/// How many messages from others the person has not read, over all their rooms.
pub async fn unread_total(db: &Db, user_id: &str) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM chat_members cm JOIN chat_messages m ON m.room_id = cm.room_id \
         WHERE cm.user_id = $1 AND m.id > cm.last_read_id AND m.sender_id <> $1",
    )
    .bind(user_id)
    .fetch_one(db.pool())
    .await?;
    Ok(n)
}

/// The person's conversations, most recently active first (at most 200).
pub async fn rooms_of(db: &Db, user_id: &str) -> Result<Vec<RoomSummary>> {
    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        i64,
        i64,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT r.id, r.kind, e.name, r.created_by, r.last_message_at, \
           (SELECT COUNT(*) FROM chat_messages x WHERE x.room_id = r.id AND x.id > cm.last_read_id AND x.sender_id <> $1), r.title \
         FROM chat_members cm JOIN chat_rooms r ON r.id = cm.room_id \
           LEFT JOIN exhibitors e ON e.id = r.exhibitor_id \
         WHERE cm.user_id = $1 ORDER BY r.last_message_at DESC, r.id LIMIT 200",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    let people: Vec<(String, String)> = sqlx::query_as(
        "SELECT o.room_id, u.display_name FROM chat_members o JOIN users u ON u.id = o.user_id \
         WHERE o.user_id <> $1 AND o.room_id IN (SELECT room_id FROM chat_members WHERE user_id = $1) \
         ORDER BY o.joined_at, u.id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    let mut others: HashMap<String, Vec<String>> = HashMap::new();
    for (room, name) in people {
        others.entry(room).or_default().push(name);
    }
    let lasts: Vec<MessageRow> = sqlx::query_as(&format!(
        "SELECT {MESSAGE_COLUMNS} FROM {MESSAGE_FROM} \
         WHERE m.id IN (SELECT MAX(x.id) FROM chat_messages x \
           WHERE x.room_id IN (SELECT room_id FROM chat_members WHERE user_id = $1) GROUP BY x.room_id)"
    ))
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    let mut last: HashMap<String, ChatMessage> = lasts
        .into_iter()
        .map(message)
        .map(|m| (m.room_id.clone(), m))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(
            |(id, kind, exhibitor_name, created_by, active_at, unread, topic)| {
                let kind = RoomKind::parse(&kind)?;
                let title = room_title(
                    kind,
                    user_id,
                    created_by.as_deref(),
                    exhibitor_name.as_deref().map(LocalizedText::from_json),
                    others.remove(&id).unwrap_or_default(),
                    topic,
                );
                Some(RoomSummary {
                    last: last.remove(&id),
                    id,
                    kind,
                    title,
                    unread,
                    active_at,
                    online: false,
                })
            },
        )
        .collect())
}

/// The name of the booth a room belongs to, as stored (JSON of a localized text).
pub async fn exhibitor_name(db: &Db, exhibitor_id: &str) -> Result<Option<LocalizedText>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT name FROM exhibitors WHERE id = $1")
        .bind(exhibitor_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|(n,)| LocalizedText::from_json(&n)))
}

/// The expo an exhibitor belongs to, if the exhibitor exists.
pub async fn exhibitor_expo(db: &Db, exhibitor_id: &str) -> Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT expo_id FROM exhibitors WHERE id = $1")
        .bind(exhibitor_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|(id,)| id))
}

/// A stored translation of a message into a language (its tag), if any.
pub async fn translation(db: &Db, message_id: i64, locale: &str) -> Result<Option<String>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT body FROM chat_translations WHERE message_id = $1 AND locale = $2")
            .bind(message_id)
            .bind(locale)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|(b,)| b))
}

/// Keeps a translation of the message's text as it was when `edited_at` was read (a
/// concurrent one for the same message and language wins; nothing is kept when the message
/// was edited or removed meanwhile).
pub async fn keep_translation(
    db: &Db,
    message_id: i64,
    edited_at: Option<i64>,
    locale: &str,
    body: &str,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO chat_translations (message_id, locale, body, created_at) \
         SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM chat_messages \
           WHERE id = $1 AND deleted_by IS NULL AND COALESCE(edited_at, 0) = $5) \
         ON CONFLICT (message_id, locale) DO NOTHING",
    )
    .bind(message_id)
    .bind(locale)
    .bind(body)
    .bind(at)
    .bind(edited_at.unwrap_or(0))
    .execute(db.pool())
    .await
    .map_err(classify)?;
    Ok(())
}

/// Forgets the translations of a message (its text changed or is gone).
pub async fn forget_translations(tx: &mut Tx, message_id: i64) -> Result<()> {
    sqlx::query("DELETE FROM chat_translations WHERE message_id = $1")
        .bind(message_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A file uploaded into a room, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentRecord {
    /// The file as messages show it.
    pub file: Attachment,
    /// The room it was uploaded into.
    pub room_id: String,
    /// Who uploaded it.
    pub uploaded_by: String,
    /// The message that carries it, once sent.
    pub message_id: Option<i64>,
}

/// Files `user_id` attached since `since`: how many, and their bytes.
pub async fn attached_since(db: &Db, user_id: &str, since: i64) -> Result<(i64, i64)> {
    // Sums are cast: PostgreSQL sums BIGINTs as NUMERIC.
    let row: (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), CAST(SUM(byte_size) AS BIGINT) FROM chat_attachments \
         WHERE uploaded_by = $1 AND created_at >= $2",
    )
    .bind(user_id)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok((row.0, row.1.unwrap_or(0)))
}

/// What the conversations of `expo_id` hold in files, all and since `since`.
pub async fn expo_storage(db: &Db, expo_id: &str, since: i64) -> Result<domain::chat::ChatStorage> {
    let row: (i64, Option<i64>, Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), CAST(SUM(a.byte_size) AS BIGINT), \
         CAST(SUM(CASE WHEN a.created_at >= $2 THEN 1 ELSE 0 END) AS BIGINT), \
         CAST(SUM(CASE WHEN a.created_at >= $2 THEN a.byte_size ELSE 0 END) AS BIGINT) \
         FROM chat_attachments a JOIN chat_rooms r ON r.id = a.room_id WHERE r.expo_id = $1",
    )
    .bind(expo_id)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok(domain::chat::ChatStorage {
        files: row.0,
        bytes: row.1.unwrap_or(0),
        files_today: row.2.unwrap_or(0),
        bytes_today: row.3.unwrap_or(0),
    })
}

/// Stores an uploaded file's row.
pub async fn insert_attachment(db: &Db, a: &AttachmentRecord, at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO chat_attachments (id, room_id, uploaded_by, message_id, kind, content_type, byte_size, \
           name, width, height, variants, created_at) \
         VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&a.file.id)
    .bind(&a.room_id)
    .bind(&a.uploaded_by)
    .bind(&a.file.kind)
    .bind(&a.file.content_type)
    .bind(a.file.byte_size)
    .bind(&a.file.name)
    .bind(a.file.width)
    .bind(a.file.height)
    .bind(a.file.variants.join(","))
    .bind(at)
    .execute(db.pool())
    .await
    .map_err(classify)?;
    Ok(())
}

/// An uploaded file's row, if it exists.
pub async fn attachment(db: &Db, id: &str) -> Result<Option<AttachmentRecord>> {
    type Row = (
        String,
        String,
        String,
        i64,
        String,
        Option<i64>,
        Option<i64>,
        String,
        String,
        String,
        Option<i64>,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, kind, content_type, byte_size, name, width, height, variants, room_id, uploaded_by, message_id \
         FROM chat_attachments WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(
        |(
            id,
            kind,
            content_type,
            byte_size,
            name,
            width,
            height,
            variants,
            room_id,
            uploaded_by,
            message_id,
        )| {
            AttachmentRecord {
                file: Attachment {
                    id,
                    kind,
                    name,
                    content_type,
                    byte_size,
                    width,
                    height,
                    variants: split_variants(&variants),
                },
                room_id,
                uploaded_by,
                message_id,
            }
        },
    ))
}

/// Gives an uploaded file to the message that carries it; false when it is not the sender's
/// unsent upload in that room.
pub async fn attach(
    tx: &mut Tx,
    attachment_id: &str,
    message_id: i64,
    room_id: &str,
    sender_id: &str,
) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE chat_attachments SET message_id = $2 \
         WHERE id = $1 AND room_id = $3 AND uploaded_by = $4 AND message_id IS NULL",
    )
    .bind(attachment_id)
    .bind(message_id)
    .bind(room_id)
    .bind(sender_id)
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1)
}

/// Removes the file of a message (it was deleted); the store sweep removes the bytes.
pub async fn drop_attachment(tx: &mut Tx, message_id: i64) -> Result<()> {
    sqlx::query("DELETE FROM chat_attachments WHERE message_id = $1")
        .bind(message_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Removes uploads no message took up, made before `before`; returns how many.
pub async fn purge_unattached(db: &Db, before: i64) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM chat_attachments WHERE message_id IS NULL AND created_at < $1")
            .bind(before)
            .execute(db.pool())
            .await?
            .rows_affected(),
    )
}
