//! Questions in a live room: viewers ask (signed in, rate-limited) and upvote; the stream's
//! broadcasters and the organizers pin, answer, hide, and remove people from the room. Every
//! change is a stored event on `live:<stream>`, so open pages follow it live, and the questions
//! stay with the replay.

use super::service::{may_broadcast, visible};
use crate::state::{AppState, AuthSession};
use crate::AppError;
use db::live::StreamRow;
use db::Db;
use domain::live::{LiveEvent, Question, QuestionAction, QuestionState};
use domain::realtime::{EventBody, Topic};
use governor::clock::{Clock, DefaultClock};

/// Who may follow `live:<id>`: whoever may see the stream (anonymous people too), unless
/// removed from its room.
pub async fn may_follow(
    db: &Db,
    session: Option<&AuthSession>,
    id: &str,
) -> Result<bool, AppError> {
    let Some(row) = db::live::get(db, id).await? else {
        return Ok(false);
    };
    if !super::service::may_see(session, &row) {
        return Ok(false);
    }
    match session {
        Some(s) => Ok(!db::live::is_banned(db, id, &s.user.id).await?),
        None => Ok(true),
    }
}

/// Whether `session` moderates the stream's room (its broadcasters and the organizers).
pub fn moderates(session: Option<&AuthSession>, row: &StreamRow) -> bool {
    may_broadcast(session, row)
}

async fn publish(state: &AppState, stream_id: &str, change: LiveEvent) -> Result<(), AppError> {
    state
        .hub
        .store_and_publish(
            &state.db,
            &Topic::Live(stream_id.to_owned()).to_string(),
            EventBody::Live(change),
        )
        .await?;
    Ok(())
}

/// Publishes a question as it is now. A hidden one goes out redacted, and every earlier event
/// of it on the topic is rewritten to that redacted form in the same transaction, so neither
/// the room's open pages nor a client replaying the topic later receive its text.
async fn publish_question(state: &AppState, stream_id: &str, q: Question) -> Result<(), AppError> {
    if q.state != QuestionState::Hidden {
        return publish(state, stream_id, LiveEvent::Question(q)).await;
    }
    let topic = Topic::Live(stream_id.to_owned()).to_string();
    let body = EventBody::Live(LiveEvent::Question(q.redacted()));
    let json = serde_json::to_string(&body).map_err(AppError::internal)?;
    // Earlier events of the question start with the tags and its id.
    let earlier = format!(
        "{{\"kind\":\"live\",\"change\":\"question\",\"id\":\"{}\",",
        q.id
    );
    if !json.starts_with(&earlier) {
        return Err(AppError::internal("unexpected shape of a question event"));
    }
    let guard = state.hub.lock(&topic).await;
    let at = db::now_millis();
    let mut tx = state.db.begin().await?;
    db::realtime::replace_bodies_starting(&mut tx, &topic, &earlier, &json).await?;
    let id = db::realtime::insert_event(&state.db, &mut tx, &topic, &json, at).await?;
    db::commit(tx).await?;
    state.hub.publish_event(&domain::realtime::Event {
        id,
        topic,
        at,
        body,
    });
    drop(guard);
    Ok(())
}

/// The room's questions as `session` sees them (hidden ones only for moderators), in order.
pub async fn list(
    state: &AppState,
    session: Option<&AuthSession>,
    stream_id: &str,
) -> Result<Vec<Question>, AppError> {
    let row = visible(state, session, stream_id).await?;
    let moderator = moderates(session, &row);
    let mut questions: Vec<Question> = db::live::questions(&state.db, &row.id)
        .await?
        .into_iter()
        .filter(|q| moderator || q.state != QuestionState::Hidden)
        .collect();
    domain::live::sort_questions(&mut questions);
    Ok(questions)
}

async fn not_banned(
    state: &AppState,
    session: &AuthSession,
    row: &StreamRow,
) -> Result<(), AppError> {
    if db::live::is_banned(&state.db, &row.id, &session.user.id).await? {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// Asks a question in a live (or scheduled) stream's room.
pub async fn ask(
    state: &AppState,
    session: &AuthSession,
    stream_id: &str,
    text: &str,
) -> Result<Question, AppError> {
    let row = visible(state, Some(session), stream_id).await?;
    if !matches!(
        row.state,
        domain::live::StreamState::Live | domain::live::StreamState::Scheduled
    ) {
        return Err(AppError::Conflict("live-qa-error-closed".into()));
    }
    not_banned(state, session, &row).await?;
    let text = domain::live::parse_question(text).map_err(|e| AppError::Validation(vec![e]))?;
    // Questions share the chat's flood limit, under their own key.
    if let Err(not_until) = state
        .chat_limiter
        .check_key(&format!("qa:{}", session.user.id))
    {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        return Err(AppError::RateLimited {
            retry_after_secs: wait.as_secs().max(1),
        });
    }
    let id = db::new_id();
    db::live::insert_question(
        &state.db,
        &id,
        &row.id,
        &session.user.id,
        &text,
        db::now_millis(),
    )
    .await?;
    let question = db::live::question(&state.db, &id)
        .await?
        .ok_or_else(|| AppError::internal("question vanished"))?;
    publish_question(state, &row.id, question.clone()).await?;
    Ok(question)
}

async fn question_in_room(
    state: &AppState,
    session: &AuthSession,
    question_id: &str,
) -> Result<(Question, StreamRow), AppError> {
    if !domain::text::is_id(question_id) {
        return Err(AppError::NotFound);
    }
    let q = db::live::question(&state.db, question_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let row = visible(state, Some(session), &q.stream_id).await?;
    Ok((q, row))
}

/// Upvotes a question (once per person; a second vote changes nothing).
pub async fn vote(
    state: &AppState,
    session: &AuthSession,
    question_id: &str,
) -> Result<(), AppError> {
    let (q, row) = question_in_room(state, session, question_id).await?;
    not_banned(state, session, &row).await?;
    if q.state == QuestionState::Hidden {
        return Err(AppError::NotFound);
    }
    if db::live::vote(&state.db, &q.id, &session.user.id).await? {
        if let Some(now) = db::live::question(&state.db, &q.id).await? {
            publish_question(state, &row.id, now).await?;
        }
    }
    Ok(())
}

/// A moderator pins, unpins, answers, hides or shows a question.
pub async fn moderate(
    state: &AppState,
    session: &AuthSession,
    question_id: &str,
    action: QuestionAction,
    answer: &str,
) -> Result<(), AppError> {
    let (q, row) = question_in_room(state, session, question_id).await?;
    if !moderates(Some(session), &row) {
        return Err(AppError::Forbidden);
    }
    let answer = answer.trim();
    if answer.chars().count() > domain::live::ANSWER_MAX_CHARS {
        return Err(AppError::Validation(vec![domain::FieldError::new(
            "answer",
            "live-qa-error-answer",
        )]));
    }
    let (state_now, pinned, written) = match action {
        QuestionAction::Pin => (q.state, true, q.answer.clone()),
        QuestionAction::Unpin => (q.state, false, q.answer.clone()),
        QuestionAction::Answer => (
            QuestionState::Answered,
            q.pinned,
            (!answer.is_empty())
                .then(|| answer.to_owned())
                .or(q.answer.clone()),
        ),
        QuestionAction::Hide => (QuestionState::Hidden, false, q.answer.clone()),
        QuestionAction::Unhide => (
            if q.answer.is_some() {
                QuestionState::Answered
            } else {
                QuestionState::Open
            },
            q.pinned,
            q.answer.clone(),
        ),
    };
    db::live::set_question(&state.db, &q.id, state_now, pinned, written.as_deref()).await?;
    if let Some(now) = db::live::question(&state.db, &q.id).await? {
        publish_question(state, &row.id, now).await?;
    }
    Ok(())
}

/// A moderator removes the author of a question from the stream's room: no more questions or
/// votes, their questions hidden, their player cut off.
pub async fn ban(
    state: &AppState,
    session: &AuthSession,
    question_id: &str,
) -> Result<(), AppError> {
    let (q, row) = question_in_room(state, session, question_id).await?;
    if !moderates(Some(session), &row) {
        return Err(AppError::Forbidden);
    }
    if q.author_id == session.user.id {
        return Err(AppError::Conflict("live-qa-error-ban-self".into()));
    }
    let changed = db::live::ban(
        &state.db,
        &row.id,
        &q.author_id,
        &session.user.id,
        db::now_millis(),
    )
    .await?;
    for id in changed {
        if let Some(now) = db::live::question(&state.db, &id).await? {
            publish_question(state, &row.id, now).await?;
        }
    }
    // Their open player stops now (not at its next reconnect).
    if let Some(relay) = state.live.get(&row.id) {
        relay.remove_viewer(&q.author_id);
    }
    publish(
        state,
        &row.id,
        LiveEvent::Banned {
            user_id: q.author_id.clone(),
        },
    )
    .await?;
    Ok(())
}
