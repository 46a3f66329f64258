//! Trade server functions: inquiries, quotes, answers, and the organizer's figures.

use crate::AppError;
use domain::trade::{InquiryInput, InquiryView, MyInquiries, QuoteInput, TradeTotals};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn signed_in(ctx: &crate::state::Ctx) -> Result<&crate::state::AuthSession, AppError> {
    ctx.session.as_ref().ok_or(AppError::Unauthenticated)
}

/// Sends an inquiry to a booth and goes to it.
#[server(prefix = "/api", endpoint = "trade/inquire")]
pub async fn send_inquiry(inquiry: InquiryInput) -> Result<String, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let id = super::service::send(&ctx.state, session, &inquiry).await?;
        leptos_axum::redirect(&format!("/inquiries/{id}"));
        Ok(id)
    }
    .await
    .map_err(crate::error::with_status)
}

/// The signed-in person's inquiries: sent, and received by their booth.
#[server(prefix = "/api", endpoint = "trade/mine")]
pub async fn list_inquiries() -> Result<MyInquiries, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::mine(&ctx.state, session).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// One inquiry with its quotes (its buyer and its booth's team only).
#[server(prefix = "/api", endpoint = "trade/inquiry")]
pub async fn get_inquiry(id: String) -> Result<InquiryView, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::view(&ctx.state, session, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The booth's team quotes (a new revision).
#[server(prefix = "/api", endpoint = "trade/quote")]
pub async fn send_quote(id: String, quote: QuoteInput) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::quote(&ctx.state, session, &id, &quote).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The buyer accepts (`accept`) or declines the waiting quote.
#[server(prefix = "/api", endpoint = "trade/answer")]
pub async fn answer_quote(id: String, quote_id: String, accept: bool) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::answer(&ctx.state, session, &id, &quote_id, accept).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The buyer takes the inquiry back.
#[server(prefix = "/api", endpoint = "trade/withdraw")]
pub async fn withdraw_inquiry(id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::withdraw(&ctx.state, session, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The current expo's trade figures (its organizers only).
#[server(prefix = "/api", endpoint = "trade/totals")]
pub async fn trade_figures() -> Result<TradeTotals, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let expo = crate::console::managed_expo(&ctx).await?;
        super::service::totals(&ctx.state, session, &expo).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Sets the base currency and rate table of the current expo's deal totals.
#[server(prefix = "/api", endpoint = "trade/rates")]
pub async fn set_trade_rates(base: String, rates: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let expo = crate::console::managed_expo(&ctx).await?;
        super::service::set_rates(&ctx.state, session, &expo, &base, &rates).await?;
        crate::console::audit(&ctx, "trade.rates", &expo).await;
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// What the inquiry form starts from: the booth's name and the product's, and the product's
/// price currency.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InquiryStart {
    /// The booth's company.
    pub company: domain::text::LocalizedText,
    /// The product, if one was named.
    pub product: Option<domain::text::LocalizedText>,
    /// The currency to start with.
    pub currency: String,
}

/// The booth and product an inquiry form is for (anyone may look; sending needs an account).
#[server(prefix = "/api", endpoint = "trade/start")]
pub async fn inquiry_target(
    exhibitor_id: String,
    product_id: Option<String>,
) -> Result<InquiryStart, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        if !domain::text::is_id(&exhibitor_id) {
            return Err(AppError::NotFound);
        }
        let (_, company, _, _) = db::trade::booth_facts(&ctx.state.db, &exhibitor_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let product = match product_id.filter(|p| domain::text::is_id(p)) {
            Some(p) => db::trade::product_facts(&ctx.state.db, &p)
                .await?
                .filter(|(owner, _, _)| *owner == exhibitor_id),
            None => None,
        };
        Ok(InquiryStart {
            company: domain::text::LocalizedText::from_json(&company),
            currency: product
                .as_ref()
                .map(|(_, _, c)| c.clone())
                .filter(|c| domain::trade::minor_digits(c).is_some())
                .unwrap_or_else(|| "USD".into()),
            product: product.map(|(_, name, _)| domain::text::LocalizedText::from_json(&name)),
        })
    }
    .await
    .map_err(crate::error::with_status)
}

/// The uploader removes a file from an inquiry (or from the inquiry form).
#[server(prefix = "/api", endpoint = "trade/file/remove")]
pub async fn remove_inquiry_file(id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::files::remove(&ctx.state, session, &id).await
    }
    .await
    .map_err(crate::error::with_status)
}
