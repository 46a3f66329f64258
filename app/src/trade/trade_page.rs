//! `/dashboard/trade`: the organizer's trade figures — inquiries by status, quotes sent, the
//! intended deal value per currency and added up in the expo's base currency — moving as
//! buyers and booths act, and the rate table the total is converted with.

use super::api::{trade_figures, SetTradeRates};
use super::inquiries_page::follow_trade;
use super::inquiry_form_page::{currency_options, Choice};
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use domain::trade::{format_decimal, format_money};
use leptos::prelude::*;
use leptos_meta::Title;

/// The trade page.
#[component]
pub fn TradePage() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0u32);
    follow_trade(version, false);
    let save = ServerAction::<SetTradeRates>::new();
    let totals = Resource::new(
        move || (version.get(), save.version().get()),
        |_| trade_figures(),
    );
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let rates_error = Signal::derive(move || error.get().and_then(|e| e.field("rates")));
    let base_error = Signal::derive(move || error.get().and_then(|e| e.field("base")));
    view! {
        <Title text=i18n.t("trade-dashboard-title") />
        <section class="page trade-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("trade-dashboard-title")}</h1>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match totals.await {
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                        Ok(t) => {
                            let rate_text = t.rates.iter()
                                .map(|r| format!("{} {}", r.currency, format_decimal(r.rate_e8, 8).trim_end_matches('0').trim_end_matches('.')))
                                .collect::<Vec<_>>().join("\n");
                            let all: i64 = t.inquiries.iter().map(|(_, n)| n).sum();
                            view! {
                                <dl class="stats trade-stats">
                                    <div class="stat">
                                        <dt>{i18n.t("trade-stat-deal-value")}</dt>
                                        <dd data-testid="trade-deal-total">{format_money(t.converted, &t.base)}</dd>
                                        {(!t.unconverted.is_empty()).then(|| view! {
                                            <dd class="field-hint">{i18n.t_args("trade-unconverted", vec![("currencies", Arg::Str(t.unconverted.join(", ")))])}</dd>
                                        })}
                                    </div>
                                    <div class="stat">
                                        <dt>{i18n.t("trade-stat-inquiries")}</dt>
                                        <dd data-testid="trade-inquiry-count">{i18n.number(all)}</dd>
                                    </div>
                                    <div class="stat">
                                        <dt>{i18n.t("trade-stat-quotes")}</dt>
                                        <dd data-testid="trade-quote-count">{i18n.number(t.quotes)}</dd>
                                    </div>
                                </dl>
                                <table class="data-table">
                                    <caption>{i18n.t("trade-by-status")}</caption>
                                    <thead><tr><th scope="col">{i18n.t("trade-col-status")}</th><th scope="col">{i18n.t("trade-col-count")}</th></tr></thead>
                                    <tbody>
                                        {t.inquiries.iter().map(|(s, n)| view! {
                                            <tr><th scope="row">{i18n.t(s.message_id())}</th><td>{i18n.number(*n)}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <table class="data-table">
                                    <caption>{i18n.t("trade-by-currency")}</caption>
                                    <thead><tr><th scope="col">{i18n.t("trade-currency")}</th><th scope="col">{i18n.t("trade-deal-value")}</th></tr></thead>
                                    <tbody>
                                        {t.deals.is_empty().then(|| view! { <tr><td colspan="2">{i18n.t("trade-no-deals")}</td></tr> })}
                                        {t.deals.iter().map(|(c, v)| view! {
                                            <tr><th scope="row">{c.clone()}</th><td>{format_money(*v, c)}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <ActionForm action=save attr:class="card stack-form trade-rates" attr:novalidate=true>
                                    <h2>{i18n.t("trade-rates-title")}</h2>
                                    <FormAlert error=error />
                                    <Choice id="trade-base" name="base".into() label=i18n.t("trade-base-currency")
                                        options=currency_options() selected=t.base.clone() error=base_error />
                                    <div class="field" class:field-invalid=move || rates_error.get().is_some()>
                                        <label for="trade-rate-table">{i18n.t("trade-rate-table")}</label>
                                        <textarea id="trade-rate-table" name="rates" rows="6" aria-describedby="trade-rate-hint trade-rate-error">{rate_text}</textarea>
                                        <p class="field-hint" id="trade-rate-hint">{i18n.t_args("trade-rate-hint", vec![("base", Arg::Str(t.base.clone()))])}</p>
                                        <p class="field-error" id="trade-rate-error" aria-live="polite">{move || rates_error.get().map(|m| i18n.t(&m))}</p>
                                    </div>
                                    <p><button type="submit" class="btn btn-primary">{i18n.t("trade-rates-save")}</button></p>
                                </ActionForm>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}
