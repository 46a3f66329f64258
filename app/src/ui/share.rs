//! "Share": the device's share sheet where the browser has one (phones), otherwise the link is
//! copied to the clipboard and the page says so. Appears once the page is interactive.

use crate::shell::i18n::use_i18n;
use leptos::prelude::*;

/// Calls `navigator.share({title, url})` when the browser has it; false otherwise.
fn native_share(title: &str, url: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into()) else {
        return false;
    };
    let Ok(share) = share.dyn_into::<js_sys::Function>() else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    // The promise rejects when the visitor closes the sheet; nothing to do then.
    share.call1(&navigator, &data).is_ok()
}

/// Writes `text` to the clipboard; false when the browser offers no clipboard.
fn copy_text(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok();
    let write = clipboard
        .as_ref()
        .and_then(|c| js_sys::Reflect::get(c, &"writeText".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (clipboard, write) {
        (Some(c), Some(f)) => f.call1(&c, &text.into()).is_ok(),
        _ => false,
    }
}

/// A share button for the current page.
#[component]
pub fn ShareButton(#[prop(into)] title: String) -> impl IntoView {
    let i18n = use_i18n();
    let hydrated = RwSignal::new(false);
    let status = RwSignal::new(None::<&'static str>);
    Effect::new(move |_| hydrated.set(true));
    let share = move |_| {
        let url = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        if native_share(&title, &url) {
            status.set(None);
        } else if copy_text(&url) {
            status.set(Some("share-copied"));
        } else {
            status.set(Some("share-unavailable"));
        }
    };
    move || {
        hydrated.get().then(|| {
            let share = share.clone();
            view! {
                <button type="button" class="btn btn-ghost" on:click=share>{i18n.t("share")}</button>
                <span class="share-status" role="status">{move || status.get().map(|id| i18n.t(id))}</span>
            }
        })
    }
}
