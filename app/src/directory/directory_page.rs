//! `/dashboard/exhibitors` and `/dashboard/people`: searchable, filterable directories with
//! pages and CSV/XLSX exports of what is shown. Filters are a plain GET form.

use super::api::{exhibitor_directory, people_directory, RemindUnready};
use crate::account::register_page::country_message_id;
use crate::shell::i18n::{use_i18n, Arg, I18n};
use crate::shell::language_menu::encode_query_value;
use crate::ui::form_alert::FormAlert;
use crate::AppError;
use domain::account::{Role, COUNTRIES};
use domain::directory::DIRECTORY_PAGE;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

/// The query string of the current filters (without the page), for links.
pub(crate) fn filters(q: &ParamsMap, keys: &[&str]) -> String {
    keys.iter()
        .filter_map(|k| {
            q.get(k)
                .filter(|v| !v.is_empty())
                .map(|v| format!("{k}={}", encode_query_value(&v)))
        })
        .collect::<Vec<_>>()
        .join("&")
}

pub(crate) fn countries(i18n: I18n) -> Vec<(String, &'static str)> {
    let mut c: Vec<(String, &'static str)> = COUNTRIES
        .iter()
        .map(|c| (i18n.t(&country_message_id(c)), *c))
        .collect();
    c.sort();
    c
}

/// Total, pages and export links under a directory's filters.
#[component]
pub(crate) fn Summary(
    base: &'static str,
    /// The export's name (`/export/<export>.csv`), or none when the reader may not export.
    export: Option<&'static str>,
    keys: &'static [&'static str],
    total: i64,
    page: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let current = query.with_untracked(|q| filters(q, keys));
    let pages = (total + DIRECTORY_PAGE - 1) / DIRECTORY_PAGE;
    let with = |extra: String| {
        if extra.is_empty() {
            String::new()
        } else {
            format!("?{extra}")
        }
    };
    let link = {
        let current = current.clone();
        move |to: i64| {
            let mut parts = current.clone();
            if !parts.is_empty() {
                parts.push('&');
            }
            format!("{base}?{parts}page={to}")
        }
    };
    view! {
        <div class="directory-summary">
            <p class="muted" role="status">{i18n.t_args("directory-total", vec![("count", Arg::Num(total))])}</p>
            {export.map(|export| view! {
                <p class="directory-export">
                    {i18n.t("directory-export")}" "
                    <a class="btn" href=format!("/export/{export}.csv{}", with(current.clone())) download="">{i18n.t("directory-export-csv")}</a>
                    " "
                    <a class="btn" href=format!("/export/{export}.xlsx{}", with(current.clone())) download="">{i18n.t("directory-export-xlsx")}</a>
                </p>
            })}
        </div>
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label=i18n.t("review-pages")>
                {(page > 1).then(|| view! { <a class="btn" rel="prev" href=link(page - 1)>{i18n.t("review-prev")}</a> })}
                <span>{i18n.t_args("review-page", vec![("page", Arg::Num(page)), ("pages", Arg::Num(pages))])}</span>
                {(page < pages).then(|| view! { <a class="btn" rel="next" href=link(page + 1)>{i18n.t("review-next")}</a> })}
            </nav>
        })}
    }
}

/// The exhibitor directory.
#[component]
pub fn ExhibitorDirectoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let remind = ServerAction::<RemindUnready>::new();
    let remind_error = Signal::derive(move || remind.value().get().and_then(Result::err));
    let query = use_query_map();
    let param = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let list = Resource::new(
        move || (param("q"), param("country"), param("hall"), param("page")),
        |(q, country, hall, page)| exhibitor_directory(q, country, hall, page),
    );
    view! {
        <Title text=i18n.t("directory-exhibitors") />
        <section class="page review-page directory-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("directory-exhibitors")}</h1>
            <ActionForm action=remind attr:class="directory-remind">
                <FormAlert error=remind_error />
                <button type="submit" class="btn" aria-describedby="directory-remind-hint">{i18n.t("directory-remind")}</button>
                " "
                <span class="save-status" role="status">
                    {move || remind.value().get().and_then(Result::ok).map(|(exhibitors, people)| i18n.t_args(
                        "directory-reminded",
                        vec![("exhibitors", Arg::Num(exhibitors)), ("people", Arg::Num(people))],
                    ))}
                </span>
                <p class="field-hint" id="directory-remind-hint">{i18n.t("directory-remind-hint")}</p>
            </ActionForm>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    let page = match list.await {
                        Ok(p) => p,
                        Err(AppError::Unauthenticated) => return view! {
                            <p><a class="btn btn-primary" href="/login?next=%2Fdashboard%2Fexhibitors">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => return view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    };
                    view! {
                        <form method="get" action="/dashboard/exhibitors" class="review-filters" role="search" aria-label=i18n.t("review-filters")>
                            <div class="field">
                                <label for="dir-q">{i18n.t("directory-search")}</label>
                                <input id="dir-q" name="q" type="search" maxlength="100" value=param("q") />
                            </div>
                            <div class="field">
                                <label for="dir-country">{i18n.t("apply-country")}</label>
                                <select id="dir-country" name="country">
                                    <option value="">{i18n.t("review-any")}</option>
                                    {countries(i18n).into_iter().map(|(name, code)| {
                                        view! { <option value=code selected=param("country") == code>{name}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="dir-hall">{i18n.t("review-hall")}</label>
                                <select id="dir-hall" name="hall">
                                    <option value="">{i18n.t("review-any")}</option>
                                    {page.halls.iter().map(|(slug, name)| {
                                        let selected = param("hall") == *slug;
                                        view! { <option value=slug.clone() selected=selected>{name.show(i18n.locale).text}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="btn btn-primary">{i18n.t("review-filter")}</button>
                        </form>
                        <Summary base="/dashboard/exhibitors" export=Some("exhibitors") keys=&["q", "country", "hall"] total=page.total page=page.page />
                        <table class="review-table">
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t("review-booth-code")}</th>
                                    <th scope="col">{i18n.t("apply-company")}</th>
                                    <th scope="col">{i18n.t("apply-country")}</th>
                                    <th scope="col">{i18n.t("review-hall")}</th>
                                    <th scope="col">{i18n.t("directory-products")}</th>
                                    <th scope="col">{i18n.t("directory-team")}</th>
                                    <th scope="col">{i18n.t("directory-readiness")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {page.items.into_iter().map(|e| view! {
                                    <tr>
                                        <td>{e.booth_code.clone().unwrap_or_default()}</td>
                                        <th scope="row"><a href=format!("/exhibitors/{}", e.id)>{e.name.show(i18n.locale).text}</a></th>
                                        <td>{i18n.t(&country_message_id(&e.country))}</td>
                                        <td>{e.hall.as_ref().map(|h| h.show(i18n.locale).text).unwrap_or_default()}</td>
                                        <td>{i18n.number(e.products)}</td>
                                        <td>{e.team.join(", ")}</td>
                                        <td>{
                                            let (done, possible) = e.readiness.score();
                                            i18n.t_args("directory-readiness-score", vec![
                                                ("done", Arg::Num(i64::try_from(done).unwrap_or(0))),
                                                ("total", Arg::Num(i64::try_from(possible).unwrap_or(0))),
                                            ])
                                        }</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}

/// The directory of registered people.
#[component]
pub fn PeopleDirectoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let list = Resource::new(
        move || (param("q"), param("country"), param("role"), param("page")),
        |(q, country, role, page)| people_directory(q, country, role, page),
    );
    view! {
        <Title text=i18n.t("directory-people") />
        <section class="page review-page directory-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("directory-people")}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    let page = match list.await {
                        Ok(p) => p,
                        Err(AppError::Unauthenticated) => return view! {
                            <p><a class="btn btn-primary" href="/login?next=%2Fdashboard%2Fpeople">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => return view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    };
                    view! {
                        <form method="get" action="/dashboard/people" class="review-filters" role="search" aria-label=i18n.t("review-filters")>
                            <div class="field">
                                <label for="dir-q">{i18n.t("directory-search-people")}</label>
                                <input id="dir-q" name="q" type="search" maxlength="100" value=param("q") />
                            </div>
                            <div class="field">
                                <label for="dir-country">{i18n.t("apply-country")}</label>
                                <select id="dir-country" name="country">
                                    <option value="">{i18n.t("review-any")}</option>
                                    {countries(i18n).into_iter().map(|(name, code)| {
                                        view! { <option value=code selected=param("country") == code>{name}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="dir-role">{i18n.t("directory-roles")}</label>
                                <select id="dir-role" name="role">
                                    <option value="">{i18n.t("review-any")}</option>
                                    {Role::ALL.into_iter().map(|r| view! {
                                        <option value=r.as_str() selected=param("role") == r.as_str()>{i18n.t(r.message_id())}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="btn btn-primary">{i18n.t("review-filter")}</button>
                        </form>
                        <Summary base="/dashboard/people" export=Some("people") keys=&["q", "country", "role"] total=page.total page=page.page />
                        <table class="review-table">
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t("directory-name")}</th>
                                    <th scope="col">{i18n.t("apply-contact-email")}</th>
                                    <th scope="col">{i18n.t("apply-company")}</th>
                                    <th scope="col">{i18n.t("apply-country")}</th>
                                    <th scope="col">{i18n.t("directory-roles")}</th>
                                    <th scope="col">{i18n.t("directory-registered")}</th>
                                    <th scope="col"><span class="visually-hidden">{i18n.t("chat-message-person")}</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {page.items.into_iter().map(|p| {
                                    let roles = p.roles.iter().map(|r| i18n.t(r.message_id())).collect::<Vec<_>>().join(", ");
                                    view! {
                                        <tr>
                                            <th scope="row">{p.name.clone()}</th>
                                            <td><a href=format!("mailto:{}", p.email)>{p.email.clone()}</a></td>
                                            <td>{p.company.clone().unwrap_or_default()}</td>
                                            <td>{i18n.t(&country_message_id(&p.country))}</td>
                                            <td>{roles}</td>
                                            <td>{i18n.utc(p.registered_at)}</td>
                                            <td><crate::chat::chat_button::DirectChatButton user_id=p.id.clone() name=p.name.clone() /></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
