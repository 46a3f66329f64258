//! The `/ws` endpoint: one WebSocket per browser tab, one task per connection. The task reads
//! client frames and writes what its subscriptions deliver: on subscribing it replays the
//! stored events the client missed, then writes live ones from its outbox (the hub puts them
//! there directly), dropping any it already sent. A connection whose outbox overflowed
//! re-reads the store instead of slowing the topic down for everyone else.

use app::realtime::hub::{Delivery, Subscription, Tap};
use app::state::{AppState, AuthSession, CurrentSession};
use app::AppError;
use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::response::Response;
use axum::Extension;
use domain::realtime::{
    ClientFrame, ServerFrame, Topic, MAX_BACKFILL, MAX_CLIENT_FRAME_BYTES,
    MAX_TOPICS_PER_CONNECTION,
};
use futures_util::{FutureExt, SinkExt};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, Notify};

/// Server ping interval; a connection silent for three of them is closed.
const PING_EVERY: Duration = Duration::from_secs(25);
const SILENT_LIMIT: Duration = Duration::from_secs(75);
/// A write that takes longer than this means the client is gone or stuck.
const WRITE_TIMEOUT: Duration = Duration::from_secs(20);
/// The hard frame limit of the WebSocket protocol layer.
const PROTOCOL_MAX_FRAME_BYTES: usize = 64 * 1024;
/// Frames waiting for the socket, per connection (the queue's memory is taken as it fills, 32
/// frames at a time). Nothing drains it while the connection replays a topic, so it holds a
/// burst of another topic's events and signals meanwhile; an event that does not fit is read
/// from the store later, a signal that does not fit is lost (signals are hints).
const OUTBOX: usize = 512;
/// How long to wait before re-reading the store again after a read failed.
const RETRY_STORE: Duration = Duration::from_secs(1);
/// Frames written with one flush.
const BATCH: usize = 32;
/// Batches of deliveries written in a row before the client's frames get the first look.
const CLIENT_TURN_EVERY: u32 = 8;
/// A signed-in connection's session is checked again before acting for the person when the
/// last check is older than this (and at every ping, and at once when the hub says one of the
/// person's sessions ended).
const SESSION_RECHECK: Duration = Duration::from_secs(5);
/// The close code that tells the browser its session ended (sign-out, password reset,
/// expiry): it reconnects, as the visitor it now is.
const CLOSE_SESSION_ENDED: u16 = 4401;

/// `GET /ws`: upgrades to the realtime protocol (the origin check middleware has already
/// refused other sites). Anonymous visitors may connect and follow public topics.
pub async fn upgrade(
    State(state): State<AppState>,
    Extension(session): Extension<CurrentSession>,
    ws: WebSocketUpgrade,
) -> Response {
    // Frames over the protocol limit close the socket (1009); frames over the application's
    // limit but under this one are refused with a message and the socket stays.
    ws.read_buffer_size(4 * 1024)
        .write_buffer_size(16 * 1024)
        .max_message_size(PROTOCOL_MAX_FRAME_BYTES)
        .max_frame_size(PROTOCOL_MAX_FRAME_BYTES)
        .on_upgrade(move |socket| connection(state, session.0, socket))
}

fn frame(f: &ServerFrame) -> Utf8Bytes {
    // Serializing these enums cannot fail; an empty object keeps the socket alive if it did.
    Utf8Bytes::from(serde_json::to_string(f).unwrap_or_else(|_| "{}".to_owned()))
}

fn refused(code: &str, topic: Option<String>, cid: Option<String>) -> ServerFrame {
    ServerFrame::Refused {
        code: code.to_owned(),
        topic,
        cid,
        retry_after_secs: None,
    }
}

fn refusal(e: &AppError, cid: Option<String>) -> ServerFrame {
    match e {
        AppError::RateLimited { retry_after_secs } => ServerFrame::Refused {
            code: "error-rate-limited".to_owned(),
            topic: None,
            cid,
            retry_after_secs: Some(*retry_after_secs),
        },
        AppError::Validation(fields) => refused(
            fields
                .first()
                .map(|f| f.message_id.as_str())
                .unwrap_or("error-validation"),
            None,
            cid,
        ),
        AppError::NotFound | AppError::Forbidden => refused("realtime-error-forbidden", None, cid),
        AppError::Conflict(id) => refused(id, None, cid),
        other => refused(other.message_id(), None, cid),
    }
}

/// The topics a connection follows: a handful (at most [`MAX_TOPICS_PER_CONNECTION`]), so a
/// list, searched by the name's pointer first (every delivery carries the hub's copy of it).
#[derive(Default)]
struct Topics(Vec<(Arc<str>, Followed)>);

impl Topics {
    fn position(&self, topic: &str) -> Option<usize> {
        let (ptr, len) = (topic.as_ptr(), topic.len());
        self.0
            .iter()
            .position(|(t, _)| t.as_ptr() == ptr && t.len() == len)
            .or_else(|| self.0.iter().position(|(t, _)| &**t == topic))
    }

    fn get(&self, topic: &str) -> Option<&Followed> {
        self.position(topic).map(|i| &self.0[i].1)
    }

    fn get_mut(&mut self, topic: &str) -> Option<&mut Followed> {
        self.position(topic).map(|i| &mut self.0[i].1)
    }

    fn contains_key(&self, topic: &str) -> bool {
        self.position(topic).is_some()
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn insert(&mut self, topic: Arc<str>, followed: Followed) {
        self.remove(&topic);
        self.0.push((topic, followed));
    }

    fn remove(&mut self, topic: &str) -> Option<Followed> {
        self.position(topic).map(|i| self.0.swap_remove(i).1)
    }

    fn iter(&self) -> impl Iterator<Item = (&Arc<str>, &Followed)> {
        self.0.iter().map(|(t, f)| (t, f))
    }
}

/// A topic this connection follows.
struct Followed {
    /// Keeps the hub delivering into the outbox.
    _subscription: Subscription,
    /// The last event id written to the client.
    last: i64,
    /// Set by the hub when an event did not fit in the outbox.
    lagged: Arc<AtomicBool>,
    /// Set by the hub when the right to follow the topic was revoked.
    revoked: Arc<AtomicBool>,
}

struct Connection {
    state: AppState,
    session: Option<AuthSession>,
    out: mpsc::Sender<Delivery>,
    wake: Arc<Notify>,
    followed: Topics,
    /// The topic just subscribed to, to replay (then confirm) before anything else is written;
    /// the same turn of the loop that handled the `sub` frame does it.
    to_replay: Option<Arc<str>>,
    limiter: DefaultDirectRateLimiter,
    /// Meetings this connection is present in (it follows their topic as a participant).
    meetings: Vec<String>,
    /// The hub's re-check epoch when this connection last checked its topics.
    checked_epoch: u64,
    /// For a signed-in connection: the hub subscription that is revoked when one of the
    /// person's sessions ends, and its flag.
    session_watch: Option<(Subscription, Arc<AtomicBool>)>,
    /// When the session was last found valid.
    session_checked: Instant,
}

impl Drop for Connection {
    fn drop(&mut self) {
        if let Some(s) = &self.session {
            if self.state.hub.disconnected(&s.user.id) {
                let state = self.state.clone();
                let user = s.user.id.clone();
                tokio::spawn(async move {
                    app::chat::service::announce_presence(&state, &user).await;
                });
            }
            for meeting in self.meetings.drain(..) {
                let state = self.state.clone();
                let user = s.user.id.clone();
                tokio::spawn(async move {
                    if let Err(e) = app::meeting::service::departed(&state, &user, &meeting).await {
                        tracing::warn!(error = ?e, "meeting departure not recorded");
                    }
                });
            }
        }
    }
}

async fn connection(state: AppState, session: Option<AuthSession>, mut socket: WebSocket) {
    let (out, mut outbox) = mpsc::channel::<Delivery>(OUTBOX);
    if let Some(s) = &session {
        if state.hub.connected(&s.user.id) {
            let state = state.clone();
            let user = s.user.id.clone();
            tokio::spawn(async move {
                app::chat::service::announce_presence(&state, &user).await;
            });
        }
    }
    // By default 20 frames a second with bursts of 60: far above what a person's tab sends.
    let rate = NonZeroU32::new(state.auth.ws_frames_per_sec.max(1)).unwrap_or(NonZeroU32::MIN);
    let quota =
        Quota::per_second(rate).allow_burst(rate.saturating_mul(NonZeroU32::MIN.saturating_add(2)));
    let wake = Arc::new(Notify::new());
    let mut conn = Connection {
        state,
        session,
        out,
        wake: wake.clone(),
        followed: Topics::default(),
        to_replay: None,
        limiter: RateLimiter::direct(quota),
        meetings: Vec::new(),
        checked_epoch: 0,
        session_watch: None,
        session_checked: Instant::now(),
    };
    conn.checked_epoch = conn.state.hub.recheck_epoch();
    conn.watch_session();
    let hello = ServerFrame::Hello {
        user: conn.session.as_ref().map(|s| s.user.id.clone()),
    };
    if socket.send(Message::Text(frame(&hello))).await.is_err() {
        return;
    }
    let mut ping = tokio::time::interval(PING_EVERY);
    ping.tick().await;
    let mut heard = Instant::now();
    // Batches written since the client's side was last looked at.
    let mut batches_in_a_row = 0u32;
    loop {
        // Deliveries first, in this order, without the random start: a delivery then polls
        // nothing else (not the socket's read side, which costs as much again). The client's
        // frames are few and rate-limited; so that a busy topic never makes them wait long,
        // every few batches the read side is looked at first.
        if batches_in_a_row >= CLIENT_TURN_EVERY {
            batches_in_a_row = 0;
            // (And the hub's requests to re-read the store. Revoked topics are dropped only
            // once the outbox is empty: what it holds was published before the revocation,
            // the event telling a removed person so among it.)
            if !conn.housekeeping(&mut socket, false).await {
                break;
            }
            if let Some(incoming) = socket.recv().now_or_never() {
                if !conn.incoming(&mut socket, incoming, &mut heard).await {
                    break;
                }
                continue;
            }
        }
        tokio::select! {
            biased;
            Some(delivery) = outbox.recv() => {
                // Whatever else is ready goes out with it: one flush (one write) for the lot.
                let mut batch = Vec::new();
                conn.admit(delivery, &mut batch);
                while batch.len() < BATCH {
                    match outbox.try_recv() {
                        Ok(d) => conn.admit(d, &mut batch),
                        Err(_) => break,
                    }
                }
                batches_in_a_row += 1;
                if !batch.is_empty() && !send_all(&mut socket, batch).await {
                    break;
                }
            }
            incoming = socket.recv() => {
                batches_in_a_row = 0;
                if !conn.incoming(&mut socket, incoming, &mut heard).await {
                    break;
                }
            }
            _ = wake.notified() => {
                if !conn.housekeeping(&mut socket, true).await {
                    break;
                }
            }
            _ = ping.tick() => {
                // Sessions also end by expiring, which nobody announces.
                if !conn.session_holds(&mut socket, Duration::ZERO).await {
                    break;
                }
                if heard.elapsed() > SILENT_LIMIT {
                    let _ = socket.send(Message::Close(Some(CloseFrame {
                        code: axum::extract::ws::close_code::AWAY,
                        reason: Utf8Bytes::from_static("idle"),
                    }))).await;
                    break;
                }
                if !send_message(&mut socket, Message::Ping(bytes::Bytes::new())).await {
                    break;
                }
            }
        }
    }
}

async fn send(socket: &mut WebSocket, text: Utf8Bytes) -> bool {
    send_message(socket, Message::Text(text)).await
}

async fn send_message(socket: &mut WebSocket, message: Message) -> bool {
    within_write_timeout(socket.send(message)).await
}

async fn send_all(socket: &mut WebSocket, texts: Vec<Utf8Bytes>) -> bool {
    within_write_timeout(async {
        for text in texts {
            socket.feed(Message::Text(text)).await?;
        }
        socket.flush().await
    })
    .await
}

/// Runs a write, giving it [`WRITE_TIMEOUT`] only when it cannot finish at once: a timer per
/// frame would cost more than the write itself when thousands of sockets are written.
async fn within_write_timeout(
    write: impl std::future::Future<Output = Result<(), axum::Error>>,
) -> bool {
    use std::task::Poll;
    let mut write = std::pin::pin!(write);
    let first = std::future::poll_fn(|cx| Poll::Ready(write.as_mut().poll(cx))).await;
    match first {
        Poll::Ready(result) => result.is_ok(),
        Poll::Pending => matches!(tokio::time::timeout(WRITE_TIMEOUT, write).await, Ok(Ok(()))),
    }
}

impl Connection {
    /// Handles what the socket's read side gave; false when the connection is over.
    async fn incoming(
        &mut self,
        socket: &mut WebSocket,
        incoming: Option<Result<Message, axum::Error>>,
        heard: &mut Instant,
    ) -> bool {
        let Some(Ok(message)) = incoming else {
            return false;
        };
        *heard = Instant::now();
        // Nothing is done for a person whose session has ended.
        if matches!(message, Message::Text(_)) && !self.session_holds(socket, SESSION_RECHECK).await
        {
            return false;
        }
        let reply = match message {
            Message::Text(text) => self.handle(text.as_str()).await,
            Message::Binary(_) => Some(refused("realtime-error-malformed", None, None)),
            Message::Ping(_) | Message::Pong(_) => None,
            Message::Close(_) => return false,
        };
        if let Some(reply) = reply {
            if !send(socket, frame(&reply)).await {
                return false;
            }
        }
        self.replay_new(socket).await
    }

    /// Handles one client frame; returns the direct answer, if any.
    async fn handle(&mut self, text: &str) -> Option<ServerFrame> {
        if self.limiter.check().is_err() {
            return Some(ServerFrame::Refused {
                code: "error-rate-limited".to_owned(),
                topic: None,
                cid: None,
                retry_after_secs: Some(1),
            });
        }
        if text.len() > MAX_CLIENT_FRAME_BYTES {
            return Some(refused("realtime-error-too-large", None, None));
        }
        let Ok(client_frame) = serde_json::from_str::<ClientFrame>(text) else {
            return Some(refused("realtime-error-malformed", None, None));
        };
        match client_frame {
            ClientFrame::Ping => Some(ServerFrame::Pong),
            ClientFrame::Sub { topic, after } => self.subscribe(topic, after).await,
            ClientFrame::Unsub { topic } => self
                .stop_following(&topic)
                .await
                .err()
                .map(|e| refusal(&e, None)),
            ClientFrame::Rtc {
                meeting,
                to,
                signal,
            } => {
                let session = self.session.as_ref()?;
                app::meeting::service::relay(&self.state, session, &meeting, &to, signal)
                    .await
                    .err()
                    .map(|e| refusal(&e, None))
            }
            ClientFrame::Send {
                room,
                text,
                cid,
                attachment,
            } => {
                let Some(session) = &self.session else {
                    return Some(refused("error-unauthenticated", None, Some(cid)));
                };
                match app::chat::service::send(
                    &self.state,
                    session,
                    &room,
                    &text,
                    &cid,
                    attachment.as_deref(),
                )
                .await
                {
                    Ok((message, _)) => Some(ServerFrame::Ack {
                        cid,
                        id: message.id,
                    }),
                    Err(e) => Some(refusal(&e, Some(cid))),
                }
            }
            ClientFrame::Typing { room } => {
                let session = self.session.as_ref()?;
                app::chat::service::typing(&self.state, session, &room)
                    .await
                    .err()
                    .map(|e| refusal(&e, None))
            }
            ClientFrame::Read { room, id } => {
                let session = self.session.as_ref()?;
                app::chat::service::mark_read(&self.state, session, &room, id)
                    .await
                    .err()
                    .map(|e| refusal(&e, None))
            }
        }
    }

    async fn subscribe(&mut self, topic_text: String, after: Option<i64>) -> Option<ServerFrame> {
        let Some(topic) = Topic::parse(&topic_text) else {
            return Some(refused("realtime-error-topic", Some(topic_text), None));
        };
        if !self.followed.contains_key(topic_text.as_str())
            && self.followed.len() >= MAX_TOPICS_PER_CONNECTION
        {
            return Some(refused(
                "realtime-error-too-many-topics",
                Some(topic_text),
                None,
            ));
        }
        // Subscribe first, before checking the right to follow and before the store is read:
        // a revocation from now on finds this subscription (one before it is seen by the
        // check), and nothing published in between is missed.
        let lagged = Arc::new(AtomicBool::new(false));
        let revoked = Arc::new(AtomicBool::new(false));
        let subscription = self.state.hub.subscribe(
            &topic_text,
            Tap {
                out: self.out.clone(),
                lagged: lagged.clone(),
                wake: self.wake.clone(),
                user: self.session.as_ref().map(|s| Arc::from(s.user.id.as_str())),
                revoked: revoked.clone(),
            },
        );
        match app::realtime::service::may_follow(&self.state.db, self.session.as_ref(), &topic)
            .await
        {
            Ok(true) => {}
            Ok(false) => {
                // Nor does an earlier subscription to it go on.
                if let Err(e) = self.stop_following(&topic_text).await {
                    tracing::warn!(error = ?e, "meeting departure not recorded");
                }
                return Some(refused("realtime-error-forbidden", Some(topic_text), None));
            }
            Err(e) => return Some(refusal(&e, None)),
        }
        // Following it again replaces the earlier subscription (and its position).
        self.followed.remove(topic_text.as_str());
        // "From now" means from the topic's position at this moment: read it before anything
        // this subscription itself causes (a meeting's presence event) can be stored.
        let after = match after {
            Some(after) => after.max(0),
            None => match db::realtime::last_id(&self.state.db, &topic_text).await {
                Ok(id) => id,
                Err(e) => return Some(refusal(&e.into(), None)),
            },
        };
        // The hub's own copy of the name: deliveries carry it, so finding the topic of one is
        // a pointer comparison.
        let key = subscription.topic().clone();
        self.followed.insert(
            key.clone(),
            Followed {
                _subscription: subscription,
                last: after,
                lagged,
                revoked,
            },
        );
        self.to_replay = Some(key);
        if let (Topic::Meeting(id), Some(session)) = (&topic, &self.session) {
            if !self.meetings.contains(id) {
                self.meetings.push(id.clone());
                if let Err(e) = app::meeting::service::arrived(&self.state, session, id).await {
                    return Some(refusal(&e, None));
                }
            }
        }
        None
    }
}

impl Connection {
    /// Lets a live delivery through unless the client has it already. While a topic waits to
    /// re-read the store, its events wait for that (the store has them, in order) and its
    /// signals are dropped (they could refer to an event the client does not have yet).
    fn admit(&mut self, delivery: Delivery, batch: &mut Vec<Utf8Bytes>) {
        let Some(followed) = self.followed.get_mut(&delivery.topic) else {
            return;
        };
        // (A revoked topic's deliveries still go out: they were published before the
        // revocation, which took its subscription out of the hub, so none came after it.)
        if followed.lagged.load(Ordering::Acquire) {
            return;
        }
        if let Some(id) = delivery.id {
            if id <= followed.last {
                return;
            }
            followed.last = id;
        }
        batch.push(delivery.text);
    }

    /// Replays the topic just subscribed to, then confirms it; false when the connection is gone.
    async fn replay_new(&mut self, socket: &mut WebSocket) -> bool {
        if let Some(topic) = self.to_replay.take() {
            let subscribed = match self.catch_up(socket, &topic).await {
                CatchUp::Done => ServerFrame::Subscribed {
                    topic: topic.to_string(),
                    last: self.followed.get(&topic).map_or(0, |f| f.last),
                },
                CatchUp::Gone => return false,
                // The subscription is refused (the client may ask again); the socket and its
                // other topics go on.
                CatchUp::StoreFailed(e) => {
                    self.followed.remove(&topic);
                    ServerFrame::Refused {
                        code: e.message_id().to_owned(),
                        topic: Some(topic.to_string()),
                        cid: None,
                        retry_after_secs: Some(RETRY_STORE.as_secs().max(1)),
                    }
                }
            };
            if !send(socket, frame(&subscribed)).await {
                return false;
            }
        }
        true
    }

    /// Stops following a topic; for a meeting, the person's presence through this connection
    /// ends.
    async fn stop_following(&mut self, topic: &str) -> Result<(), AppError> {
        self.followed.remove(topic);
        if let (Some(Topic::Meeting(id)), Some(session)) = (Topic::parse(topic), &self.session) {
            if let Some(pos) = self.meetings.iter().position(|m| *m == id) {
                self.meetings.remove(pos);
                app::meeting::service::departed(&self.state, &session.user.id, &id).await?;
            }
        }
        Ok(())
    }

    /// Does what the hub asked for: checks the topics again when it may have missed
    /// revocations, stops following revoked topics (with `drop_revoked`), re-reads lagging
    /// ones. False when the connection is gone.
    async fn housekeeping(&mut self, socket: &mut WebSocket, drop_revoked: bool) -> bool {
        let session_news = self
            .session_watch
            .as_ref()
            .is_some_and(|(_, ended)| ended.load(Ordering::Acquire));
        if session_news {
            if !self.session_holds(socket, Duration::ZERO).await {
                return false;
            }
            // Another of the person's sessions ended: watch again.
            self.watch_session();
        }
        self.recheck().await;
        if drop_revoked && !self.drop_revoked(socket).await {
            return false;
        }
        self.catch_up_lagged(socket).await
    }

    /// Watches the end of the person's sessions (signed-in connections only).
    fn watch_session(&mut self) {
        let Some(s) = &self.session else {
            return;
        };
        let ended = Arc::new(AtomicBool::new(false));
        let tap = Tap {
            out: self.out.clone(),
            lagged: Arc::new(AtomicBool::new(false)),
            wake: self.wake.clone(),
            user: Some(Arc::from(s.user.id.as_str())),
            revoked: ended.clone(),
        };
        let topic = app::account::session::sessions_topic(&s.user.id);
        self.session_watch = Some((self.state.hub.subscribe(&topic, tap), ended));
    }

    /// Whether the connection's session still holds, checked in the database when the last
    /// check is older than `max_age`. When it has ended (sign-out, password reset, expiry) the
    /// socket is closed with [`CLOSE_SESSION_ENDED`] and false returned: the browser reconnects
    /// as a visitor, and nothing more reaches it under the person's name.
    async fn session_holds(&mut self, socket: &mut WebSocket, max_age: Duration) -> bool {
        let Some(s) = &self.session else {
            return true;
        };
        if max_age > Duration::ZERO && self.session_checked.elapsed() < max_age {
            return true;
        }
        match app::account::session::still_valid(&self.state, &s.token_hash).await {
            Ok(true) => {
                self.session_checked = Instant::now();
                true
            }
            Ok(false) => {
                let _ = socket
                    .send(Message::Close(Some(CloseFrame {
                        code: CLOSE_SESSION_ENDED,
                        reason: Utf8Bytes::from_static("session-ended"),
                    })))
                    .await;
                false
            }
            // The store is unreachable: the next check decides.
            Err(_) => true,
        }
    }

    /// Checks each topic again (once per re-check epoch of the hub); those the person may no
    /// longer follow are marked revoked.
    async fn recheck(&mut self) {
        let epoch = self.state.hub.recheck_epoch();
        if epoch == self.checked_epoch {
            return;
        }
        let mut all_checked = true;
        for (name, followed) in self.followed.iter() {
            let Some(topic) = Topic::parse(name) else {
                continue;
            };
            match app::realtime::service::may_follow(&self.state.db, self.session.as_ref(), &topic)
                .await
            {
                Ok(true) => {}
                Ok(false) => followed.revoked.store(true, Ordering::Release),
                Err(_) => all_checked = false,
            }
        }
        if all_checked {
            self.checked_epoch = epoch;
        }
    }

    /// Stops following the topics the hub revoked and tells the client each is refused (a
    /// meeting's presence ends with it). What the topic's outbox could not hold before the
    /// revocation is read from the store first (the event telling a removed person so).
    async fn drop_revoked(&mut self, socket: &mut WebSocket) -> bool {
        let revoked: Vec<(Arc<str>, bool)> = self
            .followed
            .iter()
            .filter(|(_, f)| f.revoked.load(Ordering::Acquire))
            .map(|(t, f)| (t.clone(), f.lagged.load(Ordering::Acquire)))
            .collect();
        for (topic, lagged) in revoked {
            if lagged {
                if let CatchUp::Gone = self.catch_up(socket, &topic).await {
                    return false;
                }
            }
            if let Err(e) = self.stop_following(&topic).await {
                tracing::warn!(error = ?e, "meeting departure not recorded");
            }
            let refusal = refused("realtime-error-forbidden", Some(topic.to_string()), None);
            if !send(socket, frame(&refusal)).await {
                return false;
            }
        }
        true
    }

    /// Re-reads the store for every topic whose outbox overflowed.
    async fn catch_up_lagged(&mut self, socket: &mut WebSocket) -> bool {
        let lagging: Vec<Arc<str>> = self
            .followed
            .iter()
            .filter(|(_, f)| f.lagged.load(Ordering::Acquire) && !f.revoked.load(Ordering::Acquire))
            .map(|(t, _)| t.clone())
            .collect();
        for topic in lagging {
            tracing::debug!(%topic, "realtime: subscriber fell behind; reading the store");
            match self.catch_up(socket, &topic).await {
                CatchUp::Done => {}
                CatchUp::Gone => return false,
                CatchUp::StoreFailed(_) => {
                    // Still lagging (its live events stay held back): try again shortly.
                    if let Some(f) = self.followed.get(&topic) {
                        f.lagged.store(true, Ordering::Release);
                    }
                    let wake = self.wake.clone();
                    tokio::spawn(async move {
                        tokio::time::sleep(RETRY_STORE).await;
                        wake.notify_one();
                    });
                }
            }
        }
        true
    }

    /// Writes every stored event of the topic after the last one written, page by page.
    async fn catch_up(&mut self, socket: &mut WebSocket, topic: &Arc<str>) -> CatchUp {
        let Some(followed) = self.followed.get_mut(topic) else {
            return CatchUp::Done;
        };
        // Cleared before reading: whatever overflows from now on sets it again, and whatever
        // was stored before the read is in the pages.
        followed.lagged.store(false, Ordering::Release);
        loop {
            let page =
                match app::realtime::service::replay(&self.state.db, topic, followed.last).await {
                    Ok(page) => page,
                    Err(e) => {
                        tracing::warn!(%topic, error = ?e, "realtime: reading the store failed");
                        return CatchUp::StoreFailed(e);
                    }
                };
            // Rows this version cannot read are skipped, but still count: the position moves
            // past them and a full page means there may be more.
            let full = page.rows as i64 >= MAX_BACKFILL;
            followed.last = followed.last.max(page.last_row);
            let texts: Vec<Utf8Bytes> = page.deliveries.into_iter().map(|d| d.text).collect();
            for chunk in texts.chunks(BATCH) {
                if !send_all(socket, chunk.to_vec()).await {
                    return CatchUp::Gone;
                }
            }
            if !full {
                return CatchUp::Done;
            }
        }
    }
}

/// How re-reading a topic's store went.
enum CatchUp {
    /// The client has everything stored.
    Done,
    /// The socket is gone.
    Gone,
    /// The store could not be read.
    StoreFailed(AppError),
}
