//! `expo-server analytics bench`: records generated footprints into a fresh database through the
//! writer's batches (what the beacons' writer does), then measures the storage they take and
//! times the organizer's dashboard (the live counters) and the analysis page's queries over them.
//! Prints `RESULT` lines for `cargo xtask bench analytics`.
//!
//! The generated fair: one expo with its industry halls, exhibitors with two products each and
//! buyers with profiles (as `match bench` makes them); five days, each with visits of signed-in
//! buyers and of visitors not signed in. A visit starts in a hall and looks at eight booths, mostly
//! of that hall: each booth's page and products are viewed, time is spent on them, some pages
//! are seen twice.

use crate::match_bench::percentile;
use db::footprint::Target;
use db::footprint_ingest::Recorded;
use db::matching_bench::Rng;
use std::sync::Arc;
use std::time::Instant;

/// Events per transaction, as the writer takes them under load.
const BATCH: usize = 2_000;
/// Days of the generated fair.
const DAYS: [&str; 5] = [
    "2026-12-01",
    "2026-12-02",
    "2026-12-03",
    "2026-12-04",
    "2026-12-05",
];

/// A booth's page and its products' pages.
type Booth = (Arc<Target>, Vec<Arc<Target>>);

/// The places a visit can look at.
struct Fair {
    halls: Vec<Arc<Target>>,
    /// Per hall, its booths: the booth page and its products' pages.
    booths: Vec<Vec<Booth>>,
    buyers: Vec<String>,
}

async fn load_fair(db: &db::Db, expo: String, buyers: Vec<String>) -> anyhow::Result<Fair> {
    let places = db::footprint_bench::places(db, &expo).await?;
    let target = |kind: &'static str, id: &str, booth: Option<&str>, hall: &str, ind: &str| {
        Arc::new(Target {
            expo_id: expo.clone(),
            kind,
            id: id.to_owned(),
            exhibitor_id: booth.map(str::to_owned),
            hall_id: Some(hall.to_owned()),
            industry: ind.to_owned(),
            time_zone: "UTC".to_owned(),
        })
    };
    let mut halls = Vec::new();
    let mut booths = Vec::new();
    for (hall, industry, in_hall) in &places {
        halls.push(target("hall", hall, None, hall, industry));
        booths.push(
            in_hall
                .iter()
                .map(|(id, products)| {
                    (
                        target("booth", id, Some(id), hall, industry),
                        products
                            .iter()
                            .map(|(p, category)| target("product", p, Some(id), hall, category))
                            .collect(),
                    )
                })
                .collect(),
        );
    }
    Ok(Fair {
        halls,
        booths,
        buyers,
    })
}

/// One visit's events: a hall, then eight booths (three in four in that hall).
fn visit(fair: &Fair, rng: &mut Rng, day: usize, actor: &str, user: Option<&str>) -> Vec<Recorded> {
    let day_start = 1_796_083_200_000 + day as i64 * 86_400_000; // 2026-12-01T00:00Z + days
    let mut at = day_start + (8 + rng.below(10) as i64) * 3_600_000 + rng.below(3_600_000) as i64;
    let mut out = Vec::with_capacity(64);
    let event = |target: &Arc<Target>, kind: &'static str, millis: i64, at: i64| Recorded {
        actor: actor.to_owned(),
        user_id: user.map(str::to_owned),
        kind,
        target: target.clone(),
        millis,
        at,
        day: DAYS[day].to_owned(),
        hour: (at - day_start) / 3_600_000,
    };
    let hall = rng.below(fair.halls.len());
    out.push(event(&fair.halls[hall], "view", 0, at));
    for _ in 0..8 {
        let h = if rng.below(4) < 3 {
            hall
        } else {
            rng.below(fair.halls.len())
        };
        let Some((booth, products)) = fair.booths[h].get(rng.below(fair.booths[h].len().max(1)))
        else {
            continue;
        };
        at += 5_000;
        out.push(event(booth, "view", 0, at));
        let stay = 2_000 + rng.below(240_000) as i64;
        at += stay;
        out.push(event(booth, "dwell", stay, at));
        for p in products {
            at += 3_000;
            out.push(event(p, "view", 0, at));
            if rng.below(2) == 0 {
                let stay = 1_000 + rng.below(90_000) as i64;
                at += stay;
                out.push(event(p, "dwell", stay, at));
            }
        }
        if rng.below(10) < 3 {
            out.push(event(booth, "view", 0, at));
        }
    }
    out
}

/// Size of the database's files (SQLite: the file and its log), in bytes.
fn file_bytes(url: &str) -> u64 {
    let Some(path) = url.strip_prefix("sqlite:") else {
        return 0;
    };
    let path = path.split('?').next().unwrap_or(path);
    ["", "-wal"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{path}{s}")).ok())
        .map(|m| m.len())
        .sum()
}

/// Runs the bench against the database at `url` (it must be empty).
pub async fn run(events: usize, buyers: usize, exhibitors: usize, url: &str) -> anyhow::Result<()> {
    let db = db::Db::connect(url, 4).await?;
    db.migrate().await?;
    let (expo, buyer_ids) = db::matching_bench::seed(&db, buyers, exhibitors, 0x616e_616c).await?;
    // The generated buyers' sample visits are not footprints recorded through the writer.
    db::footprint_bench::clear_sample_visits(&db).await?;
    let fair = load_fair(&db, expo.clone(), buyer_ids).await?;
    let size_before = file_bytes(url);

    // Record: visits of buyers (two in five) and of visitors not signed in, day by day.
    let mut rng = Rng(0x666f_6f74);
    let mut batch: Vec<Recorded> = Vec::with_capacity(BATCH + 64);
    let mut written = 0usize;
    let mut batch_ms: Vec<f64> = Vec::new();
    // The writer's memory of the places' visitors it stored, as a node keeps it.
    let memory = app::analytics::ingest::VisitorMemory::default();
    let started = Instant::now();
    let per_day = events / DAYS.len();
    for day in 0..DAYS.len() {
        let mut today = 0;
        let mut n = 0u64;
        while today < per_day {
            n += 1;
            let buyer = rng.below(5) < 2;
            let actor = if buyer {
                fair.buyers[rng.below(fair.buyers.len())].clone()
            } else {
                format!("v:{day}-{n}")
            };
            let user = buyer.then_some(actor.as_str());
            let mut v = visit(&fair, &mut rng, day, &actor, user);
            v.truncate(per_day - today);
            today += v.len();
            batch.extend(v);
            if batch.len() >= BATCH {
                let t = Instant::now();
                written += memory.record(&db, &batch).await?;
                batch_ms.push(t.elapsed().as_secs_f64() * 1000.0);
                batch.clear();
            }
        }
    }
    if !batch.is_empty() {
        written += memory.record(&db, &batch).await?;
    }
    let secs = started.elapsed().as_secs_f64();
    batch_ms.sort_by(f64::total_cmp);
    println!("recorded {written} events in {secs:.1} s");
    println!("RESULT events {written}");
    println!(
        "RESULT ingest_in_process_events_per_s {:.0}",
        written as f64 / secs
    );
    println!(
        "RESULT batch_of_{BATCH}_p50_ms {:.1}",
        percentile(&batch_ms, 0.5)
    );
    println!(
        "RESULT batch_of_{BATCH}_p99_ms {:.1}",
        percentile(&batch_ms, 0.99)
    );

    // Storage.
    db::footprint_bench::checkpoint(&db).await?;
    for table in [
        "footprints",
        "footprint_days",
        "footprint_visitors",
        "footprint_totals",
    ] {
        let n = db::footprint_bench::rows(&db, table).await?;
        println!("RESULT rows_{table} {n}");
    }
    let grown = file_bytes(url).saturating_sub(size_before);
    if grown > 0 && written > 0 {
        println!(
            "RESULT storage_mib_per_million_events {:.0}",
            grown as f64 / 1_048_576.0 / (written as f64 / 1_000_000.0)
        );
        println!("RESULT storage_mib_total {:.0}", grown as f64 / 1_048_576.0);
    }

    // The dashboard: the live counters of the last day, as the pusher computes them.
    let last = DAYS[DAYS.len() - 1];
    let (since, _) = app::analytics::service::day_bounds("UTC", last).unwrap_or((0, 0));
    let mut times = Vec::new();
    for _ in 0..300 {
        let t = Instant::now();
        let c = db::counters::snapshot(&db, &expo, since, last, since + 80_000_000).await?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(c);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "RESULT dashboard_counters_p50_ms {:.2}",
        percentile(&times, 0.5)
    );
    println!(
        "RESULT dashboard_counters_p99_ms {:.2}",
        percentile(&times, 0.99)
    );
    let c = db::counters::snapshot(&db, &expo, since, last, since + 80_000_000).await?;
    println!(
        "last day: {} visitors ({} buyers), {} booth views; in all {} visitors",
        c.visitors.today, c.buyers.today, c.booth_views.today, c.visitors.total
    );

    // The analysis page: every query it makes, for the whole expo (all days and one day), a
    // hall on one day and a booth over all days.
    let hall = fair.halls[0].id.clone();
    let booth = fair.booths[0][0].0.id.clone();
    let scopes = [
        ("expo_all_days", None, None, None),
        ("expo_one_day", Some(last), None, None),
        ("hall_one_day", Some(last), Some(hall), None),
        ("booth_all_days", None, None, Some(booth)),
    ];
    let mut worst = 0.0f64;
    for (name, day, hall, booth) in scopes {
        let (from, to) = match day {
            Some(d) => app::analytics::service::day_bounds("UTC", d).unwrap_or((0, i64::MAX)),
            None => (0, i64::MAX),
        };
        let scope = db::analysis::Scope {
            expo_id: expo.clone(),
            day: day.map(str::to_owned),
            from,
            to,
            hall,
            booth,
        };
        let mut page = Vec::new();
        let mut slowest: Vec<(&str, f64)> = Vec::new();
        for _ in 0..40 {
            let whole = Instant::now();
            let mut each = Vec::new();
            macro_rules! timed {
                ($label:expr, $e:expr) => {{
                    let t = Instant::now();
                    std::hint::black_box($e.await?);
                    each.push(($label, t.elapsed().as_secs_f64() * 1000.0));
                }};
            }
            timed!("days", db::analysis::days(&db, &expo));
            timed!("totals", db::analysis::totals(&db, &scope));
            timed!("traffic", db::analysis::traffic(&db, &scope));
            timed!("by_hall", db::analysis::by_hall(&db, &scope));
            timed!("by_booth", db::analysis::by_booth(&db, &scope));
            timed!("dwell", db::analysis::dwell(&db, &scope));
            timed!("funnel", db::analysis::funnel(&db, &scope));
            timed!("deals", db::analysis::deals(&db, &scope));
            timed!("searches", db::analysis::searches(&db, &scope, false));
            timed!("sources", db::analysis::sources(&db, &scope));
            timed!(
                "buyer_countries",
                db::analysis::buyer_countries(&db, &scope)
            );
            page.push(whole.elapsed().as_secs_f64() * 1000.0);
            if slowest.is_empty() {
                slowest = each;
            } else {
                for (s, e) in slowest.iter_mut().zip(each) {
                    s.1 = s.1.max(e.1);
                }
            }
        }
        page.sort_by(f64::total_cmp);
        let (label, ms) = slowest
            .iter()
            .copied()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or(("", 0.0));
        worst = worst.max(ms);
        println!(
            "RESULT analysis_{name}_all_queries_p50_ms {:.2}",
            percentile(&page, 0.5)
        );
        println!(
            "RESULT analysis_{name}_all_queries_p99_ms {:.2}",
            percentile(&page, 0.99)
        );
        println!("RESULT analysis_{name}_slowest_query {label} {ms:.2} ms");
    }
    println!("RESULT analysis_slowest_single_query_ms {worst:.2}");
    db.close().await;
    Ok(())
}

/// Prints how many footprint events the database at `url` holds.
pub async fn count(url: &str) -> anyhow::Result<()> {
    let db = db::Db::connect(url, 1).await?;
    let n = db::footprint_bench::rows(&db, "footprints").await?;
    println!("RESULT events {n}");
    db.close().await;
    Ok(())
}
