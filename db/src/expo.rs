//! Expos, halls, exhibitors and products as the landing page and the demo seed need them.

use crate::{classify, Db, Result, Tx};
use domain::expo::{ExhibitorCard, ExpoLanding, ExpoSummary, HallSummary};
use domain::text::LocalizedText;

/// Number of expos (the seed runs only on an empty database).
pub async fn count_expos(db: &Db) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM expos")
        .fetch_one(db.pool())
        .await?;
    Ok(n)
}

/// Inserts an expo.
pub async fn insert_expo(tx: &mut Tx, expo: &ExpoSummary, now: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO expos (id, slug, name, tagline, starts_on, ends_on, time_zone, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&expo.id)
    .bind(&expo.slug)
    .bind(expo.name.to_json())
    .bind(expo.tagline.to_json())
    .bind(&expo.starts_on)
    .bind(&expo.ends_on)
    .bind(&expo.time_zone)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// Inserts a hall at `position` in the expo's order.
pub async fn insert_hall(
    tx: &mut Tx,
    id: &str,
    expo_id: &str,
    slug: &str,
    name: &LocalizedText,
    industry: &str,
    position: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO halls (id, expo_id, slug, name, industry, position) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(expo_id)
    .bind(slug)
    .bind(name.to_json())
    .bind(industry)
    .bind(position)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// Inserts an exhibiting company, placed in a hall.
pub async fn insert_exhibitor(
    tx: &mut Tx,
    id: &str,
    expo_id: &str,
    hall_id: Option<&str>,
    name: &LocalizedText,
    country: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO exhibitors (id, expo_id, hall_id, name, country, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(expo_id)
    .bind(hall_id)
    .bind(name.to_json())
    .bind(country)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// Inserts a product of an exhibitor.
pub async fn insert_product(
    tx: &mut Tx,
    id: &str,
    exhibitor_id: &str,
    name: &LocalizedText,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO products (id, exhibitor_id, name, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(exhibitor_id)
    .bind(name.to_json())
    .bind(now)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

type ExpoRow = (String, String, String, String, String, String, String);

fn expo_summary(row: ExpoRow) -> ExpoSummary {
    let (id, slug, name, tagline, starts_on, ends_on, time_zone) = row;
    ExpoSummary {
        id,
        slug,
        name: LocalizedText::from_json(&name),
        tagline: LocalizedText::from_json(&tagline),
        starts_on,
        ends_on,
        time_zone,
    }
}

/// The expo shown on the home page: the one that starts soonest (earliest created on ties).
pub async fn current_expo(db: &Db) -> Result<Option<ExpoSummary>> {
    let row: Option<ExpoRow> = sqlx::query_as(
        "SELECT id, slug, name, tagline, starts_on, ends_on, time_zone FROM expos ORDER BY starts_on, created_at LIMIT 1",
    )
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(expo_summary))
}

/// Everything the landing page of `expo` shows, with up to `featured` exhibitors.
pub async fn landing(db: &Db, expo: ExpoSummary, featured: i64) -> Result<ExpoLanding> {
    let halls: Vec<(String, String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT h.id, h.slug, h.name, h.industry, \
           (SELECT COUNT(*) FROM exhibitors e WHERE e.hall_id = h.id), \
           (SELECT COUNT(*) FROM products p JOIN exhibitors e ON p.exhibitor_id = e.id WHERE e.hall_id = h.id) \
         FROM halls h WHERE h.expo_id = $1 ORDER BY h.position, h.slug",
    )
    .bind(&expo.id)
    .fetch_all(db.pool())
    .await?;
    let featured_rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(
        "SELECT e.id, e.name, e.country, COALESCE(h.name, ''), \
           (SELECT COUNT(*) FROM products p WHERE p.exhibitor_id = e.id) AS n \
         FROM exhibitors e LEFT JOIN halls h ON h.id = e.hall_id \
         WHERE e.expo_id = $1 ORDER BY n DESC, e.created_at, e.id LIMIT $2",
    )
    .bind(&expo.id)
    .bind(featured)
    .fetch_all(db.pool())
    .await?;
    let (exhibitor_total,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM exhibitors WHERE expo_id = $1")
            .bind(&expo.id)
            .fetch_one(db.pool())
            .await?;
    let (product_total,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM products p JOIN exhibitors e ON p.exhibitor_id = e.id WHERE e.expo_id = $1",
    )
    .bind(&expo.id)
    .fetch_one(db.pool())
    .await?;
    Ok(ExpoLanding {
        halls: halls
            .into_iter()
            .map(
                |(id, slug, name, industry, exhibitor_count, product_count)| HallSummary {
                    id,
                    slug,
                    name: LocalizedText::from_json(&name),
                    industry,
                    exhibitor_count,
                    product_count,
                },
            )
            .collect(),
        featured: featured_rows
            .into_iter()
            .map(
                |(id, name, country, hall_name, product_count)| ExhibitorCard {
                    id,
                    name: LocalizedText::from_json(&name),
                    country,
                    hall_name: LocalizedText::from_json(&hall_name),
                    product_count,
                },
            )
            .collect(),
        exhibitor_total,
        product_total,
        expo,
    })
}

/// The expo with this slug.
pub async fn expo_by_slug(db: &Db, slug: &str) -> Result<Option<ExpoSummary>> {
    let row: Option<ExpoRow> = sqlx::query_as(
        "SELECT id, slug, name, tagline, starts_on, ends_on, time_zone FROM expos WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(expo_summary))
}
