//! The realtime hub's event log: events are stored here before they are published.

use crate::{Backend, Db, Result, Tx};

/// A stored event: id, JSON body, time.
pub type StoredEvent = (i64, String, i64);

/// Stores an event on `topic` inside `tx` and returns its id. On PostgreSQL the transaction
/// first takes the topic's advisory lock, so events of one topic commit in id order even when
/// several nodes write; SQLite has one writer at a time anyway.
pub async fn insert_event(db: &Db, tx: &mut Tx, topic: &str, body: &str, at: i64) -> Result<i64> {
    match db.backend() {
        Backend::Postgres => {
            sqlx::query("SELECT CAST(pg_advisory_xact_lock(hashtext($1)) AS TEXT)")
                .bind(topic)
                .execute(&mut **tx)
                .await?;
        }
        Backend::Sqlite => {}
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO realtime_events (topic, body, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(topic)
    .bind(body)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    if db.backend() == Backend::Postgres {
        // Every node hears of it when (and only when) the transaction commits, in commit order:
        // with the topic's lock above, each node receives a topic's events in id order.
        let notice = Notice::Event {
            id,
            at,
            topic: topic.to_owned(),
            body: Some(body.to_owned()),
        };
        sqlx::query("SELECT CAST(pg_notify($1, $2) AS TEXT)")
            .bind(CHANNEL)
            .bind(notice.encode())
            .execute(&mut **tx)
            .await?;
    }
    Ok(id)
}

/// The PostgreSQL channel the nodes' hubs talk on.
pub const CHANNEL: &str = "expo_hub";

/// The largest payload sent on [`CHANNEL`] (PostgreSQL refuses 8,000 bytes and more); what is
/// larger travels as a row ([`spill`]) or is read from the store.
pub const MAX_NOTICE_BYTES: usize = 7_900;

/// What a node tells the others on [`CHANNEL`]. Fields are separated by tabs, which neither
/// topics, ids nor JSON text contain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// An event was committed; its body comes along when small enough.
    Event {
        /// Event id.
        id: i64,
        /// When it was stored.
        at: i64,
        /// Topic.
        topic: String,
        /// The stored JSON body (`None`: read it with [`event`]).
        body: Option<String>,
    },
    /// A signal (not stored) published on `node`.
    Signal {
        /// The node that published it (and delivered it to its own subscribers already).
        node: String,
        /// Topic.
        topic: String,
        /// The frame as sent on sockets.
        frame: Carried,
    },
    /// Public content changed on `node`: pages cached before are stale.
    ContentChanged {
        /// The node.
        node: String,
    },
    /// `user`'s first connection to `node` opened (`online`) or their last one closed.
    Presence {
        /// The node.
        node: String,
        /// The person.
        user: String,
        /// Opened or closed.
        online: bool,
    },
    /// `user`'s subscriptions to `topic` end, on every node (the one that sent it too).
    Revoke {
        /// The node that revoked.
        node: String,
        /// Topic.
        topic: String,
        /// The person.
        user: String,
    },
}

/// How a signal's frame travels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Carried {
    /// In the notice itself.
    Inline(String),
    /// As a row of `realtime_spill` (too large for a notice).
    Spilled(i64),
}

impl Notice {
    /// The payload to send; an event body too large for it is left out.
    pub fn encode(&self) -> String {
        match self {
            Notice::Event {
                id,
                at,
                topic,
                body,
            } => {
                let head = format!("e\t{id}\t{at}\t{topic}");
                match body {
                    Some(b) if head.len() + 1 + b.len() <= MAX_NOTICE_BYTES => {
                        format!("{head}\t{b}")
                    }
                    _ => head,
                }
            }
            Notice::Signal { node, topic, frame } => match frame {
                Carried::Inline(text) => format!("s\t{node}\t{topic}\t{text}"),
                Carried::Spilled(id) => format!("l\t{node}\t{topic}\t{id}"),
            },
            Notice::Revoke { node, topic, user } => format!("r\t{node}\t{topic}\t{user}"),
            Notice::Presence { node, user, online } => {
                format!("p\t{node}\t{user}\t{}", u8::from(*online))
            }
            Notice::ContentChanged { node } => format!("c\t{node}"),
        }
    }

    /// Reads a payload (`None` for anything else).
    pub fn decode(payload: &str) -> Option<Notice> {
        let mut parts = payload.splitn(5, '\t');
        let kind = parts.next()?;
        let a = parts.next()?;
        if kind == "c" {
            return match parts.next() {
                None => Some(Notice::ContentChanged { node: a.to_owned() }),
                Some(_) => None,
            };
        }
        let b = parts.next()?;
        let c = parts.next()?;
        let rest = parts.next();
        match kind {
            "e" => Some(Notice::Event {
                id: a.parse().ok()?,
                at: b.parse().ok()?,
                topic: c.to_owned(),
                body: rest.map(str::to_owned),
            }),
            "s" | "l" if rest.is_none() => Some(Notice::Signal {
                node: a.to_owned(),
                topic: b.to_owned(),
                frame: if kind == "s" {
                    Carried::Inline(c.to_owned())
                } else {
                    Carried::Spilled(c.parse().ok()?)
                },
            }),
            "p" if rest.is_none() => Some(Notice::Presence {
                node: a.to_owned(),
                user: b.to_owned(),
                online: match c {
                    "1" => true,
                    "0" => false,
                    _ => return None,
                },
            }),
            "r" if rest.is_none() => Some(Notice::Revoke {
                node: a.to_owned(),
                topic: b.to_owned(),
                user: c.to_owned(),
            }),
            _ => None,
        }
    }
}

/// Sends a notice on [`CHANNEL`] now (outside any transaction); a signal's frame too large for
/// it is stored in `realtime_spill` first. PostgreSQL only (nothing to do on SQLite).
pub async fn notify(db: &Db, notice: Notice, at: i64) -> Result<()> {
    if db.backend() != Backend::Postgres {
        return Ok(());
    }
    let notice = match notice {
        Notice::Signal {
            node,
            topic,
            frame: Carried::Inline(text),
        } if text.len() + node.len() + topic.len() + 3 > MAX_NOTICE_BYTES => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO realtime_spill (body, created_at) VALUES ($1, $2) RETURNING id",
            )
            .bind(&text)
            .bind(at)
            .fetch_one(db.pool())
            .await?;
            Notice::Signal {
                node,
                topic,
                frame: Carried::Spilled(id),
            }
        }
        Notice::Presence { node, user, online } => {
            // The row first: a node that reads the table after the notice agrees with it.
            if online {
                sqlx::query(
                    "INSERT INTO realtime_presence (node, user_id) VALUES ($1, $2) \
                     ON CONFLICT (node, user_id) DO NOTHING",
                )
            } else {
                sqlx::query("DELETE FROM realtime_presence WHERE node = $1 AND user_id = $2")
            }
            .bind(&node)
            .bind(&user)
            .execute(db.pool())
            .await?;
            Notice::Presence { node, user, online }
        }
        other => other,
    };
    sqlx::query("SELECT CAST(pg_notify($1, $2) AS TEXT)")
        .bind(CHANNEL)
        .bind(notice.encode())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Records that `node` is alive, and forgets the nodes not heard from since `stale_before`
/// (and who was online on them).
/// Returns whether the node was new to the table (first heartbeat, or forgotten meanwhile).
pub async fn node_alive(db: &Db, node: &str, at: i64, stale_before: i64) -> Result<bool> {
    let known = sqlx::query("UPDATE realtime_nodes SET seen_at = $2 WHERE node = $1")
        .bind(node)
        .bind(at)
        .execute(db.pool())
        .await?
        .rows_affected()
        > 0;
    if !known {
        sqlx::query(
            "INSERT INTO realtime_nodes (node, seen_at) VALUES ($1, $2) \
             ON CONFLICT (node) DO UPDATE SET seen_at = excluded.seen_at",
        )
        .bind(node)
        .bind(at)
        .execute(db.pool())
        .await?;
    }
    let mut tx = db.begin().await?;
    sqlx::query(
        "DELETE FROM realtime_presence WHERE node IN \
         (SELECT node FROM realtime_nodes WHERE seen_at < $1)",
    )
    .bind(stale_before)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM realtime_nodes WHERE seen_at < $1")
        .bind(stale_before)
        .execute(&mut *tx)
        .await?;
    crate::commit(tx).await?;
    Ok(!known)
}

/// Writes again who is online on `node` (after the others forgot it).
pub async fn restore_presence(db: &Db, node: &str, users: &[String]) -> Result<()> {
    let mut tx = db.begin().await?;
    for user in users {
        sqlx::query(
            "INSERT INTO realtime_presence (node, user_id) VALUES ($1, $2) \
             ON CONFLICT (node, user_id) DO NOTHING",
        )
        .bind(node)
        .bind(user)
        .execute(&mut *tx)
        .await?;
    }
    crate::commit(tx).await
}

/// Who is online on the live nodes other than `node`: (node, user) pairs.
pub async fn present_elsewhere(db: &Db, node: &str) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT p.node, p.user_id FROM realtime_presence p \
         JOIN realtime_nodes n ON n.node = p.node WHERE p.node <> $1",
    )
    .bind(node)
    .fetch_all(db.pool())
    .await?)
}

/// A spilled signal's frame.
pub async fn spilled(db: &Db, id: i64) -> Result<Option<String>> {
    Ok(
        sqlx::query_as::<_, (String,)>("SELECT body FROM realtime_spill WHERE id = $1")
            .bind(id)
            .fetch_optional(db.pool())
            .await?
            .map(|(b,)| b),
    )
}

/// One stored event by id: topic, JSON body, time.
pub async fn event(db: &Db, id: i64) -> Result<Option<(String, String, i64)>> {
    Ok(
        sqlx::query_as("SELECT topic, body, created_at FROM realtime_events WHERE id = $1")
            .bind(id)
            .fetch_optional(db.pool())
            .await?,
    )
}

/// A dedicated PostgreSQL connection listening on [`CHANNEL`].
pub struct Listener(sqlx::postgres::PgListener);

impl std::fmt::Debug for Listener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Listener")
    }
}

/// Opens a connection of its own and listens on [`CHANNEL`] (PostgreSQL only).
pub async fn listen(db: &Db) -> Result<Listener> {
    let mut listener = sqlx::postgres::PgListener::connect(db.url()).await?;
    listener.listen(CHANNEL).await?;
    Ok(Listener(listener))
}

impl Listener {
    /// The next payload; `None` when the connection was lost (open a new listener: notices
    /// sent meanwhile are gone).
    pub async fn next(&mut self) -> Result<Option<String>> {
        Ok(self.0.try_recv().await?.map(|n| n.payload().to_owned()))
    }
}

/// Replaces the stored body of an event (a chat message edited or deleted after it was
/// published: a client catching up must not receive the old text).
pub async fn replace_body(tx: &mut Tx, id: i64, body: &str) -> Result<()> {
    sqlx::query("UPDATE realtime_events SET body = $2 WHERE id = $1")
        .bind(id)
        .bind(body)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Replaces the stored body of every event of `topic` whose body starts with `prefix` (the
/// earlier changes of one chat message, when it changes again or is deleted).
pub async fn replace_bodies_starting(
    tx: &mut Tx,
    topic: &str,
    prefix: &str,
    body: &str,
) -> Result<u64> {
    Ok(sqlx::query(
        "UPDATE realtime_events SET body = $3 WHERE topic = $1 AND substr(body, 1, length($2)) = $2",
    )
    .bind(topic)
    .bind(prefix)
    .bind(body)
    .execute(&mut **tx)
    .await?
    .rows_affected())
}

/// The events of `topic` after id `after`, oldest first, at most `limit`.
pub async fn events_after(
    db: &Db,
    topic: &str,
    after: i64,
    limit: i64,
) -> Result<Vec<StoredEvent>> {
    Ok(sqlx::query_as(
        "SELECT id, body, created_at FROM realtime_events WHERE topic = $1 AND id > $2 \
         ORDER BY id LIMIT $3",
    )
    .bind(topic)
    .bind(after)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// Deletes events stored before `before` (clients gone longer than that reload instead), and
/// spilled signals older than a minute.
pub async fn prune(db: &Db, before: i64) -> Result<u64> {
    let events = sqlx::query("DELETE FROM realtime_events WHERE created_at < $1")
        .bind(before)
        .execute(db.pool())
        .await?
        .rows_affected();
    // A spilled signal is read within moments of being written.
    let spills = sqlx::query("DELETE FROM realtime_spill WHERE created_at < $1")
        .bind(now_minus_spill(before))
        .execute(db.pool())
        .await?
        .rows_affected();
    Ok(events + spills)
}

/// How long spilled signals are kept.
const SPILL_KEEP_MILLIS: i64 = 60_000;

/// The spill table's cutoff: whichever is later, the events' cutoff or a minute ago.
fn now_minus_spill(events_before: i64) -> i64 {
    events_before.max(crate::now_millis() - SPILL_KEEP_MILLIS)
}

/// The newest event id of `topic` (0 when it has none).
pub async fn last_id(db: &Db, topic: &str) -> Result<i64> {
    let (id,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(id) FROM realtime_events WHERE topic = $1")
            .bind(topic)
            .fetch_one(db.pool())
            .await?;
    Ok(id.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_read_back_as_written() {
        let all = [
            Notice::Event {
                id: 42,
                at: 1_700_000_000_000,
                topic: "chat:r1".into(),
                body: Some(r#"{"kind":"chat_message","text":"a\tb"}"#.into()),
            },
            Notice::Event {
                id: 7,
                at: 1,
                topic: "meeting:m".into(),
                body: None,
            },
            Notice::Signal {
                node: "n1".into(),
                topic: "user:u".into(),
                frame: Carried::Inline(r#"{"t":"signal"}"#.into()),
            },
            Notice::Signal {
                node: "n1".into(),
                topic: "user:u".into(),
                frame: Carried::Spilled(9),
            },
            Notice::Revoke {
                node: "n2".into(),
                topic: "chat:r1".into(),
                user: "u1".into(),
            },
            Notice::Presence {
                node: "n2".into(),
                user: "u1".into(),
                online: true,
            },
            Notice::Presence {
                node: "n2".into(),
                user: "u1".into(),
                online: false,
            },
            Notice::ContentChanged { node: "n3".into() },
        ];
        for n in all {
            assert_eq!(Notice::decode(&n.encode()), Some(n));
        }
        for bad in [
            "",
            "e",
            "e\tx\t1\tt",
            "s\tn\tt",
            "r\tn\tt\tu\textra",
            "z\ta\tb\tc",
            "p\tn\tu\t2",
            "c",
            "c\tn\tx",
        ] {
            assert_eq!(Notice::decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn an_event_body_too_large_for_a_notice_is_left_out() {
        let big = Notice::Event {
            id: 1,
            at: 2,
            topic: "chat:r".into(),
            body: Some("x".repeat(MAX_NOTICE_BYTES)),
        };
        let payload = big.encode();
        assert!(payload.len() <= MAX_NOTICE_BYTES);
        assert_eq!(
            Notice::decode(&payload),
            Some(Notice::Event {
                id: 1,
                at: 2,
                topic: "chat:r".into(),
                body: None,
            })
        );
    }
}
