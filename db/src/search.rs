//! What the search index is fed from: the change notes the triggers write, the rows of products
//! and exhibitors as the index holds them, and the record of searches.
//!
//! Only exhibitors with a booth (and their products) are searchable: that is what visitors see.

use crate::{Db, Result};

/// A product as the index holds it (multilingual texts as stored JSON).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ProductDoc {
    /// Id.
    pub id: String,
    /// Expo.
    pub expo_id: String,
    /// Owner.
    pub exhibitor_id: String,
    /// Name (LocalizedText JSON).
    pub name: String,
    /// Description (LocalizedText JSON).
    pub description: String,
    /// Industry key.
    pub category: String,
    /// Certifications as stored (comma separated).
    pub certifications: String,
    /// Starting price in minor units.
    pub price_min: Option<i64>,
    /// Currency.
    pub currency: String,
    /// Created (ms).
    pub created_at: i64,
    /// The exhibitor's name (LocalizedText JSON).
    pub company: String,
    /// The exhibitor's country.
    pub country: String,
    /// The hall's slug.
    pub hall: String,
}

/// An exhibitor as the index holds it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ExhibitorDoc {
    /// Id.
    pub id: String,
    /// Expo.
    pub expo_id: String,
    /// Name (LocalizedText JSON).
    pub name: String,
    /// About (LocalizedText JSON).
    pub about: String,
    /// Country.
    pub country: String,
    /// The hall's slug.
    pub hall: String,
    /// The hall's industry key.
    pub industry: String,
    /// Booth code.
    pub booth_code: String,
    /// Created (ms).
    pub created_at: i64,
}

/// One change note.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Change {
    /// Monotonic id (may have gaps on PostgreSQL: rolled back or not yet committed).
    pub id: i64,
    /// `product`, `exhibitor` or `hall`.
    pub kind: String,
    /// The item's id.
    pub item_id: String,
}

const PRODUCT_COLUMNS: &str =
    "p.id, e.expo_id, p.exhibitor_id, p.name, p.description, p.category, \
     p.certifications, p.price_min, p.currency, p.created_at, e.name AS company, e.country, \
     h.slug AS hall \
     FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id \
     JOIN booths b ON b.exhibitor_id = e.id JOIN halls h ON h.id = b.hall_id";

const EXHIBITOR_COLUMNS: &str = "e.id, e.expo_id, e.name, e.about, e.country, h.slug AS hall, \
     h.industry, b.code AS booth_code, e.created_at \
     FROM exhibitors e JOIN booths b ON b.exhibitor_id = e.id JOIN halls h ON h.id = b.hall_id";

/// Most ids bound in one `IN (…)` list.
const CHUNK: usize = 500;

fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

async fn fetch_in<T>(db: &Db, sql_head: &str, column: &str, ids: &[String]) -> Result<Vec<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let sql = format!(
            "SELECT {sql_head} WHERE {column} IN ({})",
            placeholders(chunk.len())
        );
        let mut q = sqlx::query_as::<_, T>(&sql);
        for id in chunk {
            q = q.bind(id);
        }
        out.extend(q.fetch_all(db.pool()).await?);
    }
    Ok(out)
}

/// The searchable products among `ids` (deleted or unplaced ones are simply absent).
pub async fn products(db: &Db, ids: &[String]) -> Result<Vec<ProductDoc>> {
    fetch_in(db, PRODUCT_COLUMNS, "p.id", ids).await
}

/// The searchable products of these exhibitors.
pub async fn products_of_exhibitors(db: &Db, exhibitor_ids: &[String]) -> Result<Vec<ProductDoc>> {
    fetch_in(db, PRODUCT_COLUMNS, "p.exhibitor_id", exhibitor_ids).await
}

/// The searchable exhibitors among `ids`.
pub async fn exhibitors(db: &Db, ids: &[String]) -> Result<Vec<ExhibitorDoc>> {
    fetch_in(db, EXHIBITOR_COLUMNS, "e.id", ids).await
}

/// The exhibitors with a booth in these halls.
pub async fn exhibitors_in_halls(db: &Db, hall_ids: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for chunk in hall_ids.chunks(CHUNK) {
        let sql = format!(
            "SELECT exhibitor_id FROM booths WHERE hall_id IN ({})",
            placeholders(chunk.len())
        );
        let mut q = sqlx::query_as::<_, (String,)>(&sql);
        for id in chunk {
            q = q.bind(id);
        }
        out.extend(q.fetch_all(db.pool()).await?.into_iter().map(|(id,)| id));
    }
    Ok(out)
}

/// Every exhibitor with a booth, in id order (a full rebuild reads them a slice at a time).
pub async fn all_exhibitor_ids(db: &Db) -> Result<Vec<String>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT exhibitor_id FROM booths ORDER BY exhibitor_id")
            .fetch_all(db.pool())
            .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// The newest change id (0 when none).
pub async fn last_change_id(db: &Db) -> Result<i64> {
    let (n,): (Option<i64>,) = sqlx::query_as("SELECT MAX(id) FROM search_changes")
        .fetch_one(db.pool())
        .await?;
    Ok(n.unwrap_or(0))
}

/// Changes after `after`, oldest first, at most `limit`.
pub async fn changes_after(db: &Db, after: i64, limit: i64) -> Result<Vec<Change>> {
    Ok(sqlx::query_as(
        "SELECT id, kind, item_id FROM search_changes WHERE id > $1 ORDER BY id LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// Changes with `low < id <= high` (to find ones committed late, behind newer ones).
pub async fn changes_between(db: &Db, low: i64, high: i64) -> Result<Vec<Change>> {
    Ok(sqlx::query_as(
        "SELECT id, kind, item_id FROM search_changes WHERE id > $1 AND id <= $2 ORDER BY id",
    )
    .bind(low)
    .bind(high)
    .fetch_all(db.pool())
    .await?)
}

/// Removes change notes older than `before` (ms); an index that slept longer rebuilds.
pub async fn prune_changes(db: &Db, before: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM search_changes WHERE at < $1")
        .bind(before)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

/// One search, as recorded.
#[derive(Clone, Debug)]
pub struct SearchRecord<'a> {
    /// Expo searched.
    pub expo_id: &'a str,
    /// When (ms).
    pub at: i64,
    /// The words.
    pub query: &'a str,
    /// The filters (JSON object).
    pub filters: &'a str,
    /// How many results.
    pub result_count: i64,
    /// The searcher's language.
    pub locale: &'a str,
    /// The signed-in person, if any.
    pub user_id: Option<&'a str>,
    /// A pseudonymous id of the visitor (a day's hash of address and browser).
    pub visitor_id: &'a str,
}

/// Records a search.
pub async fn record(db: &Db, r: &SearchRecord<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO search_queries (id, expo_id, at, query, filters, result_count, locale, \
         user_id, visitor_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(crate::new_id())
    .bind(r.expo_id)
    .bind(r.at)
    .bind(r.query)
    .bind(r.filters)
    .bind(r.result_count)
    .bind(r.locale)
    .bind(r.user_id)
    .bind(r.visitor_id)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// A query that found nothing, how often, and when last.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ZeroResultQuery {
    /// The words (lower-cased).
    pub query: String,
    /// Times searched.
    pub times: i64,
    /// Last searched (ms).
    pub last_at: i64,
}

/// The queries with words that found nothing since `since`, most frequent first.
pub async fn zero_result_queries(
    db: &Db,
    expo_id: &str,
    since: i64,
    limit: i64,
) -> Result<Vec<ZeroResultQuery>> {
    Ok(sqlx::query_as(
        "SELECT LOWER(query) AS query, COUNT(*) AS times, MAX(at) AS last_at FROM search_queries \
         WHERE expo_id = $1 AND at >= $2 AND result_count = 0 AND query <> '' \
         GROUP BY LOWER(query) ORDER BY times DESC, last_at DESC LIMIT $3",
    )
    .bind(expo_id)
    .bind(since)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// How many searches were recorded for the expo since `since`: (all, with no result).
pub async fn counts(db: &Db, expo_id: &str, since: i64) -> Result<(i64, i64)> {
    let (all, zero): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), SUM(CASE WHEN result_count = 0 THEN 1 ELSE 0 END) FROM search_queries \
         WHERE expo_id = $1 AND at >= $2",
    )
    .bind(expo_id)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok((all, zero.unwrap_or(0)))
}

/// The products of search results, ready to show (any order; missing ids are left out).
pub async fn product_hits(db: &Db, ids: &[String]) -> Result<Vec<domain::search::ProductHit>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: String,
        name: String,
        category: String,
        price_min: Option<i64>,
        price_max: Option<i64>,
        currency: String,
        picture: Option<String>,
        exhibitor_id: String,
        company: String,
        booth_code: String,
    }
    // The card's columns, with the picture column named for the row struct.
    let head = format!(
        "{} AS picture, e.id AS exhibitor_id, e.name AS company, b.code AS booth_code \
         FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id \
         JOIN booths b ON b.exhibitor_id = e.id",
        crate::hall::CARD_COLUMNS
    );
    let rows: Vec<Row> = fetch_in(db, &head, "p.id", ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| domain::search::ProductHit {
            card: crate::hall::card((
                r.id,
                r.name,
                r.category,
                r.price_min,
                r.price_max,
                r.currency,
                r.picture,
            )),
            exhibitor_id: r.exhibitor_id,
            company: domain::text::LocalizedText::from_json(&r.company),
            booth_code: r.booth_code,
        })
        .collect())
}

/// The exhibitors of search results, ready to show.
pub async fn exhibitor_hits(db: &Db, ids: &[String]) -> Result<Vec<domain::search::ExhibitorHit>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: String,
        name: String,
        country: String,
        hall_name: String,
        booth_code: String,
        product_count: i64,
    }
    let rows: Vec<Row> = fetch_in(
        db,
        "e.id, e.name, e.country, h.name AS hall_name, b.code AS booth_code, \
         (SELECT COUNT(*) FROM products p WHERE p.exhibitor_id = e.id) AS product_count \
         FROM exhibitors e JOIN booths b ON b.exhibitor_id = e.id JOIN halls h ON h.id = b.hall_id",
        "e.id",
        ids,
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| domain::search::ExhibitorHit {
            id: r.id,
            name: domain::text::LocalizedText::from_json(&r.name),
            country: r.country,
            hall_name: domain::text::LocalizedText::from_json(&r.hall_name),
            booth_code: r.booth_code,
            product_count: r.product_count,
        })
        .collect())
}

/// One recorded search: (query, filters, result count, locale, user id, visitor id).
pub type RecordRow = (String, String, i64, String, Option<String>, String);

/// The searches of an expo since `since` (ms), oldest first.
pub async fn records_since(db: &Db, expo_id: &str, since: i64) -> Result<Vec<RecordRow>> {
    Ok(sqlx::query_as(
        "SELECT query, filters, result_count, locale, user_id, visitor_id FROM search_queries \
         WHERE expo_id = $1 AND at >= $2 ORDER BY at, id",
    )
    .bind(expo_id)
    .bind(since)
    .fetch_all(db.pool())
    .await?)
}

/// The public pages of an expo: exhibitors with a booth, and their products (ids).
pub async fn public_pages(db: &Db, expo_id: &str) -> Result<(Vec<String>, Vec<String>)> {
    let booths: Vec<(String,)> = sqlx::query_as(
        "SELECT e.id FROM exhibitors e JOIN booths b ON b.exhibitor_id = e.id \
         WHERE e.expo_id = $1 ORDER BY e.id",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    let products: Vec<(String,)> = sqlx::query_as(
        "SELECT p.id FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id \
         JOIN booths b ON b.exhibitor_id = e.id WHERE e.expo_id = $1 ORDER BY p.id",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    Ok((
        booths.into_iter().map(|(id,)| id).collect(),
        products.into_iter().map(|(id,)| id).collect(),
    ))
}
