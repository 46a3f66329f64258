//! `/dashboard/surveys/<id>/results`: how many were asked and answered, then per question its
//! chart beside its table (each point's count and share; the mean of a scale; the net promoter
//! score), or the words people wrote; and the export of every answer.

use super::api::{read_survey_results, ResultsPage};
use crate::shell::i18n::{use_i18n, Arg, I18n};
use domain::survey::{Question, QuestionKind, QuestionResult};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The results page.
#[component]
pub fn SurveyResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let results = Resource::new(id, read_survey_results);
    view! {
        <Title text=i18n.t("survey-results") />
        <section class="page survey-results">
            <p><a href="/dashboard/surveys">{i18n.t("survey-title")}</a></p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(page) => view! { <Results page /> }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{crate::ui::error_text(&i18n, &e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// `n` of `of` as a percentage with one decimal, in the reader's number format.
fn share(i18n: &I18n, n: i64, of: i64) -> String {
    if of <= 0 {
        return i18n.t_args("survey-share", vec![("share", Arg::Str("0".into()))]);
    }
    let per_mille = n * 1000 / of;
    let share = format!("{}.{}", i18n.number(per_mille / 10), per_mille % 10);
    i18n.t_args("survey-share", vec![("share", Arg::Str(share))])
}

#[component]
fn Results(page: ResultsPage) -> impl IntoView {
    let i18n = use_i18n();
    let s = page.results.survey;
    let id = s.id.clone();
    view! {
        <h1 data-testid="survey-results-heading">{s.title.show(i18n.locale).text}</h1>
        <dl class="stats">
            <div class="stat"><dt>{i18n.t("survey-invited")}</dt><dd data-testid="survey-invited">{i18n.number(s.invited)}</dd></div>
            <div class="stat"><dt>{i18n.t("survey-answered")}</dt><dd data-testid="survey-answered">{i18n.number(s.answered)}</dd></div>
            <div class="stat"><dt>{i18n.t("survey-rate")}</dt><dd>{share(&i18n, s.answered, s.invited)}</dd></div>
        </dl>
        <p class="analysis-exports">
            <a class="btn btn-small" href=format!("/export/survey-{id}.csv") download data-testid="survey-export-csv">{i18n.t("survey-export-csv")}</a>
            <a class="btn btn-small" href=format!("/export/survey-{id}.xlsx") download>{i18n.t("survey-export-xlsx")}</a>
        </p>
        {s.questions.iter().zip(page.results.results).zip(page.charts).enumerate().map(|(n, ((q, r), svg))| {
            view! { <QuestionResults n q=q.clone() r svg /> }
        }).collect_view()}
    }
}

#[component]
fn QuestionResults(n: usize, q: Question, r: QuestionResult, svg: String) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("survey-result-{}", q.id);
    let prompt = q.prompt.show(i18n.locale).text;
    let summary = match (q.kind, r.mean_milli, r.nps) {
        (QuestionKind::Nps, _, Some(nps)) => {
            Some(i18n.t_args("survey-nps-score", vec![("score", Arg::Num(nps))]))
        }
        (QuestionKind::Scale, Some(m), _) => Some(i18n.t_args(
            "survey-mean",
            vec![
                (
                    "mean",
                    Arg::Str(format!("{}.{}", m / 1000, (m % 1000) / 100)),
                ),
                ("max", Arg::Num(i64::from(q.scale))),
            ],
        )),
        _ => None,
    };
    let body = if q.kind == QuestionKind::Text {
        if r.texts.is_empty() {
            view! { <p class="empty">{i18n.t("survey-no-answers")}</p> }.into_any()
        } else {
            view! { <ul class="survey-texts">{r.texts.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul> }.into_any()
        }
    } else {
        let labels = q.point_labels(i18n.locale);
        view! {
            <div class="analysis-pair">
                {(!svg.is_empty()).then(|| view! {
                    <figure class="chart"><div role="img" aria-label=prompt.clone() inner_html=svg></div></figure>
                })}
                <div class="table-scroll">
                    <table class="data-table">
                        <caption class="visually-hidden">{prompt.clone()}</caption>
                        <thead><tr>
                            <th scope="col">{i18n.t("survey-col-answer")}</th>
                            <th scope="col">{i18n.t("survey-col-people")}</th>
                            <th scope="col">{i18n.t("survey-col-share")}</th>
                        </tr></thead>
                        <tbody>
                            {labels.into_iter().zip(r.counts.iter().copied()).map(|(label, count)| view! {
                                <tr><th scope="row">{label}</th><td>{i18n.number(count)}</td><td>{share(&i18n, count, r.answered)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="analysis-section" aria-labelledby=heading.clone() data-testid="survey-result">
            <h2 id=heading.clone()>{format!("{}. ", n + 1)}{prompt.clone()}</h2>
            <p class="muted">
                {i18n.t_args("survey-answered-by", vec![("people", Arg::Num(r.answered))])}
                {summary.map(|s| view! { " " <strong data-testid="survey-summary">{s}</strong> })}
            </p>
            {body}
        </section>
    }
}
