//! One open conversation: history (older pages load when scrolled to the top), live messages,
//! read receipts, typing, and the composer. With JavaScript, messages go over the realtime
//! socket and show at once as "sending…"; they are kept and sent again after a reconnect.
//! Without it, the composer is a plain form that posts to `chat/send`.

use super::api::{get_room, BlockPerson, SendMessage};
use super::attach::{AttachButton, FileState};
use super::message_row::MessageRow;
use crate::realtime::use_topic;
use crate::shell::i18n::{use_i18n, Arg, I18n};
use domain::chat::{Attachment, ChatMessage, RoomKind, RoomTitle, RoomView, MESSAGE_MAX_CHARS};
use domain::realtime::{ClientFrame, EventBody, Hint, ServerFrame};
use leptos::html;
use leptos::prelude::*;
use std::collections::HashMap;

/// A message written here that the server has not confirmed yet.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    cid: String,
    text: String,
    error: Option<String>,
    /// The file going with it.
    file: Option<Attachment>,
}

/// What the viewer calls a room.
pub fn title_text(title: &RoomTitle, i18n: I18n) -> String {
    match title {
        RoomTitle::Booth(name) => name.show(i18n.locale).text,
        RoomTitle::People(names) if names.is_empty() => "—".to_owned(),
        RoomTitle::People(names) => names.join(", "),
        RoomTitle::Support => i18n.t("chat-support-title"),
        RoomTitle::Topic(title) => title.clone(),
    }
}

/// Loads a conversation and shows it.
#[component]
pub fn Conversation(room_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let room = Resource::new(move || room_id.clone(), |id| get_room(id, None));
    view! {
        <Suspense fallback=move || view! { <p class="chat-loading" aria-busy="true">{i18n.t("chat-loading")}</p> }>
            {move || Suspend::new(async move {
                match room.await {
                    Ok(v) => view! { <LiveConversation room=v /> }.into_any(),
                    Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn now() -> f64 {
    #[cfg(feature = "hydrate")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        0.0
    }
}

fn page_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| !d.hidden())
}

fn refusal_text(i18n: I18n, code: &str, retry_after: Option<u64>) -> String {
    match retry_after {
        Some(secs) => i18n.t_args(
            "error-rate-limited",
            vec![("seconds", Arg::Num(i64::try_from(secs).unwrap_or(1)))],
        ),
        None => i18n.t(code),
    }
}

pub(crate) fn new_client_id() -> String {
    #[cfg(feature = "hydrate")]
    {
        crate::realtime::client::client_id()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        uuid::Uuid::now_v7().simple().to_string()
    }
}

fn send_reliable(cid: String, frame: ClientFrame) {
    #[cfg(feature = "hydrate")]
    crate::realtime::client::send_reliable(cid, frame);
    #[cfg(not(feature = "hydrate"))]
    let _ = (cid, frame);
}

fn send_hint(frame: ClientFrame) {
    #[cfg(feature = "hydrate")]
    crate::realtime::client::send(frame);
    #[cfg(not(feature = "hydrate"))]
    let _ = frame;
}

#[component]
fn LiveConversation(room: RoomView) -> impl IntoView {
    let i18n = use_i18n();
    let me = room.me.clone();
    let room_id = room.id.clone();
    let title = title_text(&room.title, i18n);
    let messages = RwSignal::new(room.messages.clone());
    let has_more = RwSignal::new(room.has_more);
    let loading_more = RwSignal::new(false);
    let marks = RwSignal::new(
        room.members
            .iter()
            .map(|m| (m.user_id.clone(), m.last_read_id))
            .collect::<HashMap<_, _>>(),
    );
    let pending = RwSignal::new(Vec::<Pending>::new());
    let typing = RwSignal::new(None::<(String, f64)>);
    let notice = RwSignal::new(None::<String>);
    let text = RwSignal::new(String::new());
    let mounted = RwSignal::new(false);
    let log_ref = NodeRef::<html::Ol>::new();
    let form_ref = NodeRef::<html::Form>::new();
    let last_typing = StoredValue::new(0f64);
    let down = crate::realtime::use_connection_down();
    Effect::new(move |_| mounted.set(true));

    // Runs a frame later, when the conversation may already be gone: nothing to do then.
    let scroll_to_end = move || {
        if let Some(log) = log_ref.try_get_untracked().flatten() {
            log.set_scroll_top(log.scroll_height());
        }
    };
    let read_up_to = {
        let room_id = room_id.clone();
        let me = me.clone();
        move || {
            if !page_visible() {
                return;
            }
            let newest = messages
                .with_untracked(|ms| ms.iter().filter(|m| m.sender_id != me).map(|m| m.id).max());
            let mine = marks.with_untracked(|m| m.get(&me).copied().unwrap_or(0));
            if let Some(id) = newest.filter(|id| *id > mine) {
                marks.update(|m| {
                    m.insert(me.clone(), id);
                });
                send_hint(ClientFrame::Read {
                    room: room_id.clone(),
                    id,
                });
            }
        }
    };

    // A message as the server has it now (edited or removed): replaces the one shown.
    let replace = move |m: ChatMessage| {
        let _ = messages.try_update(|ms| {
            if let Some(x) = ms.iter_mut().find(|x| x.id == m.id) {
                *x = m;
            }
        });
    };
    let on_changed = Callback::new(replace);
    let blocked = RwSignal::new(room.blocked);
    let file = RwSignal::new(FileState::None);
    let online = RwSignal::new(
        room.online
            .iter()
            .cloned()
            .collect::<std::collections::HashSet<String>>(),
    );
    let block_busy = RwSignal::new(false);
    let muted = room.muted;
    let room_kind = room.kind;
    // Who is in the room, as far as this page knows: someone writing who was not is new (a
    // topic room's member count follows).
    let members_known = RwSignal::new(
        room.members
            .iter()
            .map(|m| m.user_id.clone())
            .collect::<std::collections::HashSet<String>>(),
    );
    let can_translate = room.can_translate;

    let last_id = room.messages.last().map(|m| m.id).unwrap_or(0);
    {
        let me = me.clone();
        let room_id = room_id.clone();
        let read_up_to = read_up_to.clone();
        use_topic(
            format!("chat:{room_id}"),
            Some(last_id),
            move |frame| match frame {
                ServerFrame::Event(e) => {
                    if let EventBody::ChatUpdated(m) = &e.body {
                        replace(m.clone());
                        return;
                    }
                    let EventBody::ChatMessage(m) = &e.body else {
                        return;
                    };
                    if m.room_id != room_id {
                        return;
                    }
                    let near_end = log_ref.get_untracked().is_none_or(|l| {
                        l.scroll_height() - l.scroll_top() - l.client_height() < 120
                    });
                    messages.update(|ms| {
                        if !ms.iter().any(|x| x.id == m.id) {
                            ms.push(m.clone());
                            ms.sort_by_key(|x| x.id);
                        }
                    });
                    if !members_known.with_untracked(|k| k.contains(&m.sender_id)) {
                        members_known.update(|k| {
                            k.insert(m.sender_id.clone());
                        });
                    }
                    if m.sender_id == me {
                        pending.update(|p| p.retain(|x| x.cid != m.cid));
                    } else {
                        typing.set(None);
                        read_up_to();
                    }
                    if near_end || m.sender_id == me {
                        request_animation_frame(scroll_to_end);
                    }
                }
                ServerFrame::Subscribed { .. } => read_up_to(),
                ServerFrame::Signal {
                    body: Hint::Typing { user_id, name },
                    ..
                } if *user_id != me => {
                    typing.set(Some((name.clone(), now() + 5_000.0)));
                    set_timeout(
                        move || {
                            if typing.try_with_untracked(|t| {
                                t.as_ref().is_some_and(|(_, until)| *until <= now())
                            }) == Some(true)
                            {
                                let _ = typing.try_set(None);
                            }
                        },
                        std::time::Duration::from_millis(5_100),
                    );
                }
                ServerFrame::Signal {
                    body:
                        Hint::Presence {
                            user_id,
                            online: on,
                        },
                    ..
                } if *user_id != me => online.update(|o| {
                    if *on {
                        o.insert(user_id.clone());
                    } else {
                        o.remove(user_id);
                    }
                }),
                ServerFrame::Signal {
                    body: Hint::Read { user_id, id },
                    ..
                } => marks.update(|m| {
                    let e = m.entry(user_id.clone()).or_insert(0);
                    *e = (*e).max(*id);
                }),
                ServerFrame::Ack { cid, .. }
                    if messages.with_untracked(|ms| ms.iter().any(|m| &m.cid == cid)) =>
                {
                    pending.update(|p| p.retain(|x| &x.cid != cid));
                }
                ServerFrame::Refused {
                    code,
                    cid: Some(cid),
                    retry_after_secs,
                    ..
                } => pending.update(|p| {
                    if let Some(x) = p.iter_mut().find(|x| &x.cid == cid) {
                        x.error = Some(refusal_text(i18n, code, *retry_after_secs));
                    }
                }),
                ServerFrame::Refused {
                    code,
                    retry_after_secs,
                    ..
                } => notice.set(Some(refusal_text(i18n, code, *retry_after_secs))),
                _ => {}
            },
        );
    }
    Effect::new(move |_| {
        if mounted.get() {
            request_animation_frame(scroll_to_end);
        }
    });

    let load_earlier = {
        let room_id = room_id.clone();
        move || {
            if loading_more.get_untracked() || !has_more.get_untracked() {
                return;
            }
            let Some(before) = messages.with_untracked(|ms| ms.first().map(|m| m.id)) else {
                return;
            };
            loading_more.set(true);
            let room_id = room_id.clone();
            leptos::task::spawn_local(async move {
                let height_before = log_ref
                    .get_untracked()
                    .map(|l| l.scroll_height())
                    .unwrap_or(0);
                match get_room(room_id, Some(before)).await {
                    Ok(page) => {
                        let _ = messages.try_update(|ms| {
                            let mut older = page.messages;
                            older.retain(|m| !ms.iter().any(|x| x.id == m.id));
                            older.append(ms);
                            *ms = older;
                        });
                        let _ = has_more.try_set(page.has_more);
                        request_animation_frame(move || {
                            if let Some(log) = log_ref.try_get_untracked().flatten() {
                                log.set_scroll_top(
                                    log.scroll_top() + log.scroll_height() - height_before,
                                );
                            }
                        });
                    }
                    Err(e) => {
                        let _ = notice.try_set(Some(i18n.t(e.message_id())));
                    }
                }
                let _ = loading_more.try_set(false);
            });
        }
    };

    let load_on_scroll = load_earlier.clone();
    let send_now = {
        let room_id = room_id.clone();
        move |body: String, attached: Option<Attachment>| {
            let cid = new_client_id();
            pending.update(|p| {
                p.push(Pending {
                    cid: cid.clone(),
                    text: body.clone(),
                    error: None,
                    file: attached.clone(),
                })
            });
            send_reliable(
                cid.clone(),
                ClientFrame::Send {
                    room: room_id.clone(),
                    text: body,
                    cid,
                    attachment: attached.map(|a| a.id),
                },
            );
            request_animation_frame(scroll_to_end);
        }
    };
    let on_submit = {
        let send_now = send_now.clone();
        move |ev: web_sys::SubmitEvent| {
            ev.prevent_default();
            let body = text.get_untracked();
            let attached = match file.get_untracked() {
                FileState::Sending(..) => {
                    notice.set(Some(i18n.t("chat-file-wait")));
                    return;
                }
                FileState::Ready(a) => Some(a),
                FileState::None | FileState::Failed(_) => None,
            };
            match domain::chat::parse_message_with(&body, attached.is_some()) {
                Ok(clean) => {
                    notice.set(None);
                    text.set(String::new());
                    file.set(FileState::None);
                    send_now(clean, attached);
                }
                Err(e) => notice.set(Some(i18n.t(&e.message_id))),
            }
        }
    };
    let retry = {
        let room_id = room_id.clone();
        move |cid: String| {
            let Some(p) = pending.with_untracked(|p| p.iter().find(|x| x.cid == cid).cloned())
            else {
                return;
            };
            pending.update(|ps| {
                if let Some(x) = ps.iter_mut().find(|x| x.cid == cid) {
                    x.error = None;
                }
            });
            send_reliable(
                cid.clone(),
                ClientFrame::Send {
                    room: room_id.clone(),
                    text: p.text,
                    cid,
                    attachment: p.file.map(|a| a.id),
                },
            );
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        // Enter sends; Shift+Enter is a new line; Enter that ends an IME composition (Chinese,
        // Japanese, Korean input) only confirms the composition.
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            if let Some(form) = form_ref.get_untracked() {
                let _ = form.request_submit();
            }
        }
    };
    let on_input = {
        let room_id = room_id.clone();
        move |ev: web_sys::Event| {
            text.set(event_target_value(&ev));
            let t = now();
            if t - last_typing.get_value() > 3_000.0 {
                last_typing.set_value(t);
                send_hint(ClientFrame::Typing {
                    room: room_id.clone(),
                });
            }
        }
    };

    let me_for_view = me.clone();
    let my_last_seen = Memo::new(move |_| {
        let me = &me_for_view;
        let mine =
            messages.with(|ms| ms.iter().filter(|m| &m.sender_id == me).map(|m| m.id).max())?;
        let seen = marks.with(|m| m.iter().any(|(who, id)| who != me && *id >= mine));
        seen.then_some(mine)
    });
    let me_for_rows = me.clone();
    let ssr_cid = new_client_id();
    let send_url = <SendMessage as server_fn::ServerFn>::PATH;
    let block_url = <BlockPerson as server_fn::ServerFn>::PATH;
    let start_meeting = ServerAction::<crate::meeting::api::CreateMeeting>::new();
    let (meeting_title, meeting_room) = (title.clone(), room_id.clone());
    let leave_room = room_id.clone();
    let exhibitor_link = room
        .exhibitor_id
        .clone()
        .map(|id| format!("/exhibitors/{id}"));
    view! {
        <section class="chat-conversation" aria-labelledby="chat-room-title">
            <header class="chat-room-header">
                <a class="chat-back" href="/messages">
                    <span aria-hidden="true">"← "</span>
                    {i18n.t("chat-back")}
                </a>
                <div class="chat-room-heading">
                    <h2 id="chat-room-title">{title.clone()}</h2>
                    {if room_kind == RoomKind::Topic {
                        view! {
                            <p class="chat-presence">
                                {move || i18n.t_args(
                                    "chat-topic-members",
                                    vec![("count", Arg::Num(members_known.with(|k| k.len() as i64)))],
                                )}
                            </p>
                        }
                        .into_any()
                    } else {
                        view! {
                            <p class="chat-presence" class:online=move || online.with(|o| !o.is_empty()) role="status">
                                {move || if online.with(|o| !o.is_empty()) {
                                    i18n.t("chat-presence-online")
                                } else {
                                    i18n.t("chat-presence-offline")
                                }}
                            </p>
                        }
                        .into_any()
                    }}
                </div>
                {(room_kind == RoomKind::Topic).then(|| {
                    let leave = ServerAction::<super::api::LeaveTopic>::new();
                    view! {
                        <ActionForm action=leave attr:class="inline-form">
                            <input type="hidden" name="room_id" value=leave_room />
                            <button type="submit" class="btn btn-ghost">{i18n.t("chat-topic-leave")}</button>
                        </ActionForm>
                    }
                })}
                {exhibitor_link.map(|href| view! { <a class="btn btn-ghost" href=href>{i18n.t("chat-view-booth")}</a> })}
                {room.other.clone().map(|other| {
                    let other_for_submit = other.clone();
                    let on_block = move |ev: web_sys::SubmitEvent| {
                        ev.prevent_default();
                        let on = !blocked.get_untracked();
                        let other = other_for_submit.clone();
                        block_busy.set(true);
                        leptos::task::spawn_local(async move {
                            match super::api::block_person(other, on).await {
                                Ok(()) => {
                                    let _ = blocked.try_set(on);
                                    let _ = notice.try_set(None);
                                }
                                Err(e) => {
                                    let _ = notice.try_set(Some(crate::ui::error_text(&i18n, &e)));
                                }
                            }
                            let _ = block_busy.try_set(false);
                        });
                    };
                    view! {
                        <form method="post" action=block_url class="inline-form" on:submit=on_block>
                            <input type="hidden" name="user_id" value=other />
                            <input type="hidden" name="on" value=move || (!blocked.get()).to_string() />
                            <button type="submit" class="btn btn-ghost" disabled=move || block_busy.get()>
                                {move || if blocked.get() { i18n.t("chat-unblock") } else { i18n.t("chat-block") }}
                            </button>
                        </form>
                    }
                })}
                {move || (!matches!(room_kind, RoomKind::Meeting | RoomKind::Topic) && !muted && !blocked.get()).then(|| {
                    let (meeting_title, meeting_room) = (meeting_title.clone(), meeting_room.clone());
                    view! {
                        <ActionForm action=start_meeting attr:class="inline-form">
                            <input type="hidden" name="title" value=meeting_title />
                            <input type="hidden" name="room_id" value=meeting_room />
                            <button type="submit" class="btn btn-ghost">
                                {i18n.t("meeting-start-from-chat")}
                            </button>
                        </ActionForm>
                    }
                })}
            </header>
            {move || down.get().then(|| view! {
                <p class="chat-offline" role="status">{i18n.t("chat-reconnecting")}</p>
            })}
            <ol
                class="chat-log"
                role="log"
                node_ref=log_ref
                tabindex="0"
                aria-label=i18n.t_args("chat-log-label", vec![("name", Arg::Str(title.clone()))])
                on:scroll={
                    let load_earlier = load_on_scroll;
                    move |_| {
                        if log_ref.get_untracked().is_some_and(|l| l.scroll_top() < 40) {
                            load_earlier();
                        }
                    }
                }
            >
                {move || has_more.get().then(|| {
                    let load_earlier = load_earlier.clone();
                    view! {
                        <li class="chat-more">
                            <button type="button" class="btn btn-ghost" disabled=move || loading_more.get() on:click=move |_| load_earlier()>
                                {move || if loading_more.get() { i18n.t("chat-loading") } else { i18n.t("chat-load-earlier") }}
                            </button>
                        </li>
                    }
                })}
                {move || (messages.with(Vec::is_empty) && pending.with(Vec::is_empty)).then(|| view! {
                    <li class="chat-none">{i18n.t("chat-no-messages")}</li>
                })}
                <For
                    each=move || messages.get()
                    key=|m: &ChatMessage| (m.id, m.edited_at, m.removed)
                    children={
                        let me = me_for_rows.clone();
                        move |m: ChatMessage| {
                            let mine = m.sender_id == me;
                            view! { <MessageRow message=m mine mounted seen=my_last_seen on_changed can_translate /> }
                        }
                    }
                />
                <For
                    each=move || pending.get()
                    key=|p: &Pending| (p.cid.clone(), p.error.clone())
                    children={
                        let retry = retry.clone();
                        move |p: Pending| {
                            let cid = p.cid.clone();
                            let retry = retry.clone();
                            view! {
                                <li class="chat-message mine pending">
                                    {p.file.as_ref().map(|f| view! { <p class="chat-file">{f.name.clone()}</p> })}
                                    <p class="chat-text">{p.text.clone()}</p>
                                    {match p.error.clone() {
                                        None => view! { <p class="chat-status">{i18n.t("chat-sending")}</p> }.into_any(),
                                        Some(reason) => view! {
                                            <p class="chat-status field-error" role="alert">
                                                {i18n.t_args("chat-failed", vec![("reason", Arg::Str(reason))])}
                                                " "
                                                <button type="button" class="btn btn-ghost" on:click=move |_| retry(cid.clone())>
                                                    {i18n.t("chat-retry")}
                                                </button>
                                            </p>
                                        }.into_any(),
                                    }}
                                </li>
                            }
                        }
                    }
                />
            </ol>
            <p class="chat-typing" aria-live="polite">
                {move || typing.get().map(|(name, _)| i18n.t_args("chat-typing", vec![("name", Arg::Str(name))]))}
            </p>
            {move || notice.get().map(|n| view! { <p class="form-alert" role="alert">{n}</p> })}
            {move || if muted {
                view! { <p class="chat-closed" role="status">{i18n.t("chat-muted-notice")}</p> }.into_any()
            } else if blocked.get() {
                view! { <p class="chat-closed" role="status">{i18n.t("chat-blocked-notice")}</p> }.into_any()
            } else {
                let on_submit = on_submit.clone();
                let on_input = on_input.clone();
                let room_id = room_id.clone();
                let ssr_cid = ssr_cid.clone();
                view! {
                <form
                    class="chat-compose"
                    method="post"
                    action=send_url
                    node_ref=form_ref
                    on:submit=on_submit
                >
                    <input type="hidden" name="room_id" value=room_id.clone() />
                    <input type="hidden" name="cid" value=ssr_cid />
                    {
                        let room_id = room_id.clone();
                        move || mounted.get().then(|| view! { <AttachButton room_id=room_id.clone() state=file /> })
                    }
                    <label class="visually-hidden" for="chat-text">{i18n.t("chat-message-label")}</label>
                    <textarea
                        id="chat-text"
                        name="text"
                        rows="2"
                        maxlength=MESSAGE_MAX_CHARS.to_string()
                        placeholder=i18n.t("chat-placeholder")
                        prop:value=move || text.get()
                        on:input=on_input
                        on:keydown=on_keydown
                    ></textarea>
                    <button type="submit" class="btn btn-primary">{i18n.t("chat-send")}</button>
                </form>
                }.into_any()
            }}
        </section>
    }
}
