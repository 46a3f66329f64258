//! `/dashboard/expos`: the expos an organizer runs (which one visitors see, which one the
//! console manages), switching between them, making one public, and creating another.

use super::api::{load_expos, CreateExpo, ManageExpo, PublishExpo};
use super::setup_page::{DateField, TimeZoneField};
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use crate::ui::texts_fields::TextsFields;
use crate::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

/// The expos page.
#[component]
pub fn ExposPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateExpo>::new();
    let manage = ServerAction::<ManageExpo>::new();
    let publish = ServerAction::<PublishExpo>::new();
    let expos = Resource::new(
        move || (create.version().get(), publish.version().get()),
        |_| load_expos(),
    );
    let create_error = Signal::derive(move || create.value().get().and_then(Result::err));
    let publish_error = Signal::derive(move || publish.value().get().and_then(Result::err));
    let field =
        move |f: &'static str| Signal::derive(move || create_error.get().and_then(|e| e.field(f)));
    let name_error = field("name");
    view! {
        <Title text=i18n.t("expos-title") />
        <section class="page expos-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("expos-title")}</h1>
            <p class="lead">{i18n.t("expos-lead")}</p>
            <FormAlert error=publish_error />
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    let list = match expos.await {
                        Ok(x) => x,
                        Err(AppError::Unauthenticated) => return view! {
                            <p><a class="btn btn-primary" href="/login?next=%2Fdashboard%2Fexpos">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => return view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    };
                    view! {
                        <table class="review-table expos-table">
                            <caption class="visually-hidden">{i18n.t("expos-title")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t("expos-name")}</th>
                                    <th scope="col">{i18n.t("expos-dates")}</th>
                                    <th scope="col">{i18n.t("setup-halls")}</th>
                                    <th scope="col">{i18n.t("expos-exhibitors")}</th>
                                    <th scope="col">{i18n.t("expos-state")}</th>
                                    <th scope="col"><span class="visually-hidden">{i18n.t("expos-actions")}</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {list.into_iter().map(|e| {
                                    let name = e.name.show(i18n.locale).text;
                                    let id = e.id.clone();
                                    let id2 = e.id.clone();
                                    let manage_label = i18n.t_args("expos-manage-named", vec![("name", Arg::Str(name.clone()))]);
                                    let publish_label = i18n.t_args("expos-publish-named", vec![("name", Arg::Str(name.clone()))]);
                                    view! {
                                        <tr>
                                            <th scope="row">{name}</th>
                                            <td>{i18n.t_args("landing-dates", vec![("start", Arg::Str(i18n.date(&e.starts_on))), ("end", Arg::Str(i18n.date(&e.ends_on)))])}</td>
                                            <td>{i18n.number(e.hall_count)}</td>
                                            <td>{i18n.number(e.exhibitor_count)}</td>
                                            <td>
                                                {e.is_public.then(|| view! { <span class="badge badge-public">{i18n.t("expos-public")}</span> })}
                                                {e.is_managed.then(|| view! { " " <span class="badge">{i18n.t("expos-managed")}</span> })}
                                            </td>
                                            <td><div class="expos-actions">
                                                {(!e.is_managed).then(|| view! {
                                                    <ActionForm action=manage>
                                                        <input type="hidden" name="expo_id" value=id />
                                                        <button type="submit" class="btn" aria-label=manage_label>
                                                            {i18n.t("expos-manage")}
                                                        </button>
                                                    </ActionForm>
                                                })}
                                                {(!e.is_public).then(|| view! {
                                                    <ActionForm action=publish>
                                                        <input type="hidden" name="expo_id" value=id2 />
                                                        <button type="submit" class="btn" aria-label=publish_label>
                                                            {i18n.t("expos-publish")}
                                                        </button>
                                                    </ActionForm>
                                                })}
                                            </div></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                })}
            </Suspense>
            <ActionForm action=create attr:class="card ops-form expos-create" attr:novalidate=true>
                <h2>{i18n.t("expos-create")}</h2>
                <p class="muted">{i18n.t("expos-create-lead")}</p>
                <FormAlert error=create_error />
                <fieldset>
                    <legend>{i18n.t("setup-name")}</legend>
                    <TextsFields prefix="expos-new-name" name="input[name]" rows=1 max_chars=200 />
                    <p class="field-error" aria-live="polite">{move || name_error.get().map(|m| i18n.t(&m))}</p>
                </fieldset>
                <div class="field-row">
                    <DateField name="input[starts_on]" id="expos-new-starts" label=i18n.t("setup-starts") value=String::new() error=field("starts_on") />
                    <DateField name="input[ends_on]" id="expos-new-ends" label=i18n.t("setup-ends") value=String::new() error=field("ends_on") />
                    <TimeZoneField id="expos-new-tz" selected="Asia/Shanghai".to_owned() />
                </div>
                <button type="submit" class="btn btn-primary">{i18n.t("expos-create-submit")}</button>
            </ActionForm>
        </section>
    }
}
