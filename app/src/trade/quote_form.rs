//! The booth team's quote form: lines (description, quantity, unit, unit price), currency,
//! delivery term, validity and terms. It starts from the latest quote, or from what the buyer
//! asked; blank lines are left out, so it works without JavaScript (two spare lines) and with
//! it ("Add a line").

use super::api::SendQuote;
use super::inquiry_form_page::{currency_options, incoterm_options, unit_options, Choice};
use crate::shell::i18n::use_i18n;
use crate::ui::form_alert::FormAlert;
use domain::trade::{
    format_decimal, format_quantity, minor_digits, InquiryForm, QuoteForm as Quote,
};
use leptos::prelude::*;

/// One line's starting values: (description, quantity, unit, unit price).
type LineStart = (String, String, String, String);

/// The quote form.
#[component]
pub fn QuoteForm(
    action: ServerAction<SendQuote>,
    inquiry: String,
    /// What the buyer asked, and the latest quote if there is one.
    defaults: (InquiryForm, Option<Quote>),
) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let field =
        move |name: String| Signal::derive(move || error.get().and_then(|e| e.field(&name)));
    let (asked, last) = defaults;
    let (currency, incoterm, terms, starts): (String, String, String, Vec<LineStart>) = match &last
    {
        Some(q) => {
            let d = minor_digits(&q.currency).unwrap_or(2);
            (
                q.currency.clone(),
                q.incoterm.clone(),
                q.terms.clone(),
                q.lines
                    .iter()
                    .map(|l| {
                        (
                            l.description.clone(),
                            format_quantity(l.quantity_milli),
                            l.unit.clone(),
                            format_decimal(l.unit_minor, d),
                        )
                    })
                    .collect(),
            )
        }
        None => (
            asked.currency.clone(),
            asked.incoterm.clone(),
            String::new(),
            vec![(
                String::new(),
                format_quantity(asked.quantity_milli),
                asked.unit.clone(),
                String::new(),
            )],
        ),
    };
    // Lines shown: the starting ones and two spare; "Add a line" adds more.
    let rows = RwSignal::new(starts.len() + 2);
    let starts = StoredValue::new(starts);
    let sent = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <details class="card quote-form-card" open=last.is_none()>
            <summary>{i18n.t(if last.is_some() { "trade-revise-quote" } else { "trade-write-quote" })}</summary>
            <ActionForm action=action attr:class="quote-form stack-form" attr:novalidate=true>
                <FormAlert error=error />
                <input type="hidden" name="id" value=inquiry />
                <fieldset aria-describedby="quote-lines-error">
                    <legend>{i18n.t("trade-quote-lines")}</legend>
                    <For each=move || 0..rows.get() key=|n| *n children=move |n| {
                        let (d, q, u, p) = starts.with_value(|s| s.get(n).cloned()).unwrap_or_else(|| (String::new(), String::new(), "piece".into(), String::new()));
                        let label = |key: &str| i18n.t_args(key, vec![("line", crate::shell::i18n::Arg::Num(n as i64 + 1))]);
                        let err = |f: &str| field(format!("lines.{n}.{f}"));
                        let (ed, eq, ep) = (err("description"), err("quantity"), err("unit_price"));
                        view! {
                            <div class="quote-line form-grid">
                                <div class="field" class:field-invalid=move || ed.get().is_some()>
                                    <label for=format!("quote-line-{n}-description")>{label("trade-line-description-n")}</label>
                                    <input id=format!("quote-line-{n}-description") name=format!("quote[lines][{n}][description]") value=d maxlength="200" />
                                    <p class="field-error" aria-live="polite">{move || ed.get().map(|m| i18n.t(&m))}</p>
                                </div>
                                <div class="field" class:field-invalid=move || eq.get().is_some()>
                                    <label for=format!("quote-line-{n}-quantity")>{label("trade-line-quantity-n")}</label>
                                    <input id=format!("quote-line-{n}-quantity") name=format!("quote[lines][{n}][quantity]") value=q type="number" min="0" step="any" inputmode="decimal" />
                                    <p class="field-error" aria-live="polite">{move || eq.get().map(|m| i18n.t(&m))}</p>
                                </div>
                                <div class="field">
                                    <label for=format!("quote-line-{n}-unit")>{label("trade-line-unit-n")}</label>
                                    <select id=format!("quote-line-{n}-unit") name=format!("quote[lines][{n}][unit]")>
                                        {unit_options(i18n).into_iter().map(|(v, t)| {
                                            let on = v == u;
                                            view! { <option value=v selected=on>{t}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field" class:field-invalid=move || ep.get().is_some()>
                                    <label for=format!("quote-line-{n}-price")>{label("trade-line-price-n")}</label>
                                    <input id=format!("quote-line-{n}-price") name=format!("quote[lines][{n}][unit_price]") value=p type="number" min="0" step="any" inputmode="decimal" />
                                    <p class="field-error" aria-live="polite">{move || ep.get().map(|m| i18n.t(&m))}</p>
                                </div>
                            </div>
                        }
                    } />
                    <p class="field-error" id="quote-lines-error" aria-live="polite">{move || field("lines".into()).get().map(|m| i18n.t(&m))}</p>
                    <button type="button" class="btn btn-ghost btn-small" on:click=move |_| rows.update(|r| *r = (*r + 1).min(domain::trade::MAX_QUOTE_LINES))>
                        {i18n.t("trade-add-line")}
                    </button>
                </fieldset>
                <div class="form-grid">
                    <Choice id="quote-currency" name="quote[currency]".into() label=i18n.t("trade-currency")
                        options=currency_options() selected=currency error=field("currency".into()) />
                    <Choice id="quote-incoterm" name="quote[incoterm]".into() label=i18n.t("trade-incoterm")
                        options=incoterm_options(i18n) selected=incoterm error=field("incoterm".into()) />
                    <crate::setup::setup_page::DateField name="quote[valid_until]" id="quote-valid"
                        label=i18n.t("trade-valid-until") value=String::new() error=field("valid_until".into()) />
                </div>
                <div class="field" class:field-invalid=move || field("terms".into()).get().is_some()>
                    <label for="quote-terms">{i18n.t("trade-terms")}</label>
                    <textarea id="quote-terms" name="quote[terms]" rows="3" maxlength="4000" aria-describedby="quote-terms-hint">{terms}</textarea>
                    <p class="field-hint" id="quote-terms-hint">{i18n.t("trade-terms-hint")}</p>
                </div>
                <p>
                    <button type="submit" class="btn btn-primary" disabled=move || action.pending().get()>{i18n.t("trade-send-quote")}</button>
                    " "
                    <span class="save-status" role="status">{move || sent().then(|| i18n.t("trade-quote-sent"))}</span>
                </p>
            </ActionForm>
        </details>
    }
}
