//! The database's part of an expo's live counters: visitors, views, messages, meetings and trade,
//! today (from `since`, the expo's local midnight, or `day`, its date) and in all. Visitors and
//! views are read from the totals counted as footprints arrive
//! ([`crate::footprint_ingest`]), a few rows however many events were recorded; the other
//! groups of figures are one query over one table (with its room or meeting) each.

use crate::{Db, Result};
use domain::analytics::{Figure, LiveCounters};

/// Rows of a country or language breakdown, at most.
const BREAKDOWN_ROWS: i64 = 50;

/// Everything the database knows of the expo's counters at `now`, `day` being today's date in
/// the expo's time zone and `since` its start (online people, who live in the realtime hub,
/// and the deal totals, which need the rate table's arithmetic, are left empty).
pub async fn snapshot(
    db: &Db,
    expo_id: &str,
    since: i64,
    day: &str,
    now: i64,
) -> Result<LiveCounters> {
    let pool = db.pool();
    // Visitors and views, from the totals counted as footprints arrive (today's row and the
    // row of all days).
    let totals = |d: &str| {
        sqlx::query_as::<_, (i64, i64, i64, i64)>(
            "SELECT visitors, buyers, booth_views, product_views FROM footprint_totals \
             WHERE expo_id = $1 AND place = '' AND day = $2",
        )
        .bind(expo_id.to_owned())
        .bind(d.to_owned())
        .fetch_optional(pool)
    };
    let (visitors_today, buyers_today, booth_today, product_today) =
        totals(day).await?.unwrap_or_default();
    let (visitors_total, buyers_total, booth_total, product_total) =
        totals("").await?.unwrap_or_default();
    let messages = figure(
        db,
        "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN m.created_at >= $2 THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM chat_messages m JOIN chat_rooms r ON r.id = m.room_id \
         WHERE r.expo_id = $1 AND m.deleted_at IS NULL",
        expo_id,
        since,
    )
    .await?;
    let meetings = figure(
        db,
        "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN started_at >= $2 THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM meetings WHERE expo_id = $1 AND started_at IS NOT NULL",
        expo_id,
        since,
    )
    .await?;
    // Everyone's time in meetings, the time of those still in one counted up to now.
    let (seconds,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(p.seconds_present + CASE WHEN p.present_since IS NULL THEN 0 \
           ELSE ($2 - p.present_since) / 1000 END), 0) AS BIGINT) \
         FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id WHERE m.expo_id = $1",
    )
    .bind(expo_id)
    .bind(now)
    .fetch_one(pool)
    .await?;
    let inquiries = figure(
        db,
        "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN created_at >= $2 THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM inquiries WHERE expo_id = $1",
        expo_id,
        since,
    )
    .await?;
    let quotes = figure(
        db,
        "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN q.created_at >= $2 THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM quotes q JOIN inquiries i ON i.id = q.inquiry_id WHERE i.expo_id = $1",
        expo_id,
        since,
    )
    .await?;
    let appointments = figure(
        db,
        "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN created_at >= $2 THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM appointments WHERE expo_id = $1",
        expo_id,
        since,
    )
    .await?;
    let (accepted,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM appointments WHERE expo_id = $1 AND status = 'accepted'",
    )
    .bind(expo_id)
    .fetch_one(pool)
    .await?;
    let (live_viewers, live_viewers_peak): (i64, i64) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(viewers_now), 0) AS BIGINT), \
           COALESCE((SELECT viewers FROM live_viewer_peaks WHERE expo_id = $1 AND day = $2), 0) \
         FROM live_streams WHERE expo_id = $1 AND state = 'live'",
    )
    .bind(expo_id)
    .bind(day)
    .fetch_one(pool)
    .await?;
    Ok(LiveCounters {
        at: now,
        online_now: 0,
        visitors: Figure {
            today: visitors_today,
            total: visitors_total,
        },
        buyers: Figure {
            today: buyers_today,
            total: buyers_total,
        },
        booth_views: Figure {
            today: booth_today,
            total: booth_total,
        },
        product_views: Figure {
            today: product_today,
            total: product_total,
        },
        messages,
        meetings,
        meeting_minutes: seconds / 60,
        live_viewers,
        // The peak is written every few seconds; now may be above it in between.
        live_viewers_peak: live_viewers_peak.max(live_viewers),
        inquiries,
        quotes,
        appointments,
        appointments_accepted: accepted,
        deals: Vec::new(),
        deal_base: String::new(),
        deal_total: 0,
        deal_unconverted: Vec::new(),
        countries_today: breakdown(db, "country", expo_id, day).await?,
        languages_today: breakdown(db, "language", expo_id, day).await?,
    })
}

/// A (total, today) query's figure.
async fn figure(db: &Db, sql: &str, expo_id: &str, since: i64) -> Result<Figure> {
    let (total, today): (i64, i64) = sqlx::query_as(sql)
        .bind(expo_id)
        .bind(since)
        .fetch_one(db.pool())
        .await?;
    Ok(Figure { today, total })
}

/// A day's visitors by the country or the language of their account (empty for visitors not
/// signed in), most first.
async fn breakdown(
    db: &Db,
    dimension: &str,
    expo_id: &str,
    day: &str,
) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT value, visitors FROM footprint_breakdown \
         WHERE expo_id = $1 AND day = $2 AND dimension = $3 \
         ORDER BY visitors DESC, value LIMIT $4",
    )
    .bind(expo_id)
    .bind(day)
    .bind(dimension)
    .bind(BREAKDOWN_ROWS)
    .fetch_all(db.pool())
    .await?)
}

/// Records how many people watch a broadcast now (while it is on air) and raises its expo's
/// peak for `day` (the expo's date) to the sum over its broadcasts on air, if that is higher.
pub async fn record_viewers(db: &Db, stream_id: &str, viewers: i64, day: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE live_streams SET viewers_now = $2 WHERE id = $1 AND state = 'live'")
        .bind(stream_id)
        .bind(viewers)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO live_viewer_peaks (expo_id, day, viewers) \
         SELECT s.expo_id, $2, (SELECT CAST(COALESCE(SUM(o.viewers_now), 0) AS BIGINT) \
           FROM live_streams o WHERE o.expo_id = s.expo_id AND o.state = 'live') \
         FROM live_streams s WHERE s.id = $1 AND s.state = 'live' \
         ON CONFLICT (expo_id, day) DO UPDATE SET viewers = CASE \
           WHEN excluded.viewers > live_viewer_peaks.viewers THEN excluded.viewers \
           ELSE live_viewer_peaks.viewers END",
    )
    .bind(stream_id)
    .bind(day)
    .execute(&mut *tx)
    .await?;
    crate::commit(tx).await
}

/// The expo's time zone, if the expo exists.
pub async fn time_zone(db: &Db, expo_id: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT time_zone FROM expos WHERE id = $1")
            .bind(expo_id)
            .fetch_optional(db.pool())
            .await?,
    )
}

/// The time zone of a broadcast's expo, if the broadcast exists.
pub async fn stream_time_zone(db: &Db, stream_id: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT e.time_zone FROM live_streams s JOIN expos e ON e.id = s.expo_id WHERE s.id = $1",
    )
    .bind(stream_id)
    .fetch_optional(db.pool())
    .await?)
}

/// Whether the home page shows the expo's headline figures.
pub async fn public(db: &Db, expo_id: &str) -> Result<bool> {
    let on: Option<i64> = sqlx::query_scalar("SELECT public_counters FROM expos WHERE id = $1")
        .bind(expo_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(on.unwrap_or(0) != 0)
}

/// Shows or hides the expo's headline figures on the home page.
pub async fn set_public(db: &Db, expo_id: &str, on: bool) -> Result<()> {
    sqlx::query("UPDATE expos SET public_counters = $2 WHERE id = $1")
        .bind(expo_id)
        .bind(i64::from(on))
        .execute(db.pool())
        .await?;
    Ok(())
}
