//! Server functions of invitation links.

use crate::AppError;
use domain::invitation::InvitationStats;
use leptos::prelude::*;

/// The expo's invitation links and what each brought (organizers).
#[server(prefix = "/api", endpoint = "invitation/list")]
pub async fn list_invitations() -> Result<Vec<InvitationStats>, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        let expo_id = crate::console::managed_expo(&ctx).await?;
        Ok(db::invitation::stats(&ctx.state.db, &expo_id).await?)
    }
    .await
    .map_err(crate::error::with_status)
}

/// Makes an invitation link for a source tag; returns its code.
#[server(prefix = "/api", endpoint = "invitation/create")]
pub async fn create_invitation(source: String) -> Result<String, AppError> {
    async {
        use rand::RngCore;
        let ctx = crate::state::ctx()?;
        let expo_id = crate::console::managed_expo(&ctx).await?;
        let source =
            domain::invitation::parse_source(&source).map_err(|e| AppError::Validation(vec![e]))?;
        let user = ctx
            .session
            .as_ref()
            .map(|s| s.user.id.clone())
            .unwrap_or_default();
        for _ in 0..3 {
            let mut random = [0u8; 12];
            rand::thread_rng().fill_bytes(&mut random);
            let code = domain::invitation::new_code(random);
            match db::invitation::insert(
                &ctx.state.db,
                &db::new_id(),
                &expo_id,
                &code,
                &source,
                &user,
                db::now_millis(),
            )
            .await
            {
                Ok(()) => return Ok(code),
                Err(db::Error::Unique) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(AppError::Conflict("error-conflict".into()))
    }
    .await
    .map_err(crate::error::with_status)
}
