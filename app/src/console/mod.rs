//! The dashboard: each person's way into what they run. Organizers and operators reach the
//! organizer console (emergency tools now; expo setup, applications, directories and imports
//! as they come); exhibitors reach their booth editor; everyone their own pages.

pub mod api;
pub mod dashboard_page;
