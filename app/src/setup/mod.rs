//! Expo setup (clause 3.1.1): the organizers edit the expo's names, dates, time zone and the
//! window for exhibitor applications; add halls by industry; and place booths on each hall's
//! floor plan (drag with the pointer, arrow keys, or the table of positions; overlaps and
//! booths outside the plan are refused); upload the expo's logo; and run several expos: create
//! one, switch the console between them, and choose the one visitors see.

pub mod api;
pub mod brand;
pub mod expos_page;
pub mod plan_editor;
#[cfg(feature = "ssr")]
pub mod service;
pub mod setup_page;
