//! The language switcher: a disclosure with one link per language. Each link goes through
//! `/lang/<tag>`, which stores the choice and returns to the same page, so it works with and
//! without JavaScript and the server renders the new language (and direction) in full.

use super::i18n::use_i18n;
use domain::Locale;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Percent-encodes a path and query for use as a query value.
pub fn encode_query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The switcher in the header.
#[component]
pub fn LanguageMenu() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let here = move || {
        let search = location.search.get();
        let path = location.pathname.get();
        if search.is_empty() {
            path
        } else {
            format!("{path}?{}", search.trim_start_matches('?'))
        }
    };
    view! {
        <details class="language-menu">
            <summary aria-label=i18n.t("nav-language-label")>
                <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
                    <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="1.8" />
                    <path
                        d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z"
                        fill="none"
                        stroke="currentColor"
                        stroke-width="1.8"
                    />
                </svg>
                <span class="language-current">{i18n.locale.endonym()}</span>
            </summary>
            <ul class="menu-panel" role="list" aria-label=i18n.t("nav-language-label")>
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        let href = move || format!("/lang/{}?next={}", l.tag(), encode_query_value(&here()));
                        view! {
                            <li>
                                <a
                                    href=href
                                    rel="external"
                                    hreflang=l.tag()
                                    lang=l.tag()
                                    aria-current=(l == i18n.locale).then_some("true")
                                >
                                    {l.endonym()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </details>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_query_values() {
        assert_eq!(
            super::encode_query_value("/halls?a=1&b=é"),
            "/halls%3Fa%3D1%26b%3D%C3%A9"
        );
    }
}
