//! Periodic clean-up: ended sessions, old login failures and rate-limit events. Runs on every
//! node; the deletes are idempotent, so several nodes doing it at once is harmless.

use app::state::AuthConfig;
use db::Db;
use std::time::Duration;

/// Deletes what has expired as of `now` (UTC milliseconds); returns how many rows went.
pub async fn run_once(db: &Db, auth: &AuthConfig, now: i64) -> Result<u64, db::Error> {
    let sessions =
        db::account::delete_expired_sessions(db, now, now - auth.session_idle_secs * 1000).await?;
    let failures =
        db::account::purge_login_failures(db, now - auth.failure_window_secs * 1000).await?;
    let keep = auth.registration_window_secs.max(auth.failure_window_secs);
    let events = db::throttle::purge(db, now - keep * 1000).await?;
    Ok(sessions + failures + events)
}

/// Runs [`run_once`] every `every` until the process ends.
pub fn spawn(db: Db, auth: AuthConfig, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match run_once(&db, &auth, db::now_millis()).await {
                Ok(n) if n > 0 => tracing::info!(removed = n, "housekeeping"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "housekeeping failed"),
            }
        }
    })
}
