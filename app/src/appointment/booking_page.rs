//! `/exhibitors/<id>/book?product=<id>`: a buyer picks one of a booth's free slots (grouped by
//! day, in the buyer's time zone) and writes a message. A plain form, so it works without
//! JavaScript; a slot someone else took in the meantime is refused by name.

use super::api::{get_booking, BookAppointment};
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use domain::appointment::{SlotView, MESSAGE_MAX_CHARS};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Slots grouped by the reader's day, in order.
pub(crate) fn by_day(slots: Vec<SlotView>) -> Vec<(String, Vec<SlotView>)> {
    let mut days: Vec<(String, Vec<SlotView>)> = Vec::new();
    for s in slots {
        match days.last_mut() {
            Some((day, list)) if *day == s.when.day => list.push(s),
            _ => days.push((s.when.day.clone(), vec![s])),
        }
    }
    days
}

/// "Book a meeting" on booth, product and recommendation cards.
#[component]
pub fn BookButton(
    #[prop(into)] exhibitor_id: String,
    #[prop(optional, into)] product_id: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = match product_id {
        Some(p) => format!("/exhibitors/{exhibitor_id}/book?product={p}"),
        None => format!("/exhibitors/{exhibitor_id}/book"),
    };
    view! { <a class="btn book-start" href=href>{i18n.t("appointment-book")}</a> }
}

/// The booking page.
#[component]
pub fn BookingPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let exhibitor = move || params.with(|p| p.get("id").unwrap_or_default());
    let product = move || query.with(|q| q.get("product").filter(|p| !p.is_empty()));
    let page = Resource::new(move || (exhibitor(), product()), |(e, p)| get_booking(e, p));
    let user = use_context::<crate::account::UserResource>();
    let book = ServerAction::<BookAppointment>::new();
    let error = Signal::derive(move || book.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let cid = StoredValue::new(crate::chat::conversation::new_client_id());
    view! {
        <Title text=i18n.t("appointment-book-title") />
        <section class="page booking-page">
            <p><a href=move || format!("/exhibitors/{}", exhibitor())>{i18n.t("trade-back-to-booth")}</a></p>
            <h1>{i18n.t("appointment-book-title")}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    let signed_in = match user {
                        Some(u) => matches!(u.await, Ok(Some(_))),
                        None => false,
                    };
                    let p = match page.await {
                        Err(e) => return view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                        Ok(p) => p,
                    };
                    let company = p.company.show(i18n.locale).text;
                    let lead = match &p.product {
                        Some((_, name)) => i18n.t_args("appointment-book-lead-product", vec![
                            ("company", Arg::Str(company.clone())),
                            ("product", Arg::Str(name.show(i18n.locale).text)),
                        ]),
                        None => i18n.t_args("appointment-book-lead", vec![("company", Arg::Str(company.clone()))]),
                    };
                    let zone_note = i18n.t_args("appointment-zone-note", vec![("zone", Arg::Str(p.time_zone.clone()))]);
                    let head = view! {
                        <p class="lead">{lead}</p>
                        <p class="field-hint">{zone_note} " " <a href="/calendar">{i18n.t("appointment-zone-change")}</a></p>
                    };
                    if p.own_booth {
                        return view! { {head} <p role="status">{i18n.t("appointment-own-booth")}</p> }.into_any();
                    }
                    if p.slots.is_empty() {
                        let ask = format!("/inquiries/new?exhibitor={}", p.exhibitor_id);
                        return view! {
                            {head}
                            <p class="empty" role="status">{i18n.t("appointment-no-slots")}</p>
                            <p><a class="btn" href=ask>{i18n.t("trade-ask-quote")}</a></p>
                        }.into_any();
                    }
                    if !signed_in {
                        let here = format!("/exhibitors/{}/book{}", p.exhibitor_id,
                            p.product.as_ref().map(|(id, _)| format!("?product={id}")).unwrap_or_default());
                        let next = crate::shell::language_menu::encode_query_value(&here);
                        return view! {
                            {head}
                            <p>{i18n.t("appointment-sign-in")}</p>
                            <p><a class="btn btn-primary" href=format!("/login?next={next}")>{i18n.t("nav-login")}</a></p>
                        }.into_any();
                    }
                    let product_id = p.product.as_ref().map(|(id, _)| id.clone()).unwrap_or_default();
                    view! {
                        {head}
                        <ActionForm action=book attr:class="booking-form stack-form" attr:novalidate=true>
                            <FormAlert error=error />
                            <input type="hidden" name="booking[product_id]" value=product_id />
                            <input type="hidden" name="booking[cid]" value=cid.get_value() />
                            <div class="field" class:field-invalid=move || field("slot_id").get().is_some()>
                                <p class="field-error" id="booking-slot-error" aria-live="polite">{move || field("slot_id").get().map(|m| i18n.t(&m))}</p>
                                {by_day(p.slots).into_iter().map(|(day, slots)| view! {
                                    <fieldset class="slot-day" aria-describedby="booking-slot-error">
                                        <legend>{day}</legend>
                                        <div class="slot-choices">
                                            {slots.into_iter().map(|s| {
                                                let id = format!("slot-{}", s.id);
                                                let for_id = id.clone();
                                                view! {
                                                    <label class="slot-choice" for=for_id>
                                                        <input type="radio" id=id name="booking[slot_id]" value=s.id.clone() required=true />
                                                        <span class="slot-time">{format!("{}–{}", s.when.from, s.when.to)}</span>
                                                        <span class="slot-member">{s.member.clone()}</span>
                                                    </label>
                                                }
                                            }).collect_view()}
                                        </div>
                                    </fieldset>
                                }).collect_view()}
                            </div>
                            <div class="field" class:field-invalid=move || field("message").get().is_some()>
                                <label for="booking-message">{i18n.t("appointment-message")}</label>
                                <textarea id="booking-message" name="booking[message]" rows="4" maxlength=MESSAGE_MAX_CHARS.to_string()
                                    aria-describedby="booking-message-hint booking-message-error"></textarea>
                                <p class="field-hint" id="booking-message-hint">{i18n.t("appointment-message-hint")}</p>
                                <p class="field-error" id="booking-message-error" aria-live="polite">{move || field("message").get().map(|m| i18n.t(&m))}</p>
                            </div>
                            <p><button type="submit" class="btn btn-primary" disabled=move || book.pending().get()>{i18n.t("appointment-request")}</button></p>
                        </ActionForm>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
