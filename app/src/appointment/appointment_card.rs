//! One appointment with what its reader may do now: the booth accepts, proposes another free
//! slot or declines a request; the buyer accepts or declines a proposal; either side cancels
//! what is agreed or asked for, and joins the meeting once accepted. Each action is its own
//! small form, so every one works without JavaScript.

use super::api::AnswerAppointment;
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use domain::appointment::{AppointmentSide, AppointmentStatus, AppointmentView};
use leptos::prelude::*;

/// A status badge.
#[component]
pub fn StatusBadge(status: AppointmentStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("badge appointment-status appointment-{}", status.as_str())>
            {i18n.t(&status.label_id())}
        </span>
    }
}

/// A one-button form for `answer`.
#[component]
fn AnswerButton(
    action: ServerAction<AnswerAppointment>,
    id: String,
    answer: &'static str,
    label: String,
    #[prop(optional)] primary: bool,
) -> impl IntoView {
    view! {
        <ActionForm action=action attr:class="inline-form">
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="answer" value=answer />
            <button type="submit" class=if primary { "btn btn-primary" } else { "btn" }
                data-answer=answer disabled=move || action.pending().get()>{label}</button>
        </ActionForm>
    }
}

/// The card.
#[component]
pub fn AppointmentCard(
    a: AppointmentView,
    action: ServerAction<AnswerAppointment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let company = a.company.show(i18n.locale).text;
    let (title, with) = match a.side {
        AppointmentSide::Buyer => (company.clone(), a.member.clone()),
        AppointmentSide::Booth => (a.buyer.clone(), a.member.clone()),
    };
    let when = format!("{} {}–{}", a.when.day, a.when.from, a.when.to);
    let id = a.id.clone();
    let booth_turn = a.side == AppointmentSide::Booth && a.status == AppointmentStatus::Requested;
    let buyer_turn = a.side == AppointmentSide::Buyer && a.status == AppointmentStatus::Proposed;
    let may_cancel = a.status.holds_slot() && !booth_turn && !buyer_turn;
    let propose_id = format!("propose-{}", a.id);
    let note_id = format!("note-{}", a.id);
    let alternatives = a.alternatives.clone();
    let label = title.clone();
    view! {
        <article class="card appointment-card" data-appointment=a.id.clone() aria-label=label>
            <header class="appointment-head">
                <h3>{title}</h3>
                <StatusBadge status=a.status />
            </header>
            <p class="appointment-when"><strong>{when}</strong></p>
            <p class="appointment-with">{i18n.t_args("appointment-with-member", vec![("member", Arg::Str(with))])}</p>
            {a.product.as_ref().map(|p| view! {
                <p class="appointment-product">{i18n.t_args("appointment-about", vec![("product", Arg::Str(p.show(i18n.locale).text))])}</p>
            })}
            {(!a.message.is_empty()).then(|| view! {
                <blockquote class="appointment-message">{a.message.clone()}</blockquote>
            })}
            {(!a.answer.is_empty()).then(|| view! {
                <p class="appointment-answer">{i18n.t_args("appointment-answer-note", vec![("note", Arg::Str(a.answer.clone()))])}</p>
            })}
            <FormAlert error=error />
            <div class="appointment-actions">
                {(booth_turn || buyer_turn).then(|| view! {
                    <AnswerButton action id=id.clone() answer="accept" label=i18n.t("appointment-accept") primary=true />
                    <AnswerButton action id=id.clone() answer="decline" label=i18n.t("appointment-decline") />
                })}
                {(a.status == AppointmentStatus::Accepted).then(|| a.meeting_id.clone()).flatten().map(|m| view! {
                    <a class="btn btn-primary" href=format!("/meetings/{m}")>{i18n.t("appointment-join")}</a>
                })}
                {may_cancel.then(|| view! {
                    <AnswerButton action id=id.clone() answer="cancel" label=i18n.t("appointment-cancel") />
                })}
            </div>
            {(booth_turn && !alternatives.is_empty()).then(|| view! {
                <ActionForm action=action attr:class="propose-form stack-form">
                    <input type="hidden" name="id" value=id.clone() />
                    <input type="hidden" name="answer" value="propose" />
                    <div class="field">
                        <label for=propose_id.clone()>{i18n.t("appointment-propose-label")}</label>
                        <select id=propose_id name="slot_id">
                            {alternatives.into_iter().map(|s| view! {
                                <option value=s.id>{format!("{} {}–{} · {}", s.when.day, s.when.from, s.when.to, s.member)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=note_id.clone()>{i18n.t("appointment-note")}</label>
                        <input id=note_id name="note" maxlength="1000" />
                    </div>
                    <p><button type="submit" class="btn" data-answer="propose">{i18n.t("appointment-propose")}</button></p>
                </ActionForm>
            })}
        </article>
    }
}
