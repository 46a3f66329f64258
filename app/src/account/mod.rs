//! Accounts: register, sign in, sign out, the current user.
//!
//! Invariants: passwords are hashed with Argon2id and never logged; a session cookie holds a
//! random token whose SHA-256 alone is stored; sign-in rotates the session; failed sign-ins are
//! throttled per account and per client address from the database, so every node agrees.

pub mod account_menu;
pub mod account_page;
pub mod api;
pub mod login_page;
pub mod register_page;
pub mod reset_pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod session;

use leptos::prelude::*;

/// Bumped after sign-in, registration and sign-out so the current-user resource reloads.
#[derive(Clone, Copy)]
pub struct AuthVersion(pub RwSignal<u32>);

/// The signed-in user, loaded once per page and after each change of [`AuthVersion`].
pub type UserResource = Resource<Result<Option<domain::account::UserProfile>, crate::AppError>>;

/// Provides [`AuthVersion`] and the [`UserResource`] to the whole app.
pub fn provide_auth() {
    let version = AuthVersion(RwSignal::new(0));
    provide_context(version);
    let user: UserResource = Resource::new(move || version.0.get(), |_| api::current_user());
    provide_context(user);
}

/// Paths a sign-in may return to: same-site and absolute, never `//host`. Only printable ASCII
/// without spaces is accepted: browsers drop tabs and newlines from URLs (so `/\t/evil` would
/// become `//evil`), and control characters cannot go into a `Location` header at all.
pub fn safe_next(next: &str) -> String {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && next.len() <= 512
        && next.bytes().all(|b| (0x21..0x7f).contains(&b));
    if ok {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_site() {
        assert_eq!(safe_next("/halls?x=1"), "/halls?x=1");
        assert_eq!(safe_next("//evil.example"), "/");
        assert_eq!(safe_next("https://evil.example"), "/");
        assert_eq!(safe_next("/\\evil"), "/");
        assert_eq!(safe_next(""), "/");
        for sneaky in [
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n",
            "/\u{7f}",
            "/\0",
            "/ /x",
            "/\u{a0}/x",
            "/é",
        ] {
            assert_eq!(safe_next(sneaky), "/", "{sneaky:?}");
        }
        assert_eq!(
            safe_next("/halls/marine?tab=2#top"),
            "/halls/marine?tab=2#top"
        );
    }
}
