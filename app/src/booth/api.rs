//! Booth server functions.

use crate::AppError;
use domain::product::ExhibitorDetail;
use leptos::prelude::*;

/// An exhibitor's booth page.
#[server(prefix = "/api", endpoint = "booth/get")]
pub async fn get_booth(exhibitor_id: String) -> Result<ExhibitorDetail, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        domain::authz::authorize(ctx.actor(), domain::authz::Action::ViewPublic)?;
        if !domain::text::is_id(&exhibitor_id) {
            return Err(AppError::NotFound);
        }
        db::hall::exhibitor_detail(&ctx.state.db, &exhibitor_id)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(crate::error::with_status)
}

/// Whether the signed-in user may edit this exhibitor's booth (`false` for visitors who are
/// not signed in).
#[server(prefix = "/api", endpoint = "booth/can-edit")]
pub async fn can_edit_booth(exhibitor_id: String) -> Result<bool, AppError> {
    let ctx = crate::state::ctx()?;
    if !domain::text::is_id(&exhibitor_id) {
        return Ok(false);
    }
    let Some(expo_id) = db::media::exhibitor_expo(&ctx.state.db, &exhibitor_id).await? else {
        return Ok(false);
    };
    let action = domain::authz::Action::EditBooth {
        expo_id: &expo_id,
        exhibitor_id: &exhibitor_id,
    };
    Ok(domain::authz::authorize(ctx.actor(), action).is_ok())
}

/// The booth's "about" text in one language, as the editor shows it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AboutInput {
    /// The exhibitor.
    pub exhibitor_id: String,
    /// Language tag of the text.
    pub language: String,
    /// The text.
    pub text: String,
}

/// Saves the booth's "about" text in one language (booth team and organizers only).
#[server(prefix = "/api", endpoint = "booth/save-about")]
pub async fn save_booth_about(input: AboutInput) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        if !domain::text::is_id(&input.exhibitor_id) {
            return Err(AppError::NotFound);
        }
        authorize_booth(&ctx, &input.exhibitor_id).await?;
        let locale = domain::Locale::parse(&input.language).ok_or_else(|| {
            AppError::Validation(vec![domain::FieldError::new(
                "language",
                "error-language-invalid",
            )])
        })?;
        if input.text.chars().count() > domain::text::LONG_TEXT_MAX_CHARS
            || input
                .text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
        {
            return Err(AppError::Validation(vec![domain::FieldError::new(
                "text",
                "error-text-too-long",
            )]));
        }
        let mut about = db::expo::exhibitor_about(&ctx.state.db, &input.exhibitor_id)
            .await?
            .ok_or(AppError::NotFound)?;
        about.set(locale, input.text.trim());
        db::expo::set_exhibitor_about(&ctx.state.db, &input.exhibitor_id, &about).await?;
        record_change(&ctx, "booth.about", &input.exhibitor_id).await;
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// How ready the booth is (its team and the organizers).
#[server(prefix = "/api", endpoint = "booth/readiness")]
pub async fn booth_readiness(
    exhibitor_id: String,
) -> Result<domain::directory::Readiness, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        authorize_booth(&ctx, &exhibitor_id).await?;
        db::directory::readiness(&ctx.state.db, &exhibitor_id)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(crate::error::with_status)
}

/// Refuses unless the signed-in user may edit the exhibitor's booth (unknown exhibitor: 404).
#[cfg(feature = "ssr")]
pub(crate) async fn authorize_booth(
    ctx: &crate::state::Ctx,
    exhibitor_id: &str,
) -> Result<(), AppError> {
    if !domain::text::is_id(exhibitor_id) {
        return Err(AppError::NotFound);
    }
    let expo_id = db::media::exhibitor_expo(&ctx.state.db, exhibitor_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let action = domain::authz::Action::EditBooth {
        expo_id: &expo_id,
        exhibitor_id,
    };
    domain::authz::authorize(ctx.actor(), action)?;
    Ok(())
}

/// Records a successful booth change: public pages are rendered afresh, and the audit log gets
/// an entry (a failure to append is logged, not returned).
#[cfg(feature = "ssr")]
pub(crate) async fn record_change(ctx: &crate::state::Ctx, action: &str, object: &str) {
    ctx.state.content_changed();
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

/// The media row, after checking that the user may edit its booth.
#[cfg(feature = "ssr")]
async fn editable_media(
    ctx: &crate::state::Ctx,
    media_id: &str,
) -> Result<db::media::MediaRecord, AppError> {
    if !domain::text::is_id(media_id) {
        return Err(AppError::NotFound);
    }
    let record = db::media::get(&ctx.state.db, media_id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize_booth(ctx, &record.exhibitor_id).await?;
    Ok(record)
}

/// Removes an upload from its booth or product (the bytes are swept from the store later).
#[server(prefix = "/api", endpoint = "media/delete")]
pub async fn delete_media(media_id: String) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        editable_media(&ctx, &media_id).await?;
        db::media::delete(&ctx.state.db, &media_id).await?;
        record_change(&ctx, "media.delete", &media_id).await;
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// Moves an upload one place earlier (or later) in its gallery.
#[server(prefix = "/api", endpoint = "media/move")]
pub async fn move_media(media_id: String, earlier: bool) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        editable_media(&ctx, &media_id).await?;
        if db::media::move_one(&ctx.state.db, &media_id, earlier).await? {
            record_change(&ctx, "media.move", &media_id).await;
        }
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}
