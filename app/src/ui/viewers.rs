//! The 3D model viewer (`<model-viewer>`, with AR on phones) and the 360° panorama viewer
//! (Pannellum). Both come from npm (xtask copies them into `/vendor/`), are loaded only by pages
//! that show a model or a panorama, and have a plain fallback that also serves readers without
//! JavaScript or WebGL: a download link for the model, the panorama as a still picture.

use crate::shell::i18n::use_i18n;
use domain::product::MediaItem;
use leptos::prelude::*;

const MODEL_VIEWER_JS: &str = "/vendor/model-viewer.min.js";
const PANNELLUM_JS: &str = "/vendor/pannellum.js";
const PANNELLUM_CSS: &str = "/vendor/pannellum.css";

/// Adds `<script src>` to the document once and calls `on_load` when it has run (at once when
/// it already had).
fn load_script(src: &str, module: bool, on_load: Option<Box<dyn FnOnce()>>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let existing = doc
        .query_selector(&format!("script[src=\"{src}\"]"))
        .ok()
        .flatten();
    let script = match existing {
        Some(s) => s,
        None => {
            let Ok(el) = doc.create_element("script") else {
                return;
            };
            let _ = el.set_attribute("src", src);
            if module {
                let _ = el.set_attribute("type", "module");
            }
            let mark = el.clone();
            let loaded = Closure::once_into_js(move || {
                let _ = mark.set_attribute("data-loaded", "");
            });
            let _ = el.add_event_listener_with_callback("load", loaded.unchecked_ref());
            if let Some(head) = doc.head() {
                let _ = head.append_child(&el);
            }
            el
        }
    };
    if let Some(f) = on_load {
        if script.has_attribute("data-loaded") {
            f();
        } else {
            let cb = Closure::once_into_js(f);
            let _ = script.add_event_listener_with_callback("load", cb.unchecked_ref());
        }
    }
}

/// Adds a stylesheet link to the document once.
fn load_css(href: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc
        .query_selector(&format!("link[href=\"{href}\"]"))
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    if let Ok(link) = doc.create_element("link") {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", href);
        if let Some(head) = doc.head() {
            let _ = head.append_child(&link);
        }
    }
}

/// A 3D model the visitor can turn and zoom (mouse, touch, keyboard) and place in the room with
/// AR on phones that support it; the model can always be downloaded.
#[component]
pub fn ModelViewer(model: MediaItem, #[prop(into)] alt: String) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| load_script(MODEL_VIEWER_JS, true, None));
    let src = model.url("original");
    view! {
        <figure class="model-figure">
            <model-viewer
                src=src.clone()
                alt=alt
                camera-controls=""
                auto-rotate=""
                ar=""
                ar-modes="webxr scene-viewer quick-look"
                shadow-intensity="1"
                touch-action="pan-y"
                exposure="1.1"
            >
                <button slot="ar-button" type="button" class="btn btn-primary ar-button">
                    {i18n.t("viewer-ar")}
                </button>
            </model-viewer>
            <figcaption>
                <span>{model.name.clone()}</span>
                " · "
                <a href=src download="">{i18n.t("viewer-model-download")}</a>
                <span class="muted">{i18n.t("viewer-model-hint")}</span>
            </figcaption>
        </figure>
    }
}

/// Starts Pannellum on `el` with a JSON configuration.
fn start_pannellum(el: &web_sys::HtmlElement, config: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window().ok_or(wasm_bindgen::JsValue::NULL)?;
    let library = js_sys::Reflect::get(&window, &"pannellum".into())?;
    let viewer: js_sys::Function = js_sys::Reflect::get(&library, &"viewer".into())?.dyn_into()?;
    let config = js_sys::JSON::parse(config)?;
    viewer.call2(&library, el, &config)?;
    Ok(())
}

/// A 360° panorama: the still picture first (for everyone, and all there is without
/// JavaScript), then, on request, the interactive view (drag, wheel, arrow keys, full screen).
#[component]
pub fn PanoramaViewer(panorama: MediaItem, #[prop(into)] title: String) -> impl IntoView {
    let i18n = use_i18n();
    let hydrated = RwSignal::new(false);
    let active = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let stage = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| hydrated.set(true));
    let large = panorama
        .variants
        .first()
        .map(|v| panorama.url(v))
        .unwrap_or_default();
    let still = panorama
        .variants
        .iter()
        .find(|v| v.as_str() == "w1600")
        .or(panorama.variants.last())
        .map(|v| panorama.url(v))
        .unwrap_or_default();
    let error = i18n.t("viewer-panorama-error");
    let config = serde_json::json!({
        "type": "equirectangular",
        "panorama": large,
        "autoLoad": true,
        "showFullscreenCtrl": true,
        "keyboardZoom": true,
        "strings": {
            "loadButtonLabel": i18n.t("viewer-panorama-start"),
            "loadingLabel": i18n.t("viewer-panorama-loading"),
            "bylineLabel": "",
            "noPanoramaError": error,
            "fileAccessError": error,
            "malformedURLError": error,
            "iOS8WebGLError": error,
            "genericWebGLError": error,
            "textureSizeError": error,
            "unknownError": error
        }
    })
    .to_string();
    let start = move |_| {
        let Some(el) = stage.get() else {
            return;
        };
        active.set(true);
        load_css(PANNELLUM_CSS);
        let config = config.clone();
        let el: web_sys::HtmlElement = el.into();
        load_script(
            PANNELLUM_JS,
            false,
            Some(Box::new(move || {
                if start_pannellum(&el, &config).is_err() {
                    failed.set(true);
                }
            })),
        );
    };
    let alt = i18n.t_args(
        "viewer-panorama-alt",
        vec![("name", crate::shell::i18n::Arg::Str(title.clone()))],
    );
    view! {
        <figure class="panorama" class:is-active=move || active.get() && !failed.get()>
            <div class="panorama-stage">
                <img class="panorama-still" src=still alt=alt loading="lazy" width="1600" height="800" />
                <div class="panorama-gl" node_ref=stage aria-label=i18n.t("viewer-panorama-label") role="application"></div>
            </div>
            <figcaption>
                <span>{title}</span>
                {move || {
                    (hydrated.get() && !active.get())
                        .then(|| view! {
                            <button type="button" class="btn btn-primary" on:click=start.clone()>
                                {i18n.t("viewer-panorama-start")}
                            </button>
                        })
                }}
                {move || failed.get().then(|| view! { <span class="field-error" role="alert">{i18n.t("viewer-panorama-error")}</span> })}
            </figcaption>
        </figure>
    }
}
