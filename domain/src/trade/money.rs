//! Money and quantities: the currencies a price may be in, decimals read as people type them,
//! exact line totals, and the rate table that converts deal values into one currency.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};

/// Currencies a price may be in, with their minor digits (ISO 4217).
pub const CURRENCIES: &[(&str, u32)] = &[
    ("USD", 2),
    ("EUR", 2),
    ("CNY", 2),
    ("JPY", 0),
    ("KRW", 0),
    ("GBP", 2),
    ("HKD", 2),
    ("RUB", 2),
    ("AED", 2),
    ("SAR", 2),
    ("SGD", 2),
    ("AUD", 2),
    ("CAD", 2),
    ("CHF", 2),
    ("INR", 2),
    ("THB", 2),
    ("VND", 0),
    ("MYR", 2),
    ("IDR", 2),
    ("BRL", 2),
    ("TRY", 2),
    ("KZT", 2),
];

/// Incoterms 2020: who pays and carries the risk of transport, by three-letter code.
pub const INCOTERMS: &[&str] = &[
    "EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP",
];

/// Units of quantity (each has the Fluent name `trade-unit-<code>`).
pub const UNITS: &[&str] = &[
    "piece",
    "set",
    "pair",
    "box",
    "carton",
    "pallet",
    "kg",
    "tonne",
    "litre",
    "metre",
    "m2",
    "m3",
    "container20",
    "container40",
];

/// Lines of one quote, at most.
pub const MAX_QUOTE_LINES: usize = 50;
/// Characters of an inquiry's message or a quote's terms, at most.
pub const MAX_MESSAGE: usize = 4_000;
/// Characters of a destination or a line's description, at most.
pub const MAX_SHORT: usize = 200;
/// The largest quantity (units), price or total (major units) accepted.
pub(crate) const MAX_MAJOR: i128 = 1_000_000_000_000;

/// Minor digits of a supported currency.
pub fn minor_digits(currency: &str) -> Option<u32> {
    CURRENCIES
        .iter()
        .find(|(c, _)| *c == currency)
        .map(|(_, d)| *d)
}

/// Reads a decimal number typed by a person into an integer of `scale` decimals: digits with
/// at most one decimal point (`.`, or `,` where there is no `.`), spaces and `_` as group
/// separators. `None` when it is not such a number, has more decimals than `scale` or is too
/// large.
pub fn parse_decimal(raw: &str, scale: u32) -> Option<i64> {
    let s: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '\u{a0}' | '\u{202f}'))
        .collect();
    let s = if s.contains('.') {
        s
    } else {
        s.replacen(',', ".", 1)
    };
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || frac.len() > scale as usize
        || whole.len() > 15
    {
        return None;
    }
    let whole: i128 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    if whole > MAX_MAJOR {
        return None;
    }
    let mut frac_value: i128 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    frac_value *= 10i128.pow(scale - frac.len() as u32);
    i64::try_from(whole * 10i128.pow(scale) + frac_value).ok()
}

/// Writes an integer of `scale` decimals back as a plain decimal (`1234.50`, `12`).
pub fn format_decimal(value: i64, scale: u32) -> String {
    if scale == 0 {
        return value.to_string();
    }
    let p = 10i64.pow(scale);
    let sign = if value < 0 { "-" } else { "" };
    let v = value.unsigned_abs();
    let (whole, frac) = (v / p as u64, v % p as u64);
    format!("{sign}{whole}.{frac:0width$}", width = scale as usize)
}

/// A quantity (thousandths of a unit) as a person writes it: `12`, `2.5`, `0.125`.
pub fn format_quantity(milli: i64) -> String {
    let s = format_decimal(milli, 3);
    let s = s.trim_end_matches('0');
    s.trim_end_matches('.').to_owned()
}

/// An amount of money as `USD 1234.50`.
pub fn format_money(minor: i64, currency: &str) -> String {
    format!(
        "{currency} {}",
        format_decimal(minor, minor_digits(currency).unwrap_or(2))
    )
}

/// A price of `unit_minor` per unit for `quantity_milli` thousandths of a unit, rounded half
/// up to the minor unit; `None` past the largest total.
pub fn line_total(quantity_milli: i64, unit_minor: i64) -> Option<i64> {
    let t = (quantity_milli as i128 * unit_minor as i128 + 500) / 1000;
    (t <= MAX_MAJOR * 100).then_some(t as i64)
}

/// One currency's conversion into the expo's base currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    /// The currency.
    pub currency: String,
    /// Units of the base currency per unit of this one, × 10⁸.
    pub rate_e8: i64,
}

/// Converts `minor` units of `from` into minor units of `base` at `rate_e8` (base per unit of
/// `from` × 10⁸), rounded half up.
pub fn convert(minor: i64, from: &str, base: &str, rate_e8: i64) -> Option<i64> {
    let from_d = minor_digits(from)?;
    let base_d = minor_digits(base)?;
    let num = minor as i128 * rate_e8 as i128 * 10i128.pow(base_d);
    let den = 100_000_000i128 * 10i128.pow(from_d);
    i64::try_from((num + den / 2) / den).ok()
}

/// Deal values per currency added up in `base` with `rates`: the total and the currencies that
/// had no rate.
pub fn total_in(base: &str, deals: &[(String, i64)], rates: &[Rate]) -> (i64, Vec<String>) {
    let mut total: i64 = 0;
    let mut missing = Vec::new();
    for (currency, minor) in deals {
        let rate = if currency == base {
            Some(100_000_000)
        } else {
            rates
                .iter()
                .find(|r| &r.currency == currency)
                .map(|r| r.rate_e8)
        };
        match rate.and_then(|r| convert(*minor, currency, base, r)) {
            Some(v) => total = total.saturating_add(v),
            None => missing.push(currency.clone()),
        }
    }
    (total, missing)
}

/// Reads a rate table as the organizer writes it: one `CUR rate` per line (`EUR 1.08`), rates
/// in units of `base`. Errors name the line (`rates`).
pub fn parse_rates(base: &str, text: &str) -> Result<Vec<Rate>, FieldError> {
    let bad = || FieldError::new("rates", "trade-error-rates");
    let mut rates: Vec<Rate> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut parts = line.split(|c: char| c.is_whitespace() || c == '=' || c == ':');
        let currency = parts.next().unwrap_or("").to_ascii_uppercase();
        let rate = parts.filter(|p| !p.is_empty()).collect::<Vec<_>>();
        if minor_digits(&currency).is_none() || currency == base || rate.len() != 1 {
            return Err(bad());
        }
        let rate_e8 = parse_decimal(rate[0], 8)
            .filter(|r| *r > 0)
            .ok_or_else(bad)?;
        if rates.iter().any(|r| r.currency == currency) {
            return Err(bad());
        }
        rates.push(Rate { currency, rate_e8 });
    }
    Ok(rates)
}
