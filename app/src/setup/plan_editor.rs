//! `/dashboard/halls/:slug/plan`: the floor plan editor. A booth is moved by dragging it, or
//! by selecting it (Tab) and pressing the arrow keys (with Shift, the arrows resize it); every
//! change snaps to the grid and is saved at once; an overlap or a booth leaving the plan is
//! refused and the booth goes back. The table of positions below is the same editor as a list
//! (and works without JavaScript).

use super::api::{load_plan, move_booth, MoveBooth, SetBoothTier};
use crate::shell::i18n::{use_i18n, Arg, I18n};
use crate::AppError;
use domain::hall::{BoothOnPlan, BoothTier, HallPlan, Rect};
use domain::plan::{nudge, Nudge, GRID};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// What the editor last said: a saved place or a refusal.
#[derive(Clone, Debug, PartialEq)]
enum Said {
    Saved(String),
    Refused(String),
}

fn describe(i18n: I18n, code: &str, r: Rect) -> String {
    i18n.t_args(
        "plan-booth-at",
        vec![
            ("code", Arg::Str(code.to_owned())),
            ("x", Arg::Num(r.x)),
            ("y", Arg::Num(r.y)),
            ("width", Arg::Num(r.width)),
            ("height", Arg::Num(r.height)),
        ],
    )
}

/// One booth in the editor: what is shown, what the server last confirmed, and the saves in
/// flight. Saves of one booth go one at a time; moves made meanwhile (a held arrow key) are
/// merged into the next save, so a refusal always goes back to a confirmed place.
#[derive(Clone, Copy)]
struct Mover {
    booth_id: StoredValue<String>,
    code: StoredValue<String>,
    rect: RwSignal<Rect>,
    confirmed: StoredValue<Rect>,
    in_flight: StoredValue<bool>,
    queued: StoredValue<Option<Rect>>,
}

impl Mover {
    fn new(b: &BoothOnPlan) -> Self {
        Self {
            booth_id: StoredValue::new(b.booth_id.clone()),
            code: StoredValue::new(b.code.clone()),
            rect: RwSignal::new(b.rect),
            confirmed: StoredValue::new(b.rect),
            in_flight: StoredValue::new(false),
            queued: StoredValue::new(None),
        }
    }
}

/// Shows `wanted` at once and saves it; on refusal goes back to the confirmed place and says
/// why.
fn save(i18n: I18n, m: Mover, wanted: Rect, said: RwSignal<Option<Said>>) {
    m.rect.set(wanted);
    if m.in_flight.get_value() {
        m.queued.set_value(Some(wanted));
        return;
    }
    m.in_flight.set_value(true);
    leptos::task::spawn_local(async move {
        let mut wanted = wanted;
        loop {
            let result = move_booth(
                m.booth_id.get_value(),
                wanted.x.to_string(),
                wanted.y.to_string(),
                wanted.width.to_string(),
                wanted.height.to_string(),
            )
            .await;
            let code = m.code.get_value();
            match result {
                Ok(placed) => {
                    m.confirmed.set_value(placed);
                    said.try_set(Some(Said::Saved(describe(i18n, &code, placed))));
                    if let Some(next) = m.queued.try_update_value(Option::take).flatten() {
                        wanted = next;
                        continue;
                    }
                    m.rect.try_set(placed);
                }
                Err(e) => {
                    m.queued.try_update_value(|q| *q = None);
                    m.rect.try_set(m.confirmed.get_value());
                    let why = match &e {
                        AppError::Validation(_) => e
                            .field("rect")
                            .map(|id| i18n.t(&id))
                            .unwrap_or_else(|| crate::ui::error_text(&i18n, &e)),
                        _ => crate::ui::error_text(&i18n, &e),
                    };
                    said.try_set(Some(Said::Refused(format!("{code}: {why}"))));
                }
            }
            m.in_flight.try_set_value(false);
            break;
        }
    });
}

/// The editor page.
#[component]
pub fn PlanEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let plan = Resource::new(
        move || params.with(|p| p.get("slug").unwrap_or_default()),
        load_plan,
    );
    view! {
        <Title text=i18n.t("plan-title") />
        <section class="page plan-page">
            <p><a href="/dashboard/setup">{i18n.t("setup-title")}</a></p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match plan.await {
                        Ok(p) => view! { <Editor plan=p /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! {
                            <h1>{i18n.t("plan-title")}</h1>
                            <p><a class="btn btn-primary" href="/login?next=%2Fdashboard%2Fsetup">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => view! {
                            <h1>{i18n.t("plan-title")}</h1>
                            <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Editor(plan: HallPlan) -> impl IntoView {
    let i18n = use_i18n();
    let said = RwSignal::new(None::<Said>);
    let selected = RwSignal::new(None::<String>);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // (booth index, pointer start in screen pixels, place when the drag began)
    let drag = StoredValue::new(None::<(usize, f64, f64, Rect)>);
    let booths: Vec<(BoothOnPlan, Mover)> = plan
        .booths
        .iter()
        .cloned()
        .map(|b| {
            let m = Mover::new(&b);
            (b, m)
        })
        .collect();
    let booths = StoredValue::new(booths);
    let (width, height) = (plan.width, plan.height);
    let hall_name = plan.name.show(i18n.locale).text;
    // Plan units per screen pixel.
    let scale = move || {
        svg_ref
            .get_untracked()
            .map(|svg| {
                use wasm_bindgen::JsCast;
                let el: &web_sys::Element = svg.unchecked_ref();
                let r = el.get_bounding_client_rect();
                (width as f64 / r.width().max(1.0)).max(height as f64 / r.height().max(1.0))
            })
            .unwrap_or(1.0)
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if let Some((i, x0, y0, start)) = drag.get_value() {
            let s = scale();
            let dx = ((f64::from(ev.client_x()) - x0) * s) as i64;
            let dy = ((f64::from(ev.client_y()) - y0) * s) as i64;
            booths.with_value(|b| {
                b[i].1.rect.set(Rect {
                    x: start.x + dx,
                    y: start.y + dy,
                    ..start
                })
            });
        }
    };
    let on_up = move |_ev: web_sys::PointerEvent| {
        if let Some((i, _, _, start)) = drag.get_value() {
            drag.set_value(None);
            let m = booths.with_value(|b| b[i].1);
            let wanted = m.rect.get_untracked();
            if wanted != start {
                save(i18n, m, wanted, said);
            }
        }
    };
    let shapes = booths.with_value(|list| {
        list.iter()
            .enumerate()
            .map(|(i, (b, m))| {
                let m = *m;
                let rect = m.rect;
                let id = b.booth_id.clone();
                let id_sel = id.clone();
                let code = b.code.clone();
                let name = b.exhibitor_name.show(i18n.locale).text;
                let label = {
                    let code = code.clone();
                    let name = name.clone();
                    move || format!("{name} — {}", describe(i18n, &code, rect.get()))
                };
                view! {
                    <g
                        class="booth booth-edit"
                        class:selected=move || selected.get().as_deref() == Some(id_sel.as_str())
                        tabindex="0"
                        role="button"
                        aria-label=label
                        data-code=code.clone()
                        on:focus={
                            let id = id.clone();
                            move |_| selected.set(Some(id.clone()))
                        }
                        on:pointerdown=move |ev: web_sys::PointerEvent| {
                            ev.prevent_default();
                            selected.set(Some(id.clone()));
                            if let Some(t) = ev.current_target() {
                                use wasm_bindgen::JsCast;
                                if let Ok(el) = t.dyn_into::<web_sys::Element>() {
                                    let _ = el.set_pointer_capture(ev.pointer_id());
                                }
                            }
                            drag.set_value(Some((i, f64::from(ev.client_x()), f64::from(ev.client_y()), rect.get_untracked())));
                        }
                        on:pointermove=on_move
                        on:pointerup=on_up
                        on:keydown=move |ev: web_sys::KeyboardEvent| {
                            let shift = ev.shift_key();
                            let step = match (ev.key().as_str(), shift) {
                                ("ArrowLeft", false) => Nudge::Left,
                                ("ArrowRight", false) => Nudge::Right,
                                ("ArrowUp", false) => Nudge::Up,
                                ("ArrowDown", false) => Nudge::Down,
                                ("ArrowLeft", true) => Nudge::Narrower,
                                ("ArrowRight", true) => Nudge::Wider,
                                ("ArrowUp", true) => Nudge::Shorter,
                                ("ArrowDown", true) => Nudge::Taller,
                                _ => return,
                            };
                            ev.prevent_default();
                            save(i18n, m, nudge(rect.get_untracked(), step), said);
                        }
                    >
                        <rect
                            x=move || rect.get().x
                            y=move || rect.get().y
                            width=move || rect.get().width
                            height=move || rect.get().height
                            rx="8"
                        />
                        <text class="booth-code" x=move || rect.get().x + 10 y=move || rect.get().y + 26>{code.clone()}</text>
                        <text class="booth-name" x=move || rect.get().x + 10 y=move || rect.get().y + 52>
                            {crate::hall::hall_map::fit_label(&name, b.rect.width)}
                        </text>
                    </g>
                }
            })
            .collect_view()
    });
    let move_path = <MoveBooth as server_fn::ServerFn>::PATH;
    let tier_action = ServerAction::<SetBoothTier>::new();
    Effect::new(move |_| match tier_action.value().get() {
        Some(Ok(())) => said.set(Some(Said::Saved(i18n.t("plan-tier-saved")))),
        Some(Err(e)) => said.set(Some(Said::Refused(i18n.t(e.message_id())))),
        None => {}
    });
    let rows = booths.with_value(|list| {
        list.iter()
            .map(|(b, m)| {
                let m = *m;
                let rect = m.rect;
                let name = b.exhibitor_name.show(i18n.locale).text;
                let (booth_id, code) = (b.booth_id.clone(), b.code.clone());
                let tier = b.tier;
                let id_code = code.to_ascii_lowercase();
                let field = move |label: String, name: &'static str, get: fn(Rect) -> i64| {
                    let id = format!("plan-{id_code}-{name}");
                    view! {
                        <td>
                            <label class="visually-hidden" for=id.clone()>{label}</label>
                            <input id=id name=name type="number" step=GRID.to_string() prop:value=move || get(rect.get()).to_string() />
                        </td>
                    }
                };
                view! {
                    <tr>
                        <th scope="row">{b.code.clone()}</th>
                        <td>{name.clone()}</td>
                        <td colspan="5">
                            <form
                                method="post"
                                action=move_path
                                class="plan-row-form"
                                on:submit=move |ev: web_sys::SubmitEvent| {
                                    ev.prevent_default();
                                    use wasm_bindgen::JsCast;
                                    let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
                                    let value = |n: &str| -> i64 {
                                        form.get_with_name(n)
                                            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
                                            .and_then(|i| i.value().trim().parse().ok())
                                            .unwrap_or(i64::MIN / 4)
                                    };
                                    let wanted = Rect { x: value("x"), y: value("y"), width: value("width"), height: value("height") };
                                    save(i18n, m, wanted, said);
                                }
                            >
                                <input type="hidden" name="booth_id" value=booth_id.clone() />
                                <table class="plan-row"><tbody><tr>
                                    {field(i18n.t_args("plan-x-of", vec![("code", Arg::Str(code.clone()))]), "x", |r| r.x)}
                                    {field(i18n.t_args("plan-y-of", vec![("code", Arg::Str(code.clone()))]), "y", |r| r.y)}
                                    {field(i18n.t_args("plan-width-of", vec![("code", Arg::Str(code.clone()))]), "width", |r| r.width)}
                                    {field(i18n.t_args("plan-height-of", vec![("code", Arg::Str(code.clone()))]), "height", |r| r.height)}
                                    <td><button type="submit" class="btn">{i18n.t("plan-save-row")}</button></td>
                                </tr></tbody></table>
                            </form>
                        </td>
                        <td>
                            <ActionForm action=tier_action attr:class="plan-tier-form">
                                <input type="hidden" name="booth_id" value=booth_id.clone() />
                                <label class="visually-hidden" for=format!("plan-{}-tier", code.to_ascii_lowercase())>
                                    {i18n.t_args("plan-tier-of", vec![("code", Arg::Str(code.clone()))])}
                                </label>
                                <select id=format!("plan-{}-tier", code.to_ascii_lowercase()) name="tier">
                                    {BoothTier::ALL.into_iter().map(|t| view! {
                                        <option value=t.as_str() selected=t == tier>{i18n.t(t.message_id())}</option>
                                    }).collect_view()}
                                </select>
                                " "
                                <button type="submit" class="btn" aria-label=i18n.t_args("plan-tier-save-of", vec![("code", Arg::Str(code.clone()))])>
                                    {i18n.t("plan-tier-set")}
                                </button>
                            </ActionForm>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    });
    view! {
        <h1>{i18n.t_args("plan-heading", vec![("hall", Arg::Str(hall_name))])}</h1>
        <p class="lead" id="plan-help">{i18n.t("plan-help")}</p>
        <div class="plan-said" aria-live="polite">
            {move || said.get().map(|s| match s {
                Said::Saved(t) => view! { <p class="form-ok" role="status">{t}</p> }.into_any(),
                Said::Refused(t) => view! { <p class="field-error" role="alert">{t}</p> }.into_any(),
            })}
        </div>
        <div class="plan-editor">
            <svg
                node_ref=svg_ref
                class="map-svg plan-svg"
                viewBox=format!("0 0 {width} {height}")
                preserveAspectRatio="xMidYMid meet"
                role="group"
                aria-label=i18n.t("plan-canvas")
                aria-describedby="plan-help"
            >
                <defs>
                    <pattern id="plan-grid" width=GRID * 2 height=GRID * 2 patternUnits="userSpaceOnUse">
                        <path d=format!("M {} 0 L 0 0 0 {}", GRID * 2, GRID * 2) class="plan-grid-line" />
                    </pattern>
                </defs>
                <rect class="map-floor" x="0" y="0" width=width height=height rx="16" />
                <rect x="0" y="0" width=width height=height fill="url(#plan-grid)" />
                {shapes}
            </svg>
        </div>
        <h2 id="plan-table-heading">{i18n.t("plan-table")}</h2>
        <table class="review-table plan-table" aria-labelledby="plan-table-heading">
            <thead>
                <tr>
                    <th scope="col">{i18n.t("review-booth-code")}</th>
                    <th scope="col">{i18n.t("apply-company")}</th>
                    <th scope="col" colspan="5">{i18n.t("plan-position")}</th>
                    <th scope="col">{i18n.t("plan-tier")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
