//! What keeps the counters honest: well-known robots are not counted, and one visitor's beacons
//! are capped (a person does not open the same page more than a few times a minute), so a
//! replayed or scripted beacon cannot inflate a booth's views. The cap on all of a visitor's
//! beacons is loose, as visitors not signed in behind one address and browser share a
//! pseudonym. The caps are kept per node, in memory; beyond them a beacon is answered as usual
//! and recorded nowhere.

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;

/// Views of one page by one visitor that count, per minute (and at once).
pub const VIEWS_PER_PAGE_PER_MINUTE: u32 = 6;
/// Beacons of one visitor that count, per minute (and at once).
pub const BEACONS_PER_MINUTE: u32 = 300;

/// Pieces of the user agents of crawlers, link previewers and scripts, lower case.
const ROBOTS: &[&str] = &[
    "bot",
    "crawl",
    "spider",
    "slurp",
    "preview",
    "facebookexternalhit",
    "embedly",
    "curl/",
    "wget/",
    "python-requests",
    "python-urllib",
    "go-http-client",
    "okhttp",
    "libwww-perl",
    "httpclient",
    "java/",
    "scrapy",
];

/// Whether a user agent is a well-known robot's.
pub fn is_robot(user_agent: &str) -> bool {
    let ua = user_agent.to_ascii_lowercase();
    ROBOTS.iter().any(|r| ua.contains(r))
}

/// The per-visitor caps.
pub struct FootprintGuard {
    per_page: DefaultKeyedRateLimiter<String>,
    per_visitor: DefaultKeyedRateLimiter<String>,
}

impl std::fmt::Debug for FootprintGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FootprintGuard({} pages)", self.per_page.len())
    }
}

impl Default for FootprintGuard {
    fn default() -> Self {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        FootprintGuard {
            per_page: RateLimiter::keyed(quota(VIEWS_PER_PAGE_PER_MINUTE)),
            per_visitor: RateLimiter::keyed(quota(BEACONS_PER_MINUTE)),
        }
    }
}

impl FootprintGuard {
    /// Whether a beacon of `actor` about a page counts.
    pub fn admit(&self, actor: &str, kind: &str, target_kind: &str, target_id: &str) -> bool {
        if self.per_visitor.check_key(&actor.to_owned()).is_err() {
            return false;
        }
        kind != "view"
            || self
                .per_page
                .check_key(&format!("{actor}|{target_kind}|{target_id}"))
                .is_ok()
    }

    /// Forgets visitors whose caps are whole again (memory stays bounded by the last minutes'
    /// visitors).
    pub fn shrink(&self) {
        self.per_page.retain_recent();
        self.per_page.shrink_to_fit();
        self.per_visitor.retain_recent();
        self.per_visitor.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn robots_are_known_by_their_agents() {
        assert!(is_robot(
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
        ));
        assert!(is_robot("curl/8.5.0"));
        assert!(is_robot("facebookexternalhit/1.1"));
        assert!(!is_robot(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"
        ));
        assert!(!is_robot(""));
    }

    #[test]
    fn a_visitor_s_views_of_one_page_are_capped() {
        let g = FootprintGuard::default();
        let counted = (0..10)
            .filter(|_| g.admit("v:1", "view", "booth", "b1"))
            .count();
        assert_eq!(counted, VIEWS_PER_PAGE_PER_MINUTE as usize);
        // Another page, or another visitor, still counts; time spent is not a view.
        assert!(g.admit("v:1", "view", "booth", "b2"));
        assert!(g.admit("v:2", "view", "booth", "b1"));
        assert!(g.admit("v:1", "dwell", "booth", "b1"));
        let beacons = (0..400)
            .filter(|i| g.admit("v:3", "view", "product", &i.to_string()))
            .count();
        assert_eq!(beacons, BEACONS_PER_MINUTE as usize);
    }
}
