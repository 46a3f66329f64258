//! Recording footprints in batches: one transaction stores many events (raw, the per-day
//! roll-up, each place's visitors and totals per hour, day and all days with its booth visits
//! by length, the day's visitors by country and language, and the people whose matches must be
//! recomputed). A place is the expo (''), a hall (`h:` id) or a booth (`b:` id); see the
//! `footprint_rollups` migration. Rows are written with
//! multi-row statements in key order, so two nodes writing at once never wait on each other in a
//! cycle. Whoever turned footprints off (or no longer exists) is left out by the batch itself,
//! so an opt-out is honoured even by events queued before it.

use crate::footprint::Target;
use crate::multi_row::{multi, pieces, NoRows, Val};
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
    /// Whole hours since that day's first moment (0 to 24: a day may have 23 or 25).
    pub hour: i64,
}

impl Recorded {
    /// The places it counts in: the expo, its hall, its booth.
    fn places(&self) -> Vec<String> {
        let t = &self.target;
        let mut p = vec![String::new()];
        if let Some(h) = &t.hall_id {
            p.push(format!("h:{h}"));
        }
        if let Some(b) = &t.exhibitor_id {
            p.push(format!("b:{b}"));
        }
        p
    }

    /// The periods it counts in: its day, its hour, all days.
    fn periods(&self) -> [String; 3] {
        [
            self.day.clone(),
            format!("{} {:02}", self.day, self.hour),
            String::new(),
        ]
    }
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
    dwell: [i64; 6],
}

/// The person's country and language, and whether they turned footprints off.
struct Person {
    country: String,
    language: String,
    off: bool,
}

/// A place's visitor in a period: expo, period, place and actor (the key of a
/// `footprint_visitors` row).
pub type VisitorKey = (String, String, String, String);

/// A [`VisitorKey`] borrowed (it hashes the same).
pub type VisitorRef<'a> = (&'a str, &'a str, &'a str, &'a str);

/// What a batch stored.
#[derive(Debug, Default)]
pub struct Stored {
    /// Events kept (the others belonged to people who turned footprints off or were deleted).
    pub kept: usize,
    /// The batch's places' visitors that were not `known`: each is stored now (newly, or it
    /// already was), so a writer may remember them.
    pub visitors: Vec<VisitorKey>,
}

/// Stores `events` in one transaction. `known` says which places' visitors are certainly stored
/// already (a writer's memory of earlier batches): their rows are not written again, so the
/// repeat events of a visit cost no visitor rows. It may forget (the row is then written and the
/// database ignores it) but must never claim a row that was not stored.
pub async fn record_batch(
    db: &Db,
    events: &[Recorded],
    known: &(dyn Fn(&VisitorRef<'_>) -> bool + Sync),
) -> Result<Stored> {
    let users: BTreeSet<&str> = events.iter().filter_map(|e| e.user_id.as_deref()).collect();
    // Read before the transaction: a SQLite transaction that read first cannot wait for the
    // write lock (it fails at once if anyone wrote meanwhile); one that writes first waits.
    let mut people: HashMap<String, Person> = HashMap::new();
    let mut buyers: HashSet<(String, String)> = HashSet::new();
    let user_list: Vec<&str> = users.into_iter().collect();
    for chunk in pieces(&user_list) {
        let sql = format!(
            "SELECT id, country, language, footprints_off FROM users WHERE id IN ({})",
            placeholders(1, chunk.len())
        );
        let mut q = sqlx::query_as::<_, (String, String, String, i64)>(&sql);
        for u in chunk {
            q = q.bind(*u);
        }
        for (id, country, language, off) in q.fetch_all(db.writer_pool()).await? {
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
        buyers.extend(q.fetch_all(db.writer_pool()).await?);
    }
    let kept: Vec<&Recorded> = events
        .iter()
        .filter(|e| match e.user_id.as_deref() {
            Some(u) => people.get(u).is_some_and(|p| !p.off),
            None => true,
        })
        .collect();
    if kept.is_empty() {
        return Ok(Stored::default());
    }
    let mut tx = db.begin_writer().await?;
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
    multi::<NoRows>(
        &mut tx,
        "INSERT INTO footprints (expo_id, actor, user_id, kind, target_kind, target_id, \
         exhibitor_id, industry, millis, at)",
        "",
        &raw,
        false,
    )
    .await?;

    // The per-day roll-up, one row per actor, day and page.
    type DayKey<'a> = (&'a str, &'a str, &'a str, &'static str, &'a str);
    // The first event of each row, its views and time.
    let mut days: BTreeMap<DayKey<'_>, (usize, i64, i64)> = BTreeMap::new();
    for (i, e) in kept.iter().enumerate() {
        let t = &e.target;
        let key = (
            t.expo_id.as_str(),
            e.actor.as_str(),
            e.day.as_str(),
            t.kind,
            t.id.as_str(),
        );
        let row = days.entry(key).or_insert((i, 0, 0));
        row.1 += i64::from(e.kind == "view");
        row.2 += e.millis;
    }
    let day_rows: Vec<Vec<Val>> = days
        .iter()
        .map(|((expo, actor, day, kind, id), (i, views, millis))| {
            let e = kept[*i];
            vec![
                Val::Text((*expo).to_owned()),
                Val::Text((*actor).to_owned()),
                Val::Opt(e.user_id.clone()),
                Val::Text((*day).to_owned()),
                Val::Text((*kind).to_owned()),
                Val::Text((*id).to_owned()),
                Val::Opt(e.target.exhibitor_id.clone()),
                Val::Text(e.target.industry.clone()),
                Val::Int(*views),
                Val::Int(*millis),
            ]
        })
        .collect();
    // A booth page's time in the day after this batch, to move its visit between length buckets.
    let booth_time: Vec<(String, String, String, String, i64)> = multi(
        &mut tx,
        "INSERT INTO footprint_days (expo_id, actor, user_id, day, target_kind, target_id, \
         exhibitor_id, industry, views, millis)",
        "ON CONFLICT (expo_id, actor, day, target_kind, target_id) DO UPDATE SET \
         views = footprint_days.views + excluded.views, \
         millis = footprint_days.millis + excluded.millis \
         RETURNING expo_id, actor, day, target_kind, target_id, millis",
        &day_rows,
        true,
    )
    .await?
    .into_iter()
    .filter(|r: &(String, String, String, String, String, i64)| r.3 == "booth")
    .map(|(expo, actor, day, _, booth, millis)| (expo, actor, day, booth, millis))
    .collect();

    // Each event's places and periods, computed once: the maps below borrow from them.
    let spots: Vec<(Vec<String>, [String; 3])> =
        kept.iter().map(|e| (e.places(), e.periods())).collect();
    // Each place's visitors per period: a row inserted is a new visitor.
    let mut gains: BTreeMap<(&str, &str, &str), Gain> = BTreeMap::new();
    // (expo, period, place, actor) → (person, buyer)
    let mut visitors: BTreeMap<VisitorRef<'_>, (Option<&str>, bool)> = BTreeMap::new();
    for (e, (places, periods)) in kept.iter().zip(&spots) {
        let buyer = is_buyer(e);
        let view = i64::from(e.kind == "view");
        let expo = e.target.expo_id.as_str();
        for place in places {
            for period in periods {
                let key = (expo, period.as_str(), place.as_str(), e.actor.as_str());
                if !visitors.contains_key(&key) && !known(&key) {
                    visitors.insert(key, (e.user_id.as_deref(), buyer));
                }
                let g = gains.entry((expo, place, period)).or_default();
                g.views += view;
                g.booth_views += view * i64::from(e.target.kind == "booth");
                g.product_views += view * i64::from(e.target.kind == "product");
                g.millis += e.millis;
            }
        }
    }
    // Booth visits that got longer: out of their old bucket (none if they had no time yet),
    // into the new one, for the day and all days of the expo, the booth's hall and the booth.
    for (expo, actor, day, booth, millis) in &booth_time {
        let Some((i, _, added)) = days.get(&(
            expo.as_str(),
            actor.as_str(),
            day.as_str(),
            "booth",
            booth.as_str(),
        )) else {
            continue;
        };
        if *added <= 0 {
            continue;
        }
        let before = millis - added;
        let (old, new) = (
            (before > 0).then(|| domain::analysis::dwell_bucket(before)),
            domain::analysis::dwell_bucket(*millis),
        );
        if old == Some(new) {
            continue;
        }
        for place in &spots[*i].0 {
            for period in [day.as_str(), ""] {
                let g = gains.entry((expo, place, period)).or_default();
                if let Some(o) = old {
                    g.dwell[o] -= 1;
                }
                g.dwell[new] += 1;
            }
        }
    }
    let visitor_rows: Vec<Vec<Val>> = visitors
        .iter()
        .map(|((expo, period, place, actor), (user, buyer))| {
            vec![
                Val::Text((*expo).to_owned()),
                Val::Text((*period).to_owned()),
                Val::Text((*place).to_owned()),
                Val::Text((*actor).to_owned()),
                Val::Opt(user.map(str::to_owned)),
                Val::Int(i64::from(*buyer)),
            ]
        })
        .collect();
    let new_rows: Vec<VisitorKey> = multi(
        &mut tx,
        "INSERT INTO footprint_visitors (expo_id, day, place, actor, user_id, buyer)",
        "ON CONFLICT (expo_id, day, place, actor) DO NOTHING RETURNING expo_id, day, place, actor",
        &visitor_rows,
        true,
    )
    .await?;
    let mut breakdown: BTreeMap<(&str, &str, &'static str, &str), i64> = BTreeMap::new();
    for (expo, period, place, actor) in &new_rows {
        let Some((&(expo, period, place, _), &(user, buyer))) = visitors.get_key_value(&(
            expo.as_str(),
            period.as_str(),
            place.as_str(),
            actor.as_str(),
        )) else {
            continue;
        };
        // The expo's visitors of a day, by country and language.
        if place.is_empty() && period.len() == 10 {
            let p = user.and_then(|u| people.get(u));
            for (dimension, value) in [
                ("country", p.map_or("", |p| p.country.as_str())),
                ("language", p.map_or("", |p| p.language.as_str())),
            ] {
                *breakdown
                    .entry((expo, period, dimension, value))
                    .or_default() += 1;
            }
        }
        let g = gains.entry((expo, place, period)).or_default();
        g.visitors += 1;
        g.buyers += i64::from(buyer);
    }
    let total_rows: Vec<Vec<Val>> = gains
        .iter()
        .map(|((expo, place, period), g)| {
            let mut row = vec![
                Val::Text((*expo).to_owned()),
                Val::Text((*place).to_owned()),
                Val::Text((*period).to_owned()),
                Val::Int(g.visitors),
                Val::Int(g.buyers),
                Val::Int(g.views),
                Val::Int(g.booth_views),
                Val::Int(g.product_views),
                Val::Int(g.millis),
            ];
            row.extend(g.dwell.iter().map(|d| Val::Int(*d)));
            row
        })
        .collect();
    multi::<NoRows>(
        &mut tx,
        "INSERT INTO footprint_totals (expo_id, place, day, visitors, buyers, views, booth_views, \
         product_views, millis, dwell0, dwell1, dwell2, dwell3, dwell4, dwell5)",
        "ON CONFLICT (expo_id, place, day) DO UPDATE SET \
         visitors = footprint_totals.visitors + excluded.visitors, \
         buyers = footprint_totals.buyers + excluded.buyers, \
         views = footprint_totals.views + excluded.views, \
         booth_views = footprint_totals.booth_views + excluded.booth_views, \
         product_views = footprint_totals.product_views + excluded.product_views, \
         millis = footprint_totals.millis + excluded.millis, \
         dwell0 = footprint_totals.dwell0 + excluded.dwell0, \
         dwell1 = footprint_totals.dwell1 + excluded.dwell1, \
         dwell2 = footprint_totals.dwell2 + excluded.dwell2, \
         dwell3 = footprint_totals.dwell3 + excluded.dwell3, \
         dwell4 = footprint_totals.dwell4 + excluded.dwell4, \
         dwell5 = footprint_totals.dwell5 + excluded.dwell5",
        &total_rows,
        false,
    )
    .await?;
    let breakdown_rows: Vec<Vec<Val>> = breakdown
        .iter()
        .map(|((expo, day, dimension, value), n)| {
            vec![
                Val::Text((*expo).to_owned()),
                Val::Text((*day).to_owned()),
                Val::Text((*dimension).to_owned()),
                Val::Text((*value).to_owned()),
                Val::Int(*n),
            ]
        })
        .collect();
    multi::<NoRows>(
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
    multi::<NoRows>(
        &mut tx,
        "INSERT INTO match_dirty (expo_id, subject, at)",
        "ON CONFLICT (expo_id, subject) DO UPDATE SET at = excluded.at",
        &dirty_rows,
        false,
    )
    .await?;
    crate::commit(tx).await?;
    Ok(Stored {
        kept: kept.len(),
        visitors: visitors
            .into_keys()
            .map(|(expo, period, place, actor)| {
                (
                    expo.to_owned(),
                    period.to_owned(),
                    place.to_owned(),
                    actor.to_owned(),
                )
            })
            .collect(),
    })
}

/// Counts a person who became a buyer of an expo among the buyers of every place and period
/// they visited (the visits stay where they were counted; only the buyers grow).
pub async fn buyer_joined(tx: &mut crate::Tx, expo_id: &str, user_id: &str) -> Result<()> {
    let mut places: Vec<(String, String)> = sqlx::query_as(
        "UPDATE footprint_visitors SET buyer = 1 WHERE user_id = $1 AND expo_id = $2 \
         AND buyer = 0 RETURNING place, day",
    )
    .bind(user_id)
    .bind(expo_id)
    .fetch_all(&mut **tx)
    .await?;
    // In the writer's order (place, then period), so the two never wait on each other in a
    // cycle on PostgreSQL.
    places.sort();
    for (place, day) in places {
        sqlx::query(
            "UPDATE footprint_totals SET buyers = buyers + 1 \
             WHERE expo_id = $1 AND place = $2 AND day = $3",
        )
        .bind(expo_id)
        .bind(place)
        .bind(day)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
