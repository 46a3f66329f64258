//! `/inquiries/new?exhibitor=<id>&product=<id>`: a buyer asks a booth for a price (a request
//! for quotation): quantity and unit, target price, delivery term, destination, date needed and
//! a message. A plain form, so it works without JavaScript.

use super::api::{inquiry_target, SendInquiry};
use crate::directory::directory_page::countries;
use crate::shell::i18n::use_i18n;
use crate::ui::form_alert::FormAlert;
use domain::trade::{CURRENCIES, INCOTERMS, UNITS};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// A `<select>` with its label and error.
#[component]
pub(crate) fn Choice(
    id: &'static str,
    name: String,
    label: String,
    /// (value, shown text).
    options: Vec<(String, String)>,
    selected: String,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            <select id=id name=name aria-describedby=error_id.clone()>
                {options.into_iter().map(|(value, text)| {
                    let on = value == selected;
                    view! { <option value=value selected=on>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id aria-live="polite">{move || error.get().map(|m| i18n.t(&m))}</p>
        </div>
    }
}

/// Units as options, in the reader's language.
pub(crate) fn unit_options(i18n: crate::shell::i18n::I18n) -> Vec<(String, String)> {
    UNITS
        .iter()
        .map(|u| ((*u).to_owned(), i18n.t(&format!("trade-unit-{u}"))))
        .collect()
}

/// Currencies as options (codes are read the same in every language).
pub(crate) fn currency_options() -> Vec<(String, String)> {
    CURRENCIES
        .iter()
        .map(|(c, _)| ((*c).to_owned(), (*c).to_owned()))
        .collect()
}

/// Incoterms as options, with their words.
pub(crate) fn incoterm_options(i18n: crate::shell::i18n::I18n) -> Vec<(String, String)> {
    INCOTERMS
        .iter()
        .map(|t| {
            (
                (*t).to_owned(),
                format!(
                    "{t} · {}",
                    i18n.t(&format!("trade-incoterm-{}", t.to_ascii_lowercase()))
                ),
            )
        })
        .collect()
}

/// The inquiry form page.
#[component]
pub fn InquiryFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let exhibitor = move || query.with(|q| q.get("exhibitor").unwrap_or_default());
    let product = move || query.with(|q| q.get("product").filter(|p| !p.is_empty()));
    let start = Resource::new(
        move || (exhibitor(), product()),
        |(e, p)| inquiry_target(e, p),
    );
    let user = use_context::<crate::account::UserResource>();
    let send = ServerAction::<SendInquiry>::new();
    let error = Signal::derive(move || send.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let cid = StoredValue::new(crate::chat::conversation::new_client_id());
    let uploading = RwSignal::new(false);
    let back = move || match product() {
        Some(p) => format!("/products/{p}"),
        None => format!("/exhibitors/{}", exhibitor()),
    };
    view! {
        <Title text=i18n.t("trade-inquiry-title") />
        <section class="page inquiry-page">
            <p><a href=back>{i18n.t("trade-back-to-booth")}</a></p>
            <h1>{i18n.t("trade-inquiry-title")}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    let signed_in = match user {
                        Some(u) => matches!(u.await, Ok(Some(_))),
                        None => false,
                    };
                    match start.await {
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                        Ok(_) if !signed_in => {
                            let here = format!("/inquiries/new?exhibitor={}{}", exhibitor(),
                                product().map(|p| format!("&product={p}")).unwrap_or_default());
                            let next = crate::shell::language_menu::encode_query_value(&here);
                            view! {
                                <p>{i18n.t("trade-sign-in")}</p>
                                <p><a class="btn btn-primary" href=format!("/login?next={next}")>{i18n.t("nav-login")}</a></p>
                            }.into_any()
                        }
                        Ok(s) => {
                            let company = s.company.show(i18n.locale).text;
                            let about = s.product.as_ref().map(|p| p.show(i18n.locale).text);
                            view! {
                                <p class="lead">
                                    {match about {
                                        Some(p) => i18n.t_args("trade-inquiry-to-product", vec![
                                            ("company", crate::shell::i18n::Arg::Str(company.clone())),
                                            ("product", crate::shell::i18n::Arg::Str(p)),
                                        ]),
                                        None => i18n.t_args("trade-inquiry-to", vec![("company", crate::shell::i18n::Arg::Str(company.clone()))]),
                                    }}
                                </p>
                                <ActionForm action=send attr:class="inquiry-form stack-form" attr:novalidate=true>
                                    <FormAlert error=error />
                                    <input type="hidden" name="inquiry[exhibitor_id]" value=exhibitor() />
                                    <input type="hidden" name="inquiry[product_id]" value=product().unwrap_or_default() />
                                    <input type="hidden" name="inquiry[cid]" value=cid.get_value() />
                                    <div class="form-grid">
                                        <div class="field" class:field-invalid=move || field("quantity").get().is_some()>
                                            <label for="inquiry-quantity">{i18n.t("trade-quantity")}</label>
                                            <input id="inquiry-quantity" name="inquiry[quantity]" type="number" min="0" step="any" required=true
                                                inputmode="decimal" aria-describedby="inquiry-quantity-error" />
                                            <p class="field-error" id="inquiry-quantity-error" aria-live="polite">{move || field("quantity").get().map(|m| i18n.t(&m))}</p>
                                        </div>
                                        <Choice id="inquiry-unit" name="inquiry[unit]".into() label=i18n.t("trade-unit")
                                            options=unit_options(i18n) selected="piece".into() error=field("unit") />
                                        <div class="field" class:field-invalid=move || field("target_price").get().is_some()>
                                            <label for="inquiry-target">{i18n.t("trade-target-price")}</label>
                                            <input id="inquiry-target" name="inquiry[target_price]" type="number" min="0" step="any"
                                                inputmode="decimal" aria-describedby="inquiry-target-hint inquiry-target-error" />
                                            <p class="field-hint" id="inquiry-target-hint">{i18n.t("trade-target-price-hint")}</p>
                                            <p class="field-error" id="inquiry-target-error" aria-live="polite">{move || field("target_price").get().map(|m| i18n.t(&m))}</p>
                                        </div>
                                        <Choice id="inquiry-currency" name="inquiry[currency]".into() label=i18n.t("trade-currency")
                                            options=currency_options() selected=s.currency.clone() error=field("currency") />
                                        <Choice id="inquiry-incoterm" name="inquiry[incoterm]".into() label=i18n.t("trade-incoterm")
                                            options=incoterm_options(i18n) selected="FOB".into() error=field("incoterm") />
                                        <Choice id="inquiry-destination" name="inquiry[destination]".into() label=i18n.t("trade-destination")
                                            options=std::iter::once((String::new(), i18n.t("apply-choose")))
                                                .chain(countries(i18n).into_iter().map(|(name, code)| (code.to_owned(), name)))
                                                .collect()
                                            selected=String::new() error=field("destination") />
                                        <div class="field" class:field-invalid=move || field("place").get().is_some()>
                                            <label for="inquiry-place">{i18n.t("trade-place")}</label>
                                            <input id="inquiry-place" name="inquiry[place]" maxlength="200" aria-describedby="inquiry-place-error" />
                                            <p class="field-error" id="inquiry-place-error" aria-live="polite">{move || field("place").get().map(|m| i18n.t(&m))}</p>
                                        </div>
                                        <crate::setup::setup_page::DateField name="inquiry[needed_by]" id="inquiry-needed"
                                            label=i18n.t("trade-needed-by") value=String::new() error=field("needed_by") />
                                    </div>
                                    <div class="field" class:field-invalid=move || field("message").get().is_some()>
                                        <label for="inquiry-message">{i18n.t("trade-message")}</label>
                                        <textarea id="inquiry-message" name="inquiry[message]" rows="5" maxlength="4000"
                                            aria-describedby="inquiry-message-hint inquiry-message-error"></textarea>
                                        <p class="field-hint" id="inquiry-message-hint">{i18n.t("trade-message-hint")}</p>
                                        <p class="field-error" id="inquiry-message-error" aria-live="polite">{move || field("message").get().map(|m| i18n.t(&m))}</p>
                                    </div>
                                    <super::form_files::FormFiles busy=uploading />
                                    <p class="field-error" id="inquiry-files-error" aria-live="polite">{move || field("files").get().map(|m| i18n.t(&m))}</p>
                                    <p>
                                        <button type="submit" class="btn btn-primary" disabled=move || send.pending().get() || uploading.get()>{i18n.t("trade-send-inquiry")}</button>
                                    </p>
                                </ActionForm>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

/// "Ask for a quote" on booth and product pages.
#[component]
pub fn InquiryButton(
    #[prop(into)] exhibitor_id: String,
    #[prop(optional, into)] product_id: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = match product_id {
        Some(p) => format!("/inquiries/new?exhibitor={exhibitor_id}&product={p}"),
        None => format!("/inquiries/new?exhibitor={exhibitor_id}"),
    };
    view! {
        <a class="btn inquiry-start" href=href>
            {i18n.t("trade-ask-quote")}
        </a>
    }
}
