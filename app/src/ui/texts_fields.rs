//! One text area per platform language, for texts an organizer writes in several languages at
//! once (alerts, expo and hall names).

use crate::shell::i18n::use_i18n;
use domain::locale::Locale;
use domain::ops::TextsInput;
use domain::text::LocalizedText;
use leptos::prelude::*;

/// Text areas named `<name>[<language>]`, labelled with each language's own name, written in
/// its direction, filled from `values`.
#[component]
pub fn TextsFields(
    /// Prefix of the element ids.
    prefix: &'static str,
    /// The form field the texts belong to (`text`, `input[name]`).
    name: &'static str,
    /// What the fields hold at first.
    #[prop(optional)]
    values: Option<LocalizedText>,
    /// Show the "at least one language" hint.
    #[prop(default = false)]
    required_hint: bool,
    /// Rows of each text area.
    #[prop(default = 2)]
    rows: u32,
    /// Longest text, in characters.
    #[prop(default = domain::ops::MAX_ALERT_CHARS)]
    max_chars: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint = format!("{prefix}-hint");
    let fields = Locale::ALL
        .into_iter()
        .map(|l| {
            let id = format!("{prefix}-{}", l.tag());
            let value = values
                .as_ref()
                .and_then(|v| v.values.get(&l).cloned())
                .unwrap_or_default();
            view! {
                <div class="field">
                    <label for=id.clone()>{l.endonym()}</label>
                    <textarea
                        id=id
                        name=format!("{name}[{}]", TextsInput::field(l))
                        lang=l.tag()
                        dir=l.direction().as_str()
                        rows=rows.to_string()
                        maxlength=max_chars.to_string()
                        aria-describedby=required_hint.then(|| hint.clone())
                    >
                        {crate::ui::textarea_text(&value)}
                    </textarea>
                </div>
            }
        })
        .collect_view();
    view! {
        {fields}
        {required_hint.then(|| view! { <p id=hint.clone() class="muted">{i18n.t("ops-text-hint")}</p> })}
    }
}
