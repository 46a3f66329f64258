//! The 404 page.

use super::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for any path no route matches; answers with HTTP 404 on first load.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        resp.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("not-found-title") />
        <section class="page not-found">
            <p class="big-code" aria-hidden="true">"404"</p>
            <h1>{i18n.t("not-found-title")}</h1>
            <p class="lead">{i18n.t("not-found-body")}</p>
            <a class="btn btn-primary" href="/">{i18n.t("nav-back-home")}</a>
        </section>
    }
}
