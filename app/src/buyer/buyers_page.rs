//! `/buyers`: the buyer directory. Exhibitors find professional buyers by interest and country
//! and see contact details only where the buyer consented; organizers see everything, verify
//! buyers and export the list. Filters are a plain GET form; verification is a plain form.

use super::api::{buyer_directory, VerifyBuyer};
use super::buyer_page::VerifiedBadge;
use crate::account::register_page::country_message_id;
use crate::directory::directory_page::{countries, Summary};
use crate::shell::i18n::use_i18n;
use crate::ui::form_alert::FormAlert;
use crate::AppError;
use domain::buyer::BuyerProfile;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// A buyer's contact details, or a note that they are not shared.
#[component]
pub fn Contact(buyer: BuyerProfile, organizer: bool) -> impl IntoView {
    let i18n = use_i18n();
    let f = &buyer.form;
    let shown = organizer || f.consent;
    if !shown {
        return view! { <span class="muted" data-contact="hidden">{i18n.t("buyer-contact-hidden")}</span> }.into_any();
    }
    let phone = f.phone.clone();
    let wechat = f.wechat.clone();
    view! {
        <ul class="plain-list" data-contact="shown">
            <li><a href=format!("mailto:{}", buyer.email)>{buyer.email.clone()}</a></li>
            {(!phone.is_empty()).then(|| view! { <li><a href=format!("tel:{}", phone.replace(' ', ""))>{phone.clone()}</a></li> })}
            {(!wechat.is_empty()).then(|| view! { <li>{i18n.t("buyer-wechat")}": "<span lang="en">{wechat.clone()}</span></li> })}
            {organizer.then(|| view! {
                <li>
                    <span class=if f.consent { "badge" } else { "badge badge-muted" }>
                        {i18n.t(if f.consent { "buyer-consent-given" } else { "buyer-consent-not-given" })}
                    </span>
                </li>
            })}
        </ul>
    }
    .into_any()
}

/// The buyer directory.
#[component]
pub fn BuyersPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let verify = ServerAction::<VerifyBuyer>::new();
    let verify_error = Signal::derive(move || verify.value().get().and_then(Result::err));
    let list = Resource::new(
        move || {
            (
                param("q"),
                param("country"),
                param("interest"),
                param("verified"),
                param("page"),
                verify.version().get(),
            )
        },
        |(q, country, interest, verified, page, _)| {
            buyer_directory(q, country, interest, verified, page)
        },
    );
    view! {
        <Title text=i18n.t("buyers-title") />
        <section class="page review-page directory-page buyers-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("buyers-title")}</h1>
            <p class="lead">{i18n.t("buyers-lead")}</p>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    let page = match list.await {
                        Ok(p) => p,
                        Err(AppError::Unauthenticated) => return view! {
                            <p><a class="btn btn-primary" href="/login?next=%2Fbuyers">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => return view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    };
                    let organizer = page.organizer;
                    view! {
                        <form method="get" action="/buyers" class="review-filters" role="search" aria-label=i18n.t("review-filters")>
                            <div class="field">
                                <label for="buyers-q">{i18n.t("buyers-search")}</label>
                                <input id="buyers-q" name="q" type="search" maxlength="100" value=param("q") />
                            </div>
                            <div class="field">
                                <label for="buyers-country">{i18n.t("apply-country")}</label>
                                <select id="buyers-country" name="country">
                                    <option value="">{i18n.t("review-any")}</option>
                                    {countries(i18n).into_iter().map(|(name, code)| {
                                        view! { <option value=code selected=param("country") == code>{name}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="buyers-interest">{i18n.t("buyer-interests")}</label>
                                <select id="buyers-interest" name="interest">
                                    <option value="">{i18n.t("review-any")}</option>
                                    {domain::expo::INDUSTRIES.into_iter().map(|key| view! {
                                        <option value=key selected=param("interest") == key>{i18n.t(&format!("industry-{key}"))}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="buyers-verified">{i18n.t("buyer-verification")}</label>
                                <select id="buyers-verified" name="verified">
                                    <option value="">{i18n.t("review-any")}</option>
                                    <option value="yes" selected=param("verified") == "yes">{i18n.t("buyer-verified")}</option>
                                    <option value="no" selected=param("verified") == "no">{i18n.t("buyer-waiting")}</option>
                                </select>
                            </div>
                            <button type="submit" class="btn btn-primary">{i18n.t("review-filter")}</button>
                        </form>
                        <FormAlert error=verify_error />
                        <Summary base="/buyers" export=organizer.then_some("buyers")
                            keys=&["q", "country", "interest", "verified"] total=page.total page=page.page />
                        <table class="review-table buyers-table">
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t("directory-name")}</th>
                                    <th scope="col">{i18n.t("apply-company")}</th>
                                    <th scope="col">{i18n.t("buyer-interests")}</th>
                                    <th scope="col">{i18n.t("buyer-volume")}</th>
                                    <th scope="col">{i18n.t("buyer-countries")}</th>
                                    <th scope="col">{i18n.t("buyer-contact")}</th>
                                    <th scope="col"><span class="visually-hidden">{i18n.t("chat-message-person")}</span></th>
                                    {organizer.then(|| view! { <th scope="col">{i18n.t("buyer-verification")}</th> })}
                                </tr>
                            </thead>
                            <tbody>
                                {page.items.into_iter().map(|b| {
                                    let verified = b.verified();
                                    let interests = b.form.interests.iter().map(|k| i18n.t(&format!("industry-{k}"))).collect::<Vec<_>>().join(", ");
                                    let sources = b.form.countries.iter().map(|c| i18n.t(&country_message_id(c))).collect::<Vec<_>>().join(", ");
                                    let user_id = b.user_id.clone();
                                    let verify_label = format!("{} — {}", i18n.t(if verified { "buyer-unverify" } else { "buyer-verify" }), b.display_name);
                                    view! {
                                        <tr data-buyer=b.user_id.clone()>
                                            <th scope="row">
                                                <a href=format!("/buyers/{}", b.user_id)>{b.display_name.clone()}</a>" "<VerifiedBadge verified />
                                                <br /><span class="muted">{i18n.t(&country_message_id(&b.country))}</span>
                                            </th>
                                            <td>{b.form.company.clone()}<br /><span class="muted">{b.form.job_role.clone()}</span></td>
                                            <td>{interests}</td>
                                            <td>{i18n.t(b.form.volume.message_id())}</td>
                                            <td>{sources}</td>
                                            <td><Contact buyer=b.clone() organizer /></td>
                                            <td><crate::chat::chat_button::DirectChatButton user_id=b.user_id.clone() name=b.display_name.clone() /></td>
                                            {organizer.then(|| view! {
                                                <td>
                                                    <ActionForm action=verify>
                                                        <input type="hidden" name="user_id" value=user_id.clone() />
                                                        <input type="hidden" name="verified" value=if verified { "no" } else { "yes" } />
                                                        <button type="submit" class=if verified { "btn btn-ghost" } else { "btn btn-primary" } aria-label=verify_label.clone()>
                                                            {i18n.t(if verified { "buyer-unverify" } else { "buyer-verify" })}
                                                        </button>
                                                    </ActionForm>
                                                </td>
                                            })}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        {(page.total == 0).then(|| view! { <p class="muted">{i18n.t("buyers-empty")}</p> })}
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
