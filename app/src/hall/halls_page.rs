//! `/halls`: every hall of the expo, by industry.

use super::api::list_halls;
use super::hall_card::HallCard;
use crate::shell::error_view::ErrorView;
use crate::shell::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// The hall navigation page.
#[component]
pub fn HallsPage() -> impl IntoView {
    let i18n = use_i18n();
    let halls = Resource::new(|| (), |_| list_halls());
    view! {
        <Title text=i18n.t("halls-title") />
        <section class="page">
            <h1>{i18n.t("halls-title")}</h1>
            <p class="lead">{i18n.t("halls-lead")}</p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                {move || Suspend::new(async move {
                    halls.await.map(|halls| {
                        view! {
                            <ul class="card-grid hall-grid">
                                {halls.into_iter().map(|hall| view! { <HallCard hall /> }).collect_view()}
                            </ul>
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
        </section>
    }
}
