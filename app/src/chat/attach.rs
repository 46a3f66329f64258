//! The composer's file button: a picture or a PDF is uploaded into the room at once (with its
//! progress), then goes with the next message; the chip shows it until then and can drop it.

use crate::shell::i18n::{use_i18n, Arg};
use crate::AppError;
use domain::chat::Attachment;
use leptos::prelude::*;

/// What the file dialog offers.
pub const ACCEPT_CHAT_FILES: &str = "image/jpeg,image/png,image/webp,application/pdf";

/// Where the chosen file stands.
#[derive(Clone, Debug, PartialEq)]
pub enum FileState {
    /// Nothing chosen.
    None,
    /// Uploading: the file's name and the fraction sent.
    Sending(String, f64),
    /// Stored, waiting for the message.
    Ready(Attachment),
    /// Refused; the Fluent id of the reason.
    Failed(String),
}

/// "12.3 MB", "850 KB".
pub fn size_text(bytes: i64) -> String {
    let b = bytes.max(0) as f64;
    if b >= 1_048_576.0 {
        format!("{:.1} MB", b / 1_048_576.0)
    } else {
        format!("{:.0} KB", (b / 1024.0).max(1.0))
    }
}

/// The button and the chip.
#[component]
pub fn AttachButton(room_id: String, state: RwSignal<FileState>) -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let url = format!(
            "/api/chat/attach?room={}&name={}",
            room_id,
            crate::shell::language_menu::encode_query_value(&file.name())
        );
        state.set(FileState::Sending(file.name(), 0.0));
        send(&url, file, state);
        input.set_value("");
    };
    view! {
        <label for="chat-file" class="btn btn-ghost chat-attach" title=i18n.t("chat-attach")>
            <span aria-hidden="true">{i18n.t("chat-attach-short")}</span>
            <span class="visually-hidden">{i18n.t("chat-attach")}</span>
        </label>
        <input id="chat-file" class="visually-hidden" type="file" accept=ACCEPT_CHAT_FILES on:change=on_change />
        {move || match state.get() {
            FileState::None => None,
            FileState::Sending(name, f) => Some(view! {
                <p class="chat-file-chip" role="status">
                    <span class="chat-file-name">{name.clone()}</span>
                    <progress max="100" value=format!("{:.0}", f * 100.0)
                        aria-label=i18n.t_args("chat-file-sending", vec![("name", Arg::Str(name))])></progress>
                </p>
            }.into_any()),
            FileState::Ready(a) => Some(view! {
                <p class="chat-file-chip" role="status">
                    <span class="chat-file-name">{a.name.clone()}</span>
                    <span class="chat-file-size">{size_text(a.byte_size)}</span>
                    <button type="button" class="chat-link-button" on:click=move |_| state.set(FileState::None)>
                        {i18n.t("chat-file-drop")}
                    </button>
                </p>
            }.into_any()),
            FileState::Failed(id) => Some(view! {
                <p class="chat-file-chip field-error" role="alert">
                    {i18n.t_args("chat-file-refused", vec![("reason", Arg::Str(i18n.t(&id)))])}
                    " "
                    <button type="button" class="chat-link-button" on:click=move |_| state.set(FileState::None)>
                        {i18n.t("chat-file-drop")}
                    </button>
                </p>
            }.into_any()),
        }}
    }
}

/// Sends the file with XMLHttpRequest (fetch reports no upload progress).
pub(crate) fn send(url: &str, file: web_sys::File, state: RwSignal<FileState>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let failed = |id: &str| state.set(FileState::Failed(id.to_owned()));
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        return failed("error-transport");
    };
    if xhr.open("POST", url).is_err() {
        return failed("error-transport");
    }
    let name = file.name();
    if let Ok(upload) = xhr.upload() {
        let name = name.clone();
        let progress =
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
                if ev.length_computable() && ev.total() > 0.0 {
                    let _ =
                        state.try_set(FileState::Sending(name.clone(), ev.loaded() / ev.total()));
                }
            });
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        progress.forget();
    }
    let request = xhr.clone();
    let done = Closure::<dyn FnMut()>::new(move || {
        let status = request.status().unwrap_or(0);
        let body = request.response_text().ok().flatten().unwrap_or_default();
        let next = if status == 201 {
            match serde_json::from_str::<Attachment>(&body) {
                Ok(a) => FileState::Ready(a),
                Err(_) => FileState::Failed("error-transport".into()),
            }
        } else {
            FileState::Failed(match serde_json::from_str::<AppError>(&body) {
                Ok(AppError::Validation(fields)) => fields
                    .first()
                    .map(|f| f.message_id.clone())
                    .unwrap_or_else(|| "error-validation".into()),
                Ok(AppError::Conflict(id)) if !id.is_empty() => id,
                Ok(other) => other.message_id().to_owned(),
                Err(_) => "error-transport".to_owned(),
            })
        };
        let _ = state.try_set(next);
    });
    xhr.set_onloadend(Some(done.as_ref().unchecked_ref()));
    done.forget();
    if xhr.send_with_opt_blob(Some(&file)).is_err() {
        failed("error-transport");
    }
}
