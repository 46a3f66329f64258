//! Accounts, sessions, login failures and roles per expo.

use crate::{classify, Db, Result, Tx};
use domain::account::{Role, UserProfile};
use domain::authz::Membership;
use domain::Locale;

/// A new account, with its password already hashed.
#[derive(Clone, Debug)]
pub struct NewUser<'a> {
    /// Id.
    pub id: &'a str,
    /// E-mail (parsed).
    pub email: &'a str,
    /// Argon2id PHC string.
    pub password_hash: &'a str,
    /// Display name.
    pub display_name: &'a str,
    /// Company.
    pub company: Option<&'a str>,
    /// Country code.
    pub country: &'a str,
    /// Language tag.
    pub language: &'a str,
    /// Creation time.
    pub created_at: i64,
}

/// Inserts an account. A taken e-mail gives [`crate::Error::Unique`].
pub async fn insert_user(tx: &mut Tx, user: &NewUser<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO users (id, email, password_hash, display_name, company, country, language, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(user.id)
    .bind(user.email)
    .bind(user.password_hash)
    .bind(user.display_name)
    .bind(user.company)
    .bind(user.country)
    .bind(user.language)
    .bind(user.created_at)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

type UserRow = (String, String, String, Option<String>, String, String);

fn profile(row: UserRow) -> UserProfile {
    let (id, email, display_name, company, country, language) = row;
    UserProfile {
        id,
        email,
        display_name,
        company,
        country,
        language: Locale::parse(&language).unwrap_or_default(),
    }
}

/// The account with this id.
pub async fn get_user(db: &Db, id: &str) -> Result<Option<UserProfile>> {
    let row: Option<UserRow> = sqlx::query_as(
        "SELECT id, email, display_name, company, country, language FROM users WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(profile))
}

/// The id and password hash of the account with this e-mail, for login.
pub async fn find_credentials(db: &Db, email: &str) -> Result<Option<(String, String)>> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT id, password_hash FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(db.pool())
            .await?;
    Ok(row)
}

/// Sets the preferred language of an account.
pub async fn set_language(db: &Db, user_id: &str, language: Locale) -> Result<()> {
    sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
        .bind(language.tag())
        .bind(user_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// A stored session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRecord {
    /// The account.
    pub user_id: String,
    /// Login time.
    pub created_at: i64,
    /// Last request seen.
    pub last_seen_at: i64,
    /// Absolute expiry.
    pub expires_at: i64,
}

/// Stores a new session under the hash of its token.
pub async fn insert_session(
    tx: &mut Tx,
    token_hash: &str,
    user_id: &str,
    now: i64,
    expires_at: i64,
    ip: &str,
    user_agent: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent) \
         VALUES ($1, $2, $3, $3, $4, $5, $6)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .bind(ip)
    .bind(user_agent)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// The session stored under `token_hash`.
pub async fn find_session(db: &Db, token_hash: &str) -> Result<Option<SessionRecord>> {
    let row: Option<(String, i64, i64, i64)> = sqlx::query_as(
        "SELECT user_id, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(
        |(user_id, created_at, last_seen_at, expires_at)| SessionRecord {
            user_id,
            created_at,
            last_seen_at,
            expires_at,
        },
    ))
}

/// Records activity on a session (idle expiry counts from here).
pub async fn touch_session(db: &Db, token_hash: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(token_hash)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Ends a session.
pub async fn delete_session(db: &Db, token_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Removes sessions past their absolute expiry or idle since `idle_before`.
pub async fn delete_expired_sessions(db: &Db, now: i64, idle_before: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at < $2")
        .bind(now)
        .bind(idle_before)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

/// Records a login attempt as failed (before the password is checked, so concurrent guesses
/// see each other); returns its id so a success can remove it.
pub async fn record_login_failure(db: &Db, email: &str, ip: &str, at: i64) -> Result<String> {
    let id = crate::new_id();
    sqlx::query("INSERT INTO login_failures (id, email, ip, at) VALUES ($1, $2, $3, $4)")
        .bind(&id)
        .bind(email)
        .bind(ip)
        .bind(at)
        .execute(db.pool())
        .await?;
    Ok(id)
}

/// Removes one recorded attempt (it succeeded, or it was refused by the throttle).
pub async fn delete_login_failure(db: &Db, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE id = $1")
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Failures since `since`: how many, and the oldest's time (to compute when the window frees).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FailureWindow {
    /// Failures in the window.
    pub count: i64,
    /// Time of the oldest failure in the window.
    pub oldest_at: Option<i64>,
}

/// What a throttling window counts failures of.
#[derive(Clone, Copy, Debug)]
pub enum FailureKey<'a> {
    /// One account (e-mail address).
    Email(&'a str),
    /// One client address.
    Ip(&'a str),
}

/// Failures of one account from one address group since `since`, other than the attempt
/// `except` (the one being decided): how many, and the newest one's time.
pub async fn pair_failures(
    db: &Db,
    email: &str,
    address: &str,
    since: i64,
    except: &str,
) -> Result<(i64, Option<i64>)> {
    let row: (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MAX(at) FROM login_failures \
         WHERE email = $1 AND ip = $2 AND at >= $3 AND id <> $4",
    )
    .bind(email)
    .bind(address)
    .bind(since)
    .bind(except)
    .fetch_one(db.pool())
    .await?;
    Ok(row)
}

/// Recent failures (since `since`) of an account or an address.
pub async fn recent_failures(db: &Db, key: FailureKey<'_>, since: i64) -> Result<FailureWindow> {
    // Column names cannot be bound as parameters, so each key has its own fixed statement.
    let (sql, value) = match key {
        FailureKey::Email(email) => (
            "SELECT COUNT(*), MIN(at) FROM login_failures WHERE email = $1 AND at >= $2",
            email,
        ),
        FailureKey::Ip(ip) => (
            "SELECT COUNT(*), MIN(at) FROM login_failures WHERE ip = $1 AND at >= $2",
            ip,
        ),
    };
    let row: (i64, Option<i64>) = sqlx::query_as(sql)
        .bind(value)
        .bind(since)
        .fetch_one(db.pool())
        .await?;
    Ok(FailureWindow {
        count: row.0,
        oldest_at: row.1,
    })
}

/// Forgets an account's failures after a successful login.
pub async fn clear_login_failures(db: &Db, email: &str) -> Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE email = $1")
        .bind(email)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Forgets an account's failures from one address group after a successful sign-in from it
/// (a stranger's guesses from elsewhere keep counting against the stranger).
pub async fn clear_login_failures_from(db: &Db, email: &str, address: &str) -> Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE email = $1 AND ip = $2")
        .bind(email)
        .bind(address)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Deletes failures older than `before` (housekeeping).
pub async fn purge_login_failures(db: &Db, before: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM login_failures WHERE at < $1")
        .bind(before)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

/// Grants a role in an expo (idempotent).
pub async fn grant_role(
    tx: &mut Tx,
    user_id: &str,
    expo_id: &str,
    role: Role,
    exhibitor_id: Option<&str>,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO memberships (user_id, expo_id, role, exhibitor_id, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (user_id, expo_id, role) DO UPDATE SET exhibitor_id = excluded.exhibitor_id",
    )
    .bind(user_id)
    .bind(expo_id)
    .bind(role.as_str())
    .bind(exhibitor_id)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// Every role the account holds, in every expo.
pub async fn memberships(db: &Db, user_id: &str) -> Result<Vec<Membership>> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT expo_id, role, exhibitor_id FROM memberships WHERE user_id = $1 ORDER BY expo_id, role",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(expo_id, role, exhibitor_id)| {
            Role::parse(&role).map(|role| Membership {
                expo_id,
                role,
                exhibitor_id,
            })
        })
        .collect())
}

/// The id and language of the account with this e-mail, for a password reset link.
pub async fn reset_target(db: &Db, email: &str) -> Result<Option<(String, String)>> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT id, language FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(db.pool())
            .await?;
    Ok(row)
}

/// How many reset links were made for this account since `since`.
pub async fn resets_since(db: &Db, user_id: &str, since: i64) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM password_resets WHERE user_id = $1 AND created_at >= $2",
    )
    .bind(user_id)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok(n)
}

/// Stores a reset link under the hash of its token.
pub async fn insert_reset(
    tx: &mut Tx,
    token_hash: &str,
    user_id: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Whether a reset link is still usable (not used, not expired) at `now`.
pub async fn reset_usable(db: &Db, token_hash: &str, now: i64) -> Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.is_some())
}

/// Uses a reset link: sets the account's new password hash, marks every open link of the
/// account used and ends all its sessions. `None` (and nothing changed) when the link is
/// unknown, used or expired. The link is taken first, so two concurrent uses cannot both pass.
pub async fn use_reset(
    tx: &mut Tx,
    token_hash: &str,
    password_hash: &str,
    now: i64,
) -> Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as(
        "UPDATE password_resets SET used_at = $2 \
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((user_id,)) = row else {
        return Ok(None);
    };
    sqlx::query("UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL")
        .bind(&user_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(&user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(&user_id)
        .execute(&mut **tx)
        .await?;
    Ok(Some(user_id))
}

/// Removes reset links that expired before `before`.
pub async fn purge_resets(db: &Db, before: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM password_resets WHERE expires_at < $1")
        .bind(before)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}
