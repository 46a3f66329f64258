//! The organizer's live counters: what is happening in an expo now and today, and in all.
//!
//! "Today" is the expo's own day (from local midnight in its time zone). Visitors are counted
//! once per person, or per daily pseudonym for people not signed in (so one anonymous visitor
//! on two days counts twice in the total); people who turned recording off, or whose browser
//! asks not to be tracked, are not counted at all.

use serde::{Deserialize, Serialize};

/// A figure today and in all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// Since the expo's local midnight.
    pub today: i64,
    /// Since the expo opened.
    pub total: i64,
}

/// The expo's counters at one moment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveCounters {
    /// When they were read, UTC milliseconds.
    pub at: i64,
    /// Signed-in people with the site open now.
    pub online_now: i64,
    /// Visitors (people and anonymous visitors who opened a hall, booth, product or broadcast).
    pub visitors: Figure,
    /// Of them, professional buyers (people with a buyer profile).
    pub buyers: Figure,
    /// Views of booths.
    pub booth_views: Figure,
    /// Views of products.
    pub product_views: Figure,
    /// Chat messages sent.
    pub messages: Figure,
    /// Meetings that started.
    pub meetings: Figure,
    /// Minutes spent in meetings, everyone's added up.
    pub meeting_minutes: i64,
    /// People watching a broadcast now.
    pub live_viewers: i64,
    /// The most people watching broadcasts at once today.
    pub live_viewers_peak: i64,
    /// Inquiries sent.
    pub inquiries: Figure,
    /// Quotes sent (every revision).
    pub quotes: Figure,
    /// Appointments asked for.
    pub appointments: Figure,
    /// Appointments accepted.
    pub appointments_accepted: i64,
    /// Intended deal value of accepted quotes per currency (minor units), largest first.
    pub deals: Vec<(String, i64)>,
    /// The currency of [`LiveCounters::deal_total`].
    pub deal_base: String,
    /// All deals converted into `deal_base` with the organizer's rate table (minor units).
    pub deal_total: i64,
    /// Deal currencies without a rate, left out of the total.
    pub deal_unconverted: Vec<String>,
    /// Visitors today by country (ISO code, empty when unknown), most first.
    pub countries_today: Vec<(String, i64)>,
    /// Visitors today by language (BCP 47 tag, empty when unknown), most first.
    pub languages_today: Vec<(String, i64)>,
}

/// The figures the home page shows when the organizer lets it: visitors today and in all,
/// people online and broadcast viewers now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headline {
    /// Visitors today and in all.
    pub visitors: Figure,
    /// Signed-in people with the site open now.
    pub online_now: i64,
    /// People watching a broadcast now.
    pub live_viewers: i64,
}

impl LiveCounters {
    /// The public part.
    pub fn headline(&self) -> Headline {
        Headline {
            visitors: self.visitors,
            online_now: self.online_now,
            live_viewers: self.live_viewers,
        }
    }
}
