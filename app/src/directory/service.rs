//! Readiness reminders: every member of a booth team whose booth is not ready gets a
//! notification (live) and an e-mail (outbox) that lists the steps still to do.

use crate::shell::i18n::I18n;
use crate::state::Ctx;
use crate::AppError;
use domain::directory::{DirectoryFilter, EXPORT_MAX_ROWS};
use domain::notification::NotificationBody;

/// Reminds every team whose booth misses a step that can be done today; returns
/// (exhibitors reminded, people reminded).
pub async fn remind_unready(ctx: &Ctx) -> Result<(i64, i64), AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    let db = &ctx.state.db;
    let (entries, _) = db::directory::exhibitors(
        db,
        &expo_id,
        &DirectoryFilter::default(),
        EXPORT_MAX_ROWS,
        0,
    )
    .await?;
    let members = db::directory::team_members(db, &expo_id).await?;
    let now = db::now_millis();
    let mut tx = db.begin().await?;
    let (mut exhibitors, mut people) = (0, Vec::new());
    for e in entries {
        let missing: Vec<_> = e
            .readiness
            .steps
            .iter()
            .filter(|(_, done)| !done)
            .map(|(item, _)| *item)
            .collect();
        let team: Vec<_> = members.iter().filter(|m| m.0 == e.id).collect();
        if missing.is_empty() || team.is_empty() {
            continue;
        }
        exhibitors += 1;
        for (_, user_id, email, language) in team {
            let locale = domain::Locale::parse(language).unwrap_or_default();
            let body = NotificationBody::ReadinessReminder {
                company: e.name.show(locale).text,
                missing: missing.clone(),
            };
            let link = format!("/exhibitors/{}/edit", e.id);
            db::notification::insert(&mut tx, user_id, &body, &link, now).await?;
            let (subject, text) = crate::application::service::email_of(I18n { locale }, &body);
            db::notification::queue_email(&mut tx, email, &subject, &text, now).await?;
            people.push(user_id.clone());
        }
    }
    db::commit(tx).await?;
    ctx.state.notified(&people);
    crate::console::audit(ctx, "directory.remind", &format!("expo:{expo_id}")).await;
    Ok((exhibitors, people.len() as i64))
}
