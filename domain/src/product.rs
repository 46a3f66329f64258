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

#[cfg(test)]
mod tests {
    use super::*;

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
