//! Live streams: the schedule, each stream's state and its recording.

use crate::{classify, Db, Result, Tx};
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
    /// The replay's media type when an organizer uploaded it (`None`: the recorded WebM).
    pub recording_type: Option<String>,
    /// When it first went on air, Unix milliseconds.
    pub live_since: Option<i64>,
    /// Object store key and media type of the uploaded fallback video.
    pub fallback: Option<(String, String)>,
    /// The fallback's size in bytes.
    pub fallback_bytes: Option<i64>,
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
pub async fn insert(tx: &mut Tx, s: &NewStream<'_>) -> Result<()> {
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
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

const SELECT: &str =
    "SELECT s.id, s.expo_id, s.kind, s.state, s.title, s.description, s.starts_at, \
     s.ends_at, h.slug AS hall_slug, h.name AS hall_name, x.id AS ex_id, x.name AS ex_name, \
     bh.slug AS booth_hall, b.code AS booth_code, s.recording_key, s.recording_bytes, \
     s.recording_ms, s.recording_type, s.live_since, s.fallback_key, s.fallback_type, \
     s.fallback_bytes \
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
    recording_type: Option<String>,
    live_since: Option<i64>,
    fallback_key: Option<String>,
    fallback_type: Option<String>,
    fallback_bytes: Option<i64>,
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
        recording_type: r.recording_type,
        live_since: r.live_since,
        fallback: r.fallback_key.zip(r.fallback_type),
        fallback_bytes: r.fallback_bytes,
    })
}

/// The booth's test broadcast that has not ended yet, if any (the newest).
pub async fn open_test_of(db: &Db, exhibitor_id: &str) -> Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT id FROM live_streams WHERE exhibitor_id = $1 AND kind = 'test' \
         AND state IN ('scheduled', 'live') ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(exhibitor_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|r| r.0))
}

/// One stream.
pub async fn get(db: &Db, id: &str) -> Result<Option<StreamRow>> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE s.id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.and_then(map))
}

/// An expo's streams on its schedule (not the teams' test broadcasts) in start order (at most
/// 500), of the given states.
pub async fn list(db: &Db, expo_id: &str, states: &[StreamState]) -> Result<Vec<StreamRow>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE s.expo_id = $1 AND s.kind <> 'test' ORDER BY s.starts_at, s.id LIMIT 500"
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

/// Renames and re-times a stream.
pub async fn update_slot(
    db: &Db,
    id: &str,
    title: &LocalizedText,
    description: &LocalizedText,
    starts_at: i64,
    ends_at: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE live_streams SET title = $2, description = $3, starts_at = $4, ends_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(title.to_json())
    .bind(description.to_json())
    .bind(starts_at)
    .bind(ends_at)
    .execute(db.pool())
    .await?;
    Ok(())
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
             ended_at = CASE WHEN $3 = 'ended' THEN $4 ELSE ended_at END, \
             viewers_now = CASE WHEN $3 = 'live' THEN viewers_now ELSE 0 END \
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
        "UPDATE live_streams SET recording_key = $2, recording_bytes = $3, recording_ms = $4, \
         recording_type = NULL WHERE id = $1",
    )
    .bind(id)
    .bind(key)
    .bind(bytes)
    .bind(ms)
    .execute(db.pool())
    .await?;
    Ok(())
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

#[derive(sqlx::FromRow)]
struct QuestionRow {
    id: String,
    stream_id: String,
    user_id: String,
    display_name: String,
    text: String,
    created_at: i64,
    state: String,
    pinned: i64,
    answer: Option<String>,
    votes: i64,
}

impl QuestionRow {
    fn into_question(self) -> Option<domain::live::Question> {
        Some(domain::live::Question {
            id: self.id,
            stream_id: self.stream_id,
            author_id: self.user_id,
            author: self.display_name,
            text: self.text,
            at: self.created_at,
            state: domain::live::QuestionState::parse(&self.state)?,
            pinned: self.pinned != 0,
            answer: self.answer,
            votes: self.votes,
        })
    }
}

const QUESTION: &str =
    "SELECT q.id, q.stream_id, q.user_id, u.display_name, q.text, q.created_at, \
     q.state, q.pinned, q.answer, q.votes FROM live_questions q JOIN users u ON u.id = q.user_id";

/// Stores a question.
pub async fn insert_question(
    db: &Db,
    id: &str,
    stream_id: &str,
    user_id: &str,
    text: &str,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO live_questions (id, stream_id, user_id, text, created_at, state) \
         VALUES ($1, $2, $3, $4, $5, 'open')",
    )
    .bind(id)
    .bind(stream_id)
    .bind(user_id)
    .bind(text)
    .bind(at)
    .execute(db.pool())
    .await
    .map_err(classify)?;
    Ok(())
}

/// One question.
pub async fn question(db: &Db, id: &str) -> Result<Option<domain::live::Question>> {
    let row: Option<QuestionRow> = sqlx::query_as(&format!("{QUESTION} WHERE q.id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.and_then(QuestionRow::into_question))
}

/// A stream's questions (at most 1,000, oldest first).
pub async fn questions(db: &Db, stream_id: &str) -> Result<Vec<domain::live::Question>> {
    let rows: Vec<QuestionRow> = sqlx::query_as(&format!(
        "{QUESTION} WHERE q.stream_id = $1 ORDER BY q.created_at, q.id LIMIT 1000"
    ))
    .bind(stream_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(QuestionRow::into_question)
        .collect())
}

/// Counts a person's upvote once; false when they had already voted.
pub async fn vote(db: &Db, question_id: &str, user_id: &str) -> Result<bool> {
    let mut tx = db.begin().await?;
    let done = sqlx::query(
        "INSERT INTO live_question_votes (question_id, user_id) VALUES ($1, $2) \
         ON CONFLICT (question_id, user_id) DO NOTHING",
    )
    .bind(question_id)
    .bind(user_id)
    .execute(&mut *tx)
    .await
    .map_err(classify)?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query("UPDATE live_questions SET votes = votes + 1 WHERE id = $1")
        .bind(question_id)
        .execute(&mut *tx)
        .await?;
    crate::commit(tx).await?;
    Ok(true)
}

/// Sets a question's state, pin and answer.
pub async fn set_question(
    db: &Db,
    id: &str,
    state: domain::live::QuestionState,
    pinned: bool,
    answer: Option<&str>,
) -> Result<()> {
    sqlx::query("UPDATE live_questions SET state = $2, pinned = $3, answer = $4 WHERE id = $1")
        .bind(id)
        .bind(state.as_str())
        .bind(i64::from(pinned))
        .bind(answer)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Removes a person from a stream's room: banned, their questions hidden. The questions that
/// changed.
pub async fn ban(
    db: &Db,
    stream_id: &str,
    user_id: &str,
    by: &str,
    at: i64,
) -> Result<Vec<String>> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO live_bans (stream_id, user_id, banned_by, at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (stream_id, user_id) DO NOTHING",
    )
    .bind(stream_id)
    .bind(user_id)
    .bind(by)
    .bind(at)
    .execute(&mut *tx)
    .await
    .map_err(classify)?;
    let ids: Vec<(String,)> = sqlx::query_as(
        "SELECT id FROM live_questions WHERE stream_id = $1 AND user_id = $2 AND state <> 'hidden'",
    )
    .bind(stream_id)
    .bind(user_id)
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE live_questions SET state = 'hidden', pinned = 0 WHERE stream_id = $1 AND user_id = $2",
    )
    .bind(stream_id)
    .bind(user_id)
    .execute(&mut *tx)
    .await?;
    crate::commit(tx).await?;
    Ok(ids.into_iter().map(|(id,)| id).collect())
}

/// Whether the person was removed from the stream's room.
pub async fn is_banned(db: &Db, stream_id: &str, user_id: &str) -> Result<bool> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM live_bans WHERE stream_id = $1 AND user_id = $2")
            .bind(stream_id)
            .bind(user_id)
            .fetch_one(db.pool())
            .await?;
    Ok(n > 0)
}

/// The exhibitor's stream on air now, if any.
pub async fn on_air_of(db: &Db, exhibitor_id: &str) -> Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT id FROM live_streams WHERE exhibitor_id = $1 AND state = 'live' AND kind <> 'test' \
         ORDER BY id LIMIT 1",
    )
    .bind(exhibitor_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|(id,)| id))
}

/// Asks for (`on`) or cancels a reminder of a stream for a person.
pub async fn set_reminder(
    db: &Db,
    stream_id: &str,
    user_id: &str,
    on: bool,
    at: i64,
) -> Result<()> {
    if on {
        sqlx::query(
            "INSERT INTO live_reminders (stream_id, user_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (stream_id, user_id) DO NOTHING",
        )
        .bind(stream_id)
        .bind(user_id)
        .bind(at)
        .execute(db.pool())
        .await
        .map_err(classify)?;
    } else {
        sqlx::query("DELETE FROM live_reminders WHERE stream_id = $1 AND user_id = $2")
            .bind(stream_id)
            .bind(user_id)
            .execute(db.pool())
            .await?;
    }
    Ok(())
}

/// Whether the person asked to be reminded of the stream.
pub async fn has_reminder(db: &Db, stream_id: &str, user_id: &str) -> Result<bool> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM live_reminders WHERE stream_id = $1 AND user_id = $2")
            .bind(stream_id)
            .bind(user_id)
            .fetch_one(db.pool())
            .await?;
    Ok(n > 0)
}

/// A reminder to send now.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DueReminder {
    /// The stream.
    pub stream_id: String,
    /// Who.
    pub user_id: String,
    /// Their e-mail address.
    pub email: String,
    /// Their language tag.
    pub language: String,
    /// The stream's title (LocalizedText JSON).
    pub title: String,
    /// Its start, Unix seconds.
    pub starts_at: i64,
}

/// Reminders not sent yet of streams starting by `until` (Unix seconds) that are still on the
/// schedule (at most `limit`).
pub async fn due_reminders(db: &Db, until: i64, limit: i64) -> Result<Vec<DueReminder>> {
    Ok(sqlx::query_as(
        "SELECT r.stream_id, r.user_id, u.email, u.language, s.title, s.starts_at \
         FROM live_reminders r JOIN live_streams s ON s.id = r.stream_id \
         JOIN users u ON u.id = r.user_id \
         WHERE r.sent_at IS NULL AND s.starts_at <= $1 AND s.state IN ('scheduled', 'live') \
         ORDER BY s.starts_at, r.stream_id, r.user_id LIMIT $2",
    )
    .bind(until)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// Marks a reminder sent; false when it already was (another node sent it).
pub async fn reminder_sent(tx: &mut Tx, stream_id: &str, user_id: &str, at: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE live_reminders SET sent_at = $3 \
         WHERE stream_id = $1 AND user_id = $2 AND sent_at IS NULL",
    )
    .bind(stream_id)
    .bind(user_id)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Streams on air whose slot ended before `before` (Unix seconds).
pub async fn overdue(db: &Db, before: i64) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT id FROM live_streams WHERE state = 'live' AND ends_at < $1 ORDER BY id LIMIT 100",
    )
    .bind(before)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Records a replay an organizer uploaded (its length is unknown) and ends the stream if it
/// was still waiting on the schedule; false unless it is scheduled or over (on air, a
/// recording is being made; a request is not public yet).
pub async fn set_uploaded_replay(
    db: &Db,
    id: &str,
    key: &str,
    content_type: &str,
    bytes: i64,
    at: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE live_streams SET recording_key = $2, recording_type = $3, recording_bytes = $4, \
         recording_ms = NULL, ended_at = COALESCE(ended_at, $5), \
         state = CASE WHEN state = 'scheduled' THEN 'ended' ELSE state END \
         WHERE id = $1 AND state IN ('scheduled', 'ended')",
    )
    .bind(id)
    .bind(key)
    .bind(content_type)
    .bind(bytes)
    .bind(at)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Records the fallback video of a stream.
pub async fn set_fallback(
    db: &Db,
    id: &str,
    key: &str,
    content_type: &str,
    bytes: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE live_streams SET fallback_key = $2, fallback_type = $3, fallback_bytes = $4 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(key)
    .bind(content_type)
    .bind(bytes)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// A speaker as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Company and title.
    pub affiliation: String,
    /// Bio.
    pub bio: LocalizedText,
}

/// A stream's speakers, in the order they were added.
pub async fn speakers(db: &Db, stream_id: &str) -> Result<Vec<SpeakerRow>> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT id, name, affiliation, bio FROM live_speakers WHERE stream_id = $1 \
         ORDER BY created_at, id",
    )
    .bind(stream_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, affiliation, bio)| SpeakerRow {
            id,
            name,
            affiliation,
            bio: LocalizedText::from_json(&bio),
        })
        .collect())
}

/// Adds a speaker to a stream.
pub async fn insert_speaker(
    tx: &mut Tx,
    stream_id: &str,
    id: &str,
    (name, affiliation, bio): &domain::live::ValidSpeaker,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO live_speakers (id, stream_id, name, affiliation, bio, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(stream_id)
    .bind(name)
    .bind(affiliation)
    .bind(bio.to_json())
    .bind(at)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// Removes a speaker of a stream (agenda items keep their time and title); false if the
/// stream has no such speaker.
pub async fn delete_speaker(db: &Db, stream_id: &str, id: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM live_speakers WHERE id = $1 AND stream_id = $2")
        .bind(id)
        .bind(stream_id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}

/// An agenda item as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct AgendaRow {
    /// Id.
    pub id: String,
    /// Start, Unix seconds.
    pub starts_at: i64,
    /// Title.
    pub title: LocalizedText,
    /// Speaker id and name.
    pub speaker: Option<(String, String)>,
}

/// A stream's agenda, in time order.
pub async fn agenda(db: &Db, stream_id: &str) -> Result<Vec<AgendaRow>> {
    type Row = (String, i64, String, Option<String>, Option<String>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT a.id, a.starts_at, a.title, p.id, p.name FROM live_agenda a \
         LEFT JOIN live_speakers p ON p.id = a.speaker_id \
         WHERE a.stream_id = $1 ORDER BY a.starts_at, a.id",
    )
    .bind(stream_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, starts_at, title, sid, sname)| AgendaRow {
            id,
            starts_at,
            title: LocalizedText::from_json(&title),
            speaker: sid.zip(sname),
        })
        .collect())
}

/// Adds an agenda item (`speaker_id` must be one of the stream's speakers, or nothing is
/// added and false is returned).
pub async fn insert_agenda(
    tx: &mut Tx,
    stream_id: &str,
    id: &str,
    starts_at: i64,
    title: &LocalizedText,
    speaker_id: Option<&str>,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO live_agenda (id, stream_id, starts_at, title, speaker_id) \
         SELECT $1, $2, $3, $4, $5 WHERE $5 IS NULL OR EXISTS \
         (SELECT 1 FROM live_speakers WHERE id = $5 AND stream_id = $2)",
    )
    .bind(id)
    .bind(stream_id)
    .bind(starts_at)
    .bind(title.to_json())
    .bind(speaker_id)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(done.rows_affected() > 0)
}

/// Removes an agenda item of a stream; false if the stream has no such item.
pub async fn delete_agenda(db: &Db, stream_id: &str, id: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM live_agenda WHERE id = $1 AND stream_id = $2")
        .bind(id)
        .bind(stream_id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Counts a reaction in a room; the room's counts after it.
pub async fn react(
    db: &Db,
    stream_id: &str,
    reaction: domain::live::Reaction,
) -> Result<domain::live::ReactionCounts> {
    sqlx::query(
        "INSERT INTO live_reactions (stream_id, kind, count) VALUES ($1, $2, 1) \
         ON CONFLICT (stream_id, kind) DO UPDATE SET count = live_reactions.count + 1",
    )
    .bind(stream_id)
    .bind(reaction.as_str())
    .execute(db.pool())
    .await?;
    reactions(db, stream_id).await
}

/// A room's reaction counts, every reaction (zero where none), in display order.
pub async fn reactions(db: &Db, stream_id: &str) -> Result<domain::live::ReactionCounts> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT kind, count FROM live_reactions WHERE stream_id = $1")
            .bind(stream_id)
            .fetch_all(db.pool())
            .await?;
    Ok(domain::live::Reaction::ALL
        .into_iter()
        .map(|r| {
            let n = rows
                .iter()
                .find(|(k, _)| k == r.as_str())
                .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0));
            (r, n)
        })
        .collect())
}
