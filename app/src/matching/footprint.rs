//! The footprint beacon: a page of a hall, booth, product or live room reports that it was
//! viewed and, when it is hidden or left, how long it was visible (time in a background tab does
//! not count; the server caps one report at ten minutes). Sent with `navigator.sendBeacon`, so
//! leaving the page never waits for it. Nothing runs on the server render or without JavaScript.

use leptos::prelude::*;

#[cfg(feature = "hydrate")]
mod client {
    use std::cell::{Cell, RefCell};
    use wasm_bindgen::prelude::*;

    /// The page being looked at now.
    struct Visit {
        target: &'static str,
        id: String,
        visible_since: Option<f64>,
        spent: f64,
    }

    thread_local! {
        static CURRENT: RefCell<Option<Visit>> = const { RefCell::new(None) };
        static LISTENING: Cell<bool> = const { Cell::new(false) };
    }

    fn send(kind: &str, target: &str, id: &str, millis: f64) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(params) = web_sys::UrlSearchParams::new() else {
            return;
        };
        params.append("kind", kind);
        params.append("target", target);
        params.append("id", id);
        params.append("millis", &format!("{}", millis.max(0.0).round() as i64));
        let _ = window
            .navigator()
            .send_beacon_with_opt_url_search_params("/api/footprint", Some(&params));
    }

    fn visible() -> bool {
        web_sys::window()
            .and_then(|w| w.document())
            .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
    }

    /// Reports the visible time gathered so far and starts counting again from zero.
    fn flush(still_visible: bool) {
        let now = js_sys::Date::now();
        CURRENT.with(|c| {
            if let Some(v) = c.borrow_mut().as_mut() {
                if let Some(since) = v.visible_since.take() {
                    v.spent += now - since;
                }
                if v.spent >= 1000.0 {
                    send("dwell", v.target, &v.id, v.spent);
                }
                v.spent = 0.0;
                if still_visible {
                    v.visible_since = Some(now);
                }
            }
        });
    }

    fn listen_once() {
        if LISTENING.with(|l| l.replace(true)) {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let on_visibility = Closure::<dyn Fn()>::new(|| {
            if visible() {
                CURRENT.with(|c| {
                    if let Some(v) = c.borrow_mut().as_mut() {
                        v.visible_since = Some(js_sys::Date::now());
                    }
                });
            } else {
                flush(false);
            }
        });
        let on_leave = Closure::<dyn Fn()>::new(|| flush(false));
        if let Some(doc) = window.document() {
            let _ = doc.add_event_listener_with_callback(
                "visibilitychange",
                on_visibility.as_ref().unchecked_ref(),
            );
        }
        let _ =
            window.add_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref());
        on_visibility.forget();
        on_leave.forget();
    }

    /// A page came into view.
    pub fn start(target: &'static str, id: String) {
        listen_once();
        stop();
        send("view", target, &id, 0.0);
        CURRENT.with(|c| {
            *c.borrow_mut() = Some(Visit {
                target,
                id,
                visible_since: visible().then(js_sys::Date::now),
                spent: 0.0,
            });
        });
    }

    /// The page was left inside the app.
    pub fn stop() {
        flush(false);
        CURRENT.with(|c| c.borrow_mut().take());
    }
}

/// Put on a page to record its view and the time it was visible. `target` is `hall`, `booth`, `product` or `live` (with the id).
#[component]
pub fn Footprint(target: &'static str, #[prop(into)] id: String) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        let started = id.clone();
        Effect::new(move |_| client::start(target, started.clone()));
        on_cleanup(client::stop);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (target, id);
}
