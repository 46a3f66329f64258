//! The readiness checklist the exhibitor and the organizers both see on the booth editor: each
//! step done or to do, and the way to the live steps (ask for a slot on the schedule; a private
//! test broadcast, which opens its studio), offered while the step is still to do.

use crate::shell::i18n::{use_i18n, Arg};
use domain::directory::ReadinessItem;
use leptos::prelude::*;

/// The checklist; it follows the gallery and the product list as they change.
#[component]
pub fn ReadinessChecklist(
    exhibitor_id: String,
    versions: (RwSignal<u32>, RwSignal<u32>),
) -> impl IntoView {
    let i18n = use_i18n();
    let readiness = Resource::new(
        move || (exhibitor_id.clone(), versions.0.get(), versions.1.get()),
        |(id, _, _)| super::api::booth_readiness(id),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                readiness.await.ok().map(|r| {
                    let (done, total) = r.score();
                    view! {
                        <section class="card readiness" aria-labelledby="readiness-heading">
                            <h2 id="readiness-heading">
                                {i18n.t_args("ready-heading", vec![
                                    ("done", Arg::Num(i64::try_from(done).unwrap_or(0))),
                                    ("total", Arg::Num(i64::try_from(total).unwrap_or(0))),
                                ])}
                            </h2>
                            <ul class="readiness-list">
                                {r.steps.into_iter().map(|(item, ok)| {
                                    let state = if ok { "ready-done" } else { "ready-todo" };
                                    view! {
                                        <li class=state data-step=format!("{item:?}")>
                                            <span aria-hidden="true">{if ok { "✓" } else { "○" }}</span>
                                            " "{i18n.t(item.message_id())}" "
                                            <span class="muted">{i18n.t(state)}</span>
                                            " "
                                            {(!ok).then(|| view! { <StepAction item /> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    }
                })
            })}
        </Transition>
    }
}

/// Where a live step is done: the schedule (ask for a slot) or a test broadcast's studio.
#[component]
fn StepAction(item: ReadinessItem) -> impl IntoView {
    let i18n = use_i18n();
    match item {
        ReadinessItem::LiveSlot => view! {
            <a href="/live#request-slot">{i18n.t("ready-live-slot-action")}</a>
        }
        .into_any(),
        ReadinessItem::TestStream => {
            let start = ServerAction::<crate::live::api::StartTestBroadcast>::new();
            let error = move || match start.value().get() {
                Some(Err(e)) => Some(i18n.t(e.message_id())),
                _ => None,
            };
            view! {
                <ActionForm action=start attr:class="inline-form">
                    <button type="submit" class="btn btn-ghost btn-small" disabled=move || start.pending().get()>
                        {i18n.t("ready-test-stream-action")}
                    </button>
                    {move || error().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
                </ActionForm>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}
