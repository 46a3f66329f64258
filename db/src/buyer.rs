//! Buyer profiles: saving one, the organizer's verification, and the buyer directory.

use crate::{Db, Result, Tx};
use domain::buyer::{BuyerFilter, BuyerForm, BuyerProfile, Volume};

fn joined(keys: &[String]) -> String {
    if keys.is_empty() {
        String::new()
    } else {
        format!(",{},", keys.join(","))
    }
}

fn split(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[derive(sqlx::FromRow)]
struct Row {
    user_id: String,
    display_name: String,
    email: String,
    country: String,
    company: String,
    job_role: String,
    interests: String,
    volume: String,
    countries: String,
    phone: String,
    wechat: String,
    contact_consent: i64,
    verified_at: Option<i64>,
    updated_at: i64,
}

impl Row {
    fn into_profile(self) -> BuyerProfile {
        BuyerProfile {
            user_id: self.user_id,
            display_name: self.display_name,
            email: self.email,
            country: self.country,
            form: BuyerForm {
                company: self.company,
                job_role: self.job_role,
                interests: split(&self.interests),
                volume: Volume::parse(&self.volume).unwrap_or(Volume::Under100k),
                countries: split(&self.countries),
                phone: self.phone,
                wechat: self.wechat,
                consent: self.contact_consent != 0,
            },
            verified_at: self.verified_at,
            updated_at: self.updated_at,
        }
    }
}

const SELECT: &str = "SELECT b.user_id, u.display_name, u.email, u.country, b.company, b.job_role, \
    b.interests, b.volume, b.countries, b.phone, b.wechat, b.contact_consent, b.verified_at, b.updated_at \
    FROM buyer_profiles b JOIN users u ON u.id = b.user_id";

/// Creates or replaces a person's buyer profile. A changed company takes the verification
/// back; a changed consent records when. Returns whether the profile is (still) verified.
pub async fn save(
    tx: &mut Tx,
    expo_id: &str,
    user_id: &str,
    form: &BuyerForm,
    verified_by: Option<&str>,
    now: i64,
) -> Result<bool> {
    let consent = i64::from(form.consent);
    let verified_at = verified_by.map(|_| now);
    let (verified,): (Option<i64>,) = sqlx::query_as(
        "INSERT INTO buyer_profiles (expo_id, user_id, company, job_role, interests, volume, countries, \
         phone, wechat, contact_consent, consent_changed_at, verified_at, verified_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $11, $11) \
         ON CONFLICT (expo_id, user_id) DO UPDATE SET \
           verified_at = CASE WHEN excluded.verified_at IS NOT NULL \
             THEN COALESCE(buyer_profiles.verified_at, excluded.verified_at) \
             WHEN buyer_profiles.company = excluded.company THEN buyer_profiles.verified_at ELSE NULL END, \
           verified_by = CASE WHEN excluded.verified_at IS NOT NULL \
             THEN COALESCE(buyer_profiles.verified_by, excluded.verified_by) \
             WHEN buyer_profiles.company = excluded.company THEN buyer_profiles.verified_by ELSE NULL END, \
           consent_changed_at = CASE WHEN buyer_profiles.contact_consent = excluded.contact_consent \
             THEN buyer_profiles.consent_changed_at ELSE excluded.consent_changed_at END, \
           company = excluded.company, job_role = excluded.job_role, interests = excluded.interests, \
           volume = excluded.volume, countries = excluded.countries, phone = excluded.phone, \
           wechat = excluded.wechat, contact_consent = excluded.contact_consent, updated_at = excluded.updated_at \
         RETURNING verified_at",
    )
    .bind(expo_id)
    .bind(user_id)
    .bind(&form.company)
    .bind(&form.job_role)
    .bind(joined(&form.interests))
    .bind(form.volume.as_str())
    .bind(joined(&form.countries))
    .bind(&form.phone)
    .bind(&form.wechat)
    .bind(consent)
    .bind(now)
    .bind(verified_at)
    .bind(verified_by)
    .fetch_one(&mut **tx)
    .await?;
    // Their visits so far count among the buyers' from now on.
    crate::footprint_ingest::buyer_joined(tx, expo_id, user_id).await?;
    Ok(verified.is_some())
}

/// One person's buyer profile in an expo.
pub async fn get(db: &Db, expo_id: &str, user_id: &str) -> Result<Option<BuyerProfile>> {
    let row: Option<Row> =
        sqlx::query_as(&format!("{SELECT} WHERE b.expo_id = $1 AND b.user_id = $2"))
            .bind(expo_id)
            .bind(user_id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(Row::into_profile))
}

/// Sets or takes back the verified badge; `false` when the person has no buyer profile.
pub async fn set_verified(
    db: &Db,
    expo_id: &str,
    user_id: &str,
    by: Option<&str>,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE buyer_profiles SET verified_at = $3, verified_by = $4 WHERE expo_id = $1 AND user_id = $2",
    )
    .bind(expo_id)
    .bind(user_id)
    .bind(by.map(|_| now))
    .bind(by)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Buyers of an expo matching `filter`, verified first then newest, `limit` from `offset`;
/// and how many match.
pub async fn list(
    db: &Db,
    expo_id: &str,
    filter: &BuyerFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<BuyerProfile>, i64)> {
    let text = crate::directory::like(filter.text.as_deref());
    let country = filter.country.as_deref();
    let interest = filter.interest.as_ref().map(|i| format!("%,{i},%"));
    let verified = filter.verified.map(i64::from);
    let conditions = "b.expo_id = $1 AND ($2 IS NULL OR u.country = $2) \
        AND ($3 IS NULL OR b.interests LIKE $3) \
        AND ($4 IS NULL OR (CASE WHEN b.verified_at IS NULL THEN 0 ELSE 1 END) = $4) \
        AND ($5 IS NULL OR LOWER(u.display_name) LIKE $5 ESCAPE '\\' OR LOWER(b.company) LIKE $5 ESCAPE '\\' \
             OR LOWER(b.job_role) LIKE $5 ESCAPE '\\')";
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE {conditions} ORDER BY (b.verified_at IS NULL), b.updated_at DESC, b.user_id LIMIT $6 OFFSET $7"
    ))
    .bind(expo_id)
    .bind(country)
    .bind(interest.as_deref())
    .bind(verified)
    .bind(text.as_deref())
    .bind(limit)
    .bind(offset)
    .fetch_all(db.pool())
    .await?;
    let (total,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM buyer_profiles b JOIN users u ON u.id = b.user_id WHERE {conditions}"
    ))
    .bind(expo_id)
    .bind(country)
    .bind(interest.as_deref())
    .bind(verified)
    .bind(text.as_deref())
    .fetch_one(db.pool())
    .await?;
    Ok((rows.into_iter().map(Row::into_profile).collect(), total))
}
