//! Search: the index of products and exhibitors, the search box with suggestions in the header,
//! the results page with filters, and the record of searches.
//!
//! Invariant: the index follows the database and is never the only copy of anything; a search
//! request never fails on what the visitor typed (see `domain::search`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod engine;
#[cfg(feature = "ssr")]
pub mod follower;
pub mod insights_page;
pub mod search_box;
pub mod search_page;
#[cfg(feature = "ssr")]
pub mod service;
