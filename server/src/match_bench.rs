//! `expo-server match bench`: writes a generated expo (buyers with profiles and booth visits,
//! exhibitors with teams and products) into a fresh database, then times a full recompute
//! (load, rank on every core, store) into the empty table and a second one that replaces it,
//! one person's incremental recompute, and reading one person's top ten. Prints `RESULT` lines for `cargo xtask bench match`.

use app::matching::engine;
use std::time::Instant;

/// The `p` (0 to 1) percentile of sorted figures, 0 when there are none.
pub(crate) fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Peak and current resident memory of this process, in MiB.
fn memory_mib() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// Runs the bench against the database at `url` (it must be empty).
pub async fn run(buyers: usize, exhibitors: usize, url: &str) -> anyhow::Result<()> {
    let db = db::Db::connect(url, 4).await?;
    db.migrate().await?;
    let started = Instant::now();
    let (expo, buyer_ids) =
        db::matching_bench::seed(&db, buyers, exhibitors, 0x6d61_7463_6821).await?;
    println!(
        "seeded {buyers} buyers and {exhibitors} exhibitors in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let (_, rss_seeded) = memory_mib();
    let full = Instant::now();
    let stats = engine::full_recompute(&db, &expo).await?;
    let full_s = full.elapsed().as_secs_f64();
    let (peak, _) = memory_mib();
    println!(
        "full recompute: {} buyers x {} exhibitors -> {} pairs kept; load {} ms, rank {} ms, store {} ms",
        stats.buyers, stats.exhibitors, stats.pairs, stats.load_ms, stats.rank_ms, stats.store_ms
    );
    println!("RESULT full_recompute_s {full_s:.2}");
    println!("RESULT full_load_ms {}", stats.load_ms);
    println!("RESULT full_rank_ms {}", stats.rank_ms);
    println!("RESULT full_store_ms {}", stats.store_ms);
    println!("RESULT pairs_kept {}", stats.pairs);
    println!("RESULT peak_rss_mib {peak:.0}");
    println!(
        "RESULT recompute_extra_mib {:.0}",
        (peak - rss_seeded).max(0.0)
    );
    // Again, as the matcher does every few hours and after new weights: the kept scores are
    // replaced.
    let again = Instant::now();
    let second = engine::full_recompute(&db, &expo).await?;
    println!(
        "RESULT second_recompute_s {:.2}",
        again.elapsed().as_secs_f64()
    );
    println!("RESULT second_store_ms {}", second.store_ms);

    let mut rng = db::matching_bench::Rng(7);
    let mut reads = Vec::with_capacity(2000);
    for _ in 0..2000 {
        let b = &buyer_ids[rng.below(buyer_ids.len())];
        let t = Instant::now();
        let top = db::matching::for_buyer(&db, &expo, b, 10).await?;
        reads.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(top);
    }
    reads.sort_by(f64::total_cmp);
    println!("RESULT top10_read_p50_ms {:.3}", percentile(&reads, 0.5));
    println!("RESULT top10_read_p99_ms {:.3}", percentile(&reads, 0.99));

    let weights = engine::weights(&db, &expo).await?;
    let t = Instant::now();
    let loaded = engine::load_model(&db, &expo, weights).await?;
    println!("RESULT model_load_ms {}", t.elapsed().as_millis());
    let mut one = Vec::with_capacity(200);
    for _ in 0..200 {
        let b = &buyer_ids[rng.below(buyer_ids.len())];
        let t = Instant::now();
        engine::recompute_buyer(&db, &expo, &loaded, b).await?;
        one.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    one.sort_by(f64::total_cmp);
    println!("RESULT incremental_p50_ms {:.2}", percentile(&one, 0.5));
    println!("RESULT incremental_p99_ms {:.2}", percentile(&one, 0.99));
    db.close().await;
    Ok(())
}
