//! The footprint writer: beacons queue their events and one task per node stores whatever has
//! queued in one transaction (group commit), so the database sees a few transactions a second
//! however many beacons arrive, and a quiet server still stores each event at once. A beacon is
//! answered once its event is committed, so what a page was told is what the counters hold. A
//! batch the database refuses (a page deleted meanwhile) is retried event by event, so one bad
//! event loses no other. The writer remembers the places' visitors it stored (a visit's expo,
//! hall and booths per hour, day and all days), so the repeat events of a visit, which arrive
//! in later batches, write no visitor rows again.

use crate::error::AppError;
use db::footprint::Target;
use db::footprint_ingest::{Recorded, VisitorKey};
use db::Db;
use std::hash::{BuildHasher, RandomState};
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
/// Places' visitors remembered, at most (an entry is a hash and moka's bookkeeping, about a
/// hundred bytes).
const VISITORS: u64 = 1_000_000;
/// How long a place's visitor is remembered: a day's rows are not met again after it.
const VISITOR_TTL: Duration = Duration::from_secs(26 * 3600);

/// The places' visitors a node has stored, as hashes (keyed at random per process, so nobody
/// can make two keys meet). Forgetting costs only a row written again.
#[derive(Clone)]
pub struct VisitorMemory {
    hashes: moka::future::Cache<u64, ()>,
    keys: RandomState,
}

impl Default for VisitorMemory {
    fn default() -> Self {
        VisitorMemory {
            hashes: moka::future::Cache::builder()
                .max_capacity(VISITORS)
                .time_to_live(VISITOR_TTL)
                .build(),
            keys: RandomState::new(),
        }
    }
}

impl VisitorMemory {
    /// Whether the row is stored, as far as this node knows.
    pub fn known(&self, key: &VisitorKey) -> bool {
        self.hashes.contains_key(&self.keys.hash_one(key))
    }

    /// Remembers rows now stored.
    pub async fn remember(&self, keys: &[VisitorKey]) {
        for key in keys {
            self.hashes.insert(self.keys.hash_one(key), ()).await;
        }
    }

    /// Records a batch, skipping the rows known, and remembers those it stored.
    pub async fn record(&self, db: &Db, events: &[Recorded]) -> Result<usize, db::Error> {
        let stored = db::footprint_ingest::record_batch(db, events, &|key| self.known(key)).await?;
        self.remember(&stored.visitors).await;
        Ok(stored.kept)
    }
}

type Job = (Recorded, oneshot::Sender<bool>);

/// The node's writer and the pages it knows.
pub struct FootprintWriter {
    /// The running task's queue (started by the first beacon, again if it ever stopped).
    queue: Mutex<Option<mpsc::Sender<Job>>>,
    targets: moka::future::Cache<(String, String), Arc<Target>>,
    visitors: VisitorMemory,
}

impl Default for FootprintWriter {
    fn default() -> Self {
        FootprintWriter {
            queue: Mutex::new(None),
            targets: moka::future::Cache::builder()
                .max_capacity(TARGETS)
                .time_to_live(TARGET_TTL)
                .build(),
            visitors: VisitorMemory::default(),
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
                    let tx = spawn(db.clone(), self.visitors.clone());
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
fn spawn(db: Db, visitors: VisitorMemory) -> mpsc::Sender<Job> {
    let (tx, mut rx) = mpsc::channel::<Job>(QUEUE);
    tokio::spawn(async move {
        let mut jobs: Vec<Job> = Vec::with_capacity(BATCH);
        while rx.recv_many(&mut jobs, BATCH).await > 0 {
            let events: Vec<Recorded> = jobs.iter().map(|(e, _)| e.clone()).collect();
            match visitors.record(&db, &events).await {
                Ok(_) => {
                    for (_, done) in jobs.drain(..) {
                        let _ = done.send(true);
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, events = events.len(), "footprint batch refused; storing one by one");
                    for (event, done) in jobs.drain(..) {
                        let one = visitors.record(&db, &[event]).await;
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
