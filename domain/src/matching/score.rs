//! Scoring one pair: the signals a pair has, weighed by the organizer's weights, with the
//! reasons kept.

use super::*;

/// Scores one pair; `None` when the exhibitor is not a candidate for the buyer (nothing shared
/// and no engagement, dismissed, or below [`MIN_SCORE`]).
pub fn score(
    weights: &Weights,
    buyer: &Buyer,
    exhibitor_index: u32,
    exhibitor: &Exhibitor,
) -> Option<(u8, Reasons)> {
    let engagement = buyer
        .engaged
        .binary_search_by_key(&exhibitor_index, |(i, _)| *i)
        .ok()
        .map(|i| buyer.engaged[i].1)
        .unwrap_or_default();
    score_with(weights, buyer, exhibitor_index, exhibitor, engagement)
}

fn score_with(
    weights: &Weights,
    buyer: &Buyer,
    exhibitor_index: u32,
    exhibitor: &Exhibitor,
    engagement: Engagement,
) -> Option<(u8, Reasons)> {
    score_scaled(
        &Scale::of(weights)?,
        buyer,
        exhibitor_index,
        exhibitor,
        engagement,
    )
}

/// The weights as the score's arithmetic uses them, worked out once per ranking rather than
/// once per pair.
#[derive(Clone, Copy, Debug)]
pub(super) struct Scale {
    pub(super) w: [u32; 6],
    /// `2^40 / total + 1`, where `total` is the weights' sum (1–600): dividing by `total` becomes a multiplication and a shift.
    reciprocal: u64,
}

/// Weighted sums stay below this (1000 points × 6 weights of at most 100).
pub(super) const MAX_SUM: u32 = 1 << 20;

impl Scale {
    /// `None` when every weight is zero (nothing can score).
    pub(super) fn of(weights: &Weights) -> Option<Scale> {
        let w = weights.as_array().map(u32::from);
        let total: u32 = w.iter().sum();
        (total > 0).then_some(Scale {
            w,
            reciprocal: (1u64 << 40) / u64::from(total) + 1,
        })
    }

    /// `sum / total`, rounded down, for any `sum` below [`MAX_SUM`]: the reciprocal is at most
    /// one above `2^40 / total`, so the product overshoots `sum / total` by less than
    /// `2^20 / 2^40`, which is less than the `1 / total` a quotient needs to move (the ranking
    /// loop's hottest instruction was the division this replaces).
    #[inline(always)]
    pub(super) fn divide(&self, sum: u32) -> u32 {
        debug_assert!(sum < MAX_SUM);
        ((u64::from(sum) * self.reciprocal) >> 40) as u32
    }
}

/// What a pair has, as the score counts it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Signals {
    /// 1000 for a shared declared industry, 600 for one only browsed, else 0.
    pub(super) industry: u32,
    pub(super) country: bool,
    pub(super) volume: bool,
    pub(super) language: bool,
    /// 500 for each verified side.
    pub(super) verified: u32,
    /// [`Engagement::strength`].
    pub(super) strength: u32,
    /// Dismissed exhibitors this one looks like.
    pub(super) like: u32,
}

/// The score's arithmetic, 0–100: the weighted mean of the signals' points (0–1000 each),
/// lowered for look-alikes of dismissed exhibitors.
#[inline(always)]
pub(super) fn points(scale: &Scale, s: Signals) -> u8 {
    let w = &scale.w;
    let sum = s.industry * w[0]
        + u32::from(s.country) * 1000 * w[1]
        + u32::from(s.volume) * 1000 * w[2]
        + u32::from(s.language) * 1000 * w[3]
        + s.verified * w[4]
        + s.strength * w[5];
    // sum / total is 0–1000; the score is 0–100.
    let mut value = scale.divide(sum);
    if s.like > 0 {
        value = value * (100 - (s.like * DISMISS_STEP).min(DISMISS_CAP)) / 100;
    }
    (value / 10) as u8
}

/// The one place a pair is scored. Inlined into the ranking loop, where the reasons are not
/// used and compile away.
#[inline(always)]
pub(super) fn score_scaled(
    scale: &Scale,
    buyer: &Buyer,
    exhibitor_index: u32,
    exhibitor: &Exhibitor,
    engagement: Engagement,
) -> Option<(u8, Reasons)> {
    let shared = buyer.declared & exhibitor.industries;
    let browsed = buyer.browsed & exhibitor.industries & !shared;
    if shared == 0 && browsed == 0 && engagement.is_empty() {
        return None;
    }
    if !buyer.dismissed.is_empty() && buyer.dismissed.binary_search(&exhibitor_index).is_ok() {
        return None;
    }
    let country = exhibitor.country < 64 && buyer.countries & (1u64 << exhibitor.country) != 0;
    let volume = buyer.volume.is_some_and(|v| v >= exhibitor.min_volume);
    let language = buyer.language & exhibitor.languages;
    let like = if buyer.dismissed_traits.is_empty() {
        0
    } else {
        buyer
            .dismissed_traits
            .iter()
            .filter(|(ind, c)| *c == exhibitor.country && ind & exhibitor.industries != 0)
            .count() as u32
    };
    let value = points(
        scale,
        Signals {
            industry: if shared != 0 {
                1000
            } else if browsed != 0 {
                600
            } else {
                0
            },
            country,
            volume,
            language: language != 0,
            verified: u32::from(buyer.verified) * 500 + u32::from(exhibitor.verified) * 500,
            strength: engagement.strength(),
            like,
        },
    );
    if value < MIN_SCORE {
        return None;
    }
    let lowered = like > 0;
    Some((
        value,
        Reasons {
            industries: shared,
            browsed,
            country: country.then_some(exhibitor.country),
            volume,
            language,
            buyer_verified: buyer.verified,
            exhibitor_verified: exhibitor.verified,
            engagement,
            lowered,
        },
    ))
}
