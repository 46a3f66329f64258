//! Uploaded media: what each stored object is and whose booth it belongs to.

use crate::{classify, Db, Result};

/// A stored upload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MediaRecord {
    /// Id (also the object-store folder).
    pub id: String,
    /// The exhibitor whose booth shows it.
    pub exhibitor_id: String,
    /// `image`, `video`, `document`, `model`.
    pub kind: String,
    /// MIME type of the original.
    pub content_type: String,
    /// Size of the original in bytes.
    pub byte_size: i64,
    /// Pixel size of images.
    pub width: Option<i64>,
    /// Pixel height of images.
    pub height: Option<i64>,
    /// Stored variants (`original`, `w800`, …).
    pub variants: Vec<String>,
    /// The file name the uploader gave.
    pub original_name: String,
    /// Order in the exhibitor's gallery.
    pub position: i64,
    /// The product it shows, if any (product pictures are not in the booth gallery).
    pub product_id: Option<String>,
}

type Row = (
    String,
    String,
    String,
    String,
    i64,
    Option<i64>,
    Option<i64>,
    String,
    String,
    i64,
    Option<String>,
);

fn record(
    (
        id,
        exhibitor_id,
        kind,
        content_type,
        byte_size,
        width,
        height,
        variants,
        original_name,
        position,
        product_id,
    ): Row,
) -> MediaRecord {
    MediaRecord {
        id,
        exhibitor_id,
        kind,
        content_type,
        byte_size,
        width,
        height,
        variants: variants
            .split(',')
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .collect(),
        original_name,
        position,
        product_id,
    }
}

/// Stores the record of an upload at the end of the exhibitor's gallery.
pub async fn insert(db: &Db, m: &MediaRecord, uploaded_by: Option<&str>, now: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO media (id, exhibitor_id, kind, content_type, byte_size, width, height, variants, original_name, \
           position, uploaded_by, created_at, product_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
           (SELECT COALESCE(MAX(position), 0) + 1 FROM media WHERE exhibitor_id = $2), $10, $11, $12)",
    )
    .bind(&m.id)
    .bind(&m.exhibitor_id)
    .bind(&m.kind)
    .bind(&m.content_type)
    .bind(m.byte_size)
    .bind(m.width)
    .bind(m.height)
    .bind(m.variants.join(","))
    .bind(&m.original_name)
    .bind(uploaded_by)
    .bind(now)
    .bind(&m.product_id)
    .execute(db.pool())
    .await
    .map_err(classify)?;
    Ok(())
}

const COLUMNS: &str =
    "id, exhibitor_id, kind, content_type, byte_size, width, height, variants, original_name, position, product_id";

/// One upload by id.
pub async fn get(db: &Db, id: &str) -> Result<Option<MediaRecord>> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM media WHERE id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(record))
}

/// Uploads matching `filter` (a fixed condition on `$1`), in gallery order.
async fn list(db: &Db, filter: &str, value: &str) -> Result<Vec<MediaRecord>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM media WHERE {filter} ORDER BY position, id"
    ))
    .bind(value)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(record).collect())
}

/// An exhibitor's booth gallery (uploads not tied to a product), in gallery order.
pub async fn of_exhibitor(db: &Db, exhibitor_id: &str) -> Result<Vec<MediaRecord>> {
    list(db, "exhibitor_id = $1 AND product_id IS NULL", exhibitor_id).await
}

/// The expo an exhibitor belongs to (for authorization).
pub async fn exhibitor_expo(db: &Db, exhibitor_id: &str) -> Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT expo_id FROM exhibitors WHERE id = $1")
        .bind(exhibitor_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|r| r.0))
}

/// A product's pictures and files, in order.
pub async fn of_product(db: &Db, product_id: &str) -> Result<Vec<MediaRecord>> {
    list(db, "product_id = $1", product_id).await
}

/// The exhibitor a product belongs to.
pub async fn product_exhibitor(db: &Db, product_id: &str) -> Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT exhibitor_id FROM products WHERE id = $1")
        .bind(product_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|r| r.0))
}

/// Deletes an upload's row (its bytes go with the next store sweep); false when it was gone.
pub async fn delete(db: &Db, id: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM media WHERE id = $1")
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Swaps an upload with its neighbour in the same list (the booth gallery or one product's
/// media): the previous one when `earlier`, else the next. False when it is already first
/// (or last) or gone.
pub async fn move_one(db: &Db, id: &str, earlier: bool) -> Result<bool> {
    let mut tx = db.begin().await?;
    let me: Option<(String, Option<String>, i64)> =
        sqlx::query_as("SELECT exhibitor_id, product_id, position FROM media WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((exhibitor_id, product_id, position)) = me else {
        return Ok(false);
    };
    let (cmp, order) = if earlier { ("<", "DESC") } else { (">", "ASC") };
    let same_list = if product_id.is_some() {
        "product_id = $2"
    } else {
        "product_id IS NULL AND $2 = ''"
    };
    let neighbour: Option<(String, i64)> = sqlx::query_as(&format!(
        "SELECT id, position FROM media WHERE exhibitor_id = $1 AND {same_list} \
           AND (position {cmp} $3 OR (position = $3 AND id {cmp} $4)) \
         ORDER BY position {order}, id {order} LIMIT 1"
    ))
    .bind(&exhibitor_id)
    .bind(product_id.as_deref().unwrap_or(""))
    .bind(position)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((other, other_position)) = neighbour else {
        return Ok(false);
    };
    // Equal positions (never written by the app, but possible) still end up in a strict order.
    let (mine, theirs) = if other_position == position {
        if earlier {
            (position - 1, position)
        } else {
            (position + 1, position)
        }
    } else {
        (other_position, position)
    };
    for (row, pos) in [(id, mine), (other.as_str(), theirs)] {
        sqlx::query("UPDATE media SET position = $1 WHERE id = $2")
            .bind(pos)
            .bind(row)
            .execute(&mut *tx)
            .await?;
    }
    crate::commit(tx).await?;
    Ok(true)
}

/// Deletes the booth's other uploads of one kind (the logo or banner `keep` replaces).
pub async fn delete_others_of_kind(
    db: &Db,
    exhibitor_id: &str,
    kind: &str,
    keep: &str,
) -> Result<u64> {
    let done = sqlx::query(
        "DELETE FROM media WHERE exhibitor_id = $1 AND kind = $2 AND id <> $3 AND product_id IS NULL",
    )
    .bind(exhibitor_id)
    .bind(kind)
    .bind(keep)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected())
}

/// Ids of every stored object under `media/` that something names: uploads, expo assets, chat
/// files, inquiry files, and the uploaded replay and fallback videos of broadcasts (for the object-store sweep).
pub async fn all_ids(db: &Db) -> Result<std::collections::HashSet<String>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT id FROM media UNION SELECT id FROM expo_assets UNION SELECT id FROM chat_attachments \
         UNION SELECT id FROM inquiry_files")
            .fetch_all(db.pool())
            .await?;
    let mut ids: std::collections::HashSet<String> = rows.into_iter().map(|r| r.0).collect();
    // Replay and fallback videos uploaded for a broadcast are kept as `media/<id>/original`
    // and named by the stream's row, not by a media row.
    let keys: Vec<(String,)> = sqlx::query_as(
        "SELECT recording_key FROM live_streams WHERE recording_key LIKE 'media/%' \
         UNION SELECT fallback_key FROM live_streams WHERE fallback_key LIKE 'media/%'",
    )
    .fetch_all(db.pool())
    .await?;
    ids.extend(
        keys.into_iter()
            .filter_map(|(k,)| k.split('/').nth(1).map(str::to_owned)),
    );
    Ok(ids)
}

impl MediaRecord {
    /// The record as pages show it.
    pub fn item(self) -> domain::product::MediaItem {
        domain::product::MediaItem {
            id: self.id,
            kind: self.kind,
            variants: self.variants,
            width: self.width,
            height: self.height,
            name: self.original_name,
        }
    }
}
