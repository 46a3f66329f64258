//! The registration page.

use super::api::Register;
use super::AuthVersion;
use crate::shell::i18n::use_i18n;
use crate::ui::form_alert::FormAlert;
use crate::ui::text_field::TextField;
use domain::account::{COUNTRIES, PASSWORD_MIN_CHARS};
use domain::Locale;
use leptos::prelude::*;
use leptos_meta::Title;

/// The Fluent id of a country's name (`country-cn`).
pub fn country_message_id(code: &str) -> String {
    format!("country-{}", code.to_ascii_lowercase())
}

/// `/register`: e-mail, password, name, company, country, preferred language.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Register>::new();
    let auth = use_context::<AuthVersion>();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(auth)) = (action.value().get(), auth) {
            auth.0.update(|v| *v += 1);
        }
    });
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let mut countries: Vec<(String, &str)> = COUNTRIES
        .iter()
        .map(|c| (i18n.t(&country_message_id(c)), *c))
        .collect();
    countries.sort();
    let default_country = if i18n.locale == Locale::ZhCn {
        "CN"
    } else {
        ""
    };
    let country_error = field("country");
    let language_error = field("language");
    view! {
        <Title text=i18n.t("register-title") />
        <section class="auth-card auth-card-wide">
            <h1>{i18n.t("register-title")}</h1>
            <p class="lead">{i18n.t("register-lead")}</p>
            <ActionForm action=action attr:novalidate=true>
                <FormAlert error=error />
                <div class="form-grid">
                    <TextField
                        name="input[email]"
                        id="register-email"
                        label=i18n.t("account-email-label")
                        kind="email"
                        autocomplete="email"
                        required=true
                        error=field("email")
                    />
                    <TextField
                        name="input[password]"
                        id="register-password"
                        label=i18n.t("account-password-label")
                        kind="password"
                        autocomplete="new-password"
                        required=true
                        hint=i18n.t_args(
                            "register-password-hint",
                            vec![("min", crate::shell::i18n::Arg::Num(PASSWORD_MIN_CHARS as i64))],
                        )
                        error=field("password")
                    />
                    <TextField
                        name="input[display_name]"
                        id="register-display-name"
                        label=i18n.t("register-display-name-label")
                        autocomplete="name"
                        required=true
                        error=field("display_name")
                    />
                    <TextField
                        name="input[company]"
                        id="register-company"
                        label=i18n.t("register-company-label")
                        autocomplete="organization"
                        error=field("company")
                    />
                    <div class="field" class:field-invalid=move || country_error.get().is_some()>
                        <label for="register-country">{i18n.t("register-country-label")}</label>
                        <select id="register-country" name="input[country]" required=true
                            aria-describedby="register-country-error">
                            <option value="" selected=default_country.is_empty()>{i18n.t("register-country-choose")}</option>
                            {countries
                                .into_iter()
                                .map(|(name, code)| {
                                    view! { <option value=code selected=code == default_country>{name}</option> }
                                })
                                .collect_view()}
                        </select>
                        <p class="field-error" id="register-country-error" aria-live="polite">
                            {move || country_error.get().map(|m| i18n.t(&m))}
                        </p>
                    </div>
                    <div class="field" class:field-invalid=move || language_error.get().is_some()>
                        <label for="register-language">{i18n.t("register-language-label")}</label>
                        <select id="register-language" name="input[language]" aria-describedby="register-language-error">
                            {Locale::ALL
                                .into_iter()
                                .map(|l| {
                                    view! {
                                        <option value=l.tag() lang=l.tag() selected=l == i18n.locale>{l.endonym()}</option>
                                    }
                                })
                                .collect_view()}
                        </select>
                        <p class="field-error" id="register-language-error" aria-live="polite">
                            {move || language_error.get().map(|m| i18n.t(&m))}
                        </p>
                    </div>
                </div>
                <button type="submit" class="btn btn-primary btn-block" disabled=move || action.pending().get()>
                    {i18n.t("register-submit")}
                </button>
            </ActionForm>
            <p class="auth-switch">
                {i18n.t("register-have-account")} " " <a href="/login">{i18n.t("register-login-link")}</a>
            </p>
        </section>
    }
}
