//! Expos, halls, exhibitors and products as the landing page and the demo seed need them.

use crate::{classify, Db, Result, Tx};
use domain::expo::{ExhibitorCard, ExpoLanding, ExpoSummary};
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

/// A product to insert.
#[derive(Clone, Debug)]
pub struct NewProduct<'a> {
    /// Id.
    pub id: &'a str,
    /// The exhibitor.
    pub exhibitor_id: &'a str,
    /// Name.
    pub name: &'a LocalizedText,
    /// Description.
    pub description: &'a LocalizedText,
    /// Category key.
    pub category: &'a str,
    /// Specification rows.
    pub specs: &'a [domain::product::SpecRow],
    /// Price range.
    pub price: Option<&'a domain::product::PriceRange>,
    /// Minimum order quantity.
    pub min_order: Option<i64>,
    /// Lead time in days.
    pub lead_time_days: Option<i64>,
    /// Certifications, `;`-separated.
    pub certifications: &'a str,
    /// Country of origin.
    pub origin: &'a str,
    /// Creation time.
    pub created_at: i64,
}

/// The product's own fields, bound as `$1`…`$11` in this order: name, description, category,
/// specs, price_min, price_max, currency, min_order, lead_time_days, certifications, origin.
fn bind_fields<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    p: &NewProduct<'q>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    q.bind(p.name.to_json())
        .bind(p.description.to_json())
        .bind(p.category)
        .bind(serde_json::to_string(p.specs).unwrap_or_else(|_| "[]".into()))
        .bind(p.price.map(|r| r.min))
        .bind(p.price.map(|r| r.max))
        .bind(p.price.map_or("USD", |r| r.currency.as_str()))
        .bind(p.min_order)
        .bind(p.lead_time_days)
        .bind(p.certifications)
        .bind(p.origin)
}

/// Inserts a product of an exhibitor.
pub async fn insert_product(tx: &mut Tx, p: &NewProduct<'_>) -> Result<()> {
    let q = sqlx::query(
        "INSERT INTO products (name, description, category, specs, price_min, price_max, currency, \
           min_order, lead_time_days, certifications, origin, id, exhibitor_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    );
    bind_fields(q, p)
        .bind(p.id)
        .bind(p.exhibitor_id)
        .bind(p.created_at)
        .execute(&mut **tx)
        .await
        .map_err(classify)?;
    Ok(())
}

/// Replaces a product's fields (not its exhibitor or creation time); false when it is gone.
pub async fn update_product(db: &Db, p: &NewProduct<'_>) -> Result<bool> {
    let q = sqlx::query(
        "UPDATE products SET name = $1, description = $2, category = $3, specs = $4, \
           price_min = $5, price_max = $6, currency = $7, min_order = $8, lead_time_days = $9, \
           certifications = $10, origin = $11 \
         WHERE id = $12 AND exhibitor_id = $13",
    );
    let done = bind_fields(q, p)
        .bind(p.id)
        .bind(p.exhibitor_id)
        .execute(db.pool())
        .await
        .map_err(classify)?;
    Ok(done.rows_affected() > 0)
}

/// Deletes a product (its media rows go with it); false when it is gone.
pub async fn delete_product(db: &Db, id: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM products WHERE id = $1")
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Sets an exhibitor's "about" text and website.
pub async fn set_exhibitor_profile(
    tx: &mut Tx,
    id: &str,
    about: &LocalizedText,
    website: &str,
) -> Result<()> {
    sqlx::query("UPDATE exhibitors SET about = $1, website = $2 WHERE id = $3")
        .bind(about.to_json())
        .bind(website)
        .bind(id)
        .execute(&mut **tx)
        .await?;
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

/// The order that puts the current expo first: the one made public most recently; when none
/// was, the one that starts soonest (earliest created on ties).
pub const CURRENT_ORDER: &str = "COALESCE(public_since, 0) DESC, starts_on, created_at";

/// The expo shown on the home page (see [`CURRENT_ORDER`]).
pub async fn current_expo(db: &Db) -> Result<Option<ExpoSummary>> {
    let row: Option<ExpoRow> = sqlx::query_as(&format!(
        "SELECT id, slug, name, tagline, starts_on, ends_on, time_zone FROM expos ORDER BY {CURRENT_ORDER} LIMIT 1"
    ))
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(expo_summary))
}

/// Everything the landing page of `expo` shows, with up to `featured` exhibitors.
pub async fn landing(db: &Db, expo: ExpoSummary, featured: i64) -> Result<ExpoLanding> {
    let halls = crate::hall::halls_of(db, &expo.id).await?;
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
        headline: None,
        halls,
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

/// An exhibitor's "about" text (all languages).
pub async fn exhibitor_about(db: &Db, id: &str) -> Result<Option<LocalizedText>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT about FROM exhibitors WHERE id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|(about,)| LocalizedText::from_json(&about)))
}

/// Replaces an exhibitor's "about" text.
pub async fn set_exhibitor_about(db: &Db, id: &str, about: &LocalizedText) -> Result<()> {
    sqlx::query("UPDATE exhibitors SET about = $1 WHERE id = $2")
        .bind(about.to_json())
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Slugs of every expo (a new one gets a free one).
pub async fn expo_slugs(db: &Db) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT slug FROM expos")
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Creates an expo prepared in the console: not public until an organizer makes it so. When
/// no expo was made public yet, the one visitors see now is pinned first, so a new expo never
/// takes over the home page because of its dates. A taken slug gives [`crate::Error::Unique`].
pub async fn create_expo(
    tx: &mut Tx,
    id: &str,
    slug: &str,
    settings: &domain::plan::ExpoSettings,
    now: i64,
) -> Result<()> {
    sqlx::query(&format!(
        "UPDATE expos SET public_since = $1 WHERE id = (SELECT id FROM expos ORDER BY {CURRENT_ORDER} LIMIT 1) \
         AND NOT EXISTS (SELECT 1 FROM expos WHERE public_since IS NOT NULL)"
    ))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO expos (id, slug, name, tagline, starts_on, ends_on, time_zone, created_at, \
         applications_open, applications_close, brand_color) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id)
    .bind(slug)
    .bind(settings.name.to_json())
    .bind(settings.tagline.to_json())
    .bind(&settings.starts_on)
    .bind(&settings.ends_on)
    .bind(&settings.time_zone)
    .bind(now)
    .bind(&settings.applications_open)
    .bind(&settings.applications_close)
    .bind(&settings.brand_color)
    .execute(&mut **tx)
    .await
    .map_err(crate::classify)?;
    Ok(())
}

/// Makes `expo_id` the expo visitors see; false when there is no such expo.
pub async fn make_public(db: &Db, expo_id: &str, now: i64) -> Result<bool> {
    let done = sqlx::query("UPDATE expos SET public_since = $1 WHERE id = $2")
        .bind(now)
        .bind(expo_id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The expos `user_id` organizes, newest first, with their hall and exhibitor counts;
/// `managed` marks the one the console manages.
pub async fn organized_by(
    db: &Db,
    user_id: &str,
    managed: &str,
) -> Result<Vec<domain::plan::ExpoListItem>> {
    type Row = (String, String, String, String, String, i64, i64);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT e.id, e.slug, e.name, e.starts_on, e.ends_on, \
           (SELECT COUNT(*) FROM halls h WHERE h.expo_id = e.id), \
           (SELECT COUNT(*) FROM exhibitors x WHERE x.expo_id = e.id) \
         FROM expos e JOIN memberships m ON m.expo_id = e.id AND m.user_id = $1 AND m.role = 'organizer' \
         ORDER BY e.starts_on DESC, e.created_at DESC",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    let public = current_expo(db).await?.map(|e| e.id).unwrap_or_default();
    Ok(rows
        .into_iter()
        .map(
            |(id, slug, name, starts_on, ends_on, hall_count, exhibitor_count)| {
                domain::plan::ExpoListItem {
                    is_public: id == public,
                    is_managed: id == managed,
                    id,
                    slug,
                    name: LocalizedText::from_json(&name),
                    starts_on,
                    ends_on,
                    hall_count,
                    exhibitor_count,
                }
            },
        )
        .collect())
}

/// The address of an expo's logo, if it has one.
pub async fn logo_of(db: &Db, expo_id: &str) -> Result<Option<String>> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT a.id, a.variants FROM expos e JOIN expo_assets a ON a.id = e.logo_id WHERE e.id = $1",
    )
    .bind(expo_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.and_then(|(id, v)| crate::setup::logo_src(Some(id), Some(v))))
}
