//! Halls with their floor plans and booths; booth (exhibitor) and product detail pages.

use crate::{classify, Db, Result, Tx};
use domain::expo::HallSummary;
use domain::hall::{BoothOnPlan, BoothTier, HallPlan, Rect};
use domain::product::{
    split_certifications, ExhibitorDetail, PriceRange, ProductCard, ProductDetail, SpecRow,
};
use domain::text::LocalizedText;

/// Places an exhibitor's booth on a hall's plan.
pub async fn insert_booth(
    tx: &mut Tx,
    id: &str,
    hall_id: &str,
    exhibitor_id: &str,
    code: &str,
    rect: Rect,
    tier: BoothTier,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO booths (id, hall_id, exhibitor_id, code, x, y, width, height, tier) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(hall_id)
    .bind(exhibitor_id)
    .bind(code)
    .bind(rect.x)
    .bind(rect.y)
    .bind(rect.width)
    .bind(rect.height)
    .bind(tier.as_str())
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// A hall's expo, plan size and the booths already on it, read inside `tx` (so a booth placed
/// from it does not race another placement in the same transaction's view).
pub async fn plan_in_tx(
    tx: &mut Tx,
    hall_id: &str,
) -> Result<Option<(String, i64, i64, Vec<Rect>)>> {
    // The hall's row first (a no-op write): placements in one hall are serialized on both
    // backends, so two approvals cannot take the same free spot.
    sqlx::query("UPDATE halls SET plan_width = plan_width WHERE id = $1")
        .bind(hall_id)
        .execute(&mut **tx)
        .await?;
    let hall: Option<(String, i64, i64)> =
        sqlx::query_as("SELECT expo_id, plan_width, plan_height FROM halls WHERE id = $1")
            .bind(hall_id)
            .fetch_optional(&mut **tx)
            .await?;
    let Some((expo_id, w, h)) = hall else {
        return Ok(None);
    };
    let rects: Vec<(i64, i64, i64, i64)> =
        sqlx::query_as("SELECT x, y, width, height FROM booths WHERE hall_id = $1")
            .bind(hall_id)
            .fetch_all(&mut **tx)
            .await?;
    Ok(Some((
        expo_id,
        w,
        h,
        rects
            .into_iter()
            .map(|(x, y, width, height)| Rect {
                x,
                y,
                width,
                height,
            })
            .collect(),
    )))
}

/// The halls of an expo with exhibitor and product counts, in display order.
pub async fn halls_of(db: &Db, expo_id: &str) -> Result<Vec<HallSummary>> {
    let rows: Vec<(String, String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT h.id, h.slug, h.name, h.industry, \
           (SELECT COUNT(*) FROM exhibitors e WHERE e.hall_id = h.id), \
           (SELECT COUNT(*) FROM products p JOIN exhibitors e ON p.exhibitor_id = e.id WHERE e.hall_id = h.id) \
         FROM halls h WHERE h.expo_id = $1 ORDER BY h.position, h.slug",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
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
        .collect())
}

type BoothRow = (
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    i64,
    String,
    i64,
    Option<String>,
    Option<String>,
);

/// A hall's id by slug, inside a transaction.
pub async fn hall_id_in(tx: &mut Tx, expo_id: &str, slug: &str) -> Result<Option<String>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT id FROM halls WHERE expo_id = $1 AND slug = $2")
            .bind(expo_id)
            .bind(slug)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(row.map(|(id,)| id))
}

/// A hall of an expo by slug, with its plan and booths.
pub async fn hall_plan(db: &Db, expo_id: &str, slug: &str) -> Result<Option<HallPlan>> {
    let hall: Option<(String, String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT id, slug, name, industry, plan_width, plan_height FROM halls WHERE expo_id = $1 AND slug = $2",
    )
    .bind(expo_id)
    .bind(slug)
    .fetch_optional(db.pool())
    .await?;
    let Some((id, slug, name, industry, width, height)) = hall else {
        return Ok(None);
    };
    let rows: Vec<BoothRow> = sqlx::query_as(
        "SELECT b.id, b.code, e.id, e.name, e.country, b.x, b.y, b.width, b.height, b.tier, \
           (SELECT COUNT(*) FROM products p WHERE p.exhibitor_id = e.id), \
           (SELECT m.id FROM media m WHERE m.exhibitor_id = e.id AND m.kind = 'logo' AND m.product_id IS NULL \
              ORDER BY m.created_at DESC, m.id DESC LIMIT 1), \
           (SELECT s.id FROM live_streams s WHERE s.exhibitor_id = e.id AND s.state = 'live' AND s.kind <> 'test' \
              ORDER BY s.id LIMIT 1) \
         FROM booths b JOIN exhibitors e ON e.id = b.exhibitor_id WHERE b.hall_id = $1 ORDER BY b.code",
    )
    .bind(&id)
    .fetch_all(db.pool())
    .await?;
    let booths = rows
        .into_iter()
        .map(
            |(
                booth_id,
                code,
                exhibitor_id,
                name,
                country,
                x,
                y,
                w,
                h,
                tier,
                product_count,
                logo,
                live_stream,
            )| {
                BoothOnPlan {
                    booth_id,
                    code,
                    exhibitor_id,
                    exhibitor_name: LocalizedText::from_json(&name),
                    country,
                    rect: Rect {
                        x,
                        y,
                        width: w,
                        height: h,
                    },
                    tier: BoothTier::parse(&tier),
                    product_count,
                    logo,
                    live_stream,
                }
            },
        )
        .collect();
    Ok(Some(HallPlan {
        id,
        slug,
        name: LocalizedText::from_json(&name),
        industry,
        width,
        height,
        booths,
    }))
}

/// The columns of a [`CardRow`] for products aliased `p` (the first picture by gallery order).
pub(crate) const CARD_COLUMNS: &str = "p.id, p.name, p.category, p.price_min, p.price_max, p.currency, \
     (SELECT m.id FROM media m WHERE m.product_id = p.id AND m.kind = 'image' ORDER BY m.position, m.id LIMIT 1)";

pub(crate) type CardRow = (
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    String,
    Option<String>,
);

pub(crate) fn card((id, name, category, min, max, currency, picture): CardRow) -> ProductCard {
    ProductCard {
        id,
        name: LocalizedText::from_json(&name),
        category,
        price: match (min, max) {
            (Some(a), Some(b)) => Some(PriceRange::new(a, b, &currency)),
            _ => None,
        },
        picture,
    }
}

/// Up to `limit` products of an exhibitor (but `except`), oldest first.
pub async fn product_cards(
    db: &Db,
    exhibitor_id: &str,
    except: &str,
    limit: i64,
) -> Result<Vec<ProductCard>> {
    let rows: Vec<CardRow> = sqlx::query_as(&format!(
        "SELECT {CARD_COLUMNS} FROM products p \
         WHERE p.exhibitor_id = $1 AND p.id <> $2 ORDER BY p.created_at, p.id LIMIT $3"
    ))
    .bind(exhibitor_id)
    .bind(except)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(card).collect())
}

/// The booth page of an exhibitor.
pub async fn exhibitor_detail(db: &Db, id: &str) -> Result<Option<ExhibitorDetail>> {
    type Row = (
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT e.id, e.name, e.about, e.country, e.website, h.slug, h.name, h.industry, b.code, b.tier \
         FROM exhibitors e LEFT JOIN halls h ON h.id = e.hall_id LEFT JOIN booths b ON b.exhibitor_id = e.id \
         WHERE e.id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    let Some((id, name, about, country, website, hall_slug, hall_name, industry, code, tier)) = row
    else {
        return Ok(None);
    };
    let products = product_cards(db, &id, "", 200).await?;
    let media = crate::media::of_exhibitor(db, &id)
        .await?
        .into_iter()
        .map(crate::media::MediaRecord::item)
        .collect();
    let live_stream = crate::live::on_air_of(db, &id).await?;
    Ok(Some(ExhibitorDetail {
        live_stream,
        name: LocalizedText::from_json(&name),
        about: LocalizedText::from_json(&about),
        country,
        website,
        hall: hall_slug.zip(hall_name.map(|n| LocalizedText::from_json(&n))),
        industry,
        booth_code: code,
        tier: tier.map(|t| BoothTier::parse(&t)),
        products,
        media,
        id,
    }))
}

/// The product page.
pub async fn product_detail(db: &Db, id: &str) -> Result<Option<ProductDetail>> {
    type Row = (
        String,
        String,
        String,
        Option<i64>,
        Option<i64>,
        String,
        String,
        String,
        Option<i64>,
        Option<i64>,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT p.id, p.name, p.category, p.price_min, p.price_max, p.currency, p.description, p.specs, \
           p.min_order, p.lead_time_days, p.certifications, p.origin, e.id, e.name, h.slug, b.code \
         FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id \
         LEFT JOIN halls h ON h.id = e.hall_id LEFT JOIN booths b ON b.exhibitor_id = e.id \
         WHERE p.id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    let Some((
        id,
        name,
        category,
        min,
        max,
        currency,
        description,
        specs,
        min_order,
        lead_time_days,
        certifications,
        origin,
        exhibitor_id,
        exhibitor_name,
        hall_slug,
        booth_code,
    )) = row
    else {
        return Ok(None);
    };
    let related = product_cards(db, &exhibitor_id, &id, 8).await?;
    let media: Vec<domain::product::MediaItem> = crate::media::of_product(db, &id)
        .await?
        .into_iter()
        .map(crate::media::MediaRecord::item)
        .collect();
    let picture = media
        .iter()
        .find(|m| m.kind == "image")
        .map(|m| m.id.clone());
    Ok(Some(ProductDetail {
        card: card((id, name, category, min, max, currency, picture)),
        description: LocalizedText::from_json(&description),
        specs: serde_json::from_str::<Vec<SpecRow>>(&specs).unwrap_or_default(),
        min_order,
        lead_time_days,
        certifications: split_certifications(&certifications),
        origin,
        exhibitor_id,
        exhibitor_name: LocalizedText::from_json(&exhibitor_name),
        hall_slug,
        booth_code,
        related,
        media,
    }))
}

/// The id of an expo's hall by slug.
pub async fn hall_id(db: &Db, expo_id: &str, slug: &str) -> Result<Option<String>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT id FROM halls WHERE expo_id = $1 AND slug = $2")
            .bind(expo_id)
            .bind(slug)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|(id,)| id))
}
