//! A hall as a card: name, industry, counts.

use crate::shell::i18n::{use_i18n, Arg};
use domain::expo::HallSummary;
use leptos::prelude::*;

/// The Fluent id of an industry's name.
pub fn industry_message_id(industry: &str) -> String {
    format!("industry-{industry}")
}

/// A card linking to the hall's page.
#[component]
pub fn HallCard(hall: HallSummary) -> impl IntoView {
    let i18n = use_i18n();
    let name = hall.name.show(i18n.locale);
    let counts = i18n.t_args(
        "landing-hall-counts",
        vec![
            ("exhibitors", Arg::Num(hall.exhibitor_count)),
            ("products", Arg::Num(hall.product_count)),
        ],
    );
    view! {
        <li class="card hall-card" data-industry=hall.industry.clone()>
            <span class="hall-icon" aria-hidden="true"></span>
            <h3>
                <a href=format!("/halls/{}", hall.slug) lang=name.locale.tag() dir=name.locale.direction().as_str()>
                    {name.text}
                </a>
            </h3>
            <p class="muted">{i18n.t(&industry_message_id(&hall.industry))}</p>
            <p>{counts}</p>
        </li>
    }
}
