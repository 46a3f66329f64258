//! The organizers' directories of exhibitors and of registered people, their filters, and the
//! table both the page and the CSV/XLSX exports are made from.

use crate::account::Role;
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// Rows on one page of a directory.
pub const DIRECTORY_PAGE: i64 = 50;
/// Most rows one export holds.
pub const EXPORT_MAX_ROWS: i64 = 100_000;

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
