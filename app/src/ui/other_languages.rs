//! "In other languages": a folded group of fields for a text in each of the platform's
//! languages that the form does not already ask for (not the page's own, not English when the
//! form has its own English field), each labelled with the language's own name and written in
//! its direction. The fields are named `<name>[<key>]` (`slot[title_in][ko]`), read as a
//! `domain::text::Translations`.

use crate::shell::i18n::use_i18n;
use domain::text::Translations;
use domain::Locale;
use leptos::prelude::*;

/// The group of fields.
#[component]
pub fn OtherLanguages(
    /// The form name the fields sit under (`slot[title_in]`).
    name: &'static str,
    /// A prefix for the fields' ids.
    id: &'static str,
    /// Fluent id of the group's summary.
    summary: &'static str,
    /// Longest text, in characters.
    max: usize,
    /// Text areas rather than one-line fields.
    #[prop(optional)]
    multiline: bool,
    /// The form has its own English field.
    #[prop(optional)]
    without_english: bool,
    /// What the fields hold at first (an edit form).
    #[prop(optional)]
    values: Option<Translations>,
) -> impl IntoView {
    let i18n = use_i18n();
    let values = values.unwrap_or_default();
    let fields = Locale::ALL
        .into_iter()
        .filter(|l| *l != i18n.locale && !(without_english && *l == Locale::En))
        .map(|l| {
            let key = Translations::field(l);
            let field_id = format!("{id}-{key}");
            let field_name = format!("{name}[{key}]");
            let value = values.get(l).to_owned();
            let control = if multiline {
                view! {
                    <textarea id=field_id.clone() name=field_name rows="2" maxlength=max lang=l.tag() dir=l.direction().as_str()>{value}</textarea>
                }
                .into_any()
            } else {
                view! {
                    <input id=field_id.clone() name=field_name maxlength=max lang=l.tag() dir=l.direction().as_str() value=value />
                }
                .into_any()
            };
            view! {
                <div class="field">
                    <label for=field_id>{l.endonym()}</label>
                    {control}
                </div>
            }
        })
        .collect_view();
    view! {
        <details class="other-languages">
            <summary>{i18n.t(summary)}</summary>
            {fields}
        </details>
    }
}
