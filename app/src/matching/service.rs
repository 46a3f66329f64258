//! Matchmaking rules: who sees which matches, "not interested", the organizer's weights, the
//! footprints that feed it, and the background matcher that keeps scores fresh.
//!
//! A buyer sees their own recommendations; a booth's team sees its booth's leads (buyer names
//! and companies, never contact details: those stay behind the buyer's consent on the buyer
//! directory); organizers tune the weights and see their effect.

use super::engine;
use crate::state::{AppState, AuthSession, Ctx};
use crate::AppError;
use domain::authz::{authorize, Action};
use domain::matching::{InterestProfile, MatchCard, MatchPage, MatchSettings, Reasons, Weights};
use domain::notification::NotificationBody;
use domain::realtime::{Hint, Topic};
use domain::text::LocalizedText;

/// Matches shown on `/matchmaking`.
pub const SHOWN: i64 = 20;
/// A full recompute runs at least this often (and whenever weights change).
pub const FULL_EVERY_MS: i64 = 6 * 3600 * 1000;
/// Raw footprints are kept this long; the daily roll-ups stay.
pub const RAW_KEPT_MS: i64 = 30 * 24 * 3600 * 1000;
/// The longest time one dwell beacon may report (a tab left open counts this much at most).
pub const DWELL_CAP_MS: i64 = 10 * 60 * 1000;

async fn expo_id(state: &AppState) -> Result<String, AppError> {
    Ok(db::expo::current_expo(&state.db)
        .await?
        .ok_or(AppError::NotFound)?
        .id)
}

/// The `/matchmaking` page of the signed-in person: a booth's leads for its team, otherwise
/// the person's recommendations.
pub async fn page(state: &AppState, session: &AuthSession) -> Result<MatchPage, AppError> {
    let expo = expo_id(state).await?;
    if let Some(booth) = session.actor.booth_in(&expo) {
        let rows = db::matching::for_exhibitor(&state.db, booth, SHOWN).await?;
        let cards = rows
            .into_iter()
            .map(|r| MatchCard {
                id: r.id,
                name: LocalizedText::new(domain::Locale::En, r.name),
                company: r.company,
                country: r.country,
                booth_code: None,
                score: u8::try_from(r.score.clamp(0, 100)).unwrap_or(0),
                reasons: Reasons::decode(&r.reasons),
                products: Vec::new(),
            })
            .collect();
        return Ok(MatchPage {
            side: "exhibitor".into(),
            cards,
            interests: InterestProfile::default(),
        });
    }
    let user = &session.user.id;
    let rows = db::matching::for_buyer(&state.db, &expo, user, SHOWN).await?;
    let profile = db::buyer::get(&state.db, &expo, user).await?;
    let declared: Vec<String> = profile
        .as_ref()
        .map(|p| p.form.interests.clone())
        .unwrap_or_default();
    let mut cards = Vec::with_capacity(rows.len());
    for r in rows {
        let reasons = Reasons::decode(&r.reasons);
        let industries = domain::matching::industry_keys(reasons.industries | reasons.browsed);
        let products = db::matching::products_for(&state.db, &r.id, &industries, 3).await?;
        cards.push(MatchCard {
            id: r.id,
            name: LocalizedText::from_json(&r.name),
            company: String::new(),
            country: r.country,
            booth_code: r.booth_code,
            score: u8::try_from(r.score.clamp(0, 100)).unwrap_or(0),
            reasons,
            products: products
                .into_iter()
                .map(|(id, name)| (id, LocalizedText::from_json(&name)))
                .collect(),
        });
    }
    let trail = db::footprint::trail(&state.db, &expo, user).await?;
    let recording = !db::footprint::is_off(&state.db, user).await?;
    Ok(MatchPage {
        side: "buyer".into(),
        cards,
        interests: InterestProfile {
            declared,
            browsed: trail
                .industries
                .iter()
                .map(|(k, v, _)| (k.clone(), *v))
                .collect(),
            countries: trail.countries,
            price_bands: trail.price_bands,
            pages: trail.pages,
            has_profile: profile.is_some(),
            recording,
        },
    })
}

/// "Not interested": the booth is not recommended again, and look-alikes rank lower.
pub async fn dismiss(
    state: &AppState,
    session: &AuthSession,
    exhibitor_id: &str,
) -> Result<(), AppError> {
    if !domain::text::is_id(exhibitor_id) {
        return Err(AppError::NotFound);
    }
    let expo = expo_id(state).await?;
    let exists = db::favorite::target_exists(
        &state.db,
        domain::favorite::FavoriteKind::Booth,
        exhibitor_id,
    )
    .await?;
    if !exists {
        return Err(AppError::NotFound);
    }
    let now = db::now_millis();
    db::matching::dismiss(&state.db, &expo, &session.user.id, exhibitor_id, now).await?;
    db::matching::mark_dirty(&state.db, &expo, &session.user.id, now).await?;
    signal(state, &session.user.id);
    Ok(())
}

fn signal(state: &AppState, user_id: &str) {
    state
        .hub
        .signal(&Topic::User(user_id.to_owned()).to_string(), Hint::Matches);
}

/// The organizer's matching settings, with the current ranking of a few buyers.
pub async fn settings(state: &AppState, session: &AuthSession) -> Result<MatchSettings, AppError> {
    let expo = expo_id(state).await?;
    authorize(Some(&session.actor), Action::ManageExpo { expo_id: &expo })?;
    let weights = engine::weights(&state.db, &expo).await?;
    settings_with(state, &expo, weights).await
}

async fn settings_with(
    state: &AppState,
    expo: &str,
    weights: Weights,
) -> Result<MatchSettings, AppError> {
    let (buyers, pairs) = db::matching::counts(&state.db, expo).await?;
    let loaded = engine::load_model(&state.db, expo, weights).await?;
    let sample_ids = db::matching::sample_buyers(&state.db, expo, 5).await?;
    let mut sample = Vec::new();
    for (id, name) in sample_ids {
        let (_, buyers) = engine::load_buyers(&state.db, expo, &loaded, Some(&id)).await?;
        let Some(b) = buyers.first() else { continue };
        let top = loaded.model.top_for_buyer(b, 3);
        let ids: Vec<String> = top
            .iter()
            .map(|s| loaded.ids[s.exhibitor as usize].clone())
            .collect();
        let names = db::matching::exhibitor_names(&state.db, &ids).await?;
        sample.push((
            name,
            top.iter()
                .zip(names)
                .map(|(s, n)| (LocalizedText::from_json(&n), s.score))
                .collect(),
        ));
    }
    Ok(MatchSettings {
        weights,
        computed_at: db::matching::computed_at(&state.db, expo).await?,
        buyers,
        pairs,
        sample,
    })
}

/// Previews weights (nothing stored) or saves them (`save`) and queues a full recompute.
pub async fn set_weights(
    state: &AppState,
    session: &AuthSession,
    fields: &[(&str, &str)],
    save: bool,
) -> Result<MatchSettings, AppError> {
    let expo = expo_id(state).await?;
    authorize(Some(&session.actor), Action::ManageExpo { expo_id: &expo })?;
    let weights = Weights::parse(fields).map_err(|e| AppError::Validation(e.0))?;
    if save {
        if !crate::ops::service::may_write(state, Some(session)).await? {
            return Err(AppError::ReadOnly);
        }
        let json = serde_json::to_string(&weights).map_err(AppError::internal)?;
        db::matching::set_weights(&state.db, &expo, &json).await?;
        db::matching::mark_dirty(&state.db, &expo, "all", db::now_millis()).await?;
        db::audit::append(
            &state.db,
            &db::audit::AuditEntry {
                actor_id: Some(&session.user.id),
                action: "matching.weights",
                object: &expo,
                result: "ok",
                source_ip: "",
            },
            db::now_millis(),
        )
        .await?;
    }
    settings_with(state, &expo, weights).await
}

/// Records a page view or the time spent on a page (a beacon); anything unknown or refused
/// records nothing. People who turned footprints off, browsers that ask not to be tracked
/// (`Sec-GPC: 1` or `DNT: 1`), robots, and beacons beyond a visitor's caps
/// ([`crate::analytics::guard`]) are not recorded.
pub async fn record(
    ctx: &Ctx,
    kind: &str,
    target_kind: &str,
    target_id: &str,
    millis: i64,
) -> Result<(), AppError> {
    let kind = match kind {
        "view" => "view",
        "dwell" => "dwell",
        _ => return Err(AppError::NotFound),
    };
    if target_id.len() > 80 || target_id.is_empty() {
        return Err(AppError::NotFound);
    }
    // Robots are not visitors.
    if ctx.client.do_not_track || crate::analytics::guard::is_robot(&ctx.client.user_agent) {
        return Ok(());
    }
    let state = &ctx.state;
    let writer = &state.footprint_writer;
    let Some(target) = writer.target(&state.db, target_kind, target_id).await? else {
        return Err(AppError::NotFound);
    };
    // Whoever turned footprints off is left out when the event is stored.
    let user = ctx.session.as_ref().map(|s| s.user.id.clone());
    let now = db::now_millis();
    let (day, day_start) = crate::analytics::service::today(&target.time_zone, now);
    let actor = match &user {
        Some(u) => u.clone(),
        None => format!("v:{}", crate::search::service::visitor_id_on(ctx, &day)),
    };
    if !state.footprints.admit(&actor, kind, target_kind, target_id) {
        return Ok(());
    }
    let millis = if kind == "dwell" {
        millis.clamp(0, DWELL_CAP_MS)
    } else {
        0
    };
    writer
        .record(
            &state.db,
            db::footprint_ingest::Recorded {
                actor,
                user_id: user,
                kind,
                target,
                millis,
                at: now,
                day,
                hour: (now - day_start).max(0) / 3_600_000,
            },
        )
        .await
}

/// Queues a person for recomputing in the current expo (after a favorite, an inquiry, a
/// changed buyer profile); a failure is logged, never the caller's error.
pub async fn touch(state: &AppState, user_id: &str) {
    let result = async {
        let expo = expo_id(state).await?;
        db::matching::mark_dirty(&state.db, &expo, user_id, db::now_millis()).await?;
        Ok::<(), AppError>(())
    }
    .await;
    if let Err(e) = result {
        tracing::warn!(error = ?e, "matches not queued for recomputing");
    }
}

/// Turns the person's footprints off (deleting them) or on.
pub async fn set_recording(
    state: &AppState,
    session: &AuthSession,
    on: bool,
) -> Result<(), AppError> {
    db::footprint::set_off(&state.db, &session.user.id, !on).await?;
    if !on {
        state.footprint_writer.forget(&session.user.id);
    }
    touch(state, &session.user.id).await;
    Ok(())
}

/// One round of the matcher: full recomputes where weights changed or the last one is old, then
/// the queued people one by one; new strong matches are pushed to the buyer. Returns how many
/// people were recomputed.
pub async fn run_once(state: &AppState) -> Result<usize, AppError> {
    let now = db::now_millis();
    let mut done = 0;
    for expo in db::matching::expo_ids(&state.db).await? {
        if db::matching::computed_at(&state.db, &expo).await? < now - FULL_EVERY_MS {
            let stats = engine::full_recompute(&state.db, &expo).await?;
            tracing::info!(expo = %expo, buyers = stats.buyers, pairs = stats.pairs, "matches recomputed");
            done += stats.buyers;
        }
    }
    let queued = db::matching::dirty(&state.db, 500).await?;
    let mut models: Vec<(String, engine::Loaded)> = Vec::new();
    for (expo, subject, at) in queued {
        if subject == "all" || subject.starts_with("exhibitor:") {
            let stats = engine::full_recompute(&state.db, &expo).await?;
            done += stats.buyers;
            models.retain(|(e, _)| *e != expo);
            db::matching::done(&state.db, &expo, &subject, at).await?;
            continue;
        }
        if !models.iter().any(|(e, _)| *e == expo) {
            let weights = engine::weights(&state.db, &expo).await?;
            models.push((
                expo.clone(),
                engine::load_model(&state.db, &expo, weights).await?,
            ));
        }
        let Some((_, loaded)) = models.iter().find(|(e, _)| *e == expo) else {
            continue;
        };
        let fresh = engine::recompute_buyer(&state.db, &expo, loaded, &subject).await?;
        push_leads(state, &subject, &fresh).await?;
        db::matching::done(&state.db, &expo, &subject, at).await?;
        signal(state, &subject);
        done += 1;
    }
    Ok(done)
}

/// Tells a buyer of new strong matches.
async fn push_leads(state: &AppState, buyer: &str, fresh: &[(String, u8)]) -> Result<(), AppError> {
    if fresh.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = fresh.iter().map(|(e, _)| e.clone()).collect();
    let names = db::matching::exhibitor_names(&state.db, &ids).await?;
    let now = db::now_millis();
    let mut tx = state.db.begin().await?;
    for ((_, score), name) in fresh.iter().zip(names) {
        let body = NotificationBody::NewMatch {
            company: LocalizedText::from_json(&name),
            score: *score,
        };
        db::notification::insert(&mut tx, buyer, &body, "/matchmaking", now).await?;
    }
    db::commit(tx).await?;
    state.hub.signal(
        &Topic::User(buyer.to_owned()).to_string(),
        Hint::Notification,
    );
    Ok(())
}

/// Digests are looked for once every this many matcher rounds (a minute at the default
/// interval).
const DIGEST_EVERY_ROUNDS: u64 = 30;

/// Runs the matcher every `every` until the process ends, and the e-mail digests every
/// [`DIGEST_EVERY_ROUNDS`] rounds.
pub fn spawn(state: AppState, every: std::time::Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut round: u64 = 0;
        loop {
            tick.tick().await;
            if let Err(e) = run_once(&state).await {
                tracing::warn!(error = ?e, "matcher round failed");
            }
            round += 1;
            if round.is_multiple_of(DIGEST_EVERY_ROUNDS) {
                if let Err(e) = super::digest::run_once(&state, db::now_millis()).await {
                    tracing::warn!(error = ?e, "match digests failed");
                }
            }
        }
    })
}

/// How often the signed-in person gets the digest of new matches.
pub async fn digest_frequency(state: &AppState, session: &AuthSession) -> Result<String, AppError> {
    Ok(db::matching::digest_frequency(&state.db, &session.user.id).await?)
}

/// Sets how often the signed-in person gets the digest (`off`, `daily` or `weekly`).
pub async fn set_digest_frequency(
    state: &AppState,
    session: &AuthSession,
    frequency: &str,
) -> Result<(), AppError> {
    let frequency = frequency.trim();
    if !domain::matching::DIGEST_FREQUENCIES.contains(&frequency) {
        return Err(AppError::Validation(vec![domain::FieldError::new(
            "frequency",
            "match-error-digest",
        )]));
    }
    db::matching::set_digest_frequency(&state.db, &session.user.id, frequency).await?;
    Ok(())
}
