//! Exhibitor applications: what a company submits to exhibit, the review state machine, and
//! where an approved company's booth goes on the hall plan.
//!
//! Invariants: a status changes only through [`transition`]; approved, rejected and withdrawn
//! applications are final; a refusal or a request for changes always carries a reason.

use crate::error::{FieldError, ValidationErrors};
use crate::hall::Rect;
use serde::{Deserialize, Serialize};

/// Longest company name, contact name, licence number (characters).
pub const MAX_SHORT: usize = 200;
/// Longest product summary or reason (characters).
pub const MAX_LONG: usize = 4_000;
/// Most industries one application may name.
pub const MAX_INDUSTRIES: usize = 6;

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    /// Waiting for the organizer's review.
    Submitted,
    /// The organizer asked the applicant to change something.
    ChangesRequested,
    /// Accepted: the company exhibits, with a booth.
    Approved,
    /// Refused, with a reason.
    Rejected,
    /// Taken back by the applicant.
    Withdrawn,
}

impl ApplicationStatus {
    /// Every status, in queue order.
    pub const ALL: [ApplicationStatus; 5] = [
        ApplicationStatus::Submitted,
        ApplicationStatus::ChangesRequested,
        ApplicationStatus::Approved,
        ApplicationStatus::Rejected,
        ApplicationStatus::Withdrawn,
    ];

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::ChangesRequested => "changes_requested",
            ApplicationStatus::Approved => "approved",
            ApplicationStatus::Rejected => "rejected",
            ApplicationStatus::Withdrawn => "withdrawn",
        }
    }

    /// Parses [`ApplicationStatus::as_str`]'s form.
    pub fn parse(s: &str) -> Option<ApplicationStatus> {
        ApplicationStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The Fluent id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            ApplicationStatus::Submitted => "apply-status-submitted",
            ApplicationStatus::ChangesRequested => "apply-status-changes-requested",
            ApplicationStatus::Approved => "apply-status-approved",
            ApplicationStatus::Rejected => "apply-status-rejected",
            ApplicationStatus::Withdrawn => "apply-status-withdrawn",
        }
    }

    /// Still open: the applicant may not start another application beside it.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Submitted | ApplicationStatus::ChangesRequested
        )
    }
}

/// Something done to an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The applicant sends it again after changing it.
    Resubmit,
    /// The applicant takes it back.
    Withdraw,
    /// The organizer accepts it.
    Approve,
    /// The organizer refuses it.
    Reject,
    /// The organizer asks for changes.
    RequestChanges,
}

impl Decision {
    /// Every decision.
    pub const ALL: [Decision; 5] = [
        Decision::Resubmit,
        Decision::Withdraw,
        Decision::Approve,
        Decision::Reject,
        Decision::RequestChanges,
    ];

    /// Whether the organizer (not the applicant) makes it.
    pub fn by_organizer(self) -> bool {
        matches!(
            self,
            Decision::Approve | Decision::Reject | Decision::RequestChanges
        )
    }

    /// Whether it must say why.
    pub fn needs_reason(self) -> bool {
        matches!(self, Decision::Reject | Decision::RequestChanges)
    }

    /// The audit log's action name.
    pub fn audit_action(self) -> &'static str {
        match self {
            Decision::Resubmit => "application.resubmit",
            Decision::Withdraw => "application.withdraw",
            Decision::Approve => "application.approve",
            Decision::Reject => "application.reject",
            Decision::RequestChanges => "application.request_changes",
        }
    }
}

/// The status after `decision`, or `None` when it is not allowed from `from`.
pub fn transition(from: ApplicationStatus, decision: Decision) -> Option<ApplicationStatus> {
    use ApplicationStatus as S;
    match (from, decision) {
        (S::ChangesRequested, Decision::Resubmit) => Some(S::Submitted),
        (S::Submitted | S::ChangesRequested, Decision::Withdraw) => Some(S::Withdrawn),
        (S::Submitted, Decision::Approve) => Some(S::Approved),
        (S::Submitted | S::ChangesRequested, Decision::Reject) => Some(S::Rejected),
        (S::Submitted, Decision::RequestChanges) => Some(S::ChangesRequested),
        _ => None,
    }
}

/// The application form, as submitted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationInput {
    /// Company name.
    #[serde(default)]
    pub company: String,
    /// ISO country code.
    #[serde(default)]
    pub country: String,
    /// Industry keys, separated by commas (a form sends checked boxes as one value each;
    /// the page joins them).
    #[serde(default)]
    pub industries: Vec<String>,
    /// Business licence (registration) number.
    #[serde(default)]
    pub license_no: String,
    /// What the company would show.
    #[serde(default)]
    pub product_summary: String,
    /// Contact person.
    #[serde(default)]
    pub contact_name: String,
    /// Contact e-mail.
    #[serde(default)]
    pub contact_email: String,
    /// Contact phone.
    #[serde(default)]
    pub contact_phone: String,
    /// Web site, optional.
    #[serde(default)]
    pub website: String,
}

/// A checked application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    /// Company name.
    pub company: String,
    /// ISO country code.
    pub country: String,
    /// Industry keys.
    pub industries: Vec<String>,
    /// Licence number, upper-cased, inner spaces removed.
    pub license_no: String,
    /// What the company would show.
    pub product_summary: String,
    /// Contact person.
    pub contact_name: String,
    /// Contact e-mail, lower-cased.
    pub contact_email: String,
    /// Contact phone (digits, spaces, `+ - ( )`).
    pub contact_phone: String,
    /// Web site (`https://…`), or empty.
    pub website: String,
}

fn text(field: &str, value: &str, max: usize, errors: &mut ValidationErrors) -> String {
    let v = value.trim();
    // Line breaks only where a text has lines (the summary); names go into e-mail subjects,
    // exhibitor names and exports.
    let multiline = field == "product_summary";
    if v.is_empty() {
        errors
            .0
            .push(FieldError::new(field, "apply-error-required"));
    } else if v.chars().count() > max {
        errors
            .0
            .push(FieldError::new(field, "apply-error-too-long"));
    } else if v
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r')))
    {
        errors
            .0
            .push(FieldError::new(field, "apply-error-characters"));
    }
    v.to_owned()
}

impl ApplicationInput {
    /// Checks every field at once.
    pub fn validate(&self) -> Result<ApplicationForm, Vec<FieldError>> {
        let mut errors = ValidationErrors::default();
        let company = text("company", &self.company, MAX_SHORT, &mut errors);
        let country = self.country.trim().to_ascii_uppercase();
        if !crate::account::COUNTRIES.contains(&country.as_str()) {
            errors
                .0
                .push(FieldError::new("country", "apply-error-country"));
        }
        let mut industries: Vec<String> = Vec::new();
        for i in self.industries.iter().flat_map(|s| s.split(',')) {
            let i = i.trim();
            if i.is_empty() {
                continue;
            }
            if !crate::expo::INDUSTRIES.contains(&i) {
                errors
                    .0
                    .push(FieldError::new("industries", "apply-error-industry"));
                break;
            }
            if !industries.iter().any(|x| x == i) {
                industries.push(i.to_owned());
            }
        }
        if industries.is_empty() && errors.for_field("industries").is_none() {
            errors
                .0
                .push(FieldError::new("industries", "apply-error-industry"));
        }
        industries.truncate(MAX_INDUSTRIES);
        let license_no: String = self
            .license_no
            .split_whitespace()
            .collect::<String>()
            .to_ascii_uppercase();
        if license_no.len() < 4
            || license_no.len() > 40
            || !license_no
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '/')
        {
            errors
                .0
                .push(FieldError::new("license_no", "apply-error-license"));
        }
        let product_summary = text(
            "product_summary",
            &self.product_summary,
            MAX_LONG,
            &mut errors,
        );
        let contact_name = text("contact_name", &self.contact_name, MAX_SHORT, &mut errors);
        let contact_email = match crate::account::Email::parse(&self.contact_email) {
            Ok(e) => e.as_str().to_owned(),
            Err(_) => {
                errors
                    .0
                    .push(FieldError::new("contact_email", "apply-error-email"));
                String::new()
            }
        };
        let contact_phone = self.contact_phone.trim().to_owned();
        let digits = contact_phone.chars().filter(char::is_ascii_digit).count();
        if !(6..=20).contains(&digits)
            || !contact_phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()".contains(c))
        {
            errors
                .0
                .push(FieldError::new("contact_phone", "apply-error-phone"));
        }
        let website = self.website.trim().to_owned();
        if !website.is_empty()
            && (!(website.starts_with("https://") || website.starts_with("http://"))
                || website.len() > 300
                || website.contains(char::is_whitespace))
        {
            errors
                .0
                .push(FieldError::new("website", "apply-error-website"));
        }
        if !errors.is_empty() {
            return Err(errors.0);
        }
        Ok(ApplicationForm {
            company,
            country,
            industries,
            license_no,
            product_summary,
            contact_name,
            contact_email,
            contact_phone,
            website,
        })
    }
}

/// Checks a reason for refusing or asking for changes.
pub fn parse_reason(reason: &str) -> Result<String, FieldError> {
    let r = reason.trim();
    if r.is_empty() {
        return Err(FieldError::new("reason", "apply-error-reason"));
    }
    if r.chars().count() > MAX_LONG {
        return Err(FieldError::new("reason", "apply-error-too-long"));
    }
    Ok(r.to_owned())
}

/// Checks a booth code (`M-11`): 1–12 letters, digits and dashes, upper-cased.
pub fn parse_booth_code(code: &str) -> Result<String, FieldError> {
    let c = code.trim().to_ascii_uppercase();
    if c.is_empty() || c.len() > 12 || !c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
    {
        return Err(FieldError::new("booth_code", "apply-error-booth-code"));
    }
    Ok(c)
}

/// An application as the applicant and the organizer see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    /// Id.
    pub id: String,
    /// Who applied.
    pub applicant_id: String,
    /// Their name.
    pub applicant_name: String,
    /// The form.
    pub form: ApplicationForm,
    /// Where it stands.
    pub status: ApplicationStatus,
    /// The organizer's last reason (refusal, changes asked for).
    pub reason: Option<String>,
    /// The exhibitor created on approval.
    pub exhibitor_id: Option<String>,
    /// The booth code given on approval.
    pub booth_code: Option<String>,
    /// When it was first submitted (UTC milliseconds).
    pub created_at: i64,
    /// When it last changed.
    pub updated_at: i64,
}

/// Where a new booth of `width` × `height` goes on a hall plan: the first free spot, row by
/// row on a 20-unit grid inside a 40-unit margin, touching no other booth (an aisle of at
/// least 20 units stays around it). `None` when the hall is full.
pub fn free_spot(
    plan_width: i64,
    plan_height: i64,
    taken: &[Rect],
    width: i64,
    height: i64,
) -> Option<Rect> {
    const MARGIN: i64 = 40;
    const STEP: i64 = 20;
    const AISLE: i64 = 20;
    let mut y = MARGIN;
    while y + height <= plan_height - MARGIN / 2 {
        let mut x = MARGIN;
        while x + width <= plan_width - MARGIN / 2 {
            let spot = Rect {
                x,
                y,
                width,
                height,
            };
            let padded = Rect {
                x: x - AISLE,
                y: y - AISLE,
                width: width + 2 * AISLE,
                height: height + 2 * AISLE,
            };
            if taken.iter().all(|t| !padded.overlaps(t)) {
                return Some(spot);
            }
            x += STEP;
        }
        y += STEP;
    }
    None
}

/// The size of a new standard booth on a plan `plan_width` wide (a fifth of the usable width,
/// as the demo layout's cells).
pub fn standard_booth_size(plan_width: i64) -> (i64, i64) {
    (((plan_width - 80 - 4 * 40) / 5).max(60), 140)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationStatus as S;

    #[test]
    fn every_transition_is_decided() {
        let allowed = [
            (S::ChangesRequested, Decision::Resubmit, S::Submitted),
            (S::Submitted, Decision::Withdraw, S::Withdrawn),
            (S::ChangesRequested, Decision::Withdraw, S::Withdrawn),
            (S::Submitted, Decision::Approve, S::Approved),
            (S::Submitted, Decision::Reject, S::Rejected),
            (S::ChangesRequested, Decision::Reject, S::Rejected),
            (S::Submitted, Decision::RequestChanges, S::ChangesRequested),
        ];
        for from in S::ALL {
            for d in Decision::ALL {
                let expected = allowed
                    .iter()
                    .find(|(f, dd, _)| *f == from && *dd == d)
                    .map(|(_, _, to)| *to);
                assert_eq!(transition(from, d), expected, "{from:?} {d:?}");
            }
        }
        for end in [S::Approved, S::Rejected, S::Withdrawn] {
            assert!(!end.is_open());
            assert!(Decision::ALL.iter().all(|d| transition(end, *d).is_none()));
        }
        for s in S::ALL {
            assert_eq!(S::parse(s.as_str()), Some(s));
        }
    }

    fn good() -> ApplicationInput {
        ApplicationInput {
            company: " Haiyang Pumps Co. ".into(),
            country: "cn".into(),
            industries: vec!["marine,auto".into(), "marine".into()],
            license_no: "91330 200MA2 8X".into(),
            product_summary: "Marine pumps".into(),
            contact_name: "Zhou".into(),
            contact_email: "Zhou@Example.com".into(),
            contact_phone: "+86 574 1234 5678".into(),
            website: "https://pumps.example".into(),
        }
    }

    #[test]
    fn a_good_form_is_normalized() {
        let f = good().validate().expect("valid");
        assert_eq!(f.company, "Haiyang Pumps Co.");
        assert_eq!(f.country, "CN");
        assert_eq!(f.industries, vec!["marine", "auto"]);
        assert_eq!(f.license_no, "91330200MA28X");
        assert_eq!(f.contact_email, "zhou@example.com");
    }

    #[test]
    fn every_bad_field_is_named() {
        let broken = ApplicationInput {
            company: "Evil\r\nBcc: x@example.com".into(),
            product_summary: "Line one\nLine two".into(),
            ..good()
        };
        let errors = broken.validate().expect_err("a line break in a name");
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].field.as_str(), errors[0].message_id.as_str()),
            ("company", "apply-error-characters")
        );
        let bad = ApplicationInput {
            company: "".into(),
            country: "XX".into(),
            industries: vec!["space".into()],
            license_no: "<script>".into(),
            product_summary: "x".repeat(MAX_LONG + 1),
            contact_name: "  ".into(),
            contact_email: "not-mail".into(),
            contact_phone: "call me".into(),
            website: "javascript:alert(1)".into(),
        };
        let errors = bad.validate().expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "company",
                "country",
                "industries",
                "license_no",
                "product_summary",
                "contact_name",
                "contact_email",
                "contact_phone",
                "website"
            ]
        );
        let none = ApplicationInput {
            industries: vec![],
            ..good()
        };
        assert_eq!(
            none.validate().expect_err("no industry")[0].message_id,
            "apply-error-industry"
        );
        assert!(parse_reason("  ").is_err());
        assert_eq!(
            parse_reason(" Licence unreadable ").as_deref(),
            Ok("Licence unreadable")
        );
        assert_eq!(parse_booth_code(" m-11 ").as_deref(), Ok("M-11"));
        assert!(parse_booth_code("M 11").is_err());
        assert!(parse_booth_code("").is_err());
    }

    #[test]
    fn free_spots_keep_aisles_and_fill_up() {
        let (w, h) = standard_booth_size(1200);
        assert_eq!((w, h), (192, 140));
        let mut taken = Vec::new();
        while let Some(spot) = free_spot(1200, 700, &taken, w, h) {
            assert!(spot.fits(1200, 700));
            assert!(taken.iter().all(|t: &Rect| !t.overlaps(&spot)));
            taken.push(spot);
            assert!(taken.len() < 100, "terminates");
        }
        assert!(
            taken.len() >= 10,
            "a 1200×700 hall holds at least ten booths"
        );
        // The demo layout's cells leave room below them.
        let demo: Vec<Rect> = crate::hall::grid_layout(10, 1200, 700)
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        let spot = free_spot(1200, 700, &demo, w, h).expect("room in row three");
        assert!(demo.iter().all(|d| !d.overlaps(&spot)));
        assert!(
            spot.y >= 380,
            "below the second row, an aisle apart: {spot:?}"
        );
    }
}

/// Most documents one application may carry.
pub const MAX_DOCUMENTS: i64 = 5;
/// Largest document (bytes).
pub const MAX_DOCUMENT_BYTES: u64 = 10 * 1024 * 1024;

/// A document attached to an application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationDocument {
    /// Id.
    pub id: String,
    /// The file name as uploaded.
    pub name: String,
    /// MIME type, from the file's first bytes.
    pub content_type: String,
    /// Size in bytes.
    pub byte_size: i64,
    /// When it was uploaded.
    pub created_at: i64,
}

/// A file name fit to show and to send back in a header: the last path part, control and
/// quote characters dropped, at most 120 characters.
pub fn clean_file_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let name: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\\' | ';'))
        .take(120)
        .collect();
    if name.trim().is_empty() {
        "document".into()
    } else {
        name.trim().to_owned()
    }
}
