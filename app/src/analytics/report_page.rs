//! `/analytics/report`: the post-show report, a page made to be printed (the site's header and
//! the buttons are left out on paper), with a PDF of the same made on the server. The
//! organizer reads the expo's (or a booth's, `?booth=`) and sends every booth team its own;
//! a booth's team reads its booth's.

use super::analysis_page::Table;
use super::analysis_tables::table;
use super::api::{load_report, ReportPage, SendReports};
use crate::shell::i18n::{use_i18n, Arg};
use domain::analysis::tables;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The report page.
#[component]
pub fn ReportPageView() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let booth = move || query.with(|q| q.get("booth").unwrap_or_default());
    let report = Resource::new(booth, load_report);
    view! {
        <Title text=i18n.t("report-page-title") />
        <section class="page report-page">
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match report.await {
                        Ok(r) => view! { <Report report=r /> }.into_any(),
                        Err(crate::AppError::Unauthenticated) => view! {
                            <h1>{i18n.t("report-page-title")}</h1>
                            <p>{i18n.t("dash-sign-in")}</p>
                            <p><a class="btn btn-primary" href="/login?next=%2Fanalytics%2Freport">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => view! {
                            <h1>{i18n.t("report-page-title")}</h1>
                            <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Report(report: ReportPage) -> impl IntoView {
    let i18n = use_i18n();
    let a = report.page.analysis;
    let c = report.page.charts;
    let head = report.head;
    let pdf = match &a.filter.booth {
        Some(b) => format!("/export/analytics-report.pdf?booth={b}"),
        None => "/export/analytics-report.pdf".to_owned(),
    };
    let back = match &a.filter.booth {
        Some(b) if a.whole_expo => format!("/analytics?booth={b}"),
        _ => "/analytics".to_owned(),
    };
    let country = move |code: &str| super::live_page::country(&i18n, code);
    let sections = tables(&a)
        .into_iter()
        .filter_map(|name| {
            let svg = c.of(name).to_owned();
            let t = table(&a, name, &i18n, &country)?;
            let caption = t.caption.clone();
            let heading = format!("report-h-{name}");
            Some(view! {
                <section class="report-section" data-testid=format!("report-{name}") aria-labelledby=heading.clone()>
                    <h2 id=heading.clone()>{caption.clone()}</h2>
                    {(!svg.is_empty()).then(|| view! {
                        <figure class="chart"><div role="img" aria-label=caption.clone() inner_html=svg></div></figure>
                    })}
                    <Table table=t i18n=i18n />
                </section>
            })
        })
        .collect_view();
    let whole = a.whole_expo && a.filter.booth.is_none();
    view! {
        <p class="no-print"><a href=back>{i18n.t("analysis-title")}</a></p>
        <header class="report-head">
            <h1 data-testid="report-title">{head.title}</h1>
            <p class="report-of" data-testid="report-of">{head.of}</p>
            <p class="muted">{head.dates}</p>
        </header>
        <p class="report-actions no-print">
            <a class="btn btn-primary" href=pdf download data-testid="report-pdf">{i18n.t("report-pdf")}</a>
            <button type="button" class="btn" on:click=move |_| print()>{i18n.t("report-print")}</button>
        </p>
        {whole.then(|| view! { <SendToExhibitors /> })}
        <dl class="stats">
            <div class="stat"><dt>{i18n.t("analysis-visitors")}</dt><dd data-testid="report-visitors">{i18n.number(a.totals.visitors)}</dd></div>
            <div class="stat"><dt>{i18n.t("analysis-views")}</dt><dd data-testid="report-views">{i18n.number(a.totals.views)}</dd></div>
            <div class="stat"><dt>{i18n.t("analysis-minutes")}</dt><dd data-testid="report-minutes">{i18n.number(a.totals.minutes)}</dd></div>
        </dl>
        {sections}
    }
}

/// Opens the browser's print dialog.
fn print() {
    #[cfg(feature = "hydrate")]
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The organizer sends every booth team its report (a notification and an e-mail).
#[component]
fn SendToExhibitors() -> impl IntoView {
    let i18n = use_i18n();
    let send = ServerAction::<SendReports>::new();
    view! {
        <section class="card report-send no-print" aria-labelledby="report-send-heading">
            <h2 id="report-send-heading">{i18n.t("report-send-title")}</h2>
            <p>{i18n.t("report-send-body")}</p>
            <ActionForm action=send>
                <button type="submit" class="btn">{i18n.t("report-send")}</button>
            </ActionForm>
            <p role="status" data-testid="report-sent">
                {move || match send.value().get() {
                    Some(Ok((booths, people))) => i18n.t_args("report-sent", vec![
                        ("booths", Arg::Num(booths)), ("people", Arg::Num(people))]),
                    Some(Err(e)) => i18n.t(e.message_id()),
                    None => String::new(),
                }}
            </p>
        </section>
    }
}
