//! Periodic clean-up: ended sessions, old login failures and rate-limit events, raw footprints
//! past their keeping time, realtime events
//! older than a week, the bodies of mails whose secret expired, and stored files whose media
//! row is gone (deleted uploads, uploads cut off by a crash). Runs on every
//! node; the deletes are idempotent, so several nodes doing it at once is harmless.

use app::state::AuthConfig;
use db::Db;
use futures_util::StreamExt;
use object_store::{ObjectStore, ObjectStoreExt};
use std::sync::Arc;
use std::time::Duration;

/// Realtime events are kept this long for clients that reconnect; one gone longer reloads.
const REALTIME_KEEP_MILLIS: i64 = 7 * 24 * 3600 * 1000;

/// Files uploaded into a conversation but never sent are removed after this long.
const UNSENT_FILE_MILLIS: i64 = 24 * 3600 * 1000;

/// Stored files younger than this are kept even without a row: their upload may be running.
const ORPHAN_GRACE_MILLIS: i64 = 3600 * 1000;

/// Deletes the stored files under `media/` that no media row names and that are older than the
/// grace period as of `now`; returns how many files went.
pub async fn sweep_store(db: &Db, store: &dyn ObjectStore, now: i64) -> anyhow::Result<u64> {
    let known = db::media::all_ids(db).await?;
    let prefix = object_store::path::Path::from("media");
    let mut listing = store.list(Some(&prefix));
    let mut removed = 0;
    while let Some(meta) = listing.next().await {
        let meta = meta?;
        let id = meta.location.parts().nth(1);
        let orphan = id.is_some_and(|id| !known.contains(id.as_ref()));
        if orphan && meta.last_modified.timestamp_millis() < now - ORPHAN_GRACE_MILLIS {
            store.delete(&meta.location).await?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Deletes what has expired as of `now` (UTC milliseconds); returns how many rows went.
pub async fn run_once(db: &Db, auth: &AuthConfig, now: i64) -> Result<u64, db::Error> {
    let sessions =
        db::account::delete_expired_sessions(db, now, now - auth.session_idle_secs * 1000).await?;
    let failures =
        db::account::purge_login_failures(db, now - auth.failure_window_secs * 1000).await?;
    let keep = auth.registration_window_secs.max(auth.failure_window_secs);
    let events = db::throttle::purge(db, now - keep * 1000).await?;
    let realtime = db::realtime::prune(db, now - REALTIME_KEEP_MILLIS).await?;
    let search =
        db::search::prune_changes(db, now - app::search::follower::CHANGES_KEPT_MS).await?;
    let resets = db::account::purge_resets(db, now).await?;
    let unsent = db::chat::purge_unattached(db, now - UNSENT_FILE_MILLIS).await?
        + db::inquiry_file::purge_unclaimed(db, now - UNSENT_FILE_MILLIS).await?;
    let secrets = db::notification::purge_expired_secrets(db, now).await?;
    let footprints = db::footprint::purge(db, now - app::matching::service::RAW_KEPT_MS).await?;
    Ok(sessions + failures + events + realtime + search + resets + unsent + secrets + footprints)
}

/// Runs [`run_once`] every `every` until the process ends.
pub fn spawn(
    db: Db,
    auth: AuthConfig,
    store: Arc<dyn ObjectStore>,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
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
            match sweep_store(&db, store.as_ref(), db::now_millis()).await {
                Ok(n) if n > 0 => tracing::info!(removed = n, "stored files swept"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "store sweep failed"),
            }
        }
    })
}
