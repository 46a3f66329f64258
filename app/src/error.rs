//! The error every server function returns. It crosses the wire as JSON; database and internal
//! error text never does (it is logged once, with the incident id the user sees).

use domain::FieldError;
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

/// What went wrong, in terms a page can explain in the user's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The action needs a signed-in user.
    #[error("unauthenticated")]
    Unauthenticated,
    /// Signed in, but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// The thing asked for does not exist (or is not visible to the user).
    #[error("not found")]
    NotFound,
    /// Some fields are invalid; each carries a Fluent message id.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// The request conflicts with existing data; the Fluent message id says how.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Too many attempts; retry after this many seconds.
    #[error("rate limited")]
    RateLimited {
        /// Seconds to wait.
        retry_after_secs: u64,
    },
    /// The platform is in maintenance mode.
    #[error("read only")]
    ReadOnly,
    /// Something failed on the server; the id finds it in the logs.
    #[error("internal error {incident}")]
    Internal {
        /// Incident id shown to the user and logged with the cause.
        incident: String,
    },
    /// The request could not reach the server or its answer was unreadable.
    #[error("transport: {0}")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::Validation(vec![FieldError::new("request", "error-request-malformed")])
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

impl AppError {
    /// The Fluent message id of the error as a whole.
    pub fn message_id(&self) -> &'static str {
        match self {
            AppError::Unauthenticated => "error-unauthenticated",
            AppError::Forbidden => "error-forbidden",
            AppError::NotFound => "error-not-found",
            AppError::Validation(_) => "error-validation",
            AppError::Conflict(_) => "error-conflict",
            AppError::RateLimited { .. } => "error-rate-limited",
            AppError::ReadOnly => "error-read-only",
            AppError::Internal { .. } => "error-internal",
            AppError::Transport(_) => "error-transport",
        }
    }

    /// The message id of the error for one form field, if it names that field.
    pub fn field(&self, field: &str) -> Option<String> {
        match self {
            AppError::Validation(errors) => errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message_id.clone()),
            _ => None,
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Logs `cause` with a fresh incident id and returns the error the user sees.
    pub fn internal(cause: impl std::fmt::Display) -> AppError {
        let incident = uuid::Uuid::now_v7().simple().to_string()[20..].to_owned();
        tracing::error!(%incident, error = %cause, "internal error");
        AppError::Internal { incident }
    }
}

#[cfg(feature = "ssr")]
impl From<db::Error> for AppError {
    fn from(e: db::Error) -> Self {
        AppError::internal(e)
    }
}

#[cfg(feature = "ssr")]
impl From<domain::authz::Denied> for AppError {
    fn from(d: domain::authz::Denied) -> Self {
        match d {
            domain::authz::Denied::Unauthenticated => AppError::Unauthenticated,
            domain::authz::Denied::Forbidden => AppError::Forbidden,
        }
    }
}

/// True for a plain HTML form post (JavaScript off): Leptos answers it with a redirect back to
/// the form carrying the error, which a non-redirect status would break.
#[cfg(feature = "ssr")]
fn plain_form_post() -> bool {
    use leptos::prelude::use_context;
    use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|a| a.contains("text/html"))
        })
        .unwrap_or(false)
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The HTTP status that matches the error (server functions and plain handlers alike).
    pub fn status_code(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::ReadOnly => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal { .. } | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Gives the response the HTTP status that matches the error (and `Retry-After`); server
/// functions map their errors through it.
#[cfg(feature = "ssr")]
pub fn with_status(e: AppError) -> AppError {
    use http::{header, HeaderValue};
    use leptos::prelude::use_context;
    use leptos_axum::ResponseOptions;
    if plain_form_post() {
        return e;
    }
    if let Some(resp) = use_context::<ResponseOptions>() {
        if let AppError::RateLimited { retry_after_secs } = &e {
            if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                resp.insert_header(header::RETRY_AFTER, v);
            }
        }
        resp.set_status(e.status_code());
    }
    e
}
