//! `/buyers/<id>`: one professional buyer's profile, for the expo's exhibitors and organizers
//! (the same rule as the directory: contact details only where the buyer agreed to share them,
//! or for organizers), with "Message" to start the one-to-one conversation from the profile.

use super::api::{get_buyer_card, BuyerCard};
use super::buyer_page::VerifiedBadge;
use super::buyers_page::Contact;
use crate::account::register_page::country_message_id;
use crate::shell::i18n::use_i18n;
use crate::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The buyer profile page.
#[component]
pub fn BuyerProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let card = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        get_buyer_card,
    );
    view! {
        <section class="page buyer-profile-page">
            <p><a href="/buyers">{i18n.t("buyers-title")}</a></p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match card.await {
                        Ok(c) => view! { <Profile card=c /> }.into_any(),
                        Err(AppError::Unauthenticated) => {
                            let next = crate::shell::language_menu::encode_query_value(
                                &format!("/buyers/{}", params.read_untracked().get("id").unwrap_or_default()),
                            );
                            view! {
                                <Title text=i18n.t("buyers-title") />
                                <p><a class="btn btn-primary" href=format!("/login?next={next}")>{i18n.t("nav-login")}</a></p>
                            }
                            .into_any()
                        }
                        Err(e) => view! {
                            <Title text=i18n.t("buyers-title") />
                            <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Profile(card: BuyerCard) -> impl IntoView {
    let i18n = use_i18n();
    let BuyerCard { buyer, organizer } = card;
    let f = &buyer.form;
    let interests = f
        .interests
        .iter()
        .map(|k| i18n.t(&format!("industry-{k}")))
        .collect::<Vec<_>>()
        .join(", ");
    let sources = f
        .countries
        .iter()
        .map(|c| i18n.t(&country_message_id(c)))
        .collect::<Vec<_>>()
        .join(", ");
    let verified = buyer.verified();
    view! {
        <Title text=buyer.display_name.clone() />
        <h1>{buyer.display_name.clone()}" "<VerifiedBadge verified /></h1>
        <p class="lead">
            {f.job_role.clone()}
            {(!f.job_role.is_empty() && !f.company.is_empty()).then_some(" · ")}
            {f.company.clone()}
        </p>
        <dl class="buyer-facts">
            <dt>{i18n.t("apply-country")}</dt>
            <dd>{i18n.t(&country_message_id(&buyer.country))}</dd>
            <dt>{i18n.t("buyer-interests")}</dt>
            <dd>{interests}</dd>
            <dt>{i18n.t("buyer-volume")}</dt>
            <dd>{i18n.t(f.volume.message_id())}</dd>
            {(!sources.is_empty()).then(|| view! {
                <dt>{i18n.t("buyer-countries")}</dt>
                <dd>{sources.clone()}</dd>
            })}
            <dt>{i18n.t("buyer-contact")}</dt>
            <dd><Contact buyer=buyer.clone() organizer /></dd>
        </dl>
        <crate::chat::chat_button::DirectChatButton user_id=buyer.user_id.clone() name=buyer.display_name.clone() />
    }
}
