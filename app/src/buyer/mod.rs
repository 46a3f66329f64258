//! Professional buyers (clause 3.1.4): the buyer profile with contact details kept with
//! consent, the organizer's verification badge, and the buyer directory that exhibitors see
//! without the contact details a buyer did not agree to share.

pub mod api;
pub mod buyer_page;
pub mod buyer_profile_page;
pub mod buyers_page;
#[cfg(feature = "ssr")]
pub mod service;
