//! `/meetings`: the person's meetings, and a form to start one.

use super::api::{my_meetings, CreateMeeting};
use crate::shell::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// The meetings list.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |_| my_meetings());
    let create = ServerAction::<CreateMeeting>::new();
    let error = move || match create.value().get() {
        Some(Err(e)) => Some(
            e.field("title")
                .map(|id| i18n.t(&id))
                .unwrap_or_else(|| i18n.t(e.message_id())),
        ),
        _ => None,
    };
    view! {
        <Title text=i18n.t("meeting-list-title") />
        <section class="page meetings-page">
            <h1>{i18n.t("meeting-list-title")}</h1>
            <ActionForm action=create attr:class="meeting-new">
                <label for="meeting-new-title">{i18n.t("meeting-new-title")}</label>
                <input id="meeting-new-title" name="title" required=true maxlength="120" />
                <button type="submit" class="btn btn-primary">{i18n.t("meeting-start")}</button>
                {move || error().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
            </ActionForm>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(items) if items.is_empty() => view! { <p class="chat-empty">{i18n.t("meeting-list-empty")}</p> }.into_any(),
                        Ok(items) => view! {
                            <ul class="meeting-list">
                                {items.into_iter().map(|m| view! {
                                    <li>
                                        <a href=format!("/meetings/{}", m.id)>{m.title.clone()}</a>
                                        {m.ended_at.is_some().then(|| view! { <span class="badge badge-muted">{i18n.t("meeting-ended-badge")}</span> })}
                                    </li>
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
