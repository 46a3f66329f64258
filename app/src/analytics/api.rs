//! Server functions of the analytics pages.

use crate::AppError;
use domain::analytics::LiveCounters;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The live dashboard's first state: the expo (whose `dashboard:` topic the page then follows)
/// and its counters now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveDashboard {
    /// The expo's id.
    pub expo_id: String,
    /// The counters when the page was read.
    pub counters: LiveCounters,
    /// Whether the home page shows the headline figures.
    pub public: bool,
}

/// The counters of the expo the signed-in organizer's console manages.
#[server(prefix = "/api", endpoint = "analytics/live")]
pub async fn load_live_counters() -> Result<LiveDashboard, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        let expo_id = crate::console::managed_expo(&ctx).await?;
        let counters = super::service::for_organizer(&ctx.state, session, &expo_id).await?;
        let public = db::counters::public(&ctx.state.db, &expo_id).await?;
        Ok(LiveDashboard {
            expo_id,
            counters,
            public,
        })
    }
    .await
    .map_err(crate::error::with_status)
}

/// Shows (`on`) or hides the headline figures on the home page of the expo the organizer's
/// console manages; returns the new setting.
#[server(prefix = "/api", endpoint = "analytics/public")]
pub async fn set_public_counters(on: bool) -> Result<bool, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        let expo_id = crate::console::managed_expo(&ctx).await?;
        super::service::set_public(&ctx.state, session, &expo_id, on).await?;
        crate::console::audit(&ctx, "analytics.public", &expo_id).await;
        Ok(on)
    }
    .await
    .map_err(crate::error::with_status)
}
