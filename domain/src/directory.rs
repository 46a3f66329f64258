//! The organizers' directories of exhibitors and of registered people, their filters, and the
//! table both the page and the CSV/XLSX exports are made from.

use crate::account::Role;
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// Rows on one page of a directory.
pub const DIRECTORY_PAGE: i64 = 50;
/// Most rows one export holds.
pub const EXPORT_MAX_ROWS: i64 = 100_000;

/// One step of an exhibitor's readiness for the expo.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadinessItem {
    /// The "about" text is written.
    Profile,
    /// A logo is uploaded.
    Logo,
    /// At least one product is listed.
    Products,
    /// At least one picture, video, model or panorama is in the gallery.
    Media,
    /// A live slot is booked (comes with live streaming).
    LiveSlot,
    /// A test stream was made (comes with live streaming).
    TestStream,
}

impl ReadinessItem {
    /// Every step, in the order the checklist shows them.
    pub const ALL: [ReadinessItem; 6] = [
        ReadinessItem::Profile,
        ReadinessItem::Logo,
        ReadinessItem::Products,
        ReadinessItem::Media,
        ReadinessItem::LiveSlot,
        ReadinessItem::TestStream,
    ];

    /// The Fluent id of the step.
    pub fn message_id(self) -> &'static str {
        match self {
            ReadinessItem::Profile => "ready-profile",
            ReadinessItem::Logo => "ready-logo",
            ReadinessItem::Products => "ready-products",
            ReadinessItem::Media => "ready-media",
            ReadinessItem::LiveSlot => "ready-live-slot",
            ReadinessItem::TestStream => "ready-test-stream",
        }
    }

    /// Whether the step can be done on the platform yet (live streaming is not built).
    pub fn available(self) -> bool {
        !matches!(self, ReadinessItem::LiveSlot | ReadinessItem::TestStream)
    }
}

/// An exhibitor's readiness: which steps are done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readiness {
    /// Each step and whether it is done.
    pub steps: Vec<(ReadinessItem, bool)>,
}

impl Readiness {
    /// From the facts the database counts.
    pub fn from_facts(about: &LocalizedText, has_logo: bool, products: i64, media: i64) -> Self {
        let profile = about.values.values().any(|t| !t.trim().is_empty());
        Self {
            steps: ReadinessItem::ALL
                .into_iter()
                .map(|i| {
                    let done = match i {
                        ReadinessItem::Profile => profile,
                        ReadinessItem::Logo => has_logo,
                        ReadinessItem::Products => products > 0,
                        ReadinessItem::Media => media > 0,
                        ReadinessItem::LiveSlot | ReadinessItem::TestStream => false,
                    };
                    (i, done)
                })
                .collect(),
        }
    }

    /// (done, possible): steps done out of the steps that can be done now.
    pub fn score(&self) -> (usize, usize) {
        let possible = self.steps.iter().filter(|(i, _)| i.available()).count();
        let done = self.steps.iter().filter(|(_, d)| *d).count();
        (done, possible)
    }
}

/// An exhibitor as the directory lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExhibitorEntry {
    /// Exhibitor id.
    pub id: String,
    /// Company name.
    pub name: LocalizedText,
    /// ISO country code.
    pub country: String,
    /// Hall name, if placed.
    pub hall: Option<LocalizedText>,
    /// Booth code, if it has a booth.
    pub booth_code: Option<String>,
    /// Products shown.
    pub products: i64,
    /// Team members' e-mail addresses.
    pub team: Vec<String>,
    /// Web site.
    pub website: String,
    /// How ready the booth is.
    pub readiness: Readiness,
}

/// A registered person as the directory lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonEntry {
    /// Account id.
    pub id: String,
    /// Name shown to others.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Company, if given.
    pub company: Option<String>,
    /// ISO country code.
    pub country: String,
    /// Interface language tag.
    pub language: String,
    /// Roles in the expo.
    pub roles: Vec<Role>,
    /// When they registered (UTC milliseconds).
    pub registered_at: i64,
}

/// Filters of the directories; every field optional, unknown values ignored by the caller.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryFilter {
    /// Text in the name, company or e-mail.
    pub text: Option<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// Hall slug (exhibitors).
    pub hall: Option<String>,
    /// Role (people).
    pub role: Option<Role>,
}

impl DirectoryFilter {
    /// Reads the query's values: text trimmed to 100 characters, a country that exists, a hall
    /// slug of the right shape, a known role; anything else is no filter.
    pub fn from_query(text: &str, country: &str, hall: &str, role: &str) -> Self {
        let text: String = text.trim().chars().take(100).collect();
        let country = country.trim().to_ascii_uppercase();
        let hall = hall.trim();
        Self {
            text: (!text.is_empty()).then_some(text),
            country: crate::account::COUNTRIES
                .contains(&country.as_str())
                .then_some(country),
            hall: (!hall.is_empty()
                && hall.len() <= 60
                && hall
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
            .then(|| hall.to_owned()),
            role: Role::parse(role.trim()),
        }
    }
}

/// Makes a cell safe to open in a spreadsheet: text that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe.
pub fn spreadsheet_safe(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_counts_what_can_be_done() {
        let empty = Readiness::from_facts(&LocalizedText::new(crate::Locale::En, " "), false, 0, 0);
        assert_eq!(empty.score(), (0, 4));
        let ready = Readiness::from_facts(
            &LocalizedText::new(crate::Locale::En, "We make pumps"),
            true,
            3,
            2,
        );
        assert_eq!(ready.score(), (4, 4));
        assert!(ready.steps.iter().all(|(i, done)| *done == i.available()));
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+86 574"), "'+86 574");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("Ningbo"), "Ningbo");
        assert_eq!(spreadsheet_safe(""), "");
    }

    #[test]
    fn filters_keep_only_what_makes_sense() {
        let f = DirectoryFilter::from_query("  marine ", "cn", "marine", "buyer");
        assert_eq!(f.text.as_deref(), Some("marine"));
        assert_eq!(f.country.as_deref(), Some("CN"));
        assert_eq!(f.hall.as_deref(), Some("marine"));
        assert_eq!(f.role, Some(Role::Buyer));
        let f = DirectoryFilter::from_query("", "XX", "../etc", "king");
        assert_eq!(f, DirectoryFilter::default());
        let long = "长".repeat(300);
        let f = DirectoryFilter::from_query(&long, "", "", "");
        assert_eq!(f.text.map(|t| t.chars().count()), Some(100));
    }
}
