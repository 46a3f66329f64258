//! The person's conversations, newest activity first, with unread counts; it refreshes when
//! the person's own topic says their unread counts changed.

use super::api::my_rooms;
use super::conversation::title_text;
use crate::realtime::use_topic;
use crate::shell::i18n::{use_i18n, Arg};
use domain::chat::RoomSummary;
use domain::realtime::{Hint, ServerFrame};
use leptos::prelude::*;

/// The list of conversations.
#[component]
pub fn RoomList(me: String, #[prop(into)] current: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0u32);
    let rooms = Resource::new(move || version.get(), |_| my_rooms());
    use_topic(format!("user:{me}"), None, move |f| {
        if matches!(
            f,
            ServerFrame::Signal {
                body: Hint::Unread,
                ..
            }
        ) {
            version.update(|v| *v += 1);
        }
    });
    let row = move |r: RoomSummary| {
        let href = format!("/messages/{}", r.id);
        let id = r.id.clone();
        let title = title_text(&r.title, i18n);
        let snippet: Option<String> = r.last.as_ref().map(|m| match m.removed {
            Some(by) => super::message_row::removed_text(i18n, by),
            None => m.text.chars().take(80).collect(),
        });
        view! {
            <li>
                <a
                    href=href
                    class="chat-room-link"
                    aria-current=move || (current.get().as_deref() == Some(id.as_str())).then_some("page")
                >
                    <span class="chat-room-title">
                        {r.online.then(|| view! {
                            <span class="presence-dot" title=i18n.t("chat-presence-online")></span>
                            <span class="visually-hidden">{i18n.t("chat-presence-online")}</span>
                        })}
                        {title}
                    </span>
                    {(r.unread > 0).then(|| view! {
                        <span class="badge">{i18n.t_args("chat-unread", vec![("count", Arg::Num(r.unread))])}</span>
                    })}
                    {snippet.map(|s| view! { <span class="chat-room-snippet">{s}</span> })}
                </a>
            </li>
        }
    };
    view! {
        <nav class="chat-list" aria-label=i18n.t("chat-list-label")>
            <Transition fallback=move || view! { <p aria-busy="true">{i18n.t("chat-loading")}</p> }>
                {move || Suspend::new(async move {
                    match rooms.await {
                        Ok(list) if list.is_empty() => view! { <p class="chat-empty">{i18n.t("chat-empty")}</p> }.into_any(),
                        Ok(list) => view! { <ul>{list.into_iter().map(row).collect_view()}</ul> }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Transition>
        </nav>
    }
}
