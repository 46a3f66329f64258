//! The alert above a form that sums up why the submission failed.

use crate::shell::i18n::use_i18n;
use crate::AppError;
use leptos::prelude::*;

/// Shows the error of the last submission, if any, as an ARIA alert.
#[component]
pub fn FormAlert(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|e| {
            view! {
                <div class="alert alert-error" role="alert">
                    {super::error_text(&i18n, &e)}
                </div>
            }
        })
    }
}
