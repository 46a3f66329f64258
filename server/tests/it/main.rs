//! Integration tests: a real server on 127.0.0.1:0 with a fresh database per test, run once on
//! SQLite and once on PostgreSQL (`EXPO_TEST_POSTGRES_URL`, set by `cargo xtask test`).

mod account;
mod helpers;
mod platform;
mod schema;

/// Runs an async test body once per backend, as two `#[tokio::test]`s.
#[macro_export]
macro_rules! both_backends {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::helpers::Backend::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name($crate::helpers::Backend::Postgres).await;
            }
        }
    };
}
