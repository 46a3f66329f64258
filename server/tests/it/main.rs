//! Integration tests: a real server on 127.0.0.1:0 with a fresh database per test, run once on
//! SQLite and once on PostgreSQL (`EXPO_TEST_POSTGRES_URL`, set by `cargo xtask test`).

mod account;
mod analysis;
mod applications;
mod appointments;
mod assets;
mod buyers;
mod chat;
mod chat_files;
mod counters;
mod directory;
mod editor;
mod expos;
mod favorites;
mod hall;
mod helpers;
mod import;
mod inquiry_files;
mod invitations;
mod leads;
mod live;
mod live_programme;
mod mail;
mod matching;
mod media;
mod meeting;
mod moderation;
mod nodes;
mod ops;
mod password_reset;
mod platform;
mod realtime;
mod schema;
mod search;
mod setup;
mod share;
mod survey;
mod topics;
mod trade;
mod translate;

/// Longest a test may take before it fails as hung (a hang must name itself, not stall CI).
pub const TEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(90);

/// Runs an async test body once per backend, as two `#[tokio::test]`s, each bounded by
/// [`TEST_TIMEOUT`].
#[macro_export]
macro_rules! both_backends {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                tokio::time::timeout(
                    $crate::TEST_TIMEOUT,
                    super::$name($crate::helpers::Backend::Sqlite),
                )
                .await
                .expect("test timed out");
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                tokio::time::timeout(
                    $crate::TEST_TIMEOUT,
                    super::$name($crate::helpers::Backend::Postgres),
                )
                .await
                .expect("test timed out");
            }
        }
    };
}
