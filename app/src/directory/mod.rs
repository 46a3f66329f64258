//! The organizers' directories (clause 6.1): exhibitors and registered people, with search,
//! filters, pages, and exports to CSV and XLSX (served by the server's `/export/...`).

pub mod api;
pub mod directory_page;
#[cfg(feature = "ssr")]
pub mod service;
