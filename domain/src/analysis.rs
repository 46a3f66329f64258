//! The analysis of an expo (clauses 6.2.2 and 6.2.3), or of one booth for its team: traffic over
//! time, how long visits last, the funnel from a view to a deal, searches, where visitors came
//! from and which countries buyers come from, filtered by day and hall.
//!
//! Days are the expo's own (its time zone). A visitor is a person, or the daily pseudonym of a
//! visitor who is not signed in. Funnel stages count pairs of a person and a booth: a person who
//! looked at two booths and asked one for a quote counts twice at the first stage and once at
//! the quote stage; each stage counts on its own (a buyer may ask for a quote from a search
//! result without opening the booth).

use crate::text::LocalizedText;
use crate::FieldError;
use serde::{Deserialize, Serialize};

/// What the analysis looks at.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalysisFilter {
    /// One day of the expo (`YYYY-MM-DD`), or every day.
    pub day: Option<String>,
    /// One hall (id), or every hall.
    pub hall: Option<String>,
    /// One booth (exhibitor id), or the whole expo.
    pub booth: Option<String>,
}

impl AnalysisFilter {
    /// The filter from a page's or an export's query values (empty means "all"); a day that is
    /// not a date, or an id that cannot be one, is refused.
    pub fn parse(day: &str, hall: &str, booth: &str) -> Result<AnalysisFilter, FieldError> {
        let day = day.trim();
        let day = if day.is_empty() {
            None
        } else if crate::locale::Date::parse_iso(day).is_some() {
            Some(day.to_owned())
        } else {
            return Err(FieldError::new("day", "analysis-error-day"));
        };
        let id = |v: &str, field: &str| {
            let v = v.trim();
            if v.is_empty() {
                Ok(None)
            } else if v.len() <= 80
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                Ok(Some(v.to_owned()))
            } else {
                Err(FieldError::new(field, "analysis-error-filter"))
            }
        };
        Ok(AnalysisFilter {
            day,
            hall: id(hall, "hall")?,
            booth: id(booth, "booth")?,
        })
    }

    /// The filter as a query string (`day=…&hall=…&booth=…`, empty parts left out).
    pub fn to_query(&self) -> String {
        [
            ("day", &self.day),
            ("hall", &self.hall),
            ("booth", &self.booth),
        ]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}")))
        .collect::<Vec<_>>()
        .join("&")
    }
}

/// One point of traffic: a day (every day shown) or an hour (one day shown).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrafficPoint {
    /// `YYYY-MM-DD`, or the hour `00`…`23` of the day shown.
    pub at: String,
    /// Distinct visitors.
    pub visitors: i64,
    /// Page views (halls, booths, products, broadcasts).
    pub views: i64,
    /// Minutes spent on those pages.
    pub minutes: i64,
}

/// A hall's or a booth's row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceRow {
    /// The hall's or exhibitor's id.
    pub id: String,
    /// Its name.
    pub name: LocalizedText,
    /// Distinct visitors.
    pub visitors: i64,
    /// Page views.
    pub views: i64,
    /// Minutes spent.
    pub minutes: i64,
}

/// Visits (a visitor's time on one booth on one day) by length.
pub const DWELL_BUCKETS: [(&str, i64); 6] = [
    ("analysis-dwell-10s", 10_000),
    ("analysis-dwell-30s", 30_000),
    ("analysis-dwell-1m", 60_000),
    ("analysis-dwell-3m", 180_000),
    ("analysis-dwell-10m", 600_000),
    ("analysis-dwell-more", i64::MAX),
];

/// The bucket of a visit of `millis` (an index into [`DWELL_BUCKETS`]).
pub fn dwell_bucket(millis: i64) -> usize {
    DWELL_BUCKETS
        .iter()
        .position(|(_, below)| millis < *below)
        .unwrap_or(DWELL_BUCKETS.len() - 1)
}

/// The stages of the funnel, in order.
pub const FUNNEL_STAGES: [&str; 6] = [
    "analysis-funnel-viewed",
    "analysis-funnel-favorited",
    "analysis-funnel-contacted",
    "analysis-funnel-met",
    "analysis-funnel-quoted",
    "analysis-funnel-dealt",
];

/// Pairs of a person and a booth at each stage of [`FUNNEL_STAGES`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funnel {
    /// Looked at the booth, its products or its broadcasts.
    pub viewed: i64,
    /// Saved the booth.
    pub favorited: i64,
    /// Wrote to the booth (a chat or an inquiry).
    pub contacted: i64,
    /// Had an appointment accepted with the booth.
    pub met: i64,
    /// Received a quote.
    pub quoted: i64,
    /// Accepted a quote.
    pub dealt: i64,
}

impl Funnel {
    /// The stages' counts in order.
    pub fn counts(&self) -> [i64; 6] {
        [
            self.viewed,
            self.favorited,
            self.contacted,
            self.met,
            self.quoted,
            self.dealt,
        ]
    }

    /// Each stage as a share of the first, in tenths of a percent (0 when nobody viewed).
    pub fn per_mille_of_viewed(&self) -> [i64; 6] {
        let first = self.viewed;
        self.counts()
            .map(|n| if first > 0 { n * 1000 / first } else { 0 })
    }
}

/// A search and how often it was made.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRow {
    /// The words searched for (lower case).
    pub query: String,
    /// How many times.
    pub times: i64,
    /// The most results any of those searches found (0 for a search that never found anything).
    pub results: i64,
}

/// Visitors who came through one invitation tag.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRow {
    /// The invitation's source tag (empty: people who registered without an invitation).
    pub source: String,
    /// People it brought who registered: for the whole expo all of them (not filtered); for a
    /// booth only those who visited that booth, so a team learns nothing of other campaigns.
    pub registrations: i64,
    /// Of the people it brought, those who visited (within the filter).
    pub visitors: i64,
    /// Of those, professional buyers.
    pub buyers: i64,
}

/// The whole analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    /// The filter it was made for.
    pub filter: AnalysisFilter,
    /// The booth's name when one booth is analysed.
    pub booth_name: Option<LocalizedText>,
    /// Whether the reader may look at the whole expo (an organizer) or only a booth.
    pub whole_expo: bool,
    /// The days the expo has traffic on, newest first (for the day filter).
    pub days: Vec<String>,
    /// The expo's halls (id, name), for the hall filter.
    pub halls: Vec<(String, LocalizedText)>,
    /// Visitors, views and minutes in all (within the filter).
    pub totals: TrafficPoint,
    /// Traffic per day, or per hour of the day chosen.
    pub traffic: Vec<TrafficPoint>,
    /// Traffic per hall (empty for a booth).
    pub by_hall: Vec<PlaceRow>,
    /// The booths with most visitors (empty for a booth).
    pub by_booth: Vec<PlaceRow>,
    /// Visits by length, per [`DWELL_BUCKETS`].
    pub dwell: Vec<i64>,
    /// From a view to a deal.
    pub funnel: Funnel,
    /// Intended deal value of accepted quotes per currency (minor units), largest first.
    pub deals: Vec<(String, i64)>,
    /// The searches made most often (the whole expo only).
    pub top_searches: Vec<SearchRow>,
    /// The searches that found nothing, most frequent first (the whole expo only).
    pub zero_searches: Vec<SearchRow>,
    /// Visitors by invitation tag.
    pub sources: Vec<SourceRow>,
    /// Visiting buyers by country (ISO code, empty when unknown), most first.
    pub buyer_countries: Vec<(String, i64)>,
    /// A booth's leads at each stage (`lead-stage-…` ids' stage names), for its team.
    pub leads: Vec<(String, i64)>,
}

/// The tables of an analysis that can be exported.
pub const TABLES: [&str; 10] = [
    "traffic",
    "halls",
    "booths",
    "dwell",
    "funnel",
    "deals",
    "searches",
    "zero",
    "sources",
    "countries",
];

/// The tables of an analysis that can be exported, with the leads' stages for a booth.
pub fn tables(a: &Analysis) -> Vec<&'static str> {
    let whole = a.filter.booth.is_none();
    let mut t: Vec<&'static str> = TABLES
        .into_iter()
        .filter(|t| whole || !matches!(*t, "halls" | "booths" | "searches" | "zero"))
        .collect();
    if !a.leads.is_empty() {
        t.push("leads");
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_checked_and_round_trip() {
        let f = AnalysisFilter::parse(" 2026-12-07 ", "h-1", "").unwrap();
        assert_eq!(f.day.as_deref(), Some("2026-12-07"));
        assert_eq!(f.to_query(), "day=2026-12-07&hall=h-1");
        assert_eq!(
            AnalysisFilter::parse("2026-13-40", "", "")
                .unwrap_err()
                .message_id,
            "analysis-error-day"
        );
        assert_eq!(
            AnalysisFilter::parse("", "a b", "").unwrap_err().field,
            "hall"
        );
        assert_eq!(
            AnalysisFilter::parse("", "", "").unwrap(),
            AnalysisFilter::default()
        );
    }

    #[test]
    fn visits_fall_in_one_bucket_each() {
        assert_eq!(dwell_bucket(0), 0);
        assert_eq!(dwell_bucket(9_999), 0);
        assert_eq!(dwell_bucket(10_000), 1);
        assert_eq!(dwell_bucket(59_999), 2);
        assert_eq!(dwell_bucket(600_000), 5);
        assert_eq!(dwell_bucket(i64::MAX), 5);
    }

    #[test]
    fn funnel_shares_are_of_the_first_stage() {
        let f = Funnel {
            viewed: 8,
            favorited: 4,
            contacted: 2,
            met: 1,
            quoted: 1,
            dealt: 0,
        };
        assert_eq!(f.per_mille_of_viewed(), [1000, 500, 250, 125, 125, 0]);
        assert_eq!(Funnel::default().per_mille_of_viewed(), [0; 6]);
    }
}
