//! Analytics (clauses 6.2.1 to 6.2.3).
//!
//! - Live counters: every second, each node computes the counters of the expos whose
//!   dashboard someone follows on it and pushes them over the hub to those followers only
//!   (`dashboard:<expo>`, organizers alone may follow), so the page never polls and two nodes
//!   never send one dashboard the same push twice.
//! - Analysis: traffic over time, per hall and per booth, visit lengths, the funnel from a view
//!   to a deal, searches, invitation sources and buyers' countries, filtered by day and hall,
//!   for the organizer (the whole expo or any booth) and for a booth's team (its own booth,
//!   with its leads' stages). Charts are drawn on the server as SVG, each with its table, and
//!   every table exports to CSV and XLSX.
//! - Footprints are stored by one writer per node in batches (`ingest`), which also counts the
//!   day's visitors and views as they arrive, so the counters read a few rows.

#[cfg(feature = "ssr")]
pub mod analysis;
pub mod analysis_page;
pub mod analysis_tables;
pub mod api;
#[cfg(feature = "ssr")]
pub mod charts;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod ingest;
pub mod live_page;
#[cfg(feature = "ssr")]
pub mod report;
pub mod report_page;
#[cfg(feature = "ssr")]
pub mod service;
