//! Explainable matchmaking between buyers and exhibitors (clause 5.3.2).
//!
//! A score from 0 to 100 weighs six signals the organizer can tune: shared industries (declared in
//! the buyer profile, or learned from what the buyer browsed), the exhibitor being based in one of
//! the buyer's sourcing countries, the buyer's purchase volume reaching the exhibitor's minimum
//! order, a shared language, verification of either side, and the buyer's engagement with the
//! booth (views, time spent, saves, inquiries, chats, meetings). Every score keeps its
//! [`Reasons`], which the pages put into words in the reader's language.
//!
//! Candidates, not all pairs: an exhibitor is scored for a buyer only when they share an industry
//! or the buyer has engaged with the booth, and never once the buyer said "not interested". Each
//! "not interested" also lowers exhibitors that look like the dismissed one (same country and an
//! industry in common), which is how the ranking learns.
//!
//! Invariants: the score of a pair depends only on the two feature records and the weights, so a
//! full recompute and an incremental one agree; ties rank the lower exhibitor index first.

use crate::error::{FieldError, ValidationErrors};
use serde::{Deserialize, Serialize};

/// Recommendations kept per buyer.
pub const TOP_PER_BUYER: usize = 20;
/// Leads kept per exhibitor.
pub const TOP_PER_EXHIBITOR: usize = 50;
/// Pairs scoring below this are neither stored nor shown.
pub const MIN_SCORE: u8 = 15;
/// A new match at or above this score is pushed to the person as a lead.
pub const STRONG_SCORE: u8 = 70;
/// How often a person may get the e-mail digest of new strong matches.
pub const DIGEST_FREQUENCIES: [&str; 3] = ["off", "daily", "weekly"];
/// Each exhibitor like a dismissed one loses this share of its score (per dismissal) …
const DISMISS_STEP: u32 = 15;
/// … up to this share in all (percent).
const DISMISS_CAP: u32 = 60;

/// The organizer's weights, each 0–100; only their proportions matter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weights {
    /// Shared industries.
    pub industry: u8,
    /// The exhibitor is based where the buyer sources.
    pub country: u8,
    /// The buyer's volume reaches the exhibitor's minimum order.
    pub volume: u8,
    /// They share a language.
    pub language: u8,
    /// Verified buyer and exhibitor.
    pub verified: u8,
    /// What the buyer did at the booth.
    pub behaviour: u8,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            industry: 35,
            country: 15,
            volume: 10,
            language: 10,
            verified: 5,
            behaviour: 25,
        }
    }
}

/// The weights' names, in form and display order.
pub const WEIGHT_NAMES: [&str; 6] = [
    "industry",
    "country",
    "volume",
    "language",
    "verified",
    "behaviour",
];

impl Weights {
    /// The weights in [`WEIGHT_NAMES`] order.
    pub fn as_array(&self) -> [u8; 6] {
        [
            self.industry,
            self.country,
            self.volume,
            self.language,
            self.verified,
            self.behaviour,
        ]
    }

    fn from_array(a: [u8; 6]) -> Weights {
        Weights {
            industry: a[0],
            country: a[1],
            volume: a[2],
            language: a[3],
            verified: a[4],
            behaviour: a[5],
        }
    }

    /// Reads the weights form (one whole number 0–100 per [`WEIGHT_NAMES`] entry); at least one
    /// weight must be above zero.
    pub fn parse(fields: &[(&str, &str)]) -> Result<Weights, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let mut out = [0u8; 6];
        for (i, name) in WEIGHT_NAMES.iter().enumerate() {
            let raw = fields
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.trim())
                .unwrap_or("");
            match raw.parse::<u8>() {
                Ok(v) if v <= 100 => out[i] = v,
                _ => errors
                    .0
                    .push(FieldError::new(*name, "match-error-weight-range")),
            }
        }
        if errors.0.is_empty() && out.iter().all(|w| *w == 0) {
            errors
                .0
                .push(FieldError::new("industry", "match-error-weights-zero"));
        }
        if errors.0.is_empty() {
            Ok(Weights::from_array(out))
        } else {
            Err(errors)
        }
    }
}

/// A set of [`crate::expo::INDUSTRIES`], one bit each.
pub type IndustrySet = u8;

/// The bit of an industry key, if it is one.
pub fn industry_bit(key: &str) -> Option<IndustrySet> {
    crate::expo::INDUSTRIES
        .iter()
        .position(|k| *k == key)
        .map(|i| 1 << i)
}

/// The set of the industry keys given (unknown keys are ignored).
pub fn industry_set<'a>(keys: impl IntoIterator<Item = &'a str>) -> IndustrySet {
    keys.into_iter()
        .filter_map(industry_bit)
        .fold(0, |a, b| a | b)
}

/// The industry keys in a set, in [`crate::expo::INDUSTRIES`] order.
pub fn industry_keys(set: IndustrySet) -> Vec<&'static str> {
    crate::expo::INDUSTRIES
        .iter()
        .enumerate()
        .filter(|(i, _)| set & (1 << i) != 0)
        .map(|(_, k)| *k)
        .collect()
}

/// A set of [`crate::account::COUNTRIES`], one bit each (there are fewer than 64).
pub type CountrySet = u64;

/// The index of a country code in [`crate::account::COUNTRIES`].
pub fn country_index(code: &str) -> Option<u8> {
    crate::account::COUNTRIES
        .iter()
        .position(|c| *c == code)
        .map(|i| i as u8)
}

/// The set of the country codes given (unknown codes are ignored).
pub fn country_set<'a>(codes: impl IntoIterator<Item = &'a str>) -> CountrySet {
    codes
        .into_iter()
        .filter_map(country_index)
        .fold(0, |a, i| a | (1 << i))
}

/// The code of a country index.
pub fn country_code(index: u8) -> &'static str {
    crate::account::COUNTRIES
        .get(index as usize)
        .copied()
        .unwrap_or("")
}

/// The bit of a language among [`crate::Locale::ALL`].
pub fn language_bit(locale: crate::Locale) -> u8 {
    let i = crate::Locale::ALL
        .iter()
        .position(|l| *l == locale)
        .unwrap_or(0);
    1 << i
}

/// What a buyer did at one booth (and its products).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Engagement {
    /// Booth page views.
    #[serde(default, rename = "bv", skip_serializing_if = "is_zero16")]
    pub booth_views: u16,
    /// Views of the booth's product pages.
    #[serde(default, rename = "pv", skip_serializing_if = "is_zero16")]
    pub product_views: u16,
    /// Distinct products of the booth viewed.
    #[serde(default, rename = "dp", skip_serializing_if = "is_zero16")]
    pub products_seen: u16,
    /// Seconds spent on the booth's pages.
    #[serde(default, rename = "s", skip_serializing_if = "is_zero32")]
    pub seconds: u32,
    /// The booth or its products saved to favorites.
    #[serde(default, rename = "f", skip_serializing_if = "is_zero8")]
    pub favorites: u8,
    /// Inquiries sent to the booth.
    #[serde(default, rename = "q", skip_serializing_if = "is_zero8")]
    pub inquiries: u8,
    /// Conversations with the booth.
    #[serde(default, rename = "c", skip_serializing_if = "is_zero8")]
    pub chats: u8,
    /// Meetings with the booth's team.
    #[serde(default, rename = "m", skip_serializing_if = "is_zero8")]
    pub meetings: u8,
}

fn is_zero8(v: &u8) -> bool {
    *v == 0
}
fn is_zero16(v: &u16) -> bool {
    *v == 0
}
fn is_zero32(v: &u32) -> bool {
    *v == 0
}

impl Engagement {
    /// How strongly the buyer engaged, 0–1000: saves, inquiries, chats and meetings count most;
    /// views and time add up to a cap so idle tabs cannot dominate.
    pub fn strength(&self) -> u32 {
        let views = (u32::from(self.booth_views) + u32::from(self.product_views)).min(6) * 60;
        let time = (self.seconds / 30).min(8) * 25;
        let acts = u32::from(self.favorites.min(2)) * 250
            + u32::from(self.inquiries.min(1)) * 350
            + u32::from(self.chats.min(1)) * 250
            + u32::from(self.meetings.min(1)) * 350;
        (views + time + acts).min(1000)
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        *self == Engagement::default()
    }

    /// Adds another record's counts.
    pub fn add(&mut self, o: &Engagement) {
        self.booth_views = self.booth_views.saturating_add(o.booth_views);
        self.product_views = self.product_views.saturating_add(o.product_views);
        self.products_seen = self.products_seen.saturating_add(o.products_seen);
        self.seconds = self.seconds.saturating_add(o.seconds);
        self.favorites = self.favorites.saturating_add(o.favorites);
        self.inquiries = self.inquiries.saturating_add(o.inquiries);
        self.chats = self.chats.saturating_add(o.chats);
        self.meetings = self.meetings.saturating_add(o.meetings);
    }
}

/// What the matcher knows of a buyer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Buyer {
    /// Industries from the buyer profile.
    pub declared: IndustrySet,
    /// Industries of the halls, booths and products the buyer looked at.
    pub browsed: IndustrySet,
    /// Countries the buyer sources from.
    pub countries: CountrySet,
    /// The purchase volume band (index into [`crate::buyer::Volume::ALL`]), if declared.
    pub volume: Option<u8>,
    /// The buyer's language ([`language_bit`]).
    pub language: u8,
    /// Verified by the organizer.
    pub verified: bool,
    /// Engagement per exhibitor index, sorted by index.
    pub engaged: Vec<(u32, Engagement)>,
    /// Exhibitor indexes the buyer dismissed, sorted.
    pub dismissed: Vec<u32>,
    /// The traits of dismissed exhibitors: (industries, country index).
    pub dismissed_traits: Vec<(IndustrySet, u8)>,
}

/// What the matcher knows of an exhibitor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Exhibitor {
    /// Its hall's industry and its products' categories.
    pub industries: IndustrySet,
    /// Where it is based ([`country_index`]); `u8::MAX` when unknown.
    pub country: u8,
    /// Languages its team speaks ([`language_bit`]s).
    pub languages: u8,
    /// The smallest volume band its minimum order suits (index into `Volume::ALL`).
    pub min_volume: u8,
    /// Came in through an approved application (licence checked).
    pub verified: bool,
}

/// Why a pair scored what it did; stored with the score and put into words when shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reasons {
    /// Industries both declared.
    #[serde(default, rename = "i", skip_serializing_if = "is_zero8")]
    pub industries: IndustrySet,
    /// Industries shared only through what the buyer browsed.
    #[serde(default, rename = "b", skip_serializing_if = "is_zero8")]
    pub browsed: IndustrySet,
    /// The exhibitor's country when it is one the buyer sources from.
    #[serde(default, rename = "c", skip_serializing_if = "Option::is_none")]
    pub country: Option<u8>,
    /// The buyer's volume reaches the exhibitor's minimum order.
    #[serde(default, rename = "v", skip_serializing_if = "is_false")]
    pub volume: bool,
    /// The shared language's bit.
    #[serde(default, rename = "l", skip_serializing_if = "is_zero8")]
    pub language: u8,
    /// The buyer is verified.
    #[serde(default, rename = "vb", skip_serializing_if = "is_false")]
    pub buyer_verified: bool,
    /// The exhibitor is verified.
    #[serde(default, rename = "ve", skip_serializing_if = "is_false")]
    pub exhibitor_verified: bool,
    /// What the buyer did at the booth.
    #[serde(default, rename = "e", skip_serializing_if = "Engagement::is_empty")]
    pub engagement: Engagement,
    /// Lowered because the buyer dismissed exhibitors like this one.
    #[serde(default, rename = "d", skip_serializing_if = "is_false")]
    pub lowered: bool,
}

fn is_false(v: &bool) -> bool {
    !*v
}

impl Reasons {
    /// The stored form.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    /// Reads [`Reasons::encode`]'s form; anything unreadable gives no reasons.
    pub fn decode(s: &str) -> Reasons {
        serde_json::from_str(s).unwrap_or_default()
    }
}

// Scoring one pair: `score`; ranking many: `rank`.
mod rank;
mod score;
pub use rank::{Model, Ranking, Scored, TopN};
pub use score::score;

/// The smallest volume band whose buyers can place an order worth `min_order_usd` US dollars.
pub fn volume_band_for_order(min_order_usd: i64) -> u8 {
    // A buyer spending under 100k a year places orders up to about 10k; the bands above scale
    // by ten.
    match min_order_usd {
        i64::MIN..=10_000 => 0,
        10_001..=100_000 => 1,
        100_001..=1_000_000 => 2,
        _ => 3,
    }
}

/// One match as a page shows it: the other side, the score and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchCard {
    /// The exhibitor's or buyer's id.
    pub id: String,
    /// Exhibitor name (localized) or the buyer's display name (in `original`).
    pub name: crate::text::LocalizedText,
    /// The buyer's company, or empty.
    pub company: String,
    /// Country code.
    pub country: String,
    /// The booth code, for exhibitors placed in a hall.
    pub booth_code: Option<String>,
    /// 0–100.
    pub score: u8,
    /// Why.
    pub reasons: Reasons,
    /// For exhibitors: up to three of its products in the buyer's industries, as (id, name).
    pub products: Vec<(String, crate::text::LocalizedText)>,
}

/// What the matcher knows of a person's interests, shown so they can see why they get what
/// they get.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestProfile {
    /// Industry keys of the buyer profile.
    pub declared: Vec<String>,
    /// Industry keys browsed, with page views, most first.
    pub browsed: Vec<(String, i64)>,
    /// Countries of the booths looked at, with views, most first.
    pub countries: Vec<(String, i64)>,
    /// Price bands of the products looked at: (band 0–3, currency, views).
    pub price_bands: Vec<(i64, String, i64)>,
    /// Pages looked at in all.
    pub pages: i64,
    /// Whether the person has a buyer profile in this expo.
    pub has_profile: bool,
    /// Whether footprints are recorded for them.
    pub recording: bool,
}

/// The `/matchmaking` page: a buyer's recommendations, or an exhibitor's leads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchPage {
    /// `buyer` (recommendations) or `exhibitor` (leads).
    pub side: String,
    /// The matches, best first.
    pub cards: Vec<MatchCard>,
    /// The person's interests (buyer side).
    pub interests: InterestProfile,
}

/// The organizer's matching page: the weights in force and their effect on a sample of buyers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchSettings {
    /// The weights in force.
    pub weights: Weights,
    /// When the last full recompute finished (UTC milliseconds; 0 never).
    pub computed_at: i64,
    /// People matched and pairs kept.
    pub buyers: i64,
    /// Pairs kept.
    pub pairs: i64,
    /// For a few buyers: their name and their top three exhibitors' names with scores, under
    /// the weights in force.
    pub sample: Vec<(String, Vec<(crate::text::LocalizedText, u8)>)>,
}

#[cfg(test)]
mod tests;
