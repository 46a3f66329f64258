//! `/inquiries/<id>`: one inquiry as its buyer or its booth's team sees it: what was asked,
//! every quote revision (newest first) with its lines, the buyer's answer, and the way to the
//! conversation where both sides negotiate. The team quotes from here.

use super::api::{get_inquiry, AnswerQuote, RemoveInquiryFile, SendQuote, WithdrawInquiry};
use super::inquiries_page::follow_trade;
use super::inquiry_files::InquiryFiles;
use super::quote_form::QuoteForm;
use crate::shell::i18n::{use_i18n, Arg};
use crate::AppError;
use domain::trade::{
    format_decimal, format_money, format_quantity, minor_digits, InquiryView, QuoteStatus,
    QuoteView, TradeSide,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
fn Quote(
    q: QuoteView,
    answer: Option<ServerAction<AnswerQuote>>,
    inquiry: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let digits = minor_digits(&q.form.currency).unwrap_or(2);
    let heading = i18n.t_args(
        "trade-quote-heading",
        vec![("revision", Arg::Num(q.revision))],
    );
    let open = q.status == QuoteStatus::Offered;
    let (label, title) = (heading.clone(), heading.clone());
    view! {
        <article class="card quote" class:quote-current=open aria-label=label>
            <h3>
                {title} " "
                <span class=format!("badge trade-quote-{}", q.status.as_str())>{i18n.t(q.status.message_id())}</span>
            </h3>
            <p class="muted">
                {i18n.t_args("trade-quote-by", vec![("name", Arg::Str(q.author_name.clone()))])} " · "
                <crate::ui::local_time::LocalTime at=q.created_at / 1000 />
            </p>
            <table class="data-table quote-lines">
                <caption class="visually-hidden">{heading}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("trade-line-description")}</th>
                        <th scope="col">{i18n.t("trade-quantity")}</th>
                        <th scope="col">{i18n.t("trade-unit-price")}</th>
                        <th scope="col">{i18n.t("trade-line-total")}</th>
                    </tr>
                </thead>
                <tbody>
                    {q.form.lines.iter().map(|l| view! {
                        <tr>
                            <th scope="row">{l.description.clone()}</th>
                            <td>{format!("{} {}", format_quantity(l.quantity_milli), i18n.t(&format!("trade-unit-{}", l.unit)))}</td>
                            <td>{format_decimal(l.unit_minor, digits)}</td>
                            <td>{format_decimal(l.total_minor, digits)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="3">{i18n.t("trade-quote-total")}</th>
                        <td class="quote-total">{format_money(q.form.total_minor, &q.form.currency)}</td>
                    </tr>
                </tfoot>
            </table>
            <dl class="trade-facts">
                <dt>{i18n.t("trade-incoterm")}</dt><dd>{q.form.incoterm.clone()}</dd>
                <dt>{i18n.t("trade-valid-until")}</dt><dd>{q.form.valid_until.clone()}</dd>
            </dl>
            {(!q.form.terms.is_empty()).then(|| view! { <p class="quote-terms">{q.form.terms.clone()}</p> })}
            {answer.filter(|_| open).map(|act| {
                let (id_a, id_d, inq_a, inq_d) = (q.id.clone(), q.id.clone(), inquiry.clone(), inquiry.clone());
                view! {
                    <div class="quote-answer">
                        <ActionForm action=act attr:class="inline-form">
                            <input type="hidden" name="id" value=inq_a />
                            <input type="hidden" name="quote_id" value=id_a />
                            <input type="hidden" name="accept" value="true" />
                            <button type="submit" class="btn btn-primary">{i18n.t("trade-accept")}</button>
                        </ActionForm>
                        <ActionForm action=act attr:class="inline-form">
                            <input type="hidden" name="id" value=inq_d />
                            <input type="hidden" name="quote_id" value=id_d />
                            <input type="hidden" name="accept" value="false" />
                            <button type="submit" class="btn btn-ghost">{i18n.t("trade-decline")}</button>
                        </ActionForm>
                    </div>
                }
            })}
        </article>
    }
}

/// What the buyer asked.
#[component]
fn Request(v: InquiryView) -> impl IntoView {
    let i18n = use_i18n();
    let f = v.form.clone();
    let target = f.target_minor.map(|t| {
        i18n.t_args(
            "trade-per-unit",
            vec![
                ("price", Arg::Str(format_money(t, &f.currency))),
                ("unit", Arg::Str(i18n.t(&format!("trade-unit-{}", f.unit)))),
            ],
        )
    });
    let destination = if f.place.is_empty() {
        i18n.t(&crate::account::register_page::country_message_id(
            &f.destination,
        ))
    } else {
        format!(
            "{}, {}",
            f.place,
            i18n.t(&crate::account::register_page::country_message_id(
                &f.destination
            ))
        )
    };
    view! {
        <section class="card inquiry-request" aria-labelledby="inquiry-request-heading">
            <h2 id="inquiry-request-heading">{i18n.t("trade-request")}</h2>
            <dl class="trade-facts">
                <dt>{i18n.t("trade-col-buyer")}</dt>
                <dd>{v.buyer_name.clone()} {(!v.buyer_company.is_empty()).then(|| format!(" · {}", v.buyer_company))}</dd>
                <dt>{i18n.t("trade-col-booth")}</dt>
                <dd><a href=format!("/exhibitors/{}", v.exhibitor_id)>{v.exhibitor_name.show(i18n.locale).text}</a>
                    {v.booth_code.clone().map(|c| format!(" · {c}"))}</dd>
                {v.product.clone().map(|(id, name)| view! {
                    <dt>{i18n.t("trade-col-product")}</dt>
                    <dd><a href=format!("/products/{id}")>{name.show(i18n.locale).text}</a></dd>
                })}
                <dt>{i18n.t("trade-quantity")}</dt>
                <dd>{format!("{} {}", format_quantity(f.quantity_milli), i18n.t(&format!("trade-unit-{}", f.unit)))}</dd>
                {target.map(|t| view! { <dt>{i18n.t("trade-target-price")}</dt><dd>{t}</dd> })}
                <dt>{i18n.t("trade-incoterm")}</dt><dd>{f.incoterm.clone()}</dd>
                <dt>{i18n.t("trade-destination")}</dt><dd>{destination}</dd>
                {f.needed_by.clone().map(|d| view! { <dt>{i18n.t("trade-needed-by")}</dt><dd>{d}</dd> })}
                <dt>{i18n.t("trade-col-status")}</dt>
                <dd><span class=format!("badge trade-status-{}", v.status.as_str())>{i18n.t(v.status.message_id())}</span></dd>
                {v.deal.clone().map(|(t, c)| view! { <dt>{i18n.t("trade-deal-value")}</dt><dd class="deal-value">{format_money(t, &c)}</dd> })}
            </dl>
            {(!f.message.is_empty()).then(|| view! { <p class="inquiry-message">{f.message.clone()}</p> })}
            {(!v.room_id.is_empty()).then(|| view! {
                <p><a class="btn" href=format!("/messages/{}", v.room_id)>{i18n.t("trade-negotiate")}</a></p>
            })}
        </section>
    }
}

/// The inquiry page.
#[component]
pub fn InquiryPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let version = RwSignal::new(0u32);
    follow_trade(version, false);
    let answer = ServerAction::<AnswerQuote>::new();
    let quote = ServerAction::<SendQuote>::new();
    let withdraw = ServerAction::<WithdrawInquiry>::new();
    let remove = ServerAction::<RemoveInquiryFile>::new();
    let inquiry = Resource::new(
        move || {
            (
                id(),
                version.get(),
                answer.version().get(),
                quote.version().get(),
                withdraw.version().get(),
                remove.version().get(),
            )
        },
        |(id, ..)| get_inquiry(id),
    );
    let failure = move || {
        [
            answer.value().get(),
            withdraw.value().get(),
            remove.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err)
        .map(|e| crate::ui::error_text(&i18n, &e))
    };
    view! {
        <Title text=i18n.t("trade-inquiry-page-title") />
        <section class="page inquiry-page">
            <p><a href="/inquiries">{i18n.t("trade-back-to-inquiries")}</a></p>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match inquiry.await {
                        Err(AppError::Unauthenticated) => view! {
                            <p>{i18n.t("trade-sign-in")}</p>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                        Ok(v) => {
                            let buyer = v.side == TradeSide::Buyer;
                            let live = v.status.is_live();
                            let title = v.product.as_ref().map(|(_, n)| n.show(i18n.locale).text)
                                .unwrap_or_else(|| v.exhibitor_name.show(i18n.locale).text);
                            let inquiry_id = v.id.clone();
                            let quotes = v.quotes.clone();
                            let last = quotes.first().map(|q| q.form.clone());
                            let defaults = (v.form.clone(), last);
                            let files = v.files.clone();
                            view! {
                                <h1>{i18n.t_args("trade-inquiry-heading", vec![("title", Arg::Str(title))])}</h1>
                                {move || failure().map(|e| view! { <p class="form-alert" role="alert">{e}</p> })}
                                <div class="inquiry-grid">
                                    <div class="inquiry-side">
                                        <Request v=v.clone() />
                                        <InquiryFiles inquiry=inquiry_id.clone() files live remove />
                                    </div>
                                    <section class="inquiry-quotes" aria-labelledby="inquiry-quotes-heading">
                                        <h2 id="inquiry-quotes-heading">{i18n.t("trade-quotes")}</h2>
                                        {(!buyer && live).then(|| view! { <QuoteForm action=quote inquiry=inquiry_id.clone() defaults=defaults.clone() /> })}
                                        {quotes.is_empty().then(|| view! {
                                            <p class="chat-empty">{i18n.t(if buyer { "trade-no-quote-yet" } else { "trade-no-quote-sent" })}</p>
                                        })}
                                        {quotes.into_iter().map(|q| view! {
                                            <Quote q answer=buyer.then_some(answer) inquiry=inquiry_id.clone() />
                                        }).collect_view()}
                                        {(buyer && live).then(|| view! {
                                            <ActionForm action=withdraw attr:class="inline-form">
                                                <input type="hidden" name="id" value=inquiry_id.clone() />
                                                <button type="submit" class="btn btn-ghost btn-small">{i18n.t("trade-withdraw")}</button>
                                            </ActionForm>
                                        })}
                                    </section>
                                </div>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}
