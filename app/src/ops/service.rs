//! Emergency tools: raising and taking down the alert banner, maintenance mode, and the
//! platform's status. Every change is stored, in the same transaction, as an event on the
//! expo's realtime topic before it is published, so open pages show it at once and a page that
//! was offline catches up when it reconnects.

use crate::state::{AppState, AuthSession, Ctx};
use crate::AppError;
use domain::authz::{authorize, Action};
use domain::ops::{
    worst, Alert, Banner, Component, ExpoEvent, Health, Maintenance, OpsConsole, Severity,
    StatusReport, TextsInput,
};
use domain::realtime::{Event, EventBody, Topic};

fn topic(expo_id: &str) -> String {
    Topic::Expo(expo_id.to_owned()).to_string()
}

/// The current expo's id, after checking the actor may run its emergency tools.
async fn operated_expo(ctx: &Ctx) -> Result<String, AppError> {
    let expo = db::expo::current_expo(&ctx.state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(ctx.actor(), Action::OperatePlatform { expo_id: &expo.id })?;
    Ok(expo.id)
}

/// Stores `changes` on the expo's topic together with what `tx` already holds, commits, and
/// publishes them. The caller holds the topic's lock.
async fn commit_and_publish(
    state: &AppState,
    mut tx: db::Tx,
    expo_id: &str,
    changes: Vec<ExpoEvent>,
) -> Result<(), AppError> {
    let topic = topic(expo_id);
    let at = db::now_millis();
    let mut events = Vec::with_capacity(changes.len());
    for change in changes {
        let body = EventBody::Expo(change);
        let json = serde_json::to_string(&body).map_err(AppError::internal)?;
        let id = db::realtime::insert_event(&state.db, &mut tx, &topic, &json, at).await?;
        events.push(Event {
            id,
            topic: topic.clone(),
            at,
            body,
        });
    }
    db::commit(tx).await?;
    for event in &events {
        state.hub.publish_event(event);
    }
    // Cached public pages carry the banner: render them afresh.
    state.content_changed();
    Ok(())
}

/// Raises an alert on every open page of the current expo (replacing any earlier one).
pub async fn raise_alert(ctx: &Ctx, severity: &str, texts: &TextsInput) -> Result<Alert, AppError> {
    let expo_id = operated_expo(ctx).await?;
    let mut errors = Vec::new();
    let severity = Severity::parse(severity);
    if severity.is_none() {
        errors.push(domain::FieldError::new("severity", "ops-error-severity"));
    }
    let text = domain::ops::parse_multilingual("text", &texts.values(), ctx.locale, true);
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let (Some(severity), Some(text), true) = (severity, text, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let user = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    let alert = Alert {
        id: db::new_id(),
        severity,
        text,
        raised_at: db::now_millis(),
    };
    let topic = topic(&expo_id);
    let _guard = ctx.state.hub.lock(&topic).await;
    let mut tx = ctx.state.db.begin().await?;
    db::ops::clear_alerts(&mut tx, &expo_id, alert.raised_at).await?;
    db::ops::insert_alert(&mut tx, &expo_id, &alert, &user.user.id).await?;
    commit_and_publish(
        &ctx.state,
        tx,
        &expo_id,
        vec![ExpoEvent::AlertRaised {
            alert: alert.clone(),
        }],
    )
    .await?;
    crate::console::audit(ctx, "ops.alert.raise", &alert.id).await;
    Ok(alert)
}

/// Takes the alert down from every page; false when there was none.
pub async fn clear_alert(ctx: &Ctx) -> Result<bool, AppError> {
    let expo_id = operated_expo(ctx).await?;
    let topic = topic(&expo_id);
    let _guard = ctx.state.hub.lock(&topic).await;
    let mut tx = ctx.state.db.begin().await?;
    let cleared = db::ops::clear_alerts(&mut tx, &expo_id, db::now_millis()).await?;
    if cleared.is_empty() {
        return Ok(false);
    }
    let changes = cleared
        .iter()
        .map(|id| ExpoEvent::AlertCleared { id: id.clone() })
        .collect();
    commit_and_publish(&ctx.state, tx, &expo_id, changes).await?;
    for id in &cleared {
        crate::console::audit(ctx, "ops.alert.clear", id).await;
    }
    Ok(true)
}

/// Turns maintenance mode on (with an optional note per language) or off.
pub async fn set_maintenance(ctx: &Ctx, on: bool, texts: &TextsInput) -> Result<(), AppError> {
    let expo_id = operated_expo(ctx).await?;
    let maintenance = if on {
        let text = domain::ops::parse_multilingual("text", &texts.values(), ctx.locale, false)
            .map_err(|e| AppError::Validation(vec![e]))?;
        Some(Maintenance {
            since: db::now_millis(),
            text,
        })
    } else {
        None
    };
    let topic = topic(&expo_id);
    let _guard = ctx.state.hub.lock(&topic).await;
    let mut tx = ctx.state.db.begin().await?;
    db::ops::set_maintenance(&mut tx, &expo_id, maintenance.as_ref()).await?;
    commit_and_publish(
        &ctx.state,
        tx,
        &expo_id,
        vec![ExpoEvent::Maintenance { maintenance }],
    )
    .await?;
    crate::console::audit(
        ctx,
        if on {
            "ops.maintenance.on"
        } else {
            "ops.maintenance.off"
        },
        &expo_id,
    )
    .await;
    Ok(())
}

/// What every page shows above its content (`None` before any expo exists).
pub async fn banner(state: &AppState) -> Result<Option<Banner>, AppError> {
    let Some(expo) = db::expo::current_expo(&state.db).await? else {
        return Ok(None);
    };
    // The position first: a change stored after it arrives on the topic; one stored before is
    // in what is read next (applying it twice changes nothing).
    let after = db::realtime::last_id(&state.db, &topic(&expo.id)).await?;
    let alert = db::ops::active_alert(&state.db, &expo.id).await?;
    let maintenance = db::ops::maintenance(&state.db, &expo.id).await?;
    Ok(Some(Banner {
        expo_id: expo.id,
        alert,
        maintenance,
        after,
    }))
}

/// The organizer's view: the banner and the alerts raised before.
pub async fn console(ctx: &Ctx) -> Result<OpsConsole, AppError> {
    let expo_id = operated_expo(ctx).await?;
    let banner = banner(&ctx.state).await?.ok_or(AppError::NotFound)?;
    let history = db::ops::alert_history(&ctx.state.db, &expo_id, 20).await?;
    Ok(OpsConsole { banner, history })
}

/// How long a node reuses the maintenance state it read, at most (a change made anywhere also
/// bumps the content version every node follows, which ends the reuse at once).
const MAINTENANCE_MEMO: std::time::Duration = std::time::Duration::from_secs(2);

type CurrentMaintenance = Option<(String, Option<Maintenance>)>;

/// The current expo's maintenance state as this node last read it, with the content version
/// and the moment it was read at: every request that changes something asks, so it is not
/// read from the database each time.
#[derive(Debug, Default)]
pub struct MaintenanceMemo(std::sync::Mutex<Option<(u64, std::time::Instant, CurrentMaintenance)>>);

/// The current expo and its maintenance state, read again when the content version moved
/// (maintenance turned on or off on any node) or the last reading is two seconds old.
async fn current_maintenance(state: &AppState) -> Result<CurrentMaintenance, AppError> {
    // The version first: a change after it bumps it, so what is read next is not reused.
    let version = state.hub.content_version();
    let reused = state.maintenance.0.lock().ok().and_then(|m| {
        m.as_ref()
            .filter(|(v, at, _)| *v == version && at.elapsed() < MAINTENANCE_MEMO)
            .map(|(_, _, current)| current.clone())
    });
    if let Some(current) = reused {
        return Ok(current);
    }
    let current = db::ops::current_maintenance(&state.db).await?;
    if let Ok(mut m) = state.maintenance.0.lock() {
        *m = Some((version, std::time::Instant::now(), current.clone()));
    }
    Ok(current)
}

/// Whether `session` may change things now: always, unless the current expo is in
/// maintenance and they are not one of its organizers or operators.
pub async fn may_write(state: &AppState, session: Option<&AuthSession>) -> Result<bool, AppError> {
    let Some((expo_id, maintenance)) = current_maintenance(state).await? else {
        return Ok(true);
    };
    if maintenance.is_none() {
        return Ok(true);
    }
    Ok(authorize(
        session.map(|s| &s.actor),
        Action::OperatePlatform { expo_id: &expo_id },
    )
    .is_ok())
}

/// The public status page: each part of the platform and how it is doing.
pub async fn status(state: &AppState) -> StatusReport {
    let started = std::time::Instant::now();
    let database = state.db.ping().await;
    let ping_ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
    let banner = match &database {
        Ok(()) => banner(state).await.ok().flatten(),
        Err(_) => None,
    };
    let db_health = if database.is_ok() {
        Health::Operational
    } else {
        Health::Down
    };
    let notice = match &banner {
        Some(b)
            if b.maintenance.is_some()
                || b.alert
                    .as_ref()
                    .is_some_and(|a| a.severity != Severity::Info) =>
        {
            Health::Degraded
        }
        _ => Health::Operational,
    };
    let components = vec![
        Component {
            name_id: domain::ops::COMPONENT_IDS[0].into(),
            health: notice,
            figure: None,
        },
        Component {
            name_id: domain::ops::COMPONENT_IDS[1].into(),
            health: db_health,
            figure: database.is_ok().then_some(ping_ms),
        },
        Component {
            name_id: domain::ops::COMPONENT_IDS[2].into(),
            health: Health::Operational,
            figure: i64::try_from(state.hub.topic_count()).ok(),
        },
    ];
    StatusReport {
        overall: worst(components.iter().map(|c| c.health)),
        components,
        banner,
        checked_at: db::now_millis(),
    }
}
