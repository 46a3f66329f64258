//! The dashboard: each person's way into what they run. Organizers and operators reach the
//! organizer console (applications, expo setup, directories, invitations, emergency tools,
//! status); exhibitors reach their booth editor; everyone their own pages. Also the console's
//! shared guard (`managed_expo`) and audit helper.

pub mod api;
pub mod dashboard_page;

/// The id of the expo the console manages, after checking the signed-in person organizes it:
/// the shared guard of the console's server functions. That is the expo chosen on the expos
/// page (a cookie), else the public one, else the first one the person organizes.
#[cfg(feature = "ssr")]
pub async fn managed_expo(ctx: &crate::state::Ctx) -> Result<String, crate::AppError> {
    ctx.session
        .as_ref()
        .ok_or(crate::AppError::Unauthenticated)?;
    // The expo chosen in the console, when the person organizes it (memberships name only
    // existing expos); otherwise the public one.
    if let Some(chosen) = ctx.client.console_expo.as_deref() {
        let action = domain::authz::Action::ManageExpo { expo_id: chosen };
        if domain::authz::authorize(ctx.actor(), action).is_ok() {
            return Ok(chosen.to_owned());
        }
    }
    let expo = db::expo::current_expo(&ctx.state.db)
        .await?
        .ok_or(crate::AppError::NotFound)?;
    match domain::authz::authorize(
        ctx.actor(),
        domain::authz::Action::ManageExpo { expo_id: &expo.id },
    ) {
        Ok(()) => Ok(expo.id),
        Err(denied) => ctx
            .actor()
            .and_then(|a| a.first_organized())
            .map(str::to_owned)
            .ok_or_else(|| denied.into()),
    }
}

/// Appends a successful console action to the audit log (a failure to append is logged, not
/// returned: the action itself has happened).
#[cfg(feature = "ssr")]
pub async fn audit(ctx: &crate::state::Ctx, action: &str, object: &str) {
    let entry = db::audit::AuditEntry {
        actor_id: ctx.session.as_ref().map(|s| s.user.id.as_str()),
        action,
        object,
        result: "ok",
        source_ip: &ctx.client.ip,
    };
    if let Err(e) = db::audit::append(&ctx.state.db, &entry, db::now_millis()).await {
        tracing::error!(error = %e, "audit append failed");
    }
}
