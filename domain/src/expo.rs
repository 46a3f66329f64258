//! What the landing page shows of an expo: its name, dates, halls with counts, featured
//! exhibitors. The full hall/booth model grows from here.

use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// An expo as listed on its landing page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpoSummary {
    /// Id (UUIDv7 text).
    pub id: String,
    /// URL slug.
    pub slug: String,
    /// Name in several languages.
    pub name: LocalizedText,
    /// Tagline in several languages.
    pub tagline: LocalizedText,
    /// First day, `YYYY-MM-DD` in the expo's time zone.
    pub starts_on: String,
    /// Last day, `YYYY-MM-DD`.
    pub ends_on: String,
    /// IANA time zone of the expo.
    pub time_zone: String,
}

/// A hall by industry, with what it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HallSummary {
    /// Id.
    pub id: String,
    /// URL slug.
    pub slug: String,
    /// Name.
    pub name: LocalizedText,
    /// Industry category key (`marine`, `food`, …).
    pub industry: String,
    /// Number of exhibitors with a booth in the hall.
    pub exhibitor_count: i64,
    /// Number of products those exhibitors show.
    pub product_count: i64,
}

/// An exhibitor card on the landing page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExhibitorCard {
    /// Id.
    pub id: String,
    /// Company name.
    pub name: LocalizedText,
    /// ISO country code.
    pub country: String,
    /// Hall name.
    pub hall_name: LocalizedText,
    /// Number of products.
    pub product_count: i64,
}

/// Everything the landing page needs, in one response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpoLanding {
    /// The expo.
    pub expo: ExpoSummary,
    /// Its halls, in display order.
    pub halls: Vec<HallSummary>,
    /// A few exhibitors.
    pub featured: Vec<ExhibitorCard>,
    /// Totals across the expo.
    pub exhibitor_total: i64,
    /// Product total.
    pub product_total: i64,
    /// The live headline figures, when the organizer shows them.
    #[serde(default)]
    pub headline: Option<crate::analytics::Headline>,
}

/// Industry categories of halls; each has a Fluent name `industry-<key>`.
pub const INDUSTRIES: [&str; 6] = [
    "marine",
    "food",
    "textiles",
    "medical",
    "auto",
    "electronics",
];
