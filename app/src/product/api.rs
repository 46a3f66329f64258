//! Product server functions.

use crate::AppError;
use domain::product::ProductDetail;
use leptos::prelude::*;

/// A product page.
#[server(prefix = "/api", endpoint = "product/get")]
pub async fn get_product(product_id: String) -> Result<ProductDetail, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        domain::authz::authorize(ctx.actor(), domain::authz::Action::ViewPublic)?;
        if !domain::text::is_id(&product_id) {
            return Err(AppError::NotFound);
        }
        db::hall::product_detail(&ctx.state.db, &product_id)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(crate::error::with_status)
}
