//! Loads the matcher's view of an expo from the database, ranks it (in parallel for a full
//! recompute, one buyer at a time for an incremental one) and stores what it keeps.

use db::matching::SignalKind;
use db::Db;
use domain::matching::{
    country_index, country_set, industry_bit, industry_set, language_bit, Buyer, Engagement,
    Exhibitor, Model, Reasons, Weights, MIN_SCORE, STRONG_SCORE, TOP_PER_BUYER,
};
use std::collections::HashMap;

/// A model and the ids behind its indexes.
pub struct Loaded {
    /// The model.
    pub model: Model,
    /// Exhibitor ids by index.
    pub ids: Vec<String>,
    index: HashMap<String, u32>,
}

impl Loaded {
    /// The index of an exhibitor id.
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.index.get(id).copied()
    }
}

/// The expo's weights (the defaults until the organizer sets them).
pub async fn weights(db: &Db, expo_id: &str) -> Result<Weights, db::Error> {
    Ok(db::matching::weights(db, expo_id)
        .await?
        .and_then(|w| serde_json::from_str(&w).ok())
        .unwrap_or_default())
}

/// Loads the exhibitors of an expo into a model with the given weights.
pub async fn load_model(db: &Db, expo_id: &str, weights: Weights) -> Result<Loaded, db::Error> {
    let rows = db::matching::exhibitors(db, expo_id).await?;
    let index: HashMap<String, u32> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i as u32))
        .collect();
    let mut exhibitors: Vec<Exhibitor> = rows
        .iter()
        .map(|r| Exhibitor {
            industries: r.industry.as_deref().and_then(industry_bit).unwrap_or(0),
            country: country_index(&r.country).unwrap_or(u8::MAX),
            languages: 0,
            min_volume: 0,
            verified: r.verified != 0,
        })
        .collect();
    for (id, category) in db::matching::exhibitor_categories(db, expo_id).await? {
        if let (Some(i), Some(bit)) = (index.get(&id), industry_bit(&category)) {
            exhibitors[*i as usize].industries |= bit;
        }
    }
    for (id, tag) in db::matching::exhibitor_languages(db, expo_id).await? {
        if let (Some(i), Some(l)) = (index.get(&id), domain::Locale::parse(&tag)) {
            exhibitors[*i as usize].languages |= language_bit(l);
        }
    }
    // The minimum order's value in US dollars: converted with the organizer's rate table when
    // it is in another currency the table knows, otherwise left out (any buyer fits).
    let (base, rates) = db::trade::rates(db, expo_id).await?;
    let mut smallest: HashMap<u32, i64> = HashMap::new();
    for (id, currency, minor) in db::matching::exhibitor_min_orders(db, expo_id).await? {
        let Some(i) = index.get(&id) else { continue };
        let Some(usd) = to_usd(minor, &currency, &base, &rates) else {
            continue;
        };
        let e = smallest.entry(*i).or_insert(usd);
        *e = (*e).min(usd);
    }
    for (i, usd) in smallest {
        exhibitors[i as usize].min_volume = domain::matching::volume_band_for_order(usd);
    }
    let ids = rows.into_iter().map(|r| r.id).collect();
    Ok(Loaded {
        model: Model::new(weights, exhibitors),
        ids,
        index,
    })
}

/// Whole US dollars of an amount in minor units, through the expo's base currency.
fn to_usd(minor: i64, currency: &str, base: &str, rates: &[domain::trade::Rate]) -> Option<i64> {
    let rate_of = |c: &str| {
        if c == base {
            Some(100_000_000)
        } else {
            rates.iter().find(|r| r.currency == c).map(|r| r.rate_e8)
        }
    };
    let usd_minor = if currency == "USD" {
        minor
    } else {
        let in_base = domain::trade::convert(minor, currency, base, rate_of(currency)?)?;
        if base == "USD" {
            in_base
        } else {
            // base → USD is the inverse of USD's rate into base.
            let usd_rate = rate_of("USD")?;
            domain::trade::convert(
                in_base,
                base,
                "USD",
                (10i128.pow(16) / i128::from(usd_rate.max(1))) as i64,
            )?
        }
    };
    Some(usd_minor / 100)
}

/// Loads the people to match (all of an expo's, or one) with their behaviour.
pub async fn load_buyers(
    db: &Db,
    expo_id: &str,
    loaded: &Loaded,
    only: Option<&str>,
) -> Result<(Vec<String>, Vec<Buyer>), db::Error> {
    let rows = db::matching::buyers(db, expo_id, only).await?;
    let mut ids = Vec::with_capacity(rows.len());
    let mut buyers = Vec::with_capacity(rows.len());
    let mut position: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    let mut off = Vec::with_capacity(rows.len());
    for r in rows {
        position.insert(r.id.clone(), buyers.len());
        let split = |s: &Option<String>| {
            s.as_deref()
                .unwrap_or("")
                .split(',')
                .filter(|x| !x.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        let interests = split(&r.interests);
        let countries = split(&r.countries);
        buyers.push(Buyer {
            declared: industry_set(interests.iter().map(String::as_str)),
            countries: country_set(countries.iter().map(String::as_str)),
            volume: r
                .volume
                .as_deref()
                .and_then(domain::buyer::Volume::parse)
                .and_then(|v| domain::buyer::Volume::ALL.iter().position(|x| *x == v))
                .map(|i| i as u8),
            language: language_bit(domain::Locale::parse(&r.language).unwrap_or_default()),
            verified: r.verified_at.is_some(),
            ..Buyer::default()
        });
        off.push(r.footprints_off != 0);
        ids.push(r.id);
    }
    let mut engaged: Vec<HashMap<u32, Engagement>> = vec![HashMap::new(); buyers.len()];
    for s in db::matching::signals(db, expo_id, only).await? {
        let (Some(&b), Some(e)) = (position.get(&s.user_id), loaded.index_of(&s.exhibitor_id))
        else {
            continue;
        };
        if s.kind == SignalKind::Dismissed {
            buyers[b].dismissed.push(e);
            let ex = loaded.model.exhibitors()[e as usize];
            buyers[b].dismissed_traits.push((ex.industries, ex.country));
            continue;
        }
        if off[b] {
            continue;
        }
        let small = |n: i64| u8::try_from(n.clamp(0, 255)).unwrap_or(u8::MAX);
        let mid = |n: i64| u16::try_from(n.clamp(0, 65_535)).unwrap_or(u16::MAX);
        let mut add = Engagement::default();
        match s.kind {
            SignalKind::Booth => {
                add.booth_views = mid(s.count);
                add.seconds =
                    u32::try_from((s.millis / 1000).clamp(0, i64::from(u32::MAX))).unwrap_or(0);
            }
            SignalKind::Product => {
                add.product_views = mid(s.count);
                add.products_seen = mid(s.distinct);
                add.seconds =
                    u32::try_from((s.millis / 1000).clamp(0, i64::from(u32::MAX))).unwrap_or(0);
            }
            SignalKind::Favorite => add.favorites = small(s.count),
            SignalKind::Inquiry => add.inquiries = small(s.count),
            SignalKind::Chat => add.chats = small(s.count),
            SignalKind::Meeting => add.meetings = small(s.count),
            SignalKind::Dismissed => {}
        }
        engaged[b].entry(e).or_default().add(&add);
    }
    for (b, map) in engaged.into_iter().enumerate() {
        let mut list: Vec<(u32, Engagement)> = map.into_iter().collect();
        list.sort_by_key(|(i, _)| *i);
        buyers[b].engaged = list;
        buyers[b].dismissed.sort_unstable();
        buyers[b].dismissed.dedup();
    }
    // An industry counts as browsed from its second page view on: one stray click is no
    // interest.
    for (user, industry, views) in db::matching::browsed(db, expo_id, only).await? {
        if let (Some(&b), Some(bit)) = (position.get(&user), industry_bit(&industry)) {
            if views >= 2 && !off[b] {
                buyers[b].browsed |= bit;
            }
        }
    }
    Ok((ids, buyers))
}

/// What a full recompute did, for logs and the bench.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    /// People matched.
    pub buyers: usize,
    /// Exhibitors.
    pub exhibitors: usize,
    /// Pairs kept.
    pub pairs: usize,
    /// Milliseconds loading.
    pub load_ms: u128,
    /// Milliseconds ranking.
    pub rank_ms: u128,
    /// Milliseconds storing.
    pub store_ms: u128,
}

/// Ranks every buyer against every candidate exhibitor, both ways, on all cores.
pub fn rank_all(model: &Model, buyers: &[Buyer]) -> domain::matching::Ranking {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16);
    let chunk = buyers.len().div_ceil(threads).max(1);
    let parts: Vec<domain::matching::Ranking> = std::thread::scope(|s| {
        let handles: Vec<_> = buyers
            .chunks(chunk)
            .enumerate()
            .map(|(i, slice)| s.spawn(move || model.rank(slice, (i * chunk) as u32)))
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let mut parts = parts.into_iter();
    let mut all = parts.next().unwrap_or_else(|| model.rank(&[], 0));
    for p in parts {
        all.merge(p);
    }
    all
}

/// Recomputes and stores every match of an expo.
pub async fn full_recompute(db: &Db, expo_id: &str) -> Result<Stats, crate::AppError> {
    let started = std::time::Instant::now();
    let weights = weights(db, expo_id).await?;
    let loaded = load_model(db, expo_id, weights).await?;
    let (buyer_ids, buyers) = load_buyers(db, expo_id, &loaded, None).await?;
    let load_ms = started.elapsed().as_millis();
    let ranked = std::time::Instant::now();
    let (rows, loaded, buyer_ids, buyers) = tokio::task::spawn_blocking(move || {
        let ranking = rank_all(&loaded.model, &buyers);
        let mut rows: Vec<db::matching::ScoreRow> = ranking
            .pairs()
            .into_iter()
            .filter_map(|(b, e)| {
                let (score, reasons) = loaded.model.score(&buyers[b as usize], e)?;
                Some(row(
                    &buyer_ids[b as usize],
                    &loaded.ids[e as usize],
                    score,
                    &reasons,
                ))
            })
            .collect();
        // In key order, the scores go into the table's tree by appending.
        rows.sort_unstable_by(|a, b| {
            (&a.buyer_id, &a.exhibitor_id).cmp(&(&b.buyer_id, &b.exhibitor_id))
        });
        (rows, loaded, buyer_ids, buyers)
    })
    .await
    .map_err(crate::AppError::internal)?;
    let rank_ms = ranked.elapsed().as_millis();
    let stored = std::time::Instant::now();
    db::matching::replace_all(db, expo_id, &rows, db::now_millis()).await?;
    Ok(Stats {
        buyers: buyers.len().min(buyer_ids.len()),
        exhibitors: loaded.ids.len(),
        pairs: rows.len(),
        load_ms,
        rank_ms,
        store_ms: stored.elapsed().as_millis(),
    })
}

fn row(buyer: &str, exhibitor: &str, score: u8, reasons: &Reasons) -> db::matching::ScoreRow {
    db::matching::ScoreRow {
        buyer_id: buyer.to_owned(),
        exhibitor_id: exhibitor.to_owned(),
        score: i64::from(score),
        reasons: reasons.encode(),
    }
}

/// Recomputes one person's matches against a loaded model: their best [`TOP_PER_BUYER`], and
/// every strong match beyond so the booth sees them as a lead. Returns the strong matches that
/// were not strong (or not kept) before: new leads to push.
pub async fn recompute_buyer(
    db: &Db,
    expo_id: &str,
    loaded: &Loaded,
    user_id: &str,
) -> Result<Vec<(String, u8)>, db::Error> {
    let (ids, buyers) = load_buyers(db, expo_id, loaded, Some(user_id)).await?;
    let (Some(id), Some(buyer)) = (ids.first(), buyers.first()) else {
        // Not someone to match (any more): drop what was kept.
        db::matching::replace_buyer(db, expo_id, user_id, &[], db::now_millis()).await?;
        return Ok(Vec::new());
    };
    let mut all: Vec<(u32, u8, Reasons)> = Vec::new();
    loaded
        .model
        .each_match(buyer, |e, s, r| all.push((e, s, r)));
    all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let keep: Vec<&(u32, u8, Reasons)> = all
        .iter()
        .enumerate()
        .filter(|(i, (_, s, _))| *i < TOP_PER_BUYER || *s >= STRONG_SCORE)
        .map(|(_, x)| x)
        .collect();
    let rows: Vec<db::matching::ScoreRow> = keep
        .iter()
        .filter(|(_, s, _)| *s >= MIN_SCORE)
        .map(|(e, s, r)| row(id, &loaded.ids[*e as usize], *s, r))
        .collect();
    let before = db::matching::replace_buyer(db, expo_id, id, &rows, db::now_millis()).await?;
    Ok(rows
        .iter()
        .filter(|r| {
            r.score >= i64::from(STRONG_SCORE)
                && !before
                    .iter()
                    .any(|(e, s)| *e == r.exhibitor_id && *s >= i64::from(STRONG_SCORE))
        })
        .map(|r| (r.exhibitor_id.clone(), r.score as u8))
        .collect())
}
