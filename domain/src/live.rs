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
    /// A booth team's private rehearsal: on air at once, without the organizer's approval,
    /// watched only by the team and the organizers, never listed.
    Test,
}

impl StreamKind {
    /// Every kind on the schedule, in display order (test broadcasts are never on it).
    pub const ALL: [StreamKind; 3] = [StreamKind::Ceremony, StreamKind::Forum, StreamKind::Booth];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            StreamKind::Booth => "booth",
            StreamKind::Ceremony => "ceremony",
            StreamKind::Forum => "forum",
            StreamKind::Test => "test",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<StreamKind> {
        match s {
            "booth" => Some(StreamKind::Booth),
            "ceremony" => Some(StreamKind::Ceremony),
            "forum" => Some(StreamKind::Forum),
            "test" => Some(StreamKind::Test),
            _ => None,
        }
    }

    /// Fluent id of the kind's name.
    pub fn message_id(self) -> &'static str {
        match self {
            StreamKind::Booth => "live-kind-booth",
            StreamKind::Ceremony => "live-kind-ceremony",
            StreamKind::Forum => "live-kind-forum",
            StreamKind::Test => "live-kind-test",
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
    /// The title in the other languages (optional).
    #[serde(default)]
    pub title_in: crate::text::Translations,
    /// The description in the other languages (optional).
    #[serde(default)]
    pub description_in: crate::text::Translations,
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
    let titles = input.title_in.with_english(title_en);
    let descriptions = input.description_in.with_english(description_en);
    errors.extend(titles.too_long(TITLE_MAX_CHARS, "title_in", "live-error-title"));
    errors.extend(descriptions.too_long(
        DESCRIPTION_MAX_CHARS,
        "description_in",
        "live-error-description",
    ));
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
    titles.apply(&mut t);
    descriptions.apply(&mut d);
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
    /// The programme's speakers.
    pub speakers: Vec<Speaker>,
    /// The agenda, in time order.
    pub agenda: Vec<AgendaItem>,
    /// The replay's chapters (from the agenda), when there is a replay.
    pub chapters: Vec<Chapter>,
    /// What plays while the broadcast is due but not on air (an uploaded fallback, or the
    /// booth's promo video): its URL.
    pub fallback: Option<String>,
    /// The room's reaction counts.
    pub reactions: ReactionCounts,
    /// The booth's products (booth broadcasts), shown beside the player.
    pub products: Vec<crate::product::ProductCard>,
    /// The organizer uploaded the replay (rather than it being recorded).
    pub replay_uploaded: bool,
    /// The expo's time zone, and the slot's start and end in it (`YYYY-MM-DDTHH:MM`), for
    /// the agenda form.
    pub slot_local: (String, String, String),
    /// The slot's title and description in every language, for a reader who may rename and
    /// re-time it (organizers; the booth's team while its request waits).
    #[serde(default)]
    pub slot_texts: Option<(LocalizedText, LocalizedText)>,
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

impl Question {
    /// The question as a hidden one is told to the room: its id and state only, without its
    /// text, author or answer (moderators read those over HTTP).
    pub fn redacted(&self) -> Question {
        Question {
            id: self.id.clone(),
            stream_id: self.stream_id.clone(),
            author_id: String::new(),
            author: String::new(),
            text: String::new(),
            at: self.at,
            state: self.state,
            pinned: false,
            answer: None,
            votes: 0,
        }
    }
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

/// The longest speaker name, in characters.
pub const SPEAKER_NAME_MAX_CHARS: usize = 80;
/// The longest speaker affiliation (company, title), in characters.
pub const AFFILIATION_MAX_CHARS: usize = 120;
/// The longest speaker bio, in characters (per language).
pub const BIO_MAX_CHARS: usize = 1000;
/// Most speakers on one broadcast.
pub const MAX_SPEAKERS: usize = 30;
/// Most agenda items on one broadcast.
pub const MAX_AGENDA_ITEMS: usize = 60;

/// A speaker of a forum or ceremony, as pages show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Id.
    pub id: String,
    /// Name (as the speaker writes it).
    pub name: String,
    /// Company and title.
    pub affiliation: String,
    /// Bio, in the reader's language where there is one.
    pub bio: crate::text::Shown,
}

/// A speaker as entered, before it is checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerInput {
    /// Name.
    pub name: String,
    /// Company and title.
    #[serde(default)]
    pub affiliation: String,
    /// Bio in the author's language.
    #[serde(default)]
    pub bio: String,
    /// Bio in English (optional).
    #[serde(default)]
    pub bio_en: String,
    /// The bio in the other languages (optional).
    #[serde(default)]
    pub bio_in: crate::text::Translations,
}

/// A checked speaker: name, affiliation, bio.
pub type ValidSpeaker = (String, String, LocalizedText);

/// Checks a speaker: a name, texts within their lengths.
pub fn parse_speaker(
    input: &SpeakerInput,
    author: crate::Locale,
) -> Result<ValidSpeaker, Vec<crate::FieldError>> {
    let mut errors = Vec::new();
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > SPEAKER_NAME_MAX_CHARS {
        errors.push(crate::FieldError::new("name", "live-speaker-error-name"));
    }
    let affiliation = input.affiliation.trim();
    if affiliation.chars().count() > AFFILIATION_MAX_CHARS {
        errors.push(crate::FieldError::new(
            "affiliation",
            "live-speaker-error-affiliation",
        ));
    }
    let (bio, bio_en) = (input.bio.trim(), input.bio_en.trim());
    for (field, text) in [("bio", bio), ("bio_en", bio_en)] {
        if text.chars().count() > BIO_MAX_CHARS {
            errors.push(crate::FieldError::new(field, "live-speaker-error-bio"));
        }
    }
    let bios = input.bio_in.with_english(bio_en);
    errors.extend(bios.too_long(BIO_MAX_CHARS, "bio_in", "live-speaker-error-bio"));
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut b = LocalizedText::new(author, bio);
    bios.apply(&mut b);
    Ok((name.to_owned(), affiliation.to_owned(), b))
}

/// An item of a broadcast's agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// Id.
    pub id: String,
    /// When it starts, Unix seconds.
    pub starts_at: i64,
    /// Title, in the reader's language where there is one.
    pub title: crate::text::Shown,
    /// The speaker's id and name, if one is named.
    pub speaker: Option<(String, String)>,
}

/// An agenda item as entered (its time already read in the expo's time zone).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaInput {
    /// Title in the author's language.
    pub title: String,
    /// Title in English (optional).
    pub title_en: String,
    /// The title in the other languages (optional).
    #[serde(default)]
    pub title_in: crate::text::Translations,
    /// Start, Unix seconds (0 when the time could not be read).
    pub starts_at: i64,
}

/// Checks an agenda item of a slot from `slot_start` to `slot_end`: a title, and a time within
/// the slot. Returns the title.
pub fn parse_agenda_item(
    input: &AgendaInput,
    author: crate::Locale,
    slot_start: i64,
    slot_end: i64,
) -> Result<LocalizedText, Vec<crate::FieldError>> {
    let mut errors = Vec::new();
    let (title, title_en) = (input.title.trim(), input.title_en.trim());
    if title.is_empty() || title.chars().count() > TITLE_MAX_CHARS {
        errors.push(crate::FieldError::new("title", "live-error-title"));
    }
    if title_en.chars().count() > TITLE_MAX_CHARS {
        errors.push(crate::FieldError::new("title_en", "live-error-title"));
    }
    let titles = input.title_in.with_english(title_en);
    errors.extend(titles.too_long(TITLE_MAX_CHARS, "title_in", "live-error-title"));
    if input.starts_at < slot_start || input.starts_at >= slot_end {
        errors.push(crate::FieldError::new("at", "live-agenda-error-time"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut t = LocalizedText::new(author, title);
    titles.apply(&mut t);
    Ok(t)
}

/// A chapter of a replay: where it starts in the video and what it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chapter {
    /// Offset into the replay, in seconds.
    pub offset_secs: u64,
    /// Title.
    pub title: String,
    /// The speaker's name, if one is named.
    pub speaker: Option<String>,
}

/// The chapters of a replay from the agenda: each item at its time after `origin` (Unix
/// seconds: when the broadcast went on air, or the slot's start for an uploaded replay),
/// items before the origin at the start, items after the end of a replay `length_ms` long
/// left out (the first chapter always stays). In time order.
pub fn chapters(agenda: &[AgendaItem], origin: i64, length_ms: Option<u64>) -> Vec<Chapter> {
    let mut items: Vec<&AgendaItem> = agenda.iter().collect();
    items.sort_by_key(|a| (a.starts_at, a.id.clone()));
    items
        .into_iter()
        .map(|a| Chapter {
            offset_secs: u64::try_from(a.starts_at - origin).unwrap_or(0),
            title: a.title.text.clone(),
            speaker: a.speaker.as_ref().map(|(_, n)| n.clone()),
        })
        .filter(|c| c.offset_secs == 0 || length_ms.is_none_or(|ms| c.offset_secs * 1000 < ms))
        .collect()
}

/// A reaction a viewer sends in a live room.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reaction {
    /// 👏
    Applause,
    /// ❤️
    Love,
    /// 👍
    Like,
    /// 😮
    Wow,
}

impl Reaction {
    /// Every reaction, in the order the room shows them.
    pub const ALL: [Reaction; 4] = [
        Reaction::Applause,
        Reaction::Love,
        Reaction::Like,
        Reaction::Wow,
    ];

    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Reaction::Applause => "applause",
            Reaction::Love => "love",
            Reaction::Like => "like",
            Reaction::Wow => "wow",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<Reaction> {
        Reaction::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The emoji shown.
    pub fn emoji(self) -> &'static str {
        match self {
            Reaction::Applause => "👏",
            Reaction::Love => "❤️",
            Reaction::Like => "👍",
            Reaction::Wow => "😮",
        }
    }

    /// Fluent id of its accessible name.
    pub fn message_id(self) -> &'static str {
        match self {
            Reaction::Applause => "live-reaction-applause",
            Reaction::Love => "live-reaction-love",
            Reaction::Like => "live-reaction-like",
            Reaction::Wow => "live-reaction-wow",
        }
    }
}

/// How many of each reaction a room has had, in [`Reaction::ALL`] order.
pub type ReactionCounts = Vec<(Reaction, u64)>;

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
    /// Someone reacted: the reaction and the room's counts now.
    Reacted {
        /// The reaction.
        reaction: Reaction,
        /// Counts of every reaction.
        counts: ReactionCounts,
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
            ..Default::default()
        }
    }

    #[test]
    fn slots_hold_every_language() {
        let mut i = input();
        i.title_in.ko = "개막식".into();
        i.title_in.ar = "حفل الافتتاح".into();
        i.description_in.ja = "開会式の生中継".into();
        let slot = parse_slot(&i, Locale::ZhCn).unwrap();
        assert_eq!(slot.title.show(Locale::Ko).text, "개막식");
        assert_eq!(slot.title.show(Locale::Ar).text, "حفل الافتتاح");
        assert_eq!(slot.title.show(Locale::En).text, "Opening ceremony");
        assert_eq!(slot.description.show(Locale::Ja).text, "開会式の生中継");
        // The author's language comes from its own field, not the list.
        i.title_in.zh_cn = "别的".into();
        let slot = parse_slot(&i, Locale::ZhCn).unwrap();
        assert_eq!(slot.title.show(Locale::ZhCn).text, "开幕式");
        i.title_in.ru = "д".repeat(TITLE_MAX_CHARS + 1);
        let e = parse_slot(&i, Locale::ZhCn).unwrap_err();
        assert_eq!(e[0].field, "title_in[ru]");
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
        for k in StreamKind::ALL.into_iter().chain([StreamKind::Test]) {
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

    fn agenda_item(id: &str, at: i64, title: &str) -> AgendaItem {
        AgendaItem {
            id: id.into(),
            starts_at: at,
            title: LocalizedText::new(Locale::En, title).show(Locale::En),
            speaker: None,
        }
    }

    #[test]
    fn chapters_start_where_their_agenda_items_began() {
        let agenda = [
            agenda_item("b", 1_000_600, "Panel"),
            agenda_item("a", 999_000, "Welcome"),
            agenda_item("c", 1_009_000, "Closing"),
        ];
        // On air at 1,000,000; a 20-minute recording.
        let c = chapters(&agenda, 1_000_000, Some(20 * 60 * 1000));
        let got: Vec<(u64, &str)> = c
            .iter()
            .map(|c| (c.offset_secs, c.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [(0, "Welcome"), (600, "Panel")],
            "early item at 0, late one cut"
        );
        // Length unknown (an uploaded replay): every item stays.
        assert_eq!(chapters(&agenda, 1_000_000, None).len(), 3);
        // A recording shorter than a second still has its first chapter.
        assert_eq!(chapters(&agenda, 1_000_000, Some(0)).len(), 1);
    }

    #[test]
    fn agenda_items_fall_within_their_slot() {
        let input = |at| AgendaInput {
            title: "圆桌".into(),
            title_en: "Round table".into(),
            starts_at: at,
            ..Default::default()
        };
        let t = parse_agenda_item(&input(150), Locale::ZhCn, 100, 200).unwrap();
        assert_eq!(t.show(Locale::En).text, "Round table");
        for at in [99, 200, 0] {
            let e = parse_agenda_item(&input(at), Locale::ZhCn, 100, 200).unwrap_err();
            assert_eq!(e[0].message_id, "live-agenda-error-time");
        }
        let mut empty = input(150);
        empty.title = " ".into();
        assert_eq!(
            parse_agenda_item(&empty, Locale::ZhCn, 100, 200).unwrap_err()[0].field,
            "title"
        );
    }

    #[test]
    fn speakers_need_a_name_and_bios_within_their_length() {
        let ok = SpeakerInput {
            name: " 王海 ".into(),
            affiliation: "Ningbo Port".into(),
            bio: "港口自动化".into(),
            bio_en: "Port automation".into(),
            ..Default::default()
        };
        let (name, affiliation, bio) = parse_speaker(&ok, Locale::ZhCn).unwrap();
        assert_eq!(
            (name.as_str(), affiliation.as_str()),
            ("王海", "Ningbo Port")
        );
        assert_eq!(bio.show(Locale::En).text, "Port automation");
        assert_eq!(bio.show(Locale::ZhCn).text, "港口自动化");
        let bad = SpeakerInput {
            name: "".into(),
            affiliation: "x".repeat(AFFILIATION_MAX_CHARS + 1),
            bio: "长".repeat(BIO_MAX_CHARS + 1),
            bio_en: String::new(),
            ..Default::default()
        };
        let fields: Vec<String> = parse_speaker(&bad, Locale::ZhCn)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["name", "affiliation", "bio"]);
    }

    #[test]
    fn reactions_round_trip() {
        for r in Reaction::ALL {
            assert_eq!(Reaction::parse(r.as_str()), Some(r));
            assert!(r.message_id().starts_with("live-reaction-"));
        }
        assert_eq!(Reaction::parse("boo"), None);
    }
}
