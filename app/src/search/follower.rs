//! Keeps a node's search index in step with the database: a task reads the change notes the
//! triggers write (`search_changes`) every few hundred milliseconds and re-indexes what they
//! name, so an edit is searchable within a second on every node.
//!
//! Ids of change notes grow, but on PostgreSQL a transaction that started earlier may commit
//! after a later one: a note can appear behind the newest one seen. The follower remembers the
//! ids it applied above its contiguous watermark and re-reads that window until the gap fills;
//! a gap left for [`GAP_GIVE_UP`] is a rolled-back transaction and is passed over.

use super::engine::{Doc, SearchIndex};
use db::search::Change;
use db::Db;
use std::collections::{BTreeSet, HashSet};
use std::time::{Duration, Instant};

/// A missing change id older than this is a transaction that rolled back.
const GAP_GIVE_UP: Duration = Duration::from_secs(120);
/// Change notes read per step.
const BATCH: i64 = 2000;
/// Exhibitors re-read per slice of a rebuild.
const REBUILD_SLICE: usize = 200;
/// Change notes are kept this long; an index that followed longer ago is rebuilt.
pub const CHANGES_KEPT_MS: i64 = 7 * 24 * 3600 * 1000;

/// Where the follower is.
#[derive(Debug, Default)]
pub struct Follower {
    /// Every change up to here is applied.
    watermark: i64,
    /// Applied changes above the watermark.
    applied: BTreeSet<i64>,
    /// Since when the id after the watermark is missing.
    gap_since: Option<Instant>,
}

/// Re-reads everything from the database into an emptied index.
pub async fn rebuild(db: &Db, index: &SearchIndex) -> FollowResult<i64> {
    let change_id = db::search::last_change_id(db).await?;
    let ids = db::search::all_exhibitor_ids(db).await?;
    index.stage_clear()?;
    for slice in ids.chunks(REBUILD_SLICE) {
        let docs = docs_of_exhibitors(db, slice).await?;
        let index = index.clone();
        tokio::task::spawn_blocking(move || index.stage(&[], &[], &docs)).await??;
    }
    let i = index.clone();
    tokio::task::spawn_blocking(move || i.commit(change_id, db::now_millis())).await??;
    tracing::info!(
        exhibitors = ids.len(),
        documents = index.len(),
        "search index rebuilt"
    );
    Ok(change_id)
}

async fn docs_of_exhibitors(db: &Db, ids: &[String]) -> FollowResult<Vec<Doc>> {
    let mut docs: Vec<Doc> = db::search::exhibitors(db, ids)
        .await?
        .into_iter()
        .map(Doc::Exhibitor)
        .collect();
    docs.extend(
        db::search::products_of_exhibitors(db, ids)
            .await?
            .into_iter()
            .map(Doc::Product),
    );
    Ok(docs)
}

impl Follower {
    /// Starts from the index's watermark, rebuilding first when the index is new, of another
    /// version, or followed so long ago that the notes since were pruned.
    pub async fn start(db: &Db, index: &SearchIndex) -> FollowResult<Follower> {
        let now = db::now_millis();
        let watermark = match index.watermark() {
            Some(w) if now - w.at < CHANGES_KEPT_MS - 24 * 3600 * 1000 => w.change_id,
            _ => rebuild(db, index).await?,
        };
        Ok(Follower {
            watermark,
            ..Follower::default()
        })
    }

    fn top(&self) -> i64 {
        self.applied
            .last()
            .copied()
            .unwrap_or(self.watermark)
            .max(self.watermark)
    }

    /// Applies the changes noted since the last step; returns how many notes were applied.
    pub async fn step(&mut self, db: &Db, index: &SearchIndex) -> FollowResult<usize> {
        let mut changes = db::search::changes_after(db, self.top(), BATCH).await?;
        if !self.applied.is_empty() {
            let late = db::search::changes_between(db, self.watermark, self.top()).await?;
            changes.extend(late.into_iter().filter(|c| !self.applied.contains(&c.id)));
        }
        let n = changes.len();
        if n > 0 {
            apply(db, index, &changes, self.advanced_watermark(&changes)).await?;
            self.applied.extend(changes.iter().map(|c| c.id));
        }
        self.advance();
        Ok(n)
    }

    /// The watermark after `changes` are applied (what the commit records).
    fn advanced_watermark(&self, changes: &[Change]) -> i64 {
        let mut all: BTreeSet<i64> = self.applied.clone();
        all.extend(changes.iter().map(|c| c.id));
        let mut w = self.watermark;
        while all.contains(&(w + 1)) {
            w += 1;
        }
        w
    }

    fn advance(&mut self) {
        loop {
            while self.applied.remove(&(self.watermark + 1)) {
                self.watermark += 1;
            }
            let Some(&next) = self.applied.first() else {
                self.gap_since = None;
                return;
            };
            let since = *self.gap_since.get_or_insert_with(Instant::now);
            if since.elapsed() < GAP_GIVE_UP {
                return;
            }
            // The missing ids never came: rolled back. Pass over them.
            self.watermark = next - 1;
            self.gap_since = None;
        }
    }
}

async fn apply(
    db: &Db,
    index: &SearchIndex,
    changes: &[Change],
    watermark: i64,
) -> FollowResult<()> {
    let mut products = HashSet::new();
    let mut exhibitors = HashSet::new();
    let mut halls = Vec::new();
    for c in changes {
        match c.kind.as_str() {
            "product" => {
                products.insert(c.item_id.clone());
            }
            "exhibitor" => {
                exhibitors.insert(c.item_id.clone());
            }
            "hall" => halls.push(c.item_id.clone()),
            other => tracing::warn!(kind = other, "unknown search change kind"),
        }
    }
    exhibitors.extend(db::search::exhibitors_in_halls(db, &halls).await?);
    let exhibitors: Vec<String> = exhibitors.into_iter().collect();
    let products: Vec<String> = products.into_iter().collect();
    let mut docs = docs_of_exhibitors(db, &exhibitors).await?;
    let reloaded: HashSet<&String> = exhibitors.iter().collect();
    docs.extend(
        db::search::products(db, &products)
            .await?
            .into_iter()
            .filter(|p| !reloaded.contains(&p.exhibitor_id))
            .map(Doc::Product),
    );
    let index = index.clone();
    tokio::task::spawn_blocking(move || {
        index.stage(&products, &exhibitors, &docs)?;
        index.commit(watermark, db::now_millis())
    })
    .await??;
    Ok(())
}

/// Follows the database until the task is aborted; a failed step is logged and retried.
pub fn spawn(db: Db, index: SearchIndex, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut follower = loop {
            match Follower::start(&db, &index).await {
                Ok(f) => break f,
                Err(e) => {
                    tracing::error!(error = %e, "search index: start failed, retrying");
                    tokio::time::sleep(Duration::from_secs(5)).await;
                }
            }
        };
        loop {
            match follower.step(&db, &index).await {
                // More may be waiting right away.
                Ok(n) if n as i64 >= BATCH => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "search index: step failed"),
            }
            tokio::time::sleep(every).await;
        }
    })
}

/// An error of following: the database, the index, a lost blocking task.
#[derive(Debug, thiserror::Error)]
pub enum FollowError {
    /// Database.
    #[error(transparent)]
    Db(#[from] db::Error),
    /// Index.
    #[error(transparent)]
    Index(#[from] crate::search::engine::SearchError),
    /// A blocking task panicked or was cancelled.
    #[error("search task: {0}")]
    Join(#[from] tokio::task::JoinError),
}

type FollowResult<T> = std::result::Result<T, FollowError>;
