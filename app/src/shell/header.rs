//! The site header: brand, main sections, language, theme, account.

use super::i18n::use_i18n;
use super::language_menu::LanguageMenu;
use super::theme_toggle::ThemeToggle;
use crate::account::account_menu::AccountMenu;
use crate::chat::unread_badge::UnreadBadge;
use crate::search::search_box::SearchBox;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The main sections, in header order: (path, Fluent id).
pub const SECTIONS: [(&str, &str); 5] = [
    ("/halls", "nav-halls"),
    ("/live", "nav-live"),
    ("/matchmaking", "match-nav"),
    ("/messages", "nav-messages"),
    ("/dashboard", "nav-dashboard"),
];

/// The header on every page. On small screens the sections fold behind a menu button.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    view! {
        <header class="site-header">
            <div class="header-inner">
                <a class="brand" href="/">
                    <crate::setup::brand::BrandMark />
                    <span class="brand-name">{i18n.t("site-name")}</span>
                </a>
                <button
                    type="button"
                    class="nav-toggle btn btn-ghost"
                    aria-controls="main-nav"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    <span aria-hidden="true">"☰"</span>
                    <span class="visually-hidden">{i18n.t("nav-menu")}</span>
                </button>
                <nav id="main-nav" class="main-nav" class:open=move || open.get() aria-label=i18n.t("nav-main-label")>
                    <ul>
                        {SECTIONS
                            .into_iter()
                            .map(|(href, id)| {
                                let current = move || {
                                    location.pathname.get().starts_with(href).then_some("page")
                                };
                                view! {
                                    <li>
                                        <a href=href aria-current=current>
                                            {i18n.t(id)}
                                            {(href == "/messages").then(|| view! { <UnreadBadge /> })}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
                <SearchBox />
                <div class="header-tools">
                    <LanguageMenu />
                    <ThemeToggle />
                    <AccountMenu />
                </div>
            </div>
        </header>
    }
}
