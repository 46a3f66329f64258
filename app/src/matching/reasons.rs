//! A match's reasons in words, for the side reading them: a buyer reads about an exhibitor
//! ("You both work in Marine equipment"), a booth's team about a buyer ("They buy in …").

use crate::account::register_page::country_message_id;
use crate::shell::i18n::{Arg, I18n};
use domain::matching::{industry_keys, Reasons};

fn industries(i18n: &I18n, set: u8) -> String {
    industry_keys(set)
        .iter()
        .map(|k| i18n.t(&format!("industry-{k}")))
        .collect::<Vec<_>>()
        .join(", ")
}

fn num(n: impl Into<i64>) -> Arg {
    Arg::Num(n.into())
}

/// The reasons built from a side and a kind (`match-why-buyer-industry`, …).
pub const KINDS: [&str; 11] = [
    "inquiry", "meeting", "chat", "favorite", "products", "visits", "industry", "browsed",
    "country", "volume", "language",
];

/// The reasons as sentences, strongest first. `buyer` is true when a buyer reads them.
pub fn sentences(i18n: &I18n, r: &Reasons, buyer: bool) -> Vec<String> {
    let side = if buyer { "buyer" } else { "booth" };
    let id = |what: &str| format!("match-why-{side}-{what}");
    let mut out = Vec::new();
    let e = &r.engagement;
    if e.inquiries > 0 {
        out.push(i18n.t(&id("inquiry")));
    }
    if e.meetings > 0 {
        out.push(i18n.t(&id("meeting")));
    }
    if e.chats > 0 {
        out.push(i18n.t(&id("chat")));
    }
    if e.favorites > 0 {
        out.push(i18n.t(&id("favorite")));
    }
    if e.products_seen > 0 {
        out.push(i18n.t_args(&id("products"), vec![("count", num(e.products_seen))]));
    }
    if e.booth_views > 0 {
        out.push(i18n.t_args(&id("visits"), vec![("count", num(e.booth_views))]));
    }
    if r.industries != 0 {
        out.push(i18n.t_args(
            &id("industry"),
            vec![("industries", Arg::Str(industries(i18n, r.industries)))],
        ));
    }
    if r.browsed != 0 {
        out.push(i18n.t_args(
            &id("browsed"),
            vec![("industries", Arg::Str(industries(i18n, r.browsed)))],
        ));
    }
    if let Some(c) = r.country {
        let country = i18n.t(&country_message_id(domain::matching::country_code(c)));
        out.push(i18n.t_args(&id("country"), vec![("country", Arg::Str(country))]));
    }
    if r.volume {
        out.push(i18n.t(&id("volume")));
    }
    if r.language != 0 {
        let lang = domain::Locale::ALL
            .iter()
            .find(|l| domain::matching::language_bit(**l) & r.language != 0)
            .map(|l| l.endonym())
            .unwrap_or("");
        out.push(i18n.t_args(&id("language"), vec![("language", Arg::Str(lang.into()))]));
    }
    if buyer && r.exhibitor_verified {
        out.push(i18n.t("match-why-buyer-verified"));
    }
    if !buyer && r.buyer_verified {
        out.push(i18n.t("match-why-booth-verified"));
    }
    if buyer && r.lowered {
        out.push(i18n.t("match-why-buyer-lowered"));
    }
    out
}
