//! Appointment rules: who publishes slots (a booth's team, for themselves), who books (anyone
//! signed in but the booth's own team), who answers what (the booth a request, the buyer a
//! proposal, either side a cancellation), and who is told. A slot is held by one appointment
//! at a time, across nodes, by the database's unique index; an accepted appointment becomes a
//! scheduled video meeting hosted by the member, which the meeting reminders then cover.

use crate::shell::i18n::{Arg, I18n};
use crate::state::{AppState, AuthSession};
use crate::AppError;
use db::appointment::{AppointmentRow, SlotRow};
use domain::appointment::{
    message, split_slots, transition, AppointmentAnswer, AppointmentSide, AppointmentStatus,
    AppointmentView, AvailabilityInput, AvailabilityPage, BookingInput, BookingPage, CalendarEntry,
    CalendarPage, EntryKind, SlotView, When, BOOKINGS_PER_HOUR,
};
use domain::authz::{authorize, Action};
use domain::notification::NotificationBody;
use domain::realtime::{Hint, Topic};
use domain::text::LocalizedText;
use domain::{FieldError, Locale};

/// Free slots a booking page lists.
const SLOTS_SHOWN: i64 = 200;
/// Free slots offered to propose instead.
const ALTERNATIVES: usize = 40;

fn invalid(field: &str, id: &str) -> AppError {
    AppError::Validation(vec![FieldError::new(field, id)])
}

fn conflict(id: &str) -> AppError {
    AppError::Conflict(id.into())
}

/// The zone a person's times are shown in: theirs if they chose one, else the expo's.
pub async fn zone_of(state: &AppState, user_id: Option<&str>) -> Result<String, AppError> {
    if let Some(user) = user_id {
        if let (Some(z), _) = db::appointment::settings(&state.db, user).await? {
            if z.parse::<chrono_tz::Tz>().is_ok() {
                return Ok(z);
            }
        }
    }
    Ok(db::expo::current_expo(&state.db)
        .await?
        .map_or_else(|| "UTC".to_owned(), |e| e.time_zone))
}

fn local(at_ms: i64, zone: &str, format: &str) -> String {
    crate::live::service::local_format(at_ms.div_euclid(1000), zone, format)
}

/// `[start, end)` as read in `zone`.
pub fn when(start: i64, end: i64, zone: &str) -> When {
    When {
        starts_at: start,
        ends_at: end,
        day: local(start, zone, "%Y-%m-%d"),
        from: local(start, zone, "%H:%M"),
        to: local(end, zone, "%H:%M"),
    }
}

fn slot_view(s: &SlotRow, zone: &str) -> SlotView {
    SlotView {
        id: s.id.clone(),
        when: when(s.starts_at, s.ends_at, zone),
        member: s.member_name.clone(),
        free: !s.held,
    }
}

fn buyer_label(row: &AppointmentRow) -> String {
    match &row.buyer_company {
        Some(c) if !c.trim().is_empty() => format!("{} ({})", row.buyer_name, c.trim()),
        _ => row.buyer_name.clone(),
    }
}

/// The reader's side of an appointment, or `NotFound` for anyone else.
fn side_of(session: &AuthSession, row: &AppointmentRow) -> Result<AppointmentSide, AppError> {
    if row.buyer_id == session.user.id {
        return Ok(AppointmentSide::Buyer);
    }
    authorize(
        Some(&session.actor),
        Action::SpeakForBooth {
            expo_id: &row.expo_id,
            exhibitor_id: &row.exhibitor_id,
        },
    )
    .map(|()| AppointmentSide::Booth)
    .map_err(|_| AppError::NotFound)
}

fn tell(state: &AppState, people: &[&str], notified: bool) {
    for p in people {
        let topic = Topic::User((*p).to_owned()).to_string();
        state.hub.signal(&topic, Hint::Calendar);
        if notified {
            state.hub.signal(&topic, Hint::Notification);
        }
    }
}

/// A booth's free slots for the booking page.
pub async fn booking_page(
    state: &AppState,
    session: Option<&AuthSession>,
    exhibitor_id: &str,
    product_id: Option<&str>,
) -> Result<BookingPage, AppError> {
    if !domain::text::is_id(exhibitor_id) {
        return Err(AppError::NotFound);
    }
    let (expo_id, company, _, _) = db::trade::booth_facts(&state.db, exhibitor_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let product = match product_id.filter(|p| domain::text::is_id(p)) {
        Some(p) => match db::trade::product_facts(&state.db, p).await? {
            Some((owner, name, _)) if owner == exhibitor_id => {
                Some((p.to_owned(), LocalizedText::from_json(&name)))
            }
            _ => None,
        },
        None => None,
    };
    let zone = zone_of(state, session.map(|s| s.user.id.as_str())).await?;
    let slots = db::appointment::free_slots(&state.db, exhibitor_id, db::now_millis(), SLOTS_SHOWN)
        .await?
        .iter()
        .map(|s| slot_view(s, &zone))
        .collect();
    let own_booth = session.is_some_and(|s| {
        authorize(
            Some(&s.actor),
            Action::SpeakForBooth {
                expo_id: &expo_id,
                exhibitor_id,
            },
        )
        .is_ok()
    });
    Ok(BookingPage {
        exhibitor_id: exhibitor_id.to_owned(),
        company: LocalizedText::from_json(&company),
        product,
        time_zone: zone,
        slots,
        own_booth,
    })
}

/// The signed-in buyer asks for a slot; returns the appointment's id. The same form sent
/// again returns the first one's id and stores nothing.
pub async fn book(
    state: &AppState,
    session: &AuthSession,
    input: &BookingInput,
) -> Result<String, AppError> {
    let slot_id = input.slot_id.trim();
    if !domain::text::is_id(slot_id) {
        return Err(invalid("slot_id", "appointment-error-slot"));
    }
    let cid = input.cid.trim();
    if cid.is_empty() || cid.len() > 64 {
        return Err(invalid("slot_id", "appointment-error-slot"));
    }
    if !crate::ops::service::may_write(state, Some(session)).await? {
        return Err(AppError::ReadOnly);
    }
    if let Some(done) = db::appointment::by_cid(&state.db, &session.user.id, cid).await? {
        return Ok(done);
    }
    let text = message(&input.message, "message").map_err(|e| AppError::Validation(vec![e]))?;
    // A slot that does not exist is outside the booth's availability.
    let slot = db::appointment::slot(&state.db, slot_id)
        .await?
        .ok_or_else(|| invalid("slot_id", "appointment-error-slot"))?;
    let now = db::now_millis();
    if slot.starts_at <= now {
        return Err(invalid("slot_id", "appointment-error-past"));
    }
    if authorize(
        Some(&session.actor),
        Action::SpeakForBooth {
            expo_id: &slot.expo_id,
            exhibitor_id: &slot.exhibitor_id,
        },
    )
    .is_ok()
    {
        return Err(conflict("appointment-error-own-booth"));
    }
    if slot.held {
        return Err(conflict("appointment-error-taken"));
    }
    let product_id = match input.product_id.trim() {
        "" => None,
        p => match db::trade::product_facts(&state.db, p).await? {
            Some((owner, _, _)) if domain::text::is_id(p) && owner == slot.exhibitor_id => Some(p),
            _ => return Err(invalid("product_id", "trade-error-product")),
        },
    };
    if db::appointment::requested_since(&state.db, &session.user.id, now - 3_600_000).await?
        >= BOOKINGS_PER_HOUR
    {
        return Err(AppError::RateLimited {
            retry_after_secs: 600,
        });
    }
    if db::appointment::person_busy(
        &state.db,
        &session.user.id,
        slot.starts_at,
        slot.ends_at,
        "",
    )
    .await?
    {
        return Err(conflict("appointment-error-busy"));
    }
    // The conversation the two sides talk in; a member who blocked the buyer gets no booking
    // from them either.
    let room_id = crate::chat::service::open_booth_room(state, session, &slot.exhibitor_id).await?;
    if db::chat::block_in_room(&state.db, &room_id, &session.user.id).await?
        == db::chat::BlockState::BlockedBy
    {
        return Err(conflict("appointment-error-blocked"));
    }
    let id = db::new_id();
    let mut tx = state.db.begin().await?;
    let stored = db::appointment::insert(
        &mut tx,
        &db::appointment::NewAppointment {
            id: &id,
            slot: &slot,
            buyer_id: &session.user.id,
            product_id,
            cid,
            message: &text,
            at: now,
        },
    )
    .await;
    match stored {
        Ok(()) => {}
        Err(db::Error::Unique) => {
            drop(tx);
            // The same form raced in on another request, or someone else took the slot first
            // (on this node or another).
            return match db::appointment::by_cid(&state.db, &session.user.id, cid).await? {
                Some(done) => Ok(done),
                None => Err(conflict("appointment-error-taken")),
            };
        }
        Err(e) => return Err(e.into()),
    }
    let body = NotificationBody::Appointment {
        who: LocalizedText::new(Locale::En, buyer_name(session)),
        status: AppointmentStatus::Requested,
        starts_at: slot.starts_at,
    };
    db::notification::insert(&mut tx, &slot.member_id, &body, "/calendar", now).await?;
    db::commit(tx).await?;
    tell(state, &[&slot.member_id], true);
    tell(state, &[&session.user.id], false);
    crate::matching::service::touch(state, &session.user.id).await;
    Ok(id)
}

fn buyer_name(session: &AuthSession) -> String {
    match &session.user.company {
        Some(c) if !c.trim().is_empty() => {
            format!("{} ({})", session.user.display_name, c.trim())
        }
        _ => session.user.display_name.clone(),
    }
}

async fn load(state: &AppState, id: &str) -> Result<AppointmentRow, AppError> {
    if !domain::text::is_id(id) {
        return Err(AppError::NotFound);
    }
    db::appointment::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// One side answers an appointment: accept, decline, propose another slot (`slot_id`, the
/// booth) or cancel; `note` goes with the booth's answer.
pub async fn answer(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    answer: AppointmentAnswer,
    slot_id: &str,
    note: &str,
) -> Result<(), AppError> {
    let row = load(state, id).await?;
    let side = side_of(session, &row)?;
    if !crate::ops::service::may_write(state, Some(session)).await? {
        return Err(AppError::ReadOnly);
    }
    let to =
        transition(row.status, side, answer).ok_or_else(|| conflict("appointment-error-state"))?;
    let note = message(note, "note").map_err(|e| AppError::Validation(vec![e]))?;
    let now = db::now_millis();
    let mut tx = state.db.begin().await?;
    let (starts_at, member) = match answer {
        AppointmentAnswer::Propose => {
            let slot = match domain::text::is_id(slot_id.trim()) {
                true => db::appointment::slot(&state.db, slot_id.trim()).await?,
                false => None,
            }
            .filter(|s| s.exhibitor_id == row.exhibitor_id)
            .ok_or_else(|| invalid("slot_id", "appointment-error-slot"))?;
            if slot.starts_at <= now {
                return Err(invalid("slot_id", "appointment-error-past"));
            }
            if slot.held {
                return Err(conflict("appointment-error-taken"));
            }
            if db::appointment::person_busy(
                &state.db,
                &row.buyer_id,
                slot.starts_at,
                slot.ends_at,
                &row.id,
            )
            .await?
            {
                return Err(conflict("appointment-error-buyer-busy"));
            }
            match db::appointment::propose(&mut tx, &row.id, &slot, &note, now).await {
                Ok(true) => {}
                Ok(false) => return Err(conflict("appointment-error-state")),
                Err(db::Error::Unique) => return Err(conflict("appointment-error-taken")),
                Err(e) => return Err(e.into()),
            }
            (slot.starts_at, slot.member_id)
        }
        AppointmentAnswer::Accept => {
            if row.starts_at <= now {
                return Err(conflict("appointment-error-over"));
            }
            let buyer_language = session_language(state, &row.buyer_id).await?;
            let title = format!(
                "{} · {}",
                row.company.show(buyer_language).text,
                row.buyer_name
            );
            let meeting = crate::meeting::service::insert_with_chat(
                &mut tx,
                &row.expo_id,
                &row.member_id,
                &title,
                Some(row.starts_at),
                std::slice::from_ref(&row.buyer_id),
                now,
            )
            .await?;
            db::meeting::put_participant(
                &mut tx,
                &meeting,
                &row.buyer_id,
                domain::meeting::MeetingRole::Guest,
                domain::meeting::ParticipantState::Admitted,
                now,
            )
            .await?;
            let note = (side == AppointmentSide::Booth).then_some(note.as_str());
            if !db::appointment::set_status(
                &mut tx,
                &row.id,
                row.status,
                to,
                note,
                Some(&meeting),
                now,
            )
            .await?
            {
                return Err(conflict("appointment-error-state"));
            }
            (row.starts_at, row.member_id.clone())
        }
        AppointmentAnswer::Decline | AppointmentAnswer::Cancel => {
            let note =
                (side == AppointmentSide::Booth && !note.is_empty()).then_some(note.as_str());
            if !db::appointment::set_status(&mut tx, &row.id, row.status, to, note, None, now)
                .await?
            {
                return Err(conflict("appointment-error-state"));
            }
            if let Some(meeting) = &row.meeting_id {
                db::appointment::call_off_meeting(&mut tx, meeting, now).await?;
            }
            (row.starts_at, row.member_id.clone())
        }
    };
    // The other side hears of it.
    let (recipient, who) = match side {
        AppointmentSide::Booth => (row.buyer_id.clone(), row.company.clone()),
        AppointmentSide::Buyer => (
            member.clone(),
            LocalizedText::new(Locale::En, buyer_label(&row)),
        ),
    };
    let body = NotificationBody::Appointment {
        who,
        status: to,
        starts_at,
    };
    db::notification::insert(&mut tx, &recipient, &body, "/calendar", now).await?;
    db::commit(tx).await?;
    tell(state, &[&recipient], true);
    let mut others = vec![
        row.buyer_id.as_str(),
        row.member_id.as_str(),
        member.as_str(),
    ];
    others.sort_unstable();
    others.dedup();
    tell(state, &others, false);
    Ok(())
}

async fn session_language(state: &AppState, user_id: &str) -> Result<Locale, AppError> {
    Ok(db::account::get_user(&state.db, user_id)
        .await?
        .map(|u| u.language)
        .unwrap_or_default())
}

/// The member's booth in the current expo, or `Forbidden` for someone on no booth's team.
pub(crate) async fn own_booth(
    state: &AppState,
    session: &AuthSession,
) -> Result<(String, String), AppError> {
    let expo = db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let booth = session
        .actor
        .booth_in(&expo.id)
        .ok_or(AppError::Forbidden)?
        .to_owned();
    Ok((expo.id, booth))
}

/// A booth member publishes a day's span cut into slots; returns how many were made. A span
/// that overlaps one of their slots is refused whole.
pub async fn publish(
    state: &AppState,
    session: &AuthSession,
    input: &AvailabilityInput,
) -> Result<usize, AppError> {
    let (expo_id, booth) = own_booth(state, session).await?;
    if !crate::ops::service::may_write(state, Some(session)).await? {
        return Err(AppError::ReadOnly);
    }
    let zone = input.zone.trim();
    if zone.parse::<chrono_tz::Tz>().is_err() {
        return Err(invalid("zone", "appointment-error-zone"));
    }
    let moment = |hm: &str| {
        crate::live::service::parse_local(&format!("{}T{}", input.day.trim(), hm.trim()), zone)
    };
    let start = moment(&input.from).ok_or_else(|| invalid("from", "appointment-error-when"))?;
    let end = moment(&input.to).ok_or_else(|| invalid("to", "appointment-error-when"))?;
    let now = db::now_millis();
    let slots = split_slots(start * 1000, end * 1000, input.minutes, now)
        .map_err(|e| AppError::Validation(vec![e]))?;
    let mut tx = state.db.begin().await?;
    let (first, last) = (slots[0].0, slots[slots.len() - 1].1);
    if db::appointment::member_overlaps(&mut tx, &session.user.id, first, last).await? {
        return Err(invalid("from", "appointment-error-overlap"));
    }
    db::appointment::insert_slots(
        &mut tx,
        &expo_id,
        &booth,
        &session.user.id,
        zone,
        &slots,
        now,
    )
    .await?;
    db::commit(tx).await?;
    let team = db::chat::booth_team(&state.db, &expo_id, &booth).await?;
    tell(
        state,
        &team.iter().map(String::as_str).collect::<Vec<_>>(),
        false,
    );
    Ok(slots.len())
}

/// A member removes one of their free slots.
pub async fn withdraw(
    state: &AppState,
    session: &AuthSession,
    slot_id: &str,
) -> Result<(), AppError> {
    if !domain::text::is_id(slot_id) {
        return Err(AppError::NotFound);
    }
    let slot = db::appointment::slot(&state.db, slot_id)
        .await?
        .filter(|s| s.member_id == session.user.id)
        .ok_or(AppError::NotFound)?;
    if slot.held || !db::appointment::delete_free_slot(&state.db, slot_id, &session.user.id).await?
    {
        return Err(conflict("appointment-error-held"));
    }
    tell(state, &[&session.user.id], false);
    Ok(())
}

/// The member's published slots, for `/calendar/availability`.
pub async fn availability(
    state: &AppState,
    session: &AuthSession,
) -> Result<AvailabilityPage, AppError> {
    let (_, booth) = own_booth(state, session).await?;
    let zone = zone_of(state, Some(&session.user.id)).await?;
    let company = db::trade::booth_facts(&state.db, &booth)
        .await?
        .map(|(_, name, _, _)| LocalizedText::from_json(&name))
        .ok_or(AppError::NotFound)?;
    let slots = db::appointment::member_slots(&state.db, &session.user.id, db::now_millis())
        .await?
        .iter()
        .map(|s| slot_view(s, &zone))
        .collect();
    Ok(AvailabilityPage {
        time_zone: zone,
        slots,
        company,
    })
}

/// A booth's free slots to propose instead, read once for all its requests on a page.
async fn alternatives(
    state: &AppState,
    exhibitor_id: &str,
    zone: &str,
) -> Result<Vec<SlotView>, AppError> {
    Ok(db::appointment::free_slots(
        &state.db,
        exhibitor_id,
        db::now_millis(),
        ALTERNATIVES as i64,
    )
    .await?
    .iter()
    .map(|s| slot_view(s, zone))
    .collect())
}

/// An appointment as `side` sees it; `alternatives` only where the booth may propose.
fn view_of(
    row: &AppointmentRow,
    side: AppointmentSide,
    zone: &str,
    alternatives: &[SlotView],
) -> Result<AppointmentView, AppError> {
    let alternatives =
        if side == AppointmentSide::Booth && row.status == AppointmentStatus::Requested {
            alternatives.to_vec()
        } else {
            Vec::new()
        };
    Ok(AppointmentView {
        id: row.id.clone(),
        status: row.status,
        side,
        when: when(row.starts_at, row.ends_at, zone),
        exhibitor_id: row.exhibitor_id.clone(),
        company: row.company.clone(),
        buyer: buyer_label(row),
        member: row.member_name.clone(),
        product: row.product.clone(),
        message: row.message.clone(),
        answer: row.answer.clone(),
        meeting_id: row.meeting_id.clone(),
        alternatives,
    })
}

/// Everything on a person's calendar from `from` on, in `zone`, titled in `locale`.
pub async fn entries(
    state: &AppState,
    user_id: &str,
    locale: Locale,
    zone: &str,
    from: i64,
) -> Result<Vec<CalendarEntry>, AppError> {
    let i18n = I18n { locale };
    let mut out = Vec::new();
    for a in db::appointment::of_person(&state.db, user_id, from).await? {
        if !a.status.holds_slot() {
            continue;
        }
        let who = if a.buyer_id == user_id {
            a.company.show(locale).text
        } else {
            buyer_label(&a)
        };
        out.push(CalendarEntry {
            uid: format!("appointment-{}", a.id),
            kind: EntryKind::Appointment,
            title: i18n.t_args("calendar-appointment-with", vec![("who", Arg::Str(who))]),
            when: when(a.starts_at, a.ends_at, zone),
            status: Some(a.status),
            link: match (&a.meeting_id, a.status) {
                (Some(m), AppointmentStatus::Accepted) => format!("/meetings/{m}"),
                _ => "/calendar".into(),
            },
        });
    }
    for m in db::appointment::meetings_of(&state.db, user_id, from).await? {
        out.push(CalendarEntry {
            uid: format!("meeting-{}", m.id),
            kind: EntryKind::Meeting,
            title: m.title,
            when: when(m.starts_at, m.ends_at, zone),
            status: None,
            link: format!("/meetings/{}", m.id),
        });
    }
    for b in db::appointment::broadcasts_of(&state.db, user_id, from).await? {
        out.push(CalendarEntry {
            uid: format!("live-{}", b.id),
            kind: EntryKind::Broadcast,
            title: LocalizedText::from_json(&b.title).show(locale).text,
            when: when(b.starts_at, b.ends_at, zone),
            status: None,
            link: format!("/live/{}", b.id),
        });
    }
    out.sort_by(|a, b| (a.when.starts_at, &a.uid).cmp(&(b.when.starts_at, &b.uid)));
    Ok(out)
}

/// `/calendar` for the signed-in person.
pub async fn calendar(state: &AppState, session: &AuthSession) -> Result<CalendarPage, AppError> {
    let user = &session.user.id;
    let zone = zone_of(state, Some(user)).await?;
    let now = db::now_millis();
    let expo = db::expo::current_expo(&state.db).await?;
    let booth = expo
        .as_ref()
        .and_then(|e| session.actor.booth_in(&e.id))
        .map(str::to_owned);
    let mut to_answer = Vec::new();
    if let Some(b) = &booth {
        let requests = db::appointment::open_requests(&state.db, b, now).await?;
        if !requests.is_empty() {
            let offer = alternatives(state, b, &zone).await?;
            for row in &requests {
                to_answer.push(view_of(row, AppointmentSide::Booth, &zone, &offer)?);
            }
        }
    }
    let mine = db::appointment::of_person(&state.db, user, now).await?;
    for row in mine
        .iter()
        .filter(|r| &r.buyer_id == user && r.status == AppointmentStatus::Proposed)
    {
        to_answer.push(view_of(row, AppointmentSide::Buyer, &zone, &[])?);
    }
    let (_, token) = db::appointment::settings(&state.db, user).await?;
    // Today's earlier entries stay on the page until the day is over.
    let day_start = now - 12 * 3_600_000;
    Ok(CalendarPage {
        entries: entries(state, user, session.user.language, &zone, day_start).await?,
        time_zone: zone,
        to_answer,
        feed: token.map(|t| {
            let origin = state.public_origin.as_deref().unwrap_or(&state.bind_origin);
            format!("{origin}/calendar/feed/{t}.ics")
        }),
        booth,
    })
}

/// One appointment, for either of its sides.
pub async fn appointment(
    state: &AppState,
    session: &AuthSession,
    id: &str,
) -> Result<AppointmentView, AppError> {
    let row = load(state, id).await?;
    let side = side_of(session, &row)?;
    let zone = zone_of(state, Some(&session.user.id)).await?;
    let offer = match side {
        AppointmentSide::Booth => alternatives(state, &row.exhibitor_id, &zone).await?,
        AppointmentSide::Buyer => Vec::new(),
    };
    view_of(&row, side, &zone, &offer)
}

/// Makes a new feed secret for the person (the old feed stops working); returns its path.
pub async fn new_feed(state: &AppState, session: &AuthSession) -> Result<String, AppError> {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    db::appointment::set_feed_token(&state.db, &session.user.id, Some(&token)).await?;
    Ok(format!("/calendar/feed/{token}.ics"))
}

/// Stops the person's feed.
pub async fn revoke_feed(state: &AppState, session: &AuthSession) -> Result<(), AppError> {
    db::appointment::set_feed_token(&state.db, &session.user.id, None).await?;
    Ok(())
}

/// Sets the zone the person's times are shown in (empty: the expo's).
pub async fn set_zone(state: &AppState, session: &AuthSession, zone: &str) -> Result<(), AppError> {
    let zone = zone.trim();
    if !zone.is_empty() && zone.parse::<chrono_tz::Tz>().is_err() {
        return Err(invalid("zone", "appointment-error-zone"));
    }
    db::appointment::set_time_zone(
        &state.db,
        &session.user.id,
        (!zone.is_empty()).then_some(zone),
    )
    .await?;
    tell(state, &[&session.user.id], false);
    Ok(())
}

/// The entries of the feed a secret opens (from a month back), in its owner's language, or
/// `NotFound` for a secret that is not (or no longer) anyone's.
pub async fn feed(state: &AppState, token: &str) -> Result<Vec<CalendarEntry>, AppError> {
    if token.len() != 32
        || !token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(AppError::NotFound);
    }
    let (user, language, _) = db::appointment::feed_owner(&state.db, token)
        .await?
        .ok_or(AppError::NotFound)?;
    let locale = Locale::parse(&language).unwrap_or_default();
    entries(
        state,
        &user,
        locale,
        "UTC",
        db::now_millis() - 30 * 86_400_000,
    )
    .await
}
