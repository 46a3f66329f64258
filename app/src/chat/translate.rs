//! Translating a chat message into its reader's language (clause 3.2.4, "translation services
//! on request"), through whichever provider the platform is configured with. Without one, the
//! conversation offers no translate button. A translation is kept per message and language, so
//! each is asked of the provider once, and forgotten when the message is edited or deleted.

use crate::state::Ctx;
use crate::AppError;
use domain::chat::Translated;
use domain::Locale;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// What a provider answers, some time later.
pub type TranslateFuture<'a> = Pin<Box<dyn Future<Output = Result<String, String>> + Send + 'a>>;

/// A machine translation service.
pub trait Translator: Send + Sync + std::fmt::Debug {
    /// Translates plain text (whatever its language) into `target`; the error says why not,
    /// for the log.
    fn translate<'a>(&'a self, text: &'a str, target: Locale) -> TranslateFuture<'a>;
}

/// How long a provider may take before the reader is told it did not answer.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

/// Translates a message of a conversation the reader is in into their interface language.
pub async fn translate(ctx: &Ctx, message_id: i64) -> Result<Translated, AppError> {
    let session = ctx.session.as_ref().ok_or(AppError::Unauthenticated)?;
    let state = &ctx.state;
    let translator = state
        .translator
        .as_ref()
        .ok_or_else(|| AppError::Conflict("chat-error-translate-off".into()))?;
    let message = db::chat::message_by_id(&state.db, message_id)
        .await?
        .ok_or(AppError::NotFound)?;
    super::service::writable_room(&state.db, session, &message.room_id).await?;
    if message.removed.is_some() {
        return Err(AppError::Conflict("chat-error-removed".into()));
    }
    let locale = ctx.locale;
    if let Some(text) = db::chat::translation(&state.db, message_id, locale.tag()).await? {
        return Ok(Translated {
            message_id,
            locale,
            text,
        });
    }
    super::moderation::throttle(state, session)?;
    let text = match tokio::time::timeout(
        PROVIDER_TIMEOUT,
        translator.translate(&message.text, locale),
    )
    .await
    {
        Ok(Ok(text)) if !text.trim().is_empty() => text,
        Ok(Ok(_)) => {
            tracing::warn!(message_id, "translation provider answered nothing");
            return Err(AppError::Conflict("chat-error-translate-failed".into()));
        }
        Ok(Err(why)) => {
            tracing::warn!(message_id, error = %why, "translation provider failed");
            return Err(AppError::Conflict("chat-error-translate-failed".into()));
        }
        Err(_) => {
            tracing::warn!(message_id, "translation provider timed out");
            return Err(AppError::Conflict("chat-error-translate-failed".into()));
        }
    };
    // The provider's text is shown as text, like every message; kept within a message's size.
    let text: String = text
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .take(domain::chat::MESSAGE_MAX_CHARS * 2)
        .collect();
    db::chat::keep_translation(
        &state.db,
        message_id,
        message.edited_at,
        locale.tag(),
        &text,
        db::now_millis(),
    )
    .await?;
    Ok(Translated {
        message_id,
        locale,
        text,
    })
}
