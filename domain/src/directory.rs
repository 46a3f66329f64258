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
    /// A live slot is on the schedule (asked for and approved).
    LiveSlot,
    /// A test broadcast went on the air.
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
}

/// What the database counts of a booth, for its readiness.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadinessFacts {
    /// The "about" text.
    pub about: LocalizedText,
    /// A logo is uploaded.
    pub has_logo: bool,
    /// Products listed.
    pub products: i64,
    /// Gallery files (not logos or banners).
    pub media: i64,
    /// A booth broadcast is on the schedule (approved, on air or over).
    pub live_slot: bool,
    /// A test broadcast went on the air.
    pub test_stream: bool,
}

/// An exhibitor's readiness: which steps are done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readiness {
    /// Each step and whether it is done.
    pub steps: Vec<(ReadinessItem, bool)>,
}

impl Readiness {
    /// From the facts the database counts.
    pub fn from_facts(facts: &ReadinessFacts) -> Self {
        let profile = facts.about.values.values().any(|t| !t.trim().is_empty());
        Self {
            steps: ReadinessItem::ALL
                .into_iter()
                .map(|i| {
                    let done = match i {
                        ReadinessItem::Profile => profile,
                        ReadinessItem::Logo => facts.has_logo,
                        ReadinessItem::Products => facts.products > 0,
                        ReadinessItem::Media => facts.media > 0,
                        ReadinessItem::LiveSlot => facts.live_slot,
                        ReadinessItem::TestStream => facts.test_stream,
                    };
                    (i, done)
                })
                .collect(),
        }
    }

    /// (done, total): steps done out of every step.
    pub fn score(&self) -> (usize, usize) {
        let done = self.steps.iter().filter(|(_, d)| *d).count();
        (done, self.steps.len())
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

/// Characters that make a spreadsheet read a cell as a formula when they open it, in every
/// locale: the ASCII ones, their full-width forms (which East Asian spreadsheet programs
/// accept as the same operators), and the control characters some programs skip first.
const FORMULA_STARTS: [char; 11] = [
    '=', '+', '-', '@', '\t', '\r', '\n', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// Makes a cell safe to open in a spreadsheet: text that a spreadsheet would run as a formula
/// gets a leading apostrophe. A cell counts as one when it starts with a formula character,
/// also after leading spaces (ASCII or ideographic) or quotes, since programs skip those
/// first. Exports quote every cell as well, so a separator inside a cell (`,` or the `;` that
/// European locales use) never splits it into a second cell starting with a formula.
pub fn spreadsheet_safe(s: &str) -> String {
    let start = s
        .trim_start_matches([' ', '\u{3000}', '"', '\''])
        .chars()
        .next();
    let leading = s.chars().next();
    if leading.is_some_and(|c| FORMULA_STARTS.contains(&c))
        || start.is_some_and(|c| FORMULA_STARTS.contains(&c))
    {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_counts_every_step() {
        let mut facts = ReadinessFacts {
            about: LocalizedText::new(crate::Locale::En, " "),
            has_logo: false,
            products: 0,
            media: 0,
            live_slot: false,
            test_stream: false,
        };
        assert_eq!(Readiness::from_facts(&facts).score(), (0, 6));
        facts.about = LocalizedText::new(crate::Locale::En, "We make pumps");
        facts.has_logo = true;
        facts.products = 3;
        facts.media = 2;
        assert_eq!(Readiness::from_facts(&facts).score(), (4, 6));
        facts.live_slot = true;
        facts.test_stream = true;
        let ready = Readiness::from_facts(&facts);
        assert_eq!(ready.score(), (6, 6));
        assert!(ready.steps.iter().all(|(_, done)| *done));
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+86 574"), "'+86 574");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("Ningbo"), "Ningbo");
        assert_eq!(spreadsheet_safe(""), "");
        // After spaces or quotes, full-width, and on a new line.
        assert_eq!(spreadsheet_safe("  =1+1"), "'  =1+1");
        assert_eq!(spreadsheet_safe("\"=cmd"), "'\"=cmd");
        assert_eq!(spreadsheet_safe("\u{3000}＝SUM(A1)"), "'\u{3000}＝SUM(A1)");
        assert_eq!(spreadsheet_safe("＋86"), "'＋86");
        assert_eq!(spreadsheet_safe("\n=x"), "'\n=x");
        // Text with a separator inside is left to the exporter's quoting.
        assert_eq!(spreadsheet_safe("Li;Wei"), "Li;Wei");
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
