use super::score::{Scale, MAX_SUM};
use super::*;

/// A small deterministic generator (xorshift64*), so the tests need no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn marine() -> IndustrySet {
    industry_bit("marine").unwrap()
}

fn buyer() -> Buyer {
    Buyer {
        declared: marine(),
        countries: country_set(["CN", "KR"]),
        volume: Some(2),
        language: language_bit(crate::Locale::En),
        ..Buyer::default()
    }
}

fn exhibitor() -> Exhibitor {
    Exhibitor {
        industries: marine(),
        country: country_index("CN").unwrap(),
        languages: language_bit(crate::Locale::En) | language_bit(crate::Locale::ZhCn),
        min_volume: 1,
        verified: true,
    }
}

#[test]
fn a_full_match_scores_high_and_says_why() {
    let mut b = buyer();
    b.engaged = vec![(
        0,
        Engagement {
            booth_views: 2,
            product_views: 3,
            products_seen: 3,
            favorites: 1,
            ..Engagement::default()
        },
    )];
    let (s, r) = score(&Weights::default(), &b, 0, &exhibitor()).unwrap();
    assert!(s >= 80, "{s}");
    assert_eq!(r.industries, marine());
    assert_eq!(r.country, country_index("CN"));
    assert!(r.volume);
    assert_eq!(r.language, language_bit(crate::Locale::En));
    assert!(r.exhibitor_verified && !r.buyer_verified);
    assert_eq!(r.engagement.products_seen, 3);
    assert_eq!(Reasons::decode(&r.encode()), r);
}

#[test]
fn each_signal_moves_the_score() {
    let w = Weights::default();
    let base = score(&w, &buyer(), 0, &exhibitor()).unwrap().0;
    let mut far = exhibitor();
    far.country = country_index("DE").unwrap();
    assert!(score(&w, &buyer(), 0, &far).unwrap().0 < base);
    let mut big = exhibitor();
    big.min_volume = 3;
    assert!(score(&w, &buyer(), 0, &big).unwrap().0 < base);
    let mut mute = exhibitor();
    mute.languages = language_bit(crate::Locale::Ru);
    assert!(score(&w, &buyer(), 0, &mute).unwrap().0 < base);
    let mut b = buyer();
    b.engaged = vec![(
        0,
        Engagement {
            inquiries: 1,
            ..Engagement::default()
        },
    )];
    assert!(score(&w, &b, 0, &exhibitor()).unwrap().0 > base);
    // Browsing an industry counts, less than declaring it.
    let mut browsing = buyer();
    browsing.declared = 0;
    browsing.browsed = marine();
    let (s, r) = score(&w, &browsing, 0, &exhibitor()).unwrap();
    assert!(s < base);
    assert_eq!((r.industries, r.browsed), (0, marine()));
}

#[test]
fn nothing_shared_is_no_candidate() {
    let mut e = exhibitor();
    e.industries = industry_bit("food").unwrap();
    assert!(score(&Weights::default(), &buyer(), 0, &e).is_none());
    // … unless the buyer engaged with the booth.
    let mut b = buyer();
    b.engaged = vec![(
        0,
        Engagement {
            favorites: 1,
            chats: 1,
            ..Engagement::default()
        },
    )];
    assert!(score(&Weights::default(), &b, 0, &e).is_some());
}

#[test]
fn dismissing_removes_the_booth_and_lowers_look_alikes() {
    let model = Model::new(
        Weights::default(),
        vec![exhibitor(), exhibitor(), {
            let mut e = exhibitor();
            e.country = country_index("KR").unwrap();
            e
        }],
    );
    let before = model.top_for_buyer(&buyer(), 10);
    assert_eq!(before.len(), 3);
    let mut b = buyer();
    b.dismissed = vec![0];
    b.dismissed_traits = vec![(marine(), country_index("CN").unwrap())];
    let after = model.top_for_buyer(&b, 10);
    assert_eq!(
        after.iter().map(|s| s.exhibitor).collect::<Vec<_>>(),
        vec![2, 1]
    );
    assert!(after[1].reasons.lowered);
    assert!(after[1].score < before[1].score);
}

#[test]
fn weights_are_read_and_checked() {
    let ok = Weights::parse(&[
        ("industry", "50"),
        ("country", "0"),
        ("volume", " 10 "),
        ("language", "10"),
        ("verified", "0"),
        ("behaviour", "30"),
    ])
    .unwrap();
    assert_eq!(ok.as_array(), [50, 0, 10, 10, 0, 30]);
    let err = Weights::parse(&[("industry", "101"), ("country", "x")]).unwrap_err();
    let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
    assert!(
        fields.contains(&"industry")
            && fields.contains(&"country")
            && fields.contains(&"behaviour")
    );
    let zero: Vec<(&str, &str)> = WEIGHT_NAMES.iter().map(|n| (*n, "0")).collect();
    assert_eq!(
        Weights::parse(&zero).unwrap_err().0[0].message_id,
        "match-error-weights-zero"
    );
}

#[test]
fn top_n_keeps_the_best_and_breaks_ties_by_index() {
    let mut t = TopN::new(3);
    for (s, i) in [(10, 5), (50, 9), (50, 2), (30, 1), (5, 0), (50, 7)] {
        t.offer(s, i);
    }
    assert_eq!(t.items(), &[(50, 2), (50, 7), (50, 9)]);
    assert_eq!(t.floor(), 50);
}

fn generated(
    buyers: usize,
    exhibitors: usize,
    seed: u64,
) -> (Vec<Buyer>, Vec<Exhibitor>, Vec<u32>) {
    let mut rng = Rng(seed);
    let n_ind = crate::expo::INDUSTRIES.len() as u64;
    let n_cty = crate::account::COUNTRIES.len() as u64;
    let ex: Vec<Exhibitor> = (0..exhibitors)
        .map(|_| Exhibitor {
            industries: 1 << rng.below(n_ind) | 1 << rng.below(n_ind),
            country: rng.below(n_cty) as u8,
            languages: 1 << rng.below(6) | 1 << rng.below(6),
            min_volume: rng.below(4) as u8,
            verified: rng.below(2) == 0,
        })
        .collect();
    let mut planted = Vec::new();
    let bs = (0..buyers)
        .map(|_| {
            let p = rng.below(exhibitors as u64) as u32;
            planted.push(p);
            let pe = ex[p as usize];
            let own_industry = industry_keys(pe.industries)[0];
            let mut engaged: Vec<(u32, Engagement)> = (0..3)
                .map(|_| {
                    (
                        rng.below(exhibitors as u64) as u32,
                        Engagement {
                            booth_views: 1,
                            seconds: 20,
                            ..Engagement::default()
                        },
                    )
                })
                .filter(|(i, _)| *i != p)
                .collect();
            engaged.push((
                p,
                Engagement {
                    booth_views: 2,
                    product_views: 2,
                    products_seen: 2,
                    seconds: 240,
                    favorites: 1,
                    ..Engagement::default()
                },
            ));
            engaged.sort_by_key(|(i, _)| *i);
            engaged.dedup_by_key(|(i, _)| *i);
            Buyer {
                declared: industry_bit(own_industry).unwrap() | 1 << rng.below(n_ind),
                browsed: 1 << rng.below(n_ind),
                countries: 1 << pe.country | 1 << rng.below(n_cty),
                volume: Some(pe.min_volume.max(rng.below(4) as u8)),
                language: pe.languages & pe.languages.wrapping_neg(),
                verified: rng.below(3) == 0,
                engaged,
                ..Buyer::default()
            }
        })
        .collect();
    (bs, ex, planted)
}

/// Planted ground truth: each buyer has one exhibitor that fits on every declared signal and
/// that the buyer saved and studied; among hundreds of partly fitting exhibitors and random
/// browsing, that one must come first.
#[test]
fn planted_pairs_rank_first() {
    let (buyers, exhibitors, planted) = generated(2_000, 600, 0x5eed);
    let model = Model::new(Weights::default(), exhibitors);
    let mut first = 0;
    let mut top3 = 0;
    for (b, p) in buyers.iter().zip(&planted) {
        let top = model.top_for_buyer(b, 3);
        if top.first().is_some_and(|s| s.exhibitor == *p) {
            first += 1;
        }
        if top.iter().any(|s| s.exhibitor == *p) {
            top3 += 1;
        }
    }
    assert!(first >= 1_940, "planted first for {first} of 2000");
    assert!(top3 >= 1_990, "planted in the top 3 for {top3} of 2000");
    // Without behaviour and country the planted pair drowns among look-alikes: the signals are
    // what ranks it.
    let blind = Model::new(
        Weights {
            country: 0,
            behaviour: 0,
            ..Weights::default()
        },
        model.exhibitors().to_vec(),
    );
    let blind_first = buyers
        .iter()
        .zip(&planted)
        .filter(|(b, p)| {
            blind
                .top_for_buyer(b, 1)
                .first()
                .is_some_and(|s| s.exhibitor == **p)
        })
        .count();
    assert!(
        blind_first < first / 2,
        "blind ranking still found {blind_first}"
    );
}

#[test]
fn ranking_in_slices_equals_ranking_at_once() {
    let (buyers, exhibitors, _) = generated(900, 200, 42);
    let model = Model::new(Weights::default(), exhibitors);
    let whole = model.rank(&buyers, 0);
    let mut parts = model.rank(&buyers[..300], 0);
    parts.merge(model.rank(&buyers[300..], 300));
    assert_eq!(whole.pairs(), parts.pairs());
    for (a, b) in whole.exhibitors.iter().zip(&parts.exhibitors) {
        assert_eq!(a.items(), b.items());
    }
    // A buyer's list from the full ranking is what the per-buyer read gives.
    for (i, b) in buyers.iter().enumerate().take(50) {
        let one: Vec<u32> = model
            .top_for_buyer(b, TOP_PER_BUYER)
            .iter()
            .map(|s| s.exhibitor)
            .collect();
        let all: Vec<u32> = whole.buyers[i].items().iter().map(|(_, e)| *e).collect();
        assert_eq!(one, all);
    }
}

#[test]
fn volume_bands_follow_the_minimum_order() {
    assert_eq!(volume_band_for_order(0), 0);
    assert_eq!(volume_band_for_order(50_000), 1);
    assert_eq!(volume_band_for_order(5_000_000), 3);
}

#[test]
fn the_reciprocal_divides_exactly() {
    let mut rng = Rng(42);
    for total in 1..=600u32 {
        let mut w = Weights::default();
        // Any weights with this sum: the scale only reads the sum.
        let parts = [total.min(100), total.saturating_sub(100).min(100)];
        w.industry = parts[0] as u8;
        w.country = parts[1] as u8;
        w.volume = total.saturating_sub(200).min(100) as u8;
        w.language = total.saturating_sub(300).min(100) as u8;
        w.verified = total.saturating_sub(400).min(100) as u8;
        w.behaviour = total.saturating_sub(500).min(100) as u8;
        let scale = Scale::of(&w).unwrap();
        assert_eq!(scale.w.iter().sum::<u32>(), total);
        let check = |n: u32| assert_eq!(scale.divide(n), n / total, "{n} / {total}");
        // Either side of every multiple up to the largest sum, and random sums.
        let mut k = 0;
        while k * total < MAX_SUM {
            check(k * total);
            if k * total + total - 1 < MAX_SUM {
                check(k * total + total - 1);
            }
            k += 1;
        }
        for _ in 0..1000 {
            check(rng.below(u64::from(MAX_SUM)) as u32);
        }
    }
}

/// The ranking's lookup-table loop gives exactly what scoring every pair one by one gives, for
/// both sides' lists, under several weightings, with buyers who browsed, undeclared volumes and
/// dismissals (which take the full path).
#[test]
fn ranking_equals_scoring_every_pair() {
    let (mut buyers, exhibitors, _) = generated(700, 250, 7);
    let mut rng = Rng(9);
    for b in buyers.iter_mut() {
        if rng.below(4) == 0 {
            b.volume = None;
        }
        if rng.below(3) == 0 {
            b.declared = 0;
        }
        if rng.below(8) == 0 {
            let e = rng.below(250) as u32;
            b.dismissed.push(e);
            let ex = exhibitors[e as usize];
            b.dismissed_traits.push((ex.industries, ex.country));
        }
    }
    let weightings = [
        Weights::default(),
        Weights {
            industry: 5,
            country: 0,
            volume: 100,
            language: 60,
            verified: 100,
            behaviour: 1,
        },
        Weights {
            industry: 0,
            country: 0,
            volume: 0,
            language: 0,
            verified: 0,
            behaviour: 100,
        },
    ];
    for weights in weightings {
        let model = Model::new(weights, exhibitors.clone());
        let ranking = model.rank(&buyers, 0);
        let mut per_exhibitor: Vec<TopN> = (0..exhibitors.len())
            .map(|_| TopN::new(TOP_PER_EXHIBITOR))
            .collect();
        for (bi, b) in buyers.iter().enumerate() {
            let mut top = TopN::new(TOP_PER_BUYER);
            for e in 0..exhibitors.len() as u32 {
                if let Some((s, _)) = model.score(b, e) {
                    top.offer(s, e);
                    per_exhibitor[e as usize].offer(s, bi as u32);
                }
            }
            assert_eq!(top.items(), ranking.buyers[bi].items(), "buyer {bi}");
        }
        for (e, (mine, all)) in ranking.exhibitors.iter().zip(&per_exhibitor).enumerate() {
            assert_eq!(mine.items(), all.items(), "exhibitor {e}");
        }
    }
}

#[test]
fn top_n_takes_a_lower_index_tie_offered_late() {
    let mut t = TopN::new(2);
    for (s, i) in [(50, 9), (50, 7), (50, 2)] {
        t.offer(s, i);
    }
    assert_eq!(t.items(), &[(50, 2), (50, 7)]);
}
