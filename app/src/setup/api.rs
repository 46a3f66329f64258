//! Server functions of expo setup.

use crate::AppError;
use domain::hall::{HallPlan, Rect};
use domain::plan::{ExpoBrand, ExpoInput, ExpoListItem, HallInput, SetupView};
use leptos::prelude::*;

/// The managed expo's settings, logo and halls (organizers).
#[server(prefix = "/api", endpoint = "setup/get")]
pub async fn load_setup() -> Result<SetupView, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::view(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Saves the expo's settings.
#[server(prefix = "/api", endpoint = "setup/save-expo")]
pub async fn save_expo(
    input: ExpoInput,
    #[server(default)] expo_id: String,
) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::save_expo(&ctx, &input, &expo_id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Adds a hall; returns its slug.
#[server(prefix = "/api", endpoint = "setup/add-hall")]
pub async fn add_hall(
    input: HallInput,
    #[server(default)] expo_id: String,
) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::add_hall(&ctx, &input, &expo_id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// A hall's plan for its editor (organizers).
#[server(prefix = "/api", endpoint = "setup/plan")]
pub async fn load_plan(slug: String) -> Result<HallPlan, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::plan(&ctx, &slug).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Moves or resizes a booth on its hall's plan; returns its new place. Numbers that are not
/// numbers are a validation error, like a place that overlaps or leaves the plan.
#[server(prefix = "/api", endpoint = "setup/move-booth")]
pub async fn move_booth(
    booth_id: String,
    x: String,
    y: String,
    width: String,
    height: String,
) -> Result<Rect, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let num = |s: &str| s.trim().parse::<i64>().ok().filter(|v| v.abs() < 1_000_000);
        let (Some(x), Some(y), Some(width), Some(height)) =
            (num(&x), num(&y), num(&width), num(&height))
        else {
            return Err(AppError::Validation(vec![domain::FieldError::new(
                "rect",
                "plan-error-number",
            )]));
        };
        super::service::move_booth(
            &ctx,
            &booth_id,
            Rect {
                x,
                y,
                width,
                height,
            },
        )
        .await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Sets a booth's tier (organizers): `standard`, `premium` or `flagship`.
#[server(prefix = "/api", endpoint = "setup/booth-tier")]
pub async fn set_booth_tier(booth_id: String, tier: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::set_booth_tier(&ctx, &booth_id, &tier).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The public expo's brand color (with its darker shade) and logo, each if set (every page).
#[server(prefix = "/api", endpoint = "expo/brand")]
pub async fn current_brand() -> Result<ExpoBrand, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let (color, logo_src) = db::setup::current_brand(&ctx.state.db).await?;
        Ok(ExpoBrand {
            color: color
                .and_then(|c| domain::plan::parse_brand_color(&c).ok().flatten())
                .map(|c| {
                    let strong = domain::plan::darker(&c);
                    (c, strong)
                }),
            logo_src,
        })
    }
    .await
    .map_err(crate::error::with_status)
}

/// The expos the signed-in organizer organizes.
#[server(prefix = "/api", endpoint = "setup/expos")]
pub async fn load_expos() -> Result<Vec<ExpoListItem>, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::expos(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Remembers which expo the console manages (for this browser).
#[cfg(feature = "ssr")]
fn remember_managed(ctx: &crate::state::Ctx, expo_id: &str) {
    crate::account::api::ssr::append_cookie(&crate::account::session::console_expo_cookie(
        expo_id,
        ctx.secure_cookies(),
    ));
}

/// Creates an expo, then manages it in the console.
#[server(prefix = "/api", endpoint = "setup/create-expo")]
pub async fn create_expo(input: ExpoInput) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let id = super::service::create_expo(&ctx, &input).await?;
        remember_managed(&ctx, &id);
        leptos_axum::redirect("/dashboard/setup");
        Ok(id)
    }
    .await
    .map_err(crate::error::with_status)
}

/// Manages another expo the signed-in person organizes.
#[server(prefix = "/api", endpoint = "setup/manage-expo")]
pub async fn manage_expo(expo_id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::may_manage(&ctx, &expo_id).await?;
        remember_managed(&ctx, &expo_id);
        leptos_axum::redirect("/dashboard/setup");
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// Makes an expo the one visitors see.
#[server(prefix = "/api", endpoint = "setup/publish-expo")]
pub async fn publish_expo(expo_id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::make_public(&ctx, &expo_id).await
    }
    .await
    .map_err(crate::error::with_status)
}
