//! A product's pictures: the selected one large, thumbnails to choose, and a zoom view (wheel,
//! pinch-free buttons, drag, keyboard). Without JavaScript the large picture links to the full
//! image.

use crate::shell::i18n::{use_i18n, Arg};
use domain::product::MediaItem;
use leptos::prelude::*;

const MAX_SCALE: f64 = 5.0;

/// The pictures of a product, with zoom.
#[component]
pub fn ProductPictures(
    pictures: Vec<MediaItem>,
    #[prop(into)] name: String,
    #[prop(into)] category: String,
) -> impl IntoView {
    let i18n = use_i18n();
    if pictures.is_empty() {
        return view! { <div class="product-visual" aria-hidden="true" data-category=category></div> }.into_any();
    }
    let pictures = StoredValue::new(pictures);
    let count = pictures.with_value(Vec::len);
    let selected = RwSignal::new(0usize);
    let open = RwSignal::new(false);
    let scale = RwSignal::new(1.0f64);
    let offset = RwSignal::new((0.0f64, 0.0f64));
    let drag = StoredValue::new(None::<(f64, f64)>);
    let close_button = NodeRef::<leptos::html::Button>::new();
    let current = move || {
        pictures.with_value(|p| {
            p.get(selected.get())
                .cloned()
                .unwrap_or_else(|| p[0].clone())
        })
    };
    let largest = move || {
        let m = current();
        m.variants.first().map(|v| m.url(v)).unwrap_or_default()
    };
    let zoom_to = move |s: f64| {
        let s = s.clamp(1.0, MAX_SCALE);
        scale.set(s);
        if s <= 1.0 {
            offset.set((0.0, 0.0));
        }
    };
    let show = move || {
        scale.set(1.0);
        offset.set((0.0, 0.0));
        open.set(true);
    };
    Effect::new(move |_| {
        if open.get() {
            if let Some(b) = close_button.get() {
                let _ = b.focus();
            }
        }
    });
    let title = name.clone();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let (x, y) = offset.get_untracked();
        match ev.key().as_str() {
            "Escape" => open.set(false),
            "+" | "=" => zoom_to(scale.get_untracked() * 1.25),
            "-" | "_" => zoom_to(scale.get_untracked() / 1.25),
            "ArrowLeft" => offset.set((x + 40.0, y)),
            "ArrowRight" => offset.set((x - 40.0, y)),
            "ArrowUp" => offset.set((x, y + 40.0)),
            "ArrowDown" => offset.set((x, y - 40.0)),
            _ => return,
        }
        ev.prevent_default();
    };
    view! {
        <div class="product-pictures">
            <a
                class="product-visual-link"
                href=largest
                title=i18n.t("product-picture-zoom")
                on:click=move |ev| {
                    ev.prevent_default();
                    show();
                }
            >
                {move || {
                    let m = current();
                    view! {
                        <img
                            class="product-visual"
                            src=m.url(m.variants.first().map(String::as_str).unwrap_or("w800"))
                            srcset=m.srcset()
                            sizes="(max-width: 700px) 100vw, 40vw"
                            alt=title.clone()
                            width=m.width
                            height=m.height
                        />
                    }
                }}
            </a>
            {(count > 1).then(|| view! {
                <ul class="thumbs" aria-label=i18n.t("product-pictures-label")>
                    {pictures.with_value(|p| p.iter().enumerate().map(|(i, m)| {
                        let small = m.variants.last().map(|v| m.url(v)).unwrap_or_default();
                        let label = i18n.t_args("product-picture-n", vec![("n", Arg::Num(i64::try_from(i + 1).unwrap_or(0)))]);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="thumb"
                                    aria-pressed=move || (selected.get() == i).to_string()
                                    aria-label=label
                                    on:click=move |_| selected.set(i)
                                >
                                    <img src=small alt="" width="64" height="48" loading="lazy" />
                                </button>
                            </li>
                        }
                    }).collect_view())}
                </ul>
            })}
            <Show when=move || open.get()>
                <div
                    class="zoom-overlay"
                    role="dialog"
                    aria-modal="true"
                    aria-label=i18n.t("product-picture-zoom")
                    on:keydown=on_key
                >
                    <div class="zoom-tools">
                        <button type="button" class="btn btn-ghost" on:click=move |_| zoom_to(scale.get() * 1.25)
                            aria-label=i18n.t("zoom-in")>"+"</button>
                        <button type="button" class="btn btn-ghost" on:click=move |_| zoom_to(scale.get() / 1.25)
                            aria-label=i18n.t("zoom-out")>"−"</button>
                        <span class="zoom-level" aria-live="polite">{move || format!("{:.0} %", scale.get() * 100.0)}</span>
                        <button type="button" class="btn btn-primary" node_ref=close_button on:click=move |_| open.set(false)>
                            {i18n.t("dialog-close")}
                        </button>
                    </div>
                    <div
                        class="zoom-stage"
                        on:wheel=move |ev: leptos::ev::WheelEvent| {
                            ev.prevent_default();
                            let f = if ev.delta_y() < 0.0 { 1.15 } else { 1.0 / 1.15 };
                            zoom_to(scale.get_untracked() * f);
                        }
                        on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                            drag.set_value(Some((f64::from(ev.client_x()), f64::from(ev.client_y()))));
                            if let Some(t) = ev.target() {
                                use wasm_bindgen::JsCast;
                                if let Ok(el) = t.dyn_into::<web_sys::Element>() {
                                    let _ = el.set_pointer_capture(ev.pointer_id());
                                }
                            }
                        }
                        on:pointermove=move |ev: leptos::ev::PointerEvent| {
                            if let Some((px, py)) = drag.get_value() {
                                let (cx, cy) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
                                let (x, y) = offset.get_untracked();
                                offset.set((x + cx - px, y + cy - py));
                                drag.set_value(Some((cx, cy)));
                            }
                        }
                        on:pointerup=move |_| drag.set_value(None)
                        on:pointercancel=move |_| drag.set_value(None)
                        on:dblclick=move |_| zoom_to(if scale.get_untracked() > 1.0 { 1.0 } else { 2.5 })
                    >
                        <img
                            src=largest
                            alt=name.clone()
                            draggable="false"
                            style:transform=move || {
                                let (x, y) = offset.get();
                                format!("translate({x:.0}px, {y:.0}px) scale({:.3})", scale.get())
                            }
                        />
                    </div>
                    <p class="zoom-hint muted">{i18n.t("zoom-hint")}</p>
                </div>
            </Show>
        </div>
    }
    .into_any()
}
