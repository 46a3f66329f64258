//! What a page region shows when it fails: a localized message and the incident id.

use super::i18n::use_i18n;
use crate::ui::error_text;
use crate::AppError;
use leptos::prelude::*;

/// Lists the errors caught by an `ErrorBoundary`. Unknown errors never show their text (it may
/// carry internals); they get the generic message.
#[component]
pub fn ErrorView(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page page-error" role="alert">
            <h1>{i18n.t("error-page-title")}</h1>
            <ul class="errors">
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, e)| {
                            let inner = e.into_inner();
                            let text = match inner.downcast_ref::<AppError>() {
                                Some(app) => error_text(&i18n, app),
                                None => i18n.t("error-unexpected"),
                            };
                            view! { <li>{text}</li> }
                        })
                        .collect_view()
                }}
            </ul>
            <a class="btn btn-primary" href="/" rel="external">{i18n.t("nav-back-home")}</a>
        </section>
    }
}
