//! `/exhibitors/<id>`: the booth page.

use super::api::can_edit_booth;
use super::api::get_booth;
use super::media_gallery::{has_gallery, MediaGallery, ViewerSections};
use super::product_grid::ProductGrid;
use crate::hall::hall_card::industry_message_id;
use crate::shell::error_view::ErrorView;
use crate::shell::i18n::{use_i18n, Arg};
use domain::product::ExhibitorDetail;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

/// The booth page of an exhibitor.
#[component]
pub fn BoothPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let booth = Resource::new(id, get_booth);
    view! {
        <Suspense fallback=|| view! { <div class="page skeleton" aria-busy="true"></div> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                {move || Suspend::new(async move { booth.await.map(|detail| view! { <BoothContent detail /> }) })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn BoothContent(detail: ExhibitorDetail) -> impl IntoView {
    let i18n = use_i18n();
    let name = detail.name.show(i18n.locale);
    let about = detail.about.show(i18n.locale);
    let initial: String = name
        .text
        .chars()
        .next()
        .map(String::from)
        .unwrap_or_default();
    let country = i18n.t(&crate::account::register_page::country_message_id(
        &detail.country,
    ));
    let location = match (&detail.hall, &detail.booth_code) {
        (Some((slug, hall)), Some(code)) => {
            let hall = hall.show(i18n.locale).text;
            Some(view! {
                <a href=format!("/halls/{slug}")>
                    {i18n.t_args("booth-location", vec![("hall", Arg::Str(hall)), ("booth", Arg::Str(code.clone()))])}
                </a>
            })
        }
        _ => None,
    };
    let industry = detail
        .industry
        .as_deref()
        .map(|i| i18n.t(&industry_message_id(i)));
    let tier = detail.tier.map(|t| i18n.t(t.message_id()));
    let count = i64::try_from(detail.products.len()).unwrap_or(0);
    let about_fallback = about.is_fallback;
    // The uploaded logo and banner (the newest of each), if any.
    let picture_of = |kind: &str, variant: usize| {
        detail.media.iter().find(|m| m.kind == kind).map(|m| {
            let v = m
                .variants
                .get(variant)
                .or(m.variants.first())
                .cloned()
                .unwrap_or_default();
            m.url(&v)
        })
    };
    let logo = picture_of("logo", 1);
    let banner_style = picture_of("banner", 0).map(|url| {
        format!("background-image: linear-gradient(90deg, rgb(8 20 60 / 88%), rgb(8 20 60 / 35%)), url(\"{url}\")")
    });
    view! {
        <Title text=name.text.clone() />
        <Meta name="description" content=about.text.clone() />
        <crate::ui::share::SocialMeta
            title=name.text.clone()
            description=about.text.clone()
            path=crate::hall::hall_map::booth_href(&detail.id)
            kind="profile"
            image=picture_of("logo", 0)
        />
        <section class="booth-hero" data-industry=detail.industry.clone().unwrap_or_default() style=banner_style>
            <div class="hero-inner booth-hero-inner">
                {match logo {
                    Some(url) => view! {
                        <img class="booth-logo" src=url alt=i18n.t_args("booth-logo-alt", vec![("name", Arg::Str(name.text.clone()))]) width="96" height="96" />
                    }.into_any(),
                    None => view! { <span class="booth-logo" aria-hidden="true">{initial}</span> }.into_any(),
                }}
                <div>
                    <h1><span lang=name.locale.tag() dir=name.locale.direction().as_str()>{name.text.clone()}</span></h1>
                    <p class="booth-facts">
                        <span>{country}</span>
                        {industry.map(|i| view! { <span>{i}</span> })}
                        {tier.map(|t| view! { <span class="badge">{t}</span> })}
                    </p>
                    <p>{location}</p>
                </div>
            </div>
        </section>
        <div class="page booth-body">
            <EditBoothLink exhibitor_id=detail.id.clone() />
            <crate::matching::footprint::Footprint target="booth" id=detail.id.clone() />
            {detail.live_stream.clone().map(|stream| view! {
                <p class="live-banner">
                    <span class="live-state live-state-live">{i18n.t("live-state-live")}</span>
                    " "
                    <a href=format!("/live/{stream}")>{i18n.t("live-banner-watch")}</a>
                </p>
            })}
            <section class="booth-actions" aria-label=i18n.t("booth-contact-label")>
                <crate::chat::chat_button::ChatButton exhibitor_id=detail.id.clone() />
                <crate::trade::inquiry_form_page::InquiryButton exhibitor_id=detail.id.clone() />
                <crate::appointment::booking_page::BookButton exhibitor_id=detail.id.clone() />
                <crate::favorite::favorite_button::FavoriteButton kind=domain::favorite::FavoriteKind::Booth id=detail.id.clone() />
                <crate::ui::share::ShareButton title=name.text.clone() kind="booth" id=detail.id.clone() path=crate::hall::hall_map::booth_href(&detail.id) />
            </section>
            <section aria-labelledby="about-heading">
                <h2 id="about-heading">{i18n.t("booth-about-heading")}</h2>
                {about_fallback.then(|| view! { <span class="badge badge-muted">{i18n.t("content-original-language")}</span> })}
                <p lang=about.locale.tag() dir=about.locale.direction().as_str()>{about.text}</p>
                {(!detail.website.is_empty()).then(|| {
                    view! {
                        <p>
                            <a href=detail.website.clone() rel="noopener nofollow" target="_blank">{i18n.t("booth-website")}</a>
                        </p>
                    }
                })}
            </section>
            {has_gallery(&detail.media).then(|| {
                let company = name.text.clone();
                view! {
                    <section aria-labelledby="gallery-heading">
                        <h2 id="gallery-heading">{i18n.t("booth-gallery-heading")}</h2>
                        <MediaGallery media=detail.media.clone() company />
                    </section>
                }
            })}
            <ViewerSections media=detail.media.clone() subject=name.text.clone() />
            <section aria-labelledby="products-heading">
                <h2 id="products-heading">
                    {i18n.t_args("booth-products-heading", vec![("count", Arg::Num(count))])}
                </h2>
                <ProductGrid products=detail.products />
            </section>
        </div>
    }
}

/// "Edit booth" for the booth's team (and organizers); nothing for everyone else.
#[component]
fn EditBoothLink(exhibitor_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let id = exhibitor_id.clone();
    let allowed = Resource::new(move || id.clone(), can_edit_booth);
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let href = format!("/exhibitors/{exhibitor_id}/edit");
                Suspend::new(async move {
                    matches!(allowed.await, Ok(true))
                        .then(|| view! { <p><a class="btn btn-ghost" href=href>{i18n.t("booth-edit-link")}</a></p> })
                })
            }}
        </Suspense>
    }
}
