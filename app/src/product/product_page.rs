//! `/products/<id>`: one product.

use super::api::get_product;
use super::product_pictures::ProductPictures;
use crate::booth::media_gallery::{has_gallery, MediaGallery, ViewerSections};
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
    let pictures: Vec<domain::product::MediaItem> = detail
        .media
        .iter()
        .filter(|m| m.kind == "image")
        .cloned()
        .collect();
    // Videos and documents (pictures are shown above, models and panoramas in their viewers).
    let files: Vec<domain::product::MediaItem> = detail
        .media
        .iter()
        .filter(|m| m.kind == "video" || m.kind == "document")
        .cloned()
        .collect();
    let booth = detail
        .booth_code
        .clone()
        .map(|code| i18n.t_args("product-booth", vec![("booth", Arg::Str(code))]));
    view! {
        <Title text=name.text.clone() />
        <Meta name="description" content=description.text.clone() />
        <crate::ui::share::SocialMeta
            title=name.text.clone()
            description=description.text.clone()
            path=format!("/products/{}", detail.card.id)
            kind="product"
            image=pictures.first().map(|m| m.url(m.variants.get(1).or(m.variants.first()).map_or("w800", String::as_str)))
        />
        <article class="page product-page">
            <nav class="breadcrumb" aria-label=i18n.t("nav-breadcrumb")>
                <a href="/halls">{i18n.t("nav-halls")}</a>
                {detail.hall_slug.clone().map(|slug| view! { <a href=format!("/halls/{slug}")>{booth.clone().unwrap_or_default()}</a> })}
                <a href=booth_href(&detail.exhibitor_id) lang=exhibitor.locale.tag() dir=exhibitor.locale.direction().as_str()>
                    {exhibitor.text.clone()}
                </a>
            </nav>
            <div class="product-head">
                <ProductPictures
                    pictures=pictures
                    name=name.text.clone()
                    category=detail.card.category.clone()
                />
                <div>
                    <h1><span lang=name.locale.tag() dir=name.locale.direction().as_str()>{name.text.clone()}</span></h1>
                    {description.is_fallback.then(|| view! { <span class="badge badge-muted">{i18n.t("content-original-language")}</span> })}
                    <p class="lead" lang=description.locale.tag() dir=description.locale.direction().as_str()>{description.text.clone()}</p>
                    <crate::matching::footprint::Footprint target="product" id=detail.card.id.clone() />
                    <div class="product-actions">
                        <crate::chat::chat_button::ChatButton exhibitor_id=detail.exhibitor_id.clone() />
                        <crate::trade::inquiry_form_page::InquiryButton exhibitor_id=detail.exhibitor_id.clone() product_id=detail.card.id.clone() />
                        <crate::appointment::booking_page::BookButton exhibitor_id=detail.exhibitor_id.clone() product_id=detail.card.id.clone() />
                        <crate::favorite::favorite_button::FavoriteButton kind=domain::favorite::FavoriteKind::Product id=detail.card.id.clone() />
                        <crate::ui::share::ShareButton title=name.text.clone() kind="product" id=detail.card.id.clone() path=format!("/products/{}", detail.card.id) />
                    </div>
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
            <ViewerSections media=detail.media.clone() subject=name.text.clone() />
            {has_gallery(&files).then(|| view! {
                <section aria-labelledby="files-heading">
                    <h2 id="files-heading">{i18n.t("product-files-heading")}</h2>
                    <MediaGallery media=files.clone() company=name.text.clone() />
                </section>
            })}
            {(!detail.related.is_empty()).then(|| view! {
                <section aria-labelledby="related-heading">
                    <h2 id="related-heading">{i18n.t("product-related-heading")}</h2>
                    <ProductGrid products=detail.related />
                </section>
            })}
        </article>
    }
}
