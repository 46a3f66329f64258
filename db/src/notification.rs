//! In-app notifications and the e-mail outbox.

use crate::{Db, Result, Tx};
use domain::notification::{Notification, NotificationBody};

/// Stores a notification for `user_id`.
pub async fn insert(
    tx: &mut Tx,
    user_id: &str,
    body: &NotificationBody,
    link: &str,
    at: i64,
) -> Result<()> {
    // Serializing a plain enum of strings cannot fail; a row that could not be read back is
    // skipped by `recent`.
    let json = serde_json::to_string(body).unwrap_or_default();
    sqlx::query(
        "INSERT INTO notifications (id, user_id, body, link, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(crate::new_id())
    .bind(user_id)
    .bind(json)
    .bind(link)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The newest notifications of `user_id` (unreadable rows from a newer version are skipped).
pub async fn recent(db: &Db, user_id: &str, limit: i64) -> Result<Vec<Notification>> {
    let rows: Vec<(String, String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, body, link, created_at, read_at FROM notifications WHERE user_id = $1 \
         ORDER BY created_at DESC, id DESC LIMIT $2",
    )
    .bind(user_id)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, body, link, created_at, read_at)| {
            Some(Notification {
                id,
                body: serde_json::from_str(&body).ok()?,
                link,
                created_at,
                read: read_at.is_some(),
            })
        })
        .collect())
}

/// Marks every notification of `user_id` read.
pub async fn mark_all_read(db: &Db, user_id: &str, at: i64) -> Result<()> {
    sqlx::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
        .bind(at)
        .bind(user_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Queues an e-mail; a sender delivers queued mail when one is configured.
pub async fn queue_email(tx: &mut Tx, to: &str, subject: &str, body: &str, at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO outbox_emails (id, to_address, subject, body, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(crate::new_id())
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Queues an e-mail that carries a secret valid until `secret_until` (a password reset link):
/// its body is emptied as soon as it is sent, and when the secret expires unsent it is emptied
/// and never sent ([`purge_expired_secrets`]), so no usable secret sits in the outbox.
pub async fn queue_secret_email(
    tx: &mut Tx,
    to: &str,
    subject: &str,
    body: &str,
    at: i64,
    secret_until: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO outbox_emails (id, to_address, subject, body, created_at, secret_until) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(crate::new_id())
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(at)
    .bind(secret_until)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Empties the bodies of secret-carrying mails whose secret expired before `now` and gives up
/// those not sent; returns how many were emptied.
pub async fn purge_expired_secrets(db: &Db, now: i64) -> Result<u64> {
    let done = sqlx::query(
        "UPDATE outbox_emails SET body = '', attempts = CASE WHEN sent_at IS NULL THEN $2 ELSE attempts END \
         WHERE secret_until IS NOT NULL AND secret_until < $1 AND body <> ''",
    )
    .bind(now)
    .bind(MAX_EMAIL_ATTEMPTS)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected())
}

/// Queued e-mails to `to`, oldest first: (subject, body).
pub async fn emails_to(db: &Db, to: &str) -> Result<Vec<(String, String)>> {
    let rows = sqlx::query_as(
        "SELECT subject, body FROM outbox_emails WHERE to_address = $1 ORDER BY created_at, id",
    )
    .bind(to)
    .fetch_all(db.pool())
    .await?;
    Ok(rows)
}

/// Attempts before a queued e-mail is given up.
pub const MAX_EMAIL_ATTEMPTS: i64 = 6;

/// A queued e-mail.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct QueuedEmail {
    /// Id.
    pub id: String,
    /// Recipient.
    #[sqlx(rename = "to_address")]
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Text.
    pub body: String,
    /// Failed attempts so far.
    pub attempts: i64,
}

/// E-mails not sent yet whose time has come, oldest first.
pub async fn due_emails(db: &Db, now: i64, limit: i64) -> Result<Vec<QueuedEmail>> {
    Ok(sqlx::query_as(
        "SELECT id, to_address, subject, body, attempts FROM outbox_emails \
         WHERE sent_at IS NULL AND attempts < $1 AND (next_attempt_at IS NULL OR next_attempt_at <= $2) \
         ORDER BY created_at, id LIMIT $3",
    )
    .bind(MAX_EMAIL_ATTEMPTS)
    .bind(now)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// Reserves a due e-mail for this sender until `until`; false when another took it.
pub async fn claim_email(db: &Db, id: &str, now: i64, until: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE outbox_emails SET next_attempt_at = $3 WHERE id = $1 AND sent_at IS NULL \
         AND (next_attempt_at IS NULL OR next_attempt_at <= $2)",
    )
    .bind(id)
    .bind(now)
    .bind(until)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks an e-mail delivered.
pub async fn email_sent(db: &Db, id: &str, at: i64) -> Result<()> {
    // A secret is not kept once it has left.
    sqlx::query(
        "UPDATE outbox_emails SET sent_at = $2, last_error = NULL, \
         body = CASE WHEN secret_until IS NULL THEN body ELSE '' END WHERE id = $1",
    )
    .bind(id)
    .bind(at)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Records a failed attempt; the e-mail is due again at `next`.
pub async fn email_failed(db: &Db, id: &str, error: &str, next: i64) -> Result<()> {
    sqlx::query(
        "UPDATE outbox_emails SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(error.chars().take(500).collect::<String>())
    .bind(next)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Where an e-mail to `to` stands: (subject, sent, attempts), oldest first.
pub async fn email_states(db: &Db, to: &str) -> Result<Vec<(String, bool, i64)>> {
    let rows: Vec<(String, Option<i64>, i64)> = sqlx::query_as(
        "SELECT subject, sent_at, attempts FROM outbox_emails WHERE to_address = $1 ORDER BY created_at, id",
    )
    .bind(to)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(s, sent, a)| (s, sent.is_some(), a))
        .collect())
}
