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
    Ok(id)
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

/// Deletes events stored before `before` (clients gone longer than that reload instead).
pub async fn prune(db: &Db, before: i64) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM realtime_events WHERE created_at < $1")
            .bind(before)
            .execute(db.pool())
            .await?
            .rows_affected(),
    )
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
