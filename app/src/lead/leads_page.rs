//! `/leads`: a booth team's leads, warmest first: filters by source, stage and words (a plain
//! GET form, so links can be shared and it works without JavaScript), counts per stage, the
//! table with each lead's stage and note, and exports of what the filters keep (CSV, XLSX, and
//! vCard of the contacts who agreed to share their details).

use super::api::{get_leads, SaveLeadNote};
use super::lead_row::LeadRow;
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use domain::lead::{LeadFilter, LeadSource, LeadStage};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
fn Filters(filter: LeadFilter) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" action="/leads" class="lead-filters form-grid" role="search" aria-label=i18n.t("lead-filters")>
            <div class="field">
                <label for="lead-source">{i18n.t("lead-source")}</label>
                <select id="lead-source" name="source">
                    <option value="">{i18n.t("lead-any")}</option>
                    {LeadSource::ALL.into_iter().map(|s| {
                        let chosen = filter.source == Some(s);
                        view! { <option value=s.as_str() selected=chosen>{i18n.t(&s.label_id())}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="lead-stage">{i18n.t("lead-stage")}</label>
                <select id="lead-stage" name="stage">
                    <option value="">{i18n.t("lead-any")}</option>
                    {LeadStage::ALL.into_iter().map(|s| {
                        let chosen = filter.stage == Some(s);
                        view! { <option value=s.as_str() selected=chosen>{i18n.t(&s.label_id())}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="lead-q">{i18n.t("lead-search")}</label>
                <input id="lead-q" name="q" type="search" value=filter.q.clone() />
            </div>
            <div class="field"><button type="submit" class="btn">{i18n.t("lead-filter")}</button></div>
        </form>
    }
}

/// The leads page.
#[component]
pub fn LeadsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || {
        query.with(|q| {
            LeadFilter::from_query(
                &q.get("source").unwrap_or_default(),
                &q.get("stage").unwrap_or_default(),
                &q.get("q").unwrap_or_default(),
            )
        })
    };
    let save = ServerAction::<SaveLeadNote>::new();
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let page = Resource::new(
        move || (filter(), save.version().get()),
        |(f, _)| {
            get_leads(
                f.source.map(|s| s.as_str().to_owned()).unwrap_or_default(),
                f.stage.map(|s| s.as_str().to_owned()).unwrap_or_default(),
                f.q,
            )
        },
    );
    view! {
        <Title text=i18n.t("lead-title") />
        <section class="page leads-page">
            <h1>{i18n.t("lead-title")}</h1>
            <p class="lead">{i18n.t("lead-lead")}</p>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    let f = filter();
                    match page.await {
                        Ok(p) => {
                            let query = f.to_query();
                            let export = move |ext: &str| if query.is_empty() {
                                format!("/export/leads.{ext}")
                            } else {
                                format!("/export/leads.{ext}?{query}")
                            };
                            view! {
                                <Filters filter=f.clone() />
                                <ul class="stats lead-stages" aria-label=i18n.t("lead-stage")>
                                    {p.stages.iter().map(|(s, n)| view! {
                                        <li><a href=format!("/leads?stage={}", s.as_str())>{i18n.t_args("lead-stage-count", vec![
                                            ("stage", Arg::Str(i18n.t(&s.label_id()))), ("count", Arg::Num(*n as i64))])}</a></li>
                                    }).collect_view()}
                                </ul>
                                <p role="status" data-testid="lead-count">{i18n.t_args("lead-count", vec![
                                    ("shown", Arg::Num(p.leads.len() as i64)), ("total", Arg::Num(p.total as i64))])}</p>
                                <p class="lead-exports">
                                    <a class="btn" href=export("csv") download>{i18n.t("lead-export-csv")}</a>
                                    <a class="btn" href=export("xlsx") download>{i18n.t("lead-export-xlsx")}</a>
                                    <a class="btn" href=export("vcf") download>{i18n.t("lead-export-vcf")}</a>
                                </p>
                                <FormAlert error=error />
                                {if p.leads.is_empty() {
                                    view! { <p class="empty">{i18n.t("lead-empty")}</p> }.into_any()
                                } else {
                                    view! {
                                        <div class="table-scroll">
                                            <table class="data-table leads-table">
                                                <caption>{p.company.show(i18n.locale).text}</caption>
                                                <thead><tr>
                                                    <th scope="col">{i18n.t("lead-col-who")}</th>
                                                    <th scope="col">{i18n.t("lead-col-signals")}</th>
                                                    <th scope="col">{i18n.t("lead-col-score")}</th>
                                                    <th scope="col">{i18n.t("lead-col-contact")}</th>
                                                    <th scope="col">{i18n.t("lead-col-follow-up")}</th>
                                                </tr></thead>
                                                <tbody>
                                                    {p.leads.into_iter().map(|lead| view! { <LeadRow lead save /> }).collect_view()}
                                                </tbody>
                                            </table>
                                        </div>
                                    }.into_any()
                                }}
                            }.into_any()
                        }
                        Err(crate::AppError::Unauthenticated) => view! {
                            <p><a class="btn btn-primary" href="/login?next=%2Fleads">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
