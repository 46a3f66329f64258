//! The editor's list of uploaded files: each with a preview, its kind and name, and buttons to
//! move it earlier or later in the gallery or to delete it.

use super::api::{delete_media, move_media};
use crate::shell::i18n::{use_i18n, Arg};
use crate::AppError;
use domain::product::MediaItem;
use leptos::prelude::*;

/// The Fluent id naming a media kind.
pub fn kind_message_id(kind: &str) -> &'static str {
    match kind {
        "image" => "media-kind-image",
        "video" => "media-kind-video",
        "document" => "media-kind-document",
        "model" => "media-kind-model",
        "panorama" => "media-kind-panorama",
        "logo" => "media-kind-logo",
        "banner" => "media-kind-banner",
        _ => "media-kind-file",
    }
}

/// Uploaded files in order, with reorder and delete.
#[component]
pub fn MediaManager(
    /// The files, in gallery order.
    media: Vec<MediaItem>,
    /// Called after a change, to reload the list.
    on_change: impl Fn() + Clone + Send + Sync + 'static,
    /// Shown when there is nothing.
    #[prop(into)]
    empty: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<AppError>);
    if media.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    let last = media.len() - 1;
    let items = media
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let name = if m.name.is_empty() {
                i18n.t(kind_message_id(&m.kind))
            } else {
                m.name.clone()
            };
            let preview = match m.kind.as_str() {
                "image" | "panorama" | "logo" | "banner" => {
                    let small = m.variants.last().map(|v| m.url(v)).unwrap_or_default();
                    view! { <img src=small alt="" width="96" height="64" loading="lazy" /> }.into_any()
                }
                _ => view! { <span class="media-icon" aria-hidden="true" data-kind=m.kind.clone()></span> }.into_any(),
            };
            let act = {
                let on_change = on_change.clone();
                move |op: MediaOp| {
                    let on_change = on_change.clone();
                    let id = m.id.clone();
                    leptos::task::spawn_local(async move {
                        let result = match op {
                            MediaOp::Earlier => move_media(id, true).await,
                            MediaOp::Later => move_media(id, false).await,
                            MediaOp::Delete => delete_media(id).await,
                        };
                        match result {
                            Ok(()) => {
                                error.set(None);
                                on_change();
                            }
                            Err(e) => error.set(Some(e)),
                        }
                    });
                }
            };
            let (a1, a2, a3) = (act.clone(), act.clone(), act);
            let delete_question = i18n.t_args("media-delete-confirm", vec![("name", Arg::Str(name.clone()))]);
            let label = |id: &str| i18n.t_args(id, vec![("name", Arg::Str(name.clone()))]);
            view! {
                <li class="media-row">
                    {preview}
                    <span class="media-name">{name.clone()}</span>
                    <span class="badge badge-muted">{i18n.t(kind_message_id(&m.kind))}</span>
                    <span class="media-actions">
                        <button type="button" class="btn btn-ghost btn-small" disabled=i == 0
                            aria-label=label("media-move-earlier") on:click=move |_| a1(MediaOp::Earlier)>"↑"</button>
                        <button type="button" class="btn btn-ghost btn-small" disabled=i == last
                            aria-label=label("media-move-later") on:click=move |_| a2(MediaOp::Later)>"↓"</button>
                        <button type="button" class="btn btn-ghost btn-small btn-danger"
                            aria-label=label("media-delete")
                            on:click=move |_| {
                                if confirm(&delete_question) {
                                    a3(MediaOp::Delete);
                                }
                            }>{i18n.t("media-delete-short")}</button>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <crate::ui::form_alert::FormAlert error=Signal::derive(move || error.get()) />
        <ol class="media-list">{items}</ol>
    }
    .into_any()
}

#[derive(Clone, Copy)]
enum MediaOp {
    Earlier,
    Later,
    Delete,
}

/// Asks the browser's confirmation dialog (true when there is no window, as on the server).
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .map(|w| w.confirm_with_message(question).unwrap_or(false))
        .unwrap_or(true)
}
