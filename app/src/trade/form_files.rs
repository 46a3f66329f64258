//! The inquiry form's files: pictures and PDFs (drawings, specifications) chosen on the form are
//! uploaded at once, each with its progress, and go with the inquiry when it is sent. Uploading
//! needs the page's script; without it the form says that files are added on the inquiry's page
//! once it is sent, so nothing chosen is silently dropped.

use crate::chat::attach::{size_text, FileState, ACCEPT_CHAT_FILES};
use crate::shell::i18n::{use_i18n, Arg};
use domain::trade::MAX_FILES_PER_INQUIRY;
use leptos::prelude::*;

/// The files field; `busy` is true while a file is still uploading.
#[component]
pub fn FormFiles(busy: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    let files: RwSignal<Vec<(u32, RwSignal<FileState>)>> = RwSignal::new(Vec::new());
    let next = StoredValue::new(0u32);
    Effect::new(move |_| {
        let sending = files.with(|fs| {
            fs.iter()
                .any(|(_, s)| matches!(s.get(), FileState::Sending(..)))
        });
        busy.set(sending);
    });
    let ids = move || {
        files.with(|fs| {
            fs.iter()
                .filter_map(|(_, s)| match s.get() {
                    FileState::Ready(a) => Some(a.id),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(",")
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(list) = input.files() else {
            return;
        };
        for i in 0..list.length() {
            if files.with_untracked(Vec::len) >= MAX_FILES_PER_INQUIRY {
                break;
            }
            let Some(file) = list.get(i) else {
                continue;
            };
            let url = format!(
                "/api/trade/file?name={}",
                crate::shell::language_menu::encode_query_value(&file.name())
            );
            let state = RwSignal::new(FileState::Sending(file.name(), 0.0));
            let key = next.get_value();
            next.set_value(key + 1);
            files.update(|fs| fs.push((key, state)));
            crate::chat::attach::send(&url, file, state);
        }
        input.set_value("");
    };
    let drop_file = move |key: u32| files.update(|fs| fs.retain(|(k, _)| *k != key));
    view! {
        <input type="hidden" name="inquiry[files]" prop:value=ids />
        <div class="field">
            {move || if mounted.get() {
                view! {
                    <label for="inquiry-files">{i18n.t("trade-files-add")}</label>
                    <input id="inquiry-files" type="file" multiple=true accept=ACCEPT_CHAT_FILES
                        aria-describedby="inquiry-files-hint" on:change=on_change
                        disabled=move || { files.with(Vec::len) >= MAX_FILES_PER_INQUIRY } />
                    <p class="field-hint" id="inquiry-files-hint">{i18n.t("trade-files-hint")}</p>
                }.into_any()
            } else {
                view! { <p class="field-hint">{i18n.t("trade-files-later")}</p> }.into_any()
            }}
            <ul class="inquiry-form-files" aria-live="polite">
                <For each=move || files.get() key=|(k, _)| *k let:((key, state))>
                    <li class="chat-file-chip">
                        {move || match state.get() {
                            FileState::None => ().into_any(),
                            FileState::Sending(name, f) => view! {
                                <span class="chat-file-name">{name.clone()}</span>
                                <progress max="100" value=format!("{:.0}", f * 100.0)
                                    aria-label=i18n.t_args("chat-file-sending", vec![("name", Arg::Str(name))])></progress>
                            }.into_any(),
                            FileState::Ready(a) => view! {
                                <span class="chat-file-name">{a.name.clone()}</span>
                                <span class="chat-file-size">{size_text(a.byte_size)}</span>
                            }.into_any(),
                            FileState::Failed(id) => view! {
                                <span class="field-error" role="alert">
                                    {i18n.t_args("trade-file-refused", vec![("reason", Arg::Str(i18n.t(&id)))])}
                                </span>
                            }.into_any(),
                        }}
                        <button type="button" class="chat-link-button" on:click=move |_| drop_file(key)>
                            {i18n.t("chat-file-drop")}
                        </button>
                    </li>
                </For>
            </ul>
        </div>
    }
}
