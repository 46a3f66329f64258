//! Server functions of exhibitor applications and notifications.

use crate::AppError;
use domain::application::{Application, ApplicationInput, ApplicationStatus};
use domain::notification::Notification;
use domain::text::LocalizedText;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Applications on one page of the review queue.
pub const QUEUE_PAGE: i64 = 25;

/// One page of the organizer's review queue, with what the filters and the approval form need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePage {
    /// The applications on this page.
    pub items: Vec<Application>,
    /// How many match the filters.
    pub total: i64,
    /// This page (from 1).
    pub page: i64,
    /// Applications per status, over the whole expo.
    pub counts: Vec<(ApplicationStatus, i64)>,
}

/// A hall a booth may go in: (id, name, industry).
pub type HallChoice = (String, LocalizedText, String);

/// Submits an application to exhibit.
#[server(prefix = "/api", endpoint = "application/submit")]
pub async fn submit_application(input: ApplicationInput) -> Result<Application, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::submit(&ctx, &input).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The signed-in person's latest application (none when they have not applied).
#[server(prefix = "/api", endpoint = "application/mine")]
pub async fn my_application() -> Result<Option<Application>, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::mine(&ctx).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// One application (its applicant, or an organizer), with the halls a booth may go in.
#[server(prefix = "/api", endpoint = "application/get")]
pub async fn get_application(id: String) -> Result<(Application, Vec<HallChoice>), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let (expo_id, application) = super::service::get(&ctx, &id).await?;
        // The halls of the application's own expo (which may not be the public one).
        let halls = db::hall::halls_of(&ctx.state.db, &expo_id)
            .await?
            .into_iter()
            .map(|h| (h.id, h.name, h.industry))
            .collect();
        Ok((application, halls))
    }
    .await
    .map_err(crate::error::with_status)
}

/// The applicant changes the application and sends it again.
#[server(prefix = "/api", endpoint = "application/resubmit")]
pub async fn resubmit_application(
    id: String,
    input: ApplicationInput,
) -> Result<ApplicationStatus, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::applicant_decides(
            &ctx,
            &id,
            domain::application::Decision::Resubmit,
            Some(&input),
        )
        .await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The applicant takes the application back.
#[server(prefix = "/api", endpoint = "application/withdraw")]
pub async fn withdraw_application(id: String) -> Result<ApplicationStatus, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::applicant_decides(&ctx, &id, domain::application::Decision::Withdraw, None)
            .await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The organizer's decision: `approve` (with `hall_id` and `booth_code`), `reject` or
/// `request_changes` (with `reason`).
#[server(prefix = "/api", endpoint = "application/decide")]
pub async fn decide_application(
    id: String,
    decision: String,
    #[server(default)] reason: String,
    #[server(default)] hall_id: String,
    #[server(default)] booth_code: String,
) -> Result<ApplicationStatus, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let decision = match decision.as_str() {
            "approve" => domain::application::Decision::Approve,
            "reject" => domain::application::Decision::Reject,
            "request_changes" => domain::application::Decision::RequestChanges,
            _ => {
                return Err(AppError::Validation(vec![domain::FieldError::new(
                    "decision",
                    "error-request-malformed",
                )]))
            }
        };
        let input = super::service::DecisionInput {
            reason: &reason,
            hall_id: &hall_id,
            booth_code: &booth_code,
        };
        super::service::organizer_decides(&ctx, &id, decision, &input).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// The organizer's review queue. Unknown filter values are ignored (no filter), a page out of
/// range is the first or last.
#[server(prefix = "/api", endpoint = "application/queue")]
pub async fn application_queue(
    #[server(default)] status: String,
    #[server(default)] country: String,
    #[server(default)] industry: String,
    #[server(default)] q: String,
    #[server(default)] page: String,
) -> Result<QueuePage, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let expo_id = crate::console::managed_expo(&ctx).await?;
        let country = country.trim().to_ascii_uppercase();
        let q: String = q.trim().chars().take(100).collect();
        let filter = db::application::QueueFilter {
            status: ApplicationStatus::parse(status.trim()),
            country: domain::account::COUNTRIES
                .contains(&country.as_str())
                .then_some(country.as_str()),
            industry: domain::expo::INDUSTRIES
                .iter()
                .find(|i| **i == industry.trim())
                .copied(),
            text: (!q.is_empty()).then_some(q.as_str()),
        };
        let page = page.trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000);
        let (items, total) = db::application::queue(
            &ctx.state.db,
            &expo_id,
            &filter,
            QUEUE_PAGE,
            (page - 1) * QUEUE_PAGE,
        )
        .await?;
        let counts = db::application::counts(&ctx.state.db, &expo_id).await?;
        Ok(QueuePage {
            items,
            total,
            page,
            counts,
        })
    }
    .await
    .map_err(crate::error::with_status)
}

/// The signed-in person's latest notifications.
#[server(prefix = "/api", endpoint = "notification/list")]
pub async fn my_notifications() -> Result<Vec<Notification>, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        Ok(db::notification::recent(&ctx.state.db, &session.user.id, 20).await?)
    }
    .await
    .map_err(crate::error::with_status)
}

/// Marks the signed-in person's notifications read.
#[server(prefix = "/api", endpoint = "notification/read-all")]
pub async fn read_notifications() -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        db::notification::mark_all_read(&ctx.state.db, &session.user.id, db::now_millis()).await?;
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// The documents of an application (its applicant or an organizer).
#[server(prefix = "/api", endpoint = "application/documents")]
pub async fn application_documents(
    id: String,
) -> Result<Vec<domain::application::ApplicationDocument>, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::document_reader(&ctx, &id).await?;
        Ok(db::application::documents(&ctx.state.db, &id).await?)
    }
    .await
    .map_err(crate::error::with_status)
}
