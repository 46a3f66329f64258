//! `/exhibitors/<id>/edit`: the booth team uploads pictures, videos, documents and 3D models,
//! each file with its own progress bar, and sees them in the gallery as a visitor will.

use super::api::{can_edit_booth, get_booth, SaveBoothAbout};
use super::media_gallery::MediaGallery;
use crate::shell::error_view::ErrorView;
use crate::shell::i18n::{use_i18n, Arg};
use crate::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

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

/// The booth editor.
#[component]
pub fn BoothEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let version = RwSignal::new(0u32);
    let allowed = Resource::new(id, can_edit_booth);
    let user = use_context::<crate::account::UserResource>();
    // The gallery reloads after each upload; the uploader (and its progress list) stays.
    let booth = Resource::new(move || (id(), version.get()), |(id, _)| get_booth(id));
    // The texts are loaded once: saving keeps what is typed on screen.
    let texts = Resource::new(id, get_booth);
    view! {
        <Title text=i18n.t("booth-editor-title") />
        <section class="page booth-editor">
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                    {move || Suspend::new(async move {
                        if !allowed.await? {
                            let signed_in = match user {
                                Some(u) => matches!(u.await, Ok(Some(_))),
                                None => false,
                            };
                            return Err::<AnyView, AppError>(if signed_in {
                                AppError::Forbidden
                            } else {
                                AppError::Unauthenticated
                            });
                        }
                        let exhibitor_id = id();
                        Ok(view! {
                            <h1>{i18n.t("booth-editor-title")}</h1>
                            <p class="lead">{i18n.t("booth-editor-lead")}</p>
                            <MediaUploader exhibitor_id=exhibitor_id.clone() on_done=move || version.update(|v| *v += 1) />
                            <Suspense fallback=|| ()>
                                {move || Suspend::new(async move {
                                    texts.await.map(|d| view! { <AboutEditor exhibitor_id=d.id.clone() about=d.about.clone() /> })
                                })}
                            </Suspense>
                            <EditorGallery booth />
                            <p>
                                <a class="btn btn-ghost" href=format!("/exhibitors/{exhibitor_id}")>{i18n.t("booth-editor-preview")}</a>
                            </p>
                        }
                        .into_any())
                    })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}

/// The gallery as visitors will see it, reloaded after each upload without a flash.
#[component]
fn EditorGallery(
    booth: Resource<Result<domain::product::ExhibitorDetail, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="gallery-heading">
            <h2 id="gallery-heading">{i18n.t("booth-gallery-heading")}</h2>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    booth.await.map(|detail| {
                        let name = detail.name.show(i18n.locale).text;
                        if detail.media.is_empty() {
                            view! { <p class="muted">{i18n.t("booth-gallery-empty")}</p> }.into_any()
                        } else {
                            view! { <MediaGallery media=detail.media.clone() company=name /> }.into_any()
                        }
                    })
                })}
            </Transition>
        </section>
    }
}

/// A file picker that uploads every chosen file at once, each with a progress bar.
#[component]
fn MediaUploader(
    exhibitor_id: String,
    on_done: impl Fn() + Clone + Send + Sync + 'static,
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
            send(&exhibitor_id, file, item.state, on_done.clone());
        }
        input.set_value("");
    };
    view! {
        <div class="uploader">
            <label for="media-files" class="btn btn-primary">{i18n.t("booth-upload-choose")}</label>
            <input
                id="media-files"
                class="visually-hidden"
                type="file"
                multiple=true
                accept="image/jpeg,image/png,image/webp,video/mp4,video/webm,application/pdf,.glb"
                on:change=on_change
            />
            <p class="field-hint">{i18n.t("booth-upload-hint")}</p>
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
    exhibitor_id: &str,
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
    let url = format!(
        "/api/media/upload?exhibitor={exhibitor_id}&name={}",
        crate::shell::language_menu::encode_query_value(&file.name())
    );
    if xhr.open("POST", &url).is_err() {
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

/// The "about" text, one language at a time.
#[component]
fn AboutEditor(exhibitor_id: String, about: domain::text::LocalizedText) -> impl IntoView {
    let i18n = use_i18n();
    let language = RwSignal::new(i18n.locale);
    let about = StoredValue::new(about);
    let save = ServerAction::<SaveBoothAbout>::new();
    let current =
        move || about.with_value(|a| a.values.get(&language.get()).cloned().unwrap_or_default());
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    view! {
        <section class="about-editor" aria-labelledby="about-editor-heading">
            <h2 id="about-editor-heading">{i18n.t("booth-about-heading")}</h2>
            <ActionForm action=save>
                <crate::ui::form_alert::FormAlert error />
                <input type="hidden" name="input[exhibitor_id]" value=exhibitor_id.clone() />
                <div class="field">
                    <label for="about-language">{i18n.t("booth-editor-language")}</label>
                    <select
                        id="about-language"
                        name="input[language]"
                        on:change=move |ev| {
                            if let Some(l) = domain::Locale::parse(&event_target_value(&ev)) {
                                language.set(l);
                            }
                        }
                    >
                        {domain::Locale::ALL
                            .into_iter()
                            .map(|l| view! { <option value=l.tag() lang=l.tag() selected=l == i18n.locale>{l.endonym()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="about-text">{i18n.t("booth-editor-about-label")}</label>
                    <textarea
                        id="about-text"
                        name="input[text]"
                        rows="6"
                        maxlength=domain::text::LONG_TEXT_MAX_CHARS.to_string()
                        prop:value=current
                        lang=move || language.get().tag()
                        dir=move || language.get().direction().as_str()
                    ></textarea>
                </div>
                <button type="submit" class="btn btn-primary" disabled=move || save.pending().get()>{i18n.t("booth-editor-save")}</button>
                <span class="save-status" role="status">{move || saved().then(|| i18n.t("booth-editor-saved"))}</span>
            </ActionForm>
        </section>
    }
}
