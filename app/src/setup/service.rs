//! Expo setup rules with their side effects: who may, what is checked, what is audited.

use crate::state::Ctx;
use crate::AppError;
use domain::hall::{HallPlan, Rect};
use domain::plan::{ExpoInput, ExpoListItem, HallInput, SetupView};

/// The managed expo's settings, logo and halls, for the setup page.
pub async fn view(ctx: &Ctx) -> Result<SetupView, AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    let db = &ctx.state.db;
    let settings = db::setup::settings(db, &expo_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let halls = db::hall::halls_of(db, &expo_id).await?;
    let logo_src = db::expo::logo_of(db, &expo_id).await?;
    let is_public = db::expo::current_expo(db)
        .await?
        .is_some_and(|e| e.id == expo_id);
    Ok(SetupView {
        expo_id,
        settings,
        logo_src,
        is_public,
        halls,
    })
}

/// The managed expo, when the form was made for it: a form opened for another expo (the
/// console was switched in another tab since) is refused rather than written to the wrong
/// expo. An empty `form_expo` (scripts) means the managed one.
async fn managed_for(ctx: &Ctx, form_expo: &str) -> Result<String, AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    if !form_expo.is_empty() && form_expo != expo_id {
        return Err(AppError::Conflict("setup-error-switched".into()));
    }
    Ok(expo_id)
}

/// Saves the expo's settings.
pub async fn save_expo(ctx: &Ctx, input: &ExpoInput, form_expo: &str) -> Result<(), AppError> {
    let expo_id = managed_for(ctx, form_expo).await?;
    let settings = input.validate(ctx.locale).map_err(AppError::Validation)?;
    db::setup::save_settings(&ctx.state.db, &expo_id, &settings).await?;
    ctx.state.content_changed();
    crate::console::audit(ctx, "expo.settings", &expo_id).await;
    Ok(())
}

/// Adds a hall; returns its slug.
pub async fn add_hall(ctx: &Ctx, input: &HallInput, form_expo: &str) -> Result<String, AppError> {
    let expo_id = managed_for(ctx, form_expo).await?;
    let hall = input.validate(ctx.locale).map_err(AppError::Validation)?;
    let english = hall
        .name
        .values
        .get(&domain::Locale::En)
        .cloned()
        .unwrap_or_default();
    let id = db::new_id();
    // Two organizers adding a hall with the same name at once: the second gets the next slug.
    for _ in 0..3 {
        let (taken, position) = db::setup::hall_slugs(&ctx.state.db, &expo_id).await?;
        let slug = domain::plan::hall_slug(&english, &hall.industry, &taken);
        match db::setup::insert_hall(
            &ctx.state.db,
            &id,
            &expo_id,
            &slug,
            &hall.name,
            &hall.industry,
            position,
            (hall.width, hall.height),
        )
        .await
        {
            Ok(()) => {
                ctx.state.content_changed();
                crate::console::audit(ctx, "hall.create", &id).await;
                return Ok(slug);
            }
            Err(db::Error::Unique) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(AppError::Conflict("error-conflict".into()))
}

/// A hall's plan, for its editor.
pub async fn plan(ctx: &Ctx, slug: &str) -> Result<HallPlan, AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    db::hall::hall_plan(&ctx.state.db, &expo_id, slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// Moves or resizes a booth; returns where it stands now (snapped to the grid).
pub async fn move_booth(ctx: &Ctx, booth_id: &str, wanted: Rect) -> Result<Rect, AppError> {
    // Authorized before anything is read or locked.
    let managed = crate::console::managed_expo(ctx).await?;
    if !domain::text::is_id(booth_id) {
        return Err(AppError::NotFound);
    }
    let mut tx = ctx.state.db.begin().await?;
    let (_, expo_id, w, h, others) = db::setup::booth_for_move(&mut tx, booth_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if expo_id != managed {
        return Err(AppError::NotFound);
    }
    let placed =
        domain::plan::place(w, h, wanted, &others).map_err(|e| AppError::Validation(vec![e]))?;
    db::setup::move_booth(&mut tx, booth_id, placed).await?;
    db::commit(tx).await?;
    ctx.state.content_changed();
    crate::console::audit(ctx, "booth.move", booth_id).await;
    Ok(placed)
}

/// Sets a booth's tier (organizers of the booth's expo).
pub async fn set_booth_tier(ctx: &Ctx, booth_id: &str, tier: &str) -> Result<(), AppError> {
    let expo_id = crate::console::managed_expo(ctx).await?;
    let tier = domain::hall::BoothTier::parse_strict(tier).ok_or_else(|| {
        AppError::Validation(vec![domain::FieldError::new("tier", "plan-error-tier")])
    })?;
    if !domain::text::is_id(booth_id)
        || !db::setup::set_booth_tier(&ctx.state.db, &expo_id, booth_id, tier).await?
    {
        return Err(AppError::NotFound);
    }
    ctx.state.content_changed();
    crate::console::audit(ctx, "booth.tier", booth_id).await;
    Ok(())
}

/// The expos the signed-in organizer organizes, the managed one marked.
pub async fn expos(ctx: &Ctx) -> Result<Vec<ExpoListItem>, AppError> {
    let managed = crate::console::managed_expo(ctx).await?;
    let user = &ctx
        .session
        .as_ref()
        .ok_or(AppError::Unauthenticated)?
        .user
        .id;
    Ok(db::expo::organized_by(&ctx.state.db, user, &managed).await?)
}

/// Creates an expo (organizers of any expo); its creator organizes it. It is not public until
/// made so. Returns its id.
pub async fn create_expo(ctx: &Ctx, input: &ExpoInput) -> Result<String, AppError> {
    let user = ctx
        .session
        .as_ref()
        .ok_or(AppError::Unauthenticated)?
        .user
        .id
        .clone();
    domain::authz::authorize(ctx.actor(), domain::authz::Action::CreateExpo)?;
    let settings = input.validate(ctx.locale).map_err(AppError::Validation)?;
    let english = settings
        .name
        .values
        .get(&domain::Locale::En)
        .cloned()
        .unwrap_or_default();
    let db = &ctx.state.db;
    // Two organizers creating expos of the same name at once: the second gets the next slug.
    for _ in 0..3 {
        let taken = db::expo::expo_slugs(db).await?;
        let slug = domain::plan::hall_slug(&english, "expo", &taken);
        let id = db::new_id();
        let now = db::now_millis();
        let mut tx = db.begin().await?;
        match db::expo::create_expo(&mut tx, &id, &slug, &settings, now).await {
            Ok(()) => {}
            Err(db::Error::Unique) => continue,
            Err(e) => return Err(e.into()),
        }
        db::account::grant_role(
            &mut tx,
            &user,
            &id,
            domain::account::Role::Organizer,
            None,
            now,
        )
        .await?;
        db::commit(tx).await?;
        crate::console::audit(ctx, "expo.create", &id).await;
        return Ok(id);
    }
    Err(AppError::Conflict("error-conflict".into()))
}

/// Checks the signed-in person organizes `expo_id` (to manage it in the console).
pub async fn may_manage(ctx: &Ctx, expo_id: &str) -> Result<(), AppError> {
    ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    if !domain::text::is_id(expo_id) {
        return Err(AppError::NotFound);
    }
    domain::authz::authorize(ctx.actor(), domain::authz::Action::ManageExpo { expo_id })?;
    Ok(())
}

/// Makes `expo_id` the expo visitors see: its organizers may, when they also organize the
/// expo public until now (one organizer cannot take the home page from another's expo).
pub async fn make_public(ctx: &Ctx, expo_id: &str) -> Result<(), AppError> {
    may_manage(ctx, expo_id).await?;
    let db = &ctx.state.db;
    if let Some(current) = db::expo::current_expo(db).await? {
        domain::authz::authorize(
            ctx.actor(),
            domain::authz::Action::ManageExpo {
                expo_id: &current.id,
            },
        )?;
    }
    if !db::expo::make_public(db, expo_id, db::now_millis()).await? {
        return Err(AppError::NotFound);
    }
    ctx.state.content_changed();
    crate::console::audit(ctx, "expo.publish", expo_id).await;
    Ok(())
}
