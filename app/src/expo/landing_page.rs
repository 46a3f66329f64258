//! The home page: the current expo's name, dates, halls with counts and a few exhibitors.

use super::api::get_landing;
use crate::hall::hall_card::HallCard;
use crate::shell::error_view::ErrorView;
use crate::shell::i18n::{use_i18n, Arg, I18n};
use domain::analytics::Headline;
use domain::expo::{ExhibitorCard, ExpoLanding};
use domain::realtime::{Hint, ServerFrame};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Fluent ids of the landing page's totals, in display order.
pub const STAT_IDS: [&str; 3] = [
    "landing-stat-halls",
    "landing-stat-exhibitors",
    "landing-stat-products",
];

/// `/`: the expo landing page.
#[component]
pub fn LandingPage() -> impl IntoView {
    let i18n = use_i18n();
    let landing = Resource::new(|| (), |_| get_landing());
    view! {
        <Suspense fallback=move || view! { <div class="page skeleton" aria-busy="true"></div> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                {move || Suspend::new(async move {
                landing.await.map(|l| match l {
                    Some(l) => view! { <LandingContent landing=l /> }.into_any(),
                    None => view! {
                        <section class="page">
                            <Title text=i18n.t("landing-empty-title") />
                            <h1>{i18n.t("landing-empty-title")}</h1>
                            <p class="lead">{i18n.t("landing-empty-body")}</p>
                        </section>
                    }.into_any(),
                })
            })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn LandingContent(landing: ExpoLanding) -> impl IntoView {
    let i18n = use_i18n();
    let name = landing.expo.name.show(i18n.locale);
    let tagline = landing.expo.tagline.show(i18n.locale);
    let dates = i18n.t_args(
        "landing-dates",
        vec![
            ("start", Arg::Str(i18n.date(&landing.expo.starts_on))),
            ("end", Arg::Str(i18n.date(&landing.expo.ends_on))),
        ],
    );
    let totals = [
        i64::try_from(landing.halls.len()).unwrap_or(0),
        landing.exhibitor_total,
        landing.product_total,
    ];
    let stats = STAT_IDS.into_iter().zip(totals);
    view! {
        <Title text=name.text.clone() />
        <Meta name="description" content=tagline.text.clone() />
        <Meta property="og:title" content=name.text.clone() />
        <Meta property="og:description" content=tagline.text.clone() />
        <Meta property="og:type" content="website" />
        <section class="hero">
            <div class="hero-inner">
                <p class="eyebrow">{dates}</p>
                <h1><span lang=name.locale.tag() dir=name.locale.direction().as_str()>{name.text.clone()}</span></h1>
                <p class="lead"><span lang=tagline.locale.tag() dir=tagline.locale.direction().as_str()>{tagline.text.clone()}</span></p>
                <div class="hero-actions">
                    <a class="btn btn-primary btn-lg" href="/halls">{i18n.t("landing-cta-enter")}</a>
                    <a class="btn btn-ghost btn-lg" href="/register">{i18n.t("landing-cta-register")}</a>
                </div>
                {landing.headline.map(|h| view! { <HeadlineStrip expo_id=landing.expo.id.clone() headline=h /> })}
                <dl class="stats">
                    {stats
                        .into_iter()
                        .map(|(id, n)| {
                            view! {
                                <div class="stat">
                                    <dt>{i18n.t(id)}</dt>
                                    <dd>{i18n.number(n)}</dd>
                                </div>
                            }
                        })
                        .collect_view()}
                </dl>
            </div>
        </section>
        <section class="page" aria-labelledby="halls-heading">
            <h2 id="halls-heading">{i18n.t("landing-halls-heading")}</h2>
            <ul class="card-grid hall-grid">
                {landing.halls.into_iter().map(|hall| view! { <HallCard hall /> }).collect_view()}
            </ul>
        </section>
        <section class="page" aria-labelledby="featured-heading">
            <h2 id="featured-heading">{i18n.t("landing-featured-heading")}</h2>
            <ul class="card-grid exhibitor-grid">
                {landing.featured.into_iter().map(|e| exhibitor_card(&i18n, e)).collect_view()}
            </ul>
        </section>
    }
}

/// The expo's live headline figures, when the organizer shows them: kept up to date by the
/// pushes on the expo's topic.
#[component]
fn HeadlineStrip(expo_id: String, headline: Headline) -> impl IntoView {
    let i18n = use_i18n();
    let now = RwSignal::new(headline);
    crate::realtime::use_topic(format!("expo:{expo_id}"), None, move |f| {
        if let ServerFrame::Signal {
            body: Hint::Headline(h),
            ..
        } = f
        {
            let _ = now.try_set(*h);
        }
    });
    let stat = move |label: &'static str, value: fn(&Headline) -> i64, testid: &'static str| {
        view! {
            <div class="stat">
                <dt>{i18n.t(label)}</dt>
                <dd data-testid=testid>{move || i18n.number(value(&now.get()))}</dd>
            </div>
        }
    };
    view! {
        <dl class="stats headline-strip" aria-label=i18n.t("landing-headline-label")>
            {stat("analytics-visitors-today", |h| h.visitors.today, "headline-visitors-today")}
            {stat("landing-headline-visitors-total", |h| h.visitors.total, "headline-visitors-total")}
            {stat("analytics-online-now", |h| h.online_now, "headline-online")}
            {stat("analytics-viewers-now", |h| h.live_viewers, "headline-viewers")}
        </dl>
    }
}

fn exhibitor_card(i18n: &I18n, ex: ExhibitorCard) -> impl IntoView {
    let name = ex.name.show(i18n.locale);
    let hall = ex.hall_name.show(i18n.locale);
    let country = i18n.t(&crate::account::register_page::country_message_id(
        &ex.country,
    ));
    let products = i18n.t_args(
        "landing-exhibitor-products",
        vec![("count", Arg::Num(ex.product_count))],
    );
    view! {
        <li class="card exhibitor-card">
            <h3><a href=crate::hall::hall_map::booth_href(&ex.id) lang=name.locale.tag() dir=name.locale.direction().as_str()>{name.text}</a></h3>
            {name.is_fallback.then(|| view! { <span class="badge badge-muted">{i18n.t("content-original-language")}</span> })}
            <p class="muted">{country} " · " <span lang=hall.locale.tag() dir=hall.locale.direction().as_str()>{hall.text}</span></p>
            <p>{products}</p>
        </li>
    }
}
