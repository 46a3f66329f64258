//! Professional buyers (clause 3.1.4): the buyer profile a visitor fills in, the organizer's
//! verification, and contact details that exhibitors see only with the buyer's consent.
//!
//! Invariants: an exhibitor never receives a buyer's phone, WeChat or e-mail unless the buyer
//! consented ([`BuyerProfile::for_exhibitors`]); changing the company takes the verification back.

use crate::error::{FieldError, ValidationErrors};
use serde::{Deserialize, Serialize};

/// Longest company name or job role (characters).
pub const MAX_TEXT: usize = 200;
/// Most industries and most countries one profile names.
pub const MAX_CHOICES: usize = 12;
/// Buyers on one page of the buyer directory.
pub const BUYER_PAGE: i64 = 50;

/// How much a buyer purchases a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Volume {
    /// Under 100,000 US dollars.
    Under100k,
    /// 100,000 to 1 million.
    From100k,
    /// 1 to 10 million.
    From1m,
    /// Over 10 million.
    Over10m,
}

impl Volume {
    /// Every band, smallest first.
    pub const ALL: [Volume; 4] = [
        Volume::Under100k,
        Volume::From100k,
        Volume::From1m,
        Volume::Over10m,
    ];

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Volume::Under100k => "under_100k",
            Volume::From100k => "100k_1m",
            Volume::From1m => "1m_10m",
            Volume::Over10m => "over_10m",
        }
    }

    /// Parses [`Volume::as_str`]'s form.
    pub fn parse(s: &str) -> Option<Volume> {
        Volume::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }

    /// The Fluent id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            Volume::Under100k => "buyer-volume-under-100k",
            Volume::From100k => "buyer-volume-100k-1m",
            Volume::From1m => "buyer-volume-1m-10m",
            Volume::Over10m => "buyer-volume-over-10m",
        }
    }
}

/// The buyer profile form, as submitted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerInput {
    /// Company.
    #[serde(default)]
    pub company: String,
    /// The buyer's role in the company (purchasing manager, …).
    #[serde(default)]
    pub job_role: String,
    /// Industry keys the buyer purchases in (one value per checked box, or comma-separated).
    #[serde(default)]
    pub interests: Vec<String>,
    /// Yearly purchase volume ([`Volume::as_str`]).
    #[serde(default)]
    pub volume: String,
    /// ISO codes of the countries the buyer sources from.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Phone, optional.
    #[serde(default)]
    pub phone: String,
    /// WeChat id, optional.
    #[serde(default)]
    pub wechat: String,
    /// "on" when the buyer lets exhibitors see the contact details.
    #[serde(default)]
    pub consent: String,
}

/// A checked buyer profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerForm {
    /// Company.
    pub company: String,
    /// Role in the company.
    pub job_role: String,
    /// Industry keys, at least one.
    pub interests: Vec<String>,
    /// Purchase volume.
    pub volume: Volume,
    /// Source countries (ISO codes), possibly none.
    pub countries: Vec<String>,
    /// Phone (digits, spaces, `+ - ( )`) or empty.
    pub phone: String,
    /// WeChat id (6–20 letters, digits, `_ -`, starting with a letter) or empty.
    pub wechat: String,
    /// Whether exhibitors may see the contact details.
    pub consent: bool,
}

fn short_text(field: &str, value: &str, errors: &mut ValidationErrors) -> String {
    let v = value.trim();
    if v.is_empty() {
        errors
            .0
            .push(FieldError::new(field, "buyer-error-required"));
    } else if v.chars().count() > MAX_TEXT {
        errors
            .0
            .push(FieldError::new(field, "buyer-error-too-long"));
    } else if v.chars().any(char::is_control) {
        errors
            .0
            .push(FieldError::new(field, "buyer-error-characters"));
    }
    v.to_owned()
}

/// Splits checked boxes or a comma-separated list into distinct trimmed keys.
pub fn split_keys(values: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values.iter().flat_map(|s| s.split([',', ';', '，', '、'])) {
        let v = v.trim();
        if !v.is_empty() && !out.iter().any(|x| x == v) {
            out.push(v.to_owned());
        }
    }
    out
}

/// Checks a phone number (`None` when refused): empty, or 6–20 digits with spaces and `+ - ( )`.
pub fn parse_phone(raw: &str) -> Option<String> {
    let p = raw.trim();
    let digits = p.chars().filter(char::is_ascii_digit).count();
    if p.is_empty()
        || ((6..=20).contains(&digits)
            && p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)))
    {
        Some(p.to_owned())
    } else {
        None
    }
}

/// Checks a WeChat id (`None` when refused): empty, or 6–20 characters of ASCII letters, digits, `_` and `-`,
/// beginning with a letter (WeChat's own rule for ids).
pub fn parse_wechat(raw: &str) -> Option<String> {
    let w = raw.trim();
    let ok = w.is_empty()
        || ((6..=20).contains(&w.len())
            && w.starts_with(|c: char| c.is_ascii_alphabetic())
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
    ok.then(|| w.to_owned())
}

impl BuyerInput {
    /// Checks every field at once.
    pub fn validate(&self) -> Result<BuyerForm, Vec<FieldError>> {
        let mut errors = ValidationErrors::default();
        let company = short_text("company", &self.company, &mut errors);
        let job_role = short_text("job_role", &self.job_role, &mut errors);
        let interests = split_keys(&self.interests);
        if interests.is_empty()
            || interests.len() > MAX_CHOICES
            || interests
                .iter()
                .any(|i| !crate::expo::INDUSTRIES.contains(&i.as_str()))
        {
            errors
                .0
                .push(FieldError::new("interests", "buyer-error-interests"));
        }
        let volume = Volume::parse(&self.volume);
        if volume.is_none() {
            errors
                .0
                .push(FieldError::new("volume", "buyer-error-volume"));
        }
        let countries: Vec<String> = split_keys(&self.countries)
            .into_iter()
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if countries.len() > MAX_CHOICES
            || countries
                .iter()
                .any(|c| !crate::account::COUNTRIES.contains(&c.as_str()))
        {
            errors
                .0
                .push(FieldError::new("countries", "buyer-error-countries"));
        }
        let phone = parse_phone(&self.phone).unwrap_or_else(|| {
            errors.0.push(FieldError::new("phone", "buyer-error-phone"));
            String::new()
        });
        let wechat = parse_wechat(&self.wechat).unwrap_or_else(|| {
            errors
                .0
                .push(FieldError::new("wechat", "buyer-error-wechat"));
            String::new()
        });
        let consent = matches!(self.consent.trim(), "on" | "true" | "yes" | "1");
        match volume {
            Some(volume) if errors.is_empty() => Ok(BuyerForm {
                company,
                job_role,
                interests,
                volume,
                countries,
                phone,
                wechat,
                consent,
            }),
            _ => Err(errors.0),
        }
    }
}

/// A buyer's profile as the buyer, the organizer and (through
/// [`BuyerProfile::for_exhibitors`]) exhibitors see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerProfile {
    /// The person.
    pub user_id: String,
    /// Their name.
    pub display_name: String,
    /// Their account's e-mail (empty when hidden).
    pub email: String,
    /// Their country (ISO code).
    pub country: String,
    /// The checked profile (contact fields empty when hidden).
    pub form: BuyerForm,
    /// When an organizer verified the buyer, if one did.
    pub verified_at: Option<i64>,
    /// When the profile last changed.
    pub updated_at: i64,
}

impl BuyerProfile {
    /// Whether the verified badge shows.
    pub fn verified(&self) -> bool {
        self.verified_at.is_some()
    }

    /// What an exhibitor may see: everything but the contact details, which only with consent.
    pub fn for_exhibitors(mut self) -> BuyerProfile {
        if !self.form.consent {
            self.email.clear();
            self.form.phone.clear();
            self.form.wechat.clear();
        }
        self
    }
}

/// The buyer directory's filters, from query parameters (blank means any).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerFilter {
    /// Name, company or role contains this (lower-cased).
    pub text: Option<String>,
    /// The buyer's country.
    pub country: Option<String>,
    /// The buyer purchases in this industry.
    pub interest: Option<String>,
    /// Only verified (`Some(true)`) or only waiting (`Some(false)`) buyers.
    pub verified: Option<bool>,
}

impl BuyerFilter {
    /// From the page's query values; unknown values are ignored rather than refused.
    pub fn from_query(text: &str, country: &str, interest: &str, verified: &str) -> Self {
        let text = text.trim();
        let country = country.trim().to_ascii_uppercase();
        let interest = interest.trim();
        Self {
            text: (!text.is_empty())
                .then(|| text.chars().take(100).collect::<String>().to_lowercase()),
            country: crate::account::COUNTRIES
                .contains(&country.as_str())
                .then_some(country),
            interest: crate::expo::INDUSTRIES
                .contains(&interest)
                .then(|| interest.to_owned()),
            verified: match verified.trim() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> BuyerInput {
        BuyerInput {
            company: "Nordic Marine AS".into(),
            job_role: "Purchasing manager".into(),
            interests: vec!["marine".into()],
            volume: "1m_10m".into(),
            countries: vec!["cn,kr".into()],
            phone: "+47 22 00 00 00".into(),
            wechat: "nordic_buyer".into(),
            consent: "on".into(),
        }
    }

    #[test]
    fn a_good_profile_is_accepted() {
        let f = input().validate().unwrap();
        assert_eq!(f.countries, ["CN", "KR"]);
        assert_eq!(f.volume, Volume::From1m);
        assert!(f.consent);
    }

    #[test]
    fn every_bad_field_is_reported() {
        let bad = BuyerInput {
            company: " ".into(),
            job_role: "x".repeat(MAX_TEXT + 1),
            interests: vec!["weapons".into()],
            volume: "lots".into(),
            countries: vec!["XX".into()],
            phone: "call me".into(),
            wechat: "1abc".into(),
            consent: String::new(),
        };
        let errors = bad.validate().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "company",
                "job_role",
                "interests",
                "volume",
                "countries",
                "phone",
                "wechat"
            ]
        );
    }

    #[test]
    fn contact_details_reach_exhibitors_only_with_consent() {
        let profile = |consent| BuyerProfile {
            user_id: "u".into(),
            display_name: "Kari".into(),
            email: "kari@example.no".into(),
            country: "NO".into(),
            form: BuyerForm {
                consent,
                ..input().validate().unwrap()
            },
            verified_at: None,
            updated_at: 0,
        };
        let hidden = profile(false).for_exhibitors();
        assert!(
            hidden.email.is_empty()
                && hidden.form.phone.is_empty()
                && hidden.form.wechat.is_empty()
        );
        assert_eq!(hidden.form.company, "Nordic Marine AS");
        let shown = profile(true).for_exhibitors();
        assert_eq!(shown.form.wechat, "nordic_buyer");
        assert_eq!(shown.email, "kari@example.no");
    }

    #[test]
    fn wechat_and_phone_rules() {
        assert!(parse_wechat("").is_some());
        assert!(parse_wechat("wxid_abc-12").is_some());
        assert!(parse_wechat("ab").is_none());
        assert!(parse_wechat("王小明abcdef").is_none());
        assert!(parse_phone("").is_some());
        assert!(parse_phone("+86 (21) 5555-0101").is_some());
        assert!(parse_phone("12345").is_none());
    }
}
