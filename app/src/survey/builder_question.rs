//! One question's card in the survey builder: its kind, words (in the language being written),
//! options or scale, whether it must be answered, and its place in the list. Each input reads
//! its value from the builder's state and writes back on input, so typing never rebuilds the
//! card (the list is keyed by question id; options are rebuilt only when added or removed).

use super::builder_page::Draft;
use crate::shell::i18n::{use_i18n, Arg};
use domain::survey::{Question, QuestionKind, MAX_OPTIONS, SCALE_POINTS};
use domain::text::LocalizedText;
use domain::Locale;
use leptos::prelude::*;

/// The value written in `lang` exactly (no fallback to another language).
pub(super) fn exact(t: &LocalizedText, lang: Locale) -> String {
    t.values.get(&lang).cloned().unwrap_or_default()
}

/// Changes the question `id`, if it is still there.
fn edit(d: Draft, id: &str, f: impl FnOnce(&mut Question)) {
    d.questions.update(|qs| {
        if let Some(q) = qs.iter_mut().find(|q| q.id == id) {
            f(q);
        }
    });
}

/// Reads the question `id` (`None` once it is removed).
fn read<T>(d: Draft, id: &str, f: impl FnOnce(&Question) -> T) -> Option<T> {
    d.questions.with(|qs| qs.iter().find(|q| q.id == id).map(f))
}

/// A blank text in the survey's languages (the title's original and the one being written).
fn blank(d: Draft) -> LocalizedText {
    let original = d.title.with_untracked(|t| t.original);
    let mut t = LocalizedText::new(original, "");
    t.set(d.lang.get_untracked(), "");
    t
}

/// The card of question `id`.
#[component]
pub(super) fn QuestionCard(id: String, draft: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let d = draft;
    let id = StoredValue::new(id);
    let index = Memo::new(move |_| {
        d.questions
            .with(|qs| qs.iter().position(|q| id.with_value(|i| q.id == *i)))
            .unwrap_or(0)
    });
    let kind = Memo::new(move |_| {
        id.with_value(|i| read(d, i, |q| q.kind))
            .unwrap_or(QuestionKind::Text)
    });
    let options = Memo::new(move |_| {
        id.with_value(|i| read(d, i, |q| q.options.len()))
            .unwrap_or(0)
    });
    let count = Memo::new(move |_| d.questions.with(Vec::len));
    let dom = move |part: &str| id.with_value(|i| format!("survey-{i}-{part}"));
    let error = move |part: &'static str| {
        move || {
            d.field_error(&format!("q{}-{part}", index.get() + 1))
                .map(|m| i18n.t(&m))
        }
    };
    let moved = move |by: isize| {
        d.questions.update(|qs| {
            let from = index.get_untracked();
            let to = from.checked_add_signed(by).filter(|t| *t < qs.len());
            if let Some(to) = to {
                qs.swap(from, to);
            }
        });
    };
    let remove = move |_| {
        d.questions
            .update(|qs| id.with_value(|i| qs.retain(|q| q.id != *i)));
    };
    let heading = move || {
        i18n.t_args(
            "survey-question-n",
            vec![("n", Arg::Num(i64::try_from(index.get()).unwrap_or(0) + 1))],
        )
    };
    view! {
        <li class="survey-question card" data-testid="survey-question">
            <fieldset>
                <legend>{heading}</legend>
                <div class="form-grid">
                    <div class="field">
                        <label for=dom("kind")>{i18n.t("survey-kind")}</label>
                        <select id=dom("kind") disabled=d.fixed on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(k) = QuestionKind::ALL.into_iter().find(|k| k.as_str() == v) {
                                id.with_value(|i| edit(d, i, |q| {
                                    q.kind = k;
                                    if k.has_options() && q.options.len() < 2 {
                                        q.options.resize_with(2, || blank(d));
                                    }
                                    if k == QuestionKind::Scale && !SCALE_POINTS.contains(&q.scale) {
                                        q.scale = 5;
                                    }
                                }));
                            }
                        }>
                            {QuestionKind::ALL.into_iter().map(|k| view! {
                                <option value=k.as_str() selected=move || kind.get() == k>{i18n.t(k.message_id())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field field-check">
                        <input type="checkbox" id=dom("required") disabled=d.fixed
                            prop:checked=move || id.with_value(|i| read(d, i, |q| q.required)).unwrap_or(false)
                            on:change=move |ev| { let on = event_target_checked(&ev); id.with_value(|i| edit(d, i, |q| q.required = on)); } />
                        <label for=dom("required")>{i18n.t("survey-required")}</label>
                    </div>
                </div>
                <div class="field">
                    <label for=dom("prompt")>{i18n.t("survey-prompt")}</label>
                    <input id=dom("prompt") maxlength="300" aria-describedby=dom("prompt-error") data-testid="survey-prompt"
                        prop:value=move || id.with_value(|i| read(d, i, |q| exact(&q.prompt, d.lang.get()))).unwrap_or_default()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            let l = d.lang.get_untracked();
                            id.with_value(|i| edit(d, i, |q| { q.prompt.values.insert(l, v); }));
                        } />
                    <p class="field-error" id=dom("prompt-error") aria-live="polite">{error("prompt")}</p>
                </div>
                <Show when=move || kind.get().has_options()>
                    <div class="field">
                        <p class="field-label">{i18n.t("survey-options")}</p>
                        <ol class="survey-options">
                            {move || (0..options.get()).map(|n| {
                                let label = i18n.t_args("survey-option-n", vec![("n", Arg::Num(i64::try_from(n).unwrap_or(0) + 1))]);
                                view! {
                                    <li>
                                        <label class="visually-hidden" for=dom(&format!("option-{n}"))>{label}</label>
                                        <input id=dom(&format!("option-{n}")) maxlength="300" data-testid="survey-option"
                                            prop:value=move || id.with_value(|i| read(d, i, |q| q.options.get(n).map(|o| exact(o, d.lang.get())).unwrap_or_default())).unwrap_or_default()
                                            on:input=move |ev| {
                                                let v = event_target_value(&ev);
                                                let l = d.lang.get_untracked();
                                                id.with_value(|i| edit(d, i, |q| if let Some(o) = q.options.get_mut(n) { o.values.insert(l, v); }));
                                            } />
                                        {(!d.fixed).then(|| view! {
                                            <button type="button" class="btn btn-small" on:click=move |_| id.with_value(|i| edit(d, i, |q| { if n < q.options.len() { q.options.remove(n); } }))>
                                                {i18n.t("survey-remove-option")}
                                            </button>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        {(!d.fixed).then(|| view! {
                            <button type="button" class="btn btn-small" disabled=move || { options.get() >= MAX_OPTIONS } data-testid="survey-add-option"
                                on:click=move |_| id.with_value(|i| edit(d, i, |q| q.options.push(blank(d))))>
                                {i18n.t("survey-add-option")}
                            </button>
                        })}
                        <p class="field-error" aria-live="polite">{error("options")}</p>
                    </div>
                </Show>
                <Show when=move || kind.get() == QuestionKind::Scale>
                    <div class="field">
                        <label for=dom("scale")>{i18n.t("survey-scale-points")}</label>
                        <input id=dom("scale") type="number" min=SCALE_POINTS.start().to_string() max=SCALE_POINTS.end().to_string() disabled=d.fixed
                            prop:value=move || id.with_value(|i| read(d, i, |q| q.scale.to_string())).unwrap_or_default()
                            on:input=move |ev| {
                                if let Ok(p) = event_target_value(&ev).trim().parse::<u8>() {
                                    id.with_value(|i| edit(d, i, |q| q.scale = p));
                                }
                            } />
                        <p class="field-error" aria-live="polite">{error("scale")}</p>
                    </div>
                </Show>
                {(!d.fixed).then(|| view! {
                    <p class="survey-question-actions">
                        <button type="button" class="btn btn-small" disabled=move || index.get() == 0 on:click=move |_| moved(-1)>{i18n.t("survey-move-up")}</button>
                        <button type="button" class="btn btn-small" disabled=move || { index.get() + 1 >= count.get() } on:click=move |_| moved(1)>{i18n.t("survey-move-down")}</button>
                        <button type="button" class="btn btn-small btn-danger" on:click=remove>{i18n.t("survey-remove-question")}</button>
                    </p>
                })}
            </fieldset>
        </li>
    }
}
