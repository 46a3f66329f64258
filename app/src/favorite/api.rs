//! Favorite server functions.

use crate::AppError;
use domain::favorite::{FavoriteCounts, FavoriteKind, Favorites};
use leptos::prelude::*;

/// Adds (`on`) or removes a favorite of the signed-in person; returns the new state.
#[server(prefix = "/api", endpoint = "favorite/set")]
pub async fn set_favorite(kind: FavoriteKind, id: String, on: bool) -> Result<bool, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let Some(session) = ctx.session.as_ref() else {
            return Err(AppError::Unauthenticated);
        };
        domain::authz::authorize(ctx.actor(), domain::authz::Action::ManageOwnAccount)?;
        if !domain::text::is_id(&id)
            || !db::favorite::target_exists(&ctx.state.db, kind, &id).await?
        {
            return Err(AppError::NotFound);
        }
        db::favorite::set(
            &ctx.state.db,
            &session.user.id,
            kind,
            &id,
            on,
            db::now_millis(),
        )
        .await?;
        crate::matching::service::touch(&ctx.state, &session.user.id).await;
        Ok(on)
    }
    .await
    .map_err(crate::error::with_status)
}

/// Whether the signed-in person keeps this booth or product (`false` when not signed in).
#[server(prefix = "/api", endpoint = "favorite/get")]
pub async fn is_favorite(kind: FavoriteKind, id: String) -> Result<bool, AppError> {
    let ctx = crate::state::ctx()?;
    match ctx.session.as_ref() {
        Some(s) if domain::text::is_id(&id) => {
            Ok(db::favorite::is_set(&ctx.state.db, &s.user.id, kind, &id).await?)
        }
        _ => Ok(false),
    }
}

/// The signed-in person's favorites.
#[server(prefix = "/api", endpoint = "favorite/mine")]
pub async fn my_favorites() -> Result<Favorites, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let Some(session) = ctx.session.as_ref() else {
            return Err(AppError::Unauthenticated);
        };
        Ok(db::favorite::of_user(&ctx.state.db, &session.user.id).await?)
    }
    .await
    .map_err(crate::error::with_status)
}

/// How many people keep the booth and its products (the booth team and organizers only).
#[server(prefix = "/api", endpoint = "favorite/counts")]
pub async fn booth_favorite_counts(exhibitor_id: String) -> Result<FavoriteCounts, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        crate::booth::api::authorize_booth(&ctx, &exhibitor_id).await?;
        Ok(db::favorite::counts(&ctx.state.db, &exhibitor_id).await?)
    }
    .await
    .map_err(crate::error::with_status)
}
