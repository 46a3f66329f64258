//! The editor's products: the list with edit and delete, and the product form — texts in one
//! language at a time, numbers, a specification-table editor, and the product's own pictures,
//! videos, documents and 3D models.

use super::media_manager::{confirm, MediaManager};
use super::media_uploader::{MediaUploader, ACCEPT_MEDIA};
use crate::account::register_page::country_message_id;
use crate::booth::product_grid::price_text;
use crate::hall::hall_card::industry_message_id;
use crate::product::api::{delete_product, get_product, save_product};
use crate::shell::i18n::{use_i18n, Arg};
use crate::AppError;
use domain::product::{
    PriceRange, ProductCard, ProductDetail, ProductInput, SpecInput, SPEC_ROWS_MAX,
};
use domain::Locale;
use leptos::prelude::*;

/// The booth's products with edit and delete buttons, and "add a product".
#[component]
pub fn ProductsEditor(
    /// Its products.
    products: Vec<ProductCard>,
    /// The product being edited: `Some("")` for a new one.
    editing: RwSignal<Option<String>>,
    /// Called after a change, to reload the list.
    on_change: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<AppError>);
    let rows = products
        .into_iter()
        .map(|p| {
            let name = p.name.show(i18n.locale).text;
            let price = price_text(&i18n, &p.price).unwrap_or_else(|| i18n.t("product-price-on-request"));
            let (edit_id, delete_id) = (p.id.clone(), p.id.clone());
            let on_change = on_change.clone();
            let question = i18n.t_args("product-delete-confirm", vec![("name", Arg::Str(name.clone()))]);
            let edit_label = i18n.t_args("product-edit-named", vec![("name", Arg::Str(name.clone()))]);
            let delete_label = i18n.t_args("product-delete-named", vec![("name", Arg::Str(name.clone()))]);
            view! {
                <li class="product-admin-row" class:is-editing=move || editing.get().as_deref() == Some(p.id.as_str())>
                    <span class="media-name">{name.clone()}</span>
                    <span class="muted">{price}</span>
                    <span class="media-actions">
                        <button type="button" class="btn btn-ghost btn-small" aria-label=edit_label
                            on:click=move |_| editing.set(Some(edit_id.clone()))>{i18n.t("product-edit")}</button>
                        <button type="button" class="btn btn-ghost btn-small btn-danger" aria-label=delete_label
                            on:click=move |_| {
                                if !confirm(&question) {
                                    return;
                                }
                                let id = delete_id.clone();
                                let on_change = on_change.clone();
                                leptos::task::spawn_local(async move {
                                    match delete_product(id.clone()).await {
                                        Ok(()) => {
                                            error.set(None);
                                            if editing.get_untracked().as_deref() == Some(id.as_str()) {
                                                editing.set(None);
                                            }
                                            on_change();
                                        }
                                        Err(e) => error.set(Some(e)),
                                    }
                                });
                            }>{i18n.t("media-delete-short")}</button>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <crate::ui::form_alert::FormAlert error=Signal::derive(move || error.get()) />
        <ul class="media-list">{rows}</ul>
        <p>
            <button type="button" class="btn btn-primary" on:click=move |_| editing.set(Some(String::new()))>
                {i18n.t("product-add")}
            </button>
        </p>
    }
}

/// One specification row on screen.
#[derive(Clone)]
struct SpecRowState {
    key: usize,
    name: RwSignal<String>,
    value: RwSignal<String>,
}

/// The form of one product (a new one when `product_id` is empty). It lives outside the
/// product list, so reloading the list after a save keeps the form as it is.
#[component]
pub fn ProductForm(
    exhibitor_id: String,
    product_id: String,
    editing: RwSignal<Option<String>>,
    on_change: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let language = RwSignal::new(i18n.locale);
    // Loaded once per product: typing is never overwritten; saves update the copy on screen.
    let id_for_texts = product_id.clone();
    let texts = Resource::new(
        move || id_for_texts.clone(),
        |id| async move {
            if id.is_empty() {
                Ok(None)
            } else {
                get_product(id).await.map(Some)
            }
        },
    );
    let media_version = RwSignal::new(0u32);
    let id_for_media = product_id.clone();
    let media = Resource::new(
        move || (id_for_media.clone(), media_version.get()),
        |(id, _)| async move {
            if id.is_empty() {
                Ok(None)
            } else {
                get_product(id).await.map(Some)
            }
        },
    );
    let heading = if product_id.is_empty() {
        i18n.t("product-new-heading")
    } else {
        i18n.t("product-edit-heading")
    };
    let media_exhibitor = exhibitor_id.clone();
    let media_product = product_id.clone();
    view! {
        <section class="product-form" aria-labelledby="product-form-heading">
            <h3 id="product-form-heading">{heading}</h3>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || {
                    let exhibitor_id = exhibitor_id.clone();
                    let product_id = product_id.clone();
                    let on_change = on_change.clone();
                    Suspend::new(async move {
                        texts.await.map(|detail| view! {
                            <ProductFields exhibitor_id product_id detail language editing on_change />
                        })
                    })
                }}
            </Suspense>
            {(!media_product.is_empty()).then(|| {
                let exhibitor_id = media_exhibitor.clone();
                let product_id = media_product.clone();
                view! {
                    <h4>{i18n.t("product-media-heading")}</h4>
                    <MediaUploader
                        exhibitor_id
                        product_id=product_id.clone()
                        input_id="product-files"
                        label=i18n.t("booth-upload-choose")
                        hint=i18n.t("product-upload-hint")
                        accept=ACCEPT_MEDIA
                        on_done=move || media_version.update(|v| *v += 1)
                    />
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            media.await.map(|d| {
                                let items = d.map(|d| d.media).unwrap_or_default();
                                view! {
                                    <MediaManager
                                        media=items
                                        on_change=move || media_version.update(|v| *v += 1)
                                        empty=i18n.t("product-media-empty")
                                    />
                                }
                            })
                        })}
                    </Transition>
                    <p><a class="btn btn-ghost" href=format!("/products/{product_id}")>{i18n.t("product-preview")}</a></p>
                }
            })}
        </section>
    }
}

/// The product's fields, filled from `detail` in the chosen language.
#[component]
fn ProductFields(
    exhibitor_id: String,
    product_id: String,
    detail: Option<ProductDetail>,
    language: RwSignal<Locale>,
    editing: RwSignal<Option<String>>,
    on_change: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let detail = StoredValue::new(detail);
    let text_in = move |t: &domain::text::LocalizedText, l: Locale| {
        t.values.get(&l).cloned().unwrap_or_default()
    };
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let next_key = StoredValue::new(0usize);
    let specs = RwSignal::new(Vec::<SpecRowState>::new());
    let new_row = move |n: String, v: String| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        SpecRowState {
            key,
            name: RwSignal::new(n),
            value: RwSignal::new(v),
        }
    };
    // Texts of one language (numbers stay as they are).
    let fill = move |l: Locale| {
        detail.with_value(|d| match d {
            Some(d) => {
                name.set(text_in(&d.card.name, l));
                description.set(text_in(&d.description, l));
                specs.set(
                    d.specs
                        .iter()
                        .map(|r| new_row(text_in(&r.name, l), r.value.clone()))
                        .collect(),
                );
            }
            None => {
                name.set(String::new());
                description.set(String::new());
                specs.set(vec![new_row(String::new(), String::new())]);
            }
        })
    };
    fill(language.get_untracked());
    let (category, price_min, price_max, currency, min_order, lead_time, certifications, origin) =
        detail.with_value(|d| match d {
            Some(d) => (
                d.card.category.clone(),
                d.card
                    .price
                    .as_ref()
                    .map(|p| plain_amount(p.min))
                    .unwrap_or_default(),
                d.card
                    .price
                    .as_ref()
                    .map(|p| plain_amount(p.max))
                    .unwrap_or_default(),
                d.card
                    .price
                    .as_ref()
                    .map(|p| p.currency.clone())
                    .unwrap_or_else(|| "USD".into()),
                d.min_order.map(|n| n.to_string()).unwrap_or_default(),
                d.lead_time_days.map(|n| n.to_string()).unwrap_or_default(),
                d.certifications.join("; "),
                d.origin.clone(),
            ),
            None => (
                domain::expo::INDUSTRIES[0].to_owned(),
                String::new(),
                String::new(),
                "USD".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ),
        });
    let category = RwSignal::new(category);
    let price_min = RwSignal::new(price_min);
    let price_max = RwSignal::new(price_max);
    let currency = RwSignal::new(currency);
    let min_order = RwSignal::new(min_order);
    let lead_time = RwSignal::new(lead_time);
    let certifications = RwSignal::new(certifications);
    let origin = RwSignal::new(origin);
    let dirty = RwSignal::new(false);
    let save = Action::new(move |input: &ProductInput| {
        let input = input.clone();
        async move { save_product(input).await }
    });
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let field =
        move |f: &'static str| move || error.get().and_then(|e| e.field(f)).map(|id| i18n.t(&id));
    let is_new = product_id.is_empty();
    Effect::new(move |_| {
        if let Some(Ok(id)) = save.value().get() {
            dirty.set(false);
            if is_new {
                editing.set(Some(id));
            } else {
                remember_saved(detail, language.get_untracked(), name, description, specs);
            }
        }
    });
    let on_saved = on_change.clone();
    Effect::new(move |_| {
        if matches!(save.value().get(), Some(Ok(_))) {
            on_saved();
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ProductInput {
            product_id: product_id.clone(),
            exhibitor_id: exhibitor_id.clone(),
            language: language.get_untracked().tag().to_owned(),
            name: name.get_untracked(),
            description: description.get_untracked(),
            category: category.get_untracked(),
            specs: specs.with_untracked(|rows| {
                rows.iter()
                    .map(|r| SpecInput {
                        name: r.name.get_untracked(),
                        value: r.value.get_untracked(),
                    })
                    .collect()
            }),
            price_min: price_min.get_untracked(),
            price_max: price_max.get_untracked(),
            currency: currency.get_untracked(),
            min_order: min_order.get_untracked(),
            lead_time_days: lead_time.get_untracked(),
            certifications: certifications.get_untracked(),
            origin: origin.get_untracked(),
        };
        save.dispatch(input);
    };
    let mut countries: Vec<(String, &str)> = domain::account::COUNTRIES
        .iter()
        .map(|c| (i18n.t(&country_message_id(c)), *c))
        .collect();
    countries.sort();
    let input_text = move |s: RwSignal<String>| {
        move |ev: leptos::ev::Event| {
            s.set(event_target_value(&ev));
            dirty.set(true);
        }
    };
    view! {
        <form class="stack" novalidate=true on:submit=submit>
            <crate::ui::form_alert::FormAlert error />
            <div class="field">
                <label for="product-language">{i18n.t("booth-editor-language")}</label>
                <select
                    id="product-language"
                    disabled=move || dirty.get()
                    aria-describedby="product-language-hint"
                    on:change=move |ev| {
                        if let Some(l) = Locale::parse(&event_target_value(&ev)) {
                            language.set(l);
                            fill(l);
                        }
                    }
                >
                    {Locale::ALL
                        .into_iter()
                        .map(|l| view! { <option value=l.tag() lang=l.tag() selected=move || language.get() == l>{l.endonym()}</option> })
                        .collect_view()}
                </select>
                <p class="field-hint" id="product-language-hint">{i18n.t("product-language-hint")}</p>
            </div>
            <div class="field" class:field-invalid=move || field("name")().is_some()>
                <label for="product-name">{i18n.t("product-name-label")}</label>
                <input id="product-name" type="text" required=true maxlength=domain::product::NAME_MAX_CHARS.to_string()
                    prop:value=move || name.get() on:input=input_text(name)
                    lang=move || language.get().tag() dir=move || language.get().direction().as_str()
                    aria-invalid=move || field("name")().is_some().to_string() aria-describedby="product-name-error" />
                <p class="field-error" id="product-name-error" aria-live="polite">{field("name")}</p>
            </div>
            <div class="field" class:field-invalid=move || field("description")().is_some()>
                <label for="product-description">{i18n.t("product-description-label")}</label>
                <textarea id="product-description" rows="4" maxlength=domain::text::LONG_TEXT_MAX_CHARS.to_string()
                    prop:value=move || description.get() on:input=input_text(description)
                    lang=move || language.get().tag() dir=move || language.get().direction().as_str()
                    aria-describedby="product-description-error"></textarea>
                <p class="field-error" id="product-description-error" aria-live="polite">{field("description")}</p>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="product-category">{i18n.t("product-category-label")}</label>
                    <select id="product-category" on:change=input_text(category) aria-describedby="product-category-error">
                        {domain::expo::INDUSTRIES.into_iter().map(|c| view! {
                            <option value=c selected=move || category.get() == c>{i18n.t(&industry_message_id(c))}</option>
                        }).collect_view()}
                    </select>
                    <p class="field-error" id="product-category-error" aria-live="polite">{field("category")}</p>
                </div>
                <div class="field">
                    <label for="product-origin">{i18n.t("product-origin")}</label>
                    <select id="product-origin" on:change=input_text(origin) aria-describedby="product-origin-error">
                        <option value="" selected=move || origin.get().is_empty()>{i18n.t("product-origin-none")}</option>
                        {countries.into_iter().map(|(label, c)| view! {
                            <option value=c selected=move || origin.get() == c>{label}</option>
                        }).collect_view()}
                    </select>
                    <p class="field-error" id="product-origin-error" aria-live="polite">{field("origin")}</p>
                </div>
            </div>
            <fieldset class="field-row">
                <legend>{i18n.t("product-price")}</legend>
                <div class="field">
                    <label for="product-price-min">{i18n.t("product-price-min")}</label>
                    <input id="product-price-min" type="text" inputmode="decimal" prop:value=move || price_min.get()
                        on:input=input_text(price_min) aria-describedby="product-price-error" />
                </div>
                <div class="field">
                    <label for="product-price-max">{i18n.t("product-price-max")}</label>
                    <input id="product-price-max" type="text" inputmode="decimal" prop:value=move || price_max.get()
                        on:input=input_text(price_max) aria-describedby="product-price-error" />
                </div>
                <div class="field">
                    <label for="product-currency">{i18n.t("product-currency")}</label>
                    <select id="product-currency" on:change=input_text(currency)>
                        {domain::product::CURRENCIES.into_iter().map(|c| view! {
                            <option value=c selected=move || currency.get() == c>{c}</option>
                        }).collect_view()}
                    </select>
                </div>
                <p class="field-hint">{i18n.t("product-price-hint")}</p>
                <p class="field-error" id="product-price-error" aria-live="polite">
                    {move || field("price")().or_else(field("currency"))}
                </p>
            </fieldset>
            <div class="field-row">
                <div class="field">
                    <label for="product-min-order">{i18n.t("product-min-order")}</label>
                    <input id="product-min-order" type="text" inputmode="numeric" prop:value=move || min_order.get()
                        on:input=input_text(min_order) aria-describedby="product-min-order-error" />
                    <p class="field-error" id="product-min-order-error" aria-live="polite">{field("min_order")}</p>
                </div>
                <div class="field">
                    <label for="product-lead-time">{i18n.t("product-lead-time-days")}</label>
                    <input id="product-lead-time" type="text" inputmode="numeric" prop:value=move || lead_time.get()
                        on:input=input_text(lead_time) aria-describedby="product-lead-time-error" />
                    <p class="field-error" id="product-lead-time-error" aria-live="polite">{field("lead_time_days")}</p>
                </div>
            </div>
            <div class="field">
                <label for="product-certifications">{i18n.t("product-certifications")}</label>
                <input id="product-certifications" type="text" prop:value=move || certifications.get()
                    on:input=input_text(certifications) aria-describedby="product-certifications-hint product-certifications-error" />
                <p class="field-hint" id="product-certifications-hint">{i18n.t("product-certifications-hint")}</p>
                <p class="field-error" id="product-certifications-error" aria-live="polite">{field("certifications")}</p>
            </div>
            <fieldset class="spec-editor">
                <legend>{i18n.t("product-specs-heading")}</legend>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("product-spec-name")}</th>
                            <th scope="col">{i18n.t("product-spec-value")}</th>
                            <th scope="col"><span class="visually-hidden">{i18n.t("product-spec-actions")}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || specs.get() key=|r| r.key let:row>
                            {
                                let n = move || specs.with(|rows| rows.iter().position(|r| r.key == row.key).map_or(0, |i| i + 1));
                                let n_arg = move || vec![("n", Arg::Num(i64::try_from(n()).unwrap_or(0)))];
                                let key = row.key;
                                view! {
                                    <tr>
                                        <td>
                                            <input type="text" class="spec-name" prop:value=move || row.name.get()
                                                maxlength=domain::product::SPEC_CELL_MAX_CHARS.to_string()
                                                lang=move || language.get().tag()
                                                aria-label=move || i18n.t_args("product-spec-name-n", n_arg())
                                                on:input=input_text(row.name) />
                                        </td>
                                        <td>
                                            <input type="text" class="spec-value" prop:value=move || row.value.get()
                                                maxlength=domain::product::SPEC_CELL_MAX_CHARS.to_string()
                                                aria-label=move || i18n.t_args("product-spec-value-n", n_arg())
                                                on:input=input_text(row.value) />
                                        </td>
                                        <td>
                                            <button type="button" class="btn btn-ghost btn-small"
                                                aria-label=move || i18n.t_args("product-spec-remove-n", n_arg())
                                                on:click=move |_| {
                                                    specs.update(|rows| rows.retain(|r| r.key != key));
                                                    dirty.set(true);
                                                }>"×"</button>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
                <p class="field-error" aria-live="polite">{field("specs")}</p>
                <button type="button" class="btn btn-ghost"
                    disabled=move || { specs.with(Vec::len) >= SPEC_ROWS_MAX }
                    on:click=move |_| {
                        specs.update(|rows| rows.push(new_row(String::new(), String::new())));
                        dirty.set(true);
                    }>{i18n.t("product-spec-add")}</button>
                <span class="muted">{move || format!("{} / {SPEC_ROWS_MAX}", specs.with(Vec::len))}</span>
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" disabled=move || save.pending().get()>{i18n.t("booth-editor-save")}</button>
                <button type="button" class="btn btn-ghost" on:click=move |_| editing.set(None)>{i18n.t("dialog-close")}</button>
                <span class="save-status" role="status">
                    {move || (matches!(save.value().get(), Some(Ok(_))) && !dirty.get()).then(|| i18n.t("booth-editor-saved"))}
                </span>
            </div>
        </form>
    }
}

/// Puts what was just saved in one language into the copy the form refills from, as the server
/// merged it (fully empty spec rows dropped, names by position).
fn remember_saved(
    detail: StoredValue<Option<ProductDetail>>,
    l: Locale,
    name: RwSignal<String>,
    description: RwSignal<String>,
    specs: RwSignal<Vec<SpecRowState>>,
) {
    detail.update_value(|d| {
        let Some(d) = d else { return };
        d.card.name.set(l, name.get_untracked().trim());
        d.description.set(l, description.get_untracked().trim());
        let rows: Vec<(String, String)> = specs.with_untracked(|rows| {
            rows.iter()
                .map(|r| {
                    (
                        r.name.get_untracked().trim().to_owned(),
                        r.value.get_untracked().trim().to_owned(),
                    )
                })
                .filter(|(n, v)| !(n.is_empty() && v.is_empty()))
                .collect()
        });
        d.specs.truncate(rows.len());
        for (i, (n, v)) in rows.into_iter().enumerate() {
            match d.specs.get_mut(i) {
                Some(row) => {
                    row.name.set(l, &n);
                    row.value = v;
                }
                None => d.specs.push(domain::product::SpecRow {
                    name: domain::text::LocalizedText::new(l, n),
                    value: v,
                }),
            }
        }
    });
}

/// A price in major units as typed in the form (`1200.50`, no grouping).
fn plain_amount(minor: i64) -> String {
    let s = PriceRange::format_amount(Locale::En, minor).replace(',', "");
    s.strip_suffix(".00").map(str::to_owned).unwrap_or(s)
}
