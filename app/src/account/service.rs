//! Account rules with their side effects: hashing, sessions, throttling, audit.

use super::session;
use crate::state::Ctx;
use crate::AppError;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use db::audit::AuditEntry;
use domain::account::{Email, RegistrationForm, Role, UserProfile};
use domain::FieldError;

/// A session just created: the cookie token (to send once) and its lifetime.
#[derive(Debug)]
pub struct NewSession {
    /// The raw token for the cookie.
    pub token: String,
    /// Seconds until absolute expiry.
    pub max_age_secs: i64,
}

/// A syntactically valid hash of a random password, verified when the e-mail is unknown so
/// that a wrong address costs the same time as a wrong password.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Yv9mJ1XnR4w1u3oV6x0L0b7lq9m1O7C0bq3oX0Qm2Uo";

/// Argon2id needs about 19 MiB and tens of milliseconds per run; this bounds how many run at
/// once, so a burst of sign-ups or sign-ins queues instead of exhausting memory.
fn hashing_slots() -> &'static tokio::sync::Semaphore {
    static SLOTS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism()
            .map(usize::from)
            .unwrap_or(2);
        tokio::sync::Semaphore::new((cores * 2).max(2))
    })
}

/// Hashes a password with Argon2id off the async threads.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    let _slot = hashing_slots()
        .acquire()
        .await
        .map_err(AppError::internal)?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)
}

/// Checks a password against a stored hash off the async threads.
async fn verify_password(password: String, hash: String) -> bool {
    let Ok(_slot) = hashing_slots().acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

async fn audit(ctx: &Ctx, actor: Option<&str>, action: &str, object: &str, result: &str) {
    let entry = AuditEntry {
        actor_id: actor,
        action,
        object,
        result,
        source_ip: &ctx.client.ip,
    };
    if let Err(e) = db::audit::append(&ctx.state.db, &entry, db::now_millis()).await {
        tracing::error!(error = %e, action, "audit append failed");
    }
}

/// Creates a session for `user_id` inside `tx` and returns its token. The pre-login session
/// (if any) is deleted in the same transaction: it never survives a sign-in.
async fn start_session(ctx: &Ctx, tx: &mut db::Tx, user_id: &str) -> Result<NewSession, AppError> {
    let token = session::new_token();
    let now = db::now_millis();
    let max_age_secs = ctx.state.auth.session_absolute_secs;
    db::account::insert_session(
        tx,
        &session::hash_token(&token),
        user_id,
        now,
        now + max_age_secs * 1000,
        &ctx.client.ip,
        &ctx.client.user_agent,
    )
    .await?;
    Ok(NewSession {
        token,
        max_age_secs,
    })
}

/// Deletes the session the request came with, if any (rotation at sign-in).
async fn end_previous_session(ctx: &Ctx) -> Result<(), AppError> {
    if let Some(old) = &ctx.session {
        db::account::delete_session(&ctx.state.db, &old.token_hash).await?;
        session::sessions_changed(&ctx.state, &old.user.id);
    }
    Ok(())
}

/// Registers an account and signs it in.
pub async fn register(
    ctx: &Ctx,
    form: &RegistrationForm,
) -> Result<(UserProfile, NewSession), AppError> {
    let reg = form.parse().map_err(|e| AppError::Validation(e.0))?;
    let now = db::now_millis();
    let window = ctx.state.auth.registration_window_secs;
    let recent = db::throttle::count_since(
        &ctx.state.db,
        "register",
        &ctx.client.address_group(),
        now - window * 1000,
    )
    .await?;
    if recent.count >= ctx.state.auth.max_registrations_per_ip {
        audit(
            ctx,
            None,
            "account.register",
            reg.email.as_str(),
            "throttled",
        )
        .await;
        return Err(AppError::RateLimited {
            retry_after_secs: retry_after(recent.oldest_at, now, window),
        });
    }
    db::throttle::record(&ctx.state.db, "register", &ctx.client.address_group(), now).await?;
    let hash = hash_password(reg.password.expose().to_owned()).await?;
    let id = db::new_id();
    let new = db::account::NewUser {
        id: &id,
        email: reg.email.as_str(),
        password_hash: &hash,
        display_name: reg.display_name.as_str(),
        company: reg.company.as_ref().map(|c| c.as_str()),
        country: reg.country.as_str(),
        language: reg.language.tag(),
        created_at: db::now_millis(),
    };
    // A new person is a visitor of the expo they came for: the one of their invitation link,
    // else the public expo. That is what puts them in its organizers' people directory.
    let invite = crate::state::request_cookie(domain::invitation::INVITE_COOKIE)
        .filter(|c| domain::invitation::is_code(c));
    let expo_id = match &invite {
        Some(code) => db::invitation::expo_of_code(&ctx.state.db, code).await?,
        None => None,
    };
    let expo_id = match expo_id {
        Some(id) => Some(id),
        None => db::expo::current_expo(&ctx.state.db).await?.map(|e| e.id),
    };
    // The account and its first session are written together or not at all.
    let mut tx = ctx.state.db.begin().await?;
    match db::account::insert_user(&mut tx, &new).await {
        Ok(()) => {}
        Err(db::Error::Unique) => {
            audit(
                ctx,
                None,
                "account.register",
                reg.email.as_str(),
                "duplicate",
            )
            .await;
            return Err(AppError::Validation(vec![FieldError::new(
                "email",
                "error-email-taken",
            )]));
        }
        Err(e) => return Err(e.into()),
    }
    // Came through an invitation link: the registration counts for its source.
    if let Some(code) = &invite {
        db::invitation::record_registration(&mut tx, code, &id, db::now_millis()).await?;
    }
    if let Some(expo_id) = &expo_id {
        db::account::grant_role(&mut tx, &id, expo_id, Role::Visitor, None, db::now_millis())
            .await?;
    }
    let session = start_session(ctx, &mut tx, &id).await?;
    db::commit(tx).await?;
    end_previous_session(ctx).await?;
    audit(ctx, Some(&id), "account.register", &id, "ok").await;
    let user = db::account::get_user(&ctx.state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((user, session))
}

/// Seconds until a window of `window_secs` that began at `oldest_at` frees a slot.
fn retry_after(oldest_at: Option<i64>, now: i64, window_secs: i64) -> u64 {
    let free_at = oldest_at.unwrap_or(now) + window_secs * 1000;
    u64::try_from(((free_at - now) + 999) / 1000)
        .unwrap_or(1)
        .max(1)
}

/// Signs in with e-mail and password. Guessing is throttled per account *and* address (the
/// /64 for IPv6): after the allowed failures from one address, sign-ins to that account from
/// that address pause for a minute, then twice as long after each further failure
/// ([`domain::account::lock_secs`]), and the owner is told by e-mail; the owner signing in
/// from anywhere else is never held up by a stranger's guesses. An address that fails on many
/// accounts is throttled as a whole.
pub async fn login(
    ctx: &Ctx,
    email: &str,
    password: &str,
) -> Result<(UserProfile, NewSession), AppError> {
    let failed = || AppError::Validation(vec![FieldError::new("form", "error-login-failed")]);
    let email = match Email::parse(email) {
        Ok(e) => e,
        Err(e) => return Err(AppError::Validation(vec![e])),
    };
    if password.is_empty() || password.chars().count() > domain::account::PASSWORD_MAX_CHARS {
        return Err(failed());
    }
    let db = &ctx.state.db;
    let cfg = &ctx.state.auth;
    let now = db::now_millis();
    let since = now - cfg.failure_window_secs * 1000;
    let address = ctx.client.address_group();
    // The attempt is recorded before the password is checked, so concurrent guesses count
    // against each other; a success (or a refusal) removes it again.
    let attempt = db::account::record_login_failure(db, email.as_str(), &address, now).await?;
    let (pair, last) =
        db::account::pair_failures(db, email.as_str(), &address, since, &attempt).await?;
    let lock_ms =
        domain::account::lock_secs(pair, cfg.max_failures_per_account, cfg.failure_window_secs)
            * 1000;
    let pair_until = last.unwrap_or(now) + lock_ms;
    let pair_locked = lock_ms > 0 && now < pair_until;
    let by_ip =
        db::account::recent_failures(db, db::account::FailureKey::Ip(&address), since).await?;
    let ip_over = by_ip.count > cfg.max_failures_per_ip;
    if pair_locked || ip_over {
        db::account::delete_login_failure(db, &attempt).await?;
        let secs = [
            pair_locked.then(|| retry_after(Some(pair_until), now, 0)),
            ip_over.then(|| retry_after(by_ip.oldest_at, now, cfg.failure_window_secs)),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(1);
        audit(ctx, None, "account.login", email.as_str(), "throttled").await;
        return Err(AppError::RateLimited {
            retry_after_secs: secs,
        });
    }
    let credentials = db::account::find_credentials(db, email.as_str()).await?;
    let (user_id, ok) = match credentials {
        Some((id, hash)) => (Some(id), verify_password(password.to_owned(), hash).await),
        None => {
            let _ = verify_password(password.to_owned(), DUMMY_HASH.to_owned()).await;
            (None, false)
        }
    };
    let user_id = match (user_id, ok) {
        (Some(id), true) => id,
        (owner, _) => {
            audit(ctx, None, "account.login", email.as_str(), "failed").await;
            // This failure starts the pause: the owner hears of it once.
            if owner.is_some() && pair + 1 == cfg.max_failures_per_account {
                tell_owner_of_lock(ctx, &email, &address, pair + 1).await;
            }
            return Err(failed());
        }
    };
    db::account::clear_login_failures_from(db, email.as_str(), &address).await?;
    let mut tx = db.begin().await?;
    let session = start_session(ctx, &mut tx, &user_id).await?;
    db::commit(tx).await?;
    end_previous_session(ctx).await?;
    audit(ctx, Some(&user_id), "account.login", &user_id, "ok").await;
    let user = db::account::get_user(db, &user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((user, session))
}

/// Mails the owner of `email` that sign-ins from `address` are paused after `failures` failed
/// attempts, in the account's language. A failure to queue it is logged, not shown to the one
/// guessing.
async fn tell_owner_of_lock(ctx: &Ctx, email: &Email, address: &str, failures: i64) {
    use crate::shell::i18n::{Arg, I18n};
    let db = &ctx.state.db;
    let language = match db::account::reset_target(db, email.as_str()).await {
        Ok(Some((_, language))) => language,
        Ok(None) => return,
        Err(e) => {
            tracing::warn!(error = %e, "lock notice not queued");
            return;
        }
    };
    let i18n = I18n {
        locale: domain::Locale::parse(&language).unwrap_or_default(),
    };
    let body = format!(
        "{}\n\n{}\n\n{}/forgot-password",
        i18n.t_args(
            "login-lock-email-body",
            vec![
                ("count", Arg::Num(failures)),
                ("address", Arg::Str(address.to_owned())),
            ],
        ),
        i18n.t("login-lock-email-advice"),
        ctx.state.mail_origin(),
    )
    .replace(['\u{2068}', '\u{2069}'], "");
    let now = db::now_millis();
    let queued = async {
        let mut tx = db.begin().await?;
        db::notification::queue_email(
            &mut tx,
            email.as_str(),
            &i18n.t("login-lock-email-subject"),
            &body,
            now,
        )
        .await?;
        db::commit(tx).await
    };
    if let Err(e) = queued.await {
        tracing::warn!(error = %e, "lock notice not queued");
    }
}

/// Ends the current session (a no-op when signed out).
pub async fn logout(ctx: &Ctx) -> Result<(), AppError> {
    if let Some(s) = &ctx.session {
        db::account::delete_session(&ctx.state.db, &s.token_hash).await?;
        // Its open sockets close too, on every node.
        session::sessions_changed(&ctx.state, &s.user.id);
        audit(ctx, Some(&s.user.id), "account.logout", &s.user.id, "ok").await;
    }
    Ok(())
}

/// Sends a link to choose a new password to the account with this e-mail, if there is one.
/// The answer is the same whether or not the account exists, so the form cannot be used to
/// find out who is registered; requests are throttled per client address like registrations,
/// and an account gets at most [`domain::account::RESETS_PER_HOUR`] links an hour.
pub async fn request_reset(ctx: &Ctx, email: &str, origin: &str) -> Result<(), AppError> {
    let email = Email::parse(email).map_err(|e| AppError::Validation(vec![e]))?;
    let db = &ctx.state.db;
    let now = db::now_millis();
    let window = ctx.state.auth.registration_window_secs;
    let recent = db::throttle::count_since(
        db,
        "reset",
        &ctx.client.address_group(),
        now - window * 1000,
    )
    .await?;
    if recent.count >= ctx.state.auth.max_registrations_per_ip {
        audit(
            ctx,
            None,
            "account.reset-request",
            email.as_str(),
            "throttled",
        )
        .await;
        return Err(AppError::RateLimited {
            retry_after_secs: retry_after(recent.oldest_at, now, window),
        });
    }
    db::throttle::record(db, "reset", &ctx.client.address_group(), now).await?;
    let Some((user_id, language)) = db::account::reset_target(db, email.as_str()).await? else {
        audit(
            ctx,
            None,
            "account.reset-request",
            email.as_str(),
            "unknown",
        )
        .await;
        return Ok(());
    };
    if db::account::resets_since(db, &user_id, now - 3_600_000).await?
        >= domain::account::RESETS_PER_HOUR
    {
        audit(ctx, None, "account.reset-request", &user_id, "throttled").await;
        return Ok(());
    }
    let token = session::new_token();
    let expires = now + domain::account::RESET_LINK_MINUTES * 60_000;
    let locale = domain::Locale::parse(&language).unwrap_or_default();
    let (subject, body) = reset_email(locale, &format!("{origin}/reset-password?token={token}"));
    let mut tx = db.begin().await?;
    db::account::insert_reset(
        &mut tx,
        &session::hash_token(&token),
        &user_id,
        now,
        expires,
    )
    .await?;
    db::notification::queue_secret_email(&mut tx, email.as_str(), &subject, &body, now, expires)
        .await?;
    db::commit(tx).await?;
    audit(ctx, None, "account.reset-request", &user_id, "ok").await;
    Ok(())
}

/// The reset e-mail in the account's language: subject and plain text with the link.
fn reset_email(locale: domain::Locale, link: &str) -> (String, String) {
    use crate::shell::i18n::{Arg, I18n};
    let i18n = I18n { locale };
    let minutes = Arg::Num(domain::account::RESET_LINK_MINUTES);
    let body = format!(
        "{}\n\n{link}\n\n{}",
        i18n.t_args("reset-email-intro", vec![("minutes", minutes)]),
        i18n.t("reset-email-ignore"),
    );
    // Plain-text mail: Fluent's isolation marks around the number are left out.
    (
        i18n.t("reset-email-subject"),
        body.replace(['\u{2068}', '\u{2069}'], ""),
    )
}

/// Whether a reset link can still be used (for the page to say so before the form is filled).
pub async fn reset_link_usable(ctx: &Ctx, token: &str) -> Result<bool, AppError> {
    if !session::plausible_token(token) {
        return Ok(false);
    }
    Ok(
        db::account::reset_usable(&ctx.state.db, &session::hash_token(token), db::now_millis())
            .await?,
    )
}

/// Sets a new password from a reset link. The link works once; every other open link of the
/// account stops working and every session of the account ends (whoever knew the old password
/// is signed out).
pub async fn reset_password(
    ctx: &Ctx,
    form: &domain::account::PasswordResetForm,
) -> Result<(), AppError> {
    let password = form.parse().map_err(|e| AppError::Validation(e.0))?;
    let unusable = || AppError::Validation(vec![FieldError::new("form", "reset-error-link")]);
    // Checked before hashing, so garbage links cost no Argon2 run.
    if !reset_link_usable(ctx, &form.token).await? {
        audit(ctx, None, "account.reset", "", "unusable").await;
        return Err(unusable());
    }
    let hash = hash_password(password.expose().to_owned()).await?;
    let mut tx = ctx.state.db.begin().await?;
    let user_id = db::account::use_reset(
        &mut tx,
        &session::hash_token(&form.token),
        &hash,
        db::now_millis(),
    )
    .await?
    .ok_or_else(unusable)?;
    db::commit(tx).await?;
    // Every session of the account ended: so do its open sockets.
    session::sessions_changed(&ctx.state, &user_id);
    // Failed sign-ins before the reset no longer hold the account back.
    if let Some(user) = db::account::get_user(&ctx.state.db, &user_id).await? {
        db::account::clear_login_failures(&ctx.state.db, &user.email).await?;
    }
    audit(ctx, Some(&user_id), "account.reset", &user_id, "ok").await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dummy_hash_parses() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }

    #[test]
    fn retry_after_rounds_up_and_is_positive() {
        assert_eq!(retry_after(Some(0), 1, 60), 60);
        assert_eq!(retry_after(Some(0), 59_999, 60), 1);
        assert_eq!(retry_after(Some(0), 120_000, 60), 1);
    }
}
