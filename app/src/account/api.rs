//! Account server functions. Each builds the request context and calls the service.

use crate::AppError;
use domain::account::{RegistrationForm, UserProfile};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The sign-in form.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct LoginInput {
    /// E-mail address.
    pub email: String,
    /// Password.
    pub password: String,
    /// Where to go afterwards (a same-site path).
    #[serde(default)]
    pub next: String,
}

/// Signs in and sets the session and language cookies.
#[server(prefix = "/api", endpoint = "account/login")]
pub async fn login(input: LoginInput) -> Result<(), AppError> {
    let ctx = crate::state::ctx()?;
    let (user, session) = super::service::login(&ctx, &input.email, &input.password)
        .await
        .map_err(crate::error::with_status)?;
    ssr::set_session_cookies(&ctx, &session.token, session.max_age_secs, user.language);
    leptos_axum::redirect(&super::safe_next(&input.next));
    Ok(())
}

/// Registers, signs in and sets the cookies.
#[server(prefix = "/api", endpoint = "account/register")]
pub async fn register(input: RegistrationForm) -> Result<(), AppError> {
    let ctx = crate::state::ctx()?;
    let (user, session) = super::service::register(&ctx, &input)
        .await
        .map_err(crate::error::with_status)?;
    ssr::set_session_cookies(&ctx, &session.token, session.max_age_secs, user.language);
    leptos_axum::redirect("/");
    Ok(())
}

/// Signs out.
#[server(prefix = "/api", endpoint = "account/logout")]
pub async fn logout() -> Result<(), AppError> {
    let ctx = crate::state::ctx()?;
    super::service::logout(&ctx)
        .await
        .map_err(crate::error::with_status)?;
    ssr::append_cookie(&super::session::clear_session_cookie(ctx.secure_cookies()));
    leptos_axum::redirect("/");
    Ok(())
}

/// The signed-in user, or `None`.
#[server(prefix = "/api", endpoint = "account/me")]
pub async fn current_user() -> Result<Option<UserProfile>, AppError> {
    let ctx = crate::state::ctx()?;
    Ok(ctx.session.map(|s| s.user))
}

/// The "forgot your password" form.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ForgotInput {
    /// E-mail address of the account.
    #[serde(default)]
    pub email: String,
}

/// Sends a password reset link if an account has this e-mail (the answer does not say).
#[server(prefix = "/api", endpoint = "account/forgot")]
pub async fn forgot_password(input: ForgotInput) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        // Never the request's Host: a forged one would send the token to another site.
        let origin = ctx.state.mail_origin();
        super::service::request_reset(&ctx, &input.email, &origin).await?;
        leptos_axum::redirect("/forgot-password?sent=1");
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

/// Whether a password reset link can still be used.
#[server(prefix = "/api", endpoint = "account/reset-link")]
pub async fn reset_link_usable(token: String) -> Result<bool, AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::reset_link_usable(&ctx, &token).await
    }
    .await
    .map_err(crate::error::with_status)
}

/// Sets a new password from a reset link, then sends the person to sign in with it.
#[server(prefix = "/api", endpoint = "account/reset")]
pub async fn reset_password(input: domain::account::PasswordResetForm) -> Result<(), AppError> {
    async {
        let ctx = crate::state::ctx()?;
        super::service::reset_password(&ctx, &input).await?;
        leptos_axum::redirect("/login?reset=done");
        Ok(())
    }
    .await
    .map_err(crate::error::with_status)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::state::Ctx;
    use domain::Locale;
    use http::{header, HeaderValue};
    use leptos::prelude::*;
    use leptos_axum::ResponseOptions;

    /// Adds a `Set-Cookie` header to the response.
    pub fn append_cookie(cookie: &str) {
        if let (Some(resp), Ok(value)) = (
            use_context::<ResponseOptions>(),
            HeaderValue::from_str(cookie),
        ) {
            resp.append_header(header::SET_COOKIE, value);
        }
    }

    /// Sets the session cookie and the language cookie (the account's preference).
    pub fn set_session_cookies(ctx: &Ctx, token: &str, max_age_secs: i64, language: Locale) {
        let secure = ctx.secure_cookies();
        append_cookie(&super::super::session::session_cookie(
            token,
            max_age_secs,
            secure,
        ));
        append_cookie(&super::super::session::lang_cookie(language.tag(), secure));
    }
}
