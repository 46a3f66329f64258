//! `/buyer`: a visitor registers as a professional buyer (company, role, purchasing interests,
//! volume, source countries), keeps optional contact details with a consent choice, and sees
//! whether the organizer verified them. The form works without JavaScript.

use super::api::{my_buyer_profile, SaveBuyerProfile};
use crate::directory::directory_page::countries;
use crate::shell::i18n::use_i18n;
use crate::ui::form_alert::FormAlert;
use crate::ui::text_field::TextField;
use crate::AppError;
use domain::buyer::{BuyerProfile, Volume};
use leptos::prelude::*;
use leptos_meta::Title;

/// The verified badge beside a buyer's name.
#[component]
pub fn VerifiedBadge(verified: bool) -> impl IntoView {
    let i18n = use_i18n();
    verified.then(|| {
        view! {
            <span class="badge badge-verified" data-verified="yes">
                <span aria-hidden="true">"✓ "</span>{i18n.t("buyer-verified")}
            </span>
        }
    })
}

/// The form, filled from the saved profile.
#[component]
fn BuyerForm(profile: Option<BuyerProfile>, save: ServerAction<SaveBuyerProfile>) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let saved = move || matches!(save.value().get(), Some(Ok(_)));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let f = profile.map(|p| p.form);
    let interests = f.as_ref().map(|f| f.interests.clone()).unwrap_or_default();
    let chosen_countries = f.as_ref().map(|f| f.countries.clone()).unwrap_or_default();
    let volume = f.as_ref().map(|f| f.volume);
    let consent = f.as_ref().is_some_and(|f| f.consent);
    let interests_error = field("interests");
    let volume_error = field("volume");
    let countries_error = field("countries");
    view! {
        <ActionForm action=save attr:class="buyer-form" attr:novalidate=true>
            <FormAlert error=error />
            <div class="form-grid">
                <TextField name="input[company]" id="buyer-company" label=i18n.t("apply-company") required=true
                    autocomplete="organization" value=f.as_ref().map(|f| f.company.clone()).unwrap_or_default()
                    error=field("company") />
                <TextField name="input[job_role]" id="buyer-role" label=i18n.t("buyer-job-role") required=true
                    autocomplete="organization-title" hint=i18n.t("buyer-job-role-hint")
                    value=f.as_ref().map(|f| f.job_role.clone()).unwrap_or_default() error=field("job_role") />
            </div>
            <fieldset class="field-row apply-industries" aria-describedby="buyer-interests-error">
                <legend>{i18n.t("buyer-interests")}</legend>
                {domain::expo::INDUSTRIES.into_iter().map(|key| {
                    let id = format!("buyer-interest-{key}");
                    let checked = interests.iter().any(|i| i == key);
                    view! {
                        <label class="check" for=id.clone()>
                            <input type="checkbox" id=id.clone() name="input[interests][]" value=key checked=checked />
                            {i18n.t(&format!("industry-{key}"))}
                        </label>
                    }
                }).collect_view()}
                <p class="field-error" id="buyer-interests-error" aria-live="polite">{move || interests_error.get().map(|m| i18n.t(&m))}</p>
            </fieldset>
            <div class="form-grid">
                <div class="field" class:field-invalid=move || volume_error.get().is_some()>
                    <label for="buyer-volume">{i18n.t("buyer-volume")}</label>
                    <select id="buyer-volume" name="input[volume]" aria-describedby="buyer-volume-error">
                        <option value="">{i18n.t("apply-choose")}</option>
                        {Volume::ALL.into_iter().map(|v| view! {
                            <option value=v.as_str() selected=volume == Some(v)>{i18n.t(v.message_id())}</option>
                        }).collect_view()}
                    </select>
                    <p class="field-error" id="buyer-volume-error" aria-live="polite">{move || volume_error.get().map(|m| i18n.t(&m))}</p>
                </div>
                <div class="field" class:field-invalid=move || countries_error.get().is_some()>
                    <label for="buyer-countries">{i18n.t("buyer-countries")}</label>
                    <select id="buyer-countries" name="input[countries][]" multiple=true size="6"
                        aria-describedby="buyer-countries-hint buyer-countries-error">
                        {countries(i18n).into_iter().map(|(name, code)| {
                            let selected = chosen_countries.iter().any(|c| c == code);
                            view! { <option value=code selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                    <p class="field-hint" id="buyer-countries-hint">{i18n.t("buyer-countries-hint")}</p>
                    <p class="field-error" id="buyer-countries-error" aria-live="polite">{move || countries_error.get().map(|m| i18n.t(&m))}</p>
                </div>
            </div>
            <fieldset class="buyer-contact">
                <legend>{i18n.t("buyer-contact")}</legend>
                <p class="muted">{i18n.t("buyer-contact-lead")}</p>
                <div class="form-grid">
                    <TextField name="input[phone]" id="buyer-phone" label=i18n.t("buyer-phone") kind="tel"
                        autocomplete="tel" value=f.as_ref().map(|f| f.phone.clone()).unwrap_or_default() error=field("phone") />
                    <TextField name="input[wechat]" id="buyer-wechat" label=i18n.t("buyer-wechat")
                        hint=i18n.t("buyer-wechat-hint")
                        value=f.as_ref().map(|f| f.wechat.clone()).unwrap_or_default() error=field("wechat") />
                </div>
                <label class="check" for="buyer-consent">
                    <input type="checkbox" id="buyer-consent" name="input[consent]" value="on" checked=consent />
                    {i18n.t("buyer-consent")}
                </label>
            </fieldset>
            <p>
                <button type="submit" class="btn btn-primary">{i18n.t("buyer-save")}</button>
                " "
                <span class="save-status" role="status">{move || saved().then(|| i18n.t("buyer-saved"))}</span>
            </p>
        </ActionForm>
    }
}

/// The buyer profile page.
#[component]
pub fn BuyerPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveBuyerProfile>::new();
    let mine = Resource::new(move || save.version().get(), |_| my_buyer_profile());
    view! {
        <Title text=i18n.t("buyer-title") />
        <section class="page apply-page buyer-page">
            <h1>{i18n.t("buyer-title")}</h1>
            <p class="lead">{i18n.t("buyer-lead")}</p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match mine.await {
                        Err(AppError::Unauthenticated) => view! {
                            <p>{i18n.t("buyer-sign-in")}</p>
                            <p>
                                <a class="btn btn-primary" href="/register">{i18n.t("nav-register")}</a>
                                " "
                                <a class="btn" href="/login?next=%2Fbuyer">{i18n.t("nav-login")}</a>
                            </p>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                        Ok(profile) => {
                            let status = profile.as_ref().map(|p| (p.verified(), p.form.company.clone()));
                            view! {
                                {status.map(|(verified, company)| view! {
                                    <section class="card apply-status" aria-labelledby="buyer-status-heading">
                                        <h2 id="buyer-status-heading">{company}</h2>
                                        <p>
                                            <VerifiedBadge verified />
                                            {(!verified).then(|| view! {
                                                <span class="badge badge-muted" data-verified="no">{i18n.t("buyer-waiting")}</span>
                                            })}
                                        </p>
                                        <p>{i18n.t(if verified { "buyer-explain-verified" } else { "buyer-explain-waiting" })}</p>
                                    </section>
                                })}
                                <BuyerForm profile save />
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}
