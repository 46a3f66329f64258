//! Instant messaging: rooms (a visitor with a booth's team, two people, someone with the
//! organizers' support desk), their members and messages. Message text is plain text: pages
//! render it as text, never as markup.

use crate::error::FieldError;
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// The longest message, in characters.
pub const MESSAGE_MAX_CHARS: usize = 4_000;
/// How many messages one page of history holds.
pub const HISTORY_PAGE: i64 = 50;
/// The longest client message id accepted.
pub const CLIENT_ID_MAX: usize = 64;

/// Parses message text: trims it, keeps line breaks and tabs, drops other control characters,
/// and refuses empty or over-long text.
pub fn parse_message(text: &str) -> Result<String, FieldError> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    if cleaned.is_empty() {
        return Err(FieldError::new("text", "chat-error-empty"));
    }
    if cleaned.chars().count() > MESSAGE_MAX_CHARS {
        return Err(FieldError::new("text", "chat-error-too-long"));
    }
    Ok(cleaned)
}

/// Whether a client message id is acceptable: 1–64 characters of letters, digits, `-` and `_`.
pub fn is_client_id(cid: &str) -> bool {
    !cid.is_empty()
        && cid.len() <= CLIENT_ID_MAX
        && cid
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// What kind of conversation a room is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoomKind {
    /// A visitor or buyer with an exhibitor's team, started from the booth or a product.
    Booth,
    /// Two people.
    Direct,
    /// Someone with the organizers.
    Support,
    /// The chat of a video meeting (its participants).
    Meeting,
    /// A group conversation on a subject that anyone taking part in the expo may join.
    Topic,
}

impl RoomKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            RoomKind::Booth => "booth",
            RoomKind::Direct => "direct",
            RoomKind::Support => "support",
            RoomKind::Meeting => "meeting",
            RoomKind::Topic => "topic",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<RoomKind> {
        match s {
            "booth" => Some(RoomKind::Booth),
            "direct" => Some(RoomKind::Direct),
            "support" => Some(RoomKind::Support),
            "meeting" => Some(RoomKind::Meeting),
            "topic" => Some(RoomKind::Topic),
            _ => None,
        }
    }
}

/// The key of the one-to-one room of two people in an expo: the same whoever starts it, and
/// another one in another expo (whose organizers moderate it).
pub fn direct_room_key(expo_id: &str, a: &str, b: &str) -> String {
    let (x, y) = if a <= b { (a, b) } else { (b, a) };
    format!("direct:{expo_id}:{x}:{y}")
}

/// The key that makes a conversation unique: asking again for the same pair opens the same
/// room instead of a new one. (One-to-one rooms are keyed per expo by [`direct_room_key`].)
pub fn room_key(kind: RoomKind, a: &str, b: &str) -> String {
    match kind {
        RoomKind::Direct => direct_room_key("", a, b),
        RoomKind::Booth => format!("booth:{a}:{b}"),
        RoomKind::Support => format!("support:{a}:{b}"),
        RoomKind::Meeting => format!("meeting:{a}"),
        RoomKind::Topic => format!("topic:{a}"),
    }
}

/// How a conversation is named for the person looking at it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoomTitle {
    /// The booth's company (the visitor's view of a booth room).
    Booth(LocalizedText),
    /// The other people in it.
    People(Vec<String>),
    /// The organizers' support desk (the asker's view of a support room).
    Support,
    /// A topic room's title.
    Topic(String),
}

/// Names a room for `viewer`: a topic room by its title; the visitor who started a booth or
/// support room sees the booth or the desk; everyone else sees the people on the other side.
pub fn room_title(
    kind: RoomKind,
    viewer: &str,
    created_by: Option<&str>,
    exhibitor_name: Option<LocalizedText>,
    others: Vec<String>,
    topic: Option<String>,
) -> RoomTitle {
    let started_it = created_by == Some(viewer);
    match (kind, exhibitor_name) {
        (RoomKind::Topic, _) => RoomTitle::Topic(topic.unwrap_or_default()),
        (RoomKind::Booth, Some(name)) if started_it => RoomTitle::Booth(name),
        (RoomKind::Support, _) if started_it => RoomTitle::Support,
        _ => RoomTitle::People(others),
    }
}

/// One message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatMessage {
    /// Message id: the realtime event id that published it, so ids increase along the room.
    pub id: i64,
    /// Room id.
    pub room_id: String,
    /// Sender's user id.
    pub sender_id: String,
    /// Sender's display name.
    pub sender_name: String,
    /// The sender's client id for it (lets the sending tab match its pending copy).
    pub cid: String,
    /// Text (plain).
    pub text: String,
    /// When it was sent (UTC milliseconds).
    pub at: i64,
    /// When its sender last changed the text, if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<i64>,
    /// Who took it back, if it was (its text is gone then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed: Option<Removal>,
    /// The file it carries, if any (boxed: most messages have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Box<Attachment>>,
}

/// A file sent in a conversation (a picture or a PDF), served at
/// `/api/chat/file/<id>/<variant>` to those who may read the room.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Id.
    pub id: String,
    /// `image` or `document`.
    pub kind: String,
    /// The file's name as the sender had it.
    pub name: String,
    /// MIME type of what was sent.
    pub content_type: String,
    /// Size in bytes.
    pub byte_size: i64,
    /// Pixel size of a picture.
    pub width: Option<i64>,
    /// Pixel size of a picture.
    pub height: Option<i64>,
    /// The stored variants: `w<width>` re-encoded pictures (largest first), or `original`.
    pub variants: Vec<String>,
}

impl Attachment {
    /// The URL of a variant.
    pub fn url(&self, variant: &str) -> String {
        self.url_at("/api/chat/file", variant)
    }

    /// The URL of a variant served under `base` (chat files, inquiry files).
    pub fn url_at(&self, base: &str, variant: &str) -> String {
        format!("{base}/{}/{variant}", self.id)
    }

    /// The largest variant (what opens when the picture is clicked, or the document).
    pub fn full(&self) -> Option<&str> {
        self.variants.first().map(String::as_str)
    }

    /// The smallest variant (the thumbnail in the conversation).
    pub fn thumbnail(&self) -> Option<&str> {
        self.variants.last().map(String::as_str)
    }
}

/// Widths of the pictures kept from an attached picture (its original, with its metadata, is
/// not kept for serving).
pub const ATTACHMENT_WIDTHS: [u32; 2] = [1280, 320];

/// Parses the text of a message that may carry a file: with one, the text may be empty.
pub fn parse_message_with(text: &str, has_attachment: bool) -> Result<String, FieldError> {
    match parse_message(text) {
        Err(e) if has_attachment && e.message_id == "chat-error-empty" => Ok(String::new()),
        other => other,
    }
}

/// Who removed a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Removal {
    /// Its sender deleted it.
    Sender,
    /// The expo's organizers removed it (moderation).
    Moderator,
}

impl Removal {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Removal::Sender => "sender",
            Removal::Moderator => "moderator",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Removal> {
        match s {
            "sender" => Some(Removal::Sender),
            "moderator" => Some(Removal::Moderator),
            _ => None,
        }
    }
}

/// How long after sending a message its sender may still change the text (24 hours): long
/// enough to fix a figure, short enough that an old agreement is not rewritten. Deleting has
/// no limit.
pub const EDIT_WINDOW_MS: i64 = 24 * 3_600_000;

/// Whether `user` may change the text of `message` at `now`; the error is the Fluent id of
/// the reason.
pub fn may_edit(message: &ChatMessage, user: &str, now: i64) -> Result<(), &'static str> {
    if message.sender_id != user {
        return Err("chat-error-not-yours");
    }
    if message.removed.is_some() {
        return Err("chat-error-removed");
    }
    if now - message.at > EDIT_WINDOW_MS {
        return Err("chat-error-edit-too-late");
    }
    Ok(())
}

/// Why someone reports a message to the organizers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportReason {
    /// Unwanted advertising or repeated messages.
    Spam,
    /// Insults, harassment, threats.
    Abuse,
    /// A scam or a fake offer.
    Fraud,
    /// Something else (the note says what).
    Other,
}

impl ReportReason {
    /// Every reason, in the order forms offer them.
    pub const ALL: [ReportReason; 4] = [
        ReportReason::Spam,
        ReportReason::Abuse,
        ReportReason::Fraud,
        ReportReason::Other,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportReason::Spam => "spam",
            ReportReason::Abuse => "abuse",
            ReportReason::Fraud => "fraud",
            ReportReason::Other => "other",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<ReportReason> {
        ReportReason::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The Fluent id of its label.
    pub fn label_id(self) -> &'static str {
        match self {
            ReportReason::Spam => "chat-report-spam",
            ReportReason::Abuse => "chat-report-abuse",
            ReportReason::Fraud => "chat-report-fraud",
            ReportReason::Other => "chat-report-other",
        }
    }
}

/// The longest note a report or a mute may carry, in characters.
pub const NOTE_MAX_CHARS: usize = 500;

/// Parses the optional note of a report or a mute: trimmed, control characters dropped,
/// at most [`NOTE_MAX_CHARS`].
pub fn parse_note(note: &str) -> Result<String, FieldError> {
    let kept: String = note
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect();
    let cleaned = kept.trim().to_owned();
    if cleaned.chars().count() > NOTE_MAX_CHARS {
        return Err(FieldError::new("note", "chat-error-note-too-long"));
    }
    Ok(cleaned)
}

/// One report of a message, as the organizers see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLine {
    /// Who reported it.
    pub reporter_name: String,
    /// Why.
    pub reason: ReportReason,
    /// Their note (may be empty).
    pub note: String,
    /// When.
    pub at: i64,
}

/// A reported message waiting for the organizers, with what came just before it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationItem {
    /// The message's text when it was first reported (the sender may have changed or deleted
    /// it since).
    pub reported_text: String,
    /// The message as it is now.
    pub message: ChatMessage,
    /// The kind of conversation it is in.
    pub room_kind: RoomKind,
    /// Up to three earlier messages of the conversation, oldest first.
    pub context: Vec<ChatMessage>,
    /// The open reports of it, oldest first.
    pub reports: Vec<ReportLine>,
    /// Whether its sender is already stopped from writing in the expo.
    pub sender_muted: bool,
}

/// A person the organizers stopped from writing in the expo's conversations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MutedPerson {
    /// User id.
    pub user_id: String,
    /// Their name.
    pub name: String,
    /// The organizers' note.
    pub reason: String,
    /// Since when.
    pub at: i64,
}

/// The organizers' moderation queue of an expo.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationView {
    /// Reported messages, the longest waiting first.
    pub items: Vec<ModerationItem>,
    /// People stopped from writing.
    pub muted: Vec<MutedPerson>,
    /// The files the expo's conversations hold.
    pub storage: ChatStorage,
}

/// Files one person may attach to conversations in a day.
pub const ATTACHMENTS_PER_DAY: i64 = 100;
/// Bytes one person may attach to conversations in a day.
pub const ATTACHMENT_BYTES_PER_DAY: i64 = 200 << 20;

/// Whether a person who attached `count` files of `bytes` in the last day may keep one more of
/// `size` bytes.
pub fn within_attachment_quota(count: i64, bytes: i64, size: i64) -> bool {
    count < ATTACHMENTS_PER_DAY && bytes.saturating_add(size) <= ATTACHMENT_BYTES_PER_DAY
}

/// What an expo's conversations hold in files, for its organizers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatStorage {
    /// Files kept.
    pub files: i64,
    /// Their bytes.
    pub bytes: i64,
    /// Files attached in the last day.
    pub files_today: i64,
    /// Their bytes.
    pub bytes_today: i64,
}

/// The longest topic room title, in characters.
pub const TOPIC_TITLE_MAX: usize = 80;
/// The longest topic room description, in characters.
pub const TOPIC_ABOUT_MAX: usize = 500;

/// Parses a topic room's title (required, one line, at most [`TOPIC_TITLE_MAX`] characters) and
/// description (optional, at most [`TOPIC_ABOUT_MAX`]).
pub fn parse_topic(title: &str, about: &str) -> Result<(String, String), Vec<FieldError>> {
    let title: String = title
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let about: String = about
        .trim()
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect();
    let mut errors = Vec::new();
    if title.is_empty() {
        errors.push(FieldError::new("title", "chat-topic-error-title"));
    } else if title.chars().count() > TOPIC_TITLE_MAX {
        errors.push(FieldError::new("title", "chat-topic-error-title-long"));
    }
    if about.chars().count() > TOPIC_ABOUT_MAX {
        errors.push(FieldError::new("about", "chat-topic-error-about-long"));
    }
    if errors.is_empty() {
        Ok((title, about))
    } else {
        Err(errors)
    }
}

/// A topic room in the list of topic rooms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicRoom {
    /// Room id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description (may be empty).
    pub about: String,
    /// The hall (industry) it is about, if one.
    pub hall: Option<LocalizedText>,
    /// The hall's slug.
    pub hall_slug: Option<String>,
    /// How many people are in it.
    pub members: i64,
    /// When the newest message was sent (or the room opened), UTC milliseconds.
    pub active_at: i64,
    /// Whether the viewer is in it.
    pub joined: bool,
}

/// The topic rooms page: the rooms, and what the viewer may do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicsView {
    /// Rooms, most recently active first.
    pub rooms: Vec<TopicRoom>,
    /// Whether the viewer may open new ones (an organizer of the expo).
    pub can_create: bool,
    /// The halls a new room may be about (slug, name), for organizers.
    pub halls: Vec<(String, LocalizedText)>,
}

/// A member of a room as the conversation shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomMember {
    /// User id.
    pub user_id: String,
    /// Display name.
    pub name: String,
    /// The newest message they have read.
    pub last_read_id: i64,
}

/// A conversation in someone's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomSummary {
    /// Room id.
    pub id: String,
    /// Kind.
    pub kind: RoomKind,
    /// What the viewer calls it.
    pub title: RoomTitle,
    /// Messages from others not read yet.
    pub unread: i64,
    /// The newest message, if any.
    pub last: Option<ChatMessage>,
    /// When the newest message was sent (or the room made).
    pub active_at: i64,
    /// Whether someone else in it has the platform open now.
    #[serde(default)]
    pub online: bool,
}

/// One conversation, opened: members and a page of history (oldest first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomView {
    /// Room id.
    pub id: String,
    /// Kind.
    pub kind: RoomKind,
    /// What the viewer calls it.
    pub title: RoomTitle,
    /// The booth (exhibitor id) a booth room belongs to.
    pub exhibitor_id: Option<String>,
    /// Members.
    pub members: Vec<RoomMember>,
    /// Messages, oldest first.
    pub messages: Vec<ChatMessage>,
    /// Whether older messages exist.
    pub has_more: bool,
    /// The viewer's user id.
    pub me: String,
    /// The person the viewer may block from here (the other side of a one-to-one room, or the
    /// visitor of a booth room for the booth's team), if any.
    #[serde(default)]
    pub other: Option<String>,
    /// Whether the viewer has blocked that person.
    #[serde(default)]
    pub blocked: bool,
    /// Whether the organizers stopped the viewer from writing in the expo.
    #[serde(default)]
    pub muted: bool,
    /// The other members who have the platform open now.
    #[serde(default)]
    pub online: Vec<String>,
    /// Whether messages can be translated (a translation provider is configured).
    #[serde(default)]
    pub can_translate: bool,
}

/// A message translated into the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translated {
    /// The message.
    pub message_id: i64,
    /// The language it was translated into.
    pub locale: crate::Locale,
    /// The translated text (plain).
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_text_is_trimmed_cleaned_and_bounded() {
        assert_eq!(parse_message("  你好 \n").as_deref(), Ok("你好"));
        assert_eq!(parse_message("a\nb\tc").as_deref(), Ok("a\nb\tc"));
        assert_eq!(parse_message("a\u{0}b\u{7}").as_deref(), Ok("ab"));
        assert_eq!(
            parse_message(" \n\t ").map_err(|e| e.message_id),
            Err("chat-error-empty".to_owned())
        );
        let long = "字".repeat(MESSAGE_MAX_CHARS);
        assert!(parse_message(&long).is_ok());
        assert_eq!(
            parse_message(&format!("{long}x")).map_err(|e| e.message_id),
            Err("chat-error-too-long".to_owned())
        );
        assert_eq!(
            parse_message("<script>alert(1)</script>").as_deref(),
            Ok("<script>alert(1)</script>"),
            "kept as text; pages escape it"
        );
    }

    fn sent(at: i64) -> ChatMessage {
        ChatMessage {
            id: 1,
            room_id: "r".into(),
            sender_id: "a".into(),
            sender_name: "A".into(),
            cid: "c".into(),
            text: "t".into(),
            at,
            edited_at: None,
            removed: None,
            attachment: None,
        }
    }

    #[test]
    fn a_file_may_go_without_text() {
        assert_eq!(parse_message_with("  ", true).as_deref(), Ok(""));
        assert_eq!(
            parse_message_with("  ", false).map_err(|e| e.message_id),
            Err("chat-error-empty".to_owned())
        );
        let long = "x".repeat(MESSAGE_MAX_CHARS + 1);
        assert!(parse_message_with(&long, true).is_err());
        let a = Attachment {
            id: "i".into(),
            kind: "image".into(),
            name: "p.png".into(),
            content_type: "image/png".into(),
            byte_size: 1,
            width: Some(2000),
            height: Some(1000),
            variants: vec!["w1280".into(), "w320".into()],
        };
        assert_eq!((a.full(), a.thumbnail()), (Some("w1280"), Some("w320")));
        assert_eq!(a.url("w320"), "/api/chat/file/i/w320");
    }

    #[test]
    fn only_the_sender_edits_and_only_for_a_day() {
        let m = sent(1_000);
        assert_eq!(may_edit(&m, "a", 1_000), Ok(()));
        assert_eq!(may_edit(&m, "a", 1_000 + EDIT_WINDOW_MS), Ok(()));
        assert_eq!(
            may_edit(&m, "a", 1_001 + EDIT_WINDOW_MS),
            Err("chat-error-edit-too-late")
        );
        assert_eq!(may_edit(&m, "b", 1_000), Err("chat-error-not-yours"));
        let gone = ChatMessage {
            removed: Some(Removal::Sender),
            ..m
        };
        assert_eq!(may_edit(&gone, "a", 1_000), Err("chat-error-removed"));
        for r in [Removal::Sender, Removal::Moderator] {
            assert_eq!(Removal::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn reports_name_a_reason_and_a_short_note() {
        for r in ReportReason::ALL {
            assert_eq!(ReportReason::parse(r.as_str()), Some(r));
        }
        assert_eq!(ReportReason::parse("SPAM"), None);
        assert_eq!(parse_note("  spam \u{7} ").as_deref(), Ok("spam"));
        assert!(parse_note(&"x".repeat(NOTE_MAX_CHARS)).is_ok());
        assert_eq!(
            parse_note(&"x".repeat(NOTE_MAX_CHARS + 1)).map_err(|e| e.message_id),
            Err("chat-error-note-too-long".to_owned())
        );
    }

    #[test]
    fn old_messages_without_the_new_fields_still_read() {
        let json = r#"{"id":1,"room_id":"r","sender_id":"a","sender_name":"A","cid":"c","text":"t","at":5}"#;
        let m: ChatMessage = serde_json::from_str(json).expect("old message");
        assert_eq!(m, sent(5));
    }

    #[test]
    fn client_ids_are_short_and_plain() {
        assert!(is_client_id("c-01936f5e_7c1a"));
        assert!(!is_client_id(""));
        assert!(!is_client_id(&"a".repeat(65)));
        assert!(!is_client_id("a b"));
        assert!(!is_client_id("a\"b"));
    }

    #[test]
    fn titles_depend_on_the_side() {
        let booth = LocalizedText::new(crate::Locale::En, "Acme");
        assert_eq!(
            room_title(
                RoomKind::Booth,
                "v",
                Some("v"),
                Some(booth.clone()),
                vec!["Li".into()],
                None
            ),
            RoomTitle::Booth(booth.clone())
        );
        assert_eq!(
            room_title(
                RoomKind::Booth,
                "li",
                Some("v"),
                Some(booth),
                vec!["Vera".into()],
                None
            ),
            RoomTitle::People(vec!["Vera".into()])
        );
        assert_eq!(
            room_title(RoomKind::Support, "v", Some("v"), None, vec![], None),
            RoomTitle::Support
        );
        assert_eq!(
            room_title(
                RoomKind::Direct,
                "a",
                Some("a"),
                None,
                vec!["B".into()],
                None
            ),
            RoomTitle::People(vec!["B".into()])
        );
        assert_eq!(
            room_title(
                RoomKind::Topic,
                "a",
                Some("o"),
                None,
                vec!["B".into()],
                Some("Port cranes".into())
            ),
            RoomTitle::Topic("Port cranes".into())
        );
    }

    #[test]
    fn direct_keys_do_not_depend_on_who_starts() {
        assert_eq!(
            room_key(RoomKind::Direct, "b", "a"),
            room_key(RoomKind::Direct, "a", "b")
        );
        assert_ne!(
            room_key(RoomKind::Booth, "e", "u"),
            room_key(RoomKind::Booth, "u", "e")
        );
        for k in [
            RoomKind::Booth,
            RoomKind::Direct,
            RoomKind::Support,
            RoomKind::Meeting,
            RoomKind::Topic,
        ] {
            assert_eq!(RoomKind::parse(k.as_str()), Some(k));
        }
    }

    #[test]
    fn direct_rooms_are_per_expo_and_pair() {
        assert_eq!(
            direct_room_key("e1", "a", "b"),
            direct_room_key("e1", "b", "a")
        );
        assert_ne!(
            direct_room_key("e1", "a", "b"),
            direct_room_key("e2", "a", "b")
        );
    }
}
