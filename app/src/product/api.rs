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

/// Creates (empty `product_id`) or updates a product from the booth editor; returns its id.
/// Texts are stored in the input's language beside the other languages already there.
#[server(prefix = "/api", endpoint = "product/save")]
pub async fn save_product(input: domain::product::ProductInput) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        crate::booth::api::authorize_booth(&ctx, &input.exhibitor_id).await?;
        let valid = input.validate().map_err(AppError::Validation)?;
        let db = &ctx.state.db;
        let existing = if input.product_id.is_empty() {
            None
        } else {
            if !domain::text::is_id(&input.product_id) {
                return Err(AppError::NotFound);
            }
            let found = db::hall::product_detail(db, &input.product_id)
                .await?
                .filter(|p| p.exhibitor_id == input.exhibitor_id)
                .ok_or(AppError::NotFound)?;
            Some(found)
        };
        let (name, description, specs) = match &existing {
            Some(p) => valid.merge_texts(
                Some(p.card.name.clone()),
                Some(p.description.clone()),
                &p.specs,
            ),
            None => valid.merge_texts(None, None, &[]),
        };
        let id = if input.product_id.is_empty() {
            db::new_id()
        } else {
            input.product_id.clone()
        };
        let row = db::expo::NewProduct {
            id: &id,
            exhibitor_id: &input.exhibitor_id,
            name: &name,
            description: &description,
            category: &valid.category,
            specs: &specs,
            price: valid.price.as_ref(),
            min_order: valid.min_order,
            lead_time_days: valid.lead_time_days,
            certifications: &valid.certifications,
            origin: &valid.origin,
            created_at: db::now_millis(),
        };
        if existing.is_some() {
            if !db::expo::update_product(db, &row).await? {
                return Err(AppError::NotFound);
            }
            crate::booth::api::record_change(&ctx, "product.update", &id).await;
        } else {
            let mut tx = db.begin().await?;
            db::expo::insert_product(&mut tx, &row).await?;
            db::commit(tx).await?;
            crate::booth::api::record_change(&ctx, "product.create", &id).await;
        }
        Ok(id)
    }
    .await
    .map_err(crate::error::with_status)
}

/// Deletes a product with its pictures and files (booth team and organizers only).
#[server(prefix = "/api", endpoint = "product/delete")]
pub async fn delete_product(product_id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        if !domain::text::is_id(&product_id) {
            return Err(AppError::NotFound);
        }
        let exhibitor = db::media::product_exhibitor(&ctx.state.db, &product_id)
            .await?
            .ok_or(AppError::NotFound)?;
        crate::booth::api::authorize_booth(&ctx, &exhibitor).await?;
        db::expo::delete_product(&ctx.state.db, &product_id).await?;
        crate::booth::api::record_change(&ctx, "product.delete", &product_id).await;
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}
