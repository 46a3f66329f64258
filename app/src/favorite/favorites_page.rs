//! `/favorites`: the booths and products the signed-in person keeps.

use super::api::my_favorites;
use crate::booth::product_grid::ProductGrid;
use crate::hall::hall_map::booth_href;
use crate::shell::error_view::ErrorView;
use crate::shell::i18n::{use_i18n, Arg};
use leptos::prelude::*;
use leptos_meta::Title;

/// My favorites.
#[component]
pub fn FavoritesPage() -> impl IntoView {
    let i18n = use_i18n();
    let favorites = Resource::new(|| (), |()| my_favorites());
    view! {
        <Title text=i18n.t("favorites-title") />
        <section class="page favorites-page">
            <h1>{i18n.t("favorites-title")}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                    {move || Suspend::new(async move {
                        favorites.await.map(|f| {
                            if f.booths.is_empty() && f.products.is_empty() {
                                return view! { <p class="muted">{i18n.t("favorites-empty")}</p> }.into_any();
                            }
                            let booths = f.booths.len();
                            let products = f.products.len();
                            view! {
                                {(booths > 0).then(|| view! {
                                <section aria-labelledby="favorite-booths-heading">
                                    <h2 id="favorite-booths-heading">
                                        {i18n.t_args("favorites-booths", vec![("count", Arg::Num(i64::try_from(booths).unwrap_or(0)))])}
                                    </h2>
                                    <ul class="favorite-booths">
                                        {f.booths.into_iter().map(|b| {
                                            let name = b.name.show(i18n.locale);
                                            let country = i18n.t(&crate::account::register_page::country_message_id(&b.country));
                                            view! {
                                                <li>
                                                    <a href=booth_href(&b.id) lang=name.locale.tag()>{name.text}</a>
                                                    <span class="muted">{country}</span>
                                                    {b.booth_code.map(|c| view! { <span class="badge">{c}</span> })}
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                </section>
                                })}
                                {(products > 0).then(|| view! {
                                <section aria-labelledby="favorite-products-heading">
                                    <h2 id="favorite-products-heading">
                                        {i18n.t_args("favorites-products", vec![("count", Arg::Num(i64::try_from(products).unwrap_or(0)))])}
                                    </h2>
                                    <ProductGrid products=f.products />
                                </section>
                                })}
                            }
                            .into_any()
                        })
                    })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}
