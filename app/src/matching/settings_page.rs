//! `/dashboard/matching`: the organizer tunes the matcher's weights, previews their effect on a
//! few buyers' top matches before saving, and sees how many people and pairs are matched.

use super::api::{get_match_settings, SetMatchWeights};
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use domain::matching::{MatchSettings, WEIGHT_NAMES};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
fn WeightEffect(s: MatchSettings) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="data-table" data-testid="match-sample">
            <caption>{i18n.t("match-sample-caption")}</caption>
            <thead><tr>
                <th scope="col">{i18n.t("match-sample-buyer")}</th>
                <th scope="col">{i18n.t("match-sample-top")}</th>
            </tr></thead>
            <tbody>
                {s.sample.is_empty().then(|| view! { <tr><td colspan="2">{i18n.t("match-sample-none")}</td></tr> })}
                {s.sample.into_iter().map(|(buyer, top)| {
                    let list = top.iter()
                        .map(|(n, score)| format!("{} ({score})", n.show(i18n.locale).text))
                        .collect::<Vec<_>>().join(" · ");
                    view! { <tr><th scope="row">{buyer}</th><td>{list}</td></tr> }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The matching settings page.
#[component]
pub fn MatchSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetMatchWeights>::new();
    let current = Resource::new(|| (), |()| get_match_settings());
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t("match-settings-title") />
        <section class="page match-settings-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("match-settings-title")}</h1>
            <p class="muted">{i18n.t("match-settings-intro")}</p>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match current.await {
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                        Ok(s) => {
                            let shown = Signal::derive(move || match action.value().get() {
                                Some(Ok(n)) => n,
                                _ => s.clone(),
                            });
                            let weights = shown.get_untracked().weights.as_array();
                            view! {
                                <ActionForm action attr:class="card stack-form match-weights" attr:novalidate=true>
                                    <FormAlert error=error />
                                    <div class="weight-grid">
                                        {WEIGHT_NAMES.iter().zip(weights).map(|(name, w)| {
                                            let id = format!("weight-{name}");
                                            let field_error = Signal::derive(move || error.get().and_then(|e| e.field(name)));
                                            view! {
                                                <div class="field" class:field-invalid=move || field_error.get().is_some()>
                                                    <label for=id.clone()>{i18n.t(&format!("match-weight-{name}"))}</label>
                                                    <input id=id.clone() name=*name type="number" min="0" max="100" step="1"
                                                        value=w.to_string() inputmode="numeric" />
                                                    <p class="field-error" aria-live="polite">{move || field_error.get().map(|m| i18n.t(&m))}</p>
                                                </div>
                                            }
                                        }).collect_view()}
                                    </div>
                                    <p class="form-actions">
                                        <button type="submit" name="intent" value="preview" class="btn">{i18n.t("match-preview")}</button>
                                        <button type="submit" name="intent" value="save" class="btn btn-primary">{i18n.t("match-save")}</button>
                                    </p>
                                </ActionForm>
                                {move || {
                                    let s = shown.get();
                                    view! {
                                        <dl class="stats">
                                            <div class="stat"><dt>{i18n.t("match-stat-buyers")}</dt><dd data-testid="match-buyers">{i18n.number(s.buyers)}</dd></div>
                                            <div class="stat"><dt>{i18n.t("match-stat-pairs")}</dt><dd>{i18n.number(s.pairs)}</dd></div>
                                            <div class="stat"><dt>{i18n.t("match-stat-computed")}</dt><dd>
                                                {if s.computed_at > 0 {
                                                    view! { <crate::ui::local_time::LocalTime at=s.computed_at / 1000 /> }.into_any()
                                                } else {
                                                    i18n.t("match-never").into_any()
                                                }}
                                            </dd></div>
                                        </dl>
                                        <p class="field-hint">{i18n.t_args("match-weights-now", vec![("weights", Arg::Str(
                                            WEIGHT_NAMES.iter().zip(s.weights.as_array())
                                                .map(|(n, w)| format!("{} {w}", i18n.t(&format!("match-weight-{n}"))))
                                                .collect::<Vec<_>>().join(" · ")))])}</p>
                                        <WeightEffect s />
                                    }
                                }}
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}
