//! Surveys, who they go to, and their answers (`domain::survey`). The audience is read from
//! what people did in the expo; an invitation and an answer are one row per person and survey,
//! so a second answer is refused by the database itself.

use crate::{Db, Result, Tx};
use domain::survey::{Audience, Question, Survey, SurveyDraft, SurveyStatus, Trigger};
use domain::text::LocalizedText;

/// The staff of an expo, who are never its visitors.
const STAFF: &str = "SELECT user_id FROM memberships WHERE expo_id = $1 \
     AND role IN ('organizer', 'exhibitor', 'operator', 'consultant', 'interpreter')";

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    expo_id: String,
    title: String,
    intro: String,
    questions: String,
    audience: String,
    hall_id: Option<String>,
    trigger_on: String,
    status: String,
    updated_at: i64,
    invited: i64,
    answered: i64,
}

impl From<Row> for Survey {
    fn from(r: Row) -> Survey {
        Survey {
            id: r.id,
            expo_id: r.expo_id,
            title: LocalizedText::from_json(&r.title),
            intro: LocalizedText::from_json(&r.intro),
            questions: serde_json::from_str::<Vec<Question>>(&r.questions).unwrap_or_default(),
            audience: Audience::parse(&r.audience).unwrap_or_default(),
            hall_id: r.hall_id,
            trigger: Trigger::parse(&r.trigger_on).unwrap_or_default(),
            status: SurveyStatus::parse(&r.status),
            invited: r.invited,
            answered: r.answered,
            updated_at: r.updated_at,
        }
    }
}

const SELECT: &str = "SELECT s.id, s.expo_id, s.title, s.intro, s.questions, s.audience, \
     s.hall_id, s.trigger_on, s.status, s.updated_at, \
     (SELECT COUNT(*) FROM survey_invites i WHERE i.survey_id = s.id) AS invited, \
     (SELECT COUNT(*) FROM survey_answers a WHERE a.survey_id = s.id) AS answered \
     FROM surveys s";

fn texts(d: &SurveyDraft) -> (String, String, String) {
    let empty = LocalizedText::new(domain::Locale::default(), "");
    (
        d.title.as_ref().unwrap_or(&empty).to_json(),
        d.intro.as_ref().unwrap_or(&empty).to_json(),
        serde_json::to_string(&d.questions).unwrap_or_else(|_| "[]".into()),
    )
}

/// Stores a new draft (checked by the caller).
pub async fn insert(
    db: &Db,
    id: &str,
    expo_id: &str,
    d: &SurveyDraft,
    by: &str,
    now: i64,
) -> Result<()> {
    let (title, intro, questions) = texts(d);
    sqlx::query(
        "INSERT INTO surveys (id, expo_id, title, intro, questions, audience, hall_id, trigger_on, \
         status, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10, $10)",
    )
    .bind(id)
    .bind(expo_id)
    .bind(title)
    .bind(intro)
    .bind(questions)
    .bind(d.audience.as_str())
    .bind(d.hall_id.as_deref())
    .bind(d.trigger.as_str())
    .bind(by)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Replaces a survey's texts and questions, if it is still a draft; false otherwise.
pub async fn update(db: &Db, id: &str, d: &SurveyDraft, now: i64) -> Result<bool> {
    let (title, intro, questions) = texts(d);
    let r = sqlx::query(
        "UPDATE surveys SET title = $1, intro = $2, questions = $3, audience = $4, hall_id = $5, \
         trigger_on = $6, updated_at = $7 WHERE id = $8 AND status = 'draft'",
    )
    .bind(title)
    .bind(intro)
    .bind(questions)
    .bind(d.audience.as_str())
    .bind(d.hall_id.as_deref())
    .bind(d.trigger.as_str())
    .bind(now)
    .bind(id)
    .execute(db.pool())
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Replaces the texts (translations) of an open or closed survey: same questions and options,
/// other words. False when the survey does not exist.
pub async fn update_texts(db: &Db, id: &str, d: &SurveyDraft, now: i64) -> Result<bool> {
    let (title, intro, questions) = texts(d);
    let r = sqlx::query(
        "UPDATE surveys SET title = $1, intro = $2, questions = $3, updated_at = $4 WHERE id = $5",
    )
    .bind(title)
    .bind(intro)
    .bind(questions)
    .bind(now)
    .bind(id)
    .execute(db.pool())
    .await?;
    Ok(r.rows_affected() == 1)
}

/// One survey.
pub async fn get(db: &Db, id: &str) -> Result<Option<Survey>> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE s.id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(Survey::from))
}

/// An expo's surveys, newest first.
pub async fn list(db: &Db, expo_id: &str) -> Result<Vec<Survey>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE s.expo_id = $1 ORDER BY s.created_at DESC, s.id"
    ))
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(Survey::from).collect())
}

/// An expo's open surveys sent after meetings.
pub async fn open_after_meeting(db: &Db, expo_id: &str) -> Result<Vec<Survey>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE s.expo_id = $1 AND s.status = 'open' AND s.trigger_on = 'after_meeting' \
         ORDER BY s.created_at, s.id"
    ))
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(Survey::from).collect())
}

/// Moves a survey from `from` to `to`; false when it was not at `from`.
pub async fn set_status(
    tx: &mut Tx,
    id: &str,
    from: SurveyStatus,
    to: SurveyStatus,
    now: i64,
) -> Result<bool> {
    let r = sqlx::query(
        "UPDATE surveys SET status = $1, updated_at = $2, \
         opened_at = CASE WHEN $1 = 'open' AND opened_at IS NULL THEN $2 ELSE opened_at END \
         WHERE id = $3 AND status = $4",
    )
    .bind(to.as_str())
    .bind(now)
    .bind(id)
    .bind(from.as_str())
    .execute(&mut **tx)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Deletes a draft; false when it is not one.
pub async fn delete_draft(db: &Db, id: &str) -> Result<bool> {
    let r = sqlx::query("DELETE FROM surveys WHERE id = $1 AND status = 'draft'")
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Someone a survey goes to.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Person {
    /// Their id.
    pub id: String,
    /// Their e-mail address.
    pub email: String,
    /// Their language tag.
    pub language: String,
}

/// The people of an audience (of `only`, when given: that person if they are in it).
pub async fn audience(
    db: &Db,
    expo_id: &str,
    audience: Audience,
    hall_id: Option<&str>,
    only: Option<&str>,
) -> Result<Vec<Person>> {
    let mut binds = vec![expo_id.to_owned()];
    let who = match audience {
        Audience::Visitors => format!(
            "(u.id IN (SELECT user_id FROM footprint_days WHERE expo_id = $1 AND user_id IS NOT NULL) \
             OR u.id IN (SELECT user_id FROM buyer_profiles WHERE expo_id = $1)) \
             AND u.id NOT IN ({STAFF})"
        ),
        Audience::Buyers => format!(
            "u.id IN (SELECT user_id FROM buyer_profiles WHERE expo_id = $1) AND u.id NOT IN ({STAFF})"
        ),
        Audience::Exhibitors => "u.id IN (SELECT m.user_id FROM memberships m \
             JOIN exhibitors e ON e.id = m.exhibitor_id \
             WHERE m.expo_id = $1 AND m.role = 'exhibitor' AND e.expo_id = $1)"
            .to_owned(),
        Audience::Hall => {
            let Some(hall) = hall_id else {
                return Ok(Vec::new());
            };
            binds.push(hall.to_owned());
            format!(
                "(u.id IN (SELECT f.user_id FROM footprint_days f \
                   LEFT JOIN exhibitors e ON e.id = f.exhibitor_id \
                   WHERE f.expo_id = $1 AND f.user_id IS NOT NULL \
                   AND (e.hall_id = $2 OR (f.target_kind = 'hall' AND f.target_id = $2))) \
                 AND u.id NOT IN ({STAFF})) \
                 OR u.id IN (SELECT m.user_id FROM memberships m \
                   JOIN exhibitors e ON e.id = m.exhibitor_id \
                   WHERE m.expo_id = $1 AND m.role = 'exhibitor' AND e.hall_id = $2)"
            )
        }
    };
    let mut sql = format!("SELECT u.id, u.email, u.language FROM users u WHERE ({who})");
    if let Some(person) = only {
        binds.push(person.to_owned());
        sql.push_str(&format!(" AND u.id = ${}", binds.len()));
    }
    sql.push_str(" ORDER BY u.id");
    let mut q = sqlx::query_as::<_, Person>(&sql);
    for b in &binds {
        q = q.bind(b.as_str());
    }
    Ok(q.fetch_all(db.pool()).await?)
}

/// Invites a person (once: false when they already were).
pub async fn invite(
    tx: &mut Tx,
    survey_id: &str,
    user_id: &str,
    meeting_id: Option<&str>,
    now: i64,
) -> Result<bool> {
    let r = sqlx::query(
        "INSERT INTO survey_invites (survey_id, user_id, meeting_id, sent_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (survey_id, user_id) DO NOTHING",
    )
    .bind(survey_id)
    .bind(user_id)
    .bind(meeting_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// When the person was invited to the survey, and when they answered it.
pub async fn standing(
    db: &Db,
    survey_id: &str,
    user_id: &str,
) -> Result<(Option<i64>, Option<i64>)> {
    let row: Option<(Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT (SELECT sent_at FROM survey_invites WHERE survey_id = $1 AND user_id = $2), \
           (SELECT created_at FROM survey_answers WHERE survey_id = $1 AND user_id = $2)",
    )
    .bind(survey_id)
    .bind(user_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.unwrap_or((None, None)))
}

/// Stores a person's answers (JSON) if the survey is open; false when they had already
/// answered or it is not open (any more).
pub async fn answer(
    db: &Db,
    survey_id: &str,
    user_id: &str,
    answers: &str,
    locale: &str,
    now: i64,
) -> Result<bool> {
    let r = sqlx::query(
        "INSERT INTO survey_answers (survey_id, user_id, answers, locale, created_at) \
         SELECT $1, $2, $3, $4, $5 WHERE EXISTS \
           (SELECT 1 FROM surveys WHERE id = $1 AND status = 'open') \
         ON CONFLICT (survey_id, user_id) DO NOTHING",
    )
    .bind(survey_id)
    .bind(user_id)
    .bind(answers)
    .bind(locale)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(r.rows_affected() == 1)
}

/// One person's answers, for the results and their export (without their name: organizers
/// read what was answered, not who answered what).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AnswerRow {
    /// The country of who answered (ISO code).
    pub country: String,
    /// The answers, JSON.
    pub answers: String,
    /// The language they answered in.
    pub locale: String,
    /// When (UTC milliseconds).
    pub created_at: i64,
}

/// Every answer to a survey, newest first.
pub async fn answers(db: &Db, survey_id: &str) -> Result<Vec<AnswerRow>> {
    Ok(sqlx::query_as(
        "SELECT u.country, a.answers, a.locale, a.created_at \
         FROM survey_answers a JOIN users u ON u.id = a.user_id \
         WHERE a.survey_id = $1 ORDER BY a.created_at DESC, a.user_id",
    )
    .bind(survey_id)
    .fetch_all(db.pool())
    .await?)
}
