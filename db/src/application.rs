//! Exhibitor applications and the review queue.

use crate::{classify, Db, Result, Tx};
use domain::application::{Application, ApplicationForm, ApplicationStatus};

const COLUMNS: &str =
    "a.expo_id, a.id, a.applicant_id, u.display_name AS applicant_name, a.company, \
    a.country, a.industries, a.license_no, a.product_summary, a.contact_name, a.contact_email, \
    a.contact_phone, a.website, a.status, a.reason, a.exhibitor_id, a.booth_code, a.created_at, \
    a.updated_at";

#[derive(sqlx::FromRow)]
struct Row {
    expo_id: String,
    id: String,
    applicant_id: String,
    applicant_name: String,
    company: String,
    country: String,
    industries: String,
    license_no: String,
    product_summary: String,
    contact_name: String,
    contact_email: String,
    contact_phone: String,
    website: String,
    status: String,
    reason: Option<String>,
    exhibitor_id: Option<String>,
    booth_code: Option<String>,
    created_at: i64,
    updated_at: i64,
}

fn from_row(r: Row) -> (String, Application) {
    (
        r.expo_id,
        Application {
            id: r.id,
            applicant_id: r.applicant_id,
            applicant_name: r.applicant_name,
            form: ApplicationForm {
                company: r.company,
                country: r.country,
                industries: serde_json::from_str(&r.industries).unwrap_or_default(),
                license_no: r.license_no,
                product_summary: r.product_summary,
                contact_name: r.contact_name,
                contact_email: r.contact_email,
                contact_phone: r.contact_phone,
                website: r.website,
            },
            status: ApplicationStatus::parse(&r.status).unwrap_or(ApplicationStatus::Submitted),
            reason: r.reason,
            exhibitor_id: r.exhibitor_id,
            booth_code: r.booth_code,
            created_at: r.created_at,
            updated_at: r.updated_at,
        },
    )
}

fn keys(expo_id: &str, applicant_id: &str, license_no: &str) -> (String, String) {
    (
        format!("{expo_id}:{applicant_id}"),
        format!("{expo_id}:{license_no}"),
    )
}

/// Stores a new, submitted application. `Error::Unique` when the person or the licence number
/// already has a live application in this expo.
pub async fn insert(
    tx: &mut Tx,
    id: &str,
    expo_id: &str,
    applicant_id: &str,
    form: &ApplicationForm,
    at: i64,
) -> Result<()> {
    let (open_key, license_key) = keys(expo_id, applicant_id, &form.license_no);
    sqlx::query(
        "INSERT INTO exhibitor_applications (id, expo_id, applicant_id, company, country, industries, \
         license_no, product_summary, contact_name, contact_email, contact_phone, website, status, \
         open_key, license_key, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)",
    )
    .bind(id)
    .bind(expo_id)
    .bind(applicant_id)
    .bind(&form.company)
    .bind(&form.country)
    .bind(serde_json::to_string(&form.industries).unwrap_or_else(|_| "[]".into()))
    .bind(&form.license_no)
    .bind(&form.product_summary)
    .bind(&form.contact_name)
    .bind(&form.contact_email)
    .bind(&form.contact_phone)
    .bind(&form.website)
    .bind(ApplicationStatus::Submitted.as_str())
    .bind(open_key)
    .bind(license_key)
    .bind(at)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// Replaces the form of an application (on resubmission). `Error::Unique` when the new licence
/// number is another live application's.
pub async fn update_form(
    tx: &mut Tx,
    id: &str,
    expo_id: &str,
    form: &ApplicationForm,
) -> Result<()> {
    let license_key = format!("{expo_id}:{}", form.license_no);
    sqlx::query(
        "UPDATE exhibitor_applications SET company = $1, country = $2, industries = $3, license_no = $4, \
         product_summary = $5, contact_name = $6, contact_email = $7, contact_phone = $8, website = $9, \
         license_key = $10 WHERE id = $11",
    )
    .bind(&form.company)
    .bind(&form.country)
    .bind(serde_json::to_string(&form.industries).unwrap_or_else(|_| "[]".into()))
    .bind(&form.license_no)
    .bind(&form.product_summary)
    .bind(&form.contact_name)
    .bind(&form.contact_email)
    .bind(&form.contact_phone)
    .bind(&form.website)
    .bind(license_key)
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(classify)?;
    Ok(())
}

/// Moves an application from `from` to `to` (with the organizer's reason, if any), only if it is still at `from` (two organizers
/// deciding at once: one wins, the other sees `false`). Closed applications release their
/// person and licence keys.
pub async fn set_status(
    tx: &mut Tx,
    id: &str,
    from: ApplicationStatus,
    to: ApplicationStatus,
    reason: Option<&str>,
    at: i64,
) -> Result<bool> {
    let release = matches!(
        to,
        ApplicationStatus::Rejected | ApplicationStatus::Withdrawn
    );
    let sql = if release {
        "UPDATE exhibitor_applications SET status = $1, reason = $2, updated_at = $3, open_key = NULL, \
         license_key = NULL WHERE id = $4 AND status = $5"
    } else {
        "UPDATE exhibitor_applications SET status = $1, reason = $2, updated_at = $3 WHERE id = $4 AND status = $5"
    };
    let done = sqlx::query(sql)
        .bind(to.as_str())
        .bind(reason)
        .bind(at)
        .bind(id)
        .bind(from.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Records the exhibitor and booth code an approval created.
pub async fn set_placement(
    tx: &mut Tx,
    id: &str,
    exhibitor_id: &str,
    booth_code: &str,
) -> Result<()> {
    sqlx::query(
        "UPDATE exhibitor_applications SET exhibitor_id = $1, booth_code = $2 WHERE id = $3",
    )
    .bind(exhibitor_id)
    .bind(booth_code)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One application with the expo it belongs to.
pub async fn get(db: &Db, id: &str) -> Result<Option<(String, Application)>> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM exhibitor_applications a JOIN users u ON u.id = a.applicant_id WHERE a.id = $1"
    ))
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(from_row))
}

/// The person's latest application in the expo.
pub async fn latest_of(db: &Db, expo_id: &str, applicant_id: &str) -> Result<Option<Application>> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM exhibitor_applications a JOIN users u ON u.id = a.applicant_id \
         WHERE a.expo_id = $1 AND a.applicant_id = $2 ORDER BY a.created_at DESC, a.id DESC LIMIT 1"
    ))
    .bind(expo_id)
    .bind(applicant_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|r| from_row(r).1))
}

/// Filters of the review queue.
#[derive(Clone, Debug, Default)]
pub struct QueueFilter<'a> {
    /// Only this status.
    pub status: Option<ApplicationStatus>,
    /// Only this country.
    pub country: Option<&'a str>,
    /// Only applications naming this industry.
    pub industry: Option<&'a str>,
    /// Company, licence or contact containing this text (case-insensitive).
    pub text: Option<&'a str>,
}

/// The review queue of an expo: applications matching `filter`, oldest change first within
/// the waiting ones, at most `limit` from `offset`; and how many match in all.
pub async fn queue(
    db: &Db,
    expo_id: &str,
    filter: &QueueFilter<'_>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Application>, i64)> {
    // Optional filters as `($n IS NULL OR …)`, so one statement serves every combination.
    let like = filter.text.map(|t| {
        format!(
            "%{}%",
            t.to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        )
    });
    let industry = filter.industry.map(|i| format!("%\"{i}\"%"));
    let conditions = "a.expo_id = $1 AND ($2 IS NULL OR a.status = $2) AND ($3 IS NULL OR a.country = $3) \
         AND ($4 IS NULL OR a.industries LIKE $4) \
         AND ($5 IS NULL OR LOWER(a.company) LIKE $5 ESCAPE '\\' OR LOWER(a.license_no) LIKE $5 ESCAPE '\\' \
              OR LOWER(a.contact_name) LIKE $5 ESCAPE '\\' OR LOWER(a.contact_email) LIKE $5 ESCAPE '\\')";
    let status = filter.status.map(ApplicationStatus::as_str);
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM exhibitor_applications a JOIN users u ON u.id = a.applicant_id \
         WHERE {conditions} ORDER BY a.updated_at DESC, a.id DESC LIMIT $6 OFFSET $7"
    ))
    .bind(expo_id)
    .bind(status)
    .bind(filter.country)
    .bind(industry.as_deref())
    .bind(like.as_deref())
    .bind(limit)
    .bind(offset)
    .fetch_all(db.pool())
    .await?;
    let (total,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM exhibitor_applications a WHERE {conditions}"
    ))
    .bind(expo_id)
    .bind(status)
    .bind(filter.country)
    .bind(industry.as_deref())
    .bind(like.as_deref())
    .fetch_one(db.pool())
    .await?;
    Ok((rows.into_iter().map(|r| from_row(r).1).collect(), total))
}

/// How many applications of the expo are in each status.
pub async fn counts(db: &Db, expo_id: &str) -> Result<Vec<(ApplicationStatus, i64)>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT status, COUNT(*) FROM exhibitor_applications WHERE expo_id = $1 GROUP BY status",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    Ok(ApplicationStatus::ALL
        .into_iter()
        .map(|s| {
            let n = rows
                .iter()
                .find(|(k, _)| k == s.as_str())
                .map_or(0, |(_, n)| *n);
            (s, n)
        })
        .collect())
}

/// Attaches a document to an application.
pub async fn insert_document(
    db: &Db,
    application_id: &str,
    doc: &domain::application::ApplicationDocument,
    uploaded_by: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO application_documents (id, application_id, name, content_type, byte_size, uploaded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&doc.id)
    .bind(application_id)
    .bind(&doc.name)
    .bind(&doc.content_type)
    .bind(doc.byte_size)
    .bind(uploaded_by)
    .bind(doc.created_at)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The documents of an application, oldest first.
pub async fn documents(
    db: &Db,
    application_id: &str,
) -> Result<Vec<domain::application::ApplicationDocument>> {
    let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT id, name, content_type, byte_size, created_at FROM application_documents \
         WHERE application_id = $1 ORDER BY created_at, id",
    )
    .bind(application_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, content_type, byte_size, created_at)| {
            domain::application::ApplicationDocument {
                id,
                name,
                content_type,
                byte_size,
                created_at,
            }
        })
        .collect())
}

/// One document: (its application's id, the document).
pub async fn document(
    db: &Db,
    id: &str,
) -> Result<Option<(String, domain::application::ApplicationDocument)>> {
    let row: Option<(String, String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT application_id, id, name, content_type, byte_size, created_at FROM application_documents WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(
        |(application, id, name, content_type, byte_size, created_at)| {
            (
                application,
                domain::application::ApplicationDocument {
                    id,
                    name,
                    content_type,
                    byte_size,
                    created_at,
                },
            )
        },
    ))
}
