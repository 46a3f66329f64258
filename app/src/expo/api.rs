//! Expo server functions.

use crate::AppError;
use domain::expo::ExpoLanding;
use leptos::prelude::*;

/// The landing page of the current expo, or `None` when no expo exists yet.
#[server(prefix = "/api", endpoint = "expo/landing")]
pub async fn get_landing() -> Result<Option<ExpoLanding>, AppError> {
    let ctx = crate::state::ctx()?;
    domain::authz::authorize(ctx.actor(), domain::authz::Action::ViewPublic)?;
    let Some(expo) = db::expo::current_expo(&ctx.state.db).await? else {
        return Ok(None);
    };
    let public = db::counters::public(&ctx.state.db, &expo.id).await?;
    let id = expo.id.clone();
    let mut landing = db::expo::landing(&ctx.state.db, expo, 8).await?;
    if public {
        landing.headline = Some(
            crate::analytics::service::counters(&ctx.state, &id)
                .await?
                .headline(),
        );
    }
    Ok(Some(landing))
}
