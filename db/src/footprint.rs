//! Footprints: page views and time spent on halls, booths, products and live rooms, kept raw a
//! bounded time and rolled up per actor, day and page as they arrive (written in batches by
//! [`crate::footprint_ingest`]).

use crate::{Db, Result};

/// What a footprint is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The expo it belongs to.
    pub expo_id: String,
    /// `hall`, `booth`, `product` or `live`.
    pub kind: &'static str,
    /// The hall slug's hall id, exhibitor id, product id or broadcast id.
    pub id: String,
    /// The booth it belongs to, if any.
    pub exhibitor_id: Option<String>,
    /// The hall it is in (a hall's own page: that hall), if any.
    pub hall_id: Option<String>,
    /// Its industry key, or empty.
    pub industry: String,
    /// The expo's time zone (IANA name), whose days the roll-up counts in.
    pub time_zone: String,
}

/// Looks a page up: a hall, a booth by exhibitor id, a product or a live broadcast by
/// id. `None` when it does not exist.
pub async fn target(db: &Db, kind: &str, id: &str) -> Result<Option<Target>> {
    let (kind, sql): (&'static str, &str) = match kind {
        "hall" => (
            "hall",
            "SELECT h.expo_id, h.id, CAST(NULL AS TEXT), h.id, h.industry, x.time_zone FROM halls h \
             JOIN expos x ON x.id = h.expo_id WHERE h.id = $1",
        ),
        "booth" => (
            "booth",
            "SELECT e.expo_id, e.id, e.id, e.hall_id, COALESCE(h.industry, ''), x.time_zone \
             FROM exhibitors e \
             JOIN expos x ON x.id = e.expo_id LEFT JOIN halls h ON h.id = e.hall_id WHERE e.id = $1",
        ),
        "product" => (
            "product",
            "SELECT e.expo_id, p.id, e.id, e.hall_id, p.category, x.time_zone FROM products p \
             JOIN exhibitors e ON e.id = p.exhibitor_id JOIN expos x ON x.id = e.expo_id \
             WHERE p.id = $1",
        ),
        "live" => (
            "live",
            "SELECT l.expo_id, l.id, l.exhibitor_id, e.hall_id, COALESCE(h.industry, ''), x.time_zone \
             FROM live_streams l JOIN expos x ON x.id = l.expo_id \
             LEFT JOIN exhibitors e ON e.id = l.exhibitor_id LEFT JOIN halls h ON h.id = e.hall_id \
             WHERE l.id = $1",
        ),
        _ => return Ok(None),
    };
    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        String,
    );
    let row: Option<Row> = sqlx::query_as(sql)
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(
        |(expo_id, id, exhibitor_id, hall_id, industry, time_zone)| Target {
            expo_id,
            kind,
            id,
            exhibitor_id,
            hall_id,
            industry,
            time_zone,
        },
    ))
}

/// Deletes raw events older than `before`; the daily roll-ups stay.
pub async fn purge(db: &Db, before: i64) -> Result<u64> {
    let r = sqlx::query("DELETE FROM footprints WHERE at < $1")
        .bind(before)
        .execute(db.pool())
        .await?;
    Ok(r.rows_affected())
}

/// Whether the person turned footprints off.
pub async fn is_off(db: &Db, user_id: &str) -> Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT footprints_off FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.is_some_and(|(off,)| off != 0))
}

/// Turns a person's footprints off (deleting every one kept of them) or back on.
pub async fn set_off(db: &Db, user_id: &str, off: bool) -> Result<()> {
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE users SET footprints_off = $1 WHERE id = $2")
        .bind(i64::from(off))
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    if off {
        // The day's counts keep them (they name nobody); the rows that name them go.
        for table in ["footprints", "footprint_days", "footprint_visitors"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
    }
    crate::commit(tx).await
}

/// Totals of what a person looked at in an expo.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trail {
    /// Views and milliseconds per industry key.
    pub industries: Vec<(String, i64, i64)>,
    /// Booth and product views per exhibitor country.
    pub countries: Vec<(String, i64)>,
    /// Product views per price band (lowest price in the product's currency, whole units:
    /// `0` under 10, `1` under 100, `2` under 1,000, `3` from 1,000), with the currency.
    pub price_bands: Vec<(i64, String, i64)>,
    /// Pages looked at in all.
    pub pages: i64,
}

/// What a person looked at in an expo, summed over every day kept.
pub async fn trail(db: &Db, expo_id: &str, user_id: &str) -> Result<Trail> {
    let industries: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT industry, CAST(SUM(views) AS BIGINT), CAST(SUM(millis) AS BIGINT) FROM footprint_days \
         WHERE user_id = $1 AND expo_id = $2 AND industry <> '' GROUP BY industry \
         ORDER BY 2 DESC, 1",
    )
    .bind(user_id)
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    let countries: Vec<(String, i64)> = sqlx::query_as(
        "SELECT e.country, CAST(SUM(f.views) AS BIGINT) FROM footprint_days f \
         JOIN exhibitors e ON e.id = f.exhibitor_id \
         WHERE f.user_id = $1 AND f.expo_id = $2 GROUP BY e.country ORDER BY 2 DESC, 1",
    )
    .bind(user_id)
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    let price_bands: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT CASE WHEN p.price_min < 1000 THEN 0 WHEN p.price_min < 10000 THEN 1 \
           WHEN p.price_min < 100000 THEN 2 ELSE 3 END, p.currency, CAST(SUM(f.views) AS BIGINT) \
         FROM footprint_days f JOIN products p ON p.id = f.target_id \
         WHERE f.user_id = $1 AND f.expo_id = $2 AND f.target_kind = 'product' \
           AND p.price_min IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2",
    )
    .bind(user_id)
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    let (pages,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(views), 0) AS BIGINT) FROM footprint_days \
         WHERE user_id = $1 AND expo_id = $2",
    )
    .bind(user_id)
    .bind(expo_id)
    .fetch_one(db.pool())
    .await?;
    Ok(Trail {
        industries,
        countries,
        price_bands,
        pages,
    })
}
