//! `/dashboard/setup`: the expo's names, dates, time zone and application window; its halls,
//! each with a link to its floor plan editor; and a form to add a hall.

use super::api::{load_setup, AddHall, SaveExpo};
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use crate::ui::texts_fields::TextsFields;
use crate::AppError;
use domain::plan::{SetupView, TIME_ZONES};
use leptos::prelude::*;
use leptos_meta::Title;

/// A date field with its error.
#[component]
pub(crate) fn DateField(
    name: &'static str,
    id: &'static str,
    label: String,
    value: String,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            <input id=id name=name type="date" value=value aria-describedby=error_id.clone() />
            <p class="field-error" id=error_id aria-live="polite">{move || error.get().map(|m| i18n.t(&m))}</p>
        </div>
    }
}

/// The time zone select (`input[time_zone]`).
#[component]
pub(crate) fn TimeZoneField(id: &'static str, selected: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{i18n.t("setup-time-zone")}</label>
            <select id=id name="input[time_zone]">
                {TIME_ZONES.into_iter().map(|tz| {
                    let chosen = tz == selected;
                    view! { <option value=tz selected=chosen>{tz.replace('_', " ")}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The expo's logo: the current one, a plain multipart form to upload another (works without
/// JavaScript; the server returns here with the outcome) and one to remove it.
#[component]
fn LogoCard(logo_src: Option<String>, expo_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let query = leptos_router::hooks::use_query_map();
    let outcome = move || {
        let q = query.read();
        if let Some(error) = q.get("logo_error") {
            // Only message ids of our own reach the page.
            let id = if (error.starts_with("error-") || error.contains("-error-"))
                && error.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            {
                error
            } else {
                "error-request-malformed".to_owned()
            };
            return Some(
                view! { <p class="alert alert-error" role="alert">{i18n.t(&id)}</p> }.into_any(),
            );
        }
        match q.get("logo").as_deref() {
            Some("saved") => Some(view! { <p class="alert alert-success" role="status">{i18n.t("setup-logo-saved")}</p> }.into_any()),
            Some("removed") => Some(view! { <p class="alert alert-success" role="status">{i18n.t("setup-logo-removed")}</p> }.into_any()),
            _ => None,
        }
    };
    view! {
        <section class="card setup-logo" aria-labelledby="setup-logo-heading">
            <h2 id="setup-logo-heading">{i18n.t("setup-logo")}</h2>
            {outcome}
            <div class="setup-logo-row">
                {match logo_src.clone() {
                    Some(src) => view! {
                        <img class="setup-logo-preview" src=src alt=i18n.t("setup-logo-current") />
                    }.into_any(),
                    None => view! { <p class="muted">{i18n.t("setup-logo-none")}</p> }.into_any(),
                }}
                <form class="setup-logo-form" method="post" action="/api/expo/logo" enctype="multipart/form-data">
                    <input type="hidden" name="expo_id" value=expo_id />
                    <div class="field">
                        <label for="setup-logo-file">{i18n.t("setup-logo-file")}</label>
                        <input id="setup-logo-file" name="file" type="file" accept="image/png,image/jpeg,image/webp" required=true aria-describedby="setup-logo-hint" />
                        <p class="field-hint" id="setup-logo-hint">{i18n.t("setup-logo-hint")}</p>
                    </div>
                    <button type="submit" class="btn btn-primary">{i18n.t("setup-logo-upload")}</button>
                </form>
                {logo_src.is_some().then(|| view! {
                    <form method="post" action="/api/expo/logo/remove">
                        <button type="submit" class="btn">{i18n.t("setup-logo-remove")}</button>
                    </form>
                })}
            </div>
        </section>
    }
}

/// The setup page.
#[component]
pub fn SetupPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveExpo>::new();
    let add = ServerAction::<AddHall>::new();
    let setup = Resource::new(
        move || (save.version().get(), add.version().get()),
        |_| load_setup(),
    );
    let save_error = Signal::derive(move || save.value().get().and_then(Result::err));
    let add_error = Signal::derive(move || add.value().get().and_then(Result::err));
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    let field = move |e: Signal<Option<AppError>>, f: &'static str| {
        Signal::derive(move || e.get().and_then(|e| e.field(f)))
    };
    view! {
        <Title text=i18n.t("setup-title") />
        <section class="page setup-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("setup-title")}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    let SetupView { expo_id, settings, halls, logo_src, is_public } = match setup.await {
                        Ok(x) => x,
                        Err(AppError::Unauthenticated) => return view! {
                            <p><a class="btn btn-primary" href="/login?next=%2Fdashboard%2Fsetup">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => return view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    };
                    let name_error = field(save_error, "name");
                    let hall_name_error = field(add_error, "name");
                    let managing = settings.name.show(i18n.locale).text;
                    let (logo_expo, settings_expo, hall_expo) = (expo_id.clone(), expo_id.clone(), expo_id);
                    view! {
                        <p class="setup-managing">
                            {i18n.t_args("expos-managing", vec![("name", Arg::Str(managing))])}
                            " "
                            {if is_public {
                                view! { <span class="badge badge-public">{i18n.t("expos-public")}</span> }.into_any()
                            } else {
                                view! { <span class="badge">{i18n.t("expos-not-public")}</span> }.into_any()
                            }}
                            " · "
                            <a href="/dashboard/expos">{i18n.t("expos-all")}</a>
                        </p>
                        <LogoCard logo_src expo_id=logo_expo />
                        <ActionForm action=save attr:class="card ops-form setup-form" attr:novalidate=true>
                            <h2>{i18n.t("setup-expo-heading")}</h2>
                            <input type="hidden" name="expo_id" value=settings_expo />
                            <FormAlert error=save_error />
                            <fieldset>
                                <legend>{i18n.t("setup-name")}</legend>
                                <TextsFields prefix="setup-name" name="input[name]" values=settings.name.clone() rows=1 max_chars=200 />
                                <p class="field-error" aria-live="polite">{move || name_error.get().map(|m| i18n.t(&m))}</p>
                            </fieldset>
                            <fieldset>
                                <legend>{i18n.t("setup-tagline")}</legend>
                                <TextsFields prefix="setup-tagline" name="input[tagline]" values=settings.tagline.clone() />
                            </fieldset>
                            <div class="field-row">
                                <DateField name="input[starts_on]" id="setup-starts" label=i18n.t("setup-starts") value=settings.starts_on.clone() error=field(save_error, "starts_on") />
                                <DateField name="input[ends_on]" id="setup-ends" label=i18n.t("setup-ends") value=settings.ends_on.clone() error=field(save_error, "ends_on") />
                                <TimeZoneField id="setup-tz" selected=settings.time_zone.clone() />
                            </div>
                            <div class="field-row">
                                <DateField name="input[applications_open]" id="setup-apply-open" label=i18n.t("setup-applications-open")
                                    value=settings.applications_open.clone().unwrap_or_default() error=field(save_error, "applications_open") />
                                <DateField name="input[applications_close]" id="setup-apply-close" label=i18n.t("setup-applications-close")
                                    value=settings.applications_close.clone().unwrap_or_default() error=field(save_error, "applications_close") />
                                <crate::ui::text_field::TextField name="input[brand_color]" id="setup-brand-color" label=i18n.t("setup-brand-color")
                                    hint=i18n.t("setup-brand-color-hint") value=settings.brand_color.clone().unwrap_or_default()
                                    error=field(save_error, "brand_color") />
                            </div>
                            <button type="submit" class="btn btn-primary">{i18n.t("setup-save")}</button>
                            <span class="save-status" role="status">{move || saved().then(|| i18n.t("booth-editor-saved"))}</span>
                        </ActionForm>

                        <section class="card setup-halls" aria-labelledby="setup-halls-heading">
                            <h2 id="setup-halls-heading">{i18n.t("setup-halls")}</h2>
                            <table class="review-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{i18n.t("review-hall")}</th>
                                        <th scope="col">{i18n.t("review-industry")}</th>
                                        <th scope="col">{i18n.t("setup-booths")}</th>
                                        <th scope="col"><span class="visually-hidden">{i18n.t("setup-plan")}</span></th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {halls.into_iter().map(|h| {
                                        let name = h.name.show(i18n.locale).text;
                                        view! {
                                            <tr>
                                                <th scope="row">
                                                    {if is_public {
                                                        view! { <a href=format!("/halls/{}", h.slug)>{name.clone()}</a> }.into_any()
                                                    } else {
                                                        view! { <span>{name.clone()}</span> }.into_any()
                                                    }}
                                                </th>
                                                <td>{i18n.t(&format!("industry-{}", h.industry))}</td>
                                                <td>{i18n.number(h.exhibitor_count)}</td>
                                                <td>
                                                    <a class="btn" href=format!("/dashboard/halls/{}/plan", h.slug)
                                                        aria-label=i18n.t_args("setup-plan-of", vec![("hall", Arg::Str(name))])>
                                                        {i18n.t("setup-plan")}
                                                    </a>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <ActionForm action=add attr:class="ops-form setup-add-hall" attr:novalidate=true>
                                <h3>{i18n.t("setup-add-hall")}</h3>
                                <input type="hidden" name="expo_id" value=hall_expo />
                                <FormAlert error=add_error />
                                <fieldset>
                                    <legend>{i18n.t("setup-hall-name")}</legend>
                                    <TextsFields prefix="setup-hall-name" name="input[name]" rows=1 max_chars=200 />
                                    <p class="field-error" aria-live="polite">{move || hall_name_error.get().map(|m| i18n.t(&m))}</p>
                                </fieldset>
                                <div class="field-row">
                                    <div class="field">
                                        <label for="setup-hall-industry">{i18n.t("review-industry")}</label>
                                        <select id="setup-hall-industry" name="input[industry]">
                                            {domain::expo::INDUSTRIES.into_iter().map(|k| view! {
                                                <option value=k>{i18n.t(&format!("industry-{k}"))}</option>
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for="setup-hall-width">{i18n.t("setup-plan-width")}</label>
                                        <input id="setup-hall-width" name="input[width]" type="number" min="400" max="4000" step="20" value="1200" />
                                    </div>
                                    <div class="field">
                                        <label for="setup-hall-height">{i18n.t("setup-plan-height")}</label>
                                        <input id="setup-hall-height" name="input[height]" type="number" min="400" max="4000" step="20" value="700" />
                                    </div>
                                </div>
                                <button type="submit" class="btn btn-primary">{i18n.t("setup-add-hall")}</button>
                            </ActionForm>
                        </section>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
