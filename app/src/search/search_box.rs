//! The search box in the header: a combobox with suggestions while typing (debounced, arrow keys
//! move through them, Enter opens one, Escape closes), and a plain GET form to `/search` without
//! JavaScript.

use super::api::suggest;
use super::search_page::Highlighted;
use crate::shell::i18n::use_i18n;
use domain::search::Suggestion;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::time::Duration;

/// Pause after the last key before suggestions are asked for.
const DEBOUNCE: Duration = Duration::from_millis(180);

/// The header's search box.
#[component]
pub fn SearchBox() -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let items = RwSignal::new(Vec::<Suggestion>::new());
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    // Answers that arrive after a newer question are dropped.
    let asked = StoredValue::new(0u64);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let navigate = use_navigate();

    let ask = move || {
        let q = text.get_untracked();
        let n = asked.get_value() + 1;
        asked.set_value(n);
        if q.trim().is_empty() {
            items.set(Vec::new());
            open.set(false);
            return;
        }
        leptos::task::spawn_local(async move {
            let answer = suggest(q).await.unwrap_or_default();
            if asked.try_get_value() == Some(n) {
                let any = !answer.is_empty();
                let _ = items.try_set(answer);
                let _ = active.try_set(None);
                let _ = open.try_set(any);
            }
        });
    };
    let on_input = move |ev: leptos::ev::Event| {
        text.set(event_target_value(&ev));
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        timer.set_value(set_timeout_with_handle(ask, DEBOUNCE).ok());
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let n = items.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Escape" => {
                open.set(false);
                active.set(None);
            }
            "Enter" => {
                let chosen = active
                    .get_untracked()
                    .filter(|_| open.get_untracked())
                    .and_then(|i| items.with_untracked(|v| v.get(i).map(|s| s.href.clone())));
                if let Some(href) = chosen {
                    ev.prevent_default();
                    open.set(false);
                    navigate(&href, Default::default());
                }
            }
            _ => {}
        }
    };
    // Leaving the box closes the list, after a moment so that a click on a suggestion lands.
    let on_blur = move |_| {
        let _ = set_timeout_with_handle(
            move || {
                let _ = open.try_set(false);
            },
            Duration::from_millis(200),
        );
    };
    let option_id = |i: usize| format!("header-search-option-{i}");
    view! {
        <form class="header-search" method="get" action="/search" role="search">
            <label for="header-search-q" class="visually-hidden">{i18n.t("search-label")}</label>
            <input
                id="header-search-q"
                type="search"
                name="q"
                autocomplete="off"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="header-search-list"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-activedescendant=move || active.get().filter(|_| open.get()).map(option_id)
                maxlength=domain::search::MAX_QUERY_CHARS.to_string()
                placeholder=i18n.t("search-submit")
                on:input=on_input
                on:keydown=on_keydown
                on:blur=on_blur
            />
            <button type="submit" class="btn btn-ghost header-search-submit">
                <span aria-hidden="true">"⌕"</span>
                <span class="visually-hidden">{i18n.t("search-submit")}</span>
            </button>
            <ul
                id="header-search-list"
                class="search-suggestions"
                role="listbox"
                aria-label=i18n.t("search-suggestions")
                hidden=move || !open.get()
            >
                {move || {
                    let q = text.get();
                    items
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let selected = move || active.get() == Some(i);
                            view! {
                                <li id=option_id(i) role="option" aria-selected=move || if selected() { "true" } else { "false" } class:active=selected>
                                    <a href=s.href.clone() tabindex="-1" on:click=move |_| open.set(false)>
                                        <span class="suggestion-kind">{i18n.t(&format!("search-kind-{}", s.kind.as_str()))}</span>
                                        <span class="suggestion-name" lang=s.name.locale.tag()>
                                            <Highlighted text=s.name.text.clone() query=q.clone() />
                                        </span>
                                        <span class="suggestion-detail muted">{s.detail.clone()}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </form>
    }
}
