//! Hall server functions.

use crate::AppError;
use domain::expo::HallSummary;
use domain::hall::HallPlan;
use leptos::prelude::*;

/// The halls of the current expo.
#[server(prefix = "/api", endpoint = "hall/list")]
pub async fn list_halls() -> Result<Vec<HallSummary>, AppError> {
    let ctx = crate::state::ctx()?;
    domain::authz::authorize(ctx.actor(), domain::authz::Action::ViewPublic)?;
    let Some(expo) = db::expo::current_expo(&ctx.state.db).await? else {
        return Ok(Vec::new());
    };
    Ok(db::hall::halls_of(&ctx.state.db, &expo.id).await?)
}

/// One hall of the current expo with its plan and booths.
#[server(prefix = "/api", endpoint = "hall/get")]
pub async fn get_hall(slug: String) -> Result<HallPlan, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        domain::authz::authorize(ctx.actor(), domain::authz::Action::ViewPublic)?;
        let expo = db::expo::current_expo(&ctx.state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        db::hall::hall_plan(&ctx.state.db, &expo.id, &slug)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(crate::error::with_status)
}
