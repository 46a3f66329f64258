//! `/messages` and `/messages/<room>`: the conversation list beside the open conversation (on
//! small screens one or the other).

use super::conversation::Conversation;
use super::room_list::RoomList;
use crate::shell::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The messages page.
#[component]
pub fn MessagesPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let room = Signal::derive(move || params.read().get("id"));
    let user = expect_context::<crate::account::UserResource>();
    view! {
        <Title text=i18n.t("chat-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(u)) => view! {
                        <div class="page chat-layout" class:has-room=move || room.get().is_some()>
                            <div class="chat-side">
                                <h1>{i18n.t("chat-title")}</h1>
                                <a class="btn btn-ghost" href="/meetings">{i18n.t("meeting-list-title")}</a>
                                <a class="btn btn-ghost" href="/topics">{i18n.t("chat-topics-title")}</a>
                                <SupportButton />
                                <NotifyButton />
                                <RoomList me=u.id.clone() current=room />
                            </div>
                            <div class="chat-main">
                                {move || match room.get() {
                                    Some(id) => view! { <Conversation room_id=id /> }.into_any(),
                                    None => view! { <p class="chat-pick">{i18n.t("chat-pick")}</p> }.into_any(),
                                }}
                            </div>
                        </div>
                    }
                    .into_any(),
                    _ => {
                        let next = crate::shell::language_menu::encode_query_value(
                            &room.get_untracked().map(|id| format!("/messages/{id}")).unwrap_or_else(|| "/messages".into()),
                        );
                        view! {
                            <div class="page">
                                <h1>{i18n.t("chat-title")}</h1>
                                <p><a class="btn btn-primary" href=format!("/login?next={next}")>{i18n.t("nav-login")}</a></p>
                            </div>
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// "Contact organizer support": a form, so it works without JavaScript.
#[component]
fn SupportButton() -> impl IntoView {
    let i18n = use_i18n();
    let act = ServerAction::<super::api::StartSupportChat>::new();
    let error = move || match act.value().get() {
        Some(Err(crate::AppError::Conflict(id))) => Some(i18n.t(&id)),
        Some(Err(e)) => Some(i18n.t(e.message_id())),
        _ => None,
    };
    view! {
        <ActionForm action=act attr:class="chat-support-form">
            <button type="submit" class="btn btn-ghost chat-support">{i18n.t("chat-support-start")}</button>
            {move || error().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
        </ActionForm>
    }
}

/// Asks for permission to notify about new messages while the tab is in the background; shown
/// only where the browser has notifications and the person has not decided yet.
#[component]
fn NotifyButton() -> impl IntoView {
    let i18n = use_i18n();
    let undecided = RwSignal::new(false);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        {
            let has_api =
                js_sys::Reflect::has(&js_sys::global(), &"Notification".into()).unwrap_or(false);
            undecided.set(
                has_api
                    && web_sys::Notification::permission()
                        == web_sys::NotificationPermission::Default,
            );
        }
    });
    let ask = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let _ = web_sys::Notification::request_permission();
        }
        undecided.set(false);
    };
    view! {
        {move || undecided.get().then(|| view! {
            <button type="button" class="btn btn-ghost chat-notify" on:click=ask>{i18n.t("chat-notify")}</button>
        })}
    }
}
