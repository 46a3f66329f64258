//! Saving a buyer profile, the buyer directory as each reader may see it, and verification.

use crate::state::Ctx;
use crate::AppError;
use domain::authz::{authorize, Action};
use domain::buyer::{BuyerFilter, BuyerInput, BuyerProfile, BUYER_PAGE};

async fn current_expo_id(ctx: &Ctx) -> Result<String, AppError> {
    Ok(db::expo::current_expo(&ctx.state.db)
        .await?
        .ok_or(AppError::NotFound)?
        .id)
}

/// Creates or changes the signed-in person's buyer profile; they hold the buyer role after.
pub async fn save(ctx: &Ctx, input: &BuyerInput) -> Result<BuyerProfile, AppError> {
    let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    let expo_id = current_expo_id(ctx).await?;
    let form = input.validate().map_err(AppError::Validation)?;
    let now = db::now_millis();
    let mut tx = ctx.state.db.begin().await?;
    db::buyer::save(&mut tx, &expo_id, &session.user.id, &form, None, now).await?;
    db::account::grant_role(
        &mut tx,
        &session.user.id,
        &expo_id,
        domain::account::Role::Buyer,
        None,
        now,
    )
    .await?;
    db::commit(tx).await?;
    crate::console::audit(ctx, "buyer.save", &format!("user:{}", session.user.id)).await;
    crate::matching::service::touch(&ctx.state, &session.user.id).await;
    db::buyer::get(&ctx.state.db, &expo_id, &session.user.id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The signed-in person's buyer profile, if they have one.
pub async fn mine(ctx: &Ctx) -> Result<Option<BuyerProfile>, AppError> {
    let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    let expo_id = current_expo_id(ctx).await?;
    Ok(db::buyer::get(&ctx.state.db, &expo_id, &session.user.id).await?)
}

/// One page of the buyer directory: organizers see everything, exhibitors see contact
/// details only where the buyer consented. Also says whether the reader may verify.
pub async fn list(
    ctx: &Ctx,
    filter: &BuyerFilter,
    page: i64,
) -> Result<(Vec<BuyerProfile>, i64, bool), AppError> {
    ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    // Organizers see the buyers of the expo their console manages (where they verify);
    // a booth's team those of the public expo.
    let expo_id = match crate::console::managed_expo(ctx).await {
        Ok(id) => id,
        Err(_) => current_expo_id(ctx).await?,
    };
    authorize(ctx.actor(), Action::ViewBuyers { expo_id: &expo_id })?;
    let organizer = authorize(ctx.actor(), Action::ManageExpo { expo_id: &expo_id }).is_ok();
    let (items, total) = db::buyer::list(
        &ctx.state.db,
        &expo_id,
        filter,
        BUYER_PAGE,
        (page - 1) * BUYER_PAGE,
    )
    .await?;
    let items = if organizer {
        items
    } else {
        items
            .into_iter()
            .map(BuyerProfile::for_exhibitors)
            .collect()
    };
    Ok((items, total, organizer))
}

/// One buyer's profile page, for those who may see the directory, with the same rule for
/// contact details; also says whether the reader is an organizer. Anyone else, or a person who
/// is no buyer of the expo, is "not found" or "forbidden" as in the directory.
pub async fn profile(ctx: &Ctx, user_id: &str) -> Result<(BuyerProfile, bool), AppError> {
    ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    if !domain::text::is_id(user_id) {
        return Err(AppError::NotFound);
    }
    let expo_id = match crate::console::managed_expo(ctx).await {
        Ok(id) => id,
        Err(_) => current_expo_id(ctx).await?,
    };
    authorize(ctx.actor(), Action::ViewBuyers { expo_id: &expo_id })?;
    let organizer = authorize(ctx.actor(), Action::ManageExpo { expo_id: &expo_id }).is_ok();
    let buyer = db::buyer::get(&ctx.state.db, &expo_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(if organizer {
        (buyer, true)
    } else {
        (buyer.for_exhibitors(), false)
    })
}

/// Gives (`true`) or takes back the verified badge (organizers).
pub async fn verify(ctx: &Ctx, user_id: &str, verified: bool) -> Result<bool, AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    let by = ctx.session.as_ref().map(|s| s.user.id.as_str());
    let found = db::buyer::set_verified(
        &ctx.state.db,
        &expo_id,
        user_id,
        if verified { by } else { None },
        db::now_millis(),
    )
    .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    let action = if verified {
        "buyer.verify"
    } else {
        "buyer.unverify"
    };
    crate::console::audit(ctx, action, &format!("user:{user_id}")).await;
    Ok(verified)
}
