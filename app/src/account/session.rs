//! Session tokens and cookies.

use crate::state::{AppState, AuthSession};
use base64::Engine;
use sha2::{Digest, Sha256};

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "expo_session";
/// Name of the language cookie.
pub const LANG_COOKIE: &str = "lang";

/// A new random session token (256 bits, URL-safe base64).
pub fn new_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The stored form of a token.
pub fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// True when `token` has the shape of one of ours (43 URL-safe characters); anything else is
/// ignored without a database lookup.
pub fn plausible_token(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `Set-Cookie` value that stores a session.
pub fn session_cookie(token: &str, max_age_secs: i64, secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{}",
        if secure { "; Secure" } else { "" }
    )
}

/// `Set-Cookie` value that removes the session cookie.
pub fn clear_session_cookie(secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
        if secure { "; Secure" } else { "" }
    )
}

/// `Set-Cookie` value that names the expo the console manages (for a year).
pub fn console_expo_cookie(expo_id: &str, secure: bool) -> String {
    format!(
        "{}={expo_id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000{}",
        domain::plan::CONSOLE_EXPO_COOKIE,
        if secure { "; Secure" } else { "" }
    )
}

/// `Set-Cookie` value that stores the interface language for a year.
pub fn lang_cookie(tag: &str, secure: bool) -> String {
    format!(
        "{LANG_COOKIE}={tag}; Path=/; SameSite=Lax; Max-Age=31536000{}",
        if secure { "; Secure" } else { "" }
    )
}

/// Reads one cookie from a `Cookie` header; malformed pairs are skipped.
pub fn read_cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// The hub topic a signed-in connection watches for the end of its person's sessions: revoking
/// it (on sign-out or a password reset, on every node) makes each of their open sockets check
/// its session again at once. Nothing is ever published on it.
pub fn sessions_topic(user_id: &str) -> String {
    format!("session:{user_id}")
}

/// Tells every open socket of `user_id` that one of their sessions may have ended, so each
/// checks its own (and closes when it has).
pub fn sessions_changed(state: &AppState, user_id: &str) {
    state.hub.revoke(&sessions_topic(user_id), user_id);
}

/// Whether the session with this token hash still holds (not signed out, not expired, not
/// ended by a password reset), for a socket opened with it.
pub async fn still_valid(state: &AppState, token_hash: &str) -> Result<bool, db::Error> {
    let Some(record) = db::account::find_session(&state.db, token_hash).await? else {
        return Ok(false);
    };
    let now = db::now_millis();
    let idle_deadline = record.last_seen_at + state.auth.session_idle_secs * 1000;
    Ok(record.expires_at > now && idle_deadline > now)
}

/// Resolves a cookie token to a live session: unknown, idle-expired or absolutely expired
/// sessions give `None` (and expired ones are deleted). Activity is recorded at most once a
/// minute (sooner for short idle limits) to keep reads cheap.
pub async fn resolve(state: &AppState, token: &str) -> Result<Option<AuthSession>, db::Error> {
    if !plausible_token(token) {
        return Ok(None);
    }
    let token_hash = hash_token(token);
    let Some(record) = db::account::find_session(&state.db, &token_hash).await? else {
        return Ok(None);
    };
    let now = db::now_millis();
    let idle_deadline = record.last_seen_at + state.auth.session_idle_secs * 1000;
    if record.expires_at <= now || idle_deadline <= now {
        db::account::delete_session(&state.db, &token_hash).await?;
        return Ok(None);
    }
    // Activity is written at most once a minute (or twice per idle period when that is shorter).
    let touch_after = (state.auth.session_idle_secs * 500).clamp(0, 60_000);
    if now - record.last_seen_at > touch_after {
        db::account::touch_session(&state.db, &token_hash, now).await?;
    }
    let Some(user) = db::account::get_user(&state.db, &record.user_id).await? else {
        return Ok(None);
    };
    let memberships = db::account::memberships(&state.db, &user.id).await?;
    let actor = domain::authz::Actor {
        user_id: user.id.clone(),
        memberships,
    };
    Ok(Some(AuthSession {
        token_hash,
        user,
        actor,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_plausible() {
        let a = new_token();
        let b = new_token();
        assert_ne!(a, b);
        assert!(plausible_token(&a));
        assert!(!plausible_token("x"));
        assert!(!plausible_token(&"é".repeat(43)));
        assert_eq!(hash_token("abc").len(), 64);
    }

    #[test]
    fn cookies() {
        assert_eq!(
            read_cookie("a=1; expo_session=tok; lang=en", SESSION_COOKIE),
            Some("tok")
        );
        assert_eq!(read_cookie("garbage;;==;lang", LANG_COOKIE), None);
        let c = session_cookie("t", 60, true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.ends_with("Secure"));
        assert!(!session_cookie("t", 60, false).contains("Secure"));
    }
}
