//! The append-only audit log: who did what to which object, when, with what result, from where.

use crate::{Db, Result};

/// One audit entry.
#[derive(Clone, Debug)]
pub struct AuditEntry<'a> {
    /// The acting account, if any.
    pub actor_id: Option<&'a str>,
    /// What was attempted (`account.register`, `account.login`, `role.grant`, …).
    pub action: &'a str,
    /// The object acted on.
    pub object: &'a str,
    /// `ok`, `denied`, `failed`, …
    pub result: &'a str,
    /// The client's address.
    pub source_ip: &'a str,
}

/// Appends an entry.
pub async fn append(db: &Db, entry: &AuditEntry<'_>, at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, action, object, result, source_ip) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(crate::new_id())
    .bind(at)
    .bind(entry.actor_id)
    .bind(entry.action)
    .bind(entry.object)
    .bind(entry.result)
    .bind(entry.source_ip)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The most recent entries of an action kind, newest first: (actor, object, result).
pub async fn recent(
    db: &Db,
    action: &str,
    limit: i64,
) -> Result<Vec<(Option<String>, String, String)>> {
    let rows = sqlx::query_as(
        "SELECT actor_id, object, result FROM audit_log WHERE action = $1 ORDER BY at DESC, id DESC LIMIT $2",
    )
    .bind(action)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    Ok(rows)
}
