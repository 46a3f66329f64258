//! `/matchmaking`: "Recommended for you" for buyers and visitors, each booth with its score,
//! the reasons in words, a few of its products, "Ask for a quote" and "Not interested"; for a
//! booth's team, its leads ranked with the same reasons. Reads again when the matcher
//! recomputes the person's matches.

use super::api::{get_matches, NotInterested};
use super::reasons::sentences;
use crate::account::register_page::country_message_id;
use crate::hall::hall_map::booth_href;
use crate::shell::i18n::{use_i18n, Arg};
use crate::AppError;
use domain::matching::{InterestProfile, MatchCard};
use domain::realtime::Hint;
use leptos::prelude::*;
use leptos_meta::Title;

/// Reads the page again whenever the person's matches change.
fn follow_matches(version: RwSignal<u32>) {
    crate::realtime::follow_own(version, |h| matches!(h, Hint::Matches), true);
}

#[component]
fn Score(score: u8) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="match-score">
            <meter min="0" max="100" low="40" high="70" optimum="100" value=score.to_string()
                aria-label=i18n.t("match-score-label")></meter>
            <span data-testid="match-score">{i18n.t_args("match-score", vec![("score", Arg::Num(i64::from(score)))])}</span>
        </div>
    }
}

#[component]
fn Recommendation(card: MatchCard, dismiss: ServerAction<NotInterested>) -> impl IntoView {
    let i18n = use_i18n();
    let name = card.name.show(i18n.locale);
    let country = i18n.t(&country_message_id(&card.country));
    let why = sentences(&i18n, &card.reasons, true);
    let id = card.id.clone();
    view! {
        <li class="card match-card" data-testid="match-card">
            <div class="match-head">
                <h3><a href=booth_href(&card.id) lang=name.locale.tag()>{name.text.clone()}</a></h3>
                <span class="muted">{country}</span>
                {card.booth_code.map(|c| view! { <span class="badge">{c}</span> })}
            </div>
            <Score score=card.score />
            <ul class="match-reasons" aria-label=i18n.t("match-reasons")>
                {why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
            </ul>
            {(!card.products.is_empty()).then(|| view! {
                <p class="match-products">
                    <span class="muted">{i18n.t("match-products")}</span>" "
                    {card.products.into_iter().map(|(pid, pname)| {
                        let shown = pname.show(i18n.locale);
                        view! { <a href=format!("/products/{pid}") lang=shown.locale.tag()>{shown.text}</a>" " }
                    }).collect_view()}
                </p>
            })}
            <div class="match-actions">
                <crate::trade::inquiry_form_page::InquiryButton exhibitor_id=id.clone() />
                <crate::appointment::booking_page::BookButton exhibitor_id=id.clone() />
                <ActionForm action=dismiss attr:class="inline-form">
                    <input type="hidden" name="exhibitor_id" value=id.clone() />
                    <button type="submit" class="btn btn-ghost"
                        aria-label=i18n.t_args("match-not-interested-in", vec![("company", Arg::Str(name.text.clone()))])>
                        {i18n.t("match-not-interested")}
                    </button>
                </ActionForm>
            </div>
        </li>
    }
}

#[component]
fn Lead(card: MatchCard) -> impl IntoView {
    let i18n = use_i18n();
    let country = i18n.t(&country_message_id(&card.country));
    let why = sentences(&i18n, &card.reasons, false);
    let name = card.name.show(i18n.locale).text;
    view! {
        <li class="card match-card" data-testid="lead-card">
            <div class="match-head">
                <h3><a href=format!("/buyers/{}", card.id)>{name}</a></h3>
                {(!card.company.is_empty()).then(|| view! { <span>{card.company.clone()}</span> })}
                <span class="muted">{country}</span>
            </div>
            <Score score=card.score />
            <ul class="match-reasons" aria-label=i18n.t("match-reasons")>
                {why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
            </ul>
        </li>
    }
}

#[component]
fn Interests(p: InterestProfile) -> impl IntoView {
    let i18n = use_i18n();
    let names = |keys: Vec<String>| {
        keys.iter()
            .map(|k| i18n.t(&format!("industry-{k}")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let none = i18n.t("match-interests-none");
    let declared = if p.declared.is_empty() {
        none.clone()
    } else {
        names(p.declared.clone())
    };
    let browsed = if p.browsed.is_empty() {
        none.clone()
    } else {
        p.browsed
            .iter()
            .map(|(k, n)| format!("{} ({})", i18n.t(&format!("industry-{k}")), i18n.number(*n)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let countries = if p.countries.is_empty() {
        none.clone()
    } else {
        p.countries
            .iter()
            .map(|(c, n)| format!("{} ({})", i18n.t(&country_message_id(c)), i18n.number(*n)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let prices = if p.price_bands.is_empty() {
        none
    } else {
        p.price_bands
            .iter()
            .map(|(band, cur, n)| {
                format!(
                    "{} ({})",
                    i18n.t_args(
                        &format!("match-price-band-{band}"),
                        vec![("currency", Arg::Str(cur.clone()))]
                    ),
                    i18n.number(*n)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        <section class="card match-interests" aria-labelledby="match-interests-heading">
            <h2 id="match-interests-heading">{i18n.t("match-interests-title")}</h2>
            <dl class="match-interest-list">
                <dt>{i18n.t("match-interests-declared")}</dt><dd data-testid="interests-declared">{declared}</dd>
                <dt>{i18n.t("match-interests-browsed")}</dt><dd data-testid="interests-browsed">{browsed}</dd>
                <dt>{i18n.t("match-interests-countries")}</dt><dd>{countries}</dd>
                <dt>{i18n.t("match-interests-prices")}</dt><dd>{prices}</dd>
            </dl>
            <p class="field-hint">
                {if p.recording {
                    i18n.t_args("match-interests-recording", vec![("count", Arg::Num(p.pages))])
                } else {
                    i18n.t("match-interests-off")
                }}
                " "<a href="/account">{i18n.t("match-interests-privacy")}</a>
            </p>
            {(!p.has_profile).then(|| view! {
                <p><a class="btn" href="/buyer">{i18n.t("match-complete-profile")}</a></p>
            })}
        </section>
    }
}

/// The matchmaking page.
#[component]
pub fn MatchmakingPage() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0u32);
    follow_matches(version);
    let dismiss = ServerAction::<NotInterested>::new();
    let page = Resource::new(
        move || (version.get(), dismiss.version().get()),
        |_| get_matches(),
    );
    view! {
        <Title text=i18n.t("match-title") />
        <section class="page matchmaking-page">
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Err(AppError::Unauthenticated) => view! {
                            <h1>{i18n.t("match-title")}</h1>
                            <p>{i18n.t("match-sign-in")}</p>
                            <p><a class="btn btn-primary" href="/login?next=%2Fmatchmaking">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                        Ok(p) if p.side == "exhibitor" => view! {
                            <h1>{i18n.t("match-leads-title")}</h1>
                            <p class="muted">{i18n.t("match-leads-intro")}</p>
                            {if p.cards.is_empty() {
                                view! { <p class="chat-empty">{i18n.t("match-leads-empty")}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="match-list">
                                        {p.cards.into_iter().map(|card| view! { <Lead card /> }).collect_view()}
                                    </ol>
                                }.into_any()
                            }}
                        }.into_any(),
                        Ok(p) => view! {
                            <h1>{i18n.t("match-title")}</h1>
                            <p class="muted">{i18n.t("match-intro")}</p>
                            <div class="match-layout">
                                <div>
                                    {if p.cards.is_empty() {
                                        view! {
                                            <p class="chat-empty">{i18n.t("match-empty")}</p>
                                            <p><a class="btn" href="/halls">{i18n.t("trade-browse-halls")}</a></p>
                                        }.into_any()
                                    } else {
                                        view! {
                                            <ol class="match-list">
                                                {p.cards.into_iter().map(|card| view! { <Recommendation card dismiss /> }).collect_view()}
                                            </ol>
                                        }.into_any()
                                    }}
                                </div>
                                <Interests p=p.interests />
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
