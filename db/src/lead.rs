//! A booth's leads: one query gathers everyone who showed interest in it (kept matches, views
//! of the booth and its products, saves, inquiries, accepted appointments), with their buyer
//! profile and the team's stage and note. Contact details leave this module only for buyers
//! who agreed to share them. Someone who only looked or saved is named only if they are a
//! professional buyer (a buyer profile, which exhibitors see in the buyer directory anyway);
//! the expo's staff (organizers, exhibitors, operators, consultants, interpreters) never are.

use crate::{Db, Result};
use domain::lead::{Lead, LeadContact, LeadStage, MAX_LEADS};

#[derive(sqlx::FromRow)]
struct Row {
    user_id: String,
    display_name: String,
    account_company: Option<String>,
    country: String,
    score: i64,
    views: i64,
    favorited: i64,
    inquiries: i64,
    meetings: i64,
    company: Option<String>,
    job_role: Option<String>,
    consent: Option<i64>,
    email: String,
    phone: Option<String>,
    wechat: Option<String>,
    stage: Option<String>,
    note: Option<String>,
}

/// Every lead of a booth in an expo (its own team left out), at most [`MAX_LEADS`].
pub async fn of_booth(db: &Db, expo_id: &str, exhibitor_id: &str) -> Result<Vec<Lead>> {
    leads(db, expo_id, exhibitor_id, None).await
}

/// True when the person is a lead of the booth (so the team may keep a note on them), however
/// many other leads it has.
pub async fn is_lead(db: &Db, expo_id: &str, exhibitor_id: &str, user_id: &str) -> Result<bool> {
    Ok(!leads(db, expo_id, exhibitor_id, Some(user_id))
        .await?
        .is_empty())
}

/// The booth's leads, or only `only` if they are one.
async fn leads(
    db: &Db,
    expo_id: &str,
    exhibitor_id: &str,
    only: Option<&str>,
) -> Result<Vec<Lead>> {
    let rows: Vec<Row> = sqlx::query_as(
        "WITH signals AS ( \
           SELECT buyer_id AS user_id, CAST(score AS BIGINT) AS score, CAST(0 AS BIGINT) AS views, \
             CAST(0 AS BIGINT) AS favorited, CAST(0 AS BIGINT) AS inquiries, CAST(0 AS BIGINT) AS meetings \
             FROM match_scores WHERE expo_id = $1 AND exhibitor_id = $2 \
           UNION ALL SELECT user_id, -1, CAST(SUM(views) AS BIGINT), 0, 0, 0 FROM footprint_days \
             WHERE exhibitor_id = $2 AND user_id IS NOT NULL GROUP BY user_id \
           UNION ALL SELECT user_id, -1, 0, 1, 0, 0 FROM favorite_booths WHERE exhibitor_id = $2 \
           UNION ALL SELECT f.user_id, -1, 0, 1, 0, 0 FROM favorite_products f \
             JOIN products p ON p.id = f.product_id WHERE p.exhibitor_id = $2 \
           UNION ALL SELECT buyer_id, -1, 0, 0, COUNT(*), 0 FROM inquiries \
             WHERE exhibitor_id = $2 GROUP BY buyer_id \
           UNION ALL SELECT buyer_id, -1, 0, 0, 0, COUNT(*) FROM appointments \
             WHERE exhibitor_id = $2 AND status = 'accepted' GROUP BY buyer_id \
         ) \
         SELECT s.user_id, u.display_name, u.company AS account_company, u.country, \
           MAX(s.score) AS score, CAST(SUM(s.views) AS BIGINT) AS views, \
           MAX(s.favorited) AS favorited, CAST(SUM(s.inquiries) AS BIGINT) AS inquiries, \
           CAST(SUM(s.meetings) AS BIGINT) AS meetings, b.company, b.job_role, \
           b.contact_consent AS consent, u.email, b.phone, b.wechat, n.stage, n.note \
         FROM signals s JOIN users u ON u.id = s.user_id \
         LEFT JOIN buyer_profiles b ON b.user_id = s.user_id AND b.expo_id = $1 \
         LEFT JOIN lead_notes n ON n.exhibitor_id = $2 AND n.user_id = s.user_id \
         WHERE s.user_id NOT IN (SELECT user_id FROM memberships WHERE expo_id = $1 \
             AND role IN ('organizer', 'exhibitor', 'operator', 'consultant', 'interpreter')) \
           AND ($4 IS NULL OR s.user_id = $4) \
         GROUP BY s.user_id, u.display_name, u.company, u.country, b.company, b.job_role, \
           b.contact_consent, u.email, b.phone, b.wechat, n.stage, n.note \
         HAVING b.company IS NOT NULL OR MAX(s.score) >= 0 OR SUM(s.inquiries) > 0 \
           OR SUM(s.meetings) > 0 \
         ORDER BY SUM(s.meetings) DESC, SUM(s.inquiries) DESC, MAX(s.favorited) DESC, \
           MAX(s.score) DESC, s.user_id \
         LIMIT $3",
    )
    .bind(expo_id)
    .bind(exhibitor_id)
    .bind(MAX_LEADS)
    .bind(only)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let consented = r.consent.unwrap_or(0) != 0;
            Lead {
                user_id: r.user_id,
                name: r.display_name,
                company: r
                    .company
                    .filter(|c| !c.trim().is_empty())
                    .or(r.account_company)
                    .unwrap_or_default(),
                job_role: r.job_role.unwrap_or_default(),
                country: r.country,
                score: u8::try_from(r.score).ok(),
                views: r.views,
                favorited: r.favorited != 0,
                inquiries: r.inquiries,
                meetings: r.meetings,
                stage: r
                    .stage
                    .as_deref()
                    .and_then(LeadStage::parse)
                    .unwrap_or_default(),
                note: r.note.unwrap_or_default(),
                contact: consented.then(|| LeadContact {
                    email: r.email,
                    phone: r.phone.unwrap_or_default(),
                    wechat: r.wechat.unwrap_or_default(),
                }),
            }
        })
        .collect())
}

/// Sets the team's stage and note for a lead.
pub async fn set_note(
    db: &Db,
    exhibitor_id: &str,
    user_id: &str,
    stage: LeadStage,
    note: &str,
    by: &str,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO lead_notes (exhibitor_id, user_id, stage, note, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (exhibitor_id, user_id) DO UPDATE SET stage = excluded.stage, \
           note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(exhibitor_id)
    .bind(user_id)
    .bind(stage.as_str())
    .bind(note)
    .bind(by)
    .bind(at)
    .execute(db.pool())
    .await?;
    Ok(())
}
