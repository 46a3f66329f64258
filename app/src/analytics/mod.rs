//! Analytics (clause 6.2.1): the organizer's live counters. Every second, each node computes
//! the counters of the expos whose dashboard someone follows on it and pushes them over the
//! hub to those followers only (`dashboard:<expo>`, organizers alone may follow), so the page
//! never polls and two nodes never send one dashboard the same push twice.

pub mod api;
#[cfg(feature = "ssr")]
pub mod guard;
pub mod live_page;
#[cfg(feature = "ssr")]
pub mod service;
