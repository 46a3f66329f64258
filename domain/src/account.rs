//! Account values, each parsed once at the edge ("parse, don't validate").
//!
//! Every parse error is a [`FieldError`] carrying a Fluent message id, so the browser shows it
//! in the user's language.

use crate::error::{FieldError, ValidationErrors};
use crate::locale::Locale;
use serde::{Deserialize, Serialize};

/// Shortest accepted password, in characters.
pub const PASSWORD_MIN_CHARS: usize = 10;
/// Longest accepted password, in characters (bounds hashing cost).
pub const PASSWORD_MAX_CHARS: usize = 128;
/// Longest accepted display name, in characters.
pub const DISPLAY_NAME_MAX_CHARS: usize = 80;
/// Longest accepted company name, in characters.
pub const COMPANY_MAX_CHARS: usize = 120;

/// A syntactically valid e-mail address, trimmed and lower-cased.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// Parses an address and lower-cases it (people type their address in any case and expect
    /// to be recognised): one `@`, a non-empty local part without spaces, a domain with a dot
    /// and only letters, digits, `-` and `.`, at most 254 characters in all.
    pub fn parse(raw: &str) -> Result<Email, FieldError> {
        let err = || FieldError::new("email", "error-email-invalid");
        let s = raw.trim();
        if s.is_empty() {
            return Err(FieldError::new("email", "error-email-required"));
        }
        if s.chars().count() > 254 {
            return Err(err());
        }
        let (local, domain) = s.rsplit_once('@').ok_or_else(err)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.contains('@')
            && local
                .chars()
                .all(|c| !c.is_whitespace() && !c.is_control() && c != '<' && c != '>');
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if !local_ok || !domain_ok {
            return Err(err());
        }
        Ok(Email(format!("{local}@{domain}").to_lowercase()))
    }

    /// The address, ready to store and compare.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password that satisfies the length rules. Never logged, never serialized.
#[derive(Clone)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

impl Password {
    /// Length between [`PASSWORD_MIN_CHARS`] and [`PASSWORD_MAX_CHARS`] characters, not only
    /// whitespace, not equal to the e-mail address.
    pub fn parse(raw: &str, email: Option<&Email>) -> Result<Password, FieldError> {
        let n = raw.chars().count();
        if n < PASSWORD_MIN_CHARS {
            return Err(FieldError::new("password", "error-password-too-short"));
        }
        if n > PASSWORD_MAX_CHARS {
            return Err(FieldError::new("password", "error-password-too-long"));
        }
        if raw.trim().is_empty() {
            return Err(FieldError::new("password", "error-password-too-short"));
        }
        if email.is_some_and(|e| e.as_str().eq_ignore_ascii_case(raw.trim())) {
            return Err(FieldError::new("password", "error-password-is-email"));
        }
        Ok(Password(raw.to_owned()))
    }

    /// The secret, for hashing only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A person's name as shown to others: 1–80 characters, no control characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

impl DisplayName {
    /// Trims and checks the name.
    pub fn parse(raw: &str) -> Result<DisplayName, FieldError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(FieldError::new(
                "display_name",
                "error-display-name-required",
            ));
        }
        if s.chars().count() > DISPLAY_NAME_MAX_CHARS || s.chars().any(char::is_control) {
            return Err(FieldError::new(
                "display_name",
                "error-display-name-invalid",
            ));
        }
        Ok(DisplayName(s.to_owned()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An optional company name: empty means none; otherwise at most 120 characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyName(String);

impl CompanyName {
    /// Trims; `Ok(None)` when empty.
    pub fn parse_optional(raw: &str) -> Result<Option<CompanyName>, FieldError> {
        let s = raw.trim();
        if s.is_empty() {
            return Ok(None);
        }
        if s.chars().count() > COMPANY_MAX_CHARS || s.chars().any(char::is_control) {
            return Err(FieldError::new("company", "error-company-invalid"));
        }
        Ok(Some(CompanyName(s.to_owned())))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// ISO 3166-1 alpha-2 codes the registration form offers (the demo's buyer markets and the
/// largest trading nations). Others are refused so the directory's country facets stay clean.
pub const COUNTRIES: &[&str] = &[
    "AE", "AR", "AU", "BD", "BE", "BR", "CA", "CH", "CL", "CN", "CO", "CZ", "DE", "DK", "EG", "ES",
    "FI", "FR", "GB", "GR", "HK", "ID", "IE", "IL", "IN", "IR", "IT", "JP", "KE", "KR", "KZ", "MA",
    "MO", "MX", "MY", "NG", "NL", "NO", "NZ", "PE", "PH", "PK", "PL", "PT", "QA", "RO", "RU", "SA",
    "SE", "SG", "TH", "TR", "TW", "UA", "US", "UZ", "VN", "ZA",
];

/// A country code from [`COUNTRIES`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country(String);

impl Country {
    /// Upper-cases and checks the code against [`COUNTRIES`].
    pub fn parse(raw: &str) -> Result<Country, FieldError> {
        let s = raw.trim().to_ascii_uppercase();
        if s.is_empty() {
            return Err(FieldError::new("country", "error-country-required"));
        }
        if COUNTRIES.contains(&s.as_str()) {
            Ok(Country(s))
        } else {
            Err(FieldError::new("country", "error-country-invalid"))
        }
    }

    /// The two-letter code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A role a person holds in one expo (clause 2 of the standard).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Runs the expo.
    Organizer,
    /// Member of an exhibiting company.
    Exhibitor,
    /// Professional visitor with a company profile.
    Buyer,
    /// General public.
    Visitor,
    /// Legal adviser.
    Consultant,
    /// Interpreter.
    Interpreter,
    /// Technical support and on-call staff.
    Operator,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 7] = [
        Role::Organizer,
        Role::Exhibitor,
        Role::Buyer,
        Role::Visitor,
        Role::Consultant,
        Role::Interpreter,
        Role::Operator,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Organizer => "organizer",
            Role::Exhibitor => "exhibitor",
            Role::Buyer => "buyer",
            Role::Visitor => "visitor",
            Role::Consultant => "consultant",
            Role::Interpreter => "interpreter",
            Role::Operator => "operator",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Fluent id of the role's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::Organizer => "role-organizer",
            Role::Exhibitor => "role-exhibitor",
            Role::Buyer => "role-buyer",
            Role::Visitor => "role-visitor",
            Role::Consultant => "role-consultant",
            Role::Interpreter => "role-interpreter",
            Role::Operator => "role-operator",
        }
    }
}

/// A registration form as typed by the user (strings, untrusted).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationForm {
    /// E-mail address.
    pub email: String,
    /// Password.
    pub password: String,
    /// Name shown to others.
    pub display_name: String,
    /// Company (optional).
    pub company: String,
    /// ISO country code.
    pub country: String,
    /// Preferred interface language tag.
    pub language: String,
}

/// A registration whose every field is valid.
#[derive(Clone, Debug)]
pub struct Registration {
    /// E-mail address.
    pub email: Email,
    /// Password (to be hashed).
    pub password: Password,
    /// Display name.
    pub display_name: DisplayName,
    /// Company, if any.
    pub company: Option<CompanyName>,
    /// Country.
    pub country: Country,
    /// Preferred language.
    pub language: Locale,
}

impl RegistrationForm {
    /// Parses every field, reporting all failures at once.
    pub fn parse(&self) -> Result<Registration, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let email = errors.check(Email::parse(&self.email));
        let password = errors.check(Password::parse(&self.password, email.as_ref()));
        let display_name = errors.check(DisplayName::parse(&self.display_name));
        let company = errors.check(CompanyName::parse_optional(&self.company));
        let country = errors.check(Country::parse(&self.country));
        let language = errors.check(
            Locale::parse(&self.language)
                .ok_or_else(|| FieldError::new("language", "error-language-invalid")),
        );
        match (email, password, display_name, company, country, language) {
            (
                Some(email),
                Some(password),
                Some(display_name),
                Some(company),
                Some(country),
                Some(language),
            ) if errors.is_empty() => Ok(Registration {
                email,
                password,
                display_name,
                company,
                country,
                language,
            }),
            _ => Err(errors),
        }
    }
}

/// How long a password reset link works.
pub const RESET_LINK_MINUTES: i64 = 60;
/// Reset links one account can be sent per hour (more requests are answered the same way, but
/// no mail goes out).
pub const RESETS_PER_HOUR: i64 = 3;

/// The form that sets a new password from a reset link (strings, untrusted).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordResetForm {
    /// The token from the link.
    #[serde(default)]
    pub token: String,
    /// The new password.
    #[serde(default)]
    pub password: String,
    /// The new password again.
    #[serde(default)]
    pub confirm: String,
}

impl PasswordResetForm {
    /// The new password when it is acceptable and typed the same twice; a missing token is
    /// reported on the form, as an unusable link.
    pub fn parse(&self) -> Result<Password, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.token.trim().is_empty() {
            errors.0.push(FieldError::new("form", "reset-error-link"));
        }
        let password = errors.check(Password::parse(&self.password, None));
        if password.is_some() && self.password != self.confirm {
            errors
                .0
                .push(FieldError::new("confirm", "error-password-mismatch"));
        }
        match password {
            Some(p) if errors.0.is_empty() => Ok(p),
            _ => Err(errors),
        }
    }
}

/// The first pause of sign-ins to an account from one address, after the allowed failures.
pub const LOCK_BASE_SECS: i64 = 60;

/// How long sign-ins to one account from one address group stay paused after `failures`
/// failed attempts (from that address, within the window) when `allowed` are allowed: none
/// before, then one minute, doubling with each further failure, never longer than the window.
/// Only that address is paused: the owner signing in from elsewhere is never locked out.
pub fn lock_secs(failures: i64, allowed: i64, window_secs: i64) -> i64 {
    if failures < allowed {
        return 0;
    }
    let doublings = u32::try_from((failures - allowed).min(20)).unwrap_or(20);
    LOCK_BASE_SECS
        .saturating_mul(1_i64 << doublings)
        .min(window_secs.max(LOCK_BASE_SECS))
}

/// The group of client addresses that per-address throttles count together: an IPv4 address
/// alone, an IPv6 address by its /64 network (one subscriber or host usually holds a whole
/// /64, so counting single IPv6 addresses would let one machine rotate past any limit). An
/// IPv4-mapped IPv6 address counts as its IPv4 address; anything unparseable as it is.
pub fn address_group(ip: &str) -> String {
    match ip.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        Ok(std::net::IpAddr::V4(v4)) => v4.to_string(),
        Err(_) => ip.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_grows_with_each_failure_and_stops_at_the_window() {
        assert_eq!(lock_secs(2, 3, 600), 0);
        assert_eq!(lock_secs(3, 3, 600), 60);
        assert_eq!(lock_secs(4, 3, 600), 120);
        assert_eq!(lock_secs(5, 3, 600), 240);
        assert_eq!(lock_secs(7, 3, 600), 600);
        assert_eq!(lock_secs(500, 3, 600), 600);
    }

    #[test]
    fn ipv6_addresses_are_grouped_by_64() {
        assert_eq!(address_group("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(
            address_group("2001:db8:1:2:ffff:ffff:ffff:ffff"),
            "2001:db8:1:2::/64"
        );
        assert_ne!(
            address_group("2001:db8:1:3::1"),
            address_group("2001:db8:1:2::1")
        );
        assert_eq!(address_group("::ffff:192.0.2.7"), "192.0.2.7");
        assert_eq!(address_group("192.0.2.7"), "192.0.2.7");
        assert_eq!(address_group("unknown"), "unknown");
    }

    #[test]
    fn emails() {
        let ok = [
            "a@b.co",
            " Li.Wei+expo@Example.COM ",
            "王@例子.中国",
            "x@sub.domain-1.org",
        ];
        for e in ok {
            assert!(Email::parse(e).is_ok(), "{e}");
        }
        assert_eq!(
            Email::parse("Li@Example.COM").map(|e| e.as_str().to_owned()),
            Ok("li@example.com".into())
        );
        let bad = [
            "", "a", "a@", "@b.co", "a@b", "a b@c.de", "a@-b.co", "a@b..co", "<a>@b.co", "a@b.c_o",
        ];
        for e in bad {
            assert!(Email::parse(e).is_err(), "{e}");
        }
        assert_eq!(
            Email::parse("").unwrap_err().message_id,
            "error-email-required"
        );
        let long = format!("{}@example.com", "a".repeat(300));
        assert_eq!(
            Email::parse(&long).unwrap_err().message_id,
            "error-email-invalid"
        );
    }

    #[test]
    fn passwords() {
        let email = Email::parse("li@example.com").ok();
        assert_eq!(
            Password::parse("short", None).unwrap_err().message_id,
            "error-password-too-short"
        );
        assert_eq!(
            Password::parse("          ", None).unwrap_err().message_id,
            "error-password-too-short"
        );
        assert_eq!(
            Password::parse(&"x".repeat(129), None)
                .unwrap_err()
                .message_id,
            "error-password-too-long"
        );
        assert!(Password::parse(&"x".repeat(128), None).is_ok());
        assert!(
            Password::parse("长城长城长城长城长城", None).is_ok(),
            "ten CJK characters count as ten"
        );
        assert_eq!(
            Password::parse("li@example.com", email.as_ref())
                .unwrap_err()
                .message_id,
            "error-password-is-email"
        );
        assert_eq!(
            format!("{:?}", Password::parse("correct horse", None)),
            "Ok(Password(***))"
        );
    }

    #[test]
    fn registration_reports_every_field() {
        let form = RegistrationForm {
            email: "nope".into(),
            password: "x".into(),
            display_name: " ".into(),
            company: "".into(),
            country: "XX".into(),
            language: "klingon".into(),
        };
        let errs = form.parse().unwrap_err();
        assert_eq!(errs.for_field("email"), Some("error-email-invalid"));
        assert_eq!(errs.for_field("password"), Some("error-password-too-short"));
        assert_eq!(
            errs.for_field("display_name"),
            Some("error-display-name-required")
        );
        assert_eq!(errs.for_field("company"), None);
        assert_eq!(errs.for_field("country"), Some("error-country-invalid"));
        assert_eq!(errs.for_field("language"), Some("error-language-invalid"));
        let good = RegistrationForm {
            email: "li@example.com".into(),
            password: "long enough pw".into(),
            display_name: "Li Wei".into(),
            company: "Weihai Marine".into(),
            country: "cn".into(),
            language: "zh-CN".into(),
        };
        let reg = good.parse().expect("valid");
        assert_eq!(reg.country.as_str(), "CN");
        assert_eq!(reg.language, Locale::ZhCn);
    }

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn reset_form_needs_token_and_matching_passwords() {
        let ok = PasswordResetForm {
            token: "t".into(),
            password: "correct horse battery".into(),
            confirm: "correct horse battery".into(),
        };
        assert_eq!(ok.parse().unwrap().expose(), "correct horse battery");
        let ids = |f: &PasswordResetForm| -> Vec<String> {
            f.parse()
                .unwrap_err()
                .0
                .into_iter()
                .map(|e| e.message_id)
                .collect()
        };
        let mismatch = PasswordResetForm {
            confirm: "correct horse batterY".into(),
            ..ok.clone()
        };
        assert_eq!(ids(&mismatch), ["error-password-mismatch"]);
        let short = PasswordResetForm {
            password: "short".into(),
            confirm: "short".into(),
            ..ok.clone()
        };
        assert_eq!(ids(&short), ["error-password-too-short"]);
        let no_token = PasswordResetForm {
            token: " ".into(),
            ..ok
        };
        assert_eq!(ids(&no_token), ["reset-error-link"]);
    }
}

/// A person's account as the rest of the product sees it (no secrets).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserProfile {
    /// Id (UUIDv7 text).
    pub id: String,
    /// E-mail address.
    pub email: String,
    /// Name shown to others.
    pub display_name: String,
    /// Company, if any.
    pub company: Option<String>,
    /// ISO country code.
    pub country: String,
    /// Preferred interface language.
    pub language: Locale,
}
