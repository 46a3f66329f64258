//! The interactive floor plan: booths drawn as shapes on an SVG plan, rendered on the server
//! and hydrated. Zoom with the buttons, a pinch, Ctrl + wheel or `+`/`-`; pan by dragging (the
//! plan follows the finger at any screen width) or with the arrow keys. Until it is zoomed in, a
//! one-finger swipe scrolls the page (the map never traps it). Every booth is a link screen
//! readers reach in the map itself, focusable, and opens with Enter or a click.

use crate::shell::i18n::use_i18n;
use domain::hall::{BoothOnPlan, HallPlan};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const MAX_ZOOM: f64 = 4.0;

/// The path of an exhibitor's booth page.
pub fn booth_href(exhibitor_id: &str) -> String {
    format!("/exhibitors/{exhibitor_id}")
}

/// Shortens `s` to about what fits in `width` plan units at the label size.
pub fn fit_label(s: &str, width: i64) -> String {
    let wide = s.chars().filter(|c| !c.is_ascii()).count();
    let narrow = s.chars().count() - wide;
    let budget = (width - 24) as f64;
    if wide as f64 * 17.0 + narrow as f64 * 9.0 <= budget {
        return s.to_owned();
    }
    let mut used = 0.0;
    let mut out = String::new();
    for c in s.chars() {
        used += if c.is_ascii() { 9.0 } else { 17.0 };
        if used > budget - 12.0 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// The SVG plan of a hall.
#[component]
pub fn HallMap(plan: HallPlan) -> impl IntoView {
    let i18n = use_i18n();
    let (width, height) = (plan.width as f64, plan.height as f64);
    let zoom = RwSignal::new(1.0_f64);
    let center = RwSignal::new((width / 2.0, height / 2.0));
    let gestures = StoredValue::new(super::map_gestures::Gestures::default());
    let view_box = move || {
        let z = zoom.get();
        let (w, h) = (width / z, height / z);
        let (cx, cy) = center.get();
        let x = (cx - w / 2.0).clamp(0.0, width - w);
        let y = (cy - h / 2.0).clamp(0.0, height - h);
        format!("{x:.1} {y:.1} {w:.1} {h:.1}")
    };
    let set_zoom = move |z: f64| zoom.set(z.clamp(1.0, MAX_ZOOM));
    let pan = move |dx: f64, dy: f64| {
        center.update(|(cx, cy)| {
            *cx = (*cx + dx).clamp(0.0, width);
            *cy = (*cy + dy).clamp(0.0, height);
        })
    };
    // Not zoomed in, vertical swipes scroll the page; zoomed in, they pan the plan.
    let touch_action = move || if zoom.get() > 1.0 { "none" } else { "pan-y" };
    let navigate = use_navigate();
    let booths = plan
        .booths
        .into_iter()
        .map(|b| booth_shape(b, i18n.locale, navigate.clone()))
        .collect_view();
    // The plan is a group, not an image, to assistive technology: the booths in it are links.
    view! {
        <div class="hall-map">
            <div class="map-controls" role="toolbar" aria-label=i18n.t("hall-map-controls")>
                <button type="button" class="btn btn-ghost" on:click=move |_| set_zoom(zoom.get_untracked() * 1.25)
                    aria-label=i18n.t("hall-map-zoom-in")>"+"</button>
                <button type="button" class="btn btn-ghost" on:click=move |_| set_zoom(zoom.get_untracked() / 1.25)
                    aria-label=i18n.t("hall-map-zoom-out")>"−"</button>
                <button type="button" class="btn btn-ghost" on:click=move |_| {
                    zoom.set(1.0);
                    center.set((width / 2.0, height / 2.0));
                }>{i18n.t("hall-map-reset")}</button>
            </div>
            <div
                class="map-viewport"
                tabindex="0"
                role="group"
                aria-label=i18n.t("hall-map-label")
                aria-describedby="hall-map-help"
                on:keydown=move |ev| {
                    let step = width / zoom.get_untracked() / 8.0;
                    match ev.key().as_str() {
                        "+" | "=" => set_zoom(zoom.get_untracked() * 1.25),
                        "-" | "_" => set_zoom(zoom.get_untracked() / 1.25),
                        "ArrowLeft" => pan(-step, 0.0),
                        "ArrowRight" => pan(step, 0.0),
                        "ArrowUp" => pan(0.0, -step),
                        "ArrowDown" => pan(0.0, step),
                        _ => return,
                    }
                    ev.prevent_default();
                }
                style:touch-action=touch_action
                on:wheel=move |ev| {
                    // The wheel scrolls the page; with Ctrl (a touchpad pinch) it zooms.
                    if !(ev.ctrl_key() || ev.meta_key()) {
                        return;
                    }
                    ev.prevent_default();
                    let factor = if ev.delta_y() < 0.0 { 1.2 } else { 1.0 / 1.2 };
                    set_zoom(zoom.get_untracked() * factor);
                }
                on:pointerdown=move |ev| {
                    gestures.update_value(|g| g.down(ev.pointer_id(), f64::from(ev.client_x()), f64::from(ev.client_y())));
                }
                on:pointerup=move |ev| gestures.update_value(|g| g.up(ev.pointer_id()))
                on:pointercancel=move |ev| gestures.update_value(|g| g.up(ev.pointer_id()))
                on:pointerleave=move |ev| gestures.update_value(|g| g.up(ev.pointer_id()))
                on:pointermove=move |ev| {
                    let mut moved = None;
                    gestures.update_value(|g| {
                        moved = g.moved(ev.pointer_id(), f64::from(ev.client_x()), f64::from(ev.client_y()));
                    });
                    let Some(m) = moved else { return };
                    if m.zoom != 1.0 {
                        set_zoom(zoom.get_untracked() * m.zoom);
                    }
                    // Screen pixels to plan units at the size the plan is drawn now.
                    let scale = units_per_pixel(&ev, width / zoom.get_untracked(), height / zoom.get_untracked());
                    pan(-m.dx * scale, -m.dy * scale);
                }
            >
                <svg
                    class="map-svg"
                    viewBox=view_box
                    preserveAspectRatio="xMidYMid meet"
                    role="group"
                >
                    <rect class="map-floor" x="0" y="0" width=plan.width height=plan.height rx="16" />
                    {booths}
                </svg>
            </div>
            <p id="hall-map-help" class="field-hint">{i18n.t("hall-map-help")}</p>
        </div>
    }
}

/// Plan units per screen pixel of the map the event happened on, which shows `view_w` by
/// `view_h` units scaled to fit ("meet"); 1.0 when its size cannot be read.
fn units_per_pixel(ev: &leptos::ev::PointerEvent, view_w: f64, view_h: f64) -> f64 {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let rect = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| el.get_bounding_client_rect());
        if let Some(r) = rect.filter(|r| r.width() > 0.0 && r.height() > 0.0) {
            return (view_w / r.width()).max(view_h / r.height());
        }
        1.0
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (ev, view_w, view_h);
        1.0
    }
}

fn booth_shape(
    b: BoothOnPlan,
    locale: domain::Locale,
    navigate: impl Fn(&str, leptos_router::NavigateOptions) + Clone + 'static,
) -> impl IntoView {
    let name = b.exhibitor_name.show(locale).text;
    let label = match b.live_stream {
        Some(_) => format!(
            "{} {} ({})",
            b.code,
            name,
            crate::shell::i18n::I18n { locale }.t("live-state-live")
        ),
        None => format!("{} {}", b.code, name),
    };
    let href = booth_href(&b.exhibitor_id);
    let r = b.rect;
    let short = fit_label(&name, r.width);
    let open = {
        let href = href.clone();
        let navigate = navigate.clone();
        move || navigate(&href, Default::default())
    };
    let open_key = open.clone();
    view! {
        <g
            class=format!("booth booth-{}", b.tier.as_str())
            role="link"
            tabindex="0"
            aria-label=label
            data-href=href
            on:click=move |_| open()
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    open_key();
                }
            }
        >
            <rect x=r.x y=r.y width=r.width height=r.height rx="10" />
            <text class="booth-code" x=r.x + 12 y=r.y + 28>{b.code.clone()}</text>
            <text class="booth-name" x=r.x + 12 y=r.y + 60>{short}</text>
            {b.live_stream.is_some().then(|| view! {
                <text class="booth-live" x=r.x + 12 y=r.y + r.height - 12>
                    {crate::shell::i18n::I18n { locale }.t("live-badge")}
                </text>
            })}
            {b.logo.clone().map(|logo| {
                let size = (r.height - 16).clamp(24, 64);
                view! {
                    <image
                        class="booth-logo-mark"
                        href=format!("/media/{logo}/w256")
                        x=r.x + r.width - size - 8
                        y=r.y + 8
                        width=size
                        height=size
                        preserveAspectRatio="xMidYMid meet"
                    />
                }
            })}
        </g>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_fit() {
        assert_eq!(super::fit_label("Acme", 200), "Acme");
        let long = super::fit_label("威海海洋动力有限公司威海海洋动力有限公司", 200);
        assert!(long.ends_with('…') && long.chars().count() < 12, "{long}");
    }
}
