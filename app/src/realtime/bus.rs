//! The bus of several nodes sharing one PostgreSQL database: `LISTEN/NOTIFY` on one channel.
//!
//! Events: the transaction that stores one also notifies (see `db::realtime::insert_event`), so
//! every node — this one included — hears of it only once it is committed, and hears a topic's
//! events in id order (PostgreSQL delivers notices in commit order; the topic's advisory lock
//! makes commit order id order). This node therefore delivers events from its listener only,
//! never straight from the publisher: one path, one order.
//!
//! Signals go to this node's subscribers at once and to the others by a notice sent after the
//! fact; a signal too large for a notice travels as a row. Revocations go by notice to every
//! node, this one too, so they come after the events committed before them.
//!
//! Presence: each node writes its people's first and last connection to `realtime_presence`
//! and notifies; the others keep who is online elsewhere in memory, from the notices and from
//! the table, re-read every heartbeat (a crashed node's people stay "online" until it has been
//! silent for a minute).
//!
//! Losing the listening connection loses notices: on every (re)connection each local
//! subscription re-reads the store and checks again that it may follow its topic (revocations
//! may have been missed), and cached pages are dropped. Signals missed meanwhile are gone (they
//! are hints). Revocations, presence and content changes go through a queue of their own that
//! is never dropped and retries a failed send.

use super::hub::{locked, Bus, Delivery, Fanout};
use axum::extract::ws::Utf8Bytes;
use db::realtime::{Carried, Notice};
use db::Db;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;
use tokio::sync::mpsc;

/// Notices waiting to be sent; beyond this, signals are dropped (they are hints).
const OUTGOING: usize = 4_096;
/// How long to wait before listening again after the connection failed.
const RELISTEN: Duration = Duration::from_secs(1);
/// How often a node says it is alive and re-reads who is online on the others.
const HEARTBEAT: Duration = Duration::from_secs(10);
/// A node not heard from for this long is gone (crashed), and so is its people's presence.
const NODE_GONE_MILLIS: i64 = 60_000;

/// Who is online on the other nodes: person → nodes.
type Remote = Arc<Mutex<HashMap<String, HashSet<String>>>>;

/// The PostgreSQL bus of one node.
pub struct PgBus {
    db: Db,
    node: Arc<str>,
    /// Signals for the other nodes (hints: dropped when too many wait).
    signals: mpsc::Sender<Notice>,
    /// Revocations, presence and content changes (never dropped; retried).
    control: mpsc::UnboundedSender<Notice>,
    /// The queues' receiving ends, until [`Bus::attach`] starts their senders.
    queues: Mutex<Option<Queues>>,
    remote: Remote,
}

struct Queues {
    signals: mpsc::Receiver<Notice>,
    control: mpsc::UnboundedReceiver<Notice>,
}

impl std::fmt::Debug for PgBus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgBus").field("node", &self.node).finish()
    }
}

impl PgBus {
    /// A bus on `db` (PostgreSQL); its tasks start when a hub is built on it (inside the Tokio
    /// runtime).
    pub fn new(db: Db) -> PgBus {
        let (signals, signal_queue) = mpsc::channel::<Notice>(OUTGOING);
        let (control, control_queue) = mpsc::unbounded_channel::<Notice>();
        PgBus {
            db,
            node: Arc::from(db::new_id().as_str()),
            signals,
            control,
            queues: Mutex::new(Some(Queues {
                signals: signal_queue,
                control: control_queue,
            })),
            remote: Remote::default(),
        }
    }

    fn tell(&self, notice: Notice) {
        if self.signals.try_send(notice).is_err() {
            tracing::warn!("realtime: too many signals queued for the other nodes; one dropped");
        }
    }

    fn tell_surely(&self, notice: Notice) {
        if self.control.send(notice).is_err() {
            tracing::error!("realtime: the bus's sender is gone; a notice was not sent");
        }
    }
}

/// Sends signals, one at a time; a failure loses the signal (a hint).
async fn send_signals(db: Db, mut queue: mpsc::Receiver<Notice>) {
    while let Some(notice) = queue.recv().await {
        if let Err(e) = db::realtime::notify(&db, notice, db::now_millis()).await {
            tracing::warn!(error = %e, "realtime: signal to the other nodes not sent");
        }
    }
}

/// Sends control notices, retrying for about six seconds; a revocation that still cannot be
/// sent is at least carried out on this node (the others re-check their subscriptions when
/// their own connection comes back).
async fn send_control(db: Db, local: Weak<Fanout>, mut queue: mpsc::UnboundedReceiver<Notice>) {
    while let Some(notice) = queue.recv().await {
        let mut wait = Duration::from_millis(100);
        let mut tries = 0;
        loop {
            match db::realtime::notify(&db, notice.clone(), db::now_millis()).await {
                Ok(()) => break,
                Err(e) if tries < 6 => {
                    tracing::warn!(error = %e, "realtime: notice not sent; trying again");
                    tokio::time::sleep(wait).await;
                    wait *= 2;
                    tries += 1;
                }
                Err(e) => {
                    tracing::error!(error = %e, "realtime: notice to the other nodes not sent");
                    if let (Notice::Revoke { topic, user, .. }, Some(fanout)) =
                        (&notice, local.upgrade())
                    {
                        fanout.revoke(topic, user);
                    }
                    break;
                }
            }
        }
    }
}

impl Bus for PgBus {
    fn publish(&self, delivery: Delivery, local: &Fanout) {
        if delivery.id.is_some() {
            // Stored: its transaction notified every node, this one too (see the module).
            return;
        }
        let notice = Notice::Signal {
            node: self.node.to_string(),
            topic: delivery.topic.to_string(),
            frame: Carried::Inline(delivery.text.as_str().to_owned()),
        };
        local.deliver(delivery);
        self.tell(notice);
    }

    fn revoke(&self, topic: &str, user: &str, _local: &Fanout) {
        // Through the listener, this node's too: after the events committed before it (the
        // one telling a removed person they are out, say), not ahead of them.
        self.tell_surely(Notice::Revoke {
            node: self.node.to_string(),
            topic: topic.to_owned(),
            user: user.to_owned(),
        });
    }

    fn present(&self, user: &str, online: bool) {
        self.tell_surely(Notice::Presence {
            node: self.node.to_string(),
            user: user.to_owned(),
            online,
        });
    }

    fn content_changed(&self) {
        self.tell_surely(Notice::ContentChanged {
            node: self.node.to_string(),
        });
    }

    fn online_elsewhere(&self, user: &str) -> bool {
        locked(&self.remote).contains_key(user)
    }

    fn online_elsewhere_ids(&self) -> Vec<String> {
        locked(&self.remote).keys().cloned().collect()
    }

    fn attach(&self, local: Weak<Fanout>) {
        let node = Node {
            db: self.db.clone(),
            id: self.node.clone(),
            remote: self.remote.clone(),
        };
        if let Some(q) = locked(&self.queues).take() {
            tokio::spawn(send_signals(self.db.clone(), q.signals));
            tokio::spawn(send_control(self.db.clone(), local.clone(), q.control));
        }
        tokio::spawn(heartbeat(node.clone(), local.clone()));
        tokio::spawn(listen(node, local));
    }
}

/// What the node's background tasks share.
#[derive(Clone)]
struct Node {
    db: Db,
    id: Arc<str>,
    remote: Remote,
}

impl Node {
    /// Re-reads who is online on the other live nodes.
    async fn refresh_presence(&self) {
        match db::realtime::present_elsewhere(&self.db, &self.id).await {
            Ok(rows) => {
                let mut map: HashMap<String, HashSet<String>> = HashMap::new();
                for (node, user) in rows {
                    map.entry(user).or_default().insert(node);
                }
                *locked(&self.remote) = map;
            }
            Err(e) => tracing::warn!(error = %e, "realtime: presence on other nodes not read"),
        }
    }
}

/// Says this node is alive every [`HEARTBEAT`], forgets nodes gone silent and re-reads the
/// others' presence (notices keep it current in between).
async fn heartbeat(node: Node, local: Weak<Fanout>) {
    let mut tick = tokio::time::interval(HEARTBEAT);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if local.strong_count() == 0 {
            return;
        }
        let now = db::now_millis();
        match db::realtime::node_alive(&node.db, &node.id, now, now - NODE_GONE_MILLIS).await {
            // New to the table (first beat, or forgotten after a long silence): who is online
            // here is written again.
            Ok(true) => {
                let Some(fanout) = local.upgrade() else {
                    return;
                };
                let here = fanout.online_here();
                drop(fanout);
                if let Err(e) = db::realtime::restore_presence(&node.db, &node.id, &here).await {
                    tracing::warn!(error = %e, "realtime: presence on this node not written");
                }
            }
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, "realtime: node heartbeat not recorded"),
        }
        node.refresh_presence().await;
    }
}

/// Listens until the node's hub is gone, reconnecting after a failure.
async fn listen(node: Node, local: Weak<Fanout>) {
    loop {
        let mut listener = match db::realtime::listen(&node.db).await {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!(error = %e, "realtime: cannot listen to the other nodes; retrying");
                tokio::time::sleep(RELISTEN).await;
                if local.strong_count() == 0 {
                    return;
                }
                continue;
            }
        };
        // Listening from now on. Whatever was committed before is in the store; revocations
        // and content changes sent meanwhile are gone: every connection checks its topics
        // again, and cached pages are dropped.
        match local.upgrade() {
            Some(fanout) => {
                fanout.recheck_all();
                fanout.content_changed();
            }
            None => return,
        }
        node.refresh_presence().await;
        loop {
            match listener.next().await {
                Ok(Some(payload)) => {
                    let Some(fanout) = local.upgrade() else {
                        return;
                    };
                    match Notice::decode(&payload) {
                        Some(notice) => heard(&node, &fanout, notice).await,
                        None => tracing::warn!("realtime: unreadable notice ignored"),
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "realtime: listening failed");
                    break;
                }
            }
        }
        tracing::warn!("realtime: lost the connection to the other nodes; listening again");
        if local.strong_count() == 0 {
            return;
        }
    }
}

/// Delivers what a notice carries to this node's subscribers.
async fn heard(this: &Node, fanout: &Fanout, notice: Notice) {
    let (db, node) = (&this.db, &*this.id);
    match notice {
        Notice::Event {
            id,
            at,
            topic,
            body,
        } => {
            if !fanout.follows(&topic) {
                return;
            }
            let body = match body {
                Some(b) => b,
                None => match db::realtime::event(db, id).await {
                    Ok(Some((_, b, _))) => b,
                    // Pruned already, or the store failed: subscribers re-read it.
                    Ok(None) => return,
                    Err(e) => {
                        tracing::warn!(error = %e, "realtime: event not read");
                        fanout.lag_topic(&topic);
                        return;
                    }
                },
            };
            let topic: Arc<str> = Arc::from(topic.as_str());
            if let Some(d) = super::service::delivery(&topic, id, &body, at) {
                fanout.deliver(d);
            }
        }
        Notice::Signal {
            node: from,
            topic,
            frame,
        } => {
            if from == node || !fanout.follows(&topic) {
                return;
            }
            let text = match frame {
                Carried::Inline(text) => text,
                Carried::Spilled(id) => match db::realtime::spilled(db, id).await {
                    Ok(Some(text)) => text,
                    Ok(None) => return,
                    Err(e) => {
                        tracing::warn!(error = %e, "realtime: spilled signal not read");
                        return;
                    }
                },
            };
            fanout.deliver(Delivery {
                topic: Arc::from(topic.as_str()),
                id: None,
                text: Utf8Bytes::from(text),
            });
        }
        Notice::Revoke { topic, user, .. } => {
            fanout.revoke(&topic, &user);
        }
        Notice::ContentChanged { node: from } => {
            if from != node {
                fanout.content_changed();
            }
        }
        Notice::Presence {
            node: from,
            user,
            online,
        } => {
            if from == node {
                return;
            }
            let mut remote = locked(&this.remote);
            if online {
                remote.entry(user).or_default().insert(from);
            } else if let Some(nodes) = remote.get_mut(&user) {
                nodes.remove(&from);
                if nodes.is_empty() {
                    remote.remove(&user);
                }
            }
        }
    }
}
