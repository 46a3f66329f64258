//! Invitation links, their visits and the registrations they brought.

use crate::{classify, Db, Result, Tx};
use domain::invitation::InvitationStats;

/// Stores a new invitation. `Error::Unique` if the code is taken (a new code is drawn).
pub async fn insert(
    db: &Db,
    id: &str,
    expo_id: &str,
    code: &str,
    source: &str,
    created_by: &str,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO invitations (id, expo_id, code, source, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(expo_id)
    .bind(code)
    .bind(source)
    .bind(created_by)
    .bind(at)
    .execute(db.pool())
    .await
    .map_err(classify)?;
    Ok(())
}

/// Counts a visit through `code`; false when no invitation has that code.
pub async fn visit(db: &Db, code: &str) -> Result<bool> {
    let done = sqlx::query("UPDATE invitations SET visits = visits + 1 WHERE code = $1")
        .bind(code)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Records that `user_id` registered after following `code` (nothing when the code is
/// unknown).
pub async fn record_registration(tx: &mut Tx, code: &str, user_id: &str, at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO invitation_registrations (user_id, invitation_id, at) \
         SELECT $1, id, $2 FROM invitations WHERE code = $3",
    )
    .bind(user_id)
    .bind(at)
    .bind(code)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The expo an invitation code belongs to.
pub async fn expo_of_code(db: &Db, code: &str) -> Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT expo_id FROM invitations WHERE code = $1")
        .bind(code)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|r| r.0))
}

/// The expo's invitations with their visits and registrations, newest first.
pub async fn stats(db: &Db, expo_id: &str) -> Result<Vec<InvitationStats>> {
    let rows: Vec<(String, String, i64, i64, i64)> = sqlx::query_as(
        "SELECT i.code, i.source, i.created_at, i.visits, \
         (SELECT COUNT(*) FROM invitation_registrations r WHERE r.invitation_id = i.id) \
         FROM invitations i WHERE i.expo_id = $1 ORDER BY i.created_at DESC, i.id DESC",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(code, source, created_at, visits, registrations)| InvitationStats {
                code,
                source,
                created_at,
                visits,
                registrations,
            },
        )
        .collect())
}
