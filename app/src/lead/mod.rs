//! A booth's leads and their export (CRM): everyone who showed interest in the booth, with the
//! team's stage and note, filters, and CSV, XLSX and vCard files.
//!
//! Invariant: a buyer's contact details reach a booth's team only when the buyer agreed to share
//! them in their buyer profile; the query that reads leads is where that is decided.

pub mod api;
pub mod lead_row;
pub mod leads_page;
#[cfg(feature = "ssr")]
pub mod service;
