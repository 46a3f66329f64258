//! Inquiries, quotes and deals: a buyer asks a booth for a price (an RFQ), the booth's team
//! answers with quotes (each revision kept), and the buyer accepts one, which records the
//! intended deal value.
//!
//! Money is held as whole minor units (cents, fen; yen have none) of an ISO 4217 currency, and
//! quantities as thousandths of a unit, so sums are exact; conversions for the organizer's
//! totals go through a rate table kept as rates × 10⁸.

use crate::error::{FieldError, ValidationErrors};
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

mod files;
mod money;

pub use files::*;
use money::MAX_MAJOR;
pub use money::*;

/// Whether `s` is a calendar date `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.chars()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (2000..=2100).contains(&y) && (1..=days).contains(&d)
}

/// Where an inquiry stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InquiryStatus {
    /// Sent, no quote yet.
    Open,
    /// The booth has quoted; the buyer has not answered the latest quote.
    Quoted,
    /// The buyer accepted a quote: an intended deal.
    Accepted,
    /// The buyer declined the latest quote.
    Declined,
    /// The buyer took the inquiry back.
    Withdrawn,
}

impl InquiryStatus {
    /// All statuses, in the order of the loop.
    pub const ALL: [InquiryStatus; 5] = [
        InquiryStatus::Open,
        InquiryStatus::Quoted,
        InquiryStatus::Accepted,
        InquiryStatus::Declined,
        InquiryStatus::Withdrawn,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            InquiryStatus::Open => "open",
            InquiryStatus::Quoted => "quoted",
            InquiryStatus::Accepted => "accepted",
            InquiryStatus::Declined => "declined",
            InquiryStatus::Withdrawn => "withdrawn",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<InquiryStatus> {
        InquiryStatus::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// The Fluent id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            InquiryStatus::Open => "trade-status-open",
            InquiryStatus::Quoted => "trade-status-quoted",
            InquiryStatus::Accepted => "trade-status-accepted",
            InquiryStatus::Declined => "trade-status-declined",
            InquiryStatus::Withdrawn => "trade-status-withdrawn",
        }
    }

    /// Whether quotes may still be sent and answered.
    pub fn is_live(self) -> bool {
        matches!(self, InquiryStatus::Open | InquiryStatus::Quoted)
    }
}

/// Where one quote revision stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteStatus {
    /// The latest offer, waiting for the buyer.
    Offered,
    /// A newer revision replaced it.
    Superseded,
    /// The buyer accepted it.
    Accepted,
    /// The buyer declined it.
    Declined,
}

impl QuoteStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteStatus::Offered => "offered",
            QuoteStatus::Superseded => "superseded",
            QuoteStatus::Accepted => "accepted",
            QuoteStatus::Declined => "declined",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<QuoteStatus> {
        [
            QuoteStatus::Offered,
            QuoteStatus::Superseded,
            QuoteStatus::Accepted,
            QuoteStatus::Declined,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }

    /// The Fluent id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            QuoteStatus::Offered => "trade-quote-offered",
            QuoteStatus::Superseded => "trade-quote-superseded",
            QuoteStatus::Accepted => "trade-quote-accepted",
            QuoteStatus::Declined => "trade-quote-declined",
        }
    }
}

/// An inquiry as the form sends it (every field text, checked by [`InquiryInput::validate`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryInput {
    /// The booth asked.
    pub exhibitor_id: String,
    /// The product asked about, if any.
    #[serde(default)]
    pub product_id: String,
    /// How much.
    #[serde(default)]
    pub quantity: String,
    /// Of what unit (one of [`UNITS`]).
    #[serde(default)]
    pub unit: String,
    /// The price per unit the buyer aims at (optional).
    #[serde(default)]
    pub target_price: String,
    /// Its currency.
    #[serde(default)]
    pub currency: String,
    /// The delivery term wanted (one of [`INCOTERMS`]).
    #[serde(default)]
    pub incoterm: String,
    /// Destination country (ISO code).
    #[serde(default)]
    pub destination: String,
    /// Port or city of destination.
    #[serde(default)]
    pub place: String,
    /// Needed by (`YYYY-MM-DD`, optional).
    #[serde(default)]
    pub needed_by: String,
    /// What the buyer writes.
    #[serde(default)]
    pub message: String,
    /// A token the form made once, so a form sent twice makes one inquiry.
    #[serde(default)]
    pub cid: String,
    /// Files uploaded on the form, to go with the inquiry (ids, separated by commas).
    #[serde(default)]
    pub files: String,
}

/// A checked inquiry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryForm {
    /// Product, if any.
    pub product_id: Option<String>,
    /// Thousandths of a unit.
    pub quantity_milli: i64,
    /// Unit code.
    pub unit: String,
    /// Target price per unit, minor units, if given.
    pub target_minor: Option<i64>,
    /// Currency of the target price.
    pub currency: String,
    /// Incoterm.
    pub incoterm: String,
    /// Destination country.
    pub destination: String,
    /// Port or city.
    pub place: String,
    /// Needed by, if given.
    pub needed_by: Option<String>,
    /// The message.
    pub message: String,
}

fn text_field(
    field: &str,
    raw: &str,
    max: usize,
    message: &str,
    errors: &mut ValidationErrors,
) -> String {
    let t = raw.trim();
    if t.chars().count() > max || t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        errors.0.push(FieldError::new(field, message));
    }
    t.to_owned()
}

fn currency_field(raw: &str, errors: &mut ValidationErrors) -> String {
    let c = raw.trim().to_ascii_uppercase();
    if minor_digits(&c).is_none() {
        errors
            .0
            .push(FieldError::new("currency", "trade-error-currency"));
    }
    c
}

fn incoterm_field(raw: &str, errors: &mut ValidationErrors) -> String {
    let c = raw.trim().to_ascii_uppercase();
    if !INCOTERMS.contains(&c.as_str()) {
        errors
            .0
            .push(FieldError::new("incoterm", "trade-error-incoterm"));
    }
    c
}

fn quantity_field(field: &str, raw: &str, errors: &mut ValidationErrors) -> i64 {
    match parse_decimal(raw, 3) {
        Some(q) if q > 0 => q,
        _ => {
            errors
                .0
                .push(FieldError::new(field, "trade-error-quantity"));
            0
        }
    }
}

fn unit_field(field: &str, raw: &str, errors: &mut ValidationErrors) -> String {
    let u = raw.trim();
    if !UNITS.contains(&u) {
        errors.0.push(FieldError::new(field, "trade-error-unit"));
    }
    u.to_owned()
}

impl InquiryInput {
    /// Checks every field at once; `today` (`YYYY-MM-DD`, the expo's) bounds the date.
    pub fn validate(&self, today: &str) -> Result<InquiryForm, Vec<FieldError>> {
        let mut errors = ValidationErrors::default();
        let product_id = self.product_id.trim();
        let product_id = if product_id.is_empty() {
            None
        } else if crate::text::is_id(product_id) {
            Some(product_id.to_owned())
        } else {
            errors
                .0
                .push(FieldError::new("product_id", "error-request-malformed"));
            None
        };
        let quantity_milli = quantity_field("quantity", &self.quantity, &mut errors);
        let unit = unit_field("unit", &self.unit, &mut errors);
        let currency = currency_field(&self.currency, &mut errors);
        let target_minor = if self.target_price.trim().is_empty() {
            None
        } else {
            match minor_digits(&currency).and_then(|d| parse_decimal(&self.target_price, d)) {
                Some(p) if p > 0 => Some(p),
                _ => {
                    errors
                        .0
                        .push(FieldError::new("target_price", "trade-error-price"));
                    None
                }
            }
        };
        let incoterm = incoterm_field(&self.incoterm, &mut errors);
        let destination = self.destination.trim().to_ascii_uppercase();
        if !crate::account::COUNTRIES.contains(&destination.as_str()) {
            errors
                .0
                .push(FieldError::new("destination", "trade-error-destination"));
        }
        let place = text_field(
            "place",
            &self.place,
            MAX_SHORT,
            "trade-error-too-long",
            &mut errors,
        );
        let needed = self.needed_by.trim();
        let needed_by = if needed.is_empty() {
            None
        } else if !is_date(needed) || needed < today {
            errors
                .0
                .push(FieldError::new("needed_by", "trade-error-needed-by"));
            None
        } else {
            Some(needed.to_owned())
        };
        let message = text_field(
            "message",
            &self.message,
            MAX_MESSAGE,
            "trade-error-too-long",
            &mut errors,
        );
        if !crate::chat::is_client_id(self.cid.trim()) {
            errors
                .0
                .push(FieldError::new("cid", "error-request-malformed"));
        }
        if !errors.is_empty() {
            return Err(errors.0);
        }
        Ok(InquiryForm {
            product_id,
            quantity_milli,
            unit,
            target_minor,
            currency,
            incoterm,
            destination,
            place,
            needed_by,
            message,
        })
    }
}

/// One line of a quote as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteLineInput {
    /// What is offered.
    #[serde(default)]
    pub description: String,
    /// How much.
    #[serde(default)]
    pub quantity: String,
    /// Unit code.
    #[serde(default)]
    pub unit: String,
    /// Price per unit.
    #[serde(default)]
    pub unit_price: String,
}

/// A quote as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteInput {
    /// The lines (blank lines are left out).
    #[serde(default)]
    pub lines: Vec<QuoteLineInput>,
    /// Currency of every price.
    #[serde(default)]
    pub currency: String,
    /// Delivery term.
    #[serde(default)]
    pub incoterm: String,
    /// Valid until (`YYYY-MM-DD`).
    #[serde(default)]
    pub valid_until: String,
    /// Payment, delivery and other terms.
    #[serde(default)]
    pub terms: String,
}

/// A checked quote line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteLine {
    /// What is offered.
    pub description: String,
    /// Thousandths of a unit.
    pub quantity_milli: i64,
    /// Unit code.
    pub unit: String,
    /// Price per unit, minor units.
    pub unit_minor: i64,
    /// Quantity × price, minor units.
    pub total_minor: i64,
}

/// A checked quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteForm {
    /// Lines, in order.
    pub lines: Vec<QuoteLine>,
    /// Currency.
    pub currency: String,
    /// Incoterm.
    pub incoterm: String,
    /// Valid until.
    pub valid_until: String,
    /// Terms.
    pub terms: String,
    /// Sum of the lines, minor units.
    pub total_minor: i64,
}

fn is_blank(l: &QuoteLineInput) -> bool {
    l.description.trim().is_empty()
        && l.quantity.trim().is_empty()
        && l.unit_price.trim().is_empty()
}

impl QuoteInput {
    /// Checks every field at once; errors on a line name `lines.<n>.<field>` (from 0).
    pub fn validate(&self, today: &str) -> Result<QuoteForm, Vec<FieldError>> {
        let mut errors = ValidationErrors::default();
        let currency = currency_field(&self.currency, &mut errors);
        let digits = minor_digits(&currency);
        let incoterm = incoterm_field(&self.incoterm, &mut errors);
        let valid_until = self.valid_until.trim().to_owned();
        if !is_date(&valid_until) || valid_until.as_str() < today {
            errors
                .0
                .push(FieldError::new("valid_until", "trade-error-valid-until"));
        }
        let terms = text_field(
            "terms",
            &self.terms,
            MAX_MESSAGE,
            "trade-error-too-long",
            &mut errors,
        );
        let given: Vec<(usize, &QuoteLineInput)> = self
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !is_blank(l))
            .collect();
        if given.is_empty() || given.len() > MAX_QUOTE_LINES {
            errors.0.push(FieldError::new("lines", "trade-error-lines"));
        }
        let mut lines = Vec::new();
        let mut total: i128 = 0;
        for (n, l) in given {
            let description = text_field(
                &format!("lines.{n}.description"),
                &l.description,
                MAX_SHORT,
                "trade-error-too-long",
                &mut errors,
            );
            if description.is_empty() {
                errors.0.push(FieldError::new(
                    format!("lines.{n}.description"),
                    "trade-error-description",
                ));
            }
            let quantity_milli =
                quantity_field(&format!("lines.{n}.quantity"), &l.quantity, &mut errors);
            let unit = unit_field(&format!("lines.{n}.unit"), &l.unit, &mut errors);
            let unit_minor = match digits.and_then(|d| parse_decimal(&l.unit_price, d)) {
                Some(p) if p > 0 => p,
                _ => {
                    errors.0.push(FieldError::new(
                        format!("lines.{n}.unit_price"),
                        "trade-error-price",
                    ));
                    0
                }
            };
            let Some(total_minor) = line_total(quantity_milli, unit_minor) else {
                errors.0.push(FieldError::new(
                    format!("lines.{n}.unit_price"),
                    "trade-error-price",
                ));
                continue;
            };
            total += total_minor as i128;
            lines.push(QuoteLine {
                description,
                quantity_milli,
                unit,
                unit_minor,
                total_minor,
            });
        }
        if total > MAX_MAJOR * 100 {
            errors.0.push(FieldError::new("lines", "trade-error-price"));
        }
        if !errors.is_empty() {
            return Err(errors.0);
        }
        Ok(QuoteForm {
            lines,
            currency,
            incoterm,
            valid_until,
            terms,
            total_minor: total as i64,
        })
    }
}

/// Whose view of an inquiry this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TradeSide {
    /// The buyer who asked.
    Buyer,
    /// The booth's team.
    Seller,
}

/// An inquiry in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquirySummary {
    /// Id.
    pub id: String,
    /// Status.
    pub status: InquiryStatus,
    /// The booth's company.
    pub exhibitor_name: LocalizedText,
    /// The product, if one was named.
    pub product_name: Option<LocalizedText>,
    /// The buyer's name.
    pub buyer_name: String,
    /// Thousandths of a unit.
    pub quantity_milli: i64,
    /// Unit code.
    pub unit: String,
    /// The latest quote's total and currency, if any.
    pub latest_quote: Option<(i64, String)>,
    /// Last change, UTC milliseconds.
    pub updated_at: i64,
}

/// One quote revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteView {
    /// Id.
    pub id: String,
    /// 1 for the first quote, then 2, 3…
    pub revision: i64,
    /// Status.
    pub status: QuoteStatus,
    /// The quote.
    pub form: QuoteForm,
    /// Who wrote it.
    pub author_name: String,
    /// When, UTC milliseconds.
    pub created_at: i64,
}

/// An inquiry with its quotes, as the buyer or the booth's team sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryView {
    /// Id.
    pub id: String,
    /// The reader's side.
    pub side: TradeSide,
    /// Status.
    pub status: InquiryStatus,
    /// The booth.
    pub exhibitor_id: String,
    /// Its company name.
    pub exhibitor_name: LocalizedText,
    /// The booth's number, if placed.
    pub booth_code: Option<String>,
    /// The product asked about (id and name).
    pub product: Option<(String, LocalizedText)>,
    /// The buyer's name and company.
    pub buyer_name: String,
    /// The buyer's company, from their buyer profile.
    pub buyer_company: String,
    /// The buyer's country.
    pub buyer_country: String,
    /// What was asked.
    pub form: InquiryForm,
    /// The conversation between the buyer and the booth, where they negotiate.
    pub room_id: String,
    /// Quotes, newest first.
    pub quotes: Vec<QuoteView>,
    /// Files both sides attached, oldest first.
    pub files: Vec<InquiryFile>,
    /// The intended deal value (total and currency) once accepted.
    pub deal: Option<(i64, String)>,
    /// Sent, UTC milliseconds.
    pub created_at: i64,
}

/// A person's inquiries: those they sent, and those their booth received.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyInquiries {
    /// Sent, newest change first.
    pub sent: Vec<InquirySummary>,
    /// Received by the reader's booth, newest change first.
    pub received: Vec<InquirySummary>,
}

/// The organizer's trade figures: inquiries by status, quotes, deal values.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TradeTotals {
    /// Inquiries per status.
    pub inquiries: Vec<(InquiryStatus, i64)>,
    /// Quotes sent (every revision).
    pub quotes: i64,
    /// Accepted deal value per currency (minor units), largest first.
    pub deals: Vec<(String, i64)>,
    /// The base currency of the totals.
    pub base: String,
    /// All deals converted into `base` (minor units), with the currencies that had no rate.
    pub converted: i64,
    /// Currencies of deals without a rate (left out of `converted`).
    pub unconverted: Vec<String>,
    /// The rate table.
    pub rates: Vec<Rate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_as_people_type_them() {
        assert_eq!(parse_decimal("12", 2), Some(1200));
        assert_eq!(parse_decimal("12.5", 2), Some(1250));
        assert_eq!(parse_decimal("12,5", 2), Some(1250));
        assert_eq!(parse_decimal("1 234.56", 2), Some(123456));
        assert_eq!(parse_decimal(".5", 3), Some(500));
        assert_eq!(parse_decimal("1.005", 2), None);
        assert_eq!(parse_decimal("-3", 2), None);
        assert_eq!(parse_decimal("1e5", 2), None);
        assert_eq!(parse_decimal("", 2), None);
        assert_eq!(parse_decimal(".", 2), None);
        assert_eq!(parse_decimal("99999999999999999", 0), None);
        assert_eq!(parse_decimal("1500", 0), Some(1500));
        assert_eq!(parse_decimal("1500.5", 0), None);
        assert_eq!(format_decimal(123456, 2), "1234.56");
        assert_eq!(format_decimal(5, 2), "0.05");
        assert_eq!(format_quantity(2500), "2.5");
        assert_eq!(format_quantity(12000), "12");
        assert_eq!(format_money(150000, "JPY"), "JPY 150000");
    }

    #[test]
    fn dates_are_real_days() {
        assert!(is_date("2026-12-31"));
        assert!(is_date("2028-02-29"));
        assert!(!is_date("2027-02-29"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("26-12-01"));
        assert!(!is_date("2026-1-011"));
    }

    fn inquiry() -> InquiryInput {
        InquiryInput {
            exhibitor_id: "e1".into(),
            product_id: String::new(),
            quantity: "500".into(),
            unit: "piece".into(),
            target_price: "12.50".into(),
            currency: "usd".into(),
            incoterm: "fob".into(),
            destination: "de".into(),
            place: "Hamburg".into(),
            needed_by: "2027-03-01".into(),
            message: "Please quote.".into(),
            cid: "c0ffee00-0000-4000-8000-000000000001".into(),
            files: String::new(),
        }
    }

    #[test]
    fn an_inquiry_is_checked_whole() {
        let f = inquiry().validate("2026-12-06").unwrap();
        assert_eq!(f.quantity_milli, 500_000);
        assert_eq!(f.target_minor, Some(1250));
        assert_eq!(f.currency, "USD");
        assert_eq!(f.incoterm, "FOB");
        assert_eq!(f.destination, "DE");
        let bad = InquiryInput {
            quantity: "0".into(),
            unit: "bucket".into(),
            target_price: "-1".into(),
            currency: "XYZ".into(),
            incoterm: "FOO".into(),
            destination: "ZZ".into(),
            needed_by: "2026-12-01".into(),
            ..inquiry()
        };
        let fields: Vec<String> = bad
            .validate("2026-12-06")
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        for f in [
            "quantity",
            "unit",
            "currency",
            "target_price",
            "incoterm",
            "destination",
            "needed_by",
        ] {
            assert!(fields.contains(&f.to_owned()), "{f} in {fields:?}");
        }
    }

    #[test]
    fn a_quote_adds_its_lines_exactly() {
        let q = QuoteInput {
            lines: vec![
                QuoteLineInput {
                    description: "Engine X1".into(),
                    quantity: "3".into(),
                    unit: "piece".into(),
                    unit_price: "1999.99".into(),
                },
                QuoteLineInput::default(),
                QuoteLineInput {
                    description: "Freight".into(),
                    quantity: "0.5".into(),
                    unit: "container20".into(),
                    unit_price: "0.01".into(),
                },
            ],
            currency: "EUR".into(),
            incoterm: "CIF".into(),
            valid_until: "2027-01-31".into(),
            terms: "30% deposit".into(),
        };
        let f = q.validate("2026-12-06").unwrap();
        assert_eq!(f.lines.len(), 2);
        assert_eq!(f.lines[0].total_minor, 599_997);
        // Half a cent rounds up.
        assert_eq!(f.lines[1].total_minor, 1);
        assert_eq!(f.total_minor, 599_998);
        let errs = QuoteInput {
            lines: vec![QuoteLineInput {
                description: String::new(),
                quantity: "1".into(),
                unit: "piece".into(),
                unit_price: "-5".into(),
            }],
            valid_until: "2026-12-05".into(),
            ..q.clone()
        }
        .validate("2026-12-06")
        .unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"lines.0.description"));
        assert!(fields.contains(&"lines.0.unit_price"));
        assert!(fields.contains(&"valid_until"));
        let none = QuoteInput { lines: vec![], ..q };
        assert_eq!(none.validate("2026-12-06").unwrap_err()[0].field, "lines");
    }

    #[test]
    fn deals_convert_into_the_base_currency() {
        let rates = parse_rates("USD", "EUR 1.08\ncny=0.1379\n\nJPY 0.0067").unwrap();
        assert_eq!(rates.len(), 3);
        assert_eq!(rates[1].currency, "CNY");
        // EUR 100.00 → USD 108.00; JPY 10000 → USD 67.00; CNY 1000.00 → USD 137.90.
        assert_eq!(
            convert(10_000, "EUR", "USD", rates[0].rate_e8),
            Some(10_800)
        );
        assert_eq!(convert(10_000, "JPY", "USD", rates[2].rate_e8), Some(6_700));
        let deals = vec![
            ("EUR".to_owned(), 10_000),
            ("USD".to_owned(), 500),
            ("CNY".to_owned(), 100_000),
            ("GBP".to_owned(), 100),
        ];
        let (total, missing) = total_in("USD", &deals, &rates);
        assert_eq!(total, 10_800 + 500 + 13_790);
        assert_eq!(missing, vec!["GBP".to_owned()]);
        assert!(parse_rates("USD", "USD 1").is_err());
        assert!(parse_rates("USD", "EUR one").is_err());
        assert!(parse_rates("USD", "EUR 1\nEUR 2").is_err());
        assert!(parse_rates("USD", "EUR -1").is_err());
    }
}
