//! `/analytics`: the analysis of the expo (organizers, with a drill-down into any booth) or of
//! the reader's own booth (its team). A plain GET form filters by day and hall, so the page
//! works without JavaScript; each chart has its table beside it, and each table its exports.

use super::analysis_tables::{table, AnalysisTable};
use super::api::{load_analysis, AnalysisPage};
use crate::shell::i18n::{use_i18n, I18n};
use domain::analysis::{tables, Analysis, AnalysisFilter};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The analysis page.
#[component]
pub fn AnalysisPageView() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let asked = move || {
        query.with(|q| {
            (
                q.get("day").unwrap_or_default(),
                q.get("hall").unwrap_or_default(),
                q.get("booth").unwrap_or_default(),
            )
        })
    };
    let page = Resource::new(asked, |(day, hall, booth)| load_analysis(day, hall, booth));
    view! {
        <Title text=i18n.t("analysis-title") />
        <section class="page analysis-page">
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(p) => view! { <Report page=p /> }.into_any(),
                        Err(crate::AppError::Unauthenticated) => view! {
                            <h1>{i18n.t("analysis-title")}</h1>
                            <p>{i18n.t("dash-sign-in")}</p>
                            <p><a class="btn btn-primary" href="/login?next=%2Fanalytics">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => view! {
                            <h1>{i18n.t("analysis-title")}</h1>
                            <p class="form-alert" role="alert" data-testid="analysis-error">{i18n.t(e.message_id())}</p>
                            <p><a href="/analytics">{i18n.t("analysis-reset")}</a></p>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The whole analysis.
#[component]
fn Report(page: AnalysisPage) -> impl IntoView {
    let i18n = use_i18n();
    let a = page.analysis;
    let c = page.charts;
    let title = match &a.booth_name {
        Some(name) => format!(
            "{} · {}",
            i18n.t("analysis-title"),
            name.show(i18n.locale).text
        ),
        None => i18n.t("analysis-title"),
    };
    let back = if a.whole_expo {
        ("/dashboard", "nav-dashboard")
    } else {
        ("/leads", "lead-title")
    };
    let country = move |code: &str| super::live_page::country(&i18n, code);
    let names = tables(&a);
    let section = |name: &'static str, svg: String| {
        table(&a, name, &i18n, &country).map(|t| {
            view! { <Section name=name table=t svg=svg filter=a.filter.clone() /> }
        })
    };
    let whole = a.filter.booth.is_none();
    let report = match &a.filter.booth {
        Some(b) => format!("/analytics/report?booth={b}"),
        None => "/analytics/report".to_owned(),
    };
    let sections = names
        .iter()
        .filter_map(|name| {
            let svg = c.of(name).to_owned();
            section(name, svg)
        })
        .collect_view();
    view! {
        <p><a href=back.0>{i18n.t(back.1)}</a>
            {(a.whole_expo && !whole).then(|| view! {
                " · " <a href="/analytics" data-testid="analysis-whole">{i18n.t("analysis-whole-expo")}</a>
            })}
        </p>
        <h1 data-testid="analysis-heading">{title}</h1>
        <p class="lead">{i18n.t(if whole { "analysis-lead" } else { "analysis-lead-booth" })}</p>
        <p><a class="btn" href=report data-testid="analysis-report">{i18n.t("report-open")}</a></p>
        <Filters a=a.clone() />
        <dl class="stats">
            <div class="stat"><dt>{i18n.t("analysis-visitors")}</dt><dd data-testid="analysis-visitors">{i18n.number(a.totals.visitors)}</dd></div>
            <div class="stat"><dt>{i18n.t("analysis-views")}</dt><dd data-testid="analysis-views">{i18n.number(a.totals.views)}</dd></div>
            <div class="stat"><dt>{i18n.t("analysis-minutes")}</dt><dd>{i18n.number(a.totals.minutes)}</dd></div>
        </dl>
        {sections}
    }
}

/// The day and hall filters (a GET form; the booth, when one is analysed, is kept).
#[component]
fn Filters(a: Analysis) -> impl IntoView {
    let i18n = use_i18n();
    let f = a.filter.clone();
    view! {
        <form method="get" action="/analytics" class="analysis-filters form-grid" role="search" aria-label=i18n.t("analysis-filters")>
            <div class="field">
                <label for="analysis-day">{i18n.t("analysis-day")}</label>
                <select id="analysis-day" name="day">
                    <option value="">{i18n.t("analysis-all-days")}</option>
                    {a.days.iter().map(|d| {
                        let chosen = f.day.as_deref() == Some(d.as_str());
                        view! { <option value=d.clone() selected=chosen>{i18n.date(d)}</option> }
                    }).collect_view()}
                </select>
            </div>
            {(!a.halls.is_empty()).then(|| view! {
                <div class="field">
                    <label for="analysis-hall">{i18n.t("analysis-hall")}</label>
                    <select id="analysis-hall" name="hall">
                        <option value="">{i18n.t("analysis-all-halls")}</option>
                        {a.halls.iter().map(|(id, name)| {
                            let chosen = f.hall.as_deref() == Some(id.as_str());
                            view! { <option value=id.clone() selected=chosen>{name.show(i18n.locale).text}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            {f.booth.clone().map(|b| view! { <input type="hidden" name="booth" value=b /> })}
            <div class="field"><button type="submit" class="btn">{i18n.t("analysis-apply")}</button></div>
        </form>
    }
}

/// One table, its chart beside it, and its exports.
#[component]
fn Section(
    name: &'static str,
    table: AnalysisTable,
    svg: String,
    filter: AnalysisFilter,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = filter.to_query();
    let export = move |ext: &str| {
        if query.is_empty() {
            format!("/export/analytics-{name}.{ext}")
        } else {
            format!("/export/analytics-{name}.{ext}?{query}")
        }
    };
    let caption = table.caption.clone();
    // The heading names the section and, for the export links, which table they export.
    let heading = format!("analysis-h-{name}");
    view! {
        <section class="analysis-section" data-testid=format!("analysis-{name}") aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{caption.clone()}</h2>
            <div class="analysis-pair">
                {(!svg.is_empty()).then(|| view! {
                    <figure class="chart">
                        <div role="img" aria-label=caption.clone() inner_html=svg></div>
                    </figure>
                })}
                <Table table=table i18n=i18n />
            </div>
            <p class="analysis-exports">
                <a class="btn btn-small" href=export("csv") download aria-describedby=heading.clone() data-testid=format!("export-{name}-csv")>{i18n.t("analysis-export-csv")}</a>
                <a class="btn btn-small" href=export("xlsx") download aria-describedby=heading.clone()>{i18n.t("analysis-export-xlsx")}</a>
            </p>
        </section>
    }
}

#[component]
pub(super) fn Table(table: AnalysisTable, i18n: I18n) -> impl IntoView {
    if table.rows.is_empty() {
        return view! { <p class="empty">{i18n.t("analysis-empty")}</p> }.into_any();
    }
    let links = table.links.clone();
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <caption class="visually-hidden">{table.caption.clone()}</caption>
                <thead><tr>{table.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {table.rows.iter().enumerate().map(|(i, row)| {
                        let link = links.get(i).cloned().flatten();
                        view! {
                            <tr>
                                {row.iter().enumerate().map(|(j, cell)| {
                                    let text = cell.shown(&i18n);
                                    match (j, &link) {
                                        (0, Some(href)) => view! { <th scope="row"><a href=href.clone()>{text}</a></th> }.into_any(),
                                        (0, None) => view! { <th scope="row">{text}</th> }.into_any(),
                                        _ => view! { <td>{text}</td> }.into_any(),
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
