//! Live stream rules: who schedules what (organizers put slots on the schedule, exhibitors ask
//! for their booth's and the organizer approves), who sees which streams, who may broadcast,
//! and a stream's state changes.

use crate::shell::i18n::I18n;
use crate::state::{AppState, AuthSession};
use crate::AppError;
use db::live::StreamRow;
use domain::authz::{authorize, Action};
use domain::live::{SlotInput, StreamKind, StreamState, StreamSummary, StreamView};
use domain::{FieldError, Locale};

/// A `datetime-local` value (`YYYY-MM-DDTHH:MM`) in the time zone `zone`, as Unix seconds.
pub fn parse_local(value: &str, zone: &str) -> Option<i64> {
    let naive = chrono::NaiveDateTime::parse_from_str(value.trim(), "%Y-%m-%dT%H:%M").ok()?;
    let tz: chrono_tz::Tz = zone.parse().ok()?;
    naive
        .and_local_timezone(tz)
        .earliest()
        .map(|d| d.timestamp())
}

/// The date (`YYYY-MM-DD`) of Unix second `at` in the time zone `zone` (UTC if unknown).
pub fn local_day(at: i64, zone: &str) -> String {
    local_format(at, zone, "%Y-%m-%d")
}

/// Unix second `at` formatted in the time zone `zone` (UTC if unknown).
pub(crate) fn local_format(at: i64, zone: &str, format: &str) -> String {
    let Some(utc) = chrono::DateTime::from_timestamp(at, 0) else {
        return String::new();
    };
    match zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => utc.with_timezone(&tz).format(format).to_string(),
        Err(_) => utc.format(format).to_string(),
    }
}

/// Unix second `at` as a `datetime-local` value (`YYYY-MM-DDTHH:MM`) in the time zone `zone`.
pub fn local_input(at: i64, zone: &str) -> String {
    local_format(at, zone, "%Y-%m-%dT%H:%M")
}

/// The expo's days, first to last (at most 60).
fn expo_days(starts_on: &str, ends_on: &str) -> Vec<String> {
    let (Ok(mut d), Ok(end)) = (
        chrono::NaiveDate::parse_from_str(starts_on, "%Y-%m-%d"),
        chrono::NaiveDate::parse_from_str(ends_on, "%Y-%m-%d"),
    ) else {
        return Vec::new();
    };
    let mut days = Vec::new();
    while d <= end && days.len() < 60 {
        days.push(d.format("%Y-%m-%d").to_string());
        let Some(next) = d.succ_opt() else { break };
        d = next;
    }
    days
}

/// The stream as a viewer in `viewer` reads it (`zone`: the expo's time zone).
pub fn summary(row: &StreamRow, viewer: Locale, zone: &str) -> StreamSummary {
    StreamSummary {
        day: local_day(row.starts_at, zone),
        id: row.id.clone(),
        kind: row.kind,
        state: row.state,
        title: row.title.show(viewer),
        description: row.description.show(viewer),
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        hall: row
            .hall
            .as_ref()
            .map(|(slug, name)| (slug.clone(), name.show(viewer).text)),
        exhibitor: row
            .exhibitor
            .as_ref()
            .map(|(id, name)| (id.clone(), name.show(viewer).text)),
        booth_path: row
            .exhibitor
            .as_ref()
            .map(|(id, _)| crate::hall::hall_map::booth_href(id)),
        has_replay: row.recording_key.is_some(),
    }
}

/// Whether `session` may go live on the stream.
pub fn may_broadcast(session: Option<&AuthSession>, row: &StreamRow) -> bool {
    authorize(
        session.map(|s| &s.actor),
        Action::Broadcast {
            expo_id: &row.expo_id,
            exhibitor_id: row.exhibitor.as_ref().map(|(id, _)| id.as_str()),
        },
    )
    .is_ok()
}

fn is_organizer(session: Option<&AuthSession>, expo_id: &str) -> bool {
    authorize(session.map(|s| &s.actor), Action::ManageLive { expo_id }).is_ok()
}

/// Whether `session` may see the stream at all: public ones everyone; a request (or a declined
/// one) and a team's test broadcast only the organizers and the booth's people.
pub fn may_see(session: Option<&AuthSession>, row: &StreamRow) -> bool {
    (row.state.is_public() && row.kind != StreamKind::Test) || may_broadcast(session, row)
}

/// How long a test broadcast's slot lasts (it can be ended sooner).
const TEST_MINUTES: i64 = 30;

/// Opens a private test broadcast for the person's booth (its team only): on the air as soon
/// as the studio starts, without the organizer's approval, watched only by the team and the
/// organizers and never listed. A test that has not ended yet is reused. Returns its id.
pub async fn start_test(state: &AppState, session: &AuthSession) -> Result<String, AppError> {
    let expo = db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(exhibitor_id) = session.actor.booth_in(&expo.id).map(str::to_owned) else {
        return Err(AppError::Forbidden);
    };
    authorize(
        Some(&session.actor),
        Action::Broadcast {
            expo_id: &expo.id,
            exhibitor_id: Some(&exhibitor_id),
        },
    )?;
    if let Some(id) = db::live::open_test_of(&state.db, &exhibitor_id).await? {
        return Ok(id);
    }
    let hall_id = db::live::exhibitor_hall(&state.db, &expo.id, &exhibitor_id)
        .await?
        .ok_or_else(|| {
            AppError::Validation(vec![FieldError::new("exhibitor", "live-error-exhibitor")])
        })?;
    let mut title = domain::text::LocalizedText::new(
        session.user.language,
        I18n {
            locale: session.user.language,
        }
        .t("live-test-title"),
    );
    for locale in Locale::ALL {
        title.set(locale, &I18n { locale }.t("live-test-title"));
    }
    let description = domain::text::LocalizedText::new(session.user.language, "");
    let now = db::now_millis();
    let id = db::new_id();
    let mut tx = state.db.begin().await?;
    db::live::insert(
        &mut tx,
        &db::live::NewStream {
            id: &id,
            expo_id: &expo.id,
            kind: StreamKind::Test,
            hall_id: hall_id.as_deref(),
            exhibitor_id: Some(&exhibitor_id),
            title: &title,
            description: &description,
            starts_at: now / 1000,
            ends_at: now / 1000 + TEST_MINUTES * 60,
            state: StreamState::Scheduled,
            created_by: &session.user.id,
            at: now,
        },
    )
    .await?;
    db::commit(tx).await?;
    Ok(id)
}

/// Loads a stream `session` may see, or `NotFound`.
pub async fn visible(
    state: &AppState,
    session: Option<&AuthSession>,
    id: &str,
) -> Result<StreamRow, AppError> {
    if !domain::text::is_id(id) {
        return Err(AppError::NotFound);
    }
    let row = db::live::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_see(session, &row) {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

/// The public expo's schedule as `session` sees it: everything public, plus (for organizers)
/// every request and (for an exhibitor) the booth's own requests.
pub async fn schedule(
    state: &AppState,
    session: Option<&AuthSession>,
    request_locale: Locale,
) -> Result<Vec<StreamView>, AppError> {
    let expo = db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let all = [
        StreamState::Requested,
        StreamState::Scheduled,
        StreamState::Live,
        StreamState::Ended,
        StreamState::Declined,
    ];
    // Texts in the page's language (what the reader chose to read in).
    let viewer = request_locale;
    let manage = is_organizer(session, &expo.id);
    let zone = expo.time_zone.clone();
    Ok(db::live::list(&state.db, &expo.id, &all)
        .await?
        .into_iter()
        .filter(|row| may_see(session, row))
        .map(|row| StreamView {
            stream: summary(&row, viewer, &zone),
            may_broadcast: may_broadcast(session, &row),
            may_manage: manage,
            replay_ms: row.recording_ms.and_then(|m| u64::try_from(m).ok()),
            reminder: None,
            speakers: Vec::new(),
            agenda: Vec::new(),
            chapters: Vec::new(),
            fallback: None,
            reactions: Vec::new(),
            products: Vec::new(),
            replay_uploaded: row.recording_type.is_some(),
            slot_local: Default::default(),
            slot_texts: None,
        })
        .collect())
}

/// The schedule page: the streams, the filters' choices, and what the viewer may add.
pub async fn schedule_page(
    state: &AppState,
    session: Option<&AuthSession>,
    request_locale: Locale,
) -> Result<crate::live::api::ScheduleData, AppError> {
    let expo = db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    // Texts in the page's language (what the reader chose to read in).
    let viewer = request_locale;
    let streams = schedule(state, session, request_locale).await?;
    let halls = db::hall::halls_of(&state.db, &expo.id)
        .await?
        .into_iter()
        .map(|h| (h.slug, h.name.show(viewer).text))
        .collect();
    let can_schedule = is_organizer(session, &expo.id);
    let can_request =
        !can_schedule && session.is_some_and(|s| s.actor.booth_in(&expo.id).is_some());
    Ok(crate::live::api::ScheduleData {
        streams,
        halls,
        days: expo_days(&expo.starts_on, &expo.ends_on),
        time_zone: expo.time_zone,
        can_schedule,
        can_request,
    })
}

/// Schedules (or requests) a slot from the form, its times read in the expo's time zone.
pub async fn create_from_form(
    state: &AppState,
    session: &AuthSession,
    kind: StreamKind,
    form: &crate::live::api::SlotForm,
) -> Result<String, AppError> {
    let expo = db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let input = slot_input(form, &expo.time_zone);
    create(state, session, kind, &form.hall, "", &input).await
}

/// A slot form read in the expo's time zone.
fn slot_input(form: &crate::live::api::SlotForm, zone: &str) -> SlotInput {
    SlotInput {
        title: form.title.clone(),
        title_en: form.title_en.clone(),
        description: form.description.clone(),
        description_en: form.description_en.clone(),
        title_in: form.title_in.clone(),
        description_in: form.description_in.clone(),
        starts_at: parse_local(&form.starts, zone).unwrap_or(0),
        ends_at: parse_local(&form.ends, zone).unwrap_or(0),
    }
}

/// Renames and re-times a slot: organizers any slot not over yet; a booth's team its own
/// request while it waits for the organizer (an approved slot is the organizer's to move).
/// The new texts replace the old in every language the form carries; `author` is the language
/// of its main fields (the page's).
pub async fn update_from_form(
    state: &AppState,
    session: &AuthSession,
    author: Locale,
    id: &str,
    form: &crate::live::api::SlotForm,
) -> Result<(), AppError> {
    let row = visible(state, Some(session), id).await?;
    if matches!(row.state, StreamState::Ended | StreamState::Declined) {
        return Err(AppError::Conflict("live-error-ended".into()));
    }
    if !may_edit_slot(Some(session), &row) {
        return Err(AppError::Forbidden);
    }
    let zone = db::expo::current_expo(&state.db)
        .await?
        .map(|e| e.time_zone)
        .unwrap_or_default();
    let slot =
        domain::live::parse_slot(&slot_input(form, &zone), author).map_err(AppError::Validation)?;
    // On air, the start has passed: only the end (and the texts) may change.
    let starts_at = if row.state == StreamState::Live {
        row.starts_at
    } else {
        slot.starts_at
    };
    if slot.ends_at <= starts_at {
        return Err(AppError::Validation(vec![FieldError::new(
            "ends_at",
            "live-error-end",
        )]));
    }
    db::live::update_slot(
        &state.db,
        &row.id,
        &slot.title,
        &slot.description,
        starts_at,
        slot.ends_at,
    )
    .await?;
    state.content_changed();
    Ok(())
}

/// One stream's page.
pub async fn view(
    state: &AppState,
    session: Option<&AuthSession>,
    request_locale: Locale,
    id: &str,
) -> Result<StreamView, AppError> {
    let row = visible(state, session, id).await?;
    let zone = db::expo::current_expo(&state.db)
        .await?
        .map(|e| e.time_zone)
        .unwrap_or_default();
    let reminder = match session {
        Some(s) if matches!(row.state, StreamState::Scheduled | StreamState::Live) => {
            Some(db::live::has_reminder(&state.db, &row.id, &s.user.id).await?)
        }
        _ => None,
    };
    let extras = super::programme::extras(state, &row, request_locale).await?;
    Ok(StreamView {
        stream: summary(&row, request_locale, &zone),
        may_broadcast: may_broadcast(session, &row),
        may_manage: is_organizer(session, &row.expo_id),
        replay_ms: row.recording_ms.and_then(|m| u64::try_from(m).ok()),
        reminder,
        speakers: extras.speakers,
        agenda: extras.agenda,
        chapters: extras.chapters,
        fallback: extras.fallback,
        reactions: extras.reactions,
        products: extras.products,
        replay_uploaded: row.recording_type.is_some(),
        slot_local: (
            zone.clone(),
            local_input(row.starts_at, &zone),
            local_input(row.ends_at, &zone),
        ),
        slot_texts: may_edit_slot(session, &row)
            .then(|| (row.title.clone(), row.description.clone())),
    })
}

/// Whether `session` may rename and re-time the slot: organizers while it is not over, the
/// booth's team while its request waits.
fn may_edit_slot(session: Option<&AuthSession>, row: &StreamRow) -> bool {
    match row.state {
        StreamState::Ended | StreamState::Declined => false,
        StreamState::Requested => may_broadcast(session, row),
        _ => is_organizer(session, &row.expo_id),
    }
}

/// Puts a slot on the public expo's schedule. Organizers schedule any kind (a booth stream
/// names its booth by exhibitor id); an exhibitor asks for a slot for their own booth, which
/// waits for an organizer's approval. Returns the stream id.
pub async fn create(
    state: &AppState,
    session: &AuthSession,
    kind: StreamKind,
    hall: &str,
    exhibitor: &str,
    input: &SlotInput,
) -> Result<String, AppError> {
    let expo = db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let organizer = is_organizer(Some(session), &expo.id);
    // An exhibitor's own booth, when they are one.
    let own = session.actor.booth_in(&expo.id).map(str::to_owned);
    let (exhibitor_id, state_now) = match (kind, organizer) {
        // Test broadcasts are opened with `start_test`, never put on the schedule.
        (StreamKind::Test, _) => return Err(AppError::Forbidden),
        (StreamKind::Booth, true) => {
            let ex = exhibitor.trim();
            let ex = if ex.is_empty() {
                own.clone()
            } else {
                Some(ex.to_owned())
            };
            (ex, StreamState::Scheduled)
        }
        (StreamKind::Booth, false) => match own {
            Some(ex) => (Some(ex), StreamState::Requested),
            None => return Err(AppError::Forbidden),
        },
        (_, true) => (None, StreamState::Scheduled),
        (_, false) => return Err(AppError::Forbidden),
    };
    let slot =
        domain::live::parse_slot(input, session.user.language).map_err(AppError::Validation)?;
    // A booth stream belongs to its booth's hall; others to the hall chosen, if any.
    let hall_id = match &exhibitor_id {
        Some(ex) => {
            let found = db::live::exhibitor_hall(&state.db, &expo.id, ex).await?;
            match found {
                Some(h) => h,
                None => {
                    return Err(AppError::Validation(vec![FieldError::new(
                        "exhibitor",
                        "live-error-exhibitor",
                    )]))
                }
            }
        }
        None => match hall.trim() {
            "" => None,
            slug => Some(
                db::hall::hall_id(&state.db, &expo.id, slug)
                    .await?
                    .ok_or_else(|| {
                        AppError::Validation(vec![FieldError::new("hall", "live-error-hall")])
                    })?,
            ),
        },
    };
    let id = db::new_id();
    let mut tx = state.db.begin().await?;
    db::live::insert(
        &mut tx,
        &db::live::NewStream {
            id: &id,
            expo_id: &expo.id,
            kind,
            hall_id: hall_id.as_deref(),
            exhibitor_id: exhibitor_id.as_deref(),
            title: &slot.title,
            description: &slot.description,
            starts_at: slot.starts_at,
            ends_at: slot.ends_at,
            state: state_now,
            created_by: &session.user.id,
            at: db::now_millis(),
        },
    )
    .await?;
    db::commit(tx).await?;
    Ok(id)
}

/// The organizer answers an exhibitor's request: on the schedule, or declined.
pub async fn decide(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    approve: bool,
) -> Result<(), AppError> {
    let row = visible(state, Some(session), id).await?;
    if !is_organizer(Some(session), &row.expo_id) {
        return Err(AppError::Forbidden);
    }
    let to = if approve {
        StreamState::Scheduled
    } else {
        StreamState::Declined
    };
    if !db::live::set_state(
        &state.db,
        id,
        &[StreamState::Requested],
        to,
        db::now_millis(),
    )
    .await?
    {
        return Err(AppError::Conflict("live-error-not-requested".into()));
    }
    Ok(())
}

/// Checks that `session` may broadcast the stream now; the stream.
pub async fn broadcastable(
    state: &AppState,
    session: Option<&AuthSession>,
    id: &str,
) -> Result<StreamRow, AppError> {
    let session = session.ok_or(AppError::Unauthenticated)?;
    let row = visible(state, Some(session), id).await?;
    if !may_broadcast(Some(session), &row) {
        return Err(AppError::Forbidden);
    }
    if !row.state.may_broadcast() {
        return Err(AppError::Conflict(match row.state {
            StreamState::Ended => "live-error-ended".into(),
            _ => "live-error-not-scheduled".into(),
        }));
    }
    Ok(row)
}

/// The first bytes arrived: the stream is on air.
pub async fn went_live(state: &AppState, id: &str) -> Result<(), AppError> {
    // Booth pages and hall maps show who is on air.
    state.content_changed();
    db::live::set_state(
        &state.db,
        id,
        &[StreamState::Scheduled],
        StreamState::Live,
        db::now_millis(),
    )
    .await?;
    Ok(())
}

/// Ends a stream (its broadcaster or an organizer): off the air for good; the relay closes,
/// which ends every viewer's feed.
pub async fn end(state: &AppState, session: &AuthSession, id: &str) -> Result<(), AppError> {
    let row = visible(state, Some(session), id).await?;
    if !may_broadcast(Some(session), &row) {
        return Err(AppError::Forbidden);
    }
    finish(state, id).await
}

/// Marks the stream ended and closes its relay (no authorization: callers checked).
pub async fn finish(state: &AppState, id: &str) -> Result<(), AppError> {
    let changed = db::live::set_state(
        &state.db,
        id,
        &[StreamState::Live, StreamState::Scheduled],
        StreamState::Ended,
        db::now_millis(),
    )
    .await?;
    state.live.close(id);
    state.content_changed();
    if !changed {
        return Err(AppError::Conflict("live-error-ended".into()));
    }
    Ok(())
}

/// Asks for (or cancels) a reminder before a scheduled broadcast starts.
pub async fn remind(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    on: bool,
) -> Result<(), AppError> {
    let row = visible(state, Some(session), id).await?;
    if on && row.state != StreamState::Scheduled {
        return Err(AppError::Conflict("live-error-remind".into()));
    }
    db::live::set_reminder(&state.db, &row.id, &session.user.id, on, db::now_millis()).await?;
    Ok(())
}

/// Sends the reminders of broadcasts starting within [`domain::live::REMINDER_LEAD_SECS`] of
/// `now` (Unix milliseconds): a notification and an e-mail each, in the person's language,
/// once. Returns who was notified (their open tabs are told by the caller).
pub async fn send_due_reminders(db: &db::Db, now: i64) -> Result<Vec<String>, AppError> {
    let due =
        db::live::due_reminders(db, now / 1000 + domain::live::REMINDER_LEAD_SECS, 200).await?;
    let mut notified = Vec::new();
    for r in due {
        let locale = Locale::parse(&r.language).unwrap_or_default();
        let i18n = crate::shell::i18n::I18n { locale };
        let body = domain::notification::NotificationBody::LiveStarting {
            title: domain::text::LocalizedText::from_json(&r.title)
                .show(locale)
                .text,
            starts_at: r.starts_at,
        };
        let link = format!("/live/{}", r.stream_id);
        let mut tx = db.begin().await?;
        // Another node may have sent it first.
        if !db::live::reminder_sent(&mut tx, &r.stream_id, &r.user_id, now).await? {
            continue;
        }
        db::notification::insert(&mut tx, &r.user_id, &body, &link, now).await?;
        let (subject, text) = crate::application::service::email_of(i18n, &body);
        db::notification::queue_email(&mut tx, &r.email, &subject, &text, now).await?;
        db::commit(tx).await?;
        notified.push(r.user_id);
    }
    Ok(notified)
}

/// Ends broadcasts still marked on air whose slot ended more than `grace_secs` ago and whose
/// broadcaster is not connected to this node (a studio that dropped and never came back).
pub async fn end_overdue(state: &AppState, now: i64, grace_secs: i64) -> Result<u64, AppError> {
    let mut ended = 0;
    for id in db::live::overdue(&state.db, now / 1000 - grace_secs).await? {
        if state.live.get(&id).is_some_and(|r| r.on_air()) {
            continue;
        }
        if finish(state, &id).await.is_ok() {
            ended += 1;
        }
    }
    Ok(ended)
}
