//! Invitation links with a source tag: `/i/<code>` counts the visit, remembers the code for a
//! while, and a registration that follows is counted for that source.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};

/// The cookie that remembers the invitation a visitor came through.
pub const INVITE_COOKIE: &str = "expo_invite";
/// How long the cookie lasts, in seconds (30 days).
pub const INVITE_COOKIE_SECS: i64 = 30 * 24 * 3600;

/// Checks a source tag: 1–40 lower-case letters, digits, `-` or `_` (it appears in reports and
/// exports as typed).
pub fn parse_source(s: &str) -> Result<String, FieldError> {
    let t = s.trim().to_ascii_lowercase();
    if t.is_empty()
        || t.len() > 40
        || !t
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return Err(FieldError::new("source", "invite-error-source"));
    }
    Ok(t)
}

/// Whether `s` has the shape of an invitation code (what [`new_code`] makes).
pub fn is_code(s: &str) -> bool {
    s.len() == 12
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// A code from 12 random bytes' worth of entropy in `[a-z0-9]` (the caller supplies the bytes).
pub fn new_code(random: [u8; 12]) -> String {
    const ALPHABET: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    random
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % 36]))
        .collect()
}

/// An invitation link and what it brought.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationStats {
    /// The code in the link.
    pub code: String,
    /// The source tag.
    pub source: String,
    /// When it was made (UTC milliseconds).
    pub created_at: i64,
    /// Visits through the link.
    pub visits: i64,
    /// Registrations that followed.
    pub registrations: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_and_codes() {
        assert_eq!(
            parse_source(" WeChat-Campaign_2026 ").as_deref(),
            Ok("wechat-campaign_2026")
        );
        for bad in ["", "   ", "a b", "<script>", &"x".repeat(41), "微信"] {
            assert!(parse_source(bad).is_err(), "{bad}");
        }
        let code = new_code([0, 1, 2, 35, 36, 255, 9, 10, 11, 12, 13, 14]);
        assert!(is_code(&code), "{code}");
        assert!(!is_code("short"));
        assert!(!is_code("ABCDEFGHIJKL"));
        assert!(!is_code("abc/efghijkl"));
    }
}
