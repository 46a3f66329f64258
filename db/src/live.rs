//! Live streams: the schedule, each stream's state and its recording.

use crate::{classify, Db, Result};
use domain::live::{StreamKind, StreamState};
use domain::text::LocalizedText;

/// A stream as stored, with the names lists show.
#[derive(Clone, Debug, PartialEq)]
pub struct StreamRow {
    /// Id.
    pub id: String,
    /// Expo.
    pub expo_id: String,
    /// Kind.
    pub kind: StreamKind,
    /// State.
    pub state: StreamState,
    /// Title.
    pub title: LocalizedText,
    /// Description.
    pub description: LocalizedText,
    /// Start, Unix seconds.
    pub starts_at: i64,
    /// End, Unix seconds.
    pub ends_at: i64,
    /// Hall: slug and name.
    pub hall: Option<(String, LocalizedText)>,
    /// Exhibitor: id and name.
    pub exhibitor: Option<(String, LocalizedText)>,
    /// The booth: hall slug and booth code.
    pub booth: Option<(String, String)>,
    /// Object store key of the replay.
    pub recording_key: Option<String>,
    /// Replay size in bytes.
    pub recording_bytes: Option<i64>,
    /// Replay length in milliseconds.
    pub recording_ms: Option<i64>,
}

/// A stream to put on the schedule.
#[derive(Clone, Debug)]
pub struct NewStream<'a> {
    /// Id.
    pub id: &'a str,
    /// Expo.
    pub expo_id: &'a str,
    /// Kind.
    pub kind: StreamKind,
    /// Hall.
    pub hall_id: Option<&'a str>,
    /// Exhibitor (booth streams).
    pub exhibitor_id: Option<&'a str>,
    /// Title.
    pub title: &'a LocalizedText,
    /// Description.
    pub description: &'a LocalizedText,
    /// Start.
    pub starts_at: i64,
    /// End.
    pub ends_at: i64,
    /// Requested or scheduled.
    pub state: StreamState,
    /// Who asked for it.
    pub created_by: &'a str,
    /// Now, Unix milliseconds.
    pub at: i64,
}

/// Puts a stream on the schedule (or asks for it).
pub async fn insert(db: &Db, s: &NewStream<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO live_streams (id, expo_id, kind, hall_id, exhibitor_id, title, description, \
         starts_at, ends_at, state, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(s.id)
    .bind(s.expo_id)
    .bind(s.kind.as_str())
    .bind(s.hall_id)
    .bind(s.exhibitor_id)
    .bind(s.title.to_json())
    .bind(s.description.to_json())
    .bind(s.starts_at)
    .bind(s.ends_at)
    .bind(s.state.as_str())
    .bind(s.created_by)
    .bind(s.at)
    .execute(db.pool())
    .await
    .map_err(classify)?;
    Ok(())
}

const SELECT: &str =
    "SELECT s.id, s.expo_id, s.kind, s.state, s.title, s.description, s.starts_at, \
     s.ends_at, h.slug AS hall_slug, h.name AS hall_name, x.id AS ex_id, x.name AS ex_name, \
     bh.slug AS booth_hall, b.code AS booth_code, s.recording_key, s.recording_bytes, \
     s.recording_ms \
     FROM live_streams s LEFT JOIN halls h ON h.id = s.hall_id \
     LEFT JOIN exhibitors x ON x.id = s.exhibitor_id \
     LEFT JOIN booths b ON b.exhibitor_id = s.exhibitor_id \
     LEFT JOIN halls bh ON bh.id = b.hall_id";

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    expo_id: String,
    kind: String,
    state: String,
    title: String,
    description: String,
    starts_at: i64,
    ends_at: i64,
    hall_slug: Option<String>,
    hall_name: Option<String>,
    ex_id: Option<String>,
    ex_name: Option<String>,
    booth_hall: Option<String>,
    booth_code: Option<String>,
    recording_key: Option<String>,
    recording_bytes: Option<i64>,
    recording_ms: Option<i64>,
}

fn map(r: Row) -> Option<StreamRow> {
    Some(StreamRow {
        id: r.id,
        expo_id: r.expo_id,
        kind: StreamKind::parse(&r.kind)?,
        state: StreamState::parse(&r.state)?,
        title: LocalizedText::from_json(&r.title),
        description: LocalizedText::from_json(&r.description),
        starts_at: r.starts_at,
        ends_at: r.ends_at,
        hall: r
            .hall_slug
            .zip(r.hall_name.as_deref().map(LocalizedText::from_json)),
        exhibitor: r
            .ex_id
            .zip(r.ex_name.as_deref().map(LocalizedText::from_json)),
        booth: r.booth_hall.zip(r.booth_code),
        recording_key: r.recording_key,
        recording_bytes: r.recording_bytes,
        recording_ms: r.recording_ms,
    })
}

/// One stream.
pub async fn get(db: &Db, id: &str) -> Result<Option<StreamRow>> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE s.id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.and_then(map))
}

/// An expo's streams in start order (at most 500), of the given states.
pub async fn list(db: &Db, expo_id: &str, states: &[StreamState]) -> Result<Vec<StreamRow>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE s.expo_id = $1 ORDER BY s.starts_at, s.id LIMIT 500"
    ))
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(map)
        .filter(|s| states.contains(&s.state))
        .collect())
}

/// Moves a stream from one of `from` to `to`; false when it was in none of them (someone else
/// moved it first). Going live stamps the first time; ending stamps the end.
pub async fn set_state(
    db: &Db,
    id: &str,
    from: &[StreamState],
    to: StreamState,
    at: i64,
) -> Result<bool> {
    let mut changed = false;
    // One statement per allowed origin keeps the SQL the same on both backends (no array binds).
    for f in from {
        let done = sqlx::query(
            "UPDATE live_streams SET state = $3, \
             live_since = CASE WHEN $3 = 'live' AND live_since IS NULL THEN $4 ELSE live_since END, \
             ended_at = CASE WHEN $3 = 'ended' THEN $4 ELSE ended_at END \
             WHERE id = $1 AND state = $2",
        )
        .bind(id)
        .bind(f.as_str())
        .bind(to.as_str())
        .bind(at)
        .execute(db.pool())
        .await?;
        if done.rows_affected() > 0 {
            changed = true;
            break;
        }
    }
    Ok(changed)
}

/// Records where the replay is.
pub async fn set_recording(db: &Db, id: &str, key: &str, bytes: i64, ms: i64) -> Result<()> {
    sqlx::query(
        "UPDATE live_streams SET recording_key = $2, recording_bytes = $3, recording_ms = $4 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(key)
    .bind(bytes)
    .bind(ms)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Exhibitors of an expo on air now (for the "live" banners on booths and hall maps).
pub async fn live_exhibitors(db: &Db, expo_id: &str) -> Result<Vec<(String, String)>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT exhibitor_id, id FROM live_streams \
         WHERE expo_id = $1 AND state = 'live' AND exhibitor_id IS NOT NULL ORDER BY id",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows)
}

/// The hall of an exhibitor of the expo (`Some(None)`: an exhibitor without a hall; `None`: no
/// such exhibitor in the expo).
pub async fn exhibitor_hall(
    db: &Db,
    expo_id: &str,
    exhibitor_id: &str,
) -> Result<Option<Option<String>>> {
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT hall_id FROM exhibitors WHERE id = $1 AND expo_id = $2")
            .bind(exhibitor_id)
            .bind(expo_id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|(h,)| h))
}
