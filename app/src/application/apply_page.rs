//! `/apply`: a company applies to exhibit, follows its application, changes it when the
//! organizers ask, or takes it back. Every form works without JavaScript.

use super::api::{my_application, ResubmitApplication, SubmitApplication, WithdrawApplication};
use crate::account::register_page::country_message_id;
use crate::shell::i18n::use_i18n;
use crate::ui::form_alert::FormAlert;
use crate::ui::text_field::TextField;
use crate::AppError;
use domain::account::COUNTRIES;
use domain::application::{Application, ApplicationForm, ApplicationStatus};
use leptos::prelude::*;
use leptos_meta::Title;

/// The fields of the application form, named `input[…]`, filled from `prefill`.
#[component]
pub fn ApplicationFields(
    prefill: Option<ApplicationForm>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let field_error =
        move |field: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(field)));
    let p = prefill.unwrap_or_else(|| ApplicationForm {
        company: String::new(),
        country: if i18n.locale == domain::Locale::ZhCn {
            "CN".into()
        } else {
            String::new()
        },
        industries: Vec::new(),
        license_no: String::new(),
        product_summary: String::new(),
        contact_name: String::new(),
        contact_email: String::new(),
        contact_phone: String::new(),
        website: String::new(),
    });
    let mut countries: Vec<(String, &str)> = COUNTRIES
        .iter()
        .map(|c| (i18n.t(&country_message_id(c)), *c))
        .collect();
    countries.sort();
    let industries_error = field_error("industries");
    let country_error = field_error("country");
    let summary_error = field_error("product_summary");
    view! {
        <TextField name="input[company]" id="apply-company" label=i18n.t("apply-company") required=true
            autocomplete="organization" value=p.company.clone() error=field_error("company") />
        <div class="field" class:field-invalid=move || country_error.get().is_some()>
            <label for="apply-country">{i18n.t("apply-country")}</label>
            <select id="apply-country" name="input[country]" aria-describedby="apply-country-error">
                <option value="">{i18n.t("apply-choose")}</option>
                {countries.into_iter().map(|(name, code)| {
                    let selected = p.country == code;
                    view! { <option value=code selected=selected>{name}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id="apply-country-error" aria-live="polite">{move || country_error.get().map(|m| i18n.t(&m))}</p>
        </div>
        <fieldset class="field-row apply-industries" aria-describedby="apply-industries-error">
            <legend>{i18n.t("apply-industries")}</legend>
            {domain::expo::INDUSTRIES.into_iter().map(|key| {
                let id = format!("apply-industry-{key}");
                let checked = p.industries.iter().any(|i| i == key);
                view! {
                    <label class="check" for=id.clone()>
                        <input type="checkbox" id=id.clone() name="input[industries][]" value=key checked=checked />
                        {i18n.t(&format!("industry-{key}"))}
                    </label>
                }
            }).collect_view()}
            <p class="field-error" id="apply-industries-error" aria-live="polite">{move || industries_error.get().map(|m| i18n.t(&m))}</p>
        </fieldset>
        <TextField name="input[license_no]" id="apply-license" label=i18n.t("apply-license") required=true
            hint=i18n.t("apply-license-hint") value=p.license_no.clone() error=field_error("license_no") />
        <div class="field" class:field-invalid=move || summary_error.get().is_some()>
            <label for="apply-summary">{i18n.t("apply-summary")}</label>
            <textarea id="apply-summary" name="input[product_summary]" rows="5"
                maxlength=domain::application::MAX_LONG.to_string() required=true
                aria-describedby="apply-summary-error">{crate::ui::textarea_text(&p.product_summary)}</textarea>
            <p class="field-error" id="apply-summary-error" aria-live="polite">{move || summary_error.get().map(|m| i18n.t(&m))}</p>
        </div>
        <fieldset class="field-row">
            <legend>{i18n.t("apply-contact")}</legend>
            <TextField name="input[contact_name]" id="apply-contact-name" label=i18n.t("apply-contact-name") required=true
                autocomplete="name" value=p.contact_name.clone() error=field_error("contact_name") />
            <TextField name="input[contact_email]" id="apply-contact-email" label=i18n.t("apply-contact-email") kind="email" required=true
                autocomplete="email" value=p.contact_email.clone() error=field_error("contact_email") />
            <TextField name="input[contact_phone]" id="apply-contact-phone" label=i18n.t("apply-contact-phone") kind="tel" required=true
                autocomplete="tel" value=p.contact_phone.clone() error=field_error("contact_phone") />
        </fieldset>
        <TextField name="input[website]" id="apply-website" label=i18n.t("apply-website") kind="url"
            autocomplete="url" value=p.website.clone() error=field_error("website") />
    }
}

/// Where the application stands, with the organizer's reason.
#[component]
fn StatusCard(application: Application) -> impl IntoView {
    let i18n = use_i18n();
    let status = application.status;
    view! {
        <section class="card apply-status" aria-labelledby="apply-status-heading">
            <h2 id="apply-status-heading">{application.form.company.clone()}</h2>
            <p>
                <span class=format!("badge status-{}", status.as_str()) data-status=status.as_str()>{i18n.t(status.message_id())}</span>
                " "
                <span class="muted">{i18n.utc(application.updated_at)}</span>
            </p>
            <p>{i18n.t(match status {
                ApplicationStatus::Submitted => "apply-explain-submitted",
                ApplicationStatus::ChangesRequested => "apply-explain-changes",
                ApplicationStatus::Approved => "apply-explain-approved",
                ApplicationStatus::Rejected => "apply-explain-rejected",
                ApplicationStatus::Withdrawn => "apply-explain-withdrawn",
            })}</p>
            {application.reason.clone().map(|r| view! {
                <blockquote class="apply-reason"><p>{r}</p></blockquote>
            })}
            <super::documents::Documents application_id=application.id.clone() can_attach=status.is_open() />
            {application.exhibitor_id.clone().map(|id| view! {
                <p>
                    {application.booth_code.clone().map(|c| view! { <span class="badge">{c}</span> " " })}
                    <a class="btn btn-primary" href=format!("/exhibitors/{id}/edit")>{i18n.t("apply-open-booth")}</a>
                </p>
            })}
        </section>
    }
}

/// The application page.
#[component]
pub fn ApplyPage() -> impl IntoView {
    let i18n = use_i18n();
    let submit = ServerAction::<SubmitApplication>::new();
    let resubmit = ServerAction::<ResubmitApplication>::new();
    let withdraw = ServerAction::<WithdrawApplication>::new();
    let mine = Resource::new(
        move || {
            (
                submit.version().get(),
                resubmit.version().get(),
                withdraw.version().get(),
            )
        },
        |_| my_application(),
    );
    let submit_error = Signal::derive(move || submit.value().get().and_then(Result::err));
    let resubmit_error = Signal::derive(move || resubmit.value().get().and_then(Result::err));
    let withdraw_error = Signal::derive(move || withdraw.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t("apply-title") />
        <section class="page apply-page">
            <h1>{i18n.t("apply-title")}</h1>
            <p class="lead">{i18n.t("apply-lead")}</p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match mine.await {
                        Err(AppError::Unauthenticated) => view! {
                            <p>{i18n.t("apply-sign-in")}</p>
                            <p>
                                <a class="btn btn-primary" href="/register">{i18n.t("nav-register")}</a>
                                " "
                                <a class="btn" href="/login?next=%2Fapply">{i18n.t("nav-login")}</a>
                            </p>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                        Ok(current) => {
                            let status = current.as_ref().map(|a| a.status);
                            let card = current.clone().map(|a| view! { <StatusCard application=a /> });
                            let id = current.as_ref().map(|a| a.id.clone()).unwrap_or_default();
                            let withdraw_id = id.clone();
                            let form = match status {
                                Some(ApplicationStatus::ChangesRequested) => {
                                    let prefill = current.map(|a| a.form);
                                    view! {
                                        <ActionForm action=resubmit attr:class="apply-form" attr:novalidate=true>
                                            <h2>{i18n.t("apply-change-heading")}</h2>
                                            <FormAlert error=resubmit_error />
                                            <input type="hidden" name="id" value=id.clone() />
                                            <ApplicationFields prefill error=resubmit_error />
                                            <button type="submit" class="btn btn-primary">{i18n.t("apply-resubmit")}</button>
                                        </ActionForm>
                                    }.into_any()
                                }
                                Some(ApplicationStatus::Submitted) | Some(ApplicationStatus::Approved) => ().into_any(),
                                _ => {
                                    // New, or after a refusal or withdrawal: a fresh form.
                                    view! {
                                        <ActionForm action=submit attr:class="apply-form" attr:novalidate=true>
                                            <FormAlert error=submit_error />
                                            <ApplicationFields prefill=None error=submit_error />
                                            <button type="submit" class="btn btn-primary">{i18n.t("apply-submit")}</button>
                                        </ActionForm>
                                    }.into_any()
                                }
                            };
                            let can_withdraw = status.is_some_and(|s| s.is_open());
                            view! {
                                {card}
                                {form}
                                {can_withdraw.then(|| view! {
                                    <ActionForm action=withdraw attr:class="apply-withdraw">
                                        <FormAlert error=withdraw_error />
                                        <input type="hidden" name="id" value=withdraw_id.clone() />
                                        <button type="submit" class="btn btn-ghost btn-danger">{i18n.t("apply-withdraw")}</button>
                                    </ActionForm>
                                })}
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}
