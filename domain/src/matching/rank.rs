//! Ranking many buyers against an expo's exhibitors, both ways: each buyer's best exhibitors
//! and each exhibitor's best buyers.

use super::score::{points, score, score_scaled, Scale, Signals};
use super::*;

/// The highest-scoring entries seen, at most `cap`; ties keep the lower index.
#[derive(Clone, Debug, Default)]
pub struct TopN {
    cap: usize,
    /// (score, index), sorted best first.
    items: Vec<(u8, u32)>,
}

impl TopN {
    /// Keeps at most `cap` entries.
    pub fn new(cap: usize) -> TopN {
        TopN {
            cap,
            items: Vec::new(),
        }
    }

    /// The lowest score that would still get in.
    #[inline]
    pub fn floor(&self) -> u8 {
        if self.items.len() < self.cap {
            0
        } else {
            self.items.last().map(|x| x.0).unwrap_or(0)
        }
    }

    /// Offers an entry.
    #[inline]
    pub fn offer(&mut self, score: u8, index: u32) {
        if self.cap == 0 {
            return;
        }
        if self.items.len() >= self.cap {
            // Full: only something better than the last entry gets in, whatever the order of
            // the offers (a tie with a lower index is better).
            match self.items.last() {
                Some(&(s, i)) if score > s || (score == s && index < i) => {}
                _ => return,
            }
        }
        // Best first: higher score, then lower index.
        let at = self
            .items
            .partition_point(|(s, i)| *s > score || (*s == score && *i < index));
        self.items.insert(at, (score, index));
        self.items.truncate(self.cap);
    }

    /// The entries, best first.
    pub fn items(&self) -> &[(u8, u32)] {
        &self.items
    }

    /// Merges another list into this one.
    pub fn merge(&mut self, other: &TopN) {
        for (s, i) in &other.items {
            self.offer(*s, *i);
        }
    }
}

/// The exhibitors of one expo, indexed for candidate generation.
#[derive(Clone, Debug)]
pub struct Model {
    /// The weights in force.
    pub weights: Weights,
    exhibitors: Vec<Exhibitor>,
    /// For each industry set (0–63), the exhibitors sharing at least one of its industries.
    by_industries: Vec<Vec<u32>>,
}

/// One scored pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scored {
    /// The exhibitor's index.
    pub exhibitor: u32,
    /// 0–100.
    pub score: u8,
    /// Why.
    pub reasons: Reasons,
}

impl Model {
    /// Indexes the exhibitors (their position is their index everywhere else).
    pub fn new(weights: Weights, exhibitors: Vec<Exhibitor>) -> Model {
        let sets = 1usize << crate::expo::INDUSTRIES.len();
        let by_industries = (0..sets)
            .map(|mask| {
                exhibitors
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.industries & mask as u8 != 0)
                    .map(|(i, _)| i as u32)
                    .collect()
            })
            .collect();
        Model {
            weights,
            exhibitors,
            by_industries,
        }
    }

    /// The exhibitors, by index.
    pub fn exhibitors(&self) -> &[Exhibitor] {
        &self.exhibitors
    }

    /// The exhibitors sharing an industry the buyer declared or browsed, by index.
    fn candidates(&self, buyer: &Buyer) -> &[u32] {
        let mask = (buyer.declared | buyer.browsed) as usize;
        self.by_industries
            .get(mask)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Scores every candidate exhibitor of a buyer, calling `visit` for each match.
    #[inline]
    pub fn each_match(&self, buyer: &Buyer, mut visit: impl FnMut(u32, u8, Reasons)) {
        let Some(scale) = Scale::of(&self.weights) else {
            return;
        };
        let list = self.candidates(buyer);
        // Both lists are sorted by index: walk them together so an engaged exhibitor is scored
        // once, with its engagement.
        let mut engaged = buyer.engaged.iter().peekable();
        let mut candidates = list.iter().peekable();
        loop {
            let next_c = candidates.peek().map(|i| **i);
            let next_e = engaged.peek().map(|(i, _)| *i);
            let (index, engagement) = match (next_c, next_e) {
                (None, None) => break,
                (Some(c), Some(e)) if c == e => {
                    candidates.next();
                    (c, engaged.next().map(|x| x.1).unwrap_or_default())
                }
                (Some(c), Some(e)) if e < c => (e, engaged.next().map(|x| x.1).unwrap_or_default()),
                (Some(c), _) => {
                    candidates.next();
                    (c, Engagement::default())
                }
                (None, Some(e)) => (e, engaged.next().map(|x| x.1).unwrap_or_default()),
            };
            let Some(exhibitor) = self.exhibitors.get(index as usize) else {
                continue;
            };
            if let Some((s, r)) = score_scaled(&scale, buyer, index, exhibitor, engagement) {
                visit(index, s, r);
            }
        }
    }

    /// [`Model::each_match`] for the ranking, for a buyer who dismissed nothing: the hot loop.
    /// A candidate's score then depends on five yes-or-no signals (declared or only browsed
    /// industry, country, volume, language, verified exhibitor), so the 32 possible scores are
    /// worked out once per buyer by [`points`] and each candidate only looks its own up; only a
    /// score that can enter the buyer's list or the exhibitor's goes further. Exhibitors the
    /// buyer engaged with are scored in full, in index order like the rest.
    fn rank_buyer(&self, scale: &Scale, buyer: &Buyer, lists: &mut Lists<'_>) {
        let mut table = [0u8; 32];
        for (k, slot) in table.iter_mut().enumerate() {
            let s = points(
                scale,
                Signals {
                    industry: if k & 16 != 0 { 1000 } else { 600 },
                    country: k & 8 != 0,
                    volume: k & 4 != 0,
                    language: k & 2 != 0,
                    verified: u32::from(buyer.verified) * 500 + (k as u32 & 1) * 500,
                    strength: 0,
                    like: 0,
                },
            );
            *slot = if s >= MIN_SCORE { s } else { 0 };
        }
        let list = self.candidates(buyer);
        let volume = buyer.volume.map_or(-1, i16::from);
        let mut engaged = buyer.engaged.iter();
        let mut next = engaged.next();
        let full = |(index, engagement): &(u32, Engagement)| {
            let exhibitor = self.exhibitors.get(*index as usize)?;
            score_scaled(scale, buyer, *index, exhibitor, *engagement).map(|(s, _)| s)
        };
        for &c in list {
            let mut scored = false;
            while let Some(e) = next.filter(|e| e.0 <= c) {
                if let Some(s) = full(e) {
                    lists.offer(e.0, s);
                }
                scored |= e.0 == c;
                next = engaged.next();
            }
            if scored {
                continue;
            }
            let Some(ex) = self.exhibitors.get(c as usize) else {
                continue;
            };
            let k = usize::from(buyer.declared & ex.industries != 0) << 4
                | usize::from(ex.country < 64 && buyer.countries >> (ex.country & 63) & 1 != 0)
                    << 3
                | usize::from(volume >= i16::from(ex.min_volume)) << 2
                | usize::from(buyer.language & ex.languages != 0) << 1
                | usize::from(ex.verified);
            let s = table[k];
            if s != 0 && lists.wants(c, s) {
                lists.offer(c, s);
            }
        }
        while let Some(e) = next {
            if let Some(s) = full(e) {
                lists.offer(e.0, s);
            }
            next = engaged.next();
        }
    }

    /// A buyer's best `n` exhibitors, best first.
    pub fn top_for_buyer(&self, buyer: &Buyer, n: usize) -> Vec<Scored> {
        let mut top = TopN::new(n);
        self.each_match(buyer, |i, s, _| top.offer(s, i));
        top.items()
            .iter()
            .filter_map(|(_, i)| {
                let e = self.exhibitors.get(*i as usize)?;
                let (score, reasons) = score(&self.weights, buyer, *i, e)?;
                Some(Scored {
                    exhibitor: *i,
                    score,
                    reasons,
                })
            })
            .collect()
    }

    /// Scores one pair with this model's weights.
    pub fn score(&self, buyer: &Buyer, exhibitor: u32) -> Option<(u8, Reasons)> {
        let e = self.exhibitors.get(exhibitor as usize)?;
        score(&self.weights, buyer, exhibitor, e)
    }
}

/// The result of ranking a slice of buyers: each buyer's best exhibitors and, per exhibitor, its
/// best buyers among them (buyer indexes are offset by `first_buyer`).
#[derive(Clone, Debug)]
pub struct Ranking {
    /// Per buyer, its top list of exhibitor indexes.
    pub buyers: Vec<TopN>,
    /// Per exhibitor, its top list of buyer indexes.
    pub exhibitors: Vec<TopN>,
}

impl Model {
    /// Ranks buyers `first_buyer..` of `buyers` both ways; run it on slices in parallel and
    /// [`Ranking::merge`] the results.
    pub fn rank(&self, buyers: &[Buyer], first_buyer: u32) -> Ranking {
        let mut per_exhibitor: Vec<TopN> = (0..self.exhibitors.len())
            .map(|_| TopN::new(TOP_PER_EXHIBITOR))
            .collect();
        let mut floors = vec![0u8; self.exhibitors.len()];
        let mut per_buyer = Vec::with_capacity(buyers.len());
        let scale = Scale::of(&self.weights);
        for (bi, buyer) in buyers.iter().enumerate() {
            let mut lists = Lists {
                buyer: first_buyer + bi as u32,
                top: TopN::new(TOP_PER_BUYER),
                top_floor: 0,
                floors: &mut floors,
                per_exhibitor: &mut per_exhibitor,
            };
            match scale {
                Some(scale) if buyer.dismissed.is_empty() && buyer.dismissed_traits.is_empty() => {
                    self.rank_buyer(&scale, buyer, &mut lists);
                }
                _ => self.each_match(buyer, |e, s, _| lists.offer(e, s)),
            }
            per_buyer.push(lists.top);
        }
        Ranking {
            buyers: per_buyer,
            exhibitors: per_exhibitor,
        }
    }
}

/// The lists one buyer's matches are offered to while ranking: the buyer's own, and each
/// exhibitor's with its floor (the score a buyer must beat to get in).
struct Lists<'a> {
    buyer: u32,
    top: TopN,
    top_floor: u8,
    floors: &'a mut [u8],
    per_exhibitor: &'a mut [TopN],
}

impl Lists<'_> {
    /// Whether a score could enter either list. Offers come in exhibitor order and buyers in
    /// index order, so a tie never gets in: only a higher score does.
    #[inline(always)]
    fn wants(&self, exhibitor: u32, score: u8) -> bool {
        score > self.top_floor
            || self
                .floors
                .get(exhibitor as usize)
                .is_some_and(|f| score > *f)
    }

    fn offer(&mut self, exhibitor: u32, score: u8) {
        if score > self.top_floor {
            self.top.offer(score, exhibitor);
            self.top_floor = self.top.floor();
        }
        // The floor is 0 until the list is full, and every match scores above 0.
        if let (Some(f), Some(t)) = (
            self.floors.get_mut(exhibitor as usize),
            self.per_exhibitor.get_mut(exhibitor as usize),
        ) {
            if score > *f {
                t.offer(score, self.buyer);
                *f = t.floor();
            }
        }
    }
}

impl Ranking {
    /// Appends the next slice's buyers and merges its exhibitor lists.
    pub fn merge(&mut self, next: Ranking) {
        self.buyers.extend(next.buyers);
        for (mine, theirs) in self.exhibitors.iter_mut().zip(next.exhibitors.iter()) {
            mine.merge(theirs);
        }
    }

    /// Every (buyer, exhibitor) pair either side keeps, sorted and without repeats.
    pub fn pairs(&self) -> Vec<(u32, u32)> {
        let mut out: Vec<(u32, u32)> = Vec::new();
        for (b, top) in self.buyers.iter().enumerate() {
            out.extend(top.items().iter().map(|(_, e)| (b as u32, *e)));
        }
        for (e, top) in self.exhibitors.iter().enumerate() {
            out.extend(top.items().iter().map(|(_, b)| (*b, e as u32)));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
