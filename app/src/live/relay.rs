//! The media path of live streams on this node: one [`Relay`] per stream on air, which takes the
//! broadcaster's WebM chunks through [`domain::live::webm::Ingest`], keeps the stream header and
//! the bytes since the last keyframe cluster (where a late viewer starts), and fans the bytes
//! out to viewers. The recording (spool file) is written by the broadcaster's connection.

use axum::body::Bytes;
use domain::live::webm::{Ingest, Pushed, WebmError};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::broadcast;

/// Chunks a viewer may fall behind before it is cut off (and reconnects at a keyframe).
const VIEWER_BACKLOG: usize = 64;

/// What a viewer gets first: the header and the bytes from the last join point, then the live
/// chunks from `live`.
pub struct Joined {
    /// Header + bytes since the last join point (empty while the stream has not started).
    pub start: Bytes,
    /// Every later chunk, in order; closed when the stream ends.
    pub live: broadcast::Receiver<Bytes>,
}

struct Inner {
    ingest: Ingest,
    /// Output bytes since the last join point (or since the header, before the first one).
    tail: Vec<u8>,
    tail_from: u64,
    /// The broadcaster session now sending, if any, and whose it is.
    broadcaster: Option<u64>,
    broadcaster_user: Option<String>,
    sessions: u64,
    /// The media type the broadcaster records (the first session's).
    mime: Option<String>,
    /// The viewers' feed; `None` once the stream has ended (which closes every viewer's).
    chunks: Option<broadcast::Sender<Bytes>>,
}

/// What a viewer's connection is told besides the media.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The broadcaster's connection dropped (the stream is still on the schedule).
    Away,
    /// A broadcaster is sending again.
    Back,
    /// A moderator removed this person from the room: their player closes.
    Removed(String),
}

/// One stream's relay.
pub struct Relay {
    inner: Mutex<Inner>,
    notices: broadcast::Sender<Notice>,
}

/// Why a broadcaster was not let in or a chunk refused.
#[derive(Debug, PartialEq, Eq)]
pub enum RelayError {
    /// Someone else is broadcasting this stream.
    Busy,
    /// This connection's session was taken over by a newer connection of the same person
    /// (their network dropped and came back before this one was noticed gone).
    Superseded,
    /// The stream has ended.
    Ended,
    /// The bytes are not an acceptable WebM stream.
    Media(WebmError),
    /// The header is on its way: try again in a moment.
    NotReady,
}

impl RelayError {
    /// Fluent id of the reason.
    pub fn message_id(&self) -> &'static str {
        match self {
            RelayError::Busy => "live-error-busy",
            RelayError::Superseded => "live-error-superseded",
            RelayError::Ended => "live-error-ended",
            RelayError::Media(e) => e.message_id(),
            RelayError::NotReady => "live-status-waiting",
        }
    }
}

impl Relay {
    fn new() -> Self {
        let (chunks, _) = broadcast::channel(VIEWER_BACKLOG);
        let (notices, _) = broadcast::channel(16);
        Self {
            notices,
            inner: Mutex::new(Inner {
                ingest: Ingest::new(),
                tail: Vec::new(),
                tail_from: 0,
                broadcaster: None,
                broadcaster_user: None,
                sessions: 0,
                mime: None,
                chunks: Some(chunks),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes the broadcaster's seat for `user`; the session number to send with, and what a
    /// session it took over still held (to append to the recording). `mime` is what the
    /// broadcaster records; a later session must record the same. The seat of a session of the
    /// same person is taken over at once (their connection dropped without a word and they are
    /// back); another person's is busy.
    pub fn start_session(&self, mime: &str, user: &str) -> Result<(u64, Bytes), RelayError> {
        let taken_over = {
            let inner = self.lock();
            match (inner.broadcaster, inner.broadcaster_user.as_deref()) {
                (Some(old), Some(holder)) if holder == user => Some(old),
                _ => None,
            }
        };
        let held = match taken_over {
            Some(old) => self.end_session(old),
            None => Bytes::new(),
        };
        let mut inner = self.lock();
        match &inner.mime {
            Some(m) if m != mime => {
                return Err(RelayError::Media(WebmError::TracksChanged));
            }
            Some(_) => {}
            None => inner.mime = Some(mime.to_owned()),
        }
        if inner.chunks.is_none() {
            return Err(RelayError::Ended);
        }
        if inner.broadcaster.is_some() {
            return Err(RelayError::Busy);
        }
        inner.sessions += 1;
        let session = inner.sessions;
        inner.broadcaster = Some(session);
        inner.broadcaster_user = Some(user.to_owned());
        inner.ingest.new_session();
        if session > 1 {
            let _ = self.notices.send(Notice::Back);
        }
        Ok((session, held))
    }

    /// Whether `session` lost its seat to a newer session.
    pub fn superseded(&self, session: u64) -> bool {
        let inner = self.lock();
        inner.broadcaster.is_some_and(|b| b > session)
    }

    /// Leaves the broadcaster's seat (connection closed); the stream may continue with a new
    /// session. What the ingest still held of the session (a last cluster waiting for a
    /// video frame) is let out: the bytes to append to the recording.
    pub fn end_session(&self, session: u64) -> Bytes {
        let mut inner = self.lock();
        if inner.broadcaster != Some(session) {
            return Bytes::new();
        }
        inner.broadcaster = None;
        inner.broadcaster_user = None;
        if inner.chunks.is_some() {
            let _ = self.notices.send(Notice::Away);
        }
        let held = match inner.ingest.flush() {
            Ok(p) => p.bytes,
            Err(_) => Vec::new(),
        };
        if held.is_empty() {
            return Bytes::new();
        }
        inner.tail.extend_from_slice(&held);
        let held = Bytes::from(held);
        if let Some(chunks) = &inner.chunks {
            let _ = chunks.send(held.clone());
        }
        held
    }

    /// Whether a broadcaster is connected.
    pub fn on_air(&self) -> bool {
        self.lock().broadcaster.is_some()
    }

    /// Takes a chunk from the broadcaster of `session`: the bytes to append to the recording
    /// (already sent to viewers).
    pub fn push(&self, session: u64, chunk: &[u8]) -> Result<Bytes, RelayError> {
        let mut inner = self.lock();
        if inner.chunks.is_none() {
            return Err(RelayError::Ended);
        }
        if inner.broadcaster != Some(session) {
            return Err(if inner.broadcaster.is_some_and(|b| b > session) {
                RelayError::Superseded
            } else {
                RelayError::Busy
            });
        }
        let Pushed { bytes, join_points } = inner.ingest.push(chunk).map_err(RelayError::Media)?;
        if bytes.is_empty() {
            return Ok(Bytes::new());
        }
        let start = inner.ingest.written() - bytes.len() as u64;
        // Until the header is whole, every byte out is header.
        let header_len = inner.ingest.header().map_or(u64::MAX, |h| h.len() as u64);
        // The tail keeps what a late viewer needs after the header: from the last join point.
        match join_points.last() {
            Some(jp) => {
                let from = usize::try_from(jp.offset.saturating_sub(start)).unwrap_or(0);
                inner.tail.clear();
                inner
                    .tail
                    .extend_from_slice(bytes.get(from..).unwrap_or_default());
                inner.tail_from = jp.offset;
            }
            None => {
                // Header bytes are never part of the tail.
                let skip = usize::try_from(header_len.saturating_sub(start)).unwrap_or(usize::MAX);
                if let Some(rest) = bytes.get(skip..) {
                    if inner.tail.is_empty() {
                        inner.tail_from = start + skip as u64;
                    }
                    inner.tail.extend_from_slice(rest);
                }
            }
        }
        let bytes = Bytes::from(bytes);
        if let Some(chunks) = &inner.chunks {
            // No viewer is not an error.
            let _ = chunks.send(bytes.clone());
        }
        Ok(bytes)
    }

    /// A viewer joins: what to play first, and the live chunks after it. Taken under the same
    /// lock as `push`, so nothing falls between the two.
    pub fn join(&self) -> Result<Joined, RelayError> {
        let inner = self.lock();
        let live = inner.chunks.as_ref().ok_or(RelayError::Ended)?.subscribe();
        if inner.ingest.header().is_none() && inner.ingest.written() > 0 {
            return Err(RelayError::NotReady);
        }
        let start = match inner.ingest.header() {
            Some(header) => {
                let mut start = Vec::with_capacity(header.len() + inner.tail.len());
                start.extend_from_slice(header);
                start.extend_from_slice(&inner.tail);
                Bytes::from(start)
            }
            None => Bytes::new(),
        };
        Ok(Joined { start, live })
    }

    /// What viewers are told besides the media (the broadcaster away or back, removals).
    pub fn notices(&self) -> broadcast::Receiver<Notice> {
        self.notices.subscribe()
    }

    /// Closes the player of `user_id`, removed from the room by a moderator.
    pub fn remove_viewer(&self, user_id: &str) {
        let _ = self.notices.send(Notice::Removed(user_id.to_owned()));
    }

    /// Whether the stream's header is whole (viewers can start).
    pub fn header_ready(&self) -> bool {
        self.lock().ingest.header().is_some()
    }

    /// The media type viewers play, once a broadcaster said.
    pub fn mime(&self) -> Option<String> {
        self.lock().mime.clone()
    }

    /// Viewers watching now.
    pub fn viewers(&self) -> usize {
        self.lock()
            .chunks
            .as_ref()
            .map_or(0, broadcast::Sender::receiver_count)
    }

    /// Bytes recorded so far.
    pub fn written(&self) -> u64 {
        self.lock().ingest.written()
    }

    /// Where the tail starts (for tests and diagnostics).
    pub fn tail_from(&self) -> u64 {
        self.lock().tail_from
    }
}

/// The relays of the streams on air on this node.
#[derive(Clone, Default)]
pub struct Relays {
    map: Arc<Mutex<HashMap<String, Arc<Relay>>>>,
}

impl std::fmt::Debug for Relays {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.map.lock().map_or(0, |m| m.len());
        write!(f, "Relays({n} open)")
    }
}

impl Relays {
    /// The stream's relay, made on first use.
    pub fn get_or_open(&self, stream_id: &str) -> Arc<Relay> {
        let mut map = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        map.entry(stream_id.to_owned())
            .or_insert_with(|| Arc::new(Relay::new()))
            .clone()
    }

    /// The stream's relay, if it is open.
    pub fn get(&self, stream_id: &str) -> Option<Arc<Relay>> {
        let map = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        map.get(stream_id).cloned()
    }

    /// Ends a stream: no more broadcasting; viewers' chunk streams close.
    pub fn close(&self, stream_id: &str) -> Option<Arc<Relay>> {
        let relay = self
            .map
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(stream_id)?;
        relay.lock().chunks = None;
        Some(relay)
    }
}
