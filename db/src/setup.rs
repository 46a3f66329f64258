//! Expo setup: settings, new halls, and moving booths on a hall's plan.

use crate::{classify, Db, Result, Tx};
use domain::hall::{BoothTier, Rect};
use domain::plan::ExpoSettings;
use domain::text::LocalizedText;

/// The settings of an expo.
pub async fn settings(db: &Db, expo_id: &str) -> Result<Option<ExpoSettings>> {
    type Row = (
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT name, tagline, starts_on, ends_on, time_zone, applications_open, applications_close, brand_color \
         FROM expos WHERE id = $1",
    )
    .bind(expo_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(
        |(name, tagline, starts_on, ends_on, time_zone, open, close, brand_color)| ExpoSettings {
            name: LocalizedText::from_json(&name),
            tagline: LocalizedText::from_json(&tagline),
            starts_on,
            ends_on,
            time_zone,
            applications_open: open,
            applications_close: close,
            brand_color,
        },
    ))
}

/// Saves an expo's settings.
pub async fn save_settings(db: &Db, expo_id: &str, s: &ExpoSettings) -> Result<()> {
    sqlx::query(
        "UPDATE expos SET name = $1, tagline = $2, starts_on = $3, ends_on = $4, time_zone = $5, \
         applications_open = $6, applications_close = $7, brand_color = $9 WHERE id = $8",
    )
    .bind(s.name.to_json())
    .bind(s.tagline.to_json())
    .bind(&s.starts_on)
    .bind(&s.ends_on)
    .bind(&s.time_zone)
    .bind(s.applications_open.as_deref())
    .bind(s.applications_close.as_deref())
    .bind(expo_id)
    .bind(s.brand_color.as_deref())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The slugs of an expo's halls and the next position.
pub async fn hall_slugs(db: &Db, expo_id: &str) -> Result<(Vec<String>, i64)> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT slug, position FROM halls WHERE expo_id = $1")
            .bind(expo_id)
            .fetch_all(db.pool())
            .await?;
    let next = rows.iter().map(|(_, p)| *p).max().map_or(0, |p| p + 1);
    Ok((rows.into_iter().map(|(s, _)| s).collect(), next))
}

/// A new hall with its plan size. `Error::Unique` when the slug is taken.
#[allow(clippy::too_many_arguments)]
pub async fn insert_hall(
    db: &Db,
    id: &str,
    expo_id: &str,
    slug: &str,
    name: &LocalizedText,
    industry: &str,
    position: i64,
    size: (i64, i64),
) -> Result<()> {
    sqlx::query(
        "INSERT INTO halls (id, expo_id, slug, name, industry, position, plan_width, plan_height) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(expo_id)
    .bind(slug)
    .bind(name.to_json())
    .bind(industry)
    .bind(position)
    .bind(size.0)
    .bind(size.1)
    .execute(db.pool())
    .await
    .map_err(classify)?;
    Ok(())
}

/// A booth's hall, the hall's expo and plan size, and every other booth of the hall (code,
/// place), read in `tx` after taking the hall's write lock (a no-op update of its row): two
/// organizers moving booths of one hall at once are serialized, so neither can move into the
/// other's new place.
pub async fn booth_for_move(
    tx: &mut Tx,
    booth_id: &str,
) -> Result<Option<(String, String, i64, i64, Vec<(String, Rect)>)>> {
    // The write first: on SQLite a transaction that has read cannot take the write lock while
    // another commits.
    sqlx::query(
        "UPDATE halls SET plan_width = plan_width WHERE id = (SELECT hall_id FROM booths WHERE id = $1)",
    )
    .bind(booth_id)
    .execute(&mut **tx)
    .await?;
    let hall: Option<(String,)> = sqlx::query_as("SELECT hall_id FROM booths WHERE id = $1")
        .bind(booth_id)
        .fetch_optional(&mut **tx)
        .await?;
    let Some((hall_id,)) = hall else {
        return Ok(None);
    };
    let (expo_id, w, h): (String, i64, i64) =
        sqlx::query_as("SELECT expo_id, plan_width, plan_height FROM halls WHERE id = $1")
            .bind(&hall_id)
            .fetch_one(&mut **tx)
            .await?;
    let others: Vec<(String, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT code, x, y, width, height FROM booths WHERE hall_id = $1 AND id <> $2",
    )
    .bind(&hall_id)
    .bind(booth_id)
    .fetch_all(&mut **tx)
    .await?;
    Ok(Some((
        hall_id,
        expo_id,
        w,
        h,
        others
            .into_iter()
            .map(|(code, x, y, width, height)| {
                (
                    code,
                    Rect {
                        x,
                        y,
                        width,
                        height,
                    },
                )
            })
            .collect(),
    )))
}

/// Moves (and resizes) a booth.
pub async fn move_booth(tx: &mut Tx, booth_id: &str, r: Rect) -> Result<()> {
    sqlx::query("UPDATE booths SET x = $1, y = $2, width = $3, height = $4 WHERE id = $5")
        .bind(r.x)
        .bind(r.y)
        .bind(r.width)
        .bind(r.height)
        .bind(booth_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Sets a booth's tier; false when the booth is not in the expo.
pub async fn set_booth_tier(
    db: &Db,
    expo_id: &str,
    booth_id: &str,
    tier: BoothTier,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE booths SET tier = $3 WHERE id = $2 AND hall_id IN (SELECT id FROM halls WHERE expo_id = $1)",
    )
    .bind(expo_id)
    .bind(booth_id)
    .bind(tier.as_str())
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The brand color and logo (its address) of the current expo (the one the home page shows),
/// each if it has one.
pub async fn current_brand(db: &Db) -> Result<(Option<String>, Option<String>)> {
    let row: Option<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(&format!(
        "SELECT brand_color, logo_id, (SELECT variants FROM expo_assets a WHERE a.id = expos.logo_id) \
         FROM expos ORDER BY {} LIMIT 1",
        crate::expo::CURRENT_ORDER
    ))
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map_or((None, None), |(color, id, variants)| {
        (color, logo_src(id, variants))
    }))
}

/// The address of a logo's smallest stored variant (the header and the setup page show it).
pub(crate) fn logo_src(id: Option<String>, variants: Option<String>) -> Option<String> {
    let variant = variants?.rsplit(',').next()?.to_owned();
    Some(format!("/media/{}/{variant}", id?))
}
/// A picture that belongs to an expo rather than to an exhibitor (its logo), stored like media
/// under `media/<id>/<variant>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpoAsset {
    /// Id.
    pub id: String,
    /// The expo.
    pub expo_id: String,
    /// `logo`.
    pub kind: String,
    /// MIME type of the upload.
    pub content_type: String,
    /// Bytes uploaded.
    pub byte_size: i64,
    /// Pixel width of the upload.
    pub width: i64,
    /// Pixel height of the upload.
    pub height: i64,
    /// Stored variants (`w512`, `w256`).
    pub variants: Vec<String>,
}

/// Makes `asset` the expo's logo; the previous logo's row goes (its files are swept later).
/// Returns the previous logo's id.
pub async fn set_expo_logo(
    db: &Db,
    asset: &ExpoAsset,
    uploaded_by: &str,
    now: i64,
) -> Result<Option<String>> {
    let mut tx = db.begin().await?;
    // The expo's row is written first: SQLite takes its write lock and PostgreSQL locks the
    // row, so two uploads at once replace one another in turn and no asset is left unnamed.
    sqlx::query("UPDATE expos SET logo_id = logo_id WHERE id = $1")
        .bind(&asset.expo_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO expo_assets (id, expo_id, kind, content_type, byte_size, width, height, variants, uploaded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&asset.id)
    .bind(&asset.expo_id)
    .bind(&asset.kind)
    .bind(&asset.content_type)
    .bind(asset.byte_size)
    .bind(asset.width)
    .bind(asset.height)
    .bind(asset.variants.join(","))
    .bind(uploaded_by)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let (old,): (Option<String>,) = sqlx::query_as("SELECT logo_id FROM expos WHERE id = $1")
        .bind(&asset.expo_id)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("UPDATE expos SET logo_id = $1 WHERE id = $2")
        .bind(&asset.id)
        .bind(&asset.expo_id)
        .execute(&mut *tx)
        .await?;
    if let Some(old) = &old {
        sqlx::query("DELETE FROM expo_assets WHERE id = $1")
            .bind(old)
            .execute(&mut *tx)
            .await?;
    }
    crate::commit(tx).await?;
    Ok(old)
}

/// Removes the expo's logo; false when it had none.
pub async fn remove_expo_logo(db: &Db, expo_id: &str) -> Result<bool> {
    let mut tx = db.begin().await?;
    let done =
        sqlx::query("DELETE FROM expo_assets WHERE id = (SELECT logo_id FROM expos WHERE id = $1)")
            .bind(expo_id)
            .execute(&mut *tx)
            .await?;
    sqlx::query("UPDATE expos SET logo_id = NULL WHERE id = $1")
        .bind(expo_id)
        .execute(&mut *tx)
        .await?;
    crate::commit(tx).await?;
    Ok(done.rows_affected() > 0)
}

/// The MIME type and stored variants of an expo asset, for serving it.
pub async fn expo_asset(db: &Db, id: &str) -> Result<Option<(String, Vec<String>)>> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT content_type, variants FROM expo_assets WHERE id = $1")
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|(t, v)| (t, v.split(',').map(str::to_owned).collect())))
}
