//! `/dashboard/live`: the organizer's live counters. The page is rendered with the counters of
//! the moment, then follows `dashboard:<expo>` and shows every push (one a second) as it comes:
//! headline figures on top, then every figure in a table (today and in all), then today's
//! visitors by country and by language.

use super::api::{load_live_counters, SetPublicCounters};
use crate::shell::i18n::{use_i18n, Arg, I18n};
use domain::analytics::{Figure, LiveCounters};
use domain::realtime::{Hint, ServerFrame};
use domain::trade::format_money;
use leptos::prelude::*;
use leptos_meta::Title;

/// The live dashboard page.
#[component]
pub fn LiveDashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let first = Resource::new(|| (), |_| load_live_counters());
    view! {
        <Title text=i18n.t("analytics-live-title") />
        <section class="page live-dashboard-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("analytics-live-title")}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match first.await {
                        Ok(d) => view! {
                            <Live expo_id=d.expo_id counters=d.counters />
                            <PublicSwitch public=d.public />
                        }.into_any(),
                        Err(crate::AppError::Unauthenticated) => view! {
                            <p>{i18n.t("dash-sign-in")}</p>
                            <p><a class="btn btn-primary" href="/login?next=%2Fdashboard%2Flive">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The counters, following the pushes.
#[component]
fn Live(expo_id: String, counters: LiveCounters) -> impl IntoView {
    let i18n = use_i18n();
    let now = RwSignal::new(counters);
    crate::realtime::use_topic(format!("dashboard:{expo_id}"), None, move |f| {
        if let ServerFrame::Signal {
            body: Hint::Counters(c),
            ..
        } = f
        {
            let _ = now.try_set((**c).clone());
        }
    });
    let down = crate::realtime::use_connection_down();
    view! {
        <p class="muted" aria-live="polite">
            {move || if down.get() { i18n.t("analytics-live-behind") } else { i18n.t("analytics-live-every-second") }}
        </p>
        {move || {
            let c = now.get();
            view! {
                <Headline c=c.clone() />
                <FigureTable c=c.clone() />
                <Breakdown caption=i18n.t("analytics-by-country") head=i18n.t("analytics-col-country")
                    rows=c.countries_today.iter().map(|(k, n)| (country(&i18n, k), *n)).collect() testid="analytics-countries" />
                <Breakdown caption=i18n.t("analytics-by-language") head=i18n.t("analytics-col-language")
                    rows=c.languages_today.iter().map(|(k, n)| (language(&i18n, k), *n)).collect() testid="analytics-languages" />
            }
        }}
    }
}

/// A country or region's name in the reader's language ("not given" when unknown).
pub fn country(i18n: &I18n, code: &str) -> String {
    if code.is_empty() {
        i18n.t("analytics-unknown")
    } else {
        i18n.t(&crate::account::register_page::country_message_id(code))
    }
}

fn language(i18n: &I18n, tag: &str) -> String {
    domain::Locale::parse(tag)
        .map(|l| l.endonym().to_owned())
        .unwrap_or_else(|| i18n.t("analytics-unknown"))
}

/// The figures people look at first.
#[component]
fn Headline(c: LiveCounters) -> impl IntoView {
    let i18n = use_i18n();
    let stat = |label: &str, value: String, testid: &'static str| {
        view! {
            <div class="stat">
                <dt>{i18n.t(label)}</dt>
                <dd data-testid=testid>{value}</dd>
            </div>
        }
    };
    view! {
        <dl class="stats live-stats">
            {stat("analytics-online-now", i18n.number(c.online_now), "analytics-online")}
            {stat("analytics-visitors-today", i18n.number(c.visitors.today), "analytics-visitors-today")}
            {stat("analytics-buyers-today", i18n.number(c.buyers.today), "analytics-buyers-today")}
            {stat("analytics-viewers-now", i18n.number(c.live_viewers), "analytics-viewers")}
            {stat("analytics-deal-value", format_money(c.deal_total, &c.deal_base), "analytics-deal-total")}
        </dl>
    }
}

/// Every figure, today and in all.
#[component]
fn FigureTable(c: LiveCounters) -> impl IntoView {
    let i18n = use_i18n();
    let n = move |v: i64| i18n.number(v);
    let row = move |label: &str, f: Figure, testid: &'static str| {
        view! {
            <tr data-testid=testid>
                <th scope="row">{i18n.t(label)}</th>
                <td>{n(f.today)}</td>
                <td>{n(f.total)}</td>
            </tr>
        }
    };
    let only = move |label: &str, today: Option<String>, total: Option<String>| {
        view! {
            <tr>
                <th scope="row">{i18n.t(label)}</th>
                <td>{today.unwrap_or_else(|| "—".into())}</td>
                <td>{total.unwrap_or_else(|| "—".into())}</td>
            </tr>
        }
    };
    view! {
        <table class="data-table live-figures">
            <caption>{i18n.t("analytics-all-figures")}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("analytics-col-figure")}</th>
                    <th scope="col">{i18n.t("analytics-col-today")}</th>
                    <th scope="col">{i18n.t("analytics-col-total")}</th>
                </tr>
            </thead>
            <tbody>
                {row("analytics-visitors", c.visitors, "analytics-row-visitors")}
                {row("analytics-buyers", c.buyers, "analytics-row-buyers")}
                {row("analytics-booth-views", c.booth_views, "analytics-row-booth-views")}
                {row("analytics-product-views", c.product_views, "analytics-row-product-views")}
                {row("analytics-messages", c.messages, "analytics-row-messages")}
                {row("analytics-meetings", c.meetings, "analytics-row-meetings")}
                {only("analytics-meeting-minutes", None, Some(n(c.meeting_minutes)))}
                {only("analytics-viewers-peak", Some(i18n.t_args("analytics-now-and-peak", vec![
                    ("now", Arg::Num(c.live_viewers)),
                    ("peak", Arg::Num(c.live_viewers_peak)),
                ])), None)}
                {row("analytics-inquiries", c.inquiries, "analytics-row-inquiries")}
                {row("analytics-quotes", c.quotes, "analytics-row-quotes")}
                {row("analytics-appointments", c.appointments, "analytics-row-appointments")}
                {only("analytics-appointments-accepted", None, Some(n(c.appointments_accepted)))}
                {c.deals.iter().map(|(cur, v)| view! {
                    <tr>
                        <th scope="row">{i18n.t_args("analytics-deals-in", vec![("currency", Arg::Str(cur.clone()))])}</th>
                        <td>"—"</td>
                        <td>{format_money(*v, cur)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {(!c.deal_unconverted.is_empty()).then(|| view! {
            <p class="field-hint">{i18n.t_args("trade-unconverted", vec![("currencies", Arg::Str(c.deal_unconverted.join(", ")))])}</p>
        })}
    }
}

/// Today's visitors by one trait, most first.
#[component]
fn Breakdown(
    caption: String,
    head: String,
    rows: Vec<(String, i64)>,
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="data-table live-breakdown" data-testid=testid>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{head}</th>
                    <th scope="col">{i18n.t("analytics-visitors-today")}</th>
                </tr>
            </thead>
            <tbody>
                {rows.is_empty().then(|| view! { <tr><td colspan="2">{i18n.t("analytics-none-today")}</td></tr> })}
                {rows.into_iter().map(|(k, v)| view! {
                    <tr><th scope="row">{k}</th><td>{i18n.number(v)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Shows or hides the headline figures on the home page (a plain form: works without
/// JavaScript).
#[component]
fn PublicSwitch(public: bool) -> impl IntoView {
    let i18n = use_i18n();
    let set = ServerAction::<SetPublicCounters>::new();
    let on = Signal::derive(move || match set.value().get() {
        Some(Ok(v)) => v,
        _ => public,
    });
    view! {
        <section class="card public-switch" aria-labelledby="public-switch-heading">
            <h2 id="public-switch-heading">{i18n.t("analytics-public-title")}</h2>
            <p data-testid="analytics-public-state">
                {move || i18n.t(if on.get() { "analytics-public-on" } else { "analytics-public-off" })}
            </p>
            <ActionForm action=set>
                <input type="hidden" name="on" prop:value=move || (!on.get()).to_string() />
                <button type="submit" class="btn">
                    {move || i18n.t(if on.get() { "analytics-public-hide" } else { "analytics-public-show" })}
                </button>
            </ActionForm>
            {move || set.value().get().and_then(Result::err).map(|e| view! {
                <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p>
            })}
        </section>
    }
}
