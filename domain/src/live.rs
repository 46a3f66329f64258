//! Live broadcasts: the schedule (booth streams, the opening ceremony, forums), who may go live,
//! a stream's life (scheduled → live → ended, with requests the organizer approves), and the
//! WebM handling of the media itself ([`webm`]).

pub mod webm;

use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// The longest stream title, in characters (per language).
pub const TITLE_MAX_CHARS: usize = 120;
/// The longest stream description, in characters (per language).
pub const DESCRIPTION_MAX_CHARS: usize = 2000;
/// The longest a slot may last.
pub const MAX_SLOT_SECS: i64 = 12 * 3600;
/// The largest media chunk a broadcaster may send in one message.
pub const MAX_CHUNK_BYTES: usize = 2 << 20;

/// What a stream is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StreamKind {
    /// An exhibitor's live room (product launch, factory tour).
    Booth,
    /// The expo's opening ceremony.
    Ceremony,
    /// A themed forum or conference session.
    Forum,
}

impl StreamKind {
    /// Every kind, in display order.
    pub const ALL: [StreamKind; 3] = [StreamKind::Ceremony, StreamKind::Forum, StreamKind::Booth];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            StreamKind::Booth => "booth",
            StreamKind::Ceremony => "ceremony",
            StreamKind::Forum => "forum",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<StreamKind> {
        match s {
            "booth" => Some(StreamKind::Booth),
            "ceremony" => Some(StreamKind::Ceremony),
            "forum" => Some(StreamKind::Forum),
            _ => None,
        }
    }

    /// Fluent id of the kind's name.
    pub fn message_id(self) -> &'static str {
        match self {
            StreamKind::Booth => "live-kind-booth",
            StreamKind::Ceremony => "live-kind-ceremony",
            StreamKind::Forum => "live-kind-forum",
        }
    }
}

/// Where a stream is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StreamState {
    /// An exhibitor asked for the slot; the organizer has not answered.
    Requested,
    /// On the schedule, not started.
    Scheduled,
    /// On air.
    Live,
    /// Over (the replay, if anything was broadcast).
    Ended,
    /// The organizer turned the request down.
    Declined,
}

impl StreamState {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            StreamState::Requested => "requested",
            StreamState::Scheduled => "scheduled",
            StreamState::Live => "live",
            StreamState::Ended => "ended",
            StreamState::Declined => "declined",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<StreamState> {
        match s {
            "requested" => Some(StreamState::Requested),
            "scheduled" => Some(StreamState::Scheduled),
            "live" => Some(StreamState::Live),
            "ended" => Some(StreamState::Ended),
            "declined" => Some(StreamState::Declined),
            _ => None,
        }
    }

    /// Fluent id of the state's name.
    pub fn message_id(self) -> &'static str {
        match self {
            StreamState::Requested => "live-state-requested",
            StreamState::Scheduled => "live-state-scheduled",
            StreamState::Live => "live-state-live",
            StreamState::Ended => "live-state-ended",
            StreamState::Declined => "live-state-declined",
        }
    }

    /// Whether a broadcaster may start (or, after a dropped connection, continue) sending.
    pub fn may_broadcast(self) -> bool {
        matches!(self, StreamState::Scheduled | StreamState::Live)
    }

    /// Whether the public schedule lists it.
    pub fn is_public(self) -> bool {
        matches!(
            self,
            StreamState::Scheduled | StreamState::Live | StreamState::Ended
        )
    }
}

/// A slot as asked for, before it is checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotInput {
    /// Title in the author's language.
    pub title: String,
    /// Title in English (optional).
    pub title_en: String,
    /// Description in the author's language.
    pub description: String,
    /// Description in English (optional).
    pub description_en: String,
    /// Start, Unix seconds.
    pub starts_at: i64,
    /// End, Unix seconds.
    pub ends_at: i64,
}

/// A checked slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    /// Title.
    pub title: LocalizedText,
    /// Description.
    pub description: LocalizedText,
    /// Start, Unix seconds.
    pub starts_at: i64,
    /// End, Unix seconds.
    pub ends_at: i64,
}

/// Checks a slot: a title, texts within their lengths, an end after the start, at most
/// [`MAX_SLOT_SECS`] long.
pub fn parse_slot(
    input: &SlotInput,
    author: crate::Locale,
) -> Result<Slot, Vec<crate::FieldError>> {
    let mut errors = Vec::new();
    let title = input.title.trim();
    let title_en = input.title_en.trim();
    if title.is_empty() || title.chars().count() > TITLE_MAX_CHARS {
        errors.push(crate::FieldError::new("title", "live-error-title"));
    }
    if title_en.chars().count() > TITLE_MAX_CHARS {
        errors.push(crate::FieldError::new("title_en", "live-error-title"));
    }
    let description = input.description.trim();
    let description_en = input.description_en.trim();
    if description.chars().count() > DESCRIPTION_MAX_CHARS {
        errors.push(crate::FieldError::new(
            "description",
            "live-error-description",
        ));
    }
    if description_en.chars().count() > DESCRIPTION_MAX_CHARS {
        errors.push(crate::FieldError::new(
            "description_en",
            "live-error-description",
        ));
    }
    if input.starts_at <= 0 {
        errors.push(crate::FieldError::new("starts_at", "live-error-start"));
    } else if input.ends_at <= input.starts_at || input.ends_at - input.starts_at > MAX_SLOT_SECS {
        errors.push(crate::FieldError::new("ends_at", "live-error-end"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut t = LocalizedText::new(author, title);
    let mut d = LocalizedText::new(author, description);
    if author != crate::Locale::En {
        t.set(crate::Locale::En, title_en);
        d.set(crate::Locale::En, description_en);
    }
    Ok(Slot {
        title: t,
        description: d,
        starts_at: input.starts_at,
        ends_at: input.ends_at,
    })
}

/// A stream as lists and pages show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StreamSummary {
    /// Id.
    pub id: String,
    /// Kind.
    pub kind: StreamKind,
    /// State.
    pub state: StreamState,
    /// Title, in the viewer's language where there is one.
    pub title: crate::text::Shown,
    /// Description.
    pub description: crate::text::Shown,
    /// Start, Unix seconds.
    pub starts_at: i64,
    /// End, Unix seconds.
    pub ends_at: i64,
    /// The day it starts on, in the expo's time zone (`YYYY-MM-DD`).
    pub day: String,
    /// The hall (industry): slug and name.
    pub hall: Option<(String, String)>,
    /// The booth's exhibitor: id and name (booth streams).
    pub exhibitor: Option<(String, String)>,
    /// The booth's page path (`/halls/<hall>/booths/<code>`), for booth streams.
    pub booth_path: Option<String>,
    /// A recording is there to watch.
    pub has_replay: bool,
}

/// A stream's page: the stream and what the viewer may do there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StreamView {
    /// The stream.
    pub stream: StreamSummary,
    /// The viewer may broadcast it (the booth's people, or an organizer).
    pub may_broadcast: bool,
    /// The viewer is an organizer (approves, moderates).
    pub may_manage: bool,
    /// Replay length in milliseconds, when recorded.
    pub replay_ms: Option<u64>,
    /// For a signed-in reader of a broadcast not yet over: whether they asked to be reminded.
    pub reminder: Option<bool>,
}

/// How long before a broadcast its reminders go out, in seconds.
pub const REMINDER_LEAD_SECS: i64 = 10 * 60;

/// Days (local dates, `YYYY-MM-DD`) and kinds a schedule can be narrowed to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleFilter {
    /// Hall slug.
    pub hall: Option<String>,
    /// Kind.
    pub kind: Option<StreamKind>,
}

/// The longest question, in characters.
pub const QUESTION_MAX_CHARS: usize = 300;
/// The longest answer, in characters.
pub const ANSWER_MAX_CHARS: usize = 1000;

/// Where a question is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionState {
    /// Asked, not answered.
    Open,
    /// The host answered it (on air, or in writing).
    Answered,
    /// A moderator hid it (only moderators still see it).
    Hidden,
}

impl QuestionState {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionState::Open => "open",
            QuestionState::Answered => "answered",
            QuestionState::Hidden => "hidden",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<QuestionState> {
        match s {
            "open" => Some(QuestionState::Open),
            "answered" => Some(QuestionState::Answered),
            "hidden" => Some(QuestionState::Hidden),
            _ => None,
        }
    }
}

/// A question in a live room.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Id.
    pub id: String,
    /// The stream.
    pub stream_id: String,
    /// Who asked.
    pub author_id: String,
    /// Their name.
    pub author: String,
    /// The question (plain text; pages render it inert).
    pub text: String,
    /// When, Unix milliseconds.
    pub at: i64,
    /// State.
    pub state: QuestionState,
    /// Pinned by the host (shown first).
    pub pinned: bool,
    /// The host's written answer, if any.
    pub answer: Option<String>,
    /// Upvotes.
    pub votes: i64,
}

/// What a moderator does to a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionAction {
    /// Show it first.
    Pin,
    /// Stop showing it first.
    Unpin,
    /// Mark it answered (with an optional written answer).
    Answer,
    /// Hide it from viewers.
    Hide,
    /// Show it again.
    Unhide,
}

impl QuestionAction {
    /// Parses a form value.
    pub fn parse(s: &str) -> Option<QuestionAction> {
        match s {
            "pin" => Some(QuestionAction::Pin),
            "unpin" => Some(QuestionAction::Unpin),
            "answer" => Some(QuestionAction::Answer),
            "hide" => Some(QuestionAction::Hide),
            "unhide" => Some(QuestionAction::Unhide),
            _ => None,
        }
    }
}

/// A question's text, checked: not empty, at most [`QUESTION_MAX_CHARS`].
pub fn parse_question(text: &str) -> Result<String, crate::FieldError> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > QUESTION_MAX_CHARS {
        return Err(crate::FieldError::new("text", "live-qa-error-text"));
    }
    Ok(t.to_owned())
}

/// The order questions are shown in: pinned first, then open before answered, then most
/// votes, then oldest.
pub fn sort_questions(questions: &mut [Question]) {
    questions.sort_by(|a, b| {
        b.pinned
            .cmp(&a.pinned)
            .then((a.state == QuestionState::Answered).cmp(&(b.state == QuestionState::Answered)))
            .then(b.votes.cmp(&a.votes))
            .then(a.at.cmp(&b.at))
            .then(a.id.cmp(&b.id))
    });
}

/// What changes in a live room, on the hub's `live:<stream>` topic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum LiveEvent {
    /// A question was asked or changed (votes, pin, answer, hidden): it as it is now.
    Question(Question),
    /// A person was removed from the room (their questions are hidden).
    Banned {
        /// Who.
        user_id: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locale;

    fn input() -> SlotInput {
        SlotInput {
            title: "开幕式".into(),
            title_en: "Opening ceremony".into(),
            description: "".into(),
            description_en: "".into(),
            starts_at: 1_800_000_000,
            ends_at: 1_800_003_600,
        }
    }

    #[test]
    fn a_slot_needs_a_title_and_an_end_after_its_start() {
        let slot = parse_slot(&input(), Locale::ZhCn).unwrap();
        assert_eq!(slot.title.show(Locale::En).text, "Opening ceremony");
        assert_eq!(slot.title.show(Locale::ZhCn).text, "开幕式");
        let mut bad = input();
        bad.title = "  ".into();
        bad.ends_at = bad.starts_at;
        let errors = parse_slot(&bad, Locale::ZhCn).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "ends_at"]);
        let mut long = input();
        long.ends_at = long.starts_at + MAX_SLOT_SECS + 1;
        assert!(parse_slot(&long, Locale::ZhCn).is_err());
        let mut none = input();
        none.starts_at = 0;
        assert!(parse_slot(&none, Locale::ZhCn).is_err());
    }

    fn q(id: &str, pinned: bool, state: QuestionState, votes: i64, at: i64) -> Question {
        Question {
            id: id.into(),
            stream_id: "s".into(),
            author_id: "u".into(),
            author: "U".into(),
            text: "?".into(),
            at,
            state,
            pinned,
            answer: None,
            votes,
        }
    }

    #[test]
    fn questions_pinned_then_open_by_votes_then_oldest() {
        let mut list = vec![
            q("a", false, QuestionState::Open, 1, 1),
            q("b", false, QuestionState::Answered, 9, 2),
            q("c", true, QuestionState::Answered, 0, 3),
            q("d", false, QuestionState::Open, 5, 4),
            q("e", false, QuestionState::Open, 1, 0),
        ];
        sort_questions(&mut list);
        let ids: Vec<_> = list.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["c", "d", "e", "a", "b"]);
        assert!(parse_question("  ").is_err());
        assert!(parse_question(&"x".repeat(QUESTION_MAX_CHARS + 1)).is_err());
        assert_eq!(parse_question(" Price? ").unwrap(), "Price?");
        assert_eq!(QuestionAction::parse("pin"), Some(QuestionAction::Pin));
        assert_eq!(QuestionAction::parse("delete"), None);
        for s in [
            QuestionState::Open,
            QuestionState::Answered,
            QuestionState::Hidden,
        ] {
            assert_eq!(QuestionState::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn names_round_trip() {
        for k in StreamKind::ALL {
            assert_eq!(StreamKind::parse(k.as_str()), Some(k));
        }
        for s in [
            StreamState::Requested,
            StreamState::Scheduled,
            StreamState::Live,
            StreamState::Ended,
            StreamState::Declined,
        ] {
            assert_eq!(StreamState::parse(s.as_str()), Some(s));
        }
        assert!(StreamState::Live.may_broadcast());
        assert!(!StreamState::Ended.may_broadcast());
        assert!(!StreamState::Requested.is_public());
    }
}
