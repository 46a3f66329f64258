//! A labelled input with its localized error.

use crate::shell::i18n::use_i18n;
use leptos::prelude::*;

/// A text input with a visible label, `aria-invalid` and an error described by id.
#[component]
pub fn TextField(
    /// Form field name (as the server function expects it).
    name: &'static str,
    /// Element id; also ties the label and the error to the input.
    id: &'static str,
    /// Visible label.
    label: String,
    /// Input type (`text`, `email`, `password`).
    #[prop(default = "text")]
    kind: &'static str,
    /// Autocomplete hint.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Whether the field must be filled.
    #[prop(default = false)]
    required: bool,
    /// Help text under the field.
    #[prop(optional)]
    hint: Option<String>,
    /// The value it starts with.
    #[prop(optional)]
    value: Option<String>,
    /// The Fluent id of the field's current error.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                autocomplete=autocomplete
                required=required
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=described
            />
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{h}</p> })}
            <p class="field-error" id=error_id.clone() aria-live="polite">
                {move || error.get().map(|m| i18n.t(&m))}
            </p>
        </div>
    }
}
