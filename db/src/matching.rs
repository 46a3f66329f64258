//! Matchmaking: what the matcher reads of buyers and exhibitors, the scores it keeps, the
//! organizer's weights, "not interested" and the queue of people to recompute.

use crate::{Db, Result};

/// An exhibitor as the matcher sees it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ExhibitorRow {
    /// Id.
    pub id: String,
    /// Its hall's industry key.
    pub industry: Option<String>,
    /// Country code.
    pub country: String,
    /// Has an approved application.
    pub verified: i64,
}

/// The exhibitors of an expo, by id.
pub async fn exhibitors(db: &Db, expo_id: &str) -> Result<Vec<ExhibitorRow>> {
    Ok(sqlx::query_as(
        "SELECT e.id, h.industry, e.country, \
           CASE WHEN EXISTS (SELECT 1 FROM exhibitor_applications a WHERE a.exhibitor_id = e.id \
             AND a.status = 'approved') THEN 1 ELSE 0 END AS verified \
         FROM exhibitors e LEFT JOIN halls h ON h.id = e.hall_id WHERE e.expo_id = $1 ORDER BY e.id",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?)
}

/// (exhibitor, product category) pairs of an expo, without repeats.
pub async fn exhibitor_categories(db: &Db, expo_id: &str) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT DISTINCT p.exhibitor_id, p.category FROM products p \
         JOIN exhibitors e ON e.id = p.exhibitor_id WHERE e.expo_id = $1 AND p.category <> ''",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?)
}

/// Per exhibitor and currency, the smallest order value its products allow (minimum order ×
/// lowest price, in minor units).
pub async fn exhibitor_min_orders(db: &Db, expo_id: &str) -> Result<Vec<(String, String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT p.exhibitor_id, p.currency, CAST(MIN(p.min_order * p.price_min) AS BIGINT) FROM products p \
         JOIN exhibitors e ON e.id = p.exhibitor_id WHERE e.expo_id = $1 \
           AND p.min_order IS NOT NULL AND p.price_min IS NOT NULL GROUP BY p.exhibitor_id, p.currency",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?)
}

/// (exhibitor, language tag) of every booth team member, without repeats.
pub async fn exhibitor_languages(db: &Db, expo_id: &str) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT DISTINCT m.exhibitor_id, u.language FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.expo_id = $1 AND m.role = 'exhibitor' AND m.exhibitor_id IS NOT NULL",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?)
}

/// A buyer (or a signed-in visitor with footprints) as the matcher sees them.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct BuyerRow {
    /// Person id.
    pub id: String,
    /// Language tag.
    pub language: String,
    /// `,key,key,` industry keys of the buyer profile.
    pub interests: Option<String>,
    /// Volume band of the buyer profile.
    pub volume: Option<String>,
    /// `,CN,KR,` sourcing countries of the buyer profile.
    pub countries: Option<String>,
    /// Verified by the organizer (milliseconds), if so.
    pub verified_at: Option<i64>,
    /// Turned behaviour-based matching off.
    pub footprints_off: i64,
}

/// The people to match in an expo, by id: everyone with a buyer profile or footprints there,
/// except booth teams and organizers. `only` narrows it to one person.
pub async fn buyers(db: &Db, expo_id: &str, only: Option<&str>) -> Result<Vec<BuyerRow>> {
    let one = if only.is_some() { " AND u.id = $2" } else { "" };
    let sql = format!(
        "SELECT u.id, u.language, b.interests, b.volume, b.countries, b.verified_at, u.footprints_off \
         FROM users u LEFT JOIN buyer_profiles b ON b.user_id = u.id AND b.expo_id = $1 \
         WHERE (b.user_id IS NOT NULL OR EXISTS (SELECT 1 FROM footprint_days f \
             WHERE f.user_id = u.id AND f.expo_id = $1)) \
           AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.expo_id = $1 \
             AND m.role IN ('exhibitor', 'organizer')){one} \
         ORDER BY u.id"
    );
    let mut q = sqlx::query_as(&sql).bind(expo_id);
    if let Some(id) = only {
        q = q.bind(id);
    }
    Ok(q.fetch_all(db.pool()).await?)
}

/// What a person did at a booth, one kind at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignalKind {
    /// Booth page views (count), time (millis).
    Booth,
    /// Product page views (count), time (millis), distinct products (distinct).
    Product,
    /// Favorites (booth or products).
    Favorite,
    /// Inquiries.
    Inquiry,
    /// Conversations.
    Chat,
    /// Meetings joined.
    Meeting,
    /// Said "not interested".
    Dismissed,
}

/// One behavioural signal between a person and a booth.
#[derive(Clone, Debug)]
pub struct Signal {
    /// Person.
    pub user_id: String,
    /// Booth.
    pub exhibitor_id: String,
    /// What kind.
    pub kind: SignalKind,
    /// How many.
    pub count: i64,
    /// Time spent, for views.
    pub millis: i64,
    /// Distinct pages, for product views.
    pub distinct: i64,
}

/// Every behavioural signal of an expo's people (or of one person).
pub async fn signals(db: &Db, expo_id: &str, only: Option<&str>) -> Result<Vec<Signal>> {
    let one = |col: &str| {
        if only.is_some() {
            format!(" AND {col} = $2")
        } else {
            String::new()
        }
    };
    type Row = (String, String, i64, i64, i64);
    let queries: [(SignalKind, String); 8] = [
        (
            SignalKind::Booth,
            format!(
                "SELECT user_id, exhibitor_id, CAST(SUM(views) AS BIGINT), CAST(SUM(millis) AS BIGINT), 0 \
                 FROM footprint_days WHERE expo_id = $1 AND target_kind = 'booth' \
                 AND user_id IS NOT NULL AND exhibitor_id IS NOT NULL{} GROUP BY user_id, exhibitor_id",
                one("user_id")
            ),
        ),
        (
            SignalKind::Product,
            format!(
                "SELECT user_id, exhibitor_id, CAST(SUM(views) AS BIGINT), CAST(SUM(millis) AS BIGINT), \
                 COUNT(DISTINCT target_id) FROM footprint_days WHERE expo_id = $1 AND target_kind = 'product' \
                 AND user_id IS NOT NULL AND exhibitor_id IS NOT NULL{} GROUP BY user_id, exhibitor_id",
                one("user_id")
            ),
        ),
        (
            SignalKind::Favorite,
            format!(
                "SELECT f.user_id, f.exhibitor_id, 1, 0, 0 FROM favorite_booths f \
                 JOIN exhibitors e ON e.id = f.exhibitor_id WHERE e.expo_id = $1{}",
                one("f.user_id")
            ),
        ),
        (
            SignalKind::Favorite,
            format!(
                "SELECT f.user_id, p.exhibitor_id, COUNT(*), 0, 0 FROM favorite_products f \
                 JOIN products p ON p.id = f.product_id JOIN exhibitors e ON e.id = p.exhibitor_id \
                 WHERE e.expo_id = $1{} GROUP BY f.user_id, p.exhibitor_id",
                one("f.user_id")
            ),
        ),
        (
            SignalKind::Inquiry,
            format!(
                "SELECT buyer_id, exhibitor_id, COUNT(*), 0, 0 FROM inquiries WHERE expo_id = $1{} \
                 GROUP BY buyer_id, exhibitor_id",
                one("buyer_id")
            ),
        ),
        (
            SignalKind::Chat,
            format!(
                "SELECT m.user_id, r.exhibitor_id, COUNT(*), 0, 0 FROM chat_members m \
                 JOIN chat_rooms r ON r.id = m.room_id WHERE r.expo_id = $1 AND r.exhibitor_id IS NOT NULL \
                 AND NOT EXISTS (SELECT 1 FROM memberships t WHERE t.user_id = m.user_id \
                   AND t.exhibitor_id = r.exhibitor_id){} GROUP BY m.user_id, r.exhibitor_id",
                one("m.user_id")
            ),
        ),
        (
            SignalKind::Meeting,
            format!(
                "SELECT p.user_id, t.exhibitor_id, COUNT(DISTINCT mt.id), 0, 0 FROM meeting_participants p \
                 JOIN meetings mt ON mt.id = p.meeting_id \
                 JOIN memberships t ON t.user_id = mt.host_id AND t.expo_id = mt.expo_id \
                   AND t.role = 'exhibitor' AND t.exhibitor_id IS NOT NULL \
                 WHERE mt.expo_id = $1 AND p.user_id <> mt.host_id AND p.joined_at IS NOT NULL{} \
                 GROUP BY p.user_id, t.exhibitor_id",
                one("p.user_id")
            ),
        ),
        (
            SignalKind::Dismissed,
            format!(
                "SELECT user_id, exhibitor_id, 1, 0, 0 FROM match_dismissals WHERE expo_id = $1{}",
                one("user_id")
            ),
        ),
    ];
    let mut out = Vec::new();
    for (kind, sql) in queries {
        let mut q = sqlx::query_as::<_, Row>(&sql).bind(expo_id);
        if let Some(id) = only {
            q = q.bind(id);
        }
        for (user_id, exhibitor_id, count, millis, distinct) in q.fetch_all(db.pool()).await? {
            out.push(Signal {
                user_id,
                exhibitor_id,
                kind,
                count,
                millis,
                distinct,
            });
        }
    }
    Ok(out)
}

/// (person, industry key, views) of what people browsed in an expo (or one person).
pub async fn browsed(
    db: &Db,
    expo_id: &str,
    only: Option<&str>,
) -> Result<Vec<(String, String, i64)>> {
    let one = if only.is_some() {
        " AND user_id = $2"
    } else {
        ""
    };
    let sql = format!(
        "SELECT user_id, industry, CAST(SUM(views) AS BIGINT) FROM footprint_days \
         WHERE expo_id = $1 AND user_id IS NOT NULL AND industry <> ''{one} GROUP BY user_id, industry"
    );
    let mut q = sqlx::query_as(&sql).bind(expo_id);
    if let Some(id) = only {
        q = q.bind(id);
    }
    Ok(q.fetch_all(db.pool()).await?)
}

/// One kept score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreRow {
    /// Buyer.
    pub buyer_id: String,
    /// Exhibitor.
    pub exhibitor_id: String,
    /// 0–100.
    pub score: i64,
    /// `domain::matching::Reasons`, encoded.
    pub reasons: String,
}

/// Rows per INSERT statement.
const INSERT_CHUNK: usize = 5000;

/// Writes rows in chunks, each chunk one statement with one parameter: the rows as a JSON array
/// the engine unpacks itself (binding four parameters per row through the driver cost ten times
/// as much at a large fair's millions of rows).
async fn insert_rows(
    tx: &mut crate::Tx,
    backend: crate::Backend,
    expo_id: &str,
    rows: &[ScoreRow],
    now: i64,
) -> Result<()> {
    let sql = match backend {
        crate::Backend::Sqlite => {
            "INSERT INTO match_scores (expo_id, buyer_id, exhibitor_id, score, reasons, computed_at) \
             SELECT $1, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, $2 FROM json_each($3) j"
        }
        // PostgreSQL has json_each too, but over objects; arrays unpack with json_array_elements.
        crate::Backend::Postgres => {
            "INSERT INTO match_scores (expo_id, buyer_id, exhibitor_id, score, reasons, computed_at) \
             SELECT $1, j.value ->> 0, j.value ->> 1, CAST(j.value ->> 2 AS BIGINT), j.value ->> 3, $2 \
             FROM json_array_elements(CAST($3 AS JSON)) AS j(value)"
        }
    };
    for chunk in rows.chunks(INSERT_CHUNK) {
        let tuples: Vec<(&str, &str, i64, &str)> = chunk
            .iter()
            .map(|r| {
                (
                    r.buyer_id.as_str(),
                    r.exhibitor_id.as_str(),
                    r.score,
                    r.reasons.as_str(),
                )
            })
            .collect();
        let json = serde_json::to_string(&tuples).map_err(|e| sqlx::Error::Encode(e.into()))?;
        sqlx::query(sql)
            .bind(expo_id)
            .bind(now)
            .bind(json)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The index of scores by booth, as the migration makes it.
const BY_EXHIBITOR: &str =
    "CREATE INDEX match_scores_exhibitor ON match_scores(exhibitor_id, score)";

/// Replaces every score of an expo (a full recompute) in one transaction. `rows` in key order
/// (buyer, then exhibitor) go in fastest. In SQLite the index by booth is dropped for the
/// rewrite and made again in one sorted pass at the end, inside the same transaction: readers
/// keep the old scores and their index until it commits, and millions of scattered index
/// inserts become one sort. (PostgreSQL would lock the table for readers meanwhile, so there
/// the index stays.)
pub async fn replace_all(db: &Db, expo_id: &str, rows: &[ScoreRow], now: i64) -> Result<()> {
    let rebuild_index = matches!(db.backend(), crate::Backend::Sqlite);
    let mut tx = db.begin().await?;
    if rebuild_index {
        sqlx::query("DROP INDEX IF EXISTS match_scores_exhibitor")
            .execute(&mut *tx)
            .await?;
    }
    // SQLite empties a whole table by dropping its pages instead of deleting row by row (many
    // times faster for millions of rows), but only for a DELETE without a WHERE: taken when no
    // other expo has scores (two seeks on the key, which starts with the expo).
    let alone = rebuild_index
        && sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM (SELECT 1 FROM match_scores WHERE expo_id < $1 LIMIT 1) \
             UNION ALL SELECT COUNT(*) FROM (SELECT 1 FROM match_scores WHERE expo_id > $1 LIMIT 1)",
        )
        .bind(expo_id)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .all(|n| *n == 0);
    if alone {
        sqlx::query("DELETE FROM match_scores")
            .execute(&mut *tx)
            .await?;
    } else {
        sqlx::query("DELETE FROM match_scores WHERE expo_id = $1")
            .bind(expo_id)
            .execute(&mut *tx)
            .await?;
    }
    insert_rows(&mut tx, db.backend(), expo_id, rows, now).await?;
    if rebuild_index {
        sqlx::query(BY_EXHIBITOR).execute(&mut *tx).await?;
    }
    sqlx::query(
        "INSERT INTO match_settings (expo_id, weights, computed_at) VALUES ($1, '', $2) \
         ON CONFLICT (expo_id) DO UPDATE SET computed_at = excluded.computed_at",
    )
    .bind(expo_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    crate::commit(tx).await
}

/// Replaces one buyer's scores; returns the (exhibitor, score) pairs kept before, so the caller
/// can tell new and newly strong matches apart.
pub async fn replace_buyer(
    db: &Db,
    expo_id: &str,
    buyer_id: &str,
    rows: &[ScoreRow],
    now: i64,
) -> Result<Vec<(String, i64)>> {
    let mut tx = db.begin().await?;
    let before: Vec<(String, i64)> = sqlx::query_as(
        "DELETE FROM match_scores WHERE expo_id = $1 AND buyer_id = $2 RETURNING exhibitor_id, score",
    )
            .bind(expo_id)
            .bind(buyer_id)
            .fetch_all(&mut *tx)
            .await?;
    insert_rows(&mut tx, db.backend(), expo_id, rows, now).await?;
    crate::commit(tx).await?;
    Ok(before)
}

/// A kept match, seen from either side.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MatchRow {
    /// The other side's id (exhibitor for a buyer, buyer for an exhibitor).
    pub id: String,
    /// Its name (exhibitor: localized JSON; buyer: display name).
    pub name: String,
    /// Its company (buyers), or empty.
    pub company: String,
    /// Country code.
    pub country: String,
    /// Booth code (exhibitors), if placed.
    pub booth_code: Option<String>,
    /// 0–100.
    pub score: i64,
    /// Encoded reasons.
    pub reasons: String,
}

/// A buyer's best matches, best first.
pub async fn for_buyer(
    db: &Db,
    expo_id: &str,
    buyer_id: &str,
    limit: i64,
) -> Result<Vec<MatchRow>> {
    Ok(sqlx::query_as(
        "SELECT e.id, e.name, '' AS company, e.country, b.code AS booth_code, s.score, s.reasons \
         FROM match_scores s JOIN exhibitors e ON e.id = s.exhibitor_id \
         LEFT JOIN booths b ON b.exhibitor_id = e.id \
         WHERE s.buyer_id = $1 AND s.expo_id = $2 ORDER BY s.score DESC, e.id LIMIT $3",
    )
    .bind(buyer_id)
    .bind(expo_id)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// An exhibitor's best-matching buyers, best first.
pub async fn for_exhibitor(db: &Db, exhibitor_id: &str, limit: i64) -> Result<Vec<MatchRow>> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.display_name AS name, COALESCE(bp.company, '') AS company, u.country, \
           CAST(NULL AS TEXT) AS booth_code, s.score, s.reasons \
         FROM match_scores s JOIN users u ON u.id = s.buyer_id \
         LEFT JOIN buyer_profiles bp ON bp.user_id = u.id AND bp.expo_id = s.expo_id \
         WHERE s.exhibitor_id = $1 ORDER BY s.score DESC, u.id LIMIT $2",
    )
    .bind(exhibitor_id)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// The organizer's weights (JSON) for an expo, if set.
pub async fn weights(db: &Db, expo_id: &str) -> Result<Option<String>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT weights FROM match_settings WHERE expo_id = $1")
            .bind(expo_id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|(w,)| w).filter(|w| !w.is_empty()))
}

/// Sets the weights (JSON).
pub async fn set_weights(db: &Db, expo_id: &str, weights: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO match_settings (expo_id, weights, computed_at) VALUES ($1, $2, 0) \
         ON CONFLICT (expo_id) DO UPDATE SET weights = excluded.weights",
    )
    .bind(expo_id)
    .bind(weights)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// When the last full recompute of an expo ran (0 when never).
pub async fn computed_at(db: &Db, expo_id: &str) -> Result<i64> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT computed_at FROM match_settings WHERE expo_id = $1")
            .bind(expo_id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|(t,)| t).unwrap_or(0))
}

/// Records "not interested" (doing it twice changes nothing) and drops the kept match.
pub async fn dismiss(
    db: &Db,
    expo_id: &str,
    user_id: &str,
    exhibitor_id: &str,
    now: i64,
) -> Result<()> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO match_dismissals (expo_id, user_id, exhibitor_id, at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id, exhibitor_id) DO NOTHING",
    )
    .bind(expo_id)
    .bind(user_id)
    .bind(exhibitor_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "DELETE FROM match_scores WHERE expo_id = $1 AND buyer_id = $2 AND exhibitor_id = $3",
    )
    .bind(expo_id)
    .bind(user_id)
    .bind(exhibitor_id)
    .execute(&mut *tx)
    .await?;
    crate::commit(tx).await
}

/// Queues a person (or `exhibitor:` + id) for recomputing.
pub async fn mark_dirty(db: &Db, expo_id: &str, subject: &str, now: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO match_dirty (expo_id, subject, at) VALUES ($1, $2, $3) \
         ON CONFLICT (expo_id, subject) DO UPDATE SET at = excluded.at",
    )
    .bind(expo_id)
    .bind(subject)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Up to `limit` queued subjects, oldest first, as (expo, subject, at).
pub async fn dirty(db: &Db, limit: i64) -> Result<Vec<(String, String, i64)>> {
    Ok(
        sqlx::query_as(
            "SELECT expo_id, subject, at FROM match_dirty ORDER BY at, subject LIMIT $1",
        )
        .bind(limit)
        .fetch_all(db.pool())
        .await?,
    )
}

/// Removes a queued subject unless it was queued again after `at`.
pub async fn done(db: &Db, expo_id: &str, subject: &str, at: i64) -> Result<()> {
    sqlx::query("DELETE FROM match_dirty WHERE expo_id = $1 AND subject = $2 AND at <= $3")
        .bind(expo_id)
        .bind(subject)
        .bind(at)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Up to `limit` products of a booth in the given industries (all when none), as (id, name).
pub async fn products_for(
    db: &Db,
    exhibitor_id: &str,
    industries: &[&str],
    limit: i64,
) -> Result<Vec<(String, String)>> {
    let wanted = format!(",{},", industries.join(","));
    Ok(sqlx::query_as(
        "SELECT id, name FROM products WHERE exhibitor_id = $1 \
           AND ($2 = ',,' OR $2 LIKE '%,' || category || ',%') ORDER BY created_at, id LIMIT $3",
    )
    .bind(exhibitor_id)
    .bind(wanted)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// The names (localized JSON) of exhibitors, in the order asked (empty for unknown ids).
pub async fn exhibitor_names(db: &Db, ids: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let row: Option<(String,)> = sqlx::query_as("SELECT name FROM exhibitors WHERE id = $1")
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
        out.push(row.map(|(n,)| n).unwrap_or_default());
    }
    Ok(out)
}

/// People matched and pairs kept in an expo.
pub async fn counts(db: &Db, expo_id: &str) -> Result<(i64, i64)> {
    Ok(sqlx::query_as(
        "SELECT COUNT(DISTINCT buyer_id), COUNT(*) FROM match_scores WHERE expo_id = $1",
    )
    .bind(expo_id)
    .fetch_one(db.pool())
    .await?)
}

/// A few buyers with profiles, by name, for the organizer's preview: (id, display name).
pub async fn sample_buyers(db: &Db, expo_id: &str, limit: i64) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.display_name FROM buyer_profiles b JOIN users u ON u.id = b.user_id \
         WHERE b.expo_id = $1 ORDER BY u.display_name, u.id LIMIT $2",
    )
    .bind(expo_id)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// Every expo's id.
pub async fn expo_ids(db: &Db) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT id FROM expos ORDER BY id")
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// A person due a digest of new strong matches: (id, e-mail, language, last digest).
pub async fn digest_due(
    db: &Db,
    now: i64,
    strong: i64,
    limit: i64,
) -> Result<Vec<(String, String, String, i64)>> {
    const DAY: i64 = 24 * 3600 * 1000;
    Ok(sqlx::query_as(
        "SELECT u.id, u.email, u.language, u.match_digest_at FROM users u \
         WHERE ((u.match_digest = 'daily' AND u.match_digest_at <= $1 - $2) \
             OR (u.match_digest = 'weekly' AND u.match_digest_at <= $1 - 7 * $2)) \
           AND EXISTS (SELECT 1 FROM match_scores s WHERE s.buyer_id = u.id AND s.score >= $3 \
             AND s.computed_at > u.match_digest_at) \
         ORDER BY u.match_digest_at, u.id LIMIT $4",
    )
    .bind(now)
    .bind(DAY)
    .bind(strong)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// A person's strong matches kept since `since`, best first, as (exhibitor name JSON, score,
/// reasons).
pub async fn strong_since(
    db: &Db,
    user_id: &str,
    since: i64,
    strong: i64,
    limit: i64,
) -> Result<Vec<(String, i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT e.name, s.score, s.reasons FROM match_scores s JOIN exhibitors e ON e.id = s.exhibitor_id \
         WHERE s.buyer_id = $1 AND s.score >= $2 AND s.computed_at > $3 \
         ORDER BY s.score DESC, e.id LIMIT $4",
    )
    .bind(user_id)
    .bind(strong)
    .bind(since)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// Claims a person's digest: moves their last digest from `since` to `at`; false when another
/// node claimed it first (the row moved on).
pub async fn claim_digest(tx: &mut crate::Tx, user_id: &str, since: i64, at: i64) -> Result<bool> {
    let r =
        sqlx::query("UPDATE users SET match_digest_at = $1 WHERE id = $2 AND match_digest_at = $3")
            .bind(at)
            .bind(user_id)
            .bind(since)
            .execute(&mut **tx)
            .await?;
    Ok(r.rows_affected() == 1)
}

/// How often a person wants the digest (`off`, `daily`, `weekly`).
pub async fn digest_frequency(db: &Db, user_id: &str) -> Result<String> {
    let row: Option<(String,)> = sqlx::query_as("SELECT match_digest FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|(f,)| f).unwrap_or_else(|| "weekly".into()))
}

/// Sets how often a person wants the digest.
pub async fn set_digest_frequency(db: &Db, user_id: &str, frequency: &str) -> Result<()> {
    sqlx::query("UPDATE users SET match_digest = $1 WHERE id = $2")
        .bind(frequency)
        .bind(user_id)
        .execute(db.pool())
        .await?;
    Ok(())
}
