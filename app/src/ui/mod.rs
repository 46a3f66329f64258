//! Design-system primitives shared by every capability: form fields, alerts.

pub mod form_alert;
pub mod local_time;
pub mod other_languages;
pub mod share;
pub mod text_field;
pub mod texts_fields;
pub mod viewers;

use crate::shell::i18n::{Arg, I18n};
use crate::AppError;

/// The sentence that explains an error to the user, in their language.
pub fn error_text(i18n: &I18n, e: &AppError) -> String {
    match e {
        AppError::RateLimited { retry_after_secs } => i18n.t_args(
            "error-rate-limited",
            vec![(
                "seconds",
                Arg::Num(i64::try_from(*retry_after_secs).unwrap_or(i64::MAX)),
            )],
        ),
        AppError::Internal { incident } => i18n.t_args(
            "error-internal",
            vec![("incident", Arg::Str(incident.clone()))],
        ),
        AppError::Validation(errors) => match errors
            .iter()
            .find(|f| matches!(f.field.as_str(), "form" | "request" | "draft" | "answers"))
        {
            Some(f) => i18n.t(&f.message_id),
            None => i18n.t(e.message_id()),
        },
        // A conflict names its own explanation.
        AppError::Conflict(id) if !id.is_empty() => i18n.t(id),
        other => i18n.t(other.message_id()),
    }
}

/// The text to put inside a `<textarea>` as its first value. Leptos writes a textarea's
/// children into server-rendered HTML without escaping them (its content is raw text to HTML),
/// so `</textarea><script>` in someone's text would end the element there; on the server the
/// text is escaped (the browser reads the entities back into the same text), in the browser it
/// is set as it is.
pub fn textarea_text(text: &str) -> String {
    #[cfg(feature = "ssr")]
    {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
        }
        out
    }
    #[cfg(not(feature = "ssr"))]
    {
        text.to_owned()
    }
}
