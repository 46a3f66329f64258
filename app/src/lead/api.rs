//! Lead server functions.

use crate::AppError;
use domain::lead::LeadsPage;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn signed_in(ctx: &crate::state::Ctx) -> Result<&crate::state::AuthSession, AppError> {
    ctx.session.as_ref().ok_or(AppError::Unauthenticated)
}

/// The team's leads with the page's filters.
#[server(prefix = "/api", endpoint = "leads")]
pub async fn get_leads(
    #[server(default)] source: String,
    #[server(default)] stage: String,
    #[server(default)] q: String,
) -> Result<LeadsPage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        let filter = domain::lead::LeadFilter::from_query(&source, &stage, &q);
        super::service::page(&ctx.state, session, &filter).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The team sets a lead's stage and note.
#[server(prefix = "/api", endpoint = "leads/note")]
pub async fn save_lead_note(user_id: String, stage: String, note: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = signed_in(&ctx)?;
        super::service::set_note(&ctx.state, session, &user_id, &stage, &note).await
    }
    .await
    .map_err(crate::error::with_status)
}
