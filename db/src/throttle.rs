//! Rate-limit events counted in a sliding window (registrations per address, …).

use crate::account::FailureWindow;
use crate::{Db, Result};

/// Records one event of `kind` for `subject` at `at`.
pub async fn record(db: &Db, kind: &str, subject: &str, at: i64) -> Result<()> {
    sqlx::query("INSERT INTO rate_events (id, kind, subject, at) VALUES ($1, $2, $3, $4)")
        .bind(crate::new_id())
        .bind(kind)
        .bind(subject)
        .bind(at)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Events of `kind` for `subject` since `since`: how many, and the oldest's time.
pub async fn count_since(db: &Db, kind: &str, subject: &str, since: i64) -> Result<FailureWindow> {
    let row: (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MIN(at) FROM rate_events WHERE kind = $1 AND subject = $2 AND at >= $3",
    )
    .bind(kind)
    .bind(subject)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok(FailureWindow {
        count: row.0,
        oldest_at: row.1,
    })
}

/// Deletes events older than `before` (housekeeping).
pub async fn purge(db: &Db, before: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM rate_events WHERE at < $1")
        .bind(before)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}
