//! `/dashboard/applications`: the organizers' review queue, filtered by status, country,
//! industry and text; a plain GET form, so filters are links and work without JavaScript.

use super::api::{application_queue, QUEUE_PAGE};
use crate::account::register_page::country_message_id;
use crate::shell::i18n::{use_i18n, Arg};
use crate::AppError;
use domain::account::COUNTRIES;
use domain::application::ApplicationStatus;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The review queue.
#[component]
pub fn QueuePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let queue = Resource::new(
        move || {
            (
                param("status"),
                param("country"),
                param("industry"),
                param("q"),
                param("page"),
            )
        },
        |(status, country, industry, q, page)| {
            application_queue(status, country, industry, q, page)
        },
    );
    let mut countries: Vec<(String, &str)> = COUNTRIES
        .iter()
        .map(|c| (i18n.t(&country_message_id(c)), *c))
        .collect();
    countries.sort();
    view! {
        <Title text=i18n.t("review-title") />
        <section class="page review-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("review-title")}</h1>
            <form method="get" action="/dashboard/applications" class="review-filters" role="search" aria-label=i18n.t("review-filters")>
                <div class="field">
                    <label for="review-status">{i18n.t("review-status")}</label>
                    <select id="review-status" name="status">
                        <option value="">{i18n.t("review-any")}</option>
                        {ApplicationStatus::ALL.into_iter().map(|s| {
                            let selected = move || param("status") == s.as_str();
                            view! { <option value=s.as_str() selected=selected>{i18n.t(s.message_id())}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="review-country">{i18n.t("apply-country")}</label>
                    <select id="review-country" name="country">
                        <option value="">{i18n.t("review-any")}</option>
                        {countries.into_iter().map(|(name, code)| {
                            let selected = move || param("country") == code;
                            view! { <option value=code selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="review-industry">{i18n.t("review-industry")}</label>
                    <select id="review-industry" name="industry">
                        <option value="">{i18n.t("review-any")}</option>
                        {domain::expo::INDUSTRIES.into_iter().map(|key| {
                            let selected = move || param("industry") == key;
                            view! { <option value=key selected=selected>{i18n.t(&format!("industry-{key}"))}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="review-q">{i18n.t("review-search")}</label>
                    <input id="review-q" name="q" type="search" maxlength="100" prop:value=move || param("q") />
                </div>
                <button type="submit" class="btn btn-primary">{i18n.t("review-filter")}</button>
            </form>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    let page = match queue.await {
                        Ok(p) => p,
                        Err(AppError::Unauthenticated) => return view! {
                            <p><a class="btn btn-primary" href="/login?next=%2Fdashboard%2Fapplications">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => return view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    };
                    let counts = page.counts.iter().map(|(s, n)| {
                        let href = format!("/dashboard/applications?status={}", s.as_str());
                        view! {
                            <li><a href=href>{i18n.t(s.message_id())}" "<span class="badge" data-count=s.as_str()>{i18n.number(*n)}</span></a></li>
                        }
                    }).collect_view();
                    let pages = (page.total + QUEUE_PAGE - 1) / QUEUE_PAGE;
                    let current = page.page;
                    let link = move |to: i64| {
                        query.with(|q| {
                            let mut parts: Vec<String> = ["status", "country", "industry", "q"]
                                .iter()
                                .filter_map(|k| q.get(k).filter(|v| !v.is_empty()).map(|v| {
                                    format!("{k}={}", crate::shell::language_menu::encode_query_value(&v))
                                }))
                                .collect();
                            parts.push(format!("page={to}"));
                            format!("/dashboard/applications?{}", parts.join("&"))
                        })
                    };
                    view! {
                        <ul class="review-counts">{counts}</ul>
                        <p class="muted" role="status">{i18n.t_args("review-total", vec![("count", Arg::Num(page.total))])}</p>
                        {if page.items.is_empty() {
                            view! { <p class="muted">{i18n.t("review-empty")}</p> }.into_any()
                        } else {
                            view! {
                                <table class="review-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{i18n.t("apply-company")}</th>
                                            <th scope="col">{i18n.t("apply-country")}</th>
                                            <th scope="col">{i18n.t("apply-industries")}</th>
                                            <th scope="col">{i18n.t("review-updated")}</th>
                                            <th scope="col">{i18n.t("review-status")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {page.items.into_iter().map(|a| {
                                            let industries = a.form.industries.iter()
                                                .map(|k| i18n.t(&format!("industry-{k}")))
                                                .collect::<Vec<_>>()
                                                .join(", ");
                                            view! {
                                                <tr>
                                                    <th scope="row"><a href=format!("/dashboard/applications/{}", a.id)>{a.form.company.clone()}</a></th>
                                                    <td>{i18n.t(&country_message_id(&a.form.country))}</td>
                                                    <td>{industries}</td>
                                                    <td>{i18n.utc(a.updated_at)}</td>
                                                    <td><span class=format!("badge status-{}", a.status.as_str())>{i18n.t(a.status.message_id())}</span></td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }}
                        {(pages > 1).then(|| view! {
                            <nav class="pager" aria-label=i18n.t("review-pages")>
                                {(current > 1).then(|| view! { <a class="btn" rel="prev" href=link(current - 1)>{i18n.t("review-prev")}</a> })}
                                <span>{i18n.t_args("review-page", vec![("page", Arg::Num(current)), ("pages", Arg::Num(pages))])}</span>
                                {(current < pages).then(|| view! { <a class="btn" rel="next" href=link(current + 1)>{i18n.t("review-next")}</a> })}
                            </nav>
                        })}
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
