//! Video meetings: who may enter, the lobby, host controls, and the records kept for analytics.
//! Meetings are WebRTC meshes of at most [`MAX_PARTICIPANTS`] people; the server only signals.

use serde::{Deserialize, Serialize};

/// The most people in a meeting at once (a mesh sends every stream to every peer).
pub const MAX_PARTICIPANTS: usize = 6;
/// The longest meeting title, in characters.
pub const TITLE_MAX_CHARS: usize = 120;
/// The longest session description (SDP) accepted, in bytes.
pub const SDP_MAX_BYTES: usize = 12 * 1024;
/// The longest ICE candidate line accepted, in bytes.
pub const CANDIDATE_MAX_BYTES: usize = 1024;

/// A participant's part in a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingRole {
    /// Created it; admits, mutes, removes, locks, ends.
    Host,
    /// Invited or came by link.
    Guest,
    /// An interpreter invited to the meeting.
    Interpreter,
    /// An organizer invited to moderate (same controls as the host).
    Moderator,
}

impl MeetingRole {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingRole::Host => "host",
            MeetingRole::Guest => "guest",
            MeetingRole::Interpreter => "interpreter",
            MeetingRole::Moderator => "moderator",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<MeetingRole> {
        match s {
            "host" => Some(MeetingRole::Host),
            "guest" => Some(MeetingRole::Guest),
            "interpreter" => Some(MeetingRole::Interpreter),
            "moderator" => Some(MeetingRole::Moderator),
            _ => None,
        }
    }

    /// Whether this role runs the meeting (admit, mute request, remove, lock, end).
    pub fn controls(self) -> bool {
        matches!(self, MeetingRole::Host | MeetingRole::Moderator)
    }
}

/// Where a participant stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParticipantState {
    /// Invited, not come yet.
    Invited,
    /// In the lobby, waiting to be let in.
    Waiting,
    /// In the meeting (or allowed back in).
    Admitted,
    /// Sent out by the host; cannot come back.
    Removed,
    /// Invited, and said no (the link still leads to the lobby).
    Declined,
}

impl ParticipantState {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ParticipantState::Invited => "invited",
            ParticipantState::Waiting => "waiting",
            ParticipantState::Admitted => "admitted",
            ParticipantState::Removed => "removed",
            ParticipantState::Declined => "declined",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<ParticipantState> {
        match s {
            "invited" => Some(ParticipantState::Invited),
            "waiting" => Some(ParticipantState::Waiting),
            "admitted" => Some(ParticipantState::Admitted),
            "removed" => Some(ParticipantState::Removed),
            "declined" => Some(ParticipantState::Declined),
            _ => None,
        }
    }
}

/// What happens when someone asks to enter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    /// Straight in.
    Enter,
    /// To the lobby; the host decides.
    Lobby,
    /// Not at all; the Fluent id says why.
    Refused(&'static str),
}

/// Decides entry: the host, moderators and people already admitted or personally invited go
/// in; others with the link wait in the lobby; nobody new gets in while the meeting is locked
/// or full; nobody after it ended; people removed never.
pub fn entry(
    role: Option<MeetingRole>,
    state: Option<ParticipantState>,
    ended: bool,
    locked: bool,
    present: usize,
) -> Entry {
    if ended {
        return Entry::Refused("meeting-error-ended");
    }
    if state == Some(ParticipantState::Removed) {
        return Entry::Refused("meeting-error-removed");
    }
    let controls = role.is_some_and(MeetingRole::controls);
    let known = matches!(
        state,
        Some(ParticipantState::Admitted | ParticipantState::Invited)
    );
    if !controls && present >= MAX_PARTICIPANTS {
        return Entry::Refused("meeting-error-full");
    }
    if controls || known {
        return Entry::Enter;
    }
    if locked {
        return Entry::Refused("meeting-error-locked");
    }
    Entry::Lobby
}

/// Checks a WebRTC description before it is passed on: an offer or answer, within size, and
/// shaped like SDP (starts with `v=0`, text only).
pub fn valid_description(kind: &str, sdp: &str) -> bool {
    matches!(kind, "offer" | "answer")
        && sdp.len() <= SDP_MAX_BYTES
        && sdp.starts_with("v=0")
        && sdp
            .chars()
            .all(|c| c == '\r' || c == '\n' || !c.is_control())
}

/// Checks an ICE candidate line (empty means "end of candidates").
pub fn valid_candidate(candidate: &str) -> bool {
    candidate.len() <= CANDIDATE_MAX_BYTES
        && (candidate.is_empty() || candidate.starts_with("candidate:"))
        && !candidate.chars().any(char::is_control)
}

/// A person in a meeting as everyone's screen shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// User id.
    pub user_id: String,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: MeetingRole,
    /// State.
    pub state: ParticipantState,
    /// Whether they are connected now.
    pub present: bool,
}

/// A meeting as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// When it is planned for (UTC milliseconds), if scheduled.
    pub scheduled_at: Option<i64>,
    /// When it ended, if it did.
    pub ended_at: Option<i64>,
    /// Whether nobody new may enter.
    pub locked: bool,
    /// Whether an interpreter has been asked for.
    pub interpreter_requested: bool,
    /// The link that lets people ask to enter.
    pub invite_path: String,
    /// The in-meeting chat room.
    pub chat_room_id: Option<String>,
    /// Everyone invited, waiting, in, or removed.
    pub participants: Vec<Participant>,
    /// The viewer's user id.
    pub me: String,
    /// The viewer's role, if they have one yet.
    pub my_role: Option<MeetingRole>,
    /// STUN/TURN servers for the browser (`RTCIceServer` objects as JSON).
    pub ice_servers: String,
}

/// A meeting in someone's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSummary {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Planned time, if scheduled.
    pub scheduled_at: Option<i64>,
    /// When it was made.
    pub created_at: Option<i64>,
    /// When it ended.
    pub ended_at: Option<i64>,
    /// The viewer's role.
    pub role: MeetingRole,
    /// Where the viewer stands (an invitation not answered yet can be declined).
    pub state: ParticipantState,
    /// The host's name and company (who wrote the title).
    pub host: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use MeetingRole::*;
    use ParticipantState::*;

    #[test]
    fn who_gets_in() {
        assert_eq!(
            entry(Some(Host), Some(Admitted), false, true, 5),
            Entry::Enter
        );
        assert_eq!(
            entry(Some(Host), Some(Admitted), false, false, 6),
            Entry::Enter,
            "the host is never locked out"
        );
        assert_eq!(
            entry(Some(Guest), Some(Invited), false, true, 1),
            Entry::Enter,
            "invited people pass the lock"
        );
        assert_eq!(
            entry(Some(Guest), Some(Admitted), false, false, 2),
            Entry::Enter
        );
        assert_eq!(entry(None, None, false, false, 2), Entry::Lobby);
        assert_eq!(
            entry(Some(Guest), Some(Waiting), false, false, 2),
            Entry::Lobby
        );
        assert_eq!(
            entry(None, None, false, true, 2),
            Entry::Refused("meeting-error-locked")
        );
        assert_eq!(
            entry(Some(Guest), Some(Invited), false, false, 6),
            Entry::Refused("meeting-error-full")
        );
        assert_eq!(
            entry(Some(Guest), Some(Removed), false, false, 1),
            Entry::Refused("meeting-error-removed")
        );
        assert_eq!(
            entry(Some(Host), Some(Admitted), true, false, 0),
            Entry::Refused("meeting-error-ended")
        );
        for r in [Host, Guest, Interpreter, Moderator] {
            assert_eq!(MeetingRole::parse(r.as_str()), Some(r));
        }
        for s in [Invited, Waiting, Admitted, Removed] {
            assert_eq!(ParticipantState::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn signaling_payloads_are_checked() {
        assert!(valid_description(
            "offer",
            "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"
        ));
        assert!(!valid_description("pranswer", "v=0\r\n"));
        assert!(!valid_description("offer", "hello"));
        assert!(!valid_description(
            "offer",
            &format!("v=0\r\n{}", "a".repeat(SDP_MAX_BYTES))
        ));
        assert!(!valid_description("offer", "v=0\u{0}"));
        assert!(valid_candidate(
            "candidate:1 1 udp 2122260223 192.168.1.2 54321 typ host"
        ));
        assert!(valid_candidate(""));
        assert!(!valid_candidate("<script>"));
        assert!(!valid_candidate(&format!("candidate:{}", "1".repeat(2000))));
    }
}
