//! Exhibitors' booth details and their products, as booth and product pages show them.

use crate::locale::Locale;
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// One row of a product's specification table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecRow {
    /// What is specified (`Rated power`).
    pub name: LocalizedText,
    /// The value with its unit (`1,200 kW`), as the exhibitor wrote it.
    pub value: String,
}

/// A price range in minor units (cents) of one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceRange {
    /// Lowest price, minor units.
    pub min: i64,
    /// Highest price, minor units.
    pub max: i64,
    /// ISO 4217 code.
    pub currency: String,
}

impl PriceRange {
    /// A range, with `min` and `max` swapped when given the wrong way round.
    pub fn new(a: i64, b: i64, currency: &str) -> PriceRange {
        PriceRange {
            min: a.min(b),
            max: a.max(b),
            currency: currency.to_owned(),
        }
    }

    /// `12,500.00` style amount in the locale's grouping and decimal mark.
    pub fn format_amount(locale: Locale, minor: i64) -> String {
        let major = minor.div_euclid(100);
        let cents = minor.rem_euclid(100);
        let decimal = match locale {
            Locale::Ru => ',',
            _ => '.',
        };
        format!("{}{decimal}{cents:02}", locale.format_integer(major))
    }
}

/// A product in a gallery or a related-products list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCard {
    /// Id.
    pub id: String,
    /// Name.
    pub name: LocalizedText,
    /// Category key.
    pub category: String,
    /// Price range, if published.
    pub price: Option<PriceRange>,
    /// Id of the product's first picture, if any.
    pub picture: Option<String>,
}

/// Everything the product page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDetail {
    /// The product.
    pub card: ProductCard,
    /// Description.
    pub description: LocalizedText,
    /// Specification table.
    pub specs: Vec<SpecRow>,
    /// Minimum order quantity (pieces), if set.
    pub min_order: Option<i64>,
    /// Lead time in days, if set.
    pub lead_time_days: Option<i64>,
    /// Certifications (`CE`, `ISO 9001`, …).
    pub certifications: Vec<String>,
    /// Country of origin (ISO code), if set.
    pub origin: String,
    /// The exhibitor.
    pub exhibitor_id: String,
    /// The exhibitor's name.
    pub exhibitor_name: LocalizedText,
    /// The booth's hall slug, if placed.
    pub hall_slug: Option<String>,
    /// The booth number, if placed.
    pub booth_code: Option<String>,
    /// Other products of the same exhibitor.
    pub related: Vec<ProductCard>,
    /// The product's pictures and files.
    pub media: Vec<MediaItem>,
}

/// Everything the booth page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExhibitorDetail {
    /// Exhibitor id.
    pub id: String,
    /// The booth's stream on air now, if any.
    pub live_stream: Option<String>,
    /// Company name.
    pub name: LocalizedText,
    /// About the company.
    pub about: LocalizedText,
    /// Country (ISO code).
    pub country: String,
    /// Website, if any.
    pub website: String,
    /// Hall slug and name, if the booth is placed.
    pub hall: Option<(String, LocalizedText)>,
    /// Hall industry key, if placed.
    pub industry: Option<String>,
    /// Booth number, if placed.
    pub booth_code: Option<String>,
    /// Booth tier, if placed.
    pub tier: Option<crate::hall::BoothTier>,
    /// Products.
    pub products: Vec<ProductCard>,
    /// Uploaded pictures, videos, documents and models, in gallery order.
    pub media: Vec<MediaItem>,
}

/// An uploaded file as pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaItem {
    /// Media id.
    pub id: String,
    /// `image`, `video`, `document`, `model`.
    pub kind: String,
    /// Served variants (`w1600`, `w800`, `w320` for pictures; `original` otherwise).
    pub variants: Vec<String>,
    /// Pixel width of pictures.
    pub width: Option<i64>,
    /// Pixel height of pictures.
    pub height: Option<i64>,
    /// The uploaded file's name.
    pub name: String,
}

impl MediaItem {
    /// URL of a variant.
    pub fn url(&self, variant: &str) -> String {
        format!("/media/{}/{variant}", self.id)
    }

    /// `srcset` of a picture's variants (`/media/…/w320 320w, …`).
    pub fn srcset(&self) -> String {
        self.variants
            .iter()
            .filter_map(|v| v.strip_prefix('w').map(|w| format!("{} {w}w", self.url(v))))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Splits a stored certification list (`CE; ISO 9001`) into trimmed, non-empty entries.
pub fn split_certifications(stored: &str) -> Vec<String> {
    stored
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Most rows a specification table may have.
pub const SPEC_ROWS_MAX: usize = 100;
/// Longest product name, in characters.
pub const NAME_MAX_CHARS: usize = 200;
/// Longest specification name or value, in characters.
pub const SPEC_CELL_MAX_CHARS: usize = 200;
/// Currencies a price may be given in.
pub const CURRENCIES: [&str; 8] = ["USD", "EUR", "CNY", "JPY", "KRW", "RUB", "AED", "GBP"];
/// Largest price, in minor units (ten billion in major units).
const PRICE_MAX_MINOR: i64 = 1_000_000_000_000;

/// One specification row as the editor sends it (the name in the language being edited).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpecInput {
    /// What is specified.
    pub name: String,
    /// Its value with the unit.
    pub value: String,
}

/// A product as the booth editor sends it: texts in one language, numbers as typed. Missing
/// fields are empty (form encoding leaves out an empty specification list).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductInput {
    /// The product to change; empty for a new one.
    pub product_id: String,
    /// The exhibitor it belongs to.
    pub exhibitor_id: String,
    /// Language tag of the texts.
    pub language: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Category (an industry key).
    pub category: String,
    /// Specification rows, in order.
    pub specs: Vec<SpecInput>,
    /// Lowest price in major units (`1200.50`); empty for "on request".
    pub price_min: String,
    /// Highest price; empty means the same as the lowest.
    pub price_max: String,
    /// ISO 4217 currency.
    pub currency: String,
    /// Minimum order quantity; may be empty.
    pub min_order: String,
    /// Lead time in days; may be empty.
    pub lead_time_days: String,
    /// Certifications separated by `;` or `,`.
    pub certifications: String,
    /// Country of origin (ISO code); may be empty.
    pub origin: String,
}

/// A product input that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidProduct {
    /// Language of the texts.
    pub locale: Locale,
    /// Name (trimmed).
    pub name: String,
    /// Description (trimmed).
    pub description: String,
    /// Category key.
    pub category: String,
    /// Specification rows (trimmed, empty rows dropped).
    pub specs: Vec<SpecInput>,
    /// Price range, if given.
    pub price: Option<PriceRange>,
    /// Minimum order quantity.
    pub min_order: Option<i64>,
    /// Lead time in days.
    pub lead_time_days: Option<i64>,
    /// Certifications, `; `-joined.
    pub certifications: String,
    /// Country of origin or empty.
    pub origin: String,
}

fn clean_text(s: &str, max: usize) -> Option<String> {
    let t = s.trim();
    let ok = t.chars().count() <= max
        && !t
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t');
    ok.then(|| t.to_owned())
}

/// Parses an amount in major units (`1200`, `1,200.50`, `1200,5`) into minor units.
pub fn parse_amount(raw: &str) -> Option<i64> {
    let s: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '\u{202f}')
        .collect();
    if s.is_empty() {
        return None;
    }
    // A comma is the decimal mark only when it is the one separator and has 1–2 digits after it.
    let s = match (s.contains('.'), s.rsplit_once(',')) {
        (false, Some((_, frac)))
            if s.matches(',').count() == 1 && (1..=2).contains(&frac.len()) =>
        {
            s.replace(',', ".")
        }
        _ => s.replace(',', ""),
    };
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
        || whole.len() > 12
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let cents: i64 = format!("{frac:0<2}").parse().ok()?;
    let minor = whole.checked_mul(100)?.checked_add(cents)?;
    (minor <= PRICE_MAX_MINOR).then_some(minor)
}

fn parse_count(raw: &str, max: i64) -> Result<Option<i64>, ()> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.replace([',', ' '], "").parse::<i64>() {
        Ok(n) if (0..=max).contains(&n) => Ok(Some(n)),
        _ => Err(()),
    }
}

impl ProductInput {
    /// Checks every field; each problem becomes a field error with its Fluent id.
    pub fn validate(&self) -> Result<ValidProduct, Vec<crate::FieldError>> {
        use crate::FieldError;
        let mut errors = Vec::new();
        let locale = Locale::parse(&self.language);
        if locale.is_none() {
            errors.push(FieldError::new("language", "error-language-invalid"));
        }
        let name = match clean_text(&self.name, NAME_MAX_CHARS) {
            Some(n) if !n.is_empty() && !n.contains('\n') => n,
            Some(n) if n.is_empty() => {
                errors.push(FieldError::new("name", "error-product-name-required"));
                String::new()
            }
            _ => {
                errors.push(FieldError::new("name", "error-product-name-invalid"));
                String::new()
            }
        };
        let description = clean_text(&self.description, crate::text::LONG_TEXT_MAX_CHARS)
            .unwrap_or_else(|| {
                errors.push(FieldError::new("description", "error-text-too-long"));
                String::new()
            });
        if !crate::expo::INDUSTRIES.contains(&self.category.as_str()) {
            errors.push(FieldError::new("category", "error-product-category"));
        }
        let mut specs = Vec::new();
        if self.specs.len() > SPEC_ROWS_MAX {
            errors.push(FieldError::new("specs", "error-specs-too-many"));
        } else {
            for row in &self.specs {
                let (Some(n), Some(v)) = (
                    clean_text(&row.name, SPEC_CELL_MAX_CHARS),
                    clean_text(&row.value, SPEC_CELL_MAX_CHARS),
                ) else {
                    errors.push(FieldError::new("specs", "error-spec-row-invalid"));
                    break;
                };
                match (n.is_empty(), v.is_empty()) {
                    (true, true) => {}
                    (false, false) => specs.push(SpecInput { name: n, value: v }),
                    _ => {
                        errors.push(FieldError::new("specs", "error-spec-row-incomplete"));
                        break;
                    }
                }
            }
        }
        let currency = self.currency.trim().to_ascii_uppercase();
        let price = match (self.price_min.trim(), self.price_max.trim()) {
            ("", "") => None,
            (a, b) => {
                let a = parse_amount(a);
                let b = if b.is_empty() { a } else { parse_amount(b) };
                match (a, b) {
                    (Some(a), Some(b)) if a <= b => Some(PriceRange::new(a, b, &currency)),
                    _ => {
                        errors.push(FieldError::new("price", "error-price-invalid"));
                        None
                    }
                }
            }
        };
        if price.is_some() && !CURRENCIES.contains(&currency.as_str()) {
            errors.push(FieldError::new("currency", "error-currency-invalid"));
        }
        let min_order = parse_count(&self.min_order, 1_000_000_000).unwrap_or_else(|()| {
            errors.push(FieldError::new("min_order", "error-quantity-invalid"));
            None
        });
        let lead_time_days = parse_count(&self.lead_time_days, 3650).unwrap_or_else(|()| {
            errors.push(FieldError::new("lead_time_days", "error-lead-time-invalid"));
            None
        });
        let certs: Vec<String> = self
            .certifications
            .split([';', ',', '；', '，'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect();
        if certs.len() > 20 || certs.iter().any(|c| clean_text(c, 60).is_none()) {
            errors.push(FieldError::new(
                "certifications",
                "error-certifications-invalid",
            ));
        }
        let origin = self.origin.trim().to_ascii_uppercase();
        if !origin.is_empty() && crate::account::Country::parse(&origin).is_err() {
            errors.push(FieldError::new("origin", "error-country-invalid"));
        }
        match (errors.is_empty(), locale) {
            (true, Some(locale)) => Ok(ValidProduct {
                locale,
                name,
                description,
                category: self.category.clone(),
                specs,
                price,
                min_order,
                lead_time_days,
                certifications: certs.join("; "),
                origin,
            }),
            _ => Err(errors),
        }
    }
}

impl ValidProduct {
    /// Applies the texts of this language onto the stored ones (a new product starts from
    /// nothing): name, description and the specification rows by position.
    pub fn merge_texts(
        &self,
        name: Option<LocalizedText>,
        description: Option<LocalizedText>,
        specs: &[SpecRow],
    ) -> (LocalizedText, LocalizedText, Vec<SpecRow>) {
        let apply = |old: Option<LocalizedText>, text: &str| match old {
            Some(mut t) => {
                t.set(self.locale, text);
                t
            }
            None => LocalizedText::new(self.locale, text),
        };
        let rows = self
            .specs
            .iter()
            .enumerate()
            .map(|(i, row)| SpecRow {
                name: apply(specs.get(i).map(|r| r.name.clone()), &row.name),
                value: row.value.clone(),
            })
            .collect();
        (
            apply(name, &self.name),
            apply(description, &self.description),
            rows,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProductInput {
        ProductInput {
            exhibitor_id: "x".into(),
            language: "en".into(),
            name: "Marine engine".into(),
            category: crate::expo::INDUSTRIES[0].into(),
            currency: "usd".into(),
            ..ProductInput::default()
        }
    }

    fn fields(r: Result<ValidProduct, Vec<crate::FieldError>>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| format!("{}:{}", e.field, e.message_id))
            .collect()
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("1200"), Some(120_000));
        assert_eq!(parse_amount("1,200.5"), Some(120_050));
        assert_eq!(parse_amount("1200,50"), Some(120_050));
        assert_eq!(parse_amount("1 200 000"), Some(120_000_000));
        for bad in ["", "-5", "1.234", "abc", "1e9", "99999999999999", "1.2.3"] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
    }

    #[test]
    fn product_validation() {
        let ok = input().validate().expect("valid");
        assert_eq!(ok.price, None);
        let mut p = input();
        p.price_min = "900".into();
        p.price_max = "100".into();
        assert_eq!(fields(p.validate()), vec!["price:error-price-invalid"]);
        p.price_max = "1000".into();
        assert_eq!(
            p.validate().expect("valid").price.map(|r| r.currency),
            Some("USD".into())
        );
        p.currency = "XYZ".into();
        assert_eq!(
            fields(p.validate()),
            vec!["currency:error-currency-invalid"]
        );
        let mut p = input();
        p.name = "  ".into();
        p.category = "nope".into();
        p.min_order = "-1".into();
        p.lead_time_days = "9999".into();
        p.origin = "ZZ".into();
        assert_eq!(
            fields(p.validate()),
            vec![
                "name:error-product-name-required",
                "category:error-product-category",
                "min_order:error-quantity-invalid",
                "lead_time_days:error-lead-time-invalid",
                "origin:error-country-invalid",
            ]
        );
    }

    #[test]
    fn spec_tables() {
        let mut p = input();
        p.specs = vec![
            SpecInput {
                name: "Power".into(),
                value: "1 kW".into()
            };
            SPEC_ROWS_MAX + 1
        ];
        assert_eq!(fields(p.validate()), vec!["specs:error-specs-too-many"]);
        p.specs = vec![
            SpecInput {
                name: " Power ".into(),
                value: "1 kW".into(),
            },
            SpecInput::default(),
        ];
        assert_eq!(p.validate().expect("valid").specs.len(), 1);
        p.specs.push(SpecInput {
            name: "Weight".into(),
            value: String::new(),
        });
        assert_eq!(
            fields(p.validate()),
            vec!["specs:error-spec-row-incomplete"]
        );
    }

    #[test]
    fn merging_keeps_other_languages() {
        let stored = LocalizedText::new(Locale::ZhCn, "船用发动机");
        let rows = vec![SpecRow {
            name: LocalizedText::new(Locale::ZhCn, "功率"),
            value: "1 kW".into(),
        }];
        let mut p = input();
        p.specs = vec![
            SpecInput {
                name: "Power".into(),
                value: "2 kW".into(),
            },
            SpecInput {
                name: "Weight".into(),
                value: "3 t".into(),
            },
        ];
        let v = p.validate().expect("valid");
        let (name, _, specs) = v.merge_texts(Some(stored), None, &rows);
        assert_eq!(name.original, Locale::ZhCn);
        assert_eq!(name.show(Locale::En).text, "Marine engine");
        assert_eq!(name.show(Locale::ZhCn).text, "船用发动机");
        assert_eq!(specs[0].name.show(Locale::ZhCn).text, "功率");
        assert_eq!(specs[0].value, "2 kW");
        assert_eq!(specs[1].name.original, Locale::En);
    }

    #[test]
    fn amounts_and_ranges() {
        assert_eq!(
            PriceRange::format_amount(Locale::En, 1_250_050),
            "12,500.50"
        );
        assert_eq!(PriceRange::format_amount(Locale::En, 5), "0.05");
        assert!(PriceRange::format_amount(Locale::Ru, 1_250_050).ends_with(",50"));
        let r = PriceRange::new(900, 100, "USD");
        assert_eq!((r.min, r.max), (100, 900));
    }

    #[test]
    fn certifications() {
        assert_eq!(
            split_certifications(" CE; ISO 9001;;"),
            vec!["CE".to_owned(), "ISO 9001".to_owned()]
        );
        assert!(split_certifications("").is_empty());
    }
}
