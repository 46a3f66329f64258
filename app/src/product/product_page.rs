//! `/products/<id>`: one product.

use super::api::get_product;
use crate::booth::product_grid::{price_text, ProductGrid};
use crate::hall::hall_map::booth_href;
use crate::shell::error_view::ErrorView;
use crate::shell::i18n::{use_i18n, Arg};
use domain::product::ProductDetail;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

/// The product page.
#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let product = Resource::new(id, get_product);
    view! {
        <Suspense fallback=|| view! { <div class="page skeleton" aria-busy="true"></div> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                {move || Suspend::new(async move { product.await.map(|detail| view! { <ProductContent detail /> }) })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn ProductContent(detail: ProductDetail) -> impl IntoView {
    let i18n = use_i18n();
    let name = detail.card.name.show(i18n.locale);
    let description = detail.description.show(i18n.locale);
    let exhibitor = detail.exhibitor_name.show(i18n.locale);
    let price =
        price_text(&i18n, &detail.card.price).unwrap_or_else(|| i18n.t("product-price-on-request"));
    let mut facts: Vec<(String, String)> = vec![(i18n.t("product-price"), price)];
    if let Some(n) = detail.min_order {
        facts.push((
            i18n.t("product-min-order"),
            i18n.t_args("product-pieces", vec![("count", Arg::Num(n))]),
        ));
    }
    if let Some(d) = detail.lead_time_days {
        facts.push((
            i18n.t("product-lead-time"),
            i18n.t_args("product-days", vec![("count", Arg::Num(d))]),
        ));
    }
    if !detail.origin.is_empty() {
        facts.push((
            i18n.t("product-origin"),
            i18n.t(&crate::account::register_page::country_message_id(
                &detail.origin,
            )),
        ));
    }
    if !detail.certifications.is_empty() {
        facts.push((
            i18n.t("product-certifications"),
            detail.certifications.join(" · "),
        ));
    }
    let booth = detail
        .booth_code
        .clone()
        .map(|code| i18n.t_args("product-booth", vec![("booth", Arg::Str(code))]));
    view! {
        <Title text=name.text.clone() />
        <Meta name="description" content=description.text.clone() />
        <Meta property="og:title" content=name.text.clone() />
        <Meta property="og:description" content=description.text.clone() />
        <Meta property="og:type" content="product" />
        <article class="page product-page">
            <nav class="breadcrumb" aria-label=i18n.t("nav-breadcrumb")>
                <a href="/halls">{i18n.t("nav-halls")}</a>
                {detail.hall_slug.clone().map(|slug| view! { <a href=format!("/halls/{slug}")>{booth.clone().unwrap_or_default()}</a> })}
                <a href=booth_href(&detail.exhibitor_id) lang=exhibitor.locale.tag() dir=exhibitor.locale.direction().as_str()>
                    {exhibitor.text.clone()}
                </a>
            </nav>
            <div class="product-head">
                {match detail.media.iter().find(|m| m.kind == "image").cloned() {
                    Some(picture) => {
                        let largest = picture.variants.first().cloned().unwrap_or_default();
                        view! {
                            <a class="product-visual-link" href=picture.url(&largest) title=i18n.t("product-picture-zoom")>
                                <img
                                    class="product-visual"
                                    src=picture.url(&largest)
                                    srcset=picture.srcset()
                                    sizes="(max-width: 700px) 100vw, 40vw"
                                    alt=name.text.clone()
                                    width=picture.width
                                    height=picture.height
                                />
                            </a>
                        }
                        .into_any()
                    }
                    None => view! {
                        <div class="product-visual" aria-hidden="true" data-category=detail.card.category.clone()></div>
                    }
                    .into_any(),
                }}
                <div>
                    <h1><span lang=name.locale.tag() dir=name.locale.direction().as_str()>{name.text.clone()}</span></h1>
                    {description.is_fallback.then(|| view! { <span class="badge badge-muted">{i18n.t("content-original-language")}</span> })}
                    <p class="lead" lang=description.locale.tag() dir=description.locale.direction().as_str()>{description.text.clone()}</p>
                    <dl class="facts">
                        {facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                    </dl>
                </div>
            </div>
            <section aria-labelledby="specs-heading">
                <h2 id="specs-heading">{i18n.t("product-specs-heading")}</h2>
                <table class="data-table spec-table">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("product-spec-name")}</th>
                            <th scope="col">{i18n.t("product-spec-value")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {detail
                            .specs
                            .into_iter()
                            .map(|row| {
                                let n = row.name.show(i18n.locale);
                                view! {
                                    <tr>
                                        <th scope="row" lang=n.locale.tag()>{n.text}</th>
                                        <td>{row.value}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </section>
            {(!detail.related.is_empty()).then(|| view! {
                <section aria-labelledby="related-heading">
                    <h2 id="related-heading">{i18n.t("product-related-heading")}</h2>
                    <ProductGrid products=detail.related />
                </section>
            })}
        </article>
    }
}
