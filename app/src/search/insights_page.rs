//! `/dashboard/searches`: how much visitors searched, and the searches that found nothing (what
//! exhibitors could add, or words the index should learn).

use super::api::search_insights;
use crate::shell::error_view::ErrorView;
use crate::shell::i18n::{use_i18n, Arg};
use crate::shell::language_menu::encode_query_value;
use leptos::prelude::*;
use leptos_meta::Title;

/// The organizer's search insights.
#[component]
pub fn SearchInsightsPage() -> impl IntoView {
    let i18n = use_i18n();
    let insights = Resource::new(|| (), |()| search_insights());
    view! {
        <Title text=i18n.t("search-insights-title") />
        <section class="page review-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("search-insights-title")}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                    {move || Suspend::new(async move {
                        insights.await.map(|s| view! {
                            <p role="status">{i18n.t_args("search-insights-summary", vec![
                                ("days", Arg::Num(s.days)),
                                ("searches", Arg::Num(s.searches)),
                                ("zero", Arg::Num(s.zero)),
                            ])}</p>
                            <h2>{i18n.t("search-insights-zero")}</h2>
                            {if s.zero_queries.is_empty() {
                                view! { <p class="muted">{i18n.t("search-insights-none")}</p> }.into_any()
                            } else {
                                view! {
                                    <div class="table-scroll">
                                        <table class="data-table">
                                            <caption class="visually-hidden">{i18n.t("search-insights-zero")}</caption>
                                            <thead><tr>
                                                <th scope="col">{i18n.t("search-insights-query")}</th>
                                                <th scope="col">{i18n.t("search-insights-times")}</th>
                                                <th scope="col">{i18n.t("search-insights-last")}</th>
                                            </tr></thead>
                                            <tbody>
                                                {s.zero_queries.into_iter().map(|(q, times, last)| view! {
                                                    <tr>
                                                        <td><a href=format!("/search?q={}", encode_query_value(&q))>{q.clone()}</a></td>
                                                        <td>{i18n.number(times)}</td>
                                                        <td>{i18n.utc(last)}</td>
                                                    </tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                }.into_any()
                            }}
                        })
                    })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}
