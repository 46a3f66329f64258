//! `/account`: the signed-in person's account and privacy: who they are, and whether what they
//! look at is recorded to recommend exhibitors (turning it off deletes what was kept).

use super::UserResource;
use crate::account::register_page::country_message_id;
use crate::matching::api::{footprints_on, get_match_digest, SetFootprints, SetMatchDigest};
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
    let save_digest = ServerAction::<SetMatchDigest>::new();
    let digest = Resource::new(move || save_digest.version().get(), |_| get_match_digest());
    let digest_error = Signal::derive(move || save_digest.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t("account-title") />
        <section class="page account-page">
            <h1>{i18n.t("account-title")}</h1>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match (user.await, recording.await, digest.await) {
                        (Ok(Some(u)), Ok(on), Ok(frequency)) => view! {
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
                                <ActionForm action=save_digest attr:class="stack-form digest-form">
                                    <crate::ui::form_alert::FormAlert error=digest_error />
                                    <div class="field">
                                        <label for="digest-frequency">{i18n.t("account-digest-label")}</label>
                                        <select id="digest-frequency" name="frequency">
                                            {domain::matching::DIGEST_FREQUENCIES.iter().map(|f| view! {
                                                <option value=*f selected=frequency == *f>{i18n.t(&format!("account-digest-{f}"))}</option>
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    <p class="form-actions">
                                        <button type="submit" class="btn">{i18n.t("account-digest-save")}</button>
                                        {move || matches!(save_digest.value().get(), Some(Ok(()))).then(|| view! {
                                            <span role="status">{i18n.t("account-digest-saved")}</span>
                                        })}
                                    </p>
                                </ActionForm>
                            </section>
                        }.into_any(),
                        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) if !matches!(e, crate::AppError::Unauthenticated) => view! {
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
