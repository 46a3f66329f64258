//! `/help` (the guides by role) and `/help/<topic>` (one guide, with its sections listed at the
//! top). Pure server-rendered text: nothing to load, nothing that needs JavaScript.

use super::{Audience, SECTIONS, TOPICS};
use crate::shell::i18n::use_i18n;
use crate::shell::not_found_page::NotFoundPage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The index of guides.
#[component]
pub fn HelpPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("help-title") />
        <section class="page help-page">
            <h1>{i18n.t("help-title")}</h1>
            <p class="lead">{i18n.t("help-lead")}</p>
            {Audience::ALL.into_iter().map(|audience| {
                let heading = format!("help-group-{}", audience.message_id());
                view! {
                    <section aria-labelledby=heading.clone()>
                        <h2 id=heading.clone()>{i18n.t(audience.message_id())}</h2>
                        <ul class="dash-cards">
                            {TOPICS.into_iter().filter(|(_, a)| *a == audience).map(|(slug, _)| view! {
                                <li class="dash-card">
                                    <a href=format!("/help/{slug}")>
                                        <strong>{i18n.t(&format!("help-{slug}-title"))}</strong>
                                        <span>{i18n.t(&format!("help-{slug}-summary"))}</span>
                                    </a>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }
            }).collect_view()}
        </section>
    }
}

/// One guide.
#[component]
pub fn HelpTopicPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    move || {
        let topic = params.with(|p| p.get("topic").unwrap_or_default());
        let Some((slug, _)) = TOPICS.into_iter().find(|(s, _)| *s == topic) else {
            return view! { <NotFoundPage /> }.into_any();
        };
        let title = i18n.t(&format!("help-{slug}-title"));
        view! {
            <Title text=title.clone() />
            <article class="page help-page help-topic" data-topic=slug>
                <p><a href="/help">{i18n.t("help-back")}</a></p>
                <h1>{title}</h1>
                <p class="lead">{i18n.t(&format!("help-{slug}-summary"))}</p>
                <nav aria-label=i18n.t("help-contents")>
                    <ol>
                        {(1..=SECTIONS).map(|n| view! {
                            <li><a href=format!("#s{n}")>{i18n.t(&format!("help-{slug}-s{n}-title"))}</a></li>
                        }).collect_view()}
                    </ol>
                </nav>
                {(1..=SECTIONS).map(|n| view! {
                    <section id=format!("s{n}") aria-labelledby=format!("s{n}-title")>
                        <h2 id=format!("s{n}-title")>{i18n.t(&format!("help-{slug}-s{n}-title"))}</h2>
                        <p>{i18n.t(&format!("help-{slug}-s{n}-body"))}</p>
                    </section>
                }).collect_view()}
            </article>
        }
        .into_any()
    }
}
