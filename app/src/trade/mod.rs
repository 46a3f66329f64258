//! The trade loop's inquiries, quotes and deals: a buyer asks a booth for a price from a booth
//! or product page, the booth's team answers with quotes (every revision kept), the buyer
//! accepts or declines in the open and negotiates in the linked conversation, and accepted
//! quotes count as intended deal value on the organizer's trade page.
//!
//! Invariants: an inquiry is read only by its buyer and its booth's team (organizers see
//! figures, never contents); status changes are conditional updates, so racing answers change
//! a row once; the same form sent twice makes one inquiry.

pub mod api;
#[cfg(feature = "ssr")]
pub mod files;
pub mod form_files;
pub mod inquiries_page;
pub mod inquiry_files;
pub mod inquiry_form_page;
pub mod inquiry_page;
pub mod quote_form;
#[cfg(feature = "ssr")]
pub mod service;
pub mod trade_page;
