//! Emergency tools (clause 8): the alert banner every open page shows within moments, through
//! the realtime hub; maintenance mode (read-only for all but organizers and operators); and the
//! public status page.

pub mod alert_banner;
pub mod api;
pub mod operations_page;
#[cfg(feature = "ssr")]
pub mod service;
pub mod status_page;
