//! Halls: the navigation page of all halls, and each hall's interactive floor plan with an
//! equivalent list view.
//!
//! Invariant: everything the map shows (and every action it offers) is also in the list view,
//! which is what screen readers and small screens use.

pub mod api;
pub mod hall_card;
pub mod hall_map;
pub mod hall_page;
pub mod halls_page;
pub mod map_gestures;
