//! `/account`: the signed-in person's account and privacy: who they are, and whether what they
//! look at is recorded to recommend exhibitors (turning it off deletes what was kept).

use super::UserResource;
use crate::account::register_page::country_message_id;
use crate::matching::api::{footprints_on, SetFootprints};
use crate::shell::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// The account page.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let user = expect_context::<UserResource>();
    let toggle = ServerAction::<SetFootprints>::new();
    let recording = Resource::new(move || toggle.version().get(), |_| footprints_on());
    view! {
        <Title text=i18n.t("account-title") />
        <section class="page account-page">
            <h1>{i18n.t("account-title")}</h1>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match (user.await, recording.await) {
                        (Ok(Some(u)), Ok(on)) => view! {
                            <dl class="facts card">
                                <dt>{i18n.t("account-name")}</dt><dd>{u.display_name.clone()}</dd>
                                <dt>{i18n.t("account-email-label")}</dt><dd>{u.email.clone()}</dd>
                                <dt>{i18n.t("register-country-label")}</dt><dd>{i18n.t(&country_message_id(&u.country))}</dd>
                                <dt>{i18n.t("account-language")}</dt><dd>{u.language.endonym()}</dd>
                            </dl>
                            <section class="card" aria-labelledby="privacy-heading">
                                <h2 id="privacy-heading">{i18n.t("account-privacy")}</h2>
                                <p data-testid="footprints-state">{if on { i18n.t("account-footprints-on") } else { i18n.t("account-footprints-off") }}</p>
                                <p class="field-hint">{i18n.t("account-footprints-hint")}</p>
                                <ActionForm action=toggle>
                                    <input type="hidden" name="on" value=(!on).to_string() />
                                    <button type="submit" class="btn">
                                        {if on { i18n.t("account-footprints-stop") } else { i18n.t("account-footprints-start") }}
                                    </button>
                                </ActionForm>
                            </section>
                        }.into_any(),
                        (Err(e), _) | (_, Err(e)) if !matches!(e, crate::AppError::Unauthenticated) => view! {
                            <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p>
                        }.into_any(),
                        _ => view! {
                            <p>{i18n.t("account-sign-in")}</p>
                            <p><a class="btn btn-primary" href="/login?next=%2Faccount">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
