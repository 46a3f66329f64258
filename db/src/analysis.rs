//! The database's part of the analysis (`domain::analysis`): traffic, visit lengths, the
//! funnel's first stage, sources and buyers' countries from the totals and visitors counted per
//! place (expo, hall, booth) and period (hour, day, all days) as footprints arrive
//! ([`crate::footprint_ingest`]); the funnel's other stages from favorites, chats, inquiries,
//! appointments and quotes; searches. Every figure is one query reading the rows of its place
//! and period only; the filters become `WHERE` clauses with bound values only.

use crate::{Db, Result};
use domain::analysis::{PlaceRow, SearchRow, SourceRow, TrafficPoint, DWELL_BUCKETS};
use domain::text::LocalizedText;

/// Rows of a ranking (booths, searches, countries), at most.
const TOP_ROWS: i64 = 50;

/// What to look at: the expo, one of its days or all, a hall or all, a booth or all.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    /// The expo.
    pub expo_id: String,
    /// One day (`YYYY-MM-DD`, the expo's), or every day.
    pub day: Option<String>,
    /// The day's first UTC millisecond (0 for every day).
    pub from: i64,
    /// The next day's first UTC millisecond (`i64::MAX` for every day).
    pub to: i64,
    /// One hall.
    pub hall: Option<String>,
    /// One booth (exhibitor id).
    pub booth: Option<String>,
}

/// A query's text being built, with its values (all text), bound in order.
struct Sql {
    text: String,
    binds: Vec<String>,
}

impl Sql {
    fn new(expo_id: &str) -> Sql {
        Sql {
            text: String::new(),
            binds: vec![expo_id.to_owned()],
        }
    }

    /// Adds `value` and returns its placeholder.
    fn bind(&mut self, value: &str) -> String {
        self.binds.push(value.to_owned());
        format!("${}", self.binds.len())
    }

    fn push(&mut self, s: &str) -> &mut Sql {
        self.text.push_str(s);
        self
    }

    /// `AND t.place = … AND t.day = …`: the totals (`t`) of the scope's place and period.
    fn totals_of(&mut self, s: &Scope) -> &mut Sql {
        let place = self.bind(&s.place());
        let day = self.bind(s.day.as_deref().unwrap_or(""));
        self.text
            .push_str(&format!(" AND t.place = {place} AND t.day = {day}"));
        self
    }

    /// The hall and booth filters, `e` being the booth.
    fn place_filters(&mut self, s: &Scope) -> &mut Sql {
        if let Some(hall) = &s.hall {
            let p = self.bind(hall);
            self.text.push_str(&format!(" AND e.hall_id = {p}"));
        }
        if let Some(booth) = &s.booth {
            let p = self.bind(booth);
            self.text.push_str(&format!(" AND e.id = {p}"));
        }
        self
    }

    fn query_as<'q, T>(
        &'q self,
    ) -> sqlx::query::QueryAs<'q, sqlx::Any, T, sqlx::any::AnyArguments<'q>>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow>,
    {
        let mut q = sqlx::query_as(&self.text);
        for b in &self.binds {
            q = q.bind(b.as_str());
        }
        q
    }
}

impl Scope {
    /// The place whose counts the scope reads: the booth, else the hall, else the expo.
    fn place(&self) -> String {
        match (&self.booth, &self.hall) {
            (Some(b), _) => format!("b:{b}"),
            (None, Some(h)) => format!("h:{h}"),
            (None, None) => String::new(),
        }
    }
}

/// Visitors, views and time of a place and period, from the totals counted as footprints
/// arrive (see the `footprint_rollups` migration).
const TOTALS: &str = "SELECT t.day AS at, t.visitors AS visitors, t.views AS views, \
     t.millis AS millis FROM footprint_totals t WHERE t.expo_id = $1";

/// The days with traffic, newest first.
pub async fn days(db: &Db, expo_id: &str) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT day FROM footprint_totals WHERE expo_id = $1 AND place = '' AND LENGTH(day) = 10 \
         ORDER BY day DESC LIMIT 400",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?)
}

/// The expo's halls (id, name), in their order.
pub async fn halls(db: &Db, expo_id: &str) -> Result<Vec<(String, LocalizedText)>> {
    named(
        db,
        "SELECT id, name FROM halls WHERE expo_id = $1 ORDER BY position, id",
        expo_id,
    )
    .await
}

/// (id, name) rows of a query over one expo, names read from their stored JSON.
async fn named(db: &Db, sql: &str, expo_id: &str) -> Result<Vec<(String, LocalizedText)>> {
    let rows: Vec<(String, String)> = sqlx::query_as(sql)
        .bind(expo_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| (id, LocalizedText::from_json(&name)))
        .collect())
}

/// A booth's expo and name, if it exists.
pub async fn booth(db: &Db, exhibitor_id: &str) -> Result<Option<(String, LocalizedText)>> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT expo_id, name FROM exhibitors WHERE id = $1")
            .bind(exhibitor_id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|(expo, name)| (expo, LocalizedText::from_json(&name))))
}

#[derive(sqlx::FromRow)]
struct Point {
    at: String,
    visitors: i64,
    views: i64,
    millis: i64,
}

impl From<Point> for TrafficPoint {
    fn from(p: Point) -> TrafficPoint {
        TrafficPoint {
            at: p.at,
            visitors: p.visitors,
            views: p.views,
            minutes: p.millis / 60_000,
        }
    }
}

/// Visitors, views and minutes within the scope.
pub async fn totals(db: &Db, s: &Scope) -> Result<TrafficPoint> {
    let mut q = Sql::new(&s.expo_id);
    q.push(TOTALS).totals_of(s);
    let p: Option<Point> = q.query_as().fetch_optional(db.pool()).await?;
    Ok(p.map(|p| TrafficPoint {
        at: String::new(),
        ..p.into()
    })
    .unwrap_or_default())
}

/// Traffic per day (oldest first), or per hour of the scope's day (hours counted from its
/// first moment: a day with a clock change has 23 or 25).
pub async fn traffic(db: &Db, s: &Scope) -> Result<Vec<TrafficPoint>> {
    let mut q = Sql::new(&s.expo_id);
    let place = q.bind(&s.place());
    q.push(TOTALS).push(&format!(" AND t.place = {place}"));
    let hours = s.day.is_some();
    match &s.day {
        Some(day) => {
            let like = q.bind(&format!("{day} %"));
            q.push(&format!(" AND t.day LIKE {like}"));
        }
        None => {
            q.push(" AND LENGTH(t.day) = 10");
        }
    }
    q.push(" ORDER BY t.day");
    Ok(q.query_as::<Point>()
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(|p| {
            let mut p = TrafficPoint::from(p);
            if hours {
                p.at = p.at.get(11..).unwrap_or_default().to_owned();
            }
            p
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct Place {
    id: String,
    name: String,
    visitors: i64,
    views: i64,
    millis: i64,
}

fn places(rows: Vec<Place>) -> Vec<PlaceRow> {
    rows.into_iter()
        .map(|p| PlaceRow {
            id: p.id,
            name: LocalizedText::from_json(&p.name),
            visitors: p.visitors,
            views: p.views,
            minutes: p.millis / 60_000,
        })
        .collect()
}

/// Traffic per hall (a hall's own page and its booths', products' and broadcasts'), most
/// visitors first.
pub async fn by_hall(db: &Db, s: &Scope) -> Result<Vec<PlaceRow>> {
    let mut q = Sql::new(&s.expo_id);
    let day = q.bind(s.day.as_deref().unwrap_or(""));
    q.push(&format!(
        "SELECT h.id AS id, h.name AS name, t.visitors AS visitors, t.views AS views, \
         t.millis AS millis FROM footprint_totals t JOIN halls h ON h.id = SUBSTR(t.place, 3) \
         WHERE t.expo_id = $1 AND t.day = {day} AND SUBSTR(t.place, 1, 2) = 'h:'"
    ));
    if let Some(hall) = &s.hall {
        let p = q.bind(hall);
        q.push(&format!(" AND h.id = {p}"));
    }
    q.push(" ORDER BY visitors DESC, h.id");
    Ok(places(q.query_as().fetch_all(db.pool()).await?))
}

/// The totals of each booth (`e`, `t`) within the scope's period, hall and booth.
fn booth_totals(q: &mut Sql, s: &Scope, select: &str) {
    let day = q.bind(s.day.as_deref().unwrap_or(""));
    q.push(&format!(
        "SELECT {select} FROM footprint_totals t JOIN exhibitors e ON e.id = SUBSTR(t.place, 3) \
         WHERE t.expo_id = $1 AND t.day = {day} AND SUBSTR(t.place, 1, 2) = 'b:'"
    ))
    .place_filters(s);
}

/// The booths with most visitors (their own page, products and broadcasts).
pub async fn by_booth(db: &Db, s: &Scope) -> Result<Vec<PlaceRow>> {
    let mut q = Sql::new(&s.expo_id);
    booth_totals(
        &mut q,
        s,
        "e.id AS id, e.name AS name, t.visitors AS visitors, t.views AS views, t.millis AS millis",
    );
    let limit = q.bind(&TOP_ROWS.to_string());
    q.push(&format!(
        " ORDER BY visitors DESC, e.id LIMIT CAST({limit} AS BIGINT)"
    ));
    Ok(places(q.query_as().fetch_all(db.pool()).await?))
}

/// Visits of booths (a visitor's time on one booth's page on one day, when reported) per
/// bucket of `DWELL_BUCKETS`.
pub async fn dwell(db: &Db, s: &Scope) -> Result<Vec<i64>> {
    let mut q = Sql::new(&s.expo_id);
    q.push(
        "SELECT t.dwell0, t.dwell1, t.dwell2, t.dwell3, t.dwell4, t.dwell5 \
         FROM footprint_totals t WHERE t.expo_id = $1",
    )
    .totals_of(s);
    type Buckets = (i64, i64, i64, i64, i64, i64);
    let b: Option<Buckets> = q.query_as().fetch_optional(db.pool()).await?;
    let (b0, b1, b2, b3, b4, b5) = b.unwrap_or_default();
    debug_assert_eq!(DWELL_BUCKETS.len(), 6);
    Ok(vec![b0, b1, b2, b3, b4, b5])
}

/// Pairs of a person and a booth at each stage of the funnel.
pub async fn funnel(db: &Db, s: &Scope) -> Result<domain::analysis::Funnel> {
    let count = |q: Sql| async move {
        let (n,): (i64,) = q.query_as().fetch_one(db.pool()).await?;
        Ok::<i64, crate::Error>(n)
    };
    // A person and a booth they looked at: each booth's visitors in the period.
    let mut viewed = Sql::new(&s.expo_id);
    booth_totals(
        &mut viewed,
        s,
        "CAST(COALESCE(SUM(t.visitors), 0) AS BIGINT)",
    );
    // The other stages: (person, booth, when) pairs from one table each.
    let stage = |pairs: &str| {
        let mut q = Sql::new(&s.expo_id);
        let from = q.bind(&s.from.to_string());
        let to = q.bind(&s.to.to_string());
        q.push(&format!(
            "SELECT COUNT(*) FROM (SELECT DISTINCT p.u, p.x FROM ({pairs}) p \
             JOIN exhibitors e ON e.id = p.x \
             WHERE e.expo_id = $1 AND p.at >= CAST({from} AS BIGINT) AND p.at < CAST({to} AS BIGINT)"
        ))
        .place_filters(s)
        .push(") y");
        q
    };
    let favorited =
        stage("SELECT user_id AS u, exhibitor_id AS x, created_at AS at FROM favorite_booths");
    let contacted = stage(
        // A booth chat counts from the first message its opener wrote in it (opening the
        // window alone is not a contact).
        "SELECT r.created_by AS u, r.exhibitor_id AS x, MIN(m.created_at) AS at \
         FROM chat_rooms r JOIN chat_messages m ON m.room_id = r.id AND m.sender_id = r.created_by \
         WHERE r.kind = 'booth' AND r.exhibitor_id IS NOT NULL \
         GROUP BY r.created_by, r.exhibitor_id, r.id \
         UNION ALL SELECT buyer_id, exhibitor_id, created_at FROM inquiries",
    );
    let met = stage(
        "SELECT buyer_id AS u, exhibitor_id AS x, starts_at AS at FROM appointments \
         WHERE status = 'accepted'",
    );
    let quoted = stage(
        "SELECT i.buyer_id AS u, i.exhibitor_id AS x, q.created_at AS at FROM quotes q \
         JOIN inquiries i ON i.id = q.inquiry_id",
    );
    let dealt = stage(
        "SELECT buyer_id AS u, exhibitor_id AS x, updated_at AS at FROM inquiries \
         WHERE status = 'accepted'",
    );
    Ok(domain::analysis::Funnel {
        viewed: count(viewed).await?,
        favorited: count(favorited).await?,
        contacted: count(contacted).await?,
        met: count(met).await?,
        quoted: count(quoted).await?,
        dealt: count(dealt).await?,
    })
}

/// The searches made most often (`zero`: only those that found nothing).
pub async fn searches(db: &Db, s: &Scope, zero: bool) -> Result<Vec<SearchRow>> {
    let mut q = Sql::new(&s.expo_id);
    let from = q.bind(&s.from.to_string());
    let to = q.bind(&s.to.to_string());
    let limit = q.bind(&TOP_ROWS.to_string());
    let only = if zero { " AND result_count = 0" } else { "" };
    q.push(&format!(
        "SELECT LOWER(query) AS query, COUNT(*) AS times, \
         CAST(MAX(result_count) AS BIGINT) AS results FROM search_queries \
         WHERE expo_id = $1 AND at >= CAST({from} AS BIGINT) AND at < CAST({to} AS BIGINT) \
         AND query <> ''{only} \
         GROUP BY LOWER(query) ORDER BY times DESC, query LIMIT CAST({limit} AS BIGINT)"
    ));
    #[derive(sqlx::FromRow)]
    struct Row {
        query: String,
        times: i64,
        results: i64,
    }
    Ok(q.query_as::<Row>()
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(|r| SearchRow {
            query: r.query,
            times: r.times,
            results: r.results,
        })
        .collect())
}

/// Per invitation tag: registrations through its links, and of the people it brought, those
/// who visited within the scope and how many of those are buyers. For a booth only the tags
/// that brought its visitors, and only those visitors: a team learns nothing of the
/// organizer's other campaigns.
pub async fn sources(db: &Db, s: &Scope) -> Result<Vec<SourceRow>> {
    let mut q = Sql::new(&s.expo_id);
    let registered = if s.booth.is_some() {
        "COUNT(DISTINCT v.user_id)"
    } else {
        "COUNT(DISTINCT r.user_id)"
    };
    q.push(&format!(
        "SELECT i.source AS source, {registered} AS registrations, \
         COUNT(DISTINCT v.user_id) AS visitors, \
         COUNT(DISTINCT CASE WHEN b.user_id IS NOT NULL THEN v.user_id END) AS buyers \
         FROM invitations i JOIN invitation_registrations r ON r.invitation_id = i.id \
         LEFT JOIN (SELECT t.user_id FROM footprint_visitors t WHERE t.expo_id = $1"
    ))
    .totals_of(s)
    .push(
        " AND t.user_id IS NOT NULL) v ON v.user_id = r.user_id \
         LEFT JOIN buyer_profiles b ON b.user_id = v.user_id AND b.expo_id = i.expo_id \
         WHERE i.expo_id = $1 GROUP BY i.source",
    );
    if s.booth.is_some() {
        q.push(" HAVING COUNT(DISTINCT v.user_id) > 0");
    }
    q.push(" ORDER BY visitors DESC, registrations DESC, i.source");
    #[derive(sqlx::FromRow)]
    struct Row {
        source: String,
        registrations: i64,
        visitors: i64,
        buyers: i64,
    }
    Ok(q.query_as::<Row>()
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(|r| SourceRow {
            source: r.source,
            registrations: r.registrations,
            visitors: r.visitors,
            buyers: r.buyers,
        })
        .collect())
}

/// Buyers who visited within the scope, by country (ISO code, empty when unknown).
pub async fn buyer_countries(db: &Db, s: &Scope) -> Result<Vec<(String, i64)>> {
    let mut q = Sql::new(&s.expo_id);
    q.push(
        "SELECT COALESCE(u.country, '') AS k, COUNT(*) AS n FROM footprint_visitors t \
         JOIN users u ON u.id = t.user_id WHERE t.expo_id = $1 AND t.buyer = 1",
    )
    .totals_of(s);
    let limit = q.bind(&TOP_ROWS.to_string());
    q.push(&format!(
        " GROUP BY COALESCE(u.country, '') ORDER BY n DESC, k LIMIT CAST({limit} AS BIGINT)"
    ));
    Ok(q.query_as().fetch_all(db.pool()).await?)
}

/// Every booth of the expo (exhibitor id, name).
pub async fn booth_names(db: &Db, expo_id: &str) -> Result<Vec<(String, LocalizedText)>> {
    named(
        db,
        "SELECT id, name FROM exhibitors WHERE expo_id = $1 ORDER BY id",
        expo_id,
    )
    .await
}

/// The intended deal value of the accepted quotes within the scope, per currency (minor
/// units), largest first.
pub async fn deals(db: &Db, s: &Scope) -> Result<Vec<(String, i64)>> {
    let mut q = Sql::new(&s.expo_id);
    let from = q.bind(&s.from.to_string());
    let to = q.bind(&s.to.to_string());
    q.push(&format!(
        "SELECT i.deal_currency AS currency, CAST(SUM(i.deal_minor) AS BIGINT) AS minor \
         FROM inquiries i JOIN exhibitors e ON e.id = i.exhibitor_id \
         WHERE i.expo_id = $1 AND i.status = 'accepted' AND i.deal_currency IS NOT NULL \
         AND i.deal_minor IS NOT NULL \
         AND i.updated_at >= CAST({from} AS BIGINT) AND i.updated_at < CAST({to} AS BIGINT)"
    ))
    .place_filters(s)
    .push(" GROUP BY i.deal_currency ORDER BY minor DESC, currency");
    Ok(q.query_as().fetch_all(db.pool()).await?)
}
