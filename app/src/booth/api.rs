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

/// Whether the signed-in user may edit this exhibitor's booth (`false` for visitors who are
/// not signed in).
#[server(prefix = "/api", endpoint = "booth/can-edit")]
pub async fn can_edit_booth(exhibitor_id: String) -> Result<bool, AppError> {
    let ctx = crate::state::ctx()?;
    if !domain::text::is_id(&exhibitor_id) {
        return Ok(false);
    }
    let Some(expo_id) = db::media::exhibitor_expo(&ctx.state.db, &exhibitor_id).await? else {
        return Ok(false);
    };
    let action = domain::authz::Action::EditBooth {
        expo_id: &expo_id,
        exhibitor_id: &exhibitor_id,
    };
    Ok(domain::authz::authorize(ctx.actor(), action).is_ok())
}
