//! The alert banner and maintenance mode of an expo.

use crate::{Db, Result, Tx};
use domain::ops::{Alert, Maintenance, Severity};
use domain::text::LocalizedText;

/// Takes down every active alert of `expo_id`; returns their ids.
pub async fn clear_alerts(tx: &mut Tx, expo_id: &str, at: i64) -> Result<Vec<String>> {
    // One write (no read before it: on SQLite a transaction that has read cannot take the
    // write lock while another commits).
    let ids: Vec<(String,)> = sqlx::query_as(
        "UPDATE alerts SET cleared_at = $1 WHERE expo_id = $2 AND cleared_at IS NULL RETURNING id",
    )
    .bind(at)
    .bind(expo_id)
    .fetch_all(&mut **tx)
    .await?;
    Ok(ids.into_iter().map(|(id,)| id).collect())
}

/// Stores a new active alert.
pub async fn insert_alert(
    tx: &mut Tx,
    expo_id: &str,
    alert: &Alert,
    raised_by: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO alerts (id, expo_id, severity, text, raised_by, raised_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&alert.id)
    .bind(expo_id)
    .bind(alert.severity.as_str())
    .bind(alert.text.to_json())
    .bind(raised_by)
    .bind(alert.raised_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The active alert of `expo_id`, if any (the newest, should there be several).
pub async fn active_alert(db: &Db, expo_id: &str) -> Result<Option<Alert>> {
    let row: Option<(String, String, String, i64)> = sqlx::query_as(
        "SELECT id, severity, text, raised_at FROM alerts WHERE expo_id = $1 AND cleared_at IS NULL \
         ORDER BY raised_at DESC, id DESC LIMIT 1",
    )
    .bind(expo_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|(id, severity, text, raised_at)| Alert {
        id,
        severity: Severity::parse(&severity).unwrap_or(Severity::Warning),
        text: LocalizedText::from_json(&text),
        raised_at,
    }))
}

/// Alerts of `expo_id`, newest first: (alert, cleared at).
pub async fn alert_history(
    db: &Db,
    expo_id: &str,
    limit: i64,
) -> Result<Vec<(Alert, Option<i64>)>> {
    let rows: Vec<(String, String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, severity, text, raised_at, cleared_at FROM alerts WHERE expo_id = $1 \
         ORDER BY raised_at DESC, id DESC LIMIT $2",
    )
    .bind(expo_id)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, severity, text, raised_at, cleared_at)| {
            (
                Alert {
                    id,
                    severity: Severity::parse(&severity).unwrap_or(Severity::Warning),
                    text: LocalizedText::from_json(&text),
                    raised_at,
                },
                cleared_at,
            )
        })
        .collect())
}

/// Turns maintenance mode of `expo_id` on (`Some`) or off.
pub async fn set_maintenance(
    tx: &mut Tx,
    expo_id: &str,
    maintenance: Option<&Maintenance>,
) -> Result<()> {
    sqlx::query("UPDATE expos SET maintenance_since = $1, maintenance_text = $2 WHERE id = $3")
        .bind(maintenance.map(|m| m.since))
        .bind(maintenance.and_then(|m| m.text.as_ref().map(LocalizedText::to_json)))
        .bind(expo_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Maintenance mode of `expo_id`, when on.
pub async fn maintenance(db: &Db, expo_id: &str) -> Result<Option<Maintenance>> {
    let row: Option<(Option<i64>, Option<String>)> =
        sqlx::query_as("SELECT maintenance_since, maintenance_text FROM expos WHERE id = $1")
            .bind(expo_id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.and_then(|(since, text)| {
        since.map(|since| Maintenance {
            since,
            text: text.as_deref().map(LocalizedText::from_json),
        })
    }))
}

/// The current expo (as [`crate::expo::current_expo`] picks it) and its maintenance mode, in
/// one query: the maintenance gate asks on every state-changing request.
pub async fn current_maintenance(db: &Db) -> Result<Option<(String, Option<Maintenance>)>> {
    let row: Option<(String, Option<i64>, Option<String>)> = sqlx::query_as(&format!(
        "SELECT id, maintenance_since, maintenance_text FROM expos ORDER BY {} LIMIT 1",
        crate::expo::CURRENT_ORDER
    ))
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|(id, since, text)| {
        (
            id,
            since.map(|since| Maintenance {
                since,
                text: text.as_deref().map(LocalizedText::from_json),
            }),
        )
    }))
}
