//! Sections that later issues fill in; each says, in the user's language, what is coming.

use super::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// A main section of the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Live streams.
    Live,
    /// Matchmaking.
    Matchmaking,
}

impl Section {
    /// Every section.
    pub const ALL: [Section; 2] = [Section::Live, Section::Matchmaking];

    /// Fluent ids of the section's title and description.
    pub fn ids(self) -> (&'static str, &'static str) {
        match self {
            Section::Live => ("nav-live", "coming-live"),
            Section::Matchmaking => ("nav-matchmaking", "coming-matchmaking"),
        }
    }
}

/// A page that names the section and what it will hold.
#[component]
pub fn PlaceholderPage(section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let (title, body) = section.ids();
    view! {
        <Title text=i18n.t(title) />
        <section class="page placeholder">
            <h1>{i18n.t(title)}</h1>
            <p class="badge">{i18n.t("coming-soon")}</p>
            <p class="lead">{i18n.t(body)}</p>
            <a class="btn btn-primary" href="/">{i18n.t("nav-back-home")}</a>
        </section>
    }
}
