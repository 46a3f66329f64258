//! Bulk imports: the stored preview, and what the checks look up and the import writes, all
//! inside the caller's transaction (so a preview and its import see one state).

use crate::{classify, Db, Result, Tx};
use domain::import::{CellError, ImportKind, ImportSummary, Record};
use domain::text::LocalizedText;
use domain::Locale;

/// A preview to store.
pub struct NewImport<'a> {
    /// Id.
    pub id: &'a str,
    /// The expo.
    pub expo_id: &'a str,
    /// Kind.
    pub kind: ImportKind,
    /// Language of the texts.
    pub language: Locale,
    /// File name.
    pub file_name: &'a str,
    /// Uploaded by.
    pub created_by: &'a str,
    /// Data rows.
    pub total_rows: i64,
    /// The valid rows.
    pub records: &'a [Record],
    /// The refused cells.
    pub errors: &'a [CellError],
    /// Counts of the valid rows' effects.
    pub will_create: i64,
    /// See `will_create`.
    pub will_update: i64,
    /// Upload time.
    pub now: i64,
}

/// Stores a preview.
pub async fn insert(db: &Db, i: &NewImport<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO imports (id, expo_id, kind, language, file_name, created_by, created_at, status, \
         total_rows, records, errors, will_create, will_update) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'preview', $8, $9, $10, $11, $12)",
    )
    .bind(i.id)
    .bind(i.expo_id)
    .bind(i.kind.as_str())
    .bind(i.language.tag())
    .bind(i.file_name)
    .bind(i.created_by)
    .bind(i.now)
    .bind(i.total_rows)
    .bind(serde_json::to_string(i.records).unwrap_or_else(|_| "[]".into()))
    .bind(serde_json::to_string(i.errors).unwrap_or_else(|_| "[]".into()))
    .bind(i.will_create)
    .bind(i.will_update)
    .execute(db.pool())
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    kind: String,
    language: String,
    file_name: String,
    created_at: i64,
    status: String,
    total_rows: i64,
    records: String,
    errors: String,
    will_create: i64,
    will_update: i64,
    created_count: i64,
    updated_count: i64,
}

impl Row {
    fn split(self) -> (ImportSummary, Vec<Record>, Vec<CellError>) {
        let records: Vec<Record> = serde_json::from_str(&self.records).unwrap_or_default();
        let errors: Vec<CellError> = serde_json::from_str(&self.errors).unwrap_or_default();
        let mut lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        lines.sort_unstable();
        lines.dedup();
        let summary = ImportSummary {
            id: self.id,
            kind: ImportKind::parse(&self.kind).unwrap_or(ImportKind::Products),
            language: Locale::parse(&self.language).unwrap_or_default(),
            file_name: self.file_name,
            created_at: self.created_at,
            imported: self.status == "imported",
            total_rows: self.total_rows,
            valid_rows: records.len() as i64,
            refused_rows: lines.len() as i64,
            will_create: self.will_create,
            will_update: self.will_update,
            created: self.created_count,
            updated: self.updated_count,
        };
        (summary, records, errors)
    }
}

const SELECT: &str =
    "SELECT id, kind, language, file_name, created_at, status, total_rows, records, errors, \
    will_create, will_update, created_count, updated_count FROM imports";

/// One import of an expo: its summary, valid rows and refused cells.
pub async fn get(
    db: &Db,
    expo_id: &str,
    id: &str,
) -> Result<Option<(ImportSummary, Vec<Record>, Vec<CellError>)>> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE expo_id = $1 AND id = $2"))
        .bind(expo_id)
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(Row::split))
}

/// The expo's latest imports, newest first.
pub async fn recent(db: &Db, expo_id: &str, limit: i64) -> Result<Vec<ImportSummary>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE expo_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2"
    ))
    .bind(expo_id)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|r| r.split().0).collect())
}

/// Marks a preview imported (the transaction's first write); false when it was already.
pub async fn claim(tx: &mut Tx, id: &str, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE imports SET status = 'imported', imported_at = $2 WHERE id = $1 AND status = 'preview'",
    )
    .bind(id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records what the import did.
pub async fn finish(tx: &mut Tx, id: &str, created: i64, updated: i64) -> Result<()> {
    sqlx::query("UPDATE imports SET created_count = $2, updated_count = $3 WHERE id = $1")
        .bind(id)
        .bind(created)
        .bind(updated)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A hall and what stands on it: (id, slug, width, height, booths' rectangles).
pub type HallSpace = (String, String, i64, i64, Vec<domain::hall::Rect>);

/// Every hall of the expo with its booths. The halls' rows are written first (a no-op write,
/// as `hall::plan_in_tx` does for one hall): placements into these halls by approvals and
/// other imports wait for this transaction on both backends, so no two take one spot.
pub async fn halls(tx: &mut Tx, expo_id: &str) -> Result<Vec<HallSpace>> {
    sqlx::query("UPDATE halls SET plan_width = plan_width WHERE expo_id = $1")
        .bind(expo_id)
        .execute(&mut **tx)
        .await?;
    let halls: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT id, slug, plan_width, plan_height FROM halls WHERE expo_id = $1 ORDER BY position",
    )
    .bind(expo_id)
    .fetch_all(&mut **tx)
    .await?;
    let rects: Vec<(String, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT b.hall_id, b.x, b.y, b.width, b.height FROM booths b JOIN halls h ON h.id = b.hall_id \
         WHERE h.expo_id = $1",
    )
    .bind(expo_id)
    .fetch_all(&mut **tx)
    .await?;
    Ok(halls
        .into_iter()
        .map(|(id, slug, w, h)| {
            let taken = rects
                .iter()
                .filter(|r| r.0 == id)
                .map(|r| domain::hall::Rect {
                    x: r.1,
                    y: r.2,
                    width: r.3,
                    height: r.4,
                })
                .collect();
            (id, slug, w, h, taken)
        })
        .collect())
}

/// A booth of the expo and its company.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct BoothOwner {
    /// Booth code.
    pub code: String,
    /// Hall slug.
    pub hall: String,
    /// The exhibitor.
    pub exhibitor_id: String,
    /// Its name (JSON).
    pub name: String,
    /// Its about text (JSON or empty).
    pub about: String,
}

/// Every booth of the expo with its exhibitor.
pub async fn booths(tx: &mut Tx, expo_id: &str) -> Result<Vec<BoothOwner>> {
    Ok(sqlx::query_as(
        "SELECT b.code, h.slug AS hall, e.id AS exhibitor_id, e.name, e.about FROM booths b \
         JOIN halls h ON h.id = b.hall_id JOIN exhibitors e ON e.id = b.exhibitor_id WHERE h.expo_id = $1",
    )
    .bind(expo_id)
    .fetch_all(&mut **tx)
    .await?)
}

/// Every product of the expo: (id, exhibitor id, name JSON, description JSON).
pub async fn products(tx: &mut Tx, expo_id: &str) -> Result<Vec<(String, String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.exhibitor_id, p.name, p.description FROM products p \
         JOIN exhibitors e ON e.id = p.exhibitor_id WHERE e.expo_id = $1",
    )
    .bind(expo_id)
    .fetch_all(&mut **tx)
    .await?)
}

/// Every account: (lower-case e-mail, id).
pub async fn accounts(tx: &mut Tx) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as("SELECT email, id FROM users")
        .fetch_all(&mut **tx)
        .await?)
}

/// Changes an imported exhibitor's name, country, web site and about text.
pub async fn update_exhibitor(
    tx: &mut Tx,
    id: &str,
    name: &LocalizedText,
    country: &str,
    website: &str,
    about: &LocalizedText,
) -> Result<()> {
    sqlx::query(
        "UPDATE exhibitors SET name = $2, country = $3, website = $4, about = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(name.to_json())
    .bind(country)
    .bind(website)
    .bind(about.to_json())
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// Changes an imported product's fields, keeping its specification rows and pictures.
pub async fn update_product(tx: &mut Tx, p: &crate::expo::NewProduct<'_>) -> Result<()> {
    sqlx::query(
        "UPDATE products SET name = $1, description = $2, category = $3, price_min = $4, price_max = $5, \
           currency = $6, min_order = $7, lead_time_days = $8, certifications = $9, origin = $10 \
         WHERE id = $11",
    )
    .bind(p.name.to_json())
    .bind(p.description.to_json())
    .bind(p.category)
    .bind(p.price.map(|r| r.min))
    .bind(p.price.map(|r| r.max))
    .bind(p.price.map_or("USD", |r| r.currency.as_str()))
    .bind(p.min_order)
    .bind(p.lead_time_days)
    .bind(p.certifications)
    .bind(p.origin)
    .bind(p.id)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}
