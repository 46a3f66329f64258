//! `/surveys/<id>`: the survey as the person it was sent to answers it, in their language when
//! it was written in it. Choices are radio buttons or check boxes in a group named by the
//! question; a scale and a score are radio buttons of their points; free text a text area.
//! Answers are kept in the page until they are accepted; each refusal is said next to its
//! question.

use super::api::{answer_survey, read_survey_form};
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use crate::AppError;
use domain::survey::{Question, QuestionKind, RawAnswer, SurveyForm};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeMap;

/// The answer page.
#[component]
pub fn SurveyAnswerPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let form = Resource::new(id, read_survey_form);
    view! {
        <Title text=i18n.t("survey-answer-title") />
        <section class="page survey-answer">
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match form.await {
                        Ok(form) => view! { <Answer form /> }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{crate::ui::error_text(&i18n, &e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Chosen points and words, by question id.
type Given = RwSignal<BTreeMap<String, RawAnswer>>;

#[component]
fn Answer(form: SurveyForm) -> impl IntoView {
    let i18n = use_i18n();
    let given: Given = RwSignal::new(BTreeMap::new());
    let id = form.id.clone();
    let send = Action::new(move |(id, json): &(String, String)| {
        let (id, json) = (id.clone(), json.clone());
        async move { answer_survey(id, json).await }
    });
    let error = Signal::derive(move || send.value().get().and_then(Result::err));
    let done = move || matches!(send.value().get(), Some(Ok(())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answers: Vec<RawAnswer> = given.get_untracked().into_values().collect();
        send.dispatch((
            id.clone(),
            serde_json::to_string(&answers).unwrap_or_default(),
        ));
    };
    let intro = form.intro.show(i18n.locale).text;
    let state = match (form.answered_at, form.open, form.preview) {
        (Some(at), _, _) => {
            Some(i18n.t_args("survey-already", vec![("at", Arg::Str(i18n.utc(at)))]))
        }
        (None, _, true) => Some(i18n.t("survey-preview-note")),
        (None, false, false) => Some(i18n.t("survey-not-open")),
        _ => None,
    };
    let can_answer = state.is_none();
    let questions = form.questions.clone();
    // Errors of no question (a page out of date): said above the button.
    let general = Signal::derive(move || {
        error.get().filter(
            |e| !matches!(e, AppError::Validation(v) if v.iter().all(|f| f.field.starts_with('q'))),
        )
    });
    let preview = form.preview.then(|| {
        let none = Signal::derive(|| None::<AppError>);
        view! {
            <fieldset disabled=true class="survey-preview">
                {form.questions.iter().enumerate().map(|(n, q)| view! { <AnswerField n q=q.clone() given error=none /> }).collect_view()}
            </fieldset>
        }
    });
    view! {
        <h1 data-testid="survey-answer-heading">{form.title.show(i18n.locale).text}</h1>
        {(!intro.is_empty()).then(|| view! { <p class="lead">{intro}</p> })}
        {state.map(|s| view! { <p class="notice" role="status" data-testid="survey-state">{s}</p> })}
        <Show when=done>
            <p class="notice notice-success" role="status" data-testid="survey-thanks">{i18n.t("survey-thanks")}</p>
        </Show>
        {preview}
        {can_answer.then(|| view! {
            <Show when=move || !done()>
                <form class="survey-answer-form" on:submit=submit.clone() novalidate=true>
                    {questions.iter().enumerate().map(|(n, q)| view! { <AnswerField n q=q.clone() given error /> }).collect_view()}
                    <FormAlert error=general />
                    <p class="form-actions"><button type="submit" class="btn btn-primary" data-testid="survey-submit">{i18n.t("survey-submit")}</button></p>
                </form>
            </Show>
        })}
    }
}

/// Sets the points of question `qid` (`multiple`: toggles `point`; otherwise chooses it).
fn choose(given: Given, qid: &str, point: String, on: bool, multiple: bool) {
    given.update(|g| {
        let a = g.entry(qid.to_owned()).or_insert_with(|| RawAnswer {
            question: qid.to_owned(),
            ..RawAnswer::default()
        });
        if !multiple {
            a.choices.clear();
        }
        a.choices.retain(|c| *c != point);
        if on {
            a.choices.push(point);
        }
    });
}

#[component]
fn AnswerField(
    n: usize,
    q: Question,
    given: Given,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let field = format!("q{}", n + 1);
    let dom = format!("survey-answer-{}", q.id);
    let error_id = format!("{dom}-error");
    let message = move || {
        error
            .get()
            .and_then(|e| e.field(&field))
            .map(|m| i18n.t(&m))
    };
    let prompt = q.prompt.show(i18n.locale).text;
    let required = q
        .required
        .then(|| view! { " " <span class="required">{i18n.t("survey-required-mark")}</span> });
    let qid = q.id.clone();
    if q.kind == QuestionKind::Text {
        return view! {
            <div class="field survey-field">
                <label for=dom.clone()>{format!("{}. ", n + 1)}{prompt}{required}</label>
                <textarea id=dom rows="4" maxlength="2000" aria-describedby=error_id.clone() aria-required=q.required.to_string()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        given.update(|g| g.entry(qid.clone()).or_insert_with(|| RawAnswer { question: qid.clone(), ..RawAnswer::default() }).text = v);
                    }></textarea>
                <p class="field-error" id=error_id.clone() aria-live="polite">{message}</p>
            </div>
        }
        .into_any();
    }
    let multiple = q.kind == QuestionKind::Multiple;
    let kind = if multiple { "checkbox" } else { "radio" };
    let points: Vec<(String, String)> = match q.points() {
        Some(range) => range
            .zip(q.point_labels(i18n.locale))
            .map(|(p, label)| (p.to_string(), label))
            .collect(),
        None => Vec::new(),
    };
    let scale_hint = match q.kind {
        QuestionKind::Nps => Some(i18n.t("survey-nps-hint")),
        QuestionKind::Scale => Some(i18n.t_args(
            "survey-scale-hint",
            vec![("max", Arg::Num(i64::from(q.scale)))],
        )),
        _ => None,
    };
    let inline = matches!(q.kind, QuestionKind::Scale | QuestionKind::Nps);
    view! {
        <fieldset class="field survey-field" aria-describedby=error_id.clone() data-testid="survey-field">
            <legend>{format!("{}. ", n + 1)}{prompt}{required}</legend>
            {scale_hint.map(|h| view! { <p class="field-hint">{h}</p> })}
            <div class=if inline { "survey-points survey-points-inline" } else { "survey-points" }>
                {points.into_iter().map(|(p, label)| {
                    let input_id = format!("{dom}-{p}");
                    let qid = qid.clone();
                    let value = p.clone();
                    view! {
                        <span class="survey-point">
                            <input type=kind id=input_id.clone() name=dom.clone() value=p
                                on:change=move |ev| choose(given, &qid, value.clone(), event_target_checked(&ev), multiple) />
                            <label for=input_id>{label}</label>
                        </span>
                    }
                }).collect_view()}
            </div>
            <p class="field-error" id=error_id.clone() aria-live="polite">{message}</p>
        </fieldset>
    }
    .into_any()
}
