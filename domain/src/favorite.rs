//! Favorites: booths and products a signed-in person keeps for later.

use crate::product::ProductCard;
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// What can be a favorite.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FavoriteKind {
    /// An exhibitor's booth.
    Booth,
    /// A product.
    Product,
}

/// A favorite booth as the favorites page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FavoriteBooth {
    /// Exhibitor id.
    pub id: String,
    /// Company name.
    pub name: LocalizedText,
    /// Country (ISO code).
    pub country: String,
    /// Booth number, if placed.
    pub booth_code: Option<String>,
}

/// Someone's favorites, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Favorites {
    /// Booths.
    pub booths: Vec<FavoriteBooth>,
    /// Products.
    pub products: Vec<ProductCard>,
}

/// How many people keep a booth and its products as favorites (shown to its team).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FavoriteCounts {
    /// People who saved the booth.
    pub booth: i64,
    /// Favorites of the booth's products, added up.
    pub products: i64,
}
