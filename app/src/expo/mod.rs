//! Expos: the landing page of the current expo with its halls, counts and featured exhibitors.
//!
//! Invariant: everything shown here is public (no account needed), rendered complete on the
//! server so it is shareable and indexable.

pub mod api;
pub mod landing_page;
