//! Server functions of the dashboard.

use crate::AppError;
use domain::text::LocalizedText;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the signed-in person can reach from the dashboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardHome {
    /// Runs the current expo (organizer).
    pub organizer: bool,
    /// Runs its emergency tools (organizer or operator).
    pub operator: bool,
    /// Booths the person edits: (exhibitor id, name).
    pub booths: Vec<(String, LocalizedText)>,
    /// The person's id (their notifications' topic).
    pub me: String,
    /// Applications waiting for review (organizers).
    pub waiting_applications: i64,
}

/// The dashboard of the signed-in person.
#[server(prefix = "/api", endpoint = "dashboard/home")]
pub async fn load_dashboard() -> Result<DashboardHome, AppError> {
    use domain::account::Role;
    use domain::authz::{authorize, Action};
    async {
        let ctx = crate::state::ctx()?;
        let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
        let expo = db::expo::current_expo(&ctx.state.db).await?;
        // Organizers: of the expo their console manages (which may not be the public one).
        let managed = crate::console::managed_expo(&ctx).await.ok();
        let organizer = managed.is_some();
        let operator = match &expo {
            Some(e) => authorize(ctx.actor(), Action::OperatePlatform { expo_id: &e.id }).is_ok(),
            None => false,
        };
        let waiting_applications = match &managed {
            Some(id) => db::application::counts(&ctx.state.db, id)
                .await?
                .into_iter()
                .filter(|(s, _)| *s == domain::application::ApplicationStatus::Submitted)
                .map(|(_, n)| n)
                .sum(),
            _ => 0,
        };
        let mut booths = Vec::new();
        for m in &session.actor.memberships {
            if let (Role::Exhibitor, Some(id)) = (m.role, m.exhibitor_id.as_ref()) {
                if let Some(name) = db::chat::exhibitor_name(&ctx.state.db, id).await? {
                    booths.push((id.clone(), name));
                }
            }
        }
        Ok(DashboardHome {
            organizer,
            operator,
            booths,
            me: session.user.id.clone(),
            waiting_applications,
        })
    }
    .await
    .map_err(crate::error::with_status)
}
