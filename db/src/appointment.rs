//! Availability slots, appointments and the calendar's other entries. A slot is held by at
//! most one appointment through the unique `held_slot`, on every node at once; status changes
//! are conditional updates (`… WHERE status = <the one expected>`), so two answers racing each
//! other change a row once.

use crate::{classify, Db, Result, Tx};
use domain::appointment::AppointmentStatus;
use domain::text::LocalizedText;

/// A published slot with who meets in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlotRow {
    /// Id.
    pub id: String,
    /// The expo.
    pub expo_id: String,
    /// The booth.
    pub exhibitor_id: String,
    /// The member who meets.
    pub member_id: String,
    /// Their name.
    pub member_name: String,
    /// Start, UTC milliseconds.
    pub starts_at: i64,
    /// End, UTC milliseconds.
    pub ends_at: i64,
    /// An appointment holds it.
    pub held: bool,
}

const SLOT_COLUMNS: &str = "s.id, s.expo_id, s.exhibitor_id, s.member_id, u.display_name, \
     s.starts_at, s.ends_at, \
     CASE WHEN EXISTS (SELECT 1 FROM appointments a WHERE a.held_slot = s.id) THEN 1 ELSE 0 END \
     FROM availability_slots s JOIN users u ON u.id = s.member_id";

/// The slot's member is still on its booth's team (a member who left takes their slots along).
const ON_TEAM: &str = "EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = s.member_id \
     AND m.expo_id = s.expo_id AND m.role = 'exhibitor' AND m.exhibitor_id = s.exhibitor_id)";

type SlotTuple = (String, String, String, String, String, i64, i64, i64);

fn slot_row(t: SlotTuple) -> SlotRow {
    SlotRow {
        id: t.0,
        expo_id: t.1,
        exhibitor_id: t.2,
        member_id: t.3,
        member_name: t.4,
        starts_at: t.5,
        ends_at: t.6,
        held: t.7 != 0,
    }
}

/// Stores a member's new slots (already checked not to overlap their others).
pub async fn insert_slots(
    tx: &mut Tx,
    expo_id: &str,
    exhibitor_id: &str,
    member_id: &str,
    zone: &str,
    slots: &[(i64, i64)],
    at: i64,
) -> Result<()> {
    for (start, end) in slots {
        sqlx::query(
            "INSERT INTO availability_slots (id, expo_id, exhibitor_id, member_id, starts_at, \
               ends_at, time_zone, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(crate::new_id())
        .bind(expo_id)
        .bind(exhibitor_id)
        .bind(member_id)
        .bind(start)
        .bind(end)
        .bind(zone)
        .bind(at)
        .execute(&mut **tx)
        .await
        .map_err(classify)?;
    }
    Ok(())
}

/// True when one of the member's slots shares a moment with `[start, end)`.
pub async fn member_overlaps(tx: &mut Tx, member_id: &str, start: i64, end: i64) -> Result<bool> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM availability_slots WHERE member_id = $1 AND starts_at < $2 AND ends_at > $3",
    )
    .bind(member_id)
    .bind(end)
    .bind(start)
    .fetch_one(&mut **tx)
    .await?;
    Ok(n > 0)
}

/// One slot, while its member is on the booth's team.
pub async fn slot(db: &Db, id: &str) -> Result<Option<SlotRow>> {
    let row: Option<SlotTuple> = sqlx::query_as(&format!(
        "SELECT {SLOT_COLUMNS} WHERE s.id = $1 AND {ON_TEAM}"
    ))
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(slot_row))
}

/// A booth's free slots starting from `from`, soonest first.
pub async fn free_slots(
    db: &Db,
    exhibitor_id: &str,
    from: i64,
    limit: i64,
) -> Result<Vec<SlotRow>> {
    let rows: Vec<SlotTuple> = sqlx::query_as(&format!(
        "SELECT {SLOT_COLUMNS} WHERE s.exhibitor_id = $1 AND s.starts_at >= $2 AND {ON_TEAM} \
           AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.held_slot = s.id) \
         ORDER BY s.starts_at, u.display_name LIMIT $3"
    ))
    .bind(exhibitor_id)
    .bind(from)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(slot_row).collect())
}

/// A member's slots from `from` on, held or free, soonest first.
pub async fn member_slots(db: &Db, member_id: &str, from: i64) -> Result<Vec<SlotRow>> {
    let rows: Vec<SlotTuple> = sqlx::query_as(&format!(
        "SELECT {SLOT_COLUMNS} WHERE s.member_id = $1 AND s.starts_at >= $2 \
         ORDER BY s.starts_at LIMIT 500"
    ))
    .bind(member_id)
    .bind(from)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(slot_row).collect())
}

/// Removes a member's slot if nobody holds it; true when it was removed.
pub async fn delete_free_slot(db: &Db, id: &str, member_id: &str) -> Result<bool> {
    let done = sqlx::query(
        "DELETE FROM availability_slots WHERE id = $1 AND member_id = $2 \
           AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.held_slot = $1)",
    )
    .bind(id)
    .bind(member_id)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() > 0)
}

/// An appointment with the names its pages show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppointmentRow {
    /// Id.
    pub id: String,
    /// The expo.
    pub expo_id: String,
    /// The booth.
    pub exhibitor_id: String,
    /// The booth's company.
    pub company: LocalizedText,
    /// The buyer.
    pub buyer_id: String,
    /// The buyer's name.
    pub buyer_name: String,
    /// The buyer's company as they wrote it.
    pub buyer_company: Option<String>,
    /// The member who meets.
    pub member_id: String,
    /// Their name.
    pub member_name: String,
    /// The slot (while it exists).
    pub slot_id: Option<String>,
    /// Start, UTC milliseconds.
    pub starts_at: i64,
    /// End, UTC milliseconds.
    pub ends_at: i64,
    /// The product it is about.
    pub product: Option<LocalizedText>,
    /// The buyer's message.
    pub message: String,
    /// The booth's answer.
    pub answer: String,
    /// Where it stands.
    pub status: AppointmentStatus,
    /// The meeting, once accepted.
    pub meeting_id: Option<String>,
    /// Last change, UTC milliseconds.
    pub updated_at: i64,
}

const APPOINTMENT_COLUMNS: &str =
    "a.id, a.expo_id, a.exhibitor_id, e.name AS company, a.buyer_id, \
     b.display_name AS buyer_name, b.company AS buyer_company, a.member_id, \
     m.display_name AS member_name, a.slot_id, a.starts_at, a.ends_at, p.name AS product, \
     a.message, a.answer, a.status, a.meeting_id, a.updated_at \
     FROM appointments a JOIN exhibitors e ON e.id = a.exhibitor_id \
     JOIN users b ON b.id = a.buyer_id JOIN users m ON m.id = a.member_id \
     LEFT JOIN products p ON p.id = a.product_id";

#[derive(sqlx::FromRow)]
struct AppointmentRecord {
    id: String,
    expo_id: String,
    exhibitor_id: String,
    company: String,
    buyer_id: String,
    buyer_name: String,
    buyer_company: Option<String>,
    member_id: String,
    member_name: String,
    slot_id: Option<String>,
    starts_at: i64,
    ends_at: i64,
    product: Option<String>,
    message: String,
    answer: String,
    status: String,
    meeting_id: Option<String>,
    updated_at: i64,
}

fn appointment_row(t: AppointmentRecord) -> AppointmentRow {
    AppointmentRow {
        id: t.id,
        expo_id: t.expo_id,
        exhibitor_id: t.exhibitor_id,
        company: LocalizedText::from_json(&t.company),
        buyer_id: t.buyer_id,
        buyer_name: t.buyer_name,
        buyer_company: t.buyer_company,
        member_id: t.member_id,
        member_name: t.member_name,
        slot_id: t.slot_id,
        starts_at: t.starts_at,
        ends_at: t.ends_at,
        product: t.product.as_deref().map(LocalizedText::from_json),
        message: t.message,
        answer: t.answer,
        status: AppointmentStatus::parse(&t.status).unwrap_or(AppointmentStatus::Cancelled),
        meeting_id: t.meeting_id,
        updated_at: t.updated_at,
    }
}

/// An appointment about to be stored (requested, holding its slot).
pub struct NewAppointment<'a> {
    /// Id.
    pub id: &'a str,
    /// The slot booked.
    pub slot: &'a SlotRow,
    /// The buyer.
    pub buyer_id: &'a str,
    /// The product it is about.
    pub product_id: Option<&'a str>,
    /// The form's token.
    pub cid: &'a str,
    /// The buyer's message.
    pub message: &'a str,
    /// Now.
    pub at: i64,
}

/// Stores a request for a slot; [`crate::Error::Unique`] when the slot is held already (on
/// any node) or the buyer sent this form before.
pub async fn insert(tx: &mut Tx, a: &NewAppointment<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO appointments (id, expo_id, exhibitor_id, buyer_id, member_id, slot_id, \
           held_slot, starts_at, ends_at, product_id, cid, message, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, 'requested', $12, $12)",
    )
    .bind(a.id)
    .bind(&a.slot.expo_id)
    .bind(&a.slot.exhibitor_id)
    .bind(a.buyer_id)
    .bind(&a.slot.member_id)
    .bind(&a.slot.id)
    .bind(a.slot.starts_at)
    .bind(a.slot.ends_at)
    .bind(a.product_id)
    .bind(a.cid)
    .bind(a.message)
    .bind(a.at)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// The appointment a buyer's form token made, if any.
pub async fn by_cid(db: &Db, buyer_id: &str, cid: &str) -> Result<Option<String>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT id FROM appointments WHERE buyer_id = $1 AND cid = $2")
            .bind(buyer_id)
            .bind(cid)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|(id,)| id))
}

/// How many appointments the buyer asked for since `since`.
pub async fn requested_since(db: &Db, buyer_id: &str, since: i64) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM appointments WHERE buyer_id = $1 AND created_at >= $2",
    )
    .bind(buyer_id)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok(n)
}

/// True when one of the person's live appointments (as buyer or as the member who meets)
/// other than `except` shares a moment with `[start, end)`.
pub async fn person_busy(
    db: &Db,
    user_id: &str,
    start: i64,
    end: i64,
    except: &str,
) -> Result<bool> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM appointments WHERE (buyer_id = $1 OR member_id = $1) \
           AND held_slot IS NOT NULL AND starts_at < $2 AND ends_at > $3 AND id <> $4",
    )
    .bind(user_id)
    .bind(end)
    .bind(start)
    .bind(except)
    .fetch_one(db.pool())
    .await?;
    Ok(n > 0)
}

/// One appointment.
pub async fn get(db: &Db, id: &str) -> Result<Option<AppointmentRow>> {
    let row: Option<AppointmentRecord> =
        sqlx::query_as(&format!("SELECT {APPOINTMENT_COLUMNS} WHERE a.id = $1"))
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(appointment_row))
}

/// The person's appointments (as buyer or as the member who meets) ending after `from`,
/// soonest first.
pub async fn of_person(db: &Db, user_id: &str, from: i64) -> Result<Vec<AppointmentRow>> {
    let rows: Vec<AppointmentRecord> = sqlx::query_as(&format!(
        "SELECT {APPOINTMENT_COLUMNS} WHERE (a.buyer_id = $1 OR a.member_id = $1) \
           AND a.ends_at > $2 ORDER BY a.starts_at LIMIT 500"
    ))
    .bind(user_id)
    .bind(from)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(appointment_row).collect())
}

/// Requests to a booth that nobody answered yet, soonest first.
pub async fn open_requests(db: &Db, exhibitor_id: &str, from: i64) -> Result<Vec<AppointmentRow>> {
    let rows: Vec<AppointmentRecord> = sqlx::query_as(&format!(
        "SELECT {APPOINTMENT_COLUMNS} WHERE a.exhibitor_id = $1 AND a.status = 'requested' \
           AND a.ends_at > $2 ORDER BY a.starts_at LIMIT 200"
    ))
    .bind(exhibitor_id)
    .bind(from)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(appointment_row).collect())
}

/// Moves an appointment from `from` to `to` (releasing its slot when `to` holds none), with
/// the answer and the meeting; false when it was no longer `from`.
pub async fn set_status(
    tx: &mut Tx,
    id: &str,
    from: AppointmentStatus,
    to: AppointmentStatus,
    answer: Option<&str>,
    meeting_id: Option<&str>,
    at: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE appointments SET status = $3, \
           held_slot = CASE WHEN $4 = 1 THEN held_slot ELSE NULL END, \
           answer = COALESCE($5, answer), meeting_id = COALESCE($6, meeting_id), updated_at = $7 \
         WHERE id = $1 AND status = $2",
    )
    .bind(id)
    .bind(from.as_str())
    .bind(to.as_str())
    .bind(i64::from(to.holds_slot()))
    .bind(answer)
    .bind(meeting_id)
    .bind(at)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(done.rows_affected() > 0)
}

/// The booth proposes `slot` instead: the appointment holds it (and lets its old one go);
/// false when it was no longer requested, [`crate::Error::Unique`] when the slot was taken.
pub async fn propose(tx: &mut Tx, id: &str, slot: &SlotRow, answer: &str, at: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE appointments SET status = 'proposed', slot_id = $2, held_slot = $2, \
           member_id = $3, starts_at = $4, ends_at = $5, answer = $6, updated_at = $7 \
         WHERE id = $1 AND status = 'requested'",
    )
    .bind(id)
    .bind(&slot.id)
    .bind(&slot.member_id)
    .bind(slot.starts_at)
    .bind(slot.ends_at)
    .bind(answer)
    .bind(at)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(done.rows_affected() > 0)
}

/// Ends the meeting an appointment made when the appointment is called off (nobody can
/// enter it, and nobody is reminded of it).
pub async fn call_off_meeting(tx: &mut Tx, meeting_id: &str, at: i64) -> Result<()> {
    sqlx::query("UPDATE meetings SET ended_at = COALESCE(ended_at, $2) WHERE id = $1")
        .bind(meeting_id)
        .bind(at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A scheduled meeting or a reminded broadcast on a person's calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherEntry {
    /// The meeting's or the stream's id.
    pub id: String,
    /// The meeting's title, or the stream's title as stored (localized JSON).
    pub title: String,
    /// Start, UTC milliseconds.
    pub starts_at: i64,
    /// End, UTC milliseconds (a meeting is given an hour).
    pub ends_at: i64,
}

/// Scheduled meetings the person takes part in (not declined, not removed, not ended) starting
/// from `from` that no appointment made.
pub async fn meetings_of(db: &Db, user_id: &str, from: i64) -> Result<Vec<OtherEntry>> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT m.id, m.title, m.scheduled_at FROM meetings m \
           JOIN meeting_participants p ON p.meeting_id = m.id \
         WHERE p.user_id = $1 AND p.state IN ('invited', 'admitted', 'waiting') \
           AND m.scheduled_at IS NOT NULL AND m.scheduled_at >= $2 AND m.ended_at IS NULL \
           AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.meeting_id = m.id) \
         ORDER BY m.scheduled_at LIMIT 200",
    )
    .bind(user_id)
    .bind(from - 3_600_000)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, at)| OtherEntry {
            id,
            title,
            starts_at: at,
            ends_at: at + 3_600_000,
        })
        .collect())
}

/// Broadcasts the person asked to be reminded of, ending after `from`.
pub async fn broadcasts_of(db: &Db, user_id: &str, from: i64) -> Result<Vec<OtherEntry>> {
    let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT s.id, s.title, s.starts_at, s.ends_at FROM live_reminders r \
           JOIN live_streams s ON s.id = r.stream_id \
         WHERE r.user_id = $1 AND s.ends_at > $2 AND s.state IN ('scheduled', 'live') \
         ORDER BY s.starts_at LIMIT 200",
    )
    .bind(user_id)
    .bind(from / 1000)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, s, e)| OtherEntry {
            id,
            title,
            starts_at: s.saturating_mul(1000),
            ends_at: e.saturating_mul(1000),
        })
        .collect())
}

/// The person's calendar settings: their time zone (if they chose one) and feed secret.
pub async fn settings(db: &Db, user_id: &str) -> Result<(Option<String>, Option<String>)> {
    let row: Option<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT time_zone, calendar_token FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.unwrap_or((None, None)))
}

/// Sets the zone the person's times are shown in.
pub async fn set_time_zone(db: &Db, user_id: &str, zone: Option<&str>) -> Result<()> {
    sqlx::query("UPDATE users SET time_zone = $2 WHERE id = $1")
        .bind(user_id)
        .bind(zone)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Sets (or with `None` removes) the person's feed secret; the old one stops working.
pub async fn set_feed_token(db: &Db, user_id: &str, token: Option<&str>) -> Result<()> {
    sqlx::query("UPDATE users SET calendar_token = $2 WHERE id = $1")
        .bind(user_id)
        .bind(token)
        .execute(db.pool())
        .await
        .map_err(classify)?;
    Ok(())
}

/// Whose feed a secret opens: (user id, language, time zone).
pub async fn feed_owner(db: &Db, token: &str) -> Result<Option<(String, String, Option<String>)>> {
    Ok(
        sqlx::query_as("SELECT id, language, time_zone FROM users WHERE calendar_token = $1")
            .bind(token)
            .fetch_optional(db.pool())
            .await?,
    )
}
