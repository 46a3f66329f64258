//! Survey rules: the organizers of the expo the console manages write, send, close and read its
//! surveys; the people a survey was sent to answer it once. Invitations go in-app and by
//! e-mail in the reader's language, with the survey's own title in that language when it was
//! written in it.

use crate::shell::i18n::I18n;
use crate::state::{AppState, AuthSession, Ctx};
use crate::AppError;
use domain::notification::NotificationBody;
use domain::survey::{
    check_answers, tally, Answers, RawAnswer, Survey, SurveyDraft, SurveyForm, SurveyResults,
    SurveyStatus, Trigger,
};
use domain::FieldError;

/// The organizer's session and the survey, when it belongs to the expo the console manages.
async fn managed(ctx: &Ctx, id: &str) -> Result<(String, Survey), AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    if !domain::text::is_id(id) {
        return Err(AppError::NotFound);
    }
    let survey = db::survey::get(&ctx.state.db, id)
        .await?
        .filter(|s| s.expo_id == expo_id)
        .ok_or(AppError::NotFound)?;
    Ok((expo_id, survey))
}

async fn writable(ctx: &Ctx) -> Result<(), AppError> {
    if crate::ops::service::may_write(&ctx.state, ctx.session.as_ref()).await? {
        Ok(())
    } else {
        Err(AppError::ReadOnly)
    }
}

/// The expo's surveys and halls (for the builder's audience), for its organizers.
pub async fn list(ctx: &Ctx) -> Result<super::api::SurveysPage, AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    let db = &ctx.state.db;
    Ok(super::api::SurveysPage {
        surveys: db::survey::list(db, &expo_id).await?,
        halls: db::analysis::halls(db, &expo_id).await?,
    })
}

/// The expo's halls (id, name), for the builder's audience (organizers).
pub async fn halls(ctx: &Ctx) -> Result<Vec<(String, domain::text::LocalizedText)>, AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    Ok(db::analysis::halls(&ctx.state.db, &expo_id).await?)
}

/// One survey for its builder (organizers).
pub async fn get(ctx: &Ctx, id: &str) -> Result<Survey, AppError> {
    Ok(managed(ctx, id).await?.1)
}

/// True when `b` says what `a` said in `a`'s own language (other languages may change).
fn same_words(a: &domain::text::LocalizedText, b: &domain::text::LocalizedText) -> bool {
    let of = |t: &domain::text::LocalizedText| {
        t.values
            .get(&a.original)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    of(a) == of(b)
}

/// True when `new` asks the same questions as `old` (same ids, kinds, options in their
/// original words, and points), so answers given stay meaningful: once people have it, only
/// the questions' words and the translations may change.
fn same_questions(old: &Survey, new: &SurveyDraft) -> bool {
    old.questions.len() == new.questions.len()
        && old.questions.iter().zip(&new.questions).all(|(a, b)| {
            a.id == b.id
                && a.kind == b.kind
                && a.options.len() == b.options.len()
                && a.options
                    .iter()
                    .zip(&b.options)
                    .all(|(x, y)| same_words(x, y))
                && a.scale == b.scale
                && a.required == b.required
        })
        && old.audience == new.audience
        && old.hall_id == new.hall_id
        && old.trigger == new.trigger
}

/// Saves a survey (a new one when `id` is empty); returns its id. A draft changes freely; once
/// sent, only its words (translations, corrections) may change.
pub async fn save(ctx: &Ctx, id: &str, draft: &SurveyDraft) -> Result<String, AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    writable(ctx).await?;
    let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    let checked = draft.check().map_err(AppError::Validation)?;
    let db = &ctx.state.db;
    if let Some(hall) = &checked.hall_id {
        let halls = db::analysis::halls(db, &expo_id).await?;
        if !halls.iter().any(|(h, _)| h == hall) {
            return Err(AppError::Validation(vec![FieldError::new(
                "hall",
                "survey-error-hall",
            )]));
        }
    }
    let now = db::now_millis();
    if id.is_empty() {
        let id = db::new_id();
        db::survey::insert(db, &id, &expo_id, &checked, &session.user.id, now).await?;
        crate::console::audit(ctx, "survey.created", &id).await;
        return Ok(id);
    }
    let (_, old) = managed(ctx, id).await?;
    let saved = if old.status == SurveyStatus::Draft {
        db::survey::update(db, id, &checked, now).await?
    } else if same_questions(&old, &checked) {
        db::survey::update_texts(db, id, &checked, now).await?
    } else {
        false
    };
    if !saved {
        return Err(AppError::Conflict("survey-error-fixed".into()));
    }
    crate::console::audit(ctx, "survey.changed", id).await;
    Ok(id.to_owned())
}

/// Deletes a draft.
pub async fn delete(ctx: &Ctx, id: &str) -> Result<(), AppError> {
    let (_, survey) = managed(ctx, id).await?;
    writable(ctx).await?;
    if survey.status != SurveyStatus::Draft || !db::survey::delete_draft(&ctx.state.db, id).await? {
        return Err(AppError::Conflict("survey-error-fixed".into()));
    }
    crate::console::audit(ctx, "survey.deleted", id).await;
    Ok(())
}

/// Sends a survey: a draft opens (its questions are fixed from then on). A survey for after
/// the show goes to everyone of its audience not yet invited (so sending again reaches those
/// who came since); one for after meetings goes to both sides of each meeting that ends from
/// now on. Returns how many people were invited now.
pub async fn send(ctx: &Ctx, id: &str) -> Result<i64, AppError> {
    let (expo_id, survey) = managed(ctx, id).await?;
    writable(ctx).await?;
    if survey.status == SurveyStatus::Closed {
        return Err(AppError::Conflict("survey-error-closed".into()));
    }
    let db = &ctx.state.db;
    let now = db::now_millis();
    let people = if survey.trigger == Trigger::AfterShow {
        db::survey::audience(
            db,
            &expo_id,
            survey.audience,
            survey.hall_id.as_deref(),
            None,
        )
        .await?
    } else {
        Vec::new()
    };
    let mut tx = db.begin().await?;
    if survey.status == SurveyStatus::Draft
        && !db::survey::set_status(&mut tx, id, SurveyStatus::Draft, SurveyStatus::Open, now)
            .await?
    {
        return Err(AppError::Conflict("survey-error-fixed".into()));
    }
    let mut invited = Vec::new();
    for p in &people {
        if db::survey::invite(&mut tx, id, &p.id, None, now).await? {
            invite_message(&mut tx, &ctx.state, &survey, p, now).await?;
            invited.push(p.id.clone());
        }
    }
    db::commit(tx).await?;
    ctx.state.notified(&invited);
    crate::console::audit(ctx, "survey.sent", id).await;
    Ok(i64::try_from(invited.len()).unwrap_or(i64::MAX))
}

/// Closes a survey: no more answers.
pub async fn close(ctx: &Ctx, id: &str) -> Result<(), AppError> {
    let (_, survey) = managed(ctx, id).await?;
    writable(ctx).await?;
    let mut tx = ctx.state.db.begin().await?;
    if survey.status != SurveyStatus::Open
        || !db::survey::set_status(
            &mut tx,
            id,
            SurveyStatus::Open,
            SurveyStatus::Closed,
            db::now_millis(),
        )
        .await?
    {
        return Err(AppError::Conflict("survey-error-not-open".into()));
    }
    db::commit(tx).await?;
    crate::console::audit(ctx, "survey.closed", id).await;
    Ok(())
}

/// The notification and e-mail inviting `p` to answer.
async fn invite_message(
    tx: &mut db::Tx,
    state: &AppState,
    survey: &Survey,
    p: &db::survey::Person,
    now: i64,
) -> Result<(), AppError> {
    let locale = domain::Locale::parse(&p.language).unwrap_or_default();
    let i18n = I18n { locale };
    let body = NotificationBody::SurveyInvite {
        title: survey.title.show(locale).text,
    };
    crate::application::service::notify_with_link(
        tx,
        state,
        (&p.id, &p.email),
        i18n,
        &body,
        &format!("/surveys/{}", survey.id),
        "survey-email-footer",
        now,
    )
    .await
}

/// After a meeting ends: the people who were in it (not those only invited), who are in the
/// audience of an open survey for after meetings and were never sent it, get it (once per
/// person and survey, whatever meeting comes next). A failure is logged, never the caller's
/// error.
pub async fn after_meeting(state: &AppState, expo_id: &str, meeting_id: &str) {
    let result = async {
        let db = &state.db;
        let surveys = db::survey::open_after_meeting(db, expo_id).await?;
        if surveys.is_empty() {
            return Ok::<(), AppError>(());
        }
        let attended = db::meeting::attended(db, meeting_id).await?;
        // Who gets what, read before the transaction (which holds a connection).
        let mut to_send = Vec::new();
        for s in &surveys {
            for user in &attended {
                for person in
                    db::survey::audience(db, expo_id, s.audience, s.hall_id.as_deref(), Some(user))
                        .await?
                {
                    to_send.push((s, person));
                }
            }
        }
        let now = db::now_millis();
        let mut invited = Vec::new();
        let mut tx = db.begin().await?;
        for (s, person) in &to_send {
            if db::survey::invite(&mut tx, &s.id, &person.id, Some(meeting_id), now).await? {
                invite_message(&mut tx, state, s, person, now).await?;
                invited.push(person.id.clone());
            }
        }
        db::commit(tx).await?;
        state.notified(&invited);
        Ok(())
    }
    .await;
    if let Err(e) = result {
        tracing::warn!(error = ?e, meeting_id, "surveys after a meeting not sent");
    }
}

/// A survey's results (organizers).
pub async fn results(
    ctx: &Ctx,
    id: &str,
) -> Result<(SurveyResults, Vec<db::survey::AnswerRow>), AppError> {
    let (_, survey) = managed(ctx, id).await?;
    let rows = db::survey::answers(&ctx.state.db, id).await?;
    let answers: Vec<Answers> = rows
        .iter()
        .map(|r| serde_json::from_str(&r.answers).unwrap_or_default())
        .collect();
    let results = tally(&survey.questions, &answers);
    Ok((SurveyResults { survey, results }, rows))
}

fn signed_in(ctx: &Ctx) -> Result<&AuthSession, AppError> {
    ctx.session.as_ref().ok_or(AppError::Unauthenticated)
}

/// The survey as the signed-in person answers it: only someone it was sent to (an organizer
/// of its expo may look at it too). Anyone else is told it does not exist.
pub async fn form(ctx: &Ctx, id: &str) -> Result<SurveyForm, AppError> {
    let session = signed_in(ctx)?;
    if !domain::text::is_id(id) {
        return Err(AppError::NotFound);
    }
    let db = &ctx.state.db;
    let survey = db::survey::get(db, id).await?.ok_or(AppError::NotFound)?;
    let (invited, answered) = db::survey::standing(db, id, &session.user.id).await?;
    let organizer = domain::authz::authorize(
        ctx.actor(),
        domain::authz::Action::ManageExpo {
            expo_id: &survey.expo_id,
        },
    )
    .is_ok();
    if invited.is_none() && !organizer {
        return Err(AppError::NotFound);
    }
    Ok(SurveyForm {
        id: survey.id,
        title: survey.title,
        intro: survey.intro,
        questions: survey.questions,
        open: survey.status == SurveyStatus::Open && invited.is_some(),
        answered_at: answered,
        preview: invited.is_none(),
    })
}

/// Stores the signed-in person's answers: once, while the survey is open, if it was sent to
/// them; every answer within its question's range.
pub async fn answer(ctx: &Ctx, id: &str, raw: &[RawAnswer]) -> Result<(), AppError> {
    let session = signed_in(ctx)?;
    if !domain::text::is_id(id) {
        return Err(AppError::NotFound);
    }
    let db = &ctx.state.db;
    let survey = db::survey::get(db, id).await?.ok_or(AppError::NotFound)?;
    let (invited, answered) = db::survey::standing(db, id, &session.user.id).await?;
    if invited.is_none() {
        return Err(AppError::NotFound);
    }
    if answered.is_some() {
        return Err(AppError::Conflict("survey-error-answered".into()));
    }
    if survey.status != SurveyStatus::Open {
        return Err(AppError::Conflict("survey-error-closed".into()));
    }
    if raw.len() > domain::survey::MAX_QUESTIONS * 2 {
        return Err(AppError::Validation(vec![FieldError::new(
            "answers",
            "survey-error-unknown-question",
        )]));
    }
    let answers = check_answers(&survey.questions, raw).map_err(AppError::Validation)?;
    let json = serde_json::to_string(&answers).map_err(AppError::internal)?;
    if !db::survey::answer(
        db,
        id,
        &session.user.id,
        &json,
        session.user.language.tag(),
        db::now_millis(),
    )
    .await?
    {
        // Answered meanwhile, or closed meanwhile.
        let (_, answered) = db::survey::standing(db, id, &session.user.id).await?;
        let why = if answered.is_some() {
            "survey-error-answered"
        } else {
            "survey-error-closed"
        };
        return Err(AppError::Conflict(why.into()));
    }
    Ok(())
}
