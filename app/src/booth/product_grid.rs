//! A grid of product cards (booth gallery, related products).

use crate::shell::i18n::{use_i18n, I18n};
use domain::product::{PriceRange, ProductCard};
use leptos::prelude::*;

/// A price range in the viewer's number format, or `None` when unpublished.
pub fn price_text(i18n: &I18n, price: &Option<PriceRange>) -> Option<String> {
    price.as_ref().map(|p| {
        i18n.t_args(
            "product-price-range",
            vec![
                ("currency", crate::shell::i18n::Arg::Str(p.currency.clone())),
                (
                    "min",
                    crate::shell::i18n::Arg::Str(PriceRange::format_amount(i18n.locale, p.min)),
                ),
                (
                    "max",
                    crate::shell::i18n::Arg::Str(PriceRange::format_amount(i18n.locale, p.max)),
                ),
            ],
        )
    })
}

/// Product cards linking to their pages.
#[component]
pub fn ProductGrid(products: Vec<ProductCard>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="card-grid product-grid">
            {products
                .into_iter()
                .map(|p| {
                    let name = p.name.show(i18n.locale);
                    let price = price_text(&i18n, &p.price);
                    view! {
                        <li class="card product-card" data-category=p.category.clone()>
                            {match p.picture.clone() {
                                Some(id) => view! {
                                    <img class="product-thumb" src=format!("/media/{id}/w320") alt="" loading="lazy" width="320" height="240" />
                                }.into_any(),
                                None => view! { <span class="product-thumb" aria-hidden="true"></span> }.into_any(),
                            }}
                            <h3>
                                <a href=format!("/products/{}", p.id) lang=name.locale.tag() dir=name.locale.direction().as_str()>
                                    {name.text}
                                </a>
                            </h3>
                            {price.map(|t| view! { <p class="price">{t}</p> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
