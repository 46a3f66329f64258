//! Server functions of buyer profiles and the buyer directory.

use crate::AppError;
use domain::buyer::{BuyerInput, BuyerProfile};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One page of the buyer directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerPage {
    /// The buyers on this page.
    pub items: Vec<BuyerProfile>,
    /// How many match.
    pub total: i64,
    /// This page (from 1).
    pub page: i64,
    /// Whether the reader is an organizer (verifies, sees every contact, exports).
    pub organizer: bool,
}

/// One buyer, as their profile page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerCard {
    /// The buyer (contact details only as the reader may see them).
    pub buyer: BuyerProfile,
    /// Whether the reader is an organizer.
    pub organizer: bool,
}

/// One buyer's profile (exhibitors and organizers, like the directory).
#[server(prefix = "/api", endpoint = "buyer/profile")]
pub async fn get_buyer_card(user_id: String) -> Result<BuyerCard, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let (buyer, organizer) = super::service::profile(&ctx, &user_id).await?;
        Ok(BuyerCard { buyer, organizer })
    }
    .await
    .map_err(crate::error::with_status)
}

/// Saves the signed-in person's buyer profile.
#[server(prefix = "/api", endpoint = "buyer/save")]
pub async fn save_buyer_profile(input: BuyerInput) -> Result<BuyerProfile, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::save(&ctx, &input).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The signed-in person's buyer profile (none before they fill it in).
#[server(prefix = "/api", endpoint = "buyer/mine")]
pub async fn my_buyer_profile() -> Result<Option<BuyerProfile>, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::mine(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The buyer directory (exhibitors and organizers).
#[server(prefix = "/api", endpoint = "buyer/list")]
pub async fn buyer_directory(
    #[server(default)] q: String,
    #[server(default)] country: String,
    #[server(default)] interest: String,
    #[server(default)] verified: String,
    #[server(default)] page: String,
) -> Result<BuyerPage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let filter = domain::buyer::BuyerFilter::from_query(&q, &country, &interest, &verified);
        let page = page.trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000);
        let (items, total, organizer) = super::service::list(&ctx, &filter, page).await?;
        Ok(BuyerPage {
            items,
            total,
            page,
            organizer,
        })
    }
    .await
    .map_err(crate::error::with_status)
}

/// Gives or takes back a buyer's verified badge (organizers); `verified` is "yes" or "no".
#[server(prefix = "/api", endpoint = "buyer/verify")]
pub async fn verify_buyer(user_id: String, verified: String) -> Result<bool, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::verify(&ctx, &user_id, verified == "yes").await
    }
    .await
    .map_err(crate::error::with_status)
}
