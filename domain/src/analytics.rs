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
    /// Inquiries sent.
    pub inquiries: Figure,
    /// Quotes sent (every revision).
    pub quotes: Figure,
    /// Appointments asked for.
    pub appointments: Figure,
    /// Appointments accepted.
    pub appointments_accepted: i64,
    /// Visitors today by country (ISO code, empty when unknown), most first.
    pub countries_today: Vec<(String, i64)>,
    /// Visitors today by language (BCP 47 tag, empty when unknown), most first.
    pub languages_today: Vec<(String, i64)>,
}
