//! `/halls/<slug>`: one hall's floor plan and the same booths as a list.

use super::api::get_hall;
use super::hall_card::industry_message_id;
use super::hall_map::{booth_href, HallMap};
use crate::shell::error_view::ErrorView;
use crate::shell::i18n::{use_i18n, Arg};
use domain::hall::HallPlan;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

/// Which view of the hall is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HallView {
    /// The SVG plan.
    Map,
    /// The table of booths.
    List,
}

const VIEW_KEY: &str = "hall-view";

fn stored_view() -> Option<HallView> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    match storage.get_item(VIEW_KEY).ok().flatten()?.as_str() {
        "list" => Some(HallView::List),
        "map" => Some(HallView::Map),
        _ => None,
    }
}

fn remember_view(view: HallView) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(
            VIEW_KEY,
            if view == HallView::List {
                "list"
            } else {
                "map"
            },
        );
    }
}

/// The hall page.
#[component]
pub fn HallPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let hall = Resource::new(slug, get_hall);
    view! {
        <Suspense fallback=|| view! { <div class="page skeleton" aria-busy="true"></div> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                {move || Suspend::new(async move { hall.await.map(|plan| view! { <HallContent plan /> }) })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn HallContent(plan: HallPlan) -> impl IntoView {
    let i18n = use_i18n();
    // Before hydration (and without JavaScript) both views are on the page; the browser then
    // shows the one the visitor chose last time (the map by default).
    let view = RwSignal::new(None::<HallView>);
    Effect::new(move |_| view.set(Some(stored_view().unwrap_or(HallView::Map))));
    let choose = move |v: HallView| {
        view.set(Some(v));
        remember_view(v);
    };
    let name = plan.name.show(i18n.locale);
    let summary = i18n.t_args(
        "hall-summary",
        vec![
            (
                "industry",
                Arg::Str(i18n.t(&industry_message_id(&plan.industry))),
            ),
            (
                "booths",
                Arg::Num(i64::try_from(plan.booths.len()).unwrap_or(0)),
            ),
        ],
    );
    let rows = plan.booths.clone();
    let show_map = move || view.get() != Some(HallView::List);
    let show_list = move || view.get() != Some(HallView::Map);
    view! {
        <Title text=name.text.clone() />
        <Meta name="description" content=summary.clone() />
        <Meta property="og:title" content=name.text.clone() />
        <section class="page hall-page">
            <nav class="breadcrumb" aria-label=i18n.t("nav-breadcrumb")>
                <a href="/halls">{i18n.t("nav-halls")}</a>
            </nav>
            <h1><span lang=name.locale.tag() dir=name.locale.direction().as_str()>{name.text.clone()}</span></h1>
            <p class="lead">{summary}</p>
            <crate::matching::footprint::Footprint target="hall" id=plan.id.clone() />
            <div class="view-toggle" role="group" aria-label=i18n.t("hall-view-label")>
                <button type="button" class="btn btn-ghost" aria-pressed=move || (view.get() == Some(HallView::Map)).to_string()
                    on:click=move |_| choose(HallView::Map)>{i18n.t("hall-view-map")}</button>
                <button type="button" class="btn btn-ghost" aria-pressed=move || (view.get() == Some(HallView::List)).to_string()
                    on:click=move |_| choose(HallView::List)>{i18n.t("hall-view-list")}</button>
            </div>
            <Show when=show_map>
                <HallMap plan=plan.clone() />
            </Show>
            <Show when=show_list>
                <BoothTable booths=rows.clone() />
            </Show>
        </section>
    }
}

#[component]
fn BoothTable(booths: Vec<domain::hall::BoothOnPlan>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="data-table booth-table">
            <caption>{i18n.t("hall-list-caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("hall-list-booth")}</th>
                    <th scope="col">{i18n.t("hall-list-exhibitor")}</th>
                    <th scope="col">{i18n.t("hall-list-country")}</th>
                    <th scope="col">{i18n.t("hall-list-products")}</th>
                    <th scope="col">{i18n.t("hall-list-tier")}</th>
                </tr>
            </thead>
            <tbody>
                {booths
                    .into_iter()
                    .map(|b| {
                        let name = b.exhibitor_name.show(i18n.locale);
                        view! {
                            <tr>
                                <td>{b.code.clone()}</td>
                                <td>
                                    <a href=booth_href(&b.exhibitor_id) lang=name.locale.tag() dir=name.locale.direction().as_str()>
                                        {name.text}
                                    </a>
                                    {b.live_stream.clone().map(|s| view! {
                                        " " <a class="live-state live-state-live" href=format!("/live/{s}")>{i18n.t("live-state-live")}</a>
                                    })}
                                </td>
                                <td>{i18n.t(&crate::account::register_page::country_message_id(&b.country))}</td>
                                <td>{i18n.number(b.product_count)}</td>
                                <td>{i18n.t(b.tier.message_id())}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
