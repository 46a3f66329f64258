//! `/forgot-password` (ask for a link to choose a new password) and `/reset-password?token=…`
//! (choose it). Both work before hydration as plain form posts.

use super::api::{reset_link_usable, ForgotPassword, ResetPassword};
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use crate::ui::text_field::TextField;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/forgot-password`: the e-mail form, and after it the same answer whether or not an account
/// uses the address.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ForgotPassword>::new();
    let query = use_query_map();
    let sent =
        move || query.read().get("sent").is_some() || matches!(action.value().get(), Some(Ok(())));
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let email_error = Signal::derive(move || error.get().and_then(|e| e.field("email")));
    view! {
        <Title text=i18n.t("forgot-title") />
        <section class="auth-card">
            <h1>{i18n.t("forgot-title")}</h1>
            <Show
                when=sent
                fallback=move || view! {
                    <p class="lead">{i18n.t("forgot-lead")}</p>
                    <ActionForm action=action attr:novalidate=true>
                        <FormAlert error=error />
                        <TextField
                            name="input[email]"
                            id="forgot-email"
                            label=i18n.t("account-email-label")
                            kind="email"
                            autocomplete="username"
                            required=true
                            error=email_error
                        />
                        <button type="submit" class="btn btn-primary btn-block" disabled=move || action.pending().get()>
                            {i18n.t("forgot-submit")}
                        </button>
                    </ActionForm>
                }
            >
                <p class="alert alert-success" role="status">
                    {i18n.t_args("forgot-sent", vec![("minutes", Arg::Num(domain::account::RESET_LINK_MINUTES))])}
                </p>
            </Show>
            <p class="auth-switch"><a href="/login">{i18n.t("forgot-back")}</a></p>
        </section>
    }
}

/// `/reset-password?token=…`: the new password twice; an unusable link says so at once.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ResetPassword>::new();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let usable = Resource::new(token, reset_link_usable);
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    view! {
        <Title text=i18n.t("reset-title") />
        <section class="auth-card">
            <h1>{i18n.t("reset-title")}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match usable.await {
                        Ok(true) => view! {
                            <ActionForm action=action attr:novalidate=true>
                                <FormAlert error=error />
                                <input type="hidden" name="input[token]" value=token />
                                <TextField
                                    name="input[password]"
                                    id="reset-password"
                                    label=i18n.t("reset-password-label")
                                    kind="password"
                                    autocomplete="new-password"
                                    required=true
                                    hint=i18n.t_args("register-password-hint", vec![("min", Arg::Num(domain::account::PASSWORD_MIN_CHARS as i64))])
                                    error=field("password")
                                />
                                <TextField
                                    name="input[confirm]"
                                    id="reset-confirm"
                                    label=i18n.t("reset-confirm-label")
                                    kind="password"
                                    autocomplete="new-password"
                                    required=true
                                    error=field("confirm")
                                />
                                <button type="submit" class="btn btn-primary btn-block" disabled=move || action.pending().get()>
                                    {i18n.t("reset-submit")}
                                </button>
                            </ActionForm>
                        }.into_any(),
                        Ok(false) => view! {
                            <p class="alert alert-error" role="alert">{i18n.t("reset-error-link")}</p>
                            <p><a class="btn btn-primary" href="/forgot-password">{i18n.t("reset-new-link")}</a></p>
                        }.into_any(),
                        Err(e) => view! {
                            <p class="alert alert-error" role="alert">{crate::ui::error_text(&i18n, &e)}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
