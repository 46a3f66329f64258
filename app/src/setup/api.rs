//! Server functions of expo setup.

use crate::AppError;
use domain::expo::HallSummary;
use domain::hall::{HallPlan, Rect};
use domain::plan::{ExpoInput, ExpoSettings, HallInput};
use leptos::prelude::*;

/// The expo's settings and halls (organizers).
#[server(prefix = "/api", endpoint = "setup/get")]
pub async fn load_setup() -> Result<(ExpoSettings, Vec<HallSummary>), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::view(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Saves the expo's settings.
#[server(prefix = "/api", endpoint = "setup/save-expo")]
pub async fn save_expo(input: ExpoInput) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::save_expo(&ctx, &input).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Adds a hall; returns its slug.
#[server(prefix = "/api", endpoint = "setup/add-hall")]
pub async fn add_hall(input: HallInput) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::add_hall(&ctx, &input).await
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

/// The current expo's brand color and its darker shade, if it has one (every page).
#[server(prefix = "/api", endpoint = "expo/brand")]
pub async fn current_brand() -> Result<Option<(String, String)>, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        Ok(db::setup::current_brand(&ctx.state.db)
            .await?
            .and_then(|c| domain::plan::parse_brand_color(&c).ok().flatten())
            .map(|c| {
                let strong = domain::plan::darker(&c);
                (c, strong)
            }))
    }
    .await
    .map_err(crate::error::with_status)
}
