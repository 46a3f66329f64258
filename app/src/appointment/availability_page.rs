//! `/calendar/availability`: a booth member publishes bookable time (a day's span cut into
//! slots of a chosen length, in a chosen time zone) and sees their slots, free or booked, with
//! a way to remove the free ones. An accessible table lists every slot.

use super::api::{get_availability, PublishAvailability, WithdrawSlot};
use super::calendar_page::ZoneSelect;
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use domain::appointment::{AvailabilityPage as Page, SLOT_MINUTES};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
fn PublishForm(action: ServerAction<PublishAvailability>, zone: String) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let done = move || match action.value().get() {
        Some(Ok(n)) => Some(i18n.t_args(
            "availability-published",
            vec![("count", Arg::Num(n as i64))],
        )),
        _ => None,
    };
    let text_field = move |id: &'static str,
                           name: &'static str,
                           label: &'static str,
                           kind: &'static str,
                           key: &'static str| {
        let error_id = format!("{id}-error");
        view! {
            <div class="field" class:field-invalid=move || field(key).get().is_some()>
                <label for=id>{i18n.t(label)}</label>
                <input id=id name=name type=kind required=true aria-describedby=error_id.clone() />
                <p class="field-error" id=error_id aria-live="polite">{move || field(key).get().map(|m| i18n.t(&m))}</p>
            </div>
        }
    };
    view! {
        <ActionForm action=action attr:class="availability-form stack-form" attr:novalidate=true>
            <FormAlert error=error />
            <p role="status" class="form-done">{done}</p>
            <div class="form-grid">
                {text_field("availability-day", "availability[day]", "availability-day", "date", "day")}
                {text_field("availability-from", "availability[from]", "availability-from", "time", "from")}
                {text_field("availability-to", "availability[to]", "availability-to", "time", "to")}
                <div class="field" class:field-invalid=move || field("minutes").get().is_some()>
                    <label for="availability-minutes">{i18n.t("availability-minutes")}</label>
                    <select id="availability-minutes" name="availability[minutes]">
                        {SLOT_MINUTES.iter().map(|m| {
                            let chosen = *m == 30;
                            view! { <option value=m.to_string() selected=chosen>{i18n.t_args("availability-minutes-value", vec![("minutes", Arg::Num(i64::from(*m)))])}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <ZoneSelect id="availability-zone" name="availability[zone]" label=i18n.t("setup-time-zone") selected=zone />
            </div>
            <p><button type="submit" class="btn btn-primary" disabled=move || action.pending().get()>{i18n.t("availability-publish")}</button></p>
        </ActionForm>
    }
}

#[component]
fn SlotTable(page: Page, withdraw: ServerAction<WithdrawSlot>) -> impl IntoView {
    let i18n = use_i18n();
    if page.slots.is_empty() {
        return view! { <p class="empty" role="status">{i18n.t("availability-empty")}</p> }
            .into_any();
    }
    view! {
        <table class="data-table availability-table">
            <caption>{i18n.t_args("appointment-zone-note", vec![("zone", Arg::Str(page.time_zone.clone()))])}</caption>
            <thead><tr>
                <th scope="col">{i18n.t("availability-day")}</th>
                <th scope="col">{i18n.t("availability-time")}</th>
                <th scope="col">{i18n.t("availability-state")}</th>
                <th scope="col"><span class="visually-hidden">{i18n.t("availability-actions")}</span></th>
            </tr></thead>
            <tbody>
                {page.slots.into_iter().map(|s| { let row_id = s.id.clone(); view! {
                    <tr data-slot=row_id>
                        <td>{s.when.day.clone()}</td>
                        <td>{format!("{}–{}", s.when.from, s.when.to)}</td>
                        <td>{i18n.t(if s.free { "availability-free" } else { "availability-booked" })}</td>
                        <td>{s.free.then(|| view! {
                            <ActionForm action=withdraw attr:class="inline-form">
                                <input type="hidden" name="id" value=s.id.clone() />
                                <button type="submit" class="btn btn-ghost btn-small"
                                    aria-label=i18n.t_args("availability-remove-label", vec![("time", Arg::Str(format!("{} {}", s.when.day, s.when.from)))])>
                                    {i18n.t("availability-remove")}
                                </button>
                            </ActionForm>
                        })}</td>
                    </tr>
                }}).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// The availability page.
#[component]
pub fn AvailabilityPage() -> impl IntoView {
    let i18n = use_i18n();
    let publish = ServerAction::<PublishAvailability>::new();
    let withdraw = ServerAction::<WithdrawSlot>::new();
    let page = Resource::new(
        move || (publish.version().get(), withdraw.version().get()),
        |_| get_availability(),
    );
    view! {
        <Title text=i18n.t("availability-title") />
        <section class="page availability-page">
            <p><a href="/calendar">{i18n.t("calendar-title")}</a></p>
            <h1>{i18n.t("availability-title")}</h1>
            <p class="lead">{i18n.t("availability-lead")}</p>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(p) => view! {
                            <PublishForm action=publish zone=p.time_zone.clone() />
                            <h2>{i18n.t("availability-slots")}</h2>
                            <SlotTable page=p withdraw />
                        }.into_any(),
                        Err(crate::AppError::Unauthenticated) => view! {
                            <p><a class="btn btn-primary" href="/login?next=%2Fcalendar%2Favailability">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
