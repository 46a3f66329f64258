//! "Share": a disclosure (works without JavaScript) holding the page's absolute link, a QR code
//! made on the server (PNG and SVG to download), and, once the page is interactive, "Copy link"
//! and the device's share sheet where the browser has one (phones).

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

/// The origin of absolute links: the configured public origin or the request's host on the
/// server, the page's origin in the browser (the same, so hydration agrees).
pub fn page_origin() -> String {
    #[cfg(feature = "ssr")]
    {
        let state = use_context::<crate::state::AppState>();
        let parts = use_context::<http::request::Parts>();
        let https = parts
            .as_ref()
            .and_then(|p| p.extensions.get::<crate::state::ClientInfo>())
            .is_some_and(|c| c.https);
        let host = parts
            .as_ref()
            .and_then(|p| p.headers.get(http::header::HOST))
            .and_then(|h| h.to_str().ok())
            .map(str::to_owned);
        state
            .map(|s| s.origin(https, host.as_deref()))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }
}

/// The share menu of a booth (`kind` = `booth`) or product page.
#[component]
pub fn ShareButton(
    #[prop(into)] title: String,
    kind: &'static str,
    #[prop(into)] id: String,
    /// The page's path (`/exhibitors/<id>`).
    #[prop(into)]
    path: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let hydrated = RwSignal::new(false);
    let can_share = RwSignal::new(false);
    let status = RwSignal::new(None::<&'static str>);
    Effect::new(move |_| {
        hydrated.set(true);
        let has_share = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"share".into()).ok())
            .is_some_and(|f| f.is_function());
        can_share.set(has_share);
    });
    let url = format!("{}{path}", page_origin());
    let qr = format!("/qr/{kind}/{id}");
    let copy = {
        let url = url.clone();
        move |_| {
            status.set(Some(if copy_text(&url) {
                "share-copied"
            } else {
                "share-unavailable"
            }));
        }
    };
    let device = {
        let url = url.clone();
        move |_| {
            if !native_share(&title, &url) {
                status.set(Some("share-unavailable"));
            }
        }
    };
    let input_id = format!("share-url-{kind}");
    view! {
        <details class="share-menu">
            <summary class="btn btn-ghost">{i18n.t("share")}</summary>
            <div class="share-panel">
                <label for=input_id.clone()>{i18n.t("share-link")}</label>
                <div class="share-link-row">
                    <input id=input_id type="url" readonly value=url.clone() />
                    {move || hydrated.get().then(|| view! {
                        <button type="button" class="btn" on:click=copy.clone()>{i18n.t("share-copy")}</button>
                    })}
                </div>
                {move || can_share.get().then(|| view! {
                    <button type="button" class="btn" on:click=device.clone()>{i18n.t("share-device")}</button>
                })}
                <span class="share-status" role="status">{move || status.get().map(|id| i18n.t(id))}</span>
                <figure class="share-qr">
                    <img src=format!("{qr}.svg") alt=i18n.t("share-qr-alt") width="160" height="160" loading="lazy" />
                    <figcaption>
                        {i18n.t("share-qr-caption")}" "
                        <a href=format!("{qr}.png") download="">{i18n.t("share-qr-png")}</a>
                        " · "
                        <a href=format!("{qr}.svg") download="">{i18n.t("share-qr-svg")}</a>
                    </figcaption>
                </figure>
            </div>
        </details>
    }
}

/// Open Graph and Twitter card tags of a shared page (absolute URLs, as crawlers need).
#[component]
pub fn SocialMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    /// The page's path.
    #[prop(into)]
    path: String,
    /// `website`, `product`, `profile`.
    kind: &'static str,
    /// The picture's path, if any.
    image: Option<String>,
) -> impl IntoView {
    use leptos_meta::Meta;
    let origin = page_origin();
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let image = image.map(|p| format!("{origin}{p}"));
    view! {
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:type" content=kind />
        <Meta property="og:url" content=format!("{origin}{path}") />
        {image.clone().map(|i| view! { <Meta property="og:image" content=i /> })}
        <Meta name="twitter:card" content=card />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        {image.map(|i| view! { <Meta name="twitter:image" content=i /> })}
    }
}
