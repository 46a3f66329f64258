//! Meetings and their participants (also the meeting records: who came, when, how long).

use crate::{classify, Db, Result, Tx};
use domain::meeting::{MeetingRole, MeetingSummary, Participant, ParticipantState};

/// A meeting's stored facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingRow {
    /// Id.
    pub id: String,
    /// Expo.
    pub expo_id: String,
    /// Host.
    pub host_id: String,
    /// Title.
    pub title: String,
    /// In-meeting chat room.
    pub chat_room_id: Option<String>,
    /// Invite link token.
    pub invite_token: String,
    /// Planned time.
    pub scheduled_at: Option<i64>,
    /// End time.
    pub ended_at: Option<i64>,
    /// Locked.
    pub locked: bool,
    /// Interpreter asked for.
    pub interpreter_requested: bool,
}

/// A meeting to create.
#[derive(Clone, Debug)]
pub struct NewMeeting<'a> {
    /// Id.
    pub id: &'a str,
    /// Expo.
    pub expo_id: &'a str,
    /// Host.
    pub host_id: &'a str,
    /// Title.
    pub title: &'a str,
    /// In-meeting chat room.
    pub chat_room_id: Option<&'a str>,
    /// Invite link token.
    pub invite_token: &'a str,
    /// Planned time.
    pub scheduled_at: Option<i64>,
    /// Now.
    pub at: i64,
}

/// Creates a meeting.
pub async fn insert(tx: &mut Tx, m: &NewMeeting<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO meetings (id, expo_id, host_id, title, chat_room_id, invite_token, scheduled_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(m.id)
    .bind(m.expo_id)
    .bind(m.host_id)
    .bind(m.title)
    .bind(m.chat_room_id)
    .bind(m.invite_token)
    .bind(m.scheduled_at)
    .bind(m.at)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// Adds a participant, or changes the state (and role) of one already there.
pub async fn put_participant(
    tx: &mut Tx,
    meeting_id: &str,
    user_id: &str,
    role: MeetingRole,
    state: ParticipantState,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO meeting_participants (meeting_id, user_id, role, state, invited_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (meeting_id, user_id) DO UPDATE SET role = excluded.role, state = excluded.state",
    )
    .bind(meeting_id)
    .bind(user_id)
    .bind(role.as_str())
    .bind(state.as_str())
    .bind(at)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

type Row = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<i64>,
    Option<i64>,
    i64,
    i64,
);

fn row(r: Row) -> MeetingRow {
    MeetingRow {
        id: r.0,
        expo_id: r.1,
        host_id: r.2,
        title: r.3,
        chat_room_id: r.4,
        invite_token: r.5,
        scheduled_at: r.6,
        ended_at: r.7,
        locked: r.8 != 0,
        interpreter_requested: r.9 != 0,
    }
}

const COLUMNS: &str = "id, expo_id, host_id, title, chat_room_id, invite_token, scheduled_at, ended_at, locked, interpreter_requested";

/// A meeting by id.
pub async fn get(db: &Db, id: &str) -> Result<Option<MeetingRow>> {
    let r: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM meetings WHERE id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(r.map(row))
}

/// A meeting by its invite token.
pub async fn by_token(db: &Db, token: &str) -> Result<Option<MeetingRow>> {
    let r: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM meetings WHERE invite_token = $1"
    ))
    .bind(token)
    .fetch_optional(db.pool())
    .await?;
    Ok(r.map(row))
}

/// Everyone in a meeting's list, host first.
pub async fn participants(db: &Db, meeting_id: &str) -> Result<Vec<Participant>> {
    let rows: Vec<(String, String, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT u.id, u.display_name, p.role, p.state, p.present_since FROM meeting_participants p \
         JOIN users u ON u.id = p.user_id WHERE p.meeting_id = $1 ORDER BY p.invited_at, u.id",
    )
    .bind(meeting_id)
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<Participant> = rows
        .into_iter()
        .filter_map(|(user_id, name, role, state, present)| {
            Some(Participant {
                user_id,
                name,
                role: MeetingRole::parse(&role)?,
                state: ParticipantState::parse(&state)?,
                present: present.is_some(),
            })
        })
        .collect();
    out.sort_by_key(|p| p.role != MeetingRole::Host);
    Ok(out)
}

/// One person's role and state in a meeting.
pub async fn participant(
    db: &Db,
    meeting_id: &str,
    user_id: &str,
) -> Result<Option<(MeetingRole, ParticipantState)>> {
    let r: Option<(String, String)> = sqlx::query_as(
        "SELECT role, state FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2",
    )
    .bind(meeting_id)
    .bind(user_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(r.and_then(|(role, state)| {
        Some((MeetingRole::parse(&role)?, ParticipantState::parse(&state)?))
    }))
}

/// Changes a participant's state; returns whether they exist.
pub async fn set_state(
    db: &Db,
    meeting_id: &str,
    user_id: &str,
    state: ParticipantState,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE meeting_participants SET state = $3 WHERE meeting_id = $1 AND user_id = $2",
    )
    .bind(meeting_id)
    .bind(user_id)
    .bind(state.as_str())
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Marks an admitted participant as connected (the meeting starts with its first arrival).
pub async fn mark_present(db: &Db, meeting_id: &str, user_id: &str, at: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE meeting_participants SET present_since = $3, joined_at = COALESCE(joined_at, $3) \
         WHERE meeting_id = $1 AND user_id = $2 AND state = 'admitted' AND present_since IS NULL",
    )
    .bind(meeting_id)
    .bind(user_id)
    .bind(at)
    .execute(db.pool())
    .await?;
    sqlx::query("UPDATE meetings SET started_at = COALESCE(started_at, $2) WHERE id = $1")
        .bind(meeting_id)
        .bind(at)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Marks a participant as gone and adds the time they were there; returns whether they were.
pub async fn mark_absent(db: &Db, meeting_id: &str, user_id: &str, at: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE meeting_participants SET seconds_present = seconds_present + ($3 - present_since) / 1000, \
           present_since = NULL, left_at = $3 \
         WHERE meeting_id = $1 AND user_id = $2 AND present_since IS NOT NULL",
    )
    .bind(meeting_id)
    .bind(user_id)
    .bind(at)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() > 0)
}

/// How many participants are connected.
pub async fn present_count(db: &Db, meeting_id: &str) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM meeting_participants WHERE meeting_id = $1 AND present_since IS NOT NULL",
    )
    .bind(meeting_id)
    .fetch_one(db.pool())
    .await?;
    Ok(n)
}

/// Ends a meeting: everyone's time is added up and nobody can enter again.
pub async fn end(db: &Db, meeting_id: &str, at: i64) -> Result<()> {
    sqlx::query(
        "UPDATE meeting_participants SET seconds_present = seconds_present + ($2 - present_since) / 1000, \
           present_since = NULL, left_at = $2 WHERE meeting_id = $1 AND present_since IS NOT NULL",
    )
    .bind(meeting_id)
    .bind(at)
    .execute(db.pool())
    .await?;
    sqlx::query("UPDATE meetings SET ended_at = COALESCE(ended_at, $2) WHERE id = $1")
        .bind(meeting_id)
        .bind(at)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The people who were in a meeting at some point (not those only invited or admitted).
pub async fn attended(db: &Db, meeting_id: &str) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT user_id FROM meeting_participants WHERE meeting_id = $1 AND joined_at IS NOT NULL \
         ORDER BY user_id",
    )
    .bind(meeting_id)
    .fetch_all(db.pool())
    .await?)
}

/// Locks or unlocks a meeting.
pub async fn set_locked(db: &Db, meeting_id: &str, locked: bool) -> Result<()> {
    sqlx::query("UPDATE meetings SET locked = $2 WHERE id = $1")
        .bind(meeting_id)
        .bind(i64::from(locked))
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Records that an interpreter has been asked for.
pub async fn request_interpreter(db: &Db, meeting_id: &str) -> Result<()> {
    sqlx::query("UPDATE meetings SET interpreter_requested = 1 WHERE id = $1")
        .bind(meeting_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The person's meetings (not removed from), newest first.
pub async fn of_user(db: &Db, user_id: &str) -> Result<Vec<MeetingSummary>> {
    #[derive(sqlx::FromRow)]
    struct SummaryRow {
        id: String,
        title: String,
        scheduled_at: Option<i64>,
        created_at: i64,
        ended_at: Option<i64>,
        role: String,
        state: String,
        host_name: String,
        host_company: Option<String>,
    }
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT m.id, m.title, m.scheduled_at, m.created_at, m.ended_at, p.role, p.state, \
         h.display_name AS host_name, h.company AS host_company FROM meeting_participants p \
         JOIN meetings m ON m.id = p.meeting_id JOIN users h ON h.id = m.host_id \
         WHERE p.user_id = $1 AND p.state NOT IN ('removed', 'declined') \
         ORDER BY COALESCE(m.scheduled_at, m.created_at) DESC LIMIT 100",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(MeetingSummary {
                host: match r.host_company.filter(|c| !c.trim().is_empty()) {
                    Some(company) => format!("{} ({company})", r.host_name),
                    None => r.host_name,
                },
                id: r.id,
                title: r.title,
                scheduled_at: r.scheduled_at,
                created_at: Some(r.created_at),
                ended_at: r.ended_at,
                role: MeetingRole::parse(&r.role)?,
                state: ParticipantState::parse(&r.state)?,
            })
        })
        .collect())
}

/// Time each participant spent in a meeting, in seconds (the meeting records).
pub async fn attendance(
    db: &Db,
    meeting_id: &str,
) -> Result<Vec<(String, Option<i64>, Option<i64>, i64)>> {
    Ok(sqlx::query_as(
        "SELECT user_id, joined_at, left_at, seconds_present FROM meeting_participants \
         WHERE meeting_id = $1 ORDER BY user_id",
    )
    .bind(meeting_id)
    .fetch_all(db.pool())
    .await?)
}

/// A user's id by e-mail (for inviting a person by address).
pub async fn user_by_email(db: &Db, email: &str) -> Result<Option<String>> {
    let r: Option<(String,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(db.pool())
        .await?;
    Ok(r.map(|(id,)| id))
}

/// A meeting reminder to send now.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DueMeetingReminder {
    /// The meeting.
    pub meeting_id: String,
    /// Who.
    pub user_id: String,
    /// Their e-mail address.
    pub email: String,
    /// Their language tag.
    pub language: String,
    /// The meeting's title.
    pub title: String,
    /// When it is planned for (UTC milliseconds).
    pub scheduled_at: i64,
    /// The host's account.
    pub host_id: String,
    /// The host's name and company, as the reminder names them.
    pub host_name: String,
    /// The host's company, if any.
    pub host_company: Option<String>,
}

/// Reminders not sent yet to the invited and admitted people of meetings planned between
/// `from` and `until` (UTC milliseconds) that have not ended (at most `limit`).
pub async fn due_reminders(
    db: &Db,
    from: i64,
    until: i64,
    limit: i64,
) -> Result<Vec<DueMeetingReminder>> {
    Ok(sqlx::query_as(
        "SELECT p.meeting_id, p.user_id, u.email, u.language, m.title, m.scheduled_at, \
         m.host_id, h.display_name AS host_name, h.company AS host_company \
         FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id \
         JOIN users u ON u.id = p.user_id JOIN users h ON h.id = m.host_id \
         WHERE p.reminded_at IS NULL AND p.state IN ('invited', 'admitted') \
         AND m.ended_at IS NULL AND m.scheduled_at >= $1 AND m.scheduled_at <= $2 \
         ORDER BY m.scheduled_at, p.meeting_id, p.user_id LIMIT $3",
    )
    .bind(from)
    .bind(until)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// Marks a meeting reminder sent; false when it already was (another node sent it).
pub async fn reminder_sent(tx: &mut Tx, meeting_id: &str, user_id: &str, at: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE meeting_participants SET reminded_at = $3 \
         WHERE meeting_id = $1 AND user_id = $2 AND reminded_at IS NULL",
    )
    .bind(meeting_id)
    .bind(user_id)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}
