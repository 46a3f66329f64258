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
use db::footprint_ingest::{Recorded, VisitorKey, VisitorRef};
use db::Db;
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot};

/// Events one transaction stores, at most.
const BATCH: usize = 2_000;
/// Events waiting, at most; beyond it beacons wait for room.
const QUEUE: usize = 20_000;
/// How long a page's place (expo, booth, industry, time zone) is remembered.
const TARGET_TTL: Duration = Duration::from_secs(30);
/// Pages remembered, at most.
const TARGETS: u64 = 100_000;
/// Places' visitors remembered, at most (an entry is a hash and a moment: some 40 bytes with
/// the table's room).
const VISITORS: usize = 1_000_000;
/// How long a place's visitor is remembered, at most: a day's rows are not met again after it.
/// Half of it at least, unless a half of [`VISITORS`] came meanwhile.
const VISITOR_TTL: Duration = Duration::from_secs(26 * 3600);

/// The places' visitors a node has stored, as hashes (keyed at random per process, so nobody
/// can make two keys meet), each with the moment it was remembered, in two generations: the
/// current one and the one before it, dropped when the current one is half the size or half
/// the time allowed. Forgetting costs only a row written again. A person who turns footprints
/// off loses their visitor rows, so what was remembered of them before is no longer true:
/// [`VisitorMemory::forget`] notes when, and rows remembered before that count as unknown.
#[derive(Clone)]
pub struct VisitorMemory {
    inner: Arc<Mutex<Remembered>>,
    keys: RandomState,
}

/// What [`VisitorMemory`] holds.
struct Remembered {
    current: HashMap<u64, u64>,
    previous: HashMap<u64, u64>,
    /// When the current generation began.
    since: Instant,
    /// Actors whose rows were deleted: the moment, and when.
    forgotten: HashMap<String, (u64, Instant)>,
    /// Moments, counted (one per batch remembered or person forgotten).
    clock: u64,
}

impl Default for VisitorMemory {
    fn default() -> Self {
        VisitorMemory {
            inner: Arc::new(Mutex::new(Remembered {
                current: HashMap::new(),
                previous: HashMap::new(),
                since: Instant::now(),
                forgotten: HashMap::new(),
                clock: 0,
            })),
            keys: RandomState::new(),
        }
    }
}

impl VisitorMemory {
    fn lock(&self) -> std::sync::MutexGuard<'_, Remembered> {
        // What it holds stays consistent whatever a panicking holder did: at worst a row is
        // written again.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether the row is stored, as far as this node knows.
    pub fn known(&self, key: &VisitorRef<'_>) -> bool {
        let hash = self.keys.hash_one(key);
        let memory = self.lock();
        let Some(at) = memory
            .current
            .get(&hash)
            .or_else(|| memory.previous.get(&hash))
        else {
            return false;
        };
        match memory.forgotten.get(key.3) {
            Some((forgotten, _)) => at > forgotten,
            None => true,
        }
    }

    /// Remembers rows now stored.
    pub fn remember(&self, keys: &[VisitorKey]) {
        let mut memory = self.lock();
        if memory.current.len() + keys.len() > VISITORS / 2
            || memory.since.elapsed() >= VISITOR_TTL / 2
        {
            memory.previous = std::mem::take(&mut memory.current);
            memory.since = Instant::now();
            memory
                .forgotten
                .retain(|_, (_, when)| when.elapsed() < VISITOR_TTL);
        }
        memory.clock += 1;
        let now = memory.clock;
        for key in keys {
            memory.current.insert(self.keys.hash_one(key), now);
        }
    }

    /// Forgets what was remembered of `actor` (their rows were deleted).
    pub fn forget(&self, actor: &str) {
        let mut memory = self.lock();
        memory.clock += 1;
        let now = memory.clock;
        memory
            .forgotten
            .insert(actor.to_owned(), (now, Instant::now()));
    }

    /// Records a batch, skipping the rows known, and remembers those it stored.
    pub async fn record(&self, db: &Db, events: &[Recorded]) -> Result<usize, db::Error> {
        let stored = db::footprint_ingest::record_batch(db, events, &|key| self.known(key)).await?;
        self.remember(&stored.visitors);
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

    /// Forgets what this node's writer remembered of a person whose footprints were deleted,
    /// so their next visits are counted again. Other nodes forget within a day.
    pub fn forget(&self, actor: &str) {
        self.visitors.forget(actor);
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

/// Starts the writer. On SQLite it gets a thread of its own (a single-threaded runtime): a
/// batch takes a dozen turns between the task and the connection's worker thread, and on the
/// request threads each turn waited behind whatever requests had queued meanwhile. PostgreSQL
/// connections are sockets of the runtime that opened them, and the pool shares them with
/// requests, so there the writer stays on the server's runtime.
fn spawn(db: Db, visitors: VisitorMemory) -> mpsc::Sender<Job> {
    let (tx, rx) = mpsc::channel::<Job>(QUEUE);
    if db.backend() == db::Backend::Postgres {
        tokio::spawn(write(db, visitors, rx));
        return tx;
    }
    let started = std::thread::Builder::new()
        .name("footprint-writer".to_owned())
        .spawn(move || {
            match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime.block_on(write(db, visitors, rx)),
                // The queue closes with the receiver: beacons answer an error and the next
                // one starts the writer again.
                Err(e) => tracing::error!(error = %e, "the footprint writer could not start"),
            }
        });
    if let Err(e) = started {
        tracing::error!(error = %e, "the footprint writer's thread could not start");
    }
    tx
}

/// Stores whatever has queued, batch after batch, until every sender is gone.
async fn write(db: Db, visitors: VisitorMemory, mut rx: mpsc::Receiver<Job>) {
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
}
