//! Matchmaking server functions: the matchmaking page, "not interested", the organizer's
//! weights, footprints and their opt-out.

use crate::AppError;
use domain::matching::{MatchPage, MatchSettings};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn signed_in(ctx: &crate::state::Ctx) -> Result<&crate::state::AuthSession, AppError> {
    ctx.session.as_ref().ok_or(AppError::Unauthenticated)
}

/// The signed-in person's recommendations (or, for a booth's team, its leads).
#[server(prefix = "/api", endpoint = "match/mine")]
pub async fn get_matches() -> Result<MatchPage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::page(&ctx.state, session).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// "Not interested" in a recommended booth.
#[server(prefix = "/api", endpoint = "match/dismiss")]
pub async fn not_interested(exhibitor_id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::dismiss(&ctx.state, session, &exhibitor_id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The organizer's matching settings.
#[server(prefix = "/api", endpoint = "match/settings")]
pub async fn get_match_settings() -> Result<MatchSettings, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::settings(&ctx.state, session).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Tries weights (`intent` = `preview`) or saves them (`save`); answers the settings they give.
#[server(prefix = "/api", endpoint = "match/weights")]
#[allow(clippy::too_many_arguments)]
pub async fn set_match_weights(
    industry: String,
    country: String,
    volume: String,
    language: String,
    verified: String,
    behaviour: String,
    intent: String,
) -> Result<MatchSettings, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let fields = [
            ("industry", industry.as_str()),
            ("country", country.as_str()),
            ("volume", volume.as_str()),
            ("language", language.as_str()),
            ("verified", verified.as_str()),
            ("behaviour", behaviour.as_str()),
        ];
        super::service::set_weights(&ctx.state, session, &fields, intent == "save").await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Records a page view (`kind` = `view`) or time spent on it (`dwell`, `millis`): what the
/// pages' beacons send. `target` is `hall`, `booth`, `product` or `live`, with its id.
#[server(prefix = "/api", endpoint = "footprint")]
pub async fn record_footprint(
    kind: String,
    target: String,
    id: String,
    #[server(default)] millis: i64,
) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::record(&ctx, &kind, &target, &id, millis).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Turns the signed-in person's footprints on or off (off deletes those kept).
#[server(prefix = "/api", endpoint = "account/footprints")]
pub async fn set_footprints(on: bool) -> Result<bool, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::set_recording(&ctx.state, session, on).await?;
        Ok(on)
    }
    .await
    .map_err(crate::error::with_status)
}

/// How often the signed-in person gets the e-mail digest of new matches.
#[server(prefix = "/api", endpoint = "account/digest")]
pub async fn get_match_digest() -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::digest_frequency(&ctx.state, session).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Sets how often the signed-in person gets the digest: `off`, `daily` or `weekly`.
#[server(prefix = "/api", endpoint = "account/set-digest")]
pub async fn set_match_digest(frequency: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::set_digest_frequency(&ctx.state, session, &frequency).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Whether footprints are recorded for the signed-in person.
#[server(prefix = "/api", endpoint = "account/footprints-on")]
pub async fn footprints_on() -> Result<bool, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        Ok(!db::footprint::is_off(&ctx.state.db, &session.user.id).await?)
    }
    .await
    .map_err(crate::error::with_status)
}
