//! Light/dark theme switch. The default follows the system; a choice is remembered in
//! `localStorage` and applied before first paint by a tiny inline script in the document head.

use super::i18n::use_i18n;
use leptos::prelude::*;

fn current_theme() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let el = doc.document_element()?;
    el.get_attribute("data-theme")
}

fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false)
}

fn apply_theme(theme: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("data-theme", theme);
    }
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item("theme", theme);
    }
}

/// A button that switches between the light and dark themes.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let i18n = use_i18n();
    let dark = RwSignal::new(false);
    Effect::new(move |_| {
        let is_dark = match current_theme().as_deref() {
            Some("dark") => true,
            Some(_) => false,
            None => system_prefers_dark(),
        };
        dark.set(is_dark);
    });
    view! {
        <button
            type="button"
            class="btn btn-ghost theme-toggle"
            aria-pressed=move || if dark.get() { "true" } else { "false" }
            title=i18n.t("nav-theme-dark")
            on:click=move |_| {
                let next = !dark.get_untracked();
                dark.set(next);
                apply_theme(if next { "dark" } else { "light" });
            }
        >
            <span aria-hidden="true">{move || if dark.get() { "☾" } else { "☀" }}</span>
            <span class="visually-hidden">{i18n.t("nav-theme-dark")}</span>
        </button>
    }
}
