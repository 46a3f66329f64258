//! `/inquiries`: the inquiries a person sent, and those their booth received, with where each
//! stands. It follows the person's own topic, so a new inquiry or quote shows at once.

use super::api::list_inquiries;
use crate::shell::i18n::use_i18n;
use crate::AppError;
use domain::realtime::Hint;
use domain::trade::{format_money, format_quantity, InquirySummary};
use leptos::prelude::*;
use leptos_meta::Title;

/// Reads `list` again whenever the signed-in person's trade changes (see
/// [`crate::realtime::follow_own`] for `catch_up`).
pub(crate) fn follow_trade(version: RwSignal<u32>, catch_up: bool) {
    crate::realtime::follow_own(version, |h| matches!(h, Hint::Trade), catch_up);
}

#[component]
fn InquiryTable(
    items: Vec<InquirySummary>,
    caption: String,
    /// Show the buyer (received) or the booth (sent).
    received: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="data-table inquiry-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t(if received { "trade-col-buyer" } else { "trade-col-booth" })}</th>
                    <th scope="col">{i18n.t("trade-col-product")}</th>
                    <th scope="col">{i18n.t("trade-quantity")}</th>
                    <th scope="col">{i18n.t("trade-col-quote")}</th>
                    <th scope="col">{i18n.t("trade-col-status")}</th>
                    <th scope="col">{i18n.t("trade-col-updated")}</th>
                </tr>
            </thead>
            <tbody>
                {items.into_iter().map(|i| {
                    let who = if received { i.buyer_name.clone() } else { i.exhibitor_name.show(i18n.locale).text };
                    let product = i.product_name.as_ref().map(|p| p.show(i18n.locale).text).unwrap_or_else(|| i18n.t("trade-any-product"));
                    view! {
                        <tr>
                            <th scope="row"><a href=format!("/inquiries/{}", i.id)>{who}</a></th>
                            <td>{product}</td>
                            <td>{format!("{} {}", format_quantity(i.quantity_milli), i18n.t(&format!("trade-unit-{}", i.unit)))}</td>
                            <td>{i.latest_quote.as_ref().map(|(t, c)| format_money(*t, c)).unwrap_or_else(|| "—".into())}</td>
                            <td><span class=format!("badge trade-status-{}", i.status.as_str())>{i18n.t(i.status.message_id())}</span></td>
                            <td><crate::ui::local_time::LocalTime at=i.updated_at / 1000 /></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The inquiries page.
#[component]
pub fn InquiriesPage() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0u32);
    follow_trade(version, true);
    let list = Resource::new(move || version.get(), |_| list_inquiries());
    view! {
        <Title text=i18n.t("trade-inquiries-title") />
        <section class="page inquiries-page">
            <h1>{i18n.t("trade-inquiries-title")}</h1>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(AppError::Unauthenticated) => view! {
                            <p>{i18n.t("trade-sign-in")}</p>
                            <p><a class="btn btn-primary" href="/login?next=%2Finquiries">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                        Ok(mine) if mine.sent.is_empty() && mine.received.is_empty() => view! {
                            <p class="chat-empty">{i18n.t("trade-inquiries-empty")}</p>
                            <p><a class="btn" href="/halls">{i18n.t("trade-browse-halls")}</a></p>
                        }.into_any(),
                        Ok(mine) => view! {
                            {(!mine.received.is_empty()).then(|| view! {
                                <InquiryTable items=mine.received caption=i18n.t("trade-received") received=true />
                            })}
                            {(!mine.sent.is_empty()).then(|| view! {
                                <InquiryTable items=mine.sent caption=i18n.t("trade-sent") received=false />
                            })}
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
