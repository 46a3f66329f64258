//! `/dashboard/surveys/<id>` (`new` for a new one): the survey builder. The organizer writes
//! the title, introduction and questions in one language at a time (the language chosen
//! above the form; the others keep what was written in them), chooses the audience and when it
//! goes out, saves, sends, closes. Once sent, only the words may change.

use super::api::{close_survey, delete_survey, get_survey, save_survey, send_survey, survey_halls};
use super::builder_question::{exact, QuestionCard};
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use crate::AppError;
use domain::survey::{
    Audience, Question, QuestionKind, Survey, SurveyDraft, SurveyStatus, Trigger,
};
use domain::text::LocalizedText;
use domain::Locale;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

/// The builder's state, shared with each question's card.
#[derive(Clone, Copy)]
pub(super) struct Draft {
    pub title: RwSignal<LocalizedText>,
    pub intro: RwSignal<LocalizedText>,
    pub questions: RwSignal<Vec<Question>>,
    pub audience: RwSignal<Audience>,
    pub hall: RwSignal<String>,
    pub trigger: RwSignal<Trigger>,
    /// The language being written.
    pub lang: RwSignal<Locale>,
    /// Sent: the questions, options, audience and timing are fixed.
    pub fixed: bool,
    /// The last save's or send's error.
    pub error: RwSignal<Option<AppError>>,
}

impl Draft {
    fn of(survey: Option<&Survey>, lang: Locale) -> Draft {
        let blank = LocalizedText::new(lang, "");
        Draft {
            title: RwSignal::new(survey.map_or_else(|| blank.clone(), |s| s.title.clone())),
            intro: RwSignal::new(survey.map_or_else(|| blank.clone(), |s| s.intro.clone())),
            questions: RwSignal::new(survey.map(|s| s.questions.clone()).unwrap_or_default()),
            audience: RwSignal::new(survey.map(|s| s.audience).unwrap_or_default()),
            hall: RwSignal::new(survey.and_then(|s| s.hall_id.clone()).unwrap_or_default()),
            trigger: RwSignal::new(survey.map(|s| s.trigger).unwrap_or_default()),
            lang: RwSignal::new(survey.map_or(lang, |s| s.title.original)),
            fixed: survey.is_some_and(|s| s.status != SurveyStatus::Draft),
            error: RwSignal::new(None),
        }
    }

    /// The builder's JSON for the server.
    fn to_json(self) -> String {
        let hall = self.hall.get_untracked();
        let draft = SurveyDraft {
            title: Some(self.title.get_untracked()),
            intro: Some(self.intro.get_untracked()),
            questions: self.questions.get_untracked(),
            audience: self.audience.get_untracked(),
            hall_id: (!hall.is_empty()).then_some(hall),
            trigger: self.trigger.get_untracked(),
        };
        serde_json::to_string(&draft).unwrap_or_default()
    }

    /// Writes in `lang` from now on. While nothing is written yet, `lang` becomes the survey's
    /// first language (the one every text must have).
    fn write_in(self, lang: Locale) {
        let blank = |t: &LocalizedText| t.values.values().all(|v| v.trim().is_empty());
        if self.title.with_untracked(blank) {
            let rebase = |t: &mut LocalizedText| {
                if blank(t) {
                    *t = LocalizedText::new(lang, "");
                }
            };
            self.title.update(rebase);
            self.intro.update(rebase);
            self.questions.update(|qs| {
                for q in qs {
                    rebase(&mut q.prompt);
                    q.options.iter_mut().for_each(rebase);
                }
            });
        }
        self.lang.set(lang);
    }

    /// The message of the last error for `field`, in the reader's language.
    pub fn field_error(self, field: &str) -> Option<String> {
        self.error.get().and_then(|e| e.field(field))
    }
}

/// The builder page: loads the survey (unless new) and the expo's halls.
#[component]
pub fn SurveyBuilderPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    // Read again after a send or a close, which change what may be edited.
    let version = RwSignal::new(0u32);
    let notice = RwSignal::new(None::<String>);
    let loaded = Resource::new(
        move || (id(), version.get()),
        |(id, _)| async move {
            let halls = survey_halls().await?;
            let survey = if id == "new" {
                None
            } else {
                Some(get_survey(id).await?)
            };
            Ok::<_, AppError>((halls, survey))
        },
    );
    view! {
        <Title text=i18n.t("survey-title") />
        <section class="page survey-builder">
            <p><a href="/dashboard/surveys">{i18n.t("survey-title")}</a></p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok((halls, survey)) => view! { <Builder halls survey version notice /> }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{crate::ui::error_text(&i18n, &e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Builder(
    halls: Vec<(String, LocalizedText)>,
    survey: Option<Survey>,
    version: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let d = Draft::of(survey.as_ref(), i18n.locale);
    let id = survey.as_ref().map(|s| s.id.clone()).unwrap_or_default();
    let status = survey.as_ref().map(|s| s.status);
    let navigate = use_navigate();
    let save = Action::new(move |(id, json): &(String, String)| {
        let (id, json) = (id.clone(), json.clone());
        async move { save_survey(id, json).await }
    });
    let is_new = id.is_empty();
    Effect::new(move |_| match save.value().get() {
        Some(Ok(saved)) => {
            d.error.set(None);
            if is_new {
                navigate(&format!("/dashboard/surveys/{saved}"), Default::default());
            } else {
                notice.set(Some(i18n.t("survey-saved")));
            }
        }
        Some(Err(e)) => {
            notice.set(None);
            d.error.set(Some(e));
        }
        None => {}
    });
    let save_id = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        notice.set(None);
        save.dispatch((save_id.clone(), d.to_json()));
    };
    let ids = Memo::new(move |_| {
        d.questions
            .with(|qs| qs.iter().map(|q| q.id.clone()).collect::<Vec<_>>())
    });
    let add_kind = RwSignal::new(QuestionKind::Single);
    let add = move |_| {
        d.questions.update(|qs| {
            let mut k = qs.len() + 1;
            while qs.iter().any(|q| q.id == format!("q{k}")) {
                k += 1;
            }
            let kind = add_kind.get_untracked();
            let lang = d.lang.get_untracked();
            let original = d.title.with_untracked(|t| t.original);
            let blank = || {
                let mut t = LocalizedText::new(original, "");
                t.set(lang, "");
                t
            };
            qs.push(Question {
                id: format!("q{k}"),
                kind,
                prompt: blank(),
                options: if kind.has_options() {
                    vec![blank(), blank()]
                } else {
                    Vec::new()
                },
                scale: if kind == QuestionKind::Scale { 5 } else { 0 },
                required: false,
            });
        });
    };
    let title_error = move || d.field_error("title").map(|m| i18n.t(&m));
    let intro_error = move || d.field_error("intro").map(|m| i18n.t(&m));
    let questions_error = move || d.field_error("questions").map(|m| i18n.t(&m));
    let hall_error = move || d.field_error("hall").map(|m| i18n.t(&m));
    let heading = if is_new { "survey-new" } else { "survey-edit" };
    view! {
        <h1 data-testid="survey-heading">{i18n.t(heading)}</h1>
        {status.map(|s| view! {
            <p class="survey-state">
                <span class=format!("badge survey-{}", s.as_str()) data-testid="survey-status">{i18n.t(s.message_id())}</span>
                {d.fixed.then(|| view! { " " <span class="muted">{i18n.t("survey-fixed-note")}</span> })}
            </p>
        })}
        <form class="survey-form" on:submit=submit novalidate=true>
            <div class="field">
                <label for="survey-lang">{i18n.t("survey-language")}</label>
                <select id="survey-lang" aria-describedby="survey-lang-hint"
                    on:change=move |ev| { if let Some(l) = Locale::parse(&event_target_value(&ev)) { d.write_in(l) } }>
                    {Locale::ALL.into_iter().map(|l| view! {
                        <option value=l.tag() selected=move || d.lang.get() == l>{l.endonym()}</option>
                    }).collect_view()}
                </select>
                <p class="field-hint" id="survey-lang-hint">{i18n.t("survey-language-hint")}</p>
            </div>
            <div class="field">
                <label for="survey-title-input">{i18n.t("survey-field-title")}</label>
                <input id="survey-title-input" maxlength="120" required=true aria-describedby="survey-title-error"
                    prop:value=move || d.title.with(|t| exact(t, d.lang.get()))
                    on:input=move |ev| { let v = event_target_value(&ev); let l = d.lang.get_untracked(); d.title.update(|t| { t.values.insert(l, v); }) } />
                <p class="field-error" id="survey-title-error" aria-live="polite">{title_error}</p>
            </div>
            <div class="field">
                <label for="survey-intro">{i18n.t("survey-field-intro")}</label>
                <textarea id="survey-intro" rows="3" maxlength="1000" aria-describedby="survey-intro-error"
                    prop:value=move || d.intro.with(|t| exact(t, d.lang.get()))
                    on:input=move |ev| { let v = event_target_value(&ev); let l = d.lang.get_untracked(); d.intro.update(|t| { t.values.insert(l, v); }) }></textarea>
                <p class="field-error" id="survey-intro-error" aria-live="polite">{intro_error}</p>
            </div>
            <h2>{i18n.t("survey-questions")}</h2>
            <p class="field-error" aria-live="polite">{questions_error}</p>
            <ol class="survey-questions">
                <For each=move || ids.get() key=|id| id.clone() let:qid>
                    <QuestionCard id=qid draft=d />
                </For>
            </ol>
            {(!d.fixed).then(|| view! {
                <div class="survey-add form-grid">
                    <div class="field">
                        <label for="survey-add-kind">{i18n.t("survey-add-kind")}</label>
                        <select id="survey-add-kind" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(k) = QuestionKind::ALL.into_iter().find(|k| k.as_str() == v) { add_kind.set(k) }
                        }>
                            {QuestionKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{i18n.t(k.message_id())}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field"><button type="button" class="btn" on:click=add data-testid="survey-add">{i18n.t("survey-add-question")}</button></div>
                </div>
            })}
            <h2>{i18n.t("survey-who-when")}</h2>
            <div class="form-grid">
                <div class="field">
                    <label for="survey-audience">{i18n.t("survey-audience")}</label>
                    <select id="survey-audience" disabled=d.fixed on:change=move |ev| { if let Some(a) = Audience::parse(&event_target_value(&ev)) { d.audience.set(a) } }>
                        {Audience::ALL.into_iter().map(|a| view! { <option value=a.as_str() selected=move || d.audience.get() == a>{i18n.t(a.message_id())}</option> }).collect_view()}
                    </select>
                </div>
                <Show when=move || d.audience.get() == Audience::Hall>
                    <div class="field">
                        <label for="survey-hall">{i18n.t("survey-hall")}</label>
                        <select id="survey-hall" disabled=d.fixed aria-describedby="survey-hall-error" on:change=move |ev| d.hall.set(event_target_value(&ev))>
                            <option value="">{i18n.t("survey-choose-hall")}</option>
                            {halls.iter().map(|(h, name)| {
                                let h = h.clone();
                                let chosen = h.clone();
                                view! { <option value=h.clone() selected=move || d.hall.get() == chosen>{name.show(i18n.locale).text}</option> }
                            }).collect_view()}
                        </select>
                        <p class="field-error" id="survey-hall-error" aria-live="polite">{hall_error}</p>
                    </div>
                </Show>
                <div class="field">
                    <label for="survey-trigger">{i18n.t("survey-trigger")}</label>
                    <select id="survey-trigger" disabled=d.fixed on:change=move |ev| { if let Some(t) = Trigger::parse(&event_target_value(&ev)) { d.trigger.set(t) } }>
                        {Trigger::ALL.into_iter().map(|t| view! { <option value=t.as_str() selected=move || d.trigger.get() == t>{i18n.t(t.message_id())}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <FormAlert error=Signal::derive(move || d.error.get().filter(|e| {
                !matches!(e, AppError::Validation(v) if v.iter().all(|f| f.field != "draft"))
            })) />
            <p class="form-actions">
                <button type="submit" class="btn btn-primary" data-testid="survey-save">{i18n.t("survey-save")}</button>
            </p>
        </form>
        <p class="notice" role="status" data-testid="survey-notice">{move || notice.get()}</p>
        {(!is_new).then(|| view! { <Actions id=id.clone() status=status.unwrap_or_default() draft=d notice version /> })}
    }
}

/// Send, close, delete, preview and results, for a saved survey.
#[component]
fn Actions(
    id: String,
    status: SurveyStatus,
    draft: Draft,
    notice: RwSignal<Option<String>>,
    version: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    // Sending saves first, so what goes out is what the form shows.
    let send = Action::new(move |(id, json): &(String, String)| {
        let (id, json) = (id.clone(), json.clone());
        async move {
            save_survey(id.clone(), json).await?;
            send_survey(id).await
        }
    });
    let close = Action::new(move |(id, json): &(String, String)| {
        let (id, json) = (id.clone(), json.clone());
        async move {
            save_survey(id.clone(), json).await?;
            close_survey(id).await
        }
    });
    let delete = Action::new(move |id: &String| delete_survey(id.clone()));
    Effect::new(move |_| match send.value().get() {
        Some(Ok(n)) => {
            draft.error.set(None);
            notice.set(Some(
                i18n.t_args("survey-sent", vec![("people", Arg::Num(n))]),
            ));
            version.update(|v| *v += 1);
        }
        Some(Err(e)) => draft.error.set(Some(e)),
        None => {}
    });
    Effect::new(move |_| match close.value().get() {
        Some(Ok(())) => {
            notice.set(Some(i18n.t("survey-closed")));
            version.update(|v| *v += 1);
        }
        Some(Err(e)) => draft.error.set(Some(e)),
        None => {}
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => navigate("/dashboard/surveys", Default::default()),
        Some(Err(e)) => draft.error.set(Some(e)),
        None => {}
    });
    let (send_id, close_id, delete_id) = (id.clone(), id.clone(), id.clone());
    let may_send = status == SurveyStatus::Draft
        || status == SurveyStatus::Open && draft.trigger.get_untracked() == Trigger::AfterShow;
    view! {
        <div class="survey-actions">
            {may_send.then(|| view! {
                <button type="button" class="btn btn-primary" data-testid="survey-send"
                    on:click=move |_| { notice.set(None); send.dispatch((send_id.clone(), draft.to_json())); }>
                    {i18n.t(if status == SurveyStatus::Draft { "survey-send" } else { "survey-send-again" })}
                </button>
            })}
            {(status == SurveyStatus::Open).then(|| view! {
                <button type="button" class="btn" data-testid="survey-close" on:click=move |_| { notice.set(None); close.dispatch((close_id.clone(), draft.to_json())); }>{i18n.t("survey-close")}</button>
            })}
            {(status == SurveyStatus::Draft).then(|| view! {
                <button type="button" class="btn btn-danger" on:click=move |_| { delete.dispatch(delete_id.clone()); }>{i18n.t("survey-delete")}</button>
            })}
            <a class="btn" href=format!("/surveys/{id}")>{i18n.t("survey-preview")}</a>
            <a class="btn" href=format!("/dashboard/surveys/{id}/results") data-testid="survey-results-link">{i18n.t("survey-results")}</a>
        </div>
    }
}
