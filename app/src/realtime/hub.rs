//! The server side of the realtime hub: stored events and signals, fanned out per topic.
//!
//! Publishing an event: take the topic's lock, store the event (and whatever rows belong with
//! it) in one transaction, commit, hand the serialized frame to the [`Bus`], release the lock.
//! Holding the lock across commit and publish is what makes every subscriber see a topic's
//! events in id order. Each frame is serialized once; every subscriber gets the same bytes.
//!
//! Fan-out goes straight into each following connection's outbox (a bounded queue the
//! connection's task writes from): no task per subscription, one wake-up per delivery. A full
//! outbox never makes the publisher wait: the subscription is marked as lagging and its
//! connection re-reads what it missed from the store (signals it missed are gone: they are
//! hints).

use crate::AppError;
use axum::extract::ws::Utf8Bytes;
use db::Db;
use domain::realtime::{Event, EventBody, Hint, ServerFrame};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use tokio::sync::{mpsc, Notify};

const LOCK_STRIPES: usize = 64;

/// One frame on its way to the subscribers of a topic.
#[derive(Clone, Debug)]
pub struct Delivery {
    /// The topic.
    pub topic: Arc<str>,
    /// The event id (`None` for a signal).
    pub id: Option<i64>,
    /// The frame as sent on the socket.
    pub text: Utf8Bytes,
}

/// Carries deliveries to every node's hub. One node: [`InProcessBus`]. Several nodes sharing a
/// PostgreSQL database: [`super::bus::PgBus`] (`LISTEN/NOTIFY`), without touching publishers or
/// subscribers.
pub trait Bus: Send + Sync + 'static {
    /// Publishes to every node; this node's subscribers through `local`.
    fn publish(&self, delivery: Delivery, local: &Fanout);

    /// Ends every subscription of `user` to `topic` on every node (they lost the right to
    /// follow it); this node's through `local`.
    fn revoke(&self, topic: &str, user: &str, local: &Fanout) {
        local.revoke(topic, user);
    }

    /// `user`'s first connection to this node opened (`online`) or their last one closed.
    fn present(&self, user: &str, online: bool) {
        let _ = (user, online);
    }

    /// Public content changed on this node: tell the others (their page caches are stale).
    fn content_changed(&self) {}

    /// Whether `user` has a connection to another node.
    fn online_elsewhere(&self, user: &str) -> bool {
        let _ = user;
        false
    }

    /// The people this node has heard are connected to another node.
    fn online_elsewhere_ids(&self) -> Vec<String> {
        Vec::new()
    }

    /// Called once by [`Hub::new`] with the node's subscribers, for a bus that delivers to
    /// them from elsewhere (another node's publications).
    fn attach(&self, local: std::sync::Weak<Fanout>) {
        let _ = local;
    }
}

/// The bus of a single node: straight to the local subscribers.
#[derive(Debug, Default)]
pub struct InProcessBus;

impl Bus for InProcessBus {
    fn publish(&self, delivery: Delivery, local: &Fanout) {
        local.deliver(delivery);
    }
}

/// Where one subscription's deliveries go: its connection's outbox.
#[derive(Clone, Debug)]
pub struct Tap {
    /// The connection's outbox.
    pub out: mpsc::Sender<Delivery>,
    /// Set when an event did not fit in the outbox: the connection must re-read the store
    /// from the last event it sent on this topic.
    pub lagged: Arc<AtomicBool>,
    /// Wakes the connection to do that (or to drop a revoked subscription).
    pub wake: Arc<Notify>,
    /// Who follows (`None` for a visitor not signed in), for [`Hub::revoke`].
    pub user: Option<Arc<str>>,
    /// Set when the subscription was revoked: the connection must stop following the topic
    /// and tell the client.
    pub revoked: Arc<AtomicBool>,
}

/// The subscribers of one topic.
type Taps = Arc<Mutex<HashMap<u64, Tap>>>;

/// This node's subscribers, by topic. The map's lock is held only to find a topic's taps; the
/// fan-out itself holds that topic's lock alone, so other topics publish and subscribe meanwhile.
#[derive(Debug, Default)]
pub struct Fanout {
    topics: RwLock<HashMap<Arc<str>, Taps>>,
    next_key: AtomicU64,
    /// Bumped by every change to public content, on this node or (through the bus) another;
    /// the page cache keys on it.
    content_version: AtomicU64,
    /// Bumped when the bus may have missed revocations (it lost its connection): every
    /// connection then checks again that it may still follow each of its topics.
    recheck_epoch: AtomicU64,
    /// Signed-in connections (and meeting presences) on this node, by key.
    online: Mutex<HashMap<String, usize>>,
}

/// Locks a mutex, going on with the data if a holder panicked.
pub(super) fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match m.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    }
}

impl Fanout {
    /// Hands a delivery to the topic's local subscribers (nobody following: nothing to do).
    pub fn deliver(&self, mut delivery: Delivery) {
        let taps = {
            let topics = match self.topics.read() {
                Ok(t) => t,
                Err(poisoned) => poisoned.into_inner(),
            };
            match topics.get_key_value(&delivery.topic) {
                Some((topic, taps)) => {
                    // The map's copy of the name: subscribers know it, and compare pointers.
                    delivery.topic = topic.clone();
                    taps.clone()
                }
                None => return,
            }
        };
        let taps = locked(&taps);
        for tap in taps.values() {
            if let Err(mpsc::error::TrySendError::Full(_)) = tap.out.try_send(delivery.clone()) {
                if delivery.id.is_some() {
                    tap.lagged.store(true, Ordering::Release);
                    tap.wake.notify_one();
                }
            }
        }
    }

    /// Adds a subscriber; returns its key and the map's copy of the topic's name.
    fn subscribe(&self, topic: &str, tap: Tap) -> (u64, Arc<str>) {
        let key = self.next_key.fetch_add(1, Ordering::Relaxed);
        let mut topics = match self.topics.write() {
            Ok(t) => t,
            Err(poisoned) => poisoned.into_inner(),
        };
        match topics.get_key_value(topic) {
            Some((name, taps)) => {
                locked(taps).insert(key, tap);
                (key, name.clone())
            }
            None => {
                let name: Arc<str> = Arc::from(topic);
                topics.insert(
                    name.clone(),
                    Arc::new(Mutex::new(HashMap::from([(key, tap)]))),
                );
                (key, name)
            }
        }
    }

    fn release(&self, topic: &str, key: u64) {
        let mut topics = match self.topics.write() {
            Ok(t) => t,
            Err(poisoned) => poisoned.into_inner(),
        };
        let empty = topics.get(topic).is_some_and(|taps| {
            let mut taps = locked(taps);
            taps.remove(&key);
            taps.is_empty()
        });
        if empty {
            topics.remove(topic);
        }
    }

    /// Stops delivering `topic` to `user`'s subscriptions on this node and wakes their
    /// connections to drop them; returns how many there were.
    pub fn revoke(&self, topic: &str, user: &str) -> usize {
        let taps = {
            let topics = match self.topics.read() {
                Ok(t) => t,
                Err(poisoned) => poisoned.into_inner(),
            };
            match topics.get(topic) {
                Some(taps) => taps.clone(),
                None => return 0,
            }
        };
        let mut taps = locked(&taps);
        let mut revoked = 0;
        taps.retain(|_, tap| {
            if tap.user.as_deref() != Some(user) {
                return true;
            }
            tap.revoked.store(true, Ordering::Release);
            tap.wake.notify_one();
            revoked += 1;
            false
        });
        // An emptied topic stays in the map until the subscriptions are dropped (release).
        revoked
    }

    /// Marks public content as changed (pages cached before are not reused).
    pub fn content_changed(&self) {
        self.content_version.fetch_add(1, Ordering::Relaxed);
    }

    /// Makes every connection check again that it may follow each of its topics, and
    /// re-read the store (revocations and events may have been missed).
    pub fn recheck_all(&self) {
        self.recheck_epoch.fetch_add(1, Ordering::AcqRel);
        self.lag_all();
    }

    /// Makes the subscriptions to one topic re-read the store.
    pub fn lag_topic(&self, topic: &str) {
        let taps = match self.topics.read() {
            Ok(t) => t.get(topic).cloned(),
            Err(poisoned) => poisoned.into_inner().get(topic).cloned(),
        };
        if let Some(taps) = taps {
            for tap in locked(&taps).values() {
                tap.lagged.store(true, Ordering::Release);
                tap.wake.notify_one();
            }
        }
    }

    /// The people with a connection to this node (not meeting presences).
    pub fn online_here(&self) -> Vec<String> {
        locked(&self.online)
            .keys()
            .filter(|k| domain::text::is_id(k))
            .cloned()
            .collect()
    }

    /// The topics starting with `prefix` that someone on this node follows.
    pub fn followed(&self, prefix: &str) -> Vec<String> {
        let topics = match self.topics.read() {
            Ok(t) => t,
            Err(poisoned) => poisoned.into_inner(),
        };
        topics
            .keys()
            .filter(|t| t.starts_with(prefix))
            .map(|t| t.to_string())
            .collect()
    }

    /// Whether anyone on this node follows `topic`.
    pub fn follows(&self, topic: &str) -> bool {
        self.topics
            .read()
            .map(|t| t.contains_key(topic))
            .unwrap_or(false)
    }

    /// Makes every subscription on this node re-read the store (deliveries may have been
    /// missed: the bus lost its connection).
    pub fn lag_all(&self) {
        let all: Vec<Taps> = match self.topics.read() {
            Ok(t) => t.values().cloned().collect(),
            Err(poisoned) => poisoned.into_inner().values().cloned().collect(),
        };
        for taps in all {
            for tap in locked(&taps).values() {
                tap.lagged.store(true, Ordering::Release);
                tap.wake.notify_one();
            }
        }
    }

    fn topic_count(&self) -> usize {
        self.topics.read().map(|t| t.len()).unwrap_or(0)
    }
}

struct Inner {
    bus: Box<dyn Bus>,
    fanout: Arc<Fanout>,
    locks: Vec<tokio::sync::Mutex<()>>,
}

/// The realtime hub. Cheap to clone.
#[derive(Clone)]
pub struct Hub {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Hub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hub")
            .field("topics", &self.inner.fanout.topic_count())
            .finish()
    }
}

impl Default for Hub {
    fn default() -> Self {
        Hub::new(Box::new(InProcessBus))
    }
}

/// A subscription to a topic on this node; dropping it stops the deliveries.
pub struct Subscription {
    hub: Hub,
    topic: Arc<str>,
    key: u64,
}

impl Subscription {
    /// The topic, as the hub names it in its deliveries.
    pub fn topic(&self) -> &Arc<str> {
        &self.topic
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.hub.inner.fanout.release(&self.topic, self.key);
    }
}

impl Hub {
    /// A hub on a bus.
    pub fn new(bus: Box<dyn Bus>) -> Hub {
        let fanout = Arc::new(Fanout::default());
        bus.attach(Arc::downgrade(&fanout));
        Hub {
            inner: Arc::new(Inner {
                bus,
                fanout,
                locks: (0..LOCK_STRIPES)
                    .map(|_| tokio::sync::Mutex::new(()))
                    .collect(),
            }),
        }
    }

    /// Waits for the publishing lock of `topic`; hold it from before storing an event until
    /// after [`Hub::publish_event`].
    pub async fn lock(&self, topic: &str) -> tokio::sync::MutexGuard<'_, ()> {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in topic.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        let stripe = usize::try_from(h % LOCK_STRIPES as u64).unwrap_or(0);
        self.inner.locks[stripe].lock().await
    }

    /// Publishes a stored event (call with the topic's lock held, after commit).
    pub fn publish_event(&self, event: &Event) {
        let frame = ServerFrame::Event(event.clone());
        match serde_json::to_string(&frame) {
            Ok(text) => self.inner.bus.publish(
                Delivery {
                    topic: Arc::from(event.topic.as_str()),
                    id: Some(event.id),
                    text: Utf8Bytes::from(text),
                },
                &self.inner.fanout,
            ),
            Err(e) => tracing::error!(error = %e, "event not serializable"),
        }
    }

    /// Publishes a signal (not stored, not replayed).
    pub fn signal(&self, topic: &str, body: Hint) {
        let frame = ServerFrame::Signal {
            topic: topic.to_owned(),
            body,
        };
        match serde_json::to_string(&frame) {
            Ok(text) => self.inner.bus.publish(
                Delivery {
                    topic: Arc::from(topic),
                    id: None,
                    text: Utf8Bytes::from(text),
                },
                &self.inner.fanout,
            ),
            Err(e) => tracing::error!(error = %e, "signal not serializable"),
        }
    }

    /// Hands a signal to this node's followers of `topic` only (each node makes its own, as
    /// the dashboards' counters are).
    pub fn signal_here(&self, topic: &str, body: Hint) {
        let frame = ServerFrame::Signal {
            topic: topic.to_owned(),
            body,
        };
        match serde_json::to_string(&frame) {
            Ok(text) => self.inner.fanout.deliver(Delivery {
                topic: Arc::from(topic),
                id: None,
                text: Utf8Bytes::from(text),
            }),
            Err(e) => tracing::error!(error = %e, "signal not serializable"),
        }
    }

    /// The topics starting with `prefix` that someone on this node follows.
    pub fn followed_here(&self, prefix: &str) -> Vec<String> {
        self.inner.fanout.followed(prefix)
    }

    /// Signed-in people with a connection to this node or, as far as this node has heard,
    /// to another.
    pub fn online_count(&self) -> usize {
        let mut people: std::collections::HashSet<String> =
            self.inner.fanout.online_here().into_iter().collect();
        people.extend(self.inner.bus.online_elsewhere_ids());
        people.len()
    }

    /// Stores an event that has no rows of its own elsewhere, then publishes it.
    pub async fn store_and_publish(
        &self,
        db: &Db,
        topic: &str,
        body: EventBody,
    ) -> Result<Event, AppError> {
        let _guard = self.lock(topic).await;
        let at = db::now_millis();
        let json = serde_json::to_string(&body).map_err(AppError::internal)?;
        let mut tx = db.begin().await?;
        let id = db::realtime::insert_event(db, &mut tx, topic, &json, at).await?;
        db::commit(tx).await?;
        let event = Event {
            id,
            topic: topic.to_owned(),
            at,
            body,
        };
        self.publish_event(&event);
        Ok(event)
    }

    /// Follows a topic on this node: its deliveries go to `tap` until the subscription is
    /// dropped. Subscribe before reading what was stored, so nothing published in between is
    /// missed (duplicates are dropped by id).
    pub fn subscribe(&self, topic: &str, tap: Tap) -> Subscription {
        let (key, topic) = self.inner.fanout.subscribe(topic, tap);
        Subscription {
            hub: self.clone(),
            topic,
            key,
        }
    }

    /// Ends `user`'s subscriptions to `topic` on every node: call after they lost the right to
    /// follow it (left the room, removed from the meeting). Their connections stop receiving
    /// the topic at once and tell the client it is refused.
    pub fn revoke(&self, topic: &str, user: &str) {
        self.inner.bus.revoke(topic, user, &self.inner.fanout);
    }

    /// Marks public content as changed, on every node: pages cached before are not reused.
    pub fn content_changed(&self) {
        self.inner.fanout.content_changed();
        self.inner.bus.content_changed();
    }

    /// Changes whenever connections must check again that they may follow their topics.
    pub fn recheck_epoch(&self) -> u64 {
        self.inner.fanout.recheck_epoch.load(Ordering::Acquire)
    }

    /// The version of public content (see [`Hub::content_changed`]).
    pub fn content_version(&self) -> u64 {
        self.inner.fanout.content_version.load(Ordering::Relaxed)
    }

    /// Counts a signed-in connection of `user_id` (presence); returns whether it is their first
    /// on this node (the other nodes then hear they are online here).
    pub fn connected(&self, user_id: &str) -> bool {
        let first = self.enter(user_id);
        if first {
            self.inner.bus.present(user_id, true);
        }
        first
    }

    /// Uncounts a connection; returns whether it was their last on this node.
    pub fn disconnected(&self, user_id: &str) -> bool {
        let last = self.leave(user_id);
        if last {
            self.inner.bus.present(user_id, false);
        }
        last
    }

    /// Counts one more presence under `key` (a person in a meeting, on any of their tabs on
    /// this node); returns whether it is the first.
    pub fn enter(&self, key: &str) -> bool {
        let mut online = locked(&self.inner.fanout.online);
        let n = online.entry(key.to_owned()).or_insert(0);
        *n += 1;
        *n == 1
    }

    /// Counts one presence less under `key`; returns whether it was the last.
    pub fn leave(&self, key: &str) -> bool {
        let mut online = locked(&self.inner.fanout.online);
        match online.get_mut(key) {
            Some(n) if *n > 1 => {
                *n -= 1;
                false
            }
            Some(_) => {
                online.remove(key);
                true
            }
            None => false,
        }
    }

    /// Whether the person has an open connection to this node or, as far as this node has
    /// heard, to another.
    pub fn is_online(&self, user_id: &str) -> bool {
        locked(&self.inner.fanout.online).contains_key(user_id)
            || self.inner.bus.online_elsewhere(user_id)
    }

    /// How many topics have local subscribers (metrics, tests).
    pub fn topic_count(&self) -> usize {
        self.inner.fanout.topic_count()
    }
}
