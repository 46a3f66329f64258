//! The sign-in page.

use super::api::Login;
use super::AuthVersion;
use crate::shell::i18n::use_i18n;
use crate::ui::form_alert::FormAlert;
use crate::ui::text_field::TextField;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/login`: e-mail and password; works before hydration as a plain form post.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Login>::new();
    let auth = use_context::<AuthVersion>();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(auth)) = (action.value().get(), auth) {
            auth.0.update(|v| *v += 1);
        }
    });
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let was_reset = move || query.read().get("reset").as_deref() == Some("done");
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    view! {
        <Title text=i18n.t("login-title") />
        <section class="auth-card">
            <h1>{i18n.t("login-title")}</h1>
            <p class="lead">{i18n.t("login-lead")}</p>
            <Show when=was_reset>
                <p class="alert alert-success" role="status">{i18n.t("reset-done")}</p>
            </Show>
            <ActionForm action=action attr:novalidate=true>
                <FormAlert error=error />
                <TextField
                    name="input[email]"
                    id="login-email"
                    label=i18n.t("account-email-label")
                    kind="email"
                    autocomplete="username"
                    required=true
                    error=field("email")
                />
                <TextField
                    name="input[password]"
                    id="login-password"
                    label=i18n.t("account-password-label")
                    kind="password"
                    autocomplete="current-password"
                    required=true
                    error=field("password")
                />
                <p class="field-aside"><a href="/forgot-password">{i18n.t("login-forgot-link")}</a></p>
                <input type="hidden" name="input[next]" value=next />
                <button type="submit" class="btn btn-primary btn-block" disabled=move || action.pending().get()>
                    {i18n.t("login-submit")}
                </button>
            </ActionForm>
            <p class="auth-switch">
                {i18n.t("login-no-account")} " " <a href="/register">{i18n.t("login-register-link")}</a>
            </p>
        </section>
    }
}
