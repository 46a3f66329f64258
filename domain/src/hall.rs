//! Halls as floor plans: booths are rectangles on a plan measured in plan units.
//!
//! Invariants: a booth lies inside its hall's plan and overlaps no other booth.

use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// A rectangle on a floor plan (plan units; origin top-left).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rect {
    /// Left edge.
    pub x: i64,
    /// Top edge.
    pub y: i64,
    /// Width.
    pub width: i64,
    /// Height.
    pub height: i64,
}

impl Rect {
    /// True when the two rectangles share any area (touching edges do not overlap).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    /// True when the rectangle has a positive size and lies within a `width` × `height` plan.
    pub fn fits(&self, width: i64, height: i64) -> bool {
        self.width > 0
            && self.height > 0
            && self.x >= 0
            && self.y >= 0
            && self.x + self.width <= width
            && self.y + self.height <= height
    }
}

/// How prominent a booth is (size and placement on the plan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BoothTier {
    /// A standard booth.
    Standard,
    /// A larger booth on a main aisle.
    Premium,
    /// The hall's anchor booths.
    Flagship,
}

impl BoothTier {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            BoothTier::Standard => "standard",
            BoothTier::Premium => "premium",
            BoothTier::Flagship => "flagship",
        }
    }

    /// Every tier, smallest first.
    pub const ALL: [BoothTier; 3] = [BoothTier::Standard, BoothTier::Premium, BoothTier::Flagship];

    /// Parses a name given by a person (unknown names refused).
    pub fn parse_strict(s: &str) -> Option<BoothTier> {
        BoothTier::ALL.into_iter().find(|t| t.as_str() == s.trim())
    }

    /// Parses a stored name (unknown names read as standard).
    pub fn parse(s: &str) -> BoothTier {
        match s {
            "premium" => BoothTier::Premium,
            "flagship" => BoothTier::Flagship,
            _ => BoothTier::Standard,
        }
    }

    /// Fluent id of the tier's name.
    pub fn message_id(self) -> &'static str {
        match self {
            BoothTier::Standard => "booth-tier-standard",
            BoothTier::Premium => "booth-tier-premium",
            BoothTier::Flagship => "booth-tier-flagship",
        }
    }
}

/// A booth as the hall map and the hall's list view show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoothOnPlan {
    /// Booth id.
    pub booth_id: String,
    /// Booth number shown on the plan (`M-01`).
    pub code: String,
    /// The exhibiting company.
    pub exhibitor_id: String,
    /// Company name.
    pub exhibitor_name: LocalizedText,
    /// Company country (ISO code).
    pub country: String,
    /// Where the booth stands.
    pub rect: Rect,
    /// Tier.
    pub tier: BoothTier,
    /// Products shown.
    pub product_count: i64,
    /// Media id of the booth's logo, if it has one.
    pub logo: Option<String>,
    /// The booth's stream on air now, if any.
    pub live_stream: Option<String>,
}

/// A hall with its plan and booths.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HallPlan {
    /// Hall id.
    pub id: String,
    /// URL slug.
    pub slug: String,
    /// Name.
    pub name: LocalizedText,
    /// Industry key.
    pub industry: String,
    /// Plan width in plan units.
    pub width: i64,
    /// Plan height in plan units.
    pub height: i64,
    /// Booths, ordered by code.
    pub booths: Vec<BoothOnPlan>,
}

/// Lays out `count` booths in rows on a `width` × `height` plan, leaving aisles: the first two
/// are flagship corner booths twice as wide, the next four premium. Used by the demo seed and as
/// the starting layout of a new hall.
pub fn grid_layout(count: usize, width: i64, height: i64) -> Vec<(Rect, BoothTier)> {
    let margin = 40;
    let aisle = 40;
    let cols: i64 = 5;
    let cell_w = (width - 2 * margin - (cols - 1) * aisle) / cols;
    let cell_h = 140;
    let mut out = Vec::with_capacity(count);
    let (mut col, mut row) = (0i64, 0i64);
    for i in 0..count {
        let tier = match i {
            0 | 1 => BoothTier::Flagship,
            2..=5 => BoothTier::Premium,
            _ => BoothTier::Standard,
        };
        let span = if tier == BoothTier::Flagship { 2 } else { 1 };
        if col + span > cols {
            col = 0;
            row += 1;
        }
        let rect = Rect {
            x: margin + col * (cell_w + aisle),
            y: margin + row * (cell_h + aisle),
            width: cell_w * span + aisle * (span - 1),
            height: cell_h,
        };
        if !rect.fits(width, height) {
            break;
        }
        out.push((rect, tier));
        col += span;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_rules() {
        let a = Rect {
            x: 0,
            y: 0,
            width: 10,
            height: 10,
        };
        assert!(a.overlaps(&Rect {
            x: 5,
            y: 5,
            width: 10,
            height: 10
        }));
        assert!(
            !a.overlaps(&Rect {
                x: 10,
                y: 0,
                width: 5,
                height: 5
            }),
            "touching is not overlapping"
        );
        assert!(!a.overlaps(&Rect {
            x: 0,
            y: 11,
            width: 5,
            height: 5
        }));
        assert!(a.fits(10, 10));
        assert!(!a.fits(9, 10));
        assert!(!Rect {
            x: 0,
            y: 0,
            width: 0,
            height: 3
        }
        .fits(10, 10));
    }

    #[test]
    fn grid_layout_never_overlaps_and_fits() {
        for n in [0, 1, 5, 10, 14] {
            let cells = grid_layout(n, 1200, 700);
            assert_eq!(cells.len(), n.min(cells.len()));
            for (i, (a, _)) in cells.iter().enumerate() {
                assert!(a.fits(1200, 700), "{a:?}");
                for (b, _) in cells.iter().skip(i + 1) {
                    assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
                }
            }
        }
        assert_eq!(
            grid_layout(10, 1200, 700).len(),
            10,
            "the demo's ten booths fit a default hall"
        );
        assert_eq!(grid_layout(3, 1200, 700)[0].1, BoothTier::Flagship);
    }
}
