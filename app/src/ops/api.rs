//! Server functions of the emergency tools and the status page.

use crate::AppError;
use domain::ops::{Banner, OpsConsole, StatusReport, TextsInput};
use leptos::prelude::*;

/// What every page shows above its content: the alert and maintenance mode of the current expo.
#[server(prefix = "/api", endpoint = "ops/banner")]
pub async fn current_banner() -> Result<Option<Banner>, AppError> {
    let ctx = crate::state::ctx()?;
    super::service::banner(&ctx.state).await
}

/// The organizer's emergency console.
#[server(prefix = "/api", endpoint = "ops/console")]
pub async fn load_ops_console() -> Result<OpsConsole, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::console(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Raises an alert on every open page (replacing the one shown).
#[server(prefix = "/api", endpoint = "ops/raise-alert")]
pub async fn raise_alert(
    severity: String,
    #[server(default)] text: TextsInput,
) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::raise_alert(&ctx, &severity, &text).await?;
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// Takes the alert down.
#[server(prefix = "/api", endpoint = "ops/clear-alert")]
pub async fn clear_alert() -> Result<bool, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::clear_alert(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Turns maintenance mode on or off.
#[server(prefix = "/api", endpoint = "ops/maintenance")]
pub async fn set_maintenance(
    on: bool,
    #[server(default)] text: TextsInput,
) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::set_maintenance(&ctx, on, &text).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// How the platform is doing.
#[server(prefix = "/api", endpoint = "ops/status")]
pub async fn platform_status() -> Result<StatusReport, AppError> {
    let ctx = crate::state::ctx()?;
    Ok(super::service::status(&ctx.state).await)
}
