//! The realtime hub's topics and the frames of the `/ws` protocol, shared by the server and the
//! browser so both sides agree on every field.
//!
//! Two kinds of traffic ride one socket: **events**, stored before they are published, carrying a
//! monotonic id per topic (a client that reconnects asks for what came after the last id it saw);
//! and **signals** (typing, read marks, "your unread count changed"), which are hints that are not
//! stored and not replayed.

use crate::chat::ChatMessage;
use crate::text::is_id;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest frame a client may send, in bytes.
pub const MAX_CLIENT_FRAME_BYTES: usize = 16 * 1024;
/// How many topics one connection may follow at once.
pub const MAX_TOPICS_PER_CONNECTION: usize = 64;
/// How many stored events one resubscription replays at most; a client that missed more reloads.
pub const MAX_BACKFILL: i64 = 1_000;

/// What a subscription follows.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// A chat room: its messages, read marks and typing.
    Chat(String),
    /// One person's notifications (unread counts, lead pushes).
    User(String),
    /// An expo's public announcements (alert banner, counters).
    Expo(String),
    /// A video meeting: who is waiting, in, gone; host controls. Following it as an admitted
    /// participant is being present.
    Meeting(String),
    /// A live room: its questions and moderation.
    Live(String),
    /// An expo's live counters, pushed to its organizers' dashboards.
    Dashboard(String),
}

impl Topic {
    /// Parses `chat:<id>`, `user:<id>` or `expo:<id>`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Topic> {
        let (kind, id) = s.split_once(':')?;
        if !is_id(id) {
            return None;
        }
        let id = id.to_owned();
        match kind {
            "chat" => Some(Topic::Chat(id)),
            "user" => Some(Topic::User(id)),
            "expo" => Some(Topic::Expo(id)),
            "meeting" => Some(Topic::Meeting(id)),
            "live" => Some(Topic::Live(id)),
            "dashboard" => Some(Topic::Dashboard(id)),
            _ => None,
        }
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Topic::Chat(id) => write!(f, "chat:{id}"),
            Topic::User(id) => write!(f, "user:{id}"),
            Topic::Expo(id) => write!(f, "expo:{id}"),
            Topic::Meeting(id) => write!(f, "meeting:{id}"),
            Topic::Live(id) => write!(f, "live:{id}"),
            Topic::Dashboard(id) => write!(f, "dashboard:{id}"),
        }
    }
}

/// A frame from the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum ClientFrame {
    /// Follow a topic; with `after`, first replay the stored events after that id.
    Sub {
        /// The topic, as [`Topic`] prints it.
        topic: String,
        /// The last event id this client has seen on the topic.
        #[serde(default)]
        after: Option<i64>,
    },
    /// Stop following a topic.
    Unsub {
        /// The topic.
        topic: String,
    },
    /// Post a chat message. `cid` is the client's id for it: sending it again (after a
    /// reconnect) stores nothing twice.
    Send {
        /// Room id.
        room: String,
        /// Message text.
        text: String,
        /// Client message id.
        cid: String,
        /// A file uploaded into the room beforehand, sent with the message.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attachment: Option<String>,
    },
    /// The sender is typing in a room.
    Typing {
        /// Room id.
        room: String,
    },
    /// The sender has read a room up to this message id.
    Read {
        /// Room id.
        room: String,
        /// Message id.
        id: i64,
    },
    /// A WebRTC signaling message for another participant of a meeting.
    Rtc {
        /// Meeting id.
        meeting: String,
        /// The participant it is for.
        to: String,
        /// The offer, answer or candidate.
        signal: RtcSignal,
    },
    /// Keep-alive; answered with [`ServerFrame::Pong`].
    Ping,
}

/// A WebRTC signaling payload, checked by [`crate::meeting`] before it is passed on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RtcSignal {
    /// A session description.
    Description {
        /// `offer` or `answer`.
        kind: String,
        /// The SDP text.
        sdp: String,
    },
    /// An ICE candidate (empty: no more candidates).
    Candidate {
        /// The candidate line.
        candidate: String,
        /// Media stream id.
        #[serde(default)]
        sdp_mid: Option<String>,
        /// Media line index.
        #[serde(default)]
        sdp_m_line_index: Option<u16>,
    },
}

/// A frame to the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum ServerFrame {
    /// First frame of a connection: who the server thinks this is.
    Hello {
        /// The signed-in user's id, if any.
        user: Option<String>,
    },
    /// A subscription is active (any replay has been sent before this frame).
    Subscribed {
        /// The topic.
        topic: String,
        /// The id of the topic's last stored event the subscription stands after: a client that
        /// reconnects resumes from here, even when no event came before the connection dropped.
        #[serde(default)]
        last: i64,
    },
    /// A stored event.
    Event(Event),
    /// A hint that is not stored.
    Signal {
        /// The topic.
        topic: String,
        /// What happened.
        body: Hint,
    },
    /// A [`ClientFrame::Send`] was stored as message `id`.
    Ack {
        /// Client message id.
        cid: String,
        /// Message (event) id.
        id: i64,
    },
    /// A frame was refused; `code` is a Fluent message id saying why.
    Refused {
        /// Fluent message id.
        code: String,
        /// The topic it concerned, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        topic: Option<String>,
        /// The client message id it concerned, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cid: Option<String>,
        /// For rate limits: seconds to wait.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        retry_after_secs: Option<u64>,
    },
    /// Answer to [`ClientFrame::Ping`].
    Pong,
}

/// A stored, numbered event on a topic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Monotonic id (increasing along each topic).
    pub id: i64,
    /// The topic.
    pub topic: String,
    /// When it was stored (UTC milliseconds).
    pub at: i64,
    /// What happened.
    pub body: EventBody,
}

/// What a stored event says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventBody {
    /// A new chat message.
    ChatMessage(ChatMessage),
    /// A message changed: its sender edited or deleted it, or the organizers removed it. It
    /// carries the message as it is now (no text once removed).
    ChatUpdated(ChatMessage),
    /// Something changed in a meeting.
    Meeting(MeetingEvent),
    /// An expo's announcements changed (alert banner, maintenance mode).
    Expo(crate::ops::ExpoEvent),
    /// Something changed in a live room (questions, moderation).
    Live(crate::live::LiveEvent),
}

/// What changed in a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum MeetingEvent {
    /// Someone is in the lobby.
    Waiting {
        /// Who.
        user_id: String,
        /// Their name.
        name: String,
    },
    /// Someone was let in (or invited in).
    Admitted {
        /// Who.
        user_id: String,
    },
    /// Someone connected.
    Present {
        /// Who.
        user_id: String,
        /// Their name.
        name: String,
    },
    /// Someone left.
    Left {
        /// Who.
        user_id: String,
    },
    /// The host sent someone out.
    Removed {
        /// Who.
        user_id: String,
    },
    /// An invited person said no.
    Declined {
        /// Who.
        user_id: String,
    },
    /// The host asks someone to mute.
    MuteRequested {
        /// Who.
        user_id: String,
    },
    /// The meeting was locked or unlocked.
    Locked {
        /// Locked now.
        locked: bool,
    },
    /// An interpreter has been asked for.
    InterpreterRequested,
    /// The meeting is over.
    Ended,
}

impl EventBody {
    /// Gives a body that carries its own id (a chat message's id is its event's id) the id of
    /// the event that stored it: bodies are stored before the id is known.
    pub fn assign_id(&mut self, id: i64) {
        match self {
            EventBody::ChatMessage(m) => m.id = id,
            EventBody::ChatUpdated(_)
            | EventBody::Meeting(_)
            | EventBody::Expo(_)
            | EventBody::Live(_) => {}
        }
    }
}

/// What a signal says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Hint {
    /// Someone is typing in the room.
    Typing {
        /// Who.
        user_id: String,
        /// Their display name.
        name: String,
    },
    /// Someone has read the room up to a message.
    Read {
        /// Who.
        user_id: String,
        /// Up to this message id.
        id: i64,
    },
    /// A member of the room came online (their first open tab) or went offline (their last
    /// tab closed).
    Presence {
        /// Who.
        user_id: String,
        /// Whether they are online now.
        online: bool,
    },
    /// The person's unread counts changed; fetch them again.
    Unread,
    /// The person has a new notification; fetch them again.
    Notification,
    /// Something about a meeting concerns the person (they were let in from the lobby, or
    /// invited); look at it again.
    Meeting {
        /// Meeting id.
        meeting: String,
    },
    /// A WebRTC signaling message from another participant of a meeting.
    Rtc {
        /// Meeting id.
        meeting: String,
        /// Who sent it.
        from: String,
        /// The payload.
        signal: RtcSignal,
    },
    /// How many people watch a live stream now (every few seconds while it is on air).
    Viewers {
        /// Viewers.
        count: u64,
    },
    /// An inquiry, quote or trade figure the person follows changed; read it again.
    Trade,
    /// The person's matches were recomputed; read them again.
    Matches,
    /// An appointment or the availability the person sees changed; read the calendar again.
    Calendar,
    /// The expo's live counters now (on `dashboard:<expo>`, every second while followed).
    Counters(Box<crate::analytics::LiveCounters>),
    /// The expo's public headline figures now (on `expo:<id>`, every second while the
    /// organizer shows them on the home page).
    Headline(crate::analytics::Headline),
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "01936f5e-7c1a-7d2b-8e3f-0123456789ab";

    #[test]
    fn topics_round_trip_and_refuse_the_rest() {
        for s in [
            format!("chat:{ID}"),
            format!("user:{ID}"),
            format!("expo:{ID}"),
            format!("dashboard:{ID}"),
        ] {
            assert_eq!(Topic::parse(&s).map(|t| t.to_string()), Some(s));
        }
        for bad in [
            "",
            "chat",
            "chat:",
            "chat:x",
            "room:{ID}",
            &format!("chat:{ID}x"),
            &format!("Chat:{ID}"),
        ] {
            assert_eq!(Topic::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn frames_have_a_stable_wire_form() {
        let f: ClientFrame =
            serde_json::from_str(r#"{"t":"sub","topic":"chat:x","after":7}"#).expect("sub");
        assert_eq!(
            f,
            ClientFrame::Sub {
                topic: "chat:x".into(),
                after: Some(7)
            }
        );
        let f: ClientFrame = serde_json::from_str(r#"{"t":"sub","topic":"chat:x"}"#).expect("sub");
        assert_eq!(
            f,
            ClientFrame::Sub {
                topic: "chat:x".into(),
                after: None
            }
        );
        assert!(serde_json::from_str::<ClientFrame>(r#"{"t":"nope"}"#).is_err());
        let s = serde_json::to_string(&ServerFrame::Signal {
            topic: "user:x".into(),
            body: Hint::Unread,
        })
        .expect("json");
        assert_eq!(
            s,
            r#"{"t":"signal","topic":"user:x","body":{"kind":"unread"}}"#
        );
    }
}
