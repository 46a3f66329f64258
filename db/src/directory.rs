//! The organizers' directories: exhibitors and registered people, filtered and paged.

use crate::{Db, Result};
use domain::account::Role;
use domain::directory::{DirectoryFilter, ExhibitorEntry, PersonEntry, Readiness, ReadinessFacts};
use domain::text::LocalizedText;

pub(crate) fn like(text: Option<&str>) -> Option<String> {
    text.map(|t| {
        format!(
            "%{}%",
            t.to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        )
    })
}

/// How many broadcasts of the booth `e` are on the schedule (approved, on air or over).
const LIVE_SLOT: &str = "(SELECT COUNT(*) FROM live_streams s WHERE s.exhibitor_id = e.id \
     AND s.kind = 'booth' AND s.state IN ('scheduled', 'live', 'ended'))";
/// How many test broadcasts of the booth `e` went on the air.
const TEST_STREAM: &str = "(SELECT COUNT(*) FROM live_streams s WHERE s.exhibitor_id = e.id \
     AND s.kind = 'test' AND s.live_since IS NOT NULL)";

/// Exhibitors of an expo matching `filter`, by name, `limit` from `offset`; and how many match.
pub async fn exhibitors(
    db: &Db,
    expo_id: &str,
    filter: &DirectoryFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ExhibitorEntry>, i64)> {
    let text = like(filter.text.as_deref());
    let conditions = "e.expo_id = $1 AND ($2 IS NULL OR e.country = $2) AND ($3 IS NULL OR h.slug = $3) \
        AND ($4 IS NULL OR LOWER(e.name) LIKE $4 ESCAPE '\\' OR LOWER(e.website) LIKE $4 ESCAPE '\\')";
    #[derive(sqlx::FromRow)]
    struct Row {
        id: String,
        name: String,
        country: String,
        hall: Option<String>,
        code: Option<String>,
        products: i64,
        website: String,
        about: String,
        logos: i64,
        media: i64,
        live_slot: i64,
        test_stream: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT e.id, e.name, e.country, h.name AS hall, b.code, \
         (SELECT COUNT(*) FROM products p WHERE p.exhibitor_id = e.id) AS products, e.website, e.about, \
         (SELECT COUNT(*) FROM media m WHERE m.exhibitor_id = e.id AND m.kind = 'logo') AS logos, \
         (SELECT COUNT(*) FROM media m WHERE m.exhibitor_id = e.id AND m.kind NOT IN ('logo', 'banner')) AS media, \
         {LIVE_SLOT} AS live_slot, {TEST_STREAM} AS test_stream \
         FROM exhibitors e LEFT JOIN halls h ON h.id = e.hall_id LEFT JOIN booths b ON b.exhibitor_id = e.id \
         WHERE {conditions} ORDER BY (b.code IS NULL), b.code, e.name, e.id LIMIT $5 OFFSET $6"
    ))
    .bind(expo_id)
    .bind(filter.country.as_deref())
    .bind(filter.hall.as_deref())
    .bind(text.as_deref())
    .bind(limit)
    .bind(offset)
    .fetch_all(db.pool())
    .await?;
    let (total,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM exhibitors e LEFT JOIN halls h ON h.id = e.hall_id WHERE {conditions}"
    ))
    .bind(expo_id)
    .bind(filter.country.as_deref())
    .bind(filter.hall.as_deref())
    .bind(text.as_deref())
    .fetch_one(db.pool())
    .await?;
    // Every team of the expo in one query (not one per row: exports hold many rows).
    let members: Vec<(String, String)> = sqlx::query_as(
        "SELECT m.exhibitor_id, u.email FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.expo_id = $1 AND m.role = 'exhibitor' AND m.exhibitor_id IS NOT NULL ORDER BY u.email",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?;
    let mut teams: std::collections::HashMap<String, Vec<String>> = Default::default();
    for (exhibitor, email) in members {
        teams.entry(exhibitor).or_default().push(email);
    }
    let out = rows
        .into_iter()
        .map(|r| ExhibitorEntry {
            team: teams.remove(&r.id).unwrap_or_default(),
            readiness: Readiness::from_facts(&ReadinessFacts {
                about: LocalizedText::from_json(&r.about),
                has_logo: r.logos > 0,
                products: r.products,
                media: r.media,
                live_slot: r.live_slot > 0,
                test_stream: r.test_stream > 0,
            }),
            id: r.id,
            name: LocalizedText::from_json(&r.name),
            country: r.country,
            hall: r.hall.as_deref().map(LocalizedText::from_json),
            booth_code: r.code,
            products: r.products,
            website: r.website,
        })
        .collect();
    Ok((out, total))
}

/// The people of `expo_id` (a role there, a buyer profile, an application, or registered
/// through its invitation) matching `filter`, with their roles in it, newest first, `limit`
/// from `offset`; and how many match.
pub async fn people(
    db: &Db,
    expo_id: &str,
    filter: &DirectoryFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<PersonEntry>, i64)> {
    let text = like(filter.text.as_deref());
    let role = filter.role.map(Role::as_str);
    // Only the expo's own people: a role in it, a buyer profile or an application there, or a
    // registration through one of its invitation links.
    let conditions = "(EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.expo_id = $1) \
        OR EXISTS (SELECT 1 FROM buyer_profiles b WHERE b.user_id = u.id AND b.expo_id = $1) \
        OR EXISTS (SELECT 1 FROM exhibitor_applications a WHERE a.applicant_id = u.id AND a.expo_id = $1) \
        OR EXISTS (SELECT 1 FROM invitation_registrations r JOIN invitations i ON i.id = r.invitation_id \
                   WHERE r.user_id = u.id AND i.expo_id = $1)) \
        AND ($2 IS NULL OR u.country = $2) \
        AND ($3 IS NULL OR EXISTS (SELECT 1 FROM memberships r WHERE r.user_id = u.id AND r.expo_id = $1 AND r.role = $3)) \
        AND ($4 IS NULL OR LOWER(u.display_name) LIKE $4 ESCAPE '\\' OR LOWER(u.email) LIKE $4 ESCAPE '\\' \
             OR LOWER(COALESCE(u.company, '')) LIKE $4 ESCAPE '\\')";
    type Row = (String, String, String, Option<String>, String, String, i64);
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT u.id, u.display_name, u.email, u.company, u.country, u.language, u.created_at \
         FROM users u WHERE {conditions} ORDER BY u.created_at DESC, u.id LIMIT $5 OFFSET $6"
    ))
    .bind(expo_id)
    .bind(filter.country.as_deref())
    .bind(role)
    .bind(text.as_deref())
    .bind(limit)
    .bind(offset)
    .fetch_all(db.pool())
    .await?;
    let (total,): (i64,) =
        sqlx::query_as(&format!("SELECT COUNT(*) FROM users u WHERE {conditions}"))
            .bind(expo_id)
            .bind(filter.country.as_deref())
            .bind(role)
            .bind(text.as_deref())
            .fetch_one(db.pool())
            .await?;
    let memberships: Vec<(String, String)> =
        sqlx::query_as("SELECT user_id, role FROM memberships WHERE expo_id = $1 ORDER BY role")
            .bind(expo_id)
            .fetch_all(db.pool())
            .await?;
    let mut roles: std::collections::HashMap<String, Vec<Role>> = Default::default();
    for (user, role) in memberships {
        if let Some(r) = Role::parse(&role) {
            roles.entry(user).or_default().push(r);
        }
    }
    let out = rows
        .into_iter()
        .map(
            |(id, name, email, company, country, language, registered_at)| PersonEntry {
                roles: roles.remove(&id).unwrap_or_default(),
                id,
                name,
                email,
                company,
                country,
                language,
                registered_at,
            },
        )
        .collect();
    Ok((out, total))
}

/// How ready one exhibitor's booth is.
pub async fn readiness(db: &Db, exhibitor_id: &str) -> Result<Option<Readiness>> {
    let row: Option<(String, i64, i64, i64, i64, i64)> = sqlx::query_as(&format!(
        "SELECT e.about, \
         (SELECT COUNT(*) FROM media m WHERE m.exhibitor_id = e.id AND m.kind = 'logo'), \
         (SELECT COUNT(*) FROM products p WHERE p.exhibitor_id = e.id), \
         (SELECT COUNT(*) FROM media m WHERE m.exhibitor_id = e.id AND m.kind NOT IN ('logo', 'banner')), \
         {LIVE_SLOT}, {TEST_STREAM} \
         FROM exhibitors e WHERE e.id = $1"
    ))
    .bind(exhibitor_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(
        row.map(|(about, logos, products, media, live_slot, test_stream)| {
            Readiness::from_facts(&ReadinessFacts {
                about: LocalizedText::from_json(&about),
                has_logo: logos > 0,
                products,
                media,
                live_slot: live_slot > 0,
                test_stream: test_stream > 0,
            })
        }),
    )
}

/// The members of every booth team of an expo: (exhibitor id, user id, e-mail, language tag).
pub async fn team_members(db: &Db, expo_id: &str) -> Result<Vec<(String, String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT m.exhibitor_id, u.id, u.email, u.language FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.expo_id = $1 AND m.role = 'exhibitor' AND m.exhibitor_id IS NOT NULL ORDER BY u.id",
    )
    .bind(expo_id)
    .fetch_all(db.pool())
    .await?)
}
