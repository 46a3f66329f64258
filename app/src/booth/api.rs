//! Booth server functions.

use crate::AppError;
use domain::product::ExhibitorDetail;
use leptos::prelude::*;

/// An exhibitor's booth page.
#[server(prefix = "/api", endpoint = "booth/get")]
pub async fn get_booth(exhibitor_id: String) -> Result<ExhibitorDetail, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        domain::authz::authorize(ctx.actor(), domain::authz::Action::ViewPublic)?;
        if !domain::text::is_id(&exhibitor_id) {
            return Err(AppError::NotFound);
        }
        db::hall::exhibitor_detail(&ctx.state.db, &exhibitor_id)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(crate::error::with_status)
}
