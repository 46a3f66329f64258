//! Exhibitor applications: submitting, changing and withdrawing them (the applicant), and the
//! organizer's review (approve with a hall and booth, reject or ask for changes with a reason).
//! Every step checks the state machine of [`domain::application::transition`], happens in one
//! transaction with its notification and e-mail, and is audited.

use crate::shell::i18n::I18n;
use crate::state::{AppState, Ctx};
use crate::AppError;
use domain::application::{
    free_spot, parse_booth_code, parse_reason, standard_booth_size, transition, Application,
    ApplicationInput, ApplicationStatus, Decision,
};
use domain::authz::{authorize, Action};
use domain::hall::BoothTier;
use domain::notification::NotificationBody;
use domain::realtime::{Hint, Topic};
use domain::text::LocalizedText;
use domain::FieldError;

/// What an organizer's decision carries besides itself.
#[derive(Clone, Debug, Default)]
pub struct DecisionInput<'a> {
    /// Why (refusal, changes).
    pub reason: &'a str,
    /// The hall of the new booth (approval).
    pub hall_id: &'a str,
    /// The new booth's code (approval).
    pub booth_code: &'a str,
}

async fn current_expo_id(state: &AppState) -> Result<String, AppError> {
    Ok(db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?
        .id)
}

fn signed_in(ctx: &Ctx) -> Result<&crate::state::AuthSession, AppError> {
    ctx.session.as_ref().ok_or(AppError::Unauthenticated)
}

fn unique_to(field: &str, id: &str) -> impl FnOnce(db::Error) -> AppError {
    let (field, id) = (field.to_owned(), id.to_owned());
    move |e| match e {
        db::Error::Unique => AppError::Validation(vec![FieldError::new(field, id)]),
        other => other.into(),
    }
}

/// The calendar day (`YYYY-MM-DD`) at `now_ms` in the expo's time zone (UTC if the zone is
/// unknown): the application window opens and closes at the expo's midnight.
pub fn today_in(time_zone: &str, now_ms: i64) -> String {
    let utc = chrono::DateTime::from_timestamp_millis(now_ms).unwrap_or_default();
    match time_zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => utc.with_timezone(&tz).format("%Y-%m-%d").to_string(),
        Err(_) => utc.format("%Y-%m-%d").to_string(),
    }
}

/// Submits an application to exhibit at the current expo.
pub async fn submit(ctx: &Ctx, input: &ApplicationInput) -> Result<Application, AppError> {
    let session = signed_in(ctx)?;
    let expo_id = current_expo_id(&ctx.state).await?;
    let form = input.validate().map_err(AppError::Validation)?;
    if let Some(settings) = db::setup::settings(&ctx.state.db, &expo_id).await? {
        let today = today_in(&settings.time_zone, db::now_millis());
        if !domain::plan::applications_open(&settings, &today) {
            return Err(AppError::Conflict("apply-error-closed".into()));
        }
    }
    if session.actor.exhibits_in(&expo_id) {
        return Err(AppError::Conflict("apply-error-already-exhibitor".into()));
    }
    let id = db::new_id();
    let now = db::now_millis();
    let mut tx = ctx.state.db.begin().await?;
    match db::application::insert(&mut tx, &id, &expo_id, &session.user.id, &form, now).await {
        Ok(()) => {}
        Err(db::Error::Unique) => {
            // Which key? The person's own live application, or someone's licence number.
            drop(tx);
            let mine = db::application::latest_of(&ctx.state.db, &expo_id, &session.user.id)
                .await?
                .is_some_and(|a| a.status.is_open() || a.status == ApplicationStatus::Approved);
            return Err(if mine {
                AppError::Conflict("apply-error-duplicate".into())
            } else {
                AppError::Validation(vec![FieldError::new(
                    "license_no",
                    "apply-error-license-taken",
                )])
            });
        }
        Err(e) => return Err(e.into()),
    }
    let organizers = db::chat::holders_of(&ctx.state.db, &expo_id, "organizer").await?;
    for organizer in &organizers {
        db::notification::insert(
            &mut tx,
            organizer,
            &NotificationBody::ApplicationReceived {
                company: form.company.clone(),
            },
            &format!("/dashboard/applications/{id}"),
            now,
        )
        .await?;
    }
    db::commit(tx).await?;
    for organizer in &organizers {
        ctx.state.hub.signal(
            &Topic::User(organizer.clone()).to_string(),
            Hint::Notification,
        );
    }
    crate::console::audit(ctx, "application.submit", &id).await;
    db::application::get(&ctx.state.db, &id)
        .await?
        .map(|(_, a)| a)
        .ok_or(AppError::NotFound)
}

/// The signed-in person's latest application at the current expo.
pub async fn mine(ctx: &Ctx) -> Result<Option<Application>, AppError> {
    let session = signed_in(ctx)?;
    let expo_id = current_expo_id(&ctx.state).await?;
    Ok(db::application::latest_of(&ctx.state.db, &expo_id, &session.user.id).await?)
}

/// An application, for its applicant or an organizer of its expo.
pub async fn get(ctx: &Ctx, id: &str) -> Result<(String, Application), AppError> {
    let session = signed_in(ctx)?;
    if !domain::text::is_id(id) {
        return Err(AppError::NotFound);
    }
    let (expo_id, application) = db::application::get(&ctx.state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if application.applicant_id != session.user.id {
        authorize(ctx.actor(), Action::ManageExpo { expo_id: &expo_id })
            .map_err(|_| AppError::NotFound)?;
    }
    Ok((expo_id, application))
}

/// The applicant sends a changed application again, or takes it back.
pub async fn applicant_decides(
    ctx: &Ctx,
    id: &str,
    decision: Decision,
    input: Option<&ApplicationInput>,
) -> Result<ApplicationStatus, AppError> {
    let session = signed_in(ctx)?;
    if decision.by_organizer() || !domain::text::is_id(id) {
        return Err(AppError::Forbidden);
    }
    let (expo_id, application) = db::application::get(&ctx.state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if application.applicant_id != session.user.id {
        return Err(AppError::NotFound);
    }
    let to = transition(application.status, decision)
        .ok_or_else(|| AppError::Conflict("apply-error-transition".into()))?;
    let form = match (decision, input) {
        (Decision::Resubmit, Some(input)) => Some(input.validate().map_err(AppError::Validation)?),
        (Decision::Resubmit, None) => {
            return Err(AppError::Validation(vec![FieldError::new(
                "company",
                "apply-error-required",
            )]))
        }
        _ => None,
    };
    let mut tx = ctx.state.db.begin().await?;
    // The status first (see `organizer_decides`), then the changed form.
    if !db::application::set_status(&mut tx, id, application.status, to, None, db::now_millis())
        .await?
    {
        return Err(AppError::Conflict("apply-error-transition".into()));
    }
    if let Some(form) = &form {
        db::application::update_form(&mut tx, id, &expo_id, form)
            .await
            .map_err(unique_to("license_no", "apply-error-license-taken"))?;
    }
    db::commit(tx).await?;
    crate::console::audit(ctx, decision.audit_action(), id).await;
    Ok(to)
}

/// The organizer approves (placing the new exhibitor's booth in a hall), rejects, or asks for
/// changes. The applicant is told in the app and by e-mail, in their language.
pub async fn organizer_decides(
    ctx: &Ctx,
    id: &str,
    decision: Decision,
    input: &DecisionInput<'_>,
) -> Result<ApplicationStatus, AppError> {
    signed_in(ctx)?;
    if !domain::text::is_id(id) {
        return Err(AppError::NotFound);
    }
    let (expo_id, application) = db::application::get(&ctx.state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(ctx.actor(), Action::ManageExpo { expo_id: &expo_id })?;
    if !decision.by_organizer() {
        return Err(AppError::Forbidden);
    }
    let to = transition(application.status, decision)
        .ok_or_else(|| AppError::Conflict("apply-error-transition".into()))?;
    let reason = if decision.needs_reason() {
        Some(parse_reason(input.reason).map_err(|e| AppError::Validation(vec![e]))?)
    } else {
        None
    };
    let applicant = db::account::get_user(&ctx.state.db, &application.applicant_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = db::now_millis();
    let mut tx = ctx.state.db.begin().await?;
    // The status moves first: the write takes the database's write lock at once (on SQLite a
    // transaction that read first could not upgrade while another decision commits), and of
    // two organizers deciding at once exactly one moves it.
    if !db::application::set_status(&mut tx, id, application.status, to, reason.as_deref(), now)
        .await?
    {
        return Err(AppError::Conflict("apply-error-transition".into()));
    }
    if decision == Decision::Approve {
        // Became an exhibitor meanwhile (another application, a grant): granting again would
        // move them off their booth.
        let roles = db::account::memberships(&ctx.state.db, &applicant.id).await?;
        if roles
            .iter()
            .any(|m| m.expo_id == expo_id && m.role == domain::account::Role::Exhibitor)
        {
            return Err(AppError::Conflict("apply-error-already-exhibitor".into()));
        }
        let mut errors = Vec::new();
        let code = parse_booth_code(input.booth_code)
            .map_err(|e| errors.push(e))
            .ok();
        let plan = if domain::text::is_id(input.hall_id) {
            db::hall::plan_in_tx(&mut tx, input.hall_id)
                .await?
                .filter(|(hall_expo, ..)| *hall_expo == expo_id)
        } else {
            None
        };
        if plan.is_none() {
            errors.push(FieldError::new("hall_id", "apply-error-hall"));
        }
        let (Some(code), Some((_, w, h, taken))) = (code, plan) else {
            return Err(AppError::Validation(errors));
        };
        let (bw, bh) = standard_booth_size(w);
        let spot = free_spot(w, h, &taken, bw, bh).ok_or_else(|| {
            AppError::Validation(vec![FieldError::new("hall_id", "apply-error-hall-full")])
        })?;
        let exhibitor_id = db::new_id();
        db::expo::insert_exhibitor(
            &mut tx,
            &exhibitor_id,
            &expo_id,
            Some(input.hall_id),
            &LocalizedText::new(applicant.language, application.form.company.clone()),
            &application.form.country,
            now,
        )
        .await?;
        db::hall::insert_booth(
            &mut tx,
            &db::new_id(),
            input.hall_id,
            &exhibitor_id,
            &code,
            spot,
            BoothTier::Standard,
        )
        .await
        .map_err(unique_to("booth_code", "apply-error-booth-taken"))?;
        db::account::grant_role(
            &mut tx,
            &applicant.id,
            &expo_id,
            domain::account::Role::Exhibitor,
            Some(&exhibitor_id),
            now,
        )
        .await?;
        db::application::set_placement(&mut tx, id, &exhibitor_id, &code).await?;
    }
    let body = NotificationBody::ApplicationDecided {
        company: application.form.company.clone(),
        status: to,
        reason: reason.clone(),
    };
    db::notification::insert(&mut tx, &applicant.id, &body, "/apply", now).await?;
    let (subject, text) = email_of(
        I18n {
            locale: applicant.language,
        },
        &body,
    );
    db::notification::queue_email(&mut tx, &applicant.email, &subject, &text, now).await?;
    db::commit(tx).await?;
    ctx.state.hub.signal(
        &Topic::User(applicant.id.clone()).to_string(),
        Hint::Notification,
    );
    if decision == Decision::Approve {
        // The booth is on the hall map now.
        ctx.state.content_changed();
    }
    crate::console::audit(ctx, decision.audit_action(), id).await;
    Ok(to)
}

/// Stores a notification for `user` (id, e-mail address) and queues its e-mail, whose text ends
/// with the absolute address of `link` and the footer `footer` (a Fluent id).
#[allow(clippy::too_many_arguments)]
pub async fn notify_with_link(
    tx: &mut db::Tx,
    state: &crate::state::AppState,
    user: (&str, &str),
    i18n: I18n,
    body: &NotificationBody,
    link: &str,
    footer: &str,
    now: i64,
) -> Result<(), AppError> {
    let (user_id, email) = user;
    db::notification::insert(tx, user_id, body, link, now).await?;
    let subject = super::notification_text(i18n, body);
    let text = format!(
        "{subject}\n\n{}{link}\n\n{}",
        state.mail_origin(),
        i18n.t(footer)
    );
    db::notification::queue_email(tx, email, &subject, &text, now).await?;
    Ok(())
}

/// The subject and text of the e-mail that goes with a notification, in the reader's language.
pub fn email_of(i18n: I18n, body: &NotificationBody) -> (String, String) {
    let subject = super::notification_text(i18n, body);
    let mut text = subject.clone();
    if let NotificationBody::ApplicationDecided {
        reason: Some(reason),
        ..
    } = body
    {
        text.push_str("\n\n");
        text.push_str(reason);
    }
    text.push_str("\n\n");
    text.push_str(&i18n.t(match body {
        NotificationBody::LiveStarting { .. } => "live-email-footer",
        NotificationBody::MeetingStarting { .. } => "meeting-email-footer",
        _ => "apply-email-footer",
    }));
    (subject, text)
}

/// Who is asking about an application's documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentReader {
    /// The applicant.
    Applicant,
    /// An organizer of the expo.
    Organizer,
}

/// The application, if the signed-in person may read its documents (its applicant or an
/// organizer of its expo); anyone else is told it does not exist.
pub async fn document_reader(
    ctx: &Ctx,
    application_id: &str,
) -> Result<(Application, DocumentReader), AppError> {
    let session = signed_in(ctx)?;
    if !domain::text::is_id(application_id) {
        return Err(AppError::NotFound);
    }
    let (expo_id, application) = db::application::get(&ctx.state.db, application_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if application.applicant_id == session.user.id {
        return Ok((application, DocumentReader::Applicant));
    }
    if authorize(ctx.actor(), Action::ManageExpo { expo_id: &expo_id }).is_ok() {
        return Ok((application, DocumentReader::Organizer));
    }
    Err(AppError::NotFound)
}

/// May the signed-in person attach one more document? Only the applicant, while the
/// application is open, up to [`domain::application::MAX_DOCUMENTS`].
pub async fn may_attach(ctx: &Ctx, application_id: &str) -> Result<(), AppError> {
    let (application, reader) = document_reader(ctx, application_id).await?;
    if reader != DocumentReader::Applicant {
        return Err(AppError::Forbidden);
    }
    if !application.status.is_open() {
        return Err(AppError::Conflict("apply-error-document-closed".into()));
    }
    let count = db::application::documents(&ctx.state.db, application_id)
        .await?
        .len() as i64;
    if count >= domain::application::MAX_DOCUMENTS {
        return Err(AppError::Conflict("apply-error-document-count".into()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::today_in;

    /// UTC milliseconds of a UTC date and time.
    fn at(iso: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(iso)
            .expect("time")
            .timestamp_millis()
    }

    #[test]
    fn the_day_is_the_expos_day() {
        // 17:00 UTC on 1 December is already 2 December in Shanghai…
        assert_eq!(
            today_in("Asia/Shanghai", at("2026-12-01T17:00:00Z")),
            "2026-12-02"
        );
        // …and still 1 December in New York at 03:00 UTC on the 2nd.
        assert_eq!(
            today_in("America/New_York", at("2026-12-02T03:00:00Z")),
            "2026-12-01"
        );
        // Summer time counts (Berlin is UTC+2 in July).
        assert_eq!(
            today_in("Europe/Berlin", at("2026-07-01T22:30:00Z")),
            "2026-07-02"
        );
        assert_eq!(
            today_in("Mars/Base", at("2026-07-01T22:30:00Z")),
            "2026-07-01"
        );
    }

    #[test]
    fn every_offered_time_zone_is_known() {
        for tz in domain::plan::TIME_ZONES {
            assert!(tz.parse::<chrono_tz::Tz>().is_ok(), "{tz}");
        }
    }
}
