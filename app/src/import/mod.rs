//! Bulk import (clause 3.1.5): organizers upload exhibitors, products or buyers as CSV or XLSX,
//! see every refused cell before anything is written, import the valid rows in one transaction,
//! and download the refusals as a report. Importing the same file again changes nothing new.

pub mod api;
pub mod import_page;
#[cfg(feature = "ssr")]
pub mod service;
