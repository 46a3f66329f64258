//! The HTML document around the app (server only): `<html lang dir>`, head, scripts.

use super::app::App;
use super::i18n::language_id;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags};

/// Renders the document of one response. The language and direction come from the request, and
/// the CSP nonce made by the server's middleware is handed to Leptos for its inline scripts.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = crate::state::request_locale();
    if let Some(nonce) = crate::state::request_nonce() {
        provide_context(leptos::nonce::Nonce::from_value(nonce));
    }
    let lang = language_id(locale).to_string();
    let dir = locale.direction().as_str();
    view! {
        <!DOCTYPE html>
        <html lang=lang dir=dir>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <link rel="icon" href="/favicon.ico" sizes="any" />
                <HashedStylesheet options=options.clone() id="leptos" />
                <script nonce=crate::state::request_nonce().unwrap_or_default()>
                    "try{var t=localStorage.getItem('theme');if(t)document.documentElement.dataset.theme=t}catch(e){}"
                </script>
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}
