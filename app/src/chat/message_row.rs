//! One message of a conversation, with what its reader may do to it: the sender edits or
//! deletes it, anyone else reports it to the organizers. Each action is a disclosure holding a
//! plain form (it works without JavaScript: the form posts and the page comes back); with
//! JavaScript the form is sent in the background and the row changes in place.

use super::api::{DeleteMessage, EditMessage, ReportMessage};
use crate::shell::i18n::{use_i18n, Arg, I18n};
use domain::chat::{ChatMessage, Removal, ReportReason, MESSAGE_MAX_CHARS, NOTE_MAX_CHARS};
use leptos::prelude::*;
use server_fn::ServerFn;

/// Hours and minutes of a UTC millisecond time: in the viewer's zone in the browser, in UTC on
/// the server (the browser corrects it after hydration).
pub fn clock(at: i64, local: bool) -> String {
    #[cfg(feature = "hydrate")]
    if local {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
        return format!("{:02}:{:02}", d.get_hours(), d.get_minutes());
    }
    let _ = local;
    let mins = at.div_euclid(60_000);
    format!(
        "{:02}:{:02}",
        mins.div_euclid(60).rem_euclid(24),
        mins.rem_euclid(60)
    )
}

/// What a removed message says instead of its text.
pub fn removed_text(i18n: I18n, by: Removal) -> String {
    match by {
        Removal::Sender => i18n.t("chat-deleted"),
        Removal::Moderator => i18n.t("chat-removed-by-organizers"),
    }
}

/// A sent file: a picture as a thumbnail that opens the larger one, a document as a download;
/// its variants are served under `base`.
pub(crate) fn file_view(a: domain::chat::Attachment, base: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    if a.kind == "image" {
        let (w, h) = (
            a.width.unwrap_or(320).max(1),
            a.height.unwrap_or(240).max(1),
        );
        let tw = w.min(320);
        let th = (h * tw / w).max(1);
        let full = a.url_at(base, a.full().unwrap_or("original"));
        let thumb = a.url_at(base, a.thumbnail().unwrap_or("original"));
        view! {
            <a class="chat-image" href=full target="_blank" rel="noopener">
                <img src=thumb alt=i18n.t_args("chat-file-picture", vec![("name", Arg::Str(a.name.clone()))])
                    width=tw.to_string() height=th.to_string() loading="lazy" />
            </a>
        }
        .into_any()
    } else {
        view! {
            <a class="chat-file" href=a.url_at(base, "original") download=a.name.clone()>
                <span class="chat-file-kind" aria-hidden="true">"PDF"</span>
                " "
                {a.name.clone()}
                " "
                <span class="chat-file-size">{super::attach::size_text(a.byte_size)}</span>
            </a>
        }
        .into_any()
    }
}

/// A form's field value, read when it is sent in the background.
fn field(form: &web_sys::HtmlFormElement, name: &str) -> String {
    #[cfg(feature = "hydrate")]
    {
        web_sys::FormData::new_with_form(form)
            .ok()
            .and_then(|d| d.get(name).as_string())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (form, name);
        String::new()
    }
}

/// A message row.
#[component]
pub fn MessageRow(
    message: ChatMessage,
    mine: bool,
    /// Whether the page runs in the browser (times in the viewer's zone).
    mounted: RwSignal<bool>,
    /// The newest of the viewer's messages someone has read.
    seen: Memo<Option<i64>>,
    /// Called with the message as the server has it after a change.
    on_changed: Callback<ChatMessage>,
    /// Whether a translation provider is configured.
    can_translate: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = message.id;
    let at = message.at;
    let sender = if mine {
        i18n.t("chat-you")
    } else {
        message.sender_name.clone()
    };
    let error = RwSignal::new(None::<String>);
    let reported = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let id_text = id.to_string();
    let translation = RwSignal::new(None::<domain::chat::Translated>);
    let translating = RwSignal::new(false);
    let translate = move |_| {
        translating.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match super::api::translate_message(id).await {
                Ok(t) => {
                    let _ = translation.try_set(Some(t));
                }
                Err(e) => {
                    let _ = error.try_set(Some(crate::ui::error_text(&i18n, &e)));
                }
            }
            let _ = translating.try_set(false);
        });
    };

    let run = move |call: std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<Option<ChatMessage>, crate::AppError>>>,
    >| {
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match call.await {
                Ok(Some(m)) => on_changed.run(m),
                Ok(None) => {
                    let _ = reported.try_set(true);
                }
                Err(e) => {
                    let text = match ["text", "note", "reason"].iter().find_map(|f| e.field(f)) {
                        Some(id) => i18n.t(&id),
                        None => crate::ui::error_text(&i18n, &e),
                    };
                    let _ = error.try_set(Some(text));
                }
            }
            let _ = busy.try_set(false);
        });
    };

    let on_edit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let form: web_sys::HtmlFormElement = event_target(&ev);
        let text = field(&form, "text");
        run(Box::pin(async move {
            super::api::edit_message(id, text).await.map(Some)
        }));
    };
    let on_delete = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        run(Box::pin(async move {
            super::api::delete_message(id).await.map(Some)
        }));
    };
    let on_report = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let form: web_sys::HtmlFormElement = event_target(&ev);
        let (reason, note) = (field(&form, "reason"), field(&form, "note"));
        run(Box::pin(async move {
            super::api::report_message(id, reason, note)
                .await
                .map(|()| None)
        }));
    };

    let body = match message.removed {
        Some(by) => {
            view! { <p class="chat-text chat-removed">{removed_text(i18n, by)}</p> }.into_any()
        }
        None => view! { <p class="chat-text">{message.text.clone()}</p> }.into_any(),
    };
    let live = message.removed.is_none();
    let actions = live.then(|| {
        if mine {
            let text = message.text.clone();
            view! {
                <div class="chat-actions">
                    <details class="chat-action">
                        <summary>{i18n.t("chat-edit")}</summary>
                        <form method="post" action=EditMessage::PATH on:submit=on_edit class="chat-action-form">
                            <input type="hidden" name="message_id" value=id_text.clone() />
                            <label for=format!("edit-{id}")>{i18n.t("chat-edit-label")}</label>
                            <textarea id=format!("edit-{id}") name="text" rows="2" maxlength=MESSAGE_MAX_CHARS.to_string()>{crate::ui::textarea_text(&text)}</textarea>
                            <button type="submit" class="btn btn-primary" disabled=move || busy.get()>{i18n.t("chat-save")}</button>
                        </form>
                    </details>
                    <details class="chat-action">
                        <summary>{i18n.t("chat-delete")}</summary>
                        <form method="post" action=DeleteMessage::PATH on:submit=on_delete class="chat-action-form">
                            <input type="hidden" name="message_id" value=id_text.clone() />
                            <p>{i18n.t("chat-delete-confirm")}</p>
                            <button type="submit" class="btn btn-danger" disabled=move || busy.get()>{i18n.t("chat-delete-yes")}</button>
                        </form>
                    </details>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="chat-actions">
                    {move || (can_translate && mounted.get() && translation.with(Option::is_none)).then(|| view! {
                        <button type="button" class="chat-link-button" on:click=translate disabled=move || translating.get()>
                            {move || if translating.get() { i18n.t("chat-translating") } else { i18n.t("chat-translate") }}
                        </button>
                    })}
                    {move || if reported.get() {
                        view! { <p class="chat-status" role="status">{i18n.t("chat-reported")}</p> }.into_any()
                    } else {
                        view! {
                            <details class="chat-action">
                                <summary>{i18n.t("chat-report")}</summary>
                                <form method="post" action=ReportMessage::PATH on:submit=on_report class="chat-action-form">
                                    <input type="hidden" name="message_id" value=id.to_string() />
                                    <label for=format!("reason-{id}")>{i18n.t("chat-report-reason")}</label>
                                    <select id=format!("reason-{id}") name="reason">
                                        {ReportReason::ALL.into_iter().map(|r| view! {
                                            <option value=r.as_str()>{i18n.t(r.label_id())}</option>
                                        }).collect_view()}
                                    </select>
                                    <label for=format!("note-{id}")>{i18n.t("chat-report-note")}</label>
                                    <textarea id=format!("note-{id}") name="note" rows="2" maxlength=NOTE_MAX_CHARS.to_string()></textarea>
                                    <button type="submit" class="btn btn-danger" disabled=move || busy.get()>{i18n.t("chat-report-send")}</button>
                                </form>
                            </details>
                        }.into_any()
                    }}
                </div>
            }
            .into_any()
        }
    });
    view! {
        <li class="chat-message" class:mine=mine data-message-id=id>
            <p class="chat-meta">
                <span class="chat-sender">{sender}</span>
                <time>{move || clock(at, mounted.get())}</time>
                {(message.edited_at.is_some() && live).then(|| view! {
                    <span class="chat-edited">{i18n.t("chat-edited")}</span>
                })}
            </p>
            {message.attachment.clone().filter(|_| live).map(|a| file_view(*a, "/api/chat/file"))}
            {body}
            {move || translation.get().map(|t| view! {
                <p class="chat-translation" lang=t.locale.tag() dir="auto">
                    <span class="chat-translation-label">{i18n.t("chat-translation")}</span>
                    " "
                    {t.text}
                </p>
            })}
            {move || (seen.get() == Some(id)).then(|| view! {
                <p class="chat-status chat-seen">{i18n.t("chat-seen")}</p>
            })}
            {move || error.get().map(|e| view! {
                <p class="chat-status field-error" role="alert">
                    {i18n.t_args("chat-action-failed", vec![("reason", Arg::Str(e))])}
                </p>
            })}
            {actions}
        </li>
    }
}
