//! Meeting rules: creating, entering (lobby, lock, full, removed), host controls, presence
//! (following the meeting's topic as an admitted participant), and passing WebRTC signaling
//! between participants. Every change is a stored event on `meeting:<id>`.

use crate::state::{AppState, AuthSession};
use crate::AppError;
use db::meeting::MeetingRow;
use domain::chat::{room_key, RoomKind};
use domain::meeting::{entry, Entry, MeetingRole, MeetingView, ParticipantState, TITLE_MAX_CHARS};
use domain::realtime::{EventBody, Hint, MeetingEvent, RtcSignal, Topic};
use domain::FieldError;

fn topic(id: &str) -> String {
    Topic::Meeting(id.to_owned()).to_string()
}

async fn publish(state: &AppState, id: &str, change: MeetingEvent) -> Result<(), AppError> {
    state
        .hub
        .store_and_publish(&state.db, &topic(id), EventBody::Meeting(change))
        .await?;
    Ok(())
}

async fn load(state: &AppState, id: &str) -> Result<MeetingRow, AppError> {
    if !domain::text::is_id(id) {
        return Err(AppError::NotFound);
    }
    db::meeting::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

fn new_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 18];
    rand::thread_rng().fill_bytes(&mut bytes);
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Starts a meeting hosted by the signed-in person, with its own chat. From a conversation
/// (`from_room`), everyone in it is invited.
pub async fn create(
    state: &AppState,
    session: &AuthSession,
    title: &str,
    from_room: Option<&str>,
    scheduled_at: Option<i64>,
) -> Result<String, AppError> {
    let title = title.trim();
    if title.is_empty() || title.chars().count() > TITLE_MAX_CHARS {
        return Err(AppError::Validation(vec![FieldError::new(
            "title",
            "meeting-error-title",
        )]));
    }
    let mut title = title.to_owned();
    let (expo_id, invited) = match from_room {
        Some(room) => {
            let info = crate::chat::service::writable_room(&state.db, session, room).await?;
            // A topic room is open to anyone: not a guest list for a meeting of at most six.
            if info.kind == domain::chat::RoomKind::Topic {
                return Err(AppError::Conflict("meeting-error-topic-room".into()));
            }
            // Not a way around a block or the organizers' stop.
            crate::chat::moderation::may_post(state, session, &info).await?;
            // A meeting about a booth is named after the booth, which reads right for both sides.
            if let Some(ex) = &info.exhibitor_id {
                if let Some(name) = db::chat::exhibitor_name(&state.db, ex).await? {
                    title = name.show(session.user.language).text;
                }
            }
            (
                info.expo_id.clone(),
                db::chat::member_ids(&state.db, &info.id).await?,
            )
        }
        None => {
            let expo = db::expo::current_expo(&state.db)
                .await?
                .ok_or(AppError::NotFound)?;
            (expo.id, Vec::new())
        }
    };
    let at = db::now_millis();
    let mut tx = state.db.begin().await?;
    let id = insert_with_chat(
        &mut tx,
        &expo_id,
        &session.user.id,
        &title,
        scheduled_at,
        &[],
        at,
    )
    .await?;
    for user in invited.iter().filter(|u| **u != session.user.id) {
        db::meeting::put_participant(
            &mut tx,
            &id,
            user,
            MeetingRole::Guest,
            ParticipantState::Invited,
            at,
        )
        .await?;
    }
    db::commit(tx).await?;
    Ok(id)
}

/// Stores a meeting hosted by `host_id` with its own chat, the host admitted; returns its id.
/// `admitted` are in its chat from the start (the caller admits them to the meeting); the
/// caller adds other guests and commits.
pub async fn insert_with_chat(
    tx: &mut db::Tx,
    expo_id: &str,
    host_id: &str,
    title: &str,
    scheduled_at: Option<i64>,
    admitted: &[String],
    at: i64,
) -> Result<String, AppError> {
    let members: Vec<String> = std::iter::once(host_id.to_owned())
        .chain(admitted.iter().cloned())
        .collect();
    let id = db::new_id();
    let chat = db::chat::create_room(
        tx,
        &db::chat::NewRoom {
            id: &db::new_id(),
            expo_id,
            kind: RoomKind::Meeting,
            key: &room_key(RoomKind::Meeting, &id, ""),
            exhibitor_id: None,
            created_by: host_id,
            at,
        },
        &members,
    )
    .await?;
    db::meeting::insert(
        tx,
        &db::meeting::NewMeeting {
            id: &id,
            expo_id,
            host_id,
            title,
            chat_room_id: Some(&chat),
            invite_token: &new_token(),
            scheduled_at,
            at,
        },
    )
    .await?;
    db::meeting::put_participant(
        tx,
        &id,
        host_id,
        MeetingRole::Host,
        ParticipantState::Admitted,
        at,
    )
    .await?;
    Ok(id)
}

fn ice_servers(state: &AppState) -> String {
    state.ice_servers.as_ref().clone()
}

/// The meeting as the viewer may see it: participants see everything; someone with the invite
/// token sees the title (to ask to enter); others get `NotFound`.
pub async fn view(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    token: Option<&str>,
) -> Result<MeetingView, AppError> {
    let m = load(state, id).await?;
    let mine = db::meeting::participant(&state.db, &m.id, &session.user.id).await?;
    let by_link = token.is_some_and(|t| t == m.invite_token);
    match mine {
        Some((_, ParticipantState::Removed)) => return Err(AppError::Forbidden),
        None if !by_link => return Err(AppError::NotFound),
        _ => {}
    }
    let participants = if mine.is_some() {
        db::meeting::participants(&state.db, &m.id).await?
    } else {
        Vec::new()
    };
    let controls = mine.is_some_and(|(r, _)| r.controls());
    Ok(MeetingView {
        invite_path: if controls || mine.is_some() {
            format!("/meetings/{}?invite={}", m.id, m.invite_token)
        } else {
            String::new()
        },
        id: m.id,
        title: m.title,
        scheduled_at: m.scheduled_at,
        ended_at: m.ended_at,
        locked: m.locked,
        interpreter_requested: m.interpreter_requested,
        chat_room_id: if mine.is_some_and(|(_, s)| s == ParticipantState::Admitted) {
            m.chat_room_id
        } else {
            None
        },
        participants,
        me: session.user.id.clone(),
        my_role: mine.map(|(r, _)| r),
        ice_servers: ice_servers(state),
    })
}

/// Asks to enter: straight in, to the lobby, or refused (with the reason's Fluent id).
pub async fn join(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    token: Option<&str>,
) -> Result<ParticipantState, AppError> {
    let m = load(state, id).await?;
    let mine = db::meeting::participant(&state.db, &m.id, &session.user.id).await?;
    if mine.is_none() && token.is_none_or(|t| t != m.invite_token) {
        return Err(AppError::NotFound);
    }
    let present =
        usize::try_from(db::meeting::present_count(&state.db, &m.id).await?).unwrap_or(usize::MAX);
    let role = mine.map(|(r, _)| r);
    let decision = entry(
        role,
        mine.map(|(_, s)| s),
        m.ended_at.is_some(),
        m.locked,
        present,
    );
    let at = db::now_millis();
    match decision {
        Entry::Refused(reason) => Err(AppError::Conflict(reason.to_owned())),
        Entry::Enter => {
            let role = role.unwrap_or(MeetingRole::Guest);
            if mine.map(|(_, s)| s) != Some(ParticipantState::Admitted) {
                admit_user(state, &m, &session.user.id, role, at).await?;
            }
            Ok(ParticipantState::Admitted)
        }
        Entry::Lobby => {
            let mut tx = state.db.begin().await?;
            db::meeting::put_participant(
                &mut tx,
                &m.id,
                &session.user.id,
                role.unwrap_or(MeetingRole::Guest),
                ParticipantState::Waiting,
                at,
            )
            .await?;
            db::commit(tx).await?;
            publish(
                state,
                &m.id,
                MeetingEvent::Waiting {
                    user_id: session.user.id.clone(),
                    name: session.user.display_name.clone(),
                },
            )
            .await?;
            Ok(ParticipantState::Waiting)
        }
    }
}

async fn admit_user(
    state: &AppState,
    m: &MeetingRow,
    user_id: &str,
    role: MeetingRole,
    at: i64,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    db::meeting::put_participant(
        &mut tx,
        &m.id,
        user_id,
        role,
        ParticipantState::Admitted,
        at,
    )
    .await?;
    db::commit(tx).await?;
    if let Some(room) = &m.chat_room_id {
        db::chat::add_member(&state.db, room, user_id, at).await?;
    }
    publish(
        state,
        &m.id,
        MeetingEvent::Admitted {
            user_id: user_id.to_owned(),
        },
    )
    .await?;
    state.hub.signal(
        &Topic::User(user_id.to_owned()).to_string(),
        Hint::Meeting {
            meeting: m.id.clone(),
        },
    );
    Ok(())
}

async fn controller(
    state: &AppState,
    session: &AuthSession,
    id: &str,
) -> Result<MeetingRow, AppError> {
    let m = load(state, id).await?;
    match db::meeting::participant(&state.db, &m.id, &session.user.id).await? {
        Some((role, ParticipantState::Admitted)) if role.controls() => Ok(m),
        Some(_) => Err(AppError::Forbidden),
        None => Err(AppError::NotFound),
    }
}

/// A host control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// Let someone in from the lobby.
    Admit,
    /// Send someone out for good.
    Remove,
    /// Ask someone to mute.
    Mute,
}

/// Applies a host control to a participant.
pub async fn control(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    user_id: &str,
    what: Control,
) -> Result<(), AppError> {
    let m = controller(state, session, id).await?;
    if m.ended_at.is_some() {
        return Err(AppError::Conflict("meeting-error-ended".into()));
    }
    let Some((role, current)) = db::meeting::participant(&state.db, &m.id, user_id).await? else {
        return Err(AppError::NotFound);
    };
    if role == MeetingRole::Host && what == Control::Remove {
        return Err(AppError::Forbidden);
    }
    let at = db::now_millis();
    match what {
        Control::Admit => {
            if current == ParticipantState::Removed {
                return Err(AppError::Conflict("meeting-error-removed".into()));
            }
            if crate::chat::moderation::blocked_between(&state.db, &m.host_id, user_id).await? {
                return Err(AppError::Conflict("chat-error-blocked".into()));
            }
            let present = usize::try_from(db::meeting::present_count(&state.db, &m.id).await?)
                .unwrap_or(usize::MAX);
            if present >= domain::meeting::MAX_PARTICIPANTS {
                return Err(AppError::Conflict("meeting-error-full".into()));
            }
            admit_user(state, &m, user_id, role, at).await
        }
        Control::Remove => {
            db::meeting::set_state(&state.db, &m.id, user_id, ParticipantState::Removed).await?;
            db::meeting::mark_absent(&state.db, &m.id, user_id, at).await?;
            publish(
                state,
                &m.id,
                MeetingEvent::Removed {
                    user_id: user_id.to_owned(),
                },
            )
            .await?;
            // After the event that tells them: their tabs then stop receiving the meeting,
            // and they leave its chat (history and socket alike).
            state.hub.revoke(&topic(&m.id), user_id);
            if let Some(room) = &m.chat_room_id {
                db::chat::remove_member(&state.db, room, user_id).await?;
                state
                    .hub
                    .revoke(&Topic::Chat(room.clone()).to_string(), user_id);
            }
            Ok(())
        }
        Control::Mute => {
            publish(
                state,
                &m.id,
                MeetingEvent::MuteRequested {
                    user_id: user_id.to_owned(),
                },
            )
            .await
        }
    }
}

/// Locks or unlocks the meeting.
pub async fn lock(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    locked: bool,
) -> Result<(), AppError> {
    let m = controller(state, session, id).await?;
    db::meeting::set_locked(&state.db, &m.id, locked).await?;
    publish(state, &m.id, MeetingEvent::Locked { locked }).await
}

/// Ends the meeting for everyone.
pub async fn end(state: &AppState, session: &AuthSession, id: &str) -> Result<(), AppError> {
    let m = controller(state, session, id).await?;
    db::meeting::end(&state.db, &m.id, db::now_millis()).await?;
    publish(state, &m.id, MeetingEvent::Ended).await?;
    // Surveys for after meetings go to both sides now.
    crate::survey::service::after_meeting(state, &m.expo_id, &m.id).await;
    Ok(())
}

/// Invites a person by e-mail address as guest, interpreter or moderator (moderators only by
/// the host or a moderator).
pub async fn invite(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    email: &str,
    role: MeetingRole,
) -> Result<(), AppError> {
    let m = controller(state, session, id).await?;
    if role == MeetingRole::Host {
        return Err(AppError::Forbidden);
    }
    let email = domain::account::Email::parse(email).map_err(|e| AppError::Validation(vec![e]))?;
    // Invitations are counted per host, whoever they go to.
    let now = db::now_millis();
    let recent = db::throttle::count_since(
        &state.db,
        "meeting-invite",
        &session.user.id,
        now - INVITES_WINDOW_MILLIS,
    )
    .await?;
    if recent.count >= INVITES_PER_HOUR {
        let free_at = recent.oldest_at.unwrap_or(now) + INVITES_WINDOW_MILLIS;
        return Err(AppError::RateLimited {
            retry_after_secs: u64::try_from((free_at - now + 999) / 1000)
                .unwrap_or(1)
                .max(1),
        });
    }
    db::throttle::record(&state.db, "meeting-invite", &session.user.id, now).await?;
    // The answer is the same whether or not the address is registered, and whether or not its
    // owner blocks the host: the form tells nobody who is on the platform or who blocks them.
    let Some(user) = db::meeting::user_by_email(&state.db, email.as_str()).await? else {
        return Ok(());
    };
    if crate::chat::moderation::blocked_between(&state.db, &m.host_id, &user).await? {
        return Ok(());
    }
    match db::meeting::participant(&state.db, &m.id, &user).await? {
        Some((_, ParticipantState::Admitted)) => return Ok(()),
        Some((_, ParticipantState::Removed)) => {
            return Err(AppError::Conflict("meeting-error-removed".into()))
        }
        _ => {}
    }
    let mut tx = state.db.begin().await?;
    db::meeting::put_participant(
        &mut tx,
        &m.id,
        &user,
        role,
        ParticipantState::Invited,
        db::now_millis(),
    )
    .await?;
    db::commit(tx).await?;
    state.hub.signal(
        &Topic::User(user).to_string(),
        Hint::Meeting { meeting: m.id },
    );
    Ok(())
}

/// The UTC millisecond a scheduling form's `when` (in its `zone`, else the expo's) stands for;
/// `None` when no time was chosen. A time that is not a date and time, or that has passed, is
/// refused by name.
pub async fn planned_time(
    state: &AppState,
    plan: &super::api::MeetingPlan,
) -> Result<Option<i64>, AppError> {
    let when = plan.when.trim();
    if when.is_empty() {
        return Ok(None);
    }
    let zone = match plan.zone.trim() {
        z if z.parse::<chrono_tz::Tz>().is_ok() => z.to_owned(),
        _ => match db::expo::current_expo(&state.db).await? {
            Some(expo) => expo.time_zone,
            None => "UTC".to_owned(),
        },
    };
    let at = crate::live::service::parse_local(when, &zone)
        .ok_or_else(|| AppError::Validation(vec![FieldError::new("when", "meeting-error-when")]))?;
    let at = at.saturating_mul(1000);
    if at < db::now_millis() - 60_000 {
        return Err(AppError::Validation(vec![FieldError::new(
            "when",
            "meeting-error-past",
        )]));
    }
    Ok(Some(at))
}

/// The addresses of a scheduling form's invitee list (separated by commas, semicolons, spaces
/// or lines; at most the meeting's other places), or the refusal that names the field.
pub fn parse_invitees(list: &str) -> Result<Vec<String>, AppError> {
    let addresses: Vec<String> = list
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    if addresses.len() >= domain::meeting::MAX_PARTICIPANTS
        || addresses
            .iter()
            .any(|a| domain::account::Email::parse(a).is_err())
    {
        return Err(AppError::Validation(vec![FieldError::new(
            "invitees",
            "meeting-error-invitees",
        )]));
    }
    Ok(addresses)
}

/// Invitations one host may send in [`INVITES_WINDOW_MILLIS`].
pub const INVITES_PER_HOUR: i64 = 30;
const INVITES_WINDOW_MILLIS: i64 = 3600 * 1000;

/// The invited person declines; with `block`, the host can no longer invite them, message
/// them or admit them (a block, as in chat, that they can lift from their messages).
pub async fn decline(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    block: bool,
) -> Result<(), AppError> {
    let m = load(state, id).await?;
    match db::meeting::participant(&state.db, &m.id, &session.user.id).await? {
        Some((_, ParticipantState::Invited | ParticipantState::Waiting)) => {}
        Some((_, ParticipantState::Declined)) => {}
        Some(_) => return Err(AppError::Conflict("meeting-error-not-invited".into())),
        None => return Err(AppError::NotFound),
    }
    db::meeting::set_state(
        &state.db,
        &m.id,
        &session.user.id,
        ParticipantState::Declined,
    )
    .await?;
    if block && m.host_id != session.user.id {
        db::chat::block(&state.db, &session.user.id, &m.host_id, db::now_millis()).await?;
    }
    publish(
        state,
        &m.id,
        MeetingEvent::Declined {
            user_id: session.user.id.clone(),
        },
    )
    .await
}

/// Records that an interpreter is wanted and tells the meeting (any admitted participant may ask).
pub async fn request_interpreter(
    state: &AppState,
    session: &AuthSession,
    id: &str,
) -> Result<(), AppError> {
    let m = load(state, id).await?;
    match db::meeting::participant(&state.db, &m.id, &session.user.id).await? {
        Some((_, ParticipantState::Admitted)) => {}
        _ => return Err(AppError::NotFound),
    }
    db::meeting::request_interpreter(&state.db, &m.id).await?;
    publish(state, &m.id, MeetingEvent::InterpreterRequested).await
}

/// Whether the person may follow the meeting's topic (admitted participants of a meeting that
/// has not ended).
pub async fn may_follow(
    state_db: &db::Db,
    session: &AuthSession,
    id: &str,
) -> Result<bool, AppError> {
    let Some(m) = db::meeting::get(state_db, id).await? else {
        return Ok(false);
    };
    Ok(m.ended_at.is_none()
        && matches!(
            db::meeting::participant(state_db, id, &session.user.id).await?,
            Some((_, ParticipantState::Admitted))
        ))
}

fn presence_key(id: &str, user: &str) -> String {
    format!("meeting:{id}/{user}")
}

/// An admitted participant's socket follows the meeting: they are present (on their first tab).
pub async fn arrived(state: &AppState, session: &AuthSession, id: &str) -> Result<(), AppError> {
    if !state.hub.enter(&presence_key(id, &session.user.id)) {
        return Ok(());
    }
    if db::meeting::mark_present(&state.db, id, &session.user.id, db::now_millis()).await? {
        publish(
            state,
            id,
            MeetingEvent::Present {
                user_id: session.user.id.clone(),
                name: session.user.display_name.clone(),
            },
        )
        .await?;
    }
    Ok(())
}

/// A socket stopped following the meeting: when it was the person's last, they left and their
/// time is added to the record.
pub async fn departed(state: &AppState, user_id: &str, id: &str) -> Result<(), AppError> {
    if !state.hub.leave(&presence_key(id, user_id)) {
        return Ok(());
    }
    if db::meeting::mark_absent(&state.db, id, user_id, db::now_millis()).await? {
        publish(
            state,
            id,
            MeetingEvent::Left {
                user_id: user_id.to_owned(),
            },
        )
        .await?;
    }
    Ok(())
}

/// Passes a WebRTC signaling message to another admitted participant, after checking it.
pub async fn relay(
    state: &AppState,
    session: &AuthSession,
    id: &str,
    to: &str,
    signal: RtcSignal,
) -> Result<(), AppError> {
    let ok = match &signal {
        RtcSignal::Description { kind, sdp } => domain::meeting::valid_description(kind, sdp),
        RtcSignal::Candidate {
            candidate, sdp_mid, ..
        } => {
            domain::meeting::valid_candidate(candidate)
                && sdp_mid.as_ref().is_none_or(|m| m.len() <= 64)
        }
    };
    if !ok {
        return Err(AppError::Validation(vec![FieldError::new(
            "signal",
            "meeting-error-signal",
        )]));
    }
    let m = load(state, id).await?;
    if m.ended_at.is_some() {
        return Err(AppError::Conflict("meeting-error-ended".into()));
    }
    for who in [session.user.id.as_str(), to] {
        if !matches!(
            db::meeting::participant(&state.db, &m.id, who).await?,
            Some((_, ParticipantState::Admitted))
        ) {
            return Err(AppError::NotFound);
        }
    }
    state.hub.signal(
        &Topic::User(to.to_owned()).to_string(),
        Hint::Rtc {
            meeting: m.id,
            from: session.user.id.clone(),
            signal,
        },
    );
    Ok(())
}

/// How long before a scheduled meeting its people are reminded.
pub const REMINDER_LEAD_MILLIS: i64 = 10 * 60 * 1000;
/// A meeting planned longer ago than this gets no reminder any more (the job was not running).
const REMINDER_LATE_MILLIS: i64 = 5 * 60 * 1000;

/// Reminds the invited and admitted people of meetings planned within
/// [`REMINDER_LEAD_MILLIS`] of `now`, once each: a notification in the app and an e-mail in
/// their language, in one transaction. Returns whom, to tell their open pages.
pub async fn send_due_reminders(db: &db::Db, now: i64) -> Result<Vec<String>, AppError> {
    let due = db::meeting::due_reminders(
        db,
        now - REMINDER_LATE_MILLIS,
        now + REMINDER_LEAD_MILLIS,
        200,
    )
    .await?;
    let mut notified = Vec::new();
    for r in due {
        let i18n = crate::shell::i18n::I18n {
            locale: domain::Locale::parse(&r.language).unwrap_or_default(),
        };
        let host = (r.host_id != r.user_id).then(|| match &r.host_company {
            Some(company) if !company.trim().is_empty() => format!("{} ({company})", r.host_name),
            _ => r.host_name.clone(),
        });
        let body = domain::notification::NotificationBody::MeetingStarting {
            title: r.title.clone(),
            starts_at: r.scheduled_at,
            host,
        };
        let link = format!("/meetings/{}", r.meeting_id);
        let sent = async {
            let mut tx = db.begin().await?;
            // Another node may have sent it first.
            if !db::meeting::reminder_sent(&mut tx, &r.meeting_id, &r.user_id, now).await? {
                return Ok::<bool, db::Error>(false);
            }
            db::notification::insert(&mut tx, &r.user_id, &body, &link, now).await?;
            let (subject, text) = crate::application::service::email_of(i18n, &body);
            db::notification::queue_email(&mut tx, &r.email, &subject, &text, now).await?;
            db::commit(tx).await?;
            Ok(true)
        }
        .await;
        match sent {
            Ok(true) => notified.push(r.user_id),
            Ok(false) => {}
            // One that fails does not hold up the others; it is tried again next time.
            Err(e) => {
                tracing::warn!(error = %e, meeting = %r.meeting_id, "meeting reminder not sent")
            }
        }
    }
    Ok(notified)
}
