//! File uploads with a progress bar per file, for the booth gallery, a product or a panorama.

use crate::shell::i18n::{use_i18n, Arg};
use crate::AppError;
use leptos::prelude::*;

/// Accepted types of the booth and product uploaders.
pub const ACCEPT_MEDIA: &str =
    "image/jpeg,image/png,image/webp,video/mp4,video/webm,application/pdf,.glb,model/gltf-binary";
/// Accepted types of the panorama uploader.
pub const ACCEPT_PICTURES: &str = "image/jpeg,image/png,image/webp";

/// Where one file's upload stands.
#[derive(Clone, Debug, PartialEq)]
enum UploadState {
    /// Sending; the fraction sent so far.
    Sending(f64),
    /// Stored.
    Done,
    /// Refused or failed; the Fluent id of the reason.
    Failed(String),
}

/// One file being uploaded.
#[derive(Clone)]
struct UploadItem {
    key: usize,
    name: String,
    state: RwSignal<UploadState>,
}

/// A file picker that uploads every chosen file at once, each with a progress bar.
#[component]
pub fn MediaUploader(
    /// The booth.
    exhibitor_id: String,
    /// The product the files show, if any.
    #[prop(optional)]
    product_id: Option<String>,
    /// `panorama` for 360° pictures.
    #[prop(optional)]
    purpose: Option<&'static str>,
    /// Element id of the file input (unique on the page).
    input_id: &'static str,
    /// The button's text.
    label: String,
    /// The hint under it.
    hint: String,
    /// Accepted types for the file dialog.
    accept: &'static str,
    /// Called after each stored file.
    on_done: impl Fn() + Clone + Send + Sync + 'static,
    /// Another endpoint than the booth's (its query string started): the file's name is
    /// added to it.
    #[prop(optional)]
    upload_url: Option<String>,
    /// One file at a time.
    #[prop(optional)]
    single: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = RwSignal::new(Vec::<UploadItem>::new());
    let next_key = StoredValue::new(0usize);
    let on_change = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(files) = input.files() else {
            return;
        };
        for i in 0..files.length() {
            let Some(file) = files.get(i) else { continue };
            let key = next_key.get_value();
            next_key.set_value(key + 1);
            let item = UploadItem {
                key,
                name: file.name(),
                state: RwSignal::new(UploadState::Sending(0.0)),
            };
            items.update(|v| v.push(item.clone()));
            let name = crate::shell::language_menu::encode_query_value(&file.name());
            let mut url = match &upload_url {
                Some(u) => format!("{u}&name={name}"),
                None => format!("/api/media/upload?exhibitor={exhibitor_id}&name={name}"),
            };
            if let Some(p) = &product_id {
                url.push_str(&format!("&product={p}"));
            }
            if let Some(p) = purpose.filter(|p| !p.is_empty()) {
                url.push_str(&format!("&purpose={p}"));
            }
            send(&url, file, item.state, on_done.clone());
        }
        input.set_value("");
    };
    view! {
        <div class="uploader">
            <label for=input_id class="btn btn-primary">{label}</label>
            <input
                id=input_id
                class="visually-hidden"
                type="file"
                multiple=!single
                accept=accept
                on:change=on_change
            />
            <p class="field-hint">{hint}</p>
            <ul class="upload-list" aria-live="polite">
                <For each=move || items.get() key=|item| item.key let:item>
                    <li class="upload-item">
                        <span class="upload-name">{item.name.clone()}</span>
                        {move || match item.state.get() {
                            UploadState::Sending(f) => view! {
                                <progress max="100" value=format!("{:.0}", f * 100.0)
                                    aria-label=i18n.t_args("booth-upload-progress", vec![("name", Arg::Str(item.name.clone()))])>
                                </progress>
                            }.into_any(),
                            UploadState::Done => view! { <span class="badge">{i18n.t("booth-upload-done")}</span> }.into_any(),
                            UploadState::Failed(id) => view! { <span class="field-error" role="alert">{i18n.t(&id)}</span> }.into_any(),
                        }}
                    </li>
                </For>
            </ul>
        </div>
    }
}

/// Sends one file with XMLHttpRequest (fetch reports no upload progress) and tracks it.
fn send(
    url: &str,
    file: web_sys::File,
    state: RwSignal<UploadState>,
    on_done: impl Fn() + 'static,
) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        state.set(UploadState::Failed("error-transport".into()));
        return;
    };
    if xhr.open("POST", url).is_err() {
        state.set(UploadState::Failed("error-transport".into()));
        return;
    }
    if let Ok(upload) = xhr.upload() {
        let progress =
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
                if ev.length_computable() && ev.total() > 0.0 {
                    state.set(UploadState::Sending(ev.loaded() / ev.total()));
                }
            });
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        progress.forget();
    }
    let request = xhr.clone();
    let done = Closure::<dyn FnMut()>::new(move || {
        let status = request.status().unwrap_or(0);
        if status == 201 {
            state.set(UploadState::Done);
            on_done();
        } else {
            let body = request.response_text().ok().flatten().unwrap_or_default();
            let id = match serde_json::from_str::<AppError>(&body) {
                Ok(AppError::Validation(fields)) => fields
                    .first()
                    .map(|f| f.message_id.clone())
                    .unwrap_or_else(|| "error-validation".into()),
                Ok(other) => other.message_id().to_owned(),
                Err(_) => "error-transport".to_owned(),
            };
            state.set(UploadState::Failed(id));
        }
    });
    xhr.set_onloadend(Some(done.as_ref().unchecked_ref()));
    done.forget();
    if xhr.send_with_opt_blob(Some(&file)).is_err() {
        state.set(UploadState::Failed("error-transport".into()));
    }
}
