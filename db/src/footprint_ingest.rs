//! Recording footprints in batches: one transaction stores many events (raw, the per-day
//! roll-up, the visitors of each day and of all days, the day's totals and its visitors by
//! country and language, and the people whose matches must be recomputed). Rows are written with
//! multi-row statements in key order, so two nodes writing at once never wait on each other in a
//! cycle. Whoever turned footprints off (or no longer exists) is left out by the batch itself,
//! so an opt-out is honoured even by events queued before it.

use crate::footprint::Target;
use crate::{Db, Result};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// One event waiting to be recorded.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// The person's id, or `v:` and the day's pseudonym.
    pub actor: String,
    /// The person, when signed in.
    pub user_id: Option<String>,
    /// `view` or `dwell`.
    pub kind: &'static str,
    /// What was looked at.
    pub target: Arc<Target>,
    /// Time spent (dwell), 0 for a view.
    pub millis: i64,
    /// When (UTC milliseconds).
    pub at: i64,
    /// Its date (`YYYY-MM-DD`) in the expo's time zone.
    pub day: String,
}

/// A value bound into a multi-row statement.
#[derive(Clone, Debug)]
enum Val {
    Text(String),
    Opt(Option<String>),
    Int(i64),
}

/// Rows per multi-row statement (at most 11 values each, well under both engines' limits).
const CHUNK: usize = 200;

/// `head VALUES (...), (...) tail` over `rows`, in chunks, returning what `RETURNING` gives
/// when `returning` (first column of each returned row as text, then the second).
async fn multi(
    tx: &mut crate::Tx,
    head: &str,
    tail: &str,
    rows: &[Vec<Val>],
    returning: bool,
) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for chunk in rows.chunks(CHUNK) {
        let mut sql = String::with_capacity(head.len() + tail.len() + chunk.len() * 40);
        sql.push_str(head);
        sql.push_str(" VALUES ");
        let mut n = 0;
        for (i, row) in chunk.iter().enumerate() {
            sql.push_str(if i == 0 { "(" } else { ",(" });
            for c in 0..row.len() {
                n += 1;
                if c > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!("${n}"));
            }
            sql.push(')');
        }
        sql.push(' ');
        sql.push_str(tail);
        macro_rules! bind_rows {
            ($q:expr) => {{
                let mut q = $q;
                for row in chunk {
                    for v in row {
                        q = match v {
                            Val::Text(s) => q.bind(s.clone()),
                            Val::Opt(s) => q.bind(s.clone()),
                            Val::Int(i) => q.bind(*i),
                        };
                    }
                }
                q
            }};
        }
        if returning {
            let q = bind_rows!(sqlx::query_as::<_, (String, String)>(&sql));
            out.extend(q.fetch_all(&mut **tx).await?);
        } else {
            bind_rows!(sqlx::query(&sql)).execute(&mut **tx).await?;
        }
    }
    Ok(out)
}

/// `$first, $first+1, …` for `n` values.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a day's (or all days') totals gain from one batch.
#[derive(Default)]
struct Gain {
    visitors: i64,
    buyers: i64,
    views: i64,
    booth_views: i64,
    product_views: i64,
    millis: i64,
}

/// The person's country and language, and whether they turned footprints off.
struct Person {
    country: String,
    language: String,
    off: bool,
}

/// Stores `events` in one transaction; returns how many were kept (the others belonged to people
/// who turned footprints off or were deleted).
pub async fn record_batch(db: &Db, events: &[Recorded]) -> Result<usize> {
    let users: BTreeSet<&str> = events.iter().filter_map(|e| e.user_id.as_deref()).collect();
    let mut tx = db.begin().await?;
    let mut people: HashMap<String, Person> = HashMap::new();
    let mut buyers: HashSet<(String, String)> = HashSet::new();
    let user_list: Vec<&str> = users.into_iter().collect();
    for chunk in user_list.chunks(CHUNK) {
        let sql = format!(
            "SELECT id, country, language, footprints_off FROM users WHERE id IN ({})",
            placeholders(1, chunk.len())
        );
        let mut q = sqlx::query_as::<_, (String, String, String, i64)>(&sql);
        for u in chunk {
            q = q.bind(*u);
        }
        for (id, country, language, off) in q.fetch_all(&mut *tx).await? {
            people.insert(
                id,
                Person {
                    country,
                    language,
                    off: off != 0,
                },
            );
        }
        let sql = format!(
            "SELECT user_id, expo_id FROM buyer_profiles WHERE user_id IN ({})",
            placeholders(1, chunk.len())
        );
        let mut q = sqlx::query_as::<_, (String, String)>(&sql);
        for u in chunk {
            q = q.bind(*u);
        }
        buyers.extend(q.fetch_all(&mut *tx).await?);
    }
    let kept: Vec<&Recorded> = events
        .iter()
        .filter(|e| match e.user_id.as_deref() {
            Some(u) => people.get(u).is_some_and(|p| !p.off),
            None => true,
        })
        .collect();
    if kept.is_empty() {
        crate::commit(tx).await?;
        return Ok(0);
    }
    let is_buyer = |e: &Recorded| {
        e.user_id
            .as_ref()
            .is_some_and(|u| buyers.contains(&(u.clone(), e.target.expo_id.clone())))
    };

    // Raw events.
    let raw: Vec<Vec<Val>> = kept
        .iter()
        .map(|e| {
            let t = &e.target;
            vec![
                Val::Text(crate::new_id()),
                Val::Text(t.expo_id.clone()),
                Val::Text(e.actor.clone()),
                Val::Opt(e.user_id.clone()),
                Val::Text(e.kind.to_owned()),
                Val::Text(t.kind.to_owned()),
                Val::Text(t.id.clone()),
                Val::Opt(t.exhibitor_id.clone()),
                Val::Text(t.industry.clone()),
                Val::Int(e.millis),
                Val::Int(e.at),
            ]
        })
        .collect();
    multi(
        &mut tx,
        "INSERT INTO footprints (id, expo_id, actor, user_id, kind, target_kind, target_id, \
         exhibitor_id, industry, millis, at)",
        "",
        &raw,
        false,
    )
    .await?;

    // The per-day roll-up, one row per actor, day and page.
    type DayKey = (String, String, String, &'static str, String);
    let mut days: BTreeMap<DayKey, (&Recorded, i64, i64)> = BTreeMap::new();
    for e in &kept {
        let t = &e.target;
        let key = (
            t.expo_id.clone(),
            e.actor.clone(),
            e.day.clone(),
            t.kind,
            t.id.clone(),
        );
        let row = days.entry(key).or_insert((e, 0, 0));
        row.1 += i64::from(e.kind == "view");
        row.2 += e.millis;
    }
    let day_rows: Vec<Vec<Val>> = days
        .iter()
        .map(|((expo, actor, day, kind, id), (e, views, millis))| {
            vec![
                Val::Text(expo.clone()),
                Val::Text(actor.clone()),
                Val::Opt(e.user_id.clone()),
                Val::Text(day.clone()),
                Val::Text((*kind).to_owned()),
                Val::Text(id.clone()),
                Val::Opt(e.target.exhibitor_id.clone()),
                Val::Text(e.target.industry.clone()),
                Val::Int(*views),
                Val::Int(*millis),
            ]
        })
        .collect();
    multi(
        &mut tx,
        "INSERT INTO footprint_days (expo_id, actor, user_id, day, target_kind, target_id, \
         exhibitor_id, industry, views, millis)",
        "ON CONFLICT (expo_id, actor, day, target_kind, target_id) DO UPDATE SET \
         views = footprint_days.views + excluded.views, \
         millis = footprint_days.millis + excluded.millis",
        &day_rows,
        false,
    )
    .await?;

    // Visitors of each day and of all days: a row inserted is a new visitor.
    let mut gains: BTreeMap<(String, String), Gain> = BTreeMap::new();
    let mut visitors: BTreeMap<(String, String, String), (Option<String>, bool)> = BTreeMap::new();
    for e in &kept {
        let buyer = is_buyer(e);
        for day in [e.day.as_str(), ""] {
            visitors
                .entry((e.target.expo_id.clone(), day.to_owned(), e.actor.clone()))
                .or_insert((e.user_id.clone(), buyer));
            let g = gains
                .entry((e.target.expo_id.clone(), day.to_owned()))
                .or_default();
            let view = i64::from(e.kind == "view");
            g.views += view;
            g.booth_views += view * i64::from(e.target.kind == "booth");
            g.product_views += view * i64::from(e.target.kind == "product");
            g.millis += e.millis;
        }
    }
    let visitor_rows: Vec<Vec<Val>> = visitors
        .iter()
        .map(|((expo, day, actor), (user, buyer))| {
            vec![
                Val::Text(expo.clone()),
                Val::Text(day.clone()),
                Val::Text(actor.clone()),
                Val::Opt(user.clone()),
                Val::Int(i64::from(*buyer)),
            ]
        })
        .collect();
    let new_rows = multi(
        &mut tx,
        "INSERT INTO footprint_visitors (expo_id, day, actor, user_id, buyer)",
        "ON CONFLICT (expo_id, day, actor) DO NOTHING RETURNING day, actor",
        &visitor_rows,
        true,
    )
    .await?;
    let new_set: HashSet<(String, String)> = new_rows.into_iter().collect();
    let mut breakdown: BTreeMap<(String, String, &'static str, String), i64> = BTreeMap::new();
    // Known visitors who are buyers now and were not then (a profile made since).
    let mut upgrades: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for ((expo, day, actor), (user, buyer)) in &visitors {
        let g = gains.entry((expo.clone(), day.clone())).or_default();
        if new_set.contains(&(day.clone(), actor.clone())) {
            g.visitors += 1;
            g.buyers += i64::from(*buyer);
            if !day.is_empty() {
                let p = user.as_ref().and_then(|u| people.get(u));
                for (dimension, value) in [
                    ("country", p.map(|p| p.country.clone())),
                    ("language", p.map(|p| p.language.clone())),
                ] {
                    *breakdown
                        .entry((
                            expo.clone(),
                            day.clone(),
                            dimension,
                            value.unwrap_or_default(),
                        ))
                        .or_default() += 1;
                }
            }
        } else if *buyer {
            upgrades
                .entry((expo.clone(), day.clone()))
                .or_default()
                .push(actor.clone());
        }
    }
    for ((expo, day), actors) in &upgrades {
        for chunk in actors.chunks(CHUNK) {
            let sql = format!(
                "UPDATE footprint_visitors SET buyer = 1 WHERE expo_id = $1 AND day = $2 \
                 AND buyer = 0 AND actor IN ({}) RETURNING actor",
                placeholders(3, chunk.len())
            );
            let mut q = sqlx::query_scalar::<_, String>(&sql).bind(expo).bind(day);
            for a in chunk {
                q = q.bind(a);
            }
            let n = q.fetch_all(&mut *tx).await?.len() as i64;
            gains.entry((expo.clone(), day.clone())).or_default().buyers += n;
        }
    }
    let total_rows: Vec<Vec<Val>> = gains
        .iter()
        .map(|((expo, day), g)| {
            vec![
                Val::Text(expo.clone()),
                Val::Text(day.clone()),
                Val::Int(g.visitors),
                Val::Int(g.buyers),
                Val::Int(g.views),
                Val::Int(g.booth_views),
                Val::Int(g.product_views),
                Val::Int(g.millis),
            ]
        })
        .collect();
    multi(
        &mut tx,
        "INSERT INTO footprint_totals (expo_id, day, visitors, buyers, views, booth_views, \
         product_views, millis)",
        "ON CONFLICT (expo_id, day) DO UPDATE SET \
         visitors = footprint_totals.visitors + excluded.visitors, \
         buyers = footprint_totals.buyers + excluded.buyers, \
         views = footprint_totals.views + excluded.views, \
         booth_views = footprint_totals.booth_views + excluded.booth_views, \
         product_views = footprint_totals.product_views + excluded.product_views, \
         millis = footprint_totals.millis + excluded.millis",
        &total_rows,
        false,
    )
    .await?;
    let breakdown_rows: Vec<Vec<Val>> = breakdown
        .iter()
        .map(|((expo, day, dimension, value), n)| {
            vec![
                Val::Text(expo.clone()),
                Val::Text(day.clone()),
                Val::Text((*dimension).to_owned()),
                Val::Text(value.clone()),
                Val::Int(*n),
            ]
        })
        .collect();
    multi(
        &mut tx,
        "INSERT INTO footprint_breakdown (expo_id, day, dimension, value, visitors)",
        "ON CONFLICT (expo_id, day, dimension, value) DO UPDATE SET \
         visitors = footprint_breakdown.visitors + excluded.visitors",
        &breakdown_rows,
        false,
    )
    .await?;

    // The people whose matches must be recomputed.
    let mut dirty: BTreeMap<(String, String), i64> = BTreeMap::new();
    for e in &kept {
        if let Some(u) = &e.user_id {
            let at = dirty
                .entry((e.target.expo_id.clone(), u.clone()))
                .or_default();
            *at = (*at).max(e.at);
        }
    }
    let dirty_rows: Vec<Vec<Val>> = dirty
        .into_iter()
        .map(|((expo, user), at)| vec![Val::Text(expo), Val::Text(user), Val::Int(at)])
        .collect();
    multi(
        &mut tx,
        "INSERT INTO match_dirty (expo_id, subject, at)",
        "ON CONFLICT (expo_id, subject) DO UPDATE SET at = excluded.at",
        &dirty_rows,
        false,
    )
    .await?;
    crate::commit(tx).await?;
    Ok(kept.len())
}
