//! The footprint writer: beacons queue their events and one task per node stores whatever has
//! queued in one transaction (group commit), so the database sees a few transactions a second
//! however many beacons arrive, and a quiet server still stores each event at once. A beacon is
//! answered once its event is committed, so what a page was told is what the counters hold. A
//! batch the database refuses (a page deleted meanwhile) is retried event by event, so one bad
//! event loses no other.

use crate::error::AppError;
use db::footprint::Target;
use db::footprint_ingest::Recorded;
use db::Db;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// Events one transaction stores, at most.
const BATCH: usize = 2_000;
/// Events waiting, at most; beyond it beacons wait for room.
const QUEUE: usize = 20_000;
/// How long a page's place (expo, booth, industry, time zone) is remembered.
const TARGET_TTL: Duration = Duration::from_secs(30);
/// Pages remembered, at most.
const TARGETS: u64 = 100_000;

type Job = (Recorded, oneshot::Sender<bool>);

/// The node's writer and the pages it knows.
pub struct FootprintWriter {
    /// The running task's queue (started by the first beacon, again if it ever stopped).
    queue: Mutex<Option<mpsc::Sender<Job>>>,
    targets: moka::future::Cache<(String, String), Arc<Target>>,
}

impl Default for FootprintWriter {
    fn default() -> Self {
        FootprintWriter {
            queue: Mutex::new(None),
            targets: moka::future::Cache::builder()
                .max_capacity(TARGETS)
                .time_to_live(TARGET_TTL)
                .build(),
        }
    }
}

impl std::fmt::Debug for FootprintWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FootprintWriter({} pages)", self.targets.entry_count())
    }
}

impl FootprintWriter {
    /// The page a beacon is about, if it exists (remembered a short while; a page that does not
    /// exist is looked up every time, so made-up ids fill no memory).
    pub async fn target(
        &self,
        db: &Db,
        kind: &str,
        id: &str,
    ) -> Result<Option<Arc<Target>>, AppError> {
        let key = (kind.to_owned(), id.to_owned());
        if let Some(t) = self.targets.get(&key).await {
            return Ok(Some(t));
        }
        let Some(t) = db::footprint::target(db, kind, id).await? else {
            return Ok(None);
        };
        let t = Arc::new(t);
        self.targets.insert(key, t.clone()).await;
        Ok(Some(t))
    }

    /// Queues an event and waits until it is stored.
    pub async fn record(&self, db: &Db, event: Recorded) -> Result<(), AppError> {
        let queue = {
            let mut q = self
                .queue
                .lock()
                .map_err(|_| AppError::internal("the footprint writer's lock is poisoned"))?;
            match q.as_ref() {
                Some(tx) if !tx.is_closed() => tx.clone(),
                _ => {
                    let tx = spawn(db.clone());
                    *q = Some(tx.clone());
                    tx
                }
            }
        };
        let (done, stored) = oneshot::channel();
        queue
            .send((event, done))
            .await
            .map_err(|_| AppError::internal("the footprint writer stopped"))?;
        match stored.await {
            Ok(true) => Ok(()),
            _ => Err(AppError::internal("a footprint was not stored")),
        }
    }
}

/// Starts the writer task.
fn spawn(db: Db) -> mpsc::Sender<Job> {
    let (tx, mut rx) = mpsc::channel::<Job>(QUEUE);
    tokio::spawn(async move {
        let mut jobs: Vec<Job> = Vec::with_capacity(BATCH);
        while rx.recv_many(&mut jobs, BATCH).await > 0 {
            let events: Vec<Recorded> = jobs.iter().map(|(e, _)| e.clone()).collect();
            match db::footprint_ingest::record_batch(&db, &events).await {
                Ok(_) => {
                    for (_, done) in jobs.drain(..) {
                        let _ = done.send(true);
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, events = events.len(), "footprint batch refused; storing one by one");
                    for (event, done) in jobs.drain(..) {
                        let one = db::footprint_ingest::record_batch(&db, &[event]).await;
                        if let Err(e) = &one {
                            tracing::warn!(error = %e, "footprint not stored");
                        }
                        let _ = done.send(one.is_ok());
                    }
                }
            }
        }
    });
    tx
}
