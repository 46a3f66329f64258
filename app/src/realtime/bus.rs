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
//! Losing the listening connection loses notices: on every (re)connection each local
//! subscription re-reads the store (signals missed meanwhile are gone; they are hints).

use super::hub::{Bus, Delivery, Fanout};
use axum::extract::ws::Utf8Bytes;
use db::realtime::{Carried, Notice};
use db::Db;
use std::sync::{Arc, Weak};
use std::time::Duration;
use tokio::sync::mpsc;

/// Notices waiting to be sent; beyond this, signals are dropped (they are hints).
const OUTGOING: usize = 4_096;
/// How long to wait before listening again after the connection failed.
const RELISTEN: Duration = Duration::from_secs(1);

/// The PostgreSQL bus of one node.
pub struct PgBus {
    db: Db,
    node: Arc<str>,
    outgoing: mpsc::Sender<Notice>,
}

impl std::fmt::Debug for PgBus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgBus").field("node", &self.node).finish()
    }
}

impl PgBus {
    /// A bus on `db` (PostgreSQL); starts the task that sends this node's notices. Call inside
    /// the Tokio runtime.
    pub fn new(db: Db) -> PgBus {
        let (outgoing, mut queue) = mpsc::channel::<Notice>(OUTGOING);
        let sender_db = db.clone();
        tokio::spawn(async move {
            while let Some(notice) = queue.recv().await {
                if let Err(e) = db::realtime::notify(&sender_db, notice, db::now_millis()).await {
                    tracing::warn!(error = %e, "realtime: notice to the other nodes not sent");
                }
            }
        });
        PgBus {
            db,
            node: Arc::from(db::new_id().as_str()),
            outgoing,
        }
    }

    fn tell(&self, notice: Notice) {
        if self.outgoing.try_send(notice).is_err() {
            tracing::warn!("realtime: too many notices queued for the other nodes; one dropped");
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
        self.tell(Notice::Revoke {
            node: self.node.to_string(),
            topic: topic.to_owned(),
            user: user.to_owned(),
        });
    }

    fn attach(&self, local: Weak<Fanout>) {
        tokio::spawn(listen(self.db.clone(), self.node.clone(), local));
    }
}

/// Listens until the node's hub is gone, reconnecting after a failure.
async fn listen(db: Db, node: Arc<str>, local: Weak<Fanout>) {
    loop {
        let mut listener = match db::realtime::listen(&db).await {
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
        // Listening from now on; whatever was committed before is in the store.
        match local.upgrade() {
            Some(fanout) => fanout.lag_all(),
            None => return,
        }
        loop {
            match listener.next().await {
                Ok(Some(payload)) => {
                    let Some(fanout) = local.upgrade() else {
                        return;
                    };
                    match Notice::decode(&payload) {
                        Some(notice) => heard(&db, &node, &fanout, notice).await,
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
async fn heard(db: &Db, node: &str, fanout: &Fanout, notice: Notice) {
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
                        fanout.lag_all();
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
    }
}
