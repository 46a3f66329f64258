//! `/meetings`: the person's meetings, and a form to start one.

use super::api::{my_meetings, CreateMeeting, DeclineMeeting};
use crate::shell::i18n::{use_i18n, Arg};
use domain::meeting::ParticipantState;
use leptos::prelude::*;
use leptos_meta::Title;

/// The meetings list.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let decline = ServerAction::<DeclineMeeting>::new();
    let list = Resource::new(move || decline.version().get(), |_| my_meetings());
    let create = ServerAction::<CreateMeeting>::new();
    let error = move || match create.value().get() {
        Some(Err(e)) => Some(
            e.field("title")
                .or_else(|| e.field("when"))
                .or_else(|| e.field("invitees"))
                .map(|id| i18n.t(&id))
                .unwrap_or_else(|| i18n.t(e.message_id())),
        ),
        _ => None,
    };
    // The reader's time zone, for the planned time (without JavaScript the expo's is used).
    let zone = RwSignal::new(String::new());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let options =
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
                .resolved_options();
        if let Some(z) = js_sys::Reflect::get(&options, &"timeZone".into())
            .ok()
            .and_then(|v| v.as_string())
        {
            zone.set(z);
        }
    });
    view! {
        <Title text=i18n.t("meeting-list-title") />
        <section class="page meetings-page">
            <h1>{i18n.t("meeting-list-title")}</h1>
            <ActionForm action=create attr:class="meeting-new stack-form">
                <div class="field">
                    <label for="meeting-new-title">{i18n.t("meeting-new-title")}</label>
                    <input id="meeting-new-title" name="title" required=true maxlength="120" />
                </div>
                <div class="field">
                    <label for="meeting-new-when">{i18n.t("meeting-new-when")}</label>
                    <input id="meeting-new-when" name="plan[when]" type="datetime-local" aria-describedby="meeting-new-when-hint" />
                    <span id="meeting-new-when-hint" class="field-hint">{i18n.t("meeting-new-when-hint")}</span>
                    <input type="hidden" name="plan[zone]" prop:value=move || zone.get() />
                </div>
                <div class="field">
                    <label for="meeting-new-invitees">{i18n.t("meeting-new-invitees")}</label>
                    <input id="meeting-new-invitees" name="plan[invitees]" type="text" inputmode="email" autocomplete="off" aria-describedby="meeting-new-invitees-hint" />
                    <span id="meeting-new-invitees-hint" class="field-hint">{i18n.t("meeting-new-invitees-hint")}</span>
                </div>
                <button type="submit" class="btn btn-primary">{i18n.t("meeting-start")}</button>
                {move || error().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
            </ActionForm>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(items) if items.is_empty() => view! { <p class="chat-empty">{i18n.t("meeting-list-empty")}</p> }.into_any(),
                        Ok(items) => view! {
                            <ul class="meeting-list">
                                {items.into_iter().map(|m| {
                                    let invited = m.state == ParticipantState::Invited && m.ended_at.is_none();
                                    let (id, id_block) = (m.id.clone(), m.id.clone());
                                    view! {
                                        <li>
                                            <a href=format!("/meetings/{}", m.id)>{m.title.clone()}</a>
                                            " "
                                            {m.scheduled_at.map(|at| view! { <crate::ui::local_time::LocalTime at=at / 1000 /> " " })}
                                            <span class="muted">{i18n.t_args("meeting-list-host", vec![("host", Arg::Str(m.host.clone()))])}</span>
                                            {m.ended_at.is_some().then(|| view! { <span class="badge badge-muted">{i18n.t("meeting-ended-badge")}</span> })}
                                            {invited.then(|| view! {
                                                <ActionForm action=decline attr:class="inline-form">
                                                    <input type="hidden" name="id" value=id.clone() />
                                                    <button type="submit" class="btn btn-ghost btn-small">{i18n.t("meeting-decline")}</button>
                                                </ActionForm>
                                                <ActionForm action=decline attr:class="inline-form">
                                                    <input type="hidden" name="id" value=id_block.clone() />
                                                    <input type="hidden" name="block" value="true" />
                                                    <button type="submit" class="btn btn-ghost btn-small">{i18n.t("meeting-decline-block")}</button>
                                                </ActionForm>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
