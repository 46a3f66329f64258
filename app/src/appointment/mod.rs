//! Appointments and calendars (clause 5.3.1): booth members publish bookable slots, buyers book
//! one from a booth, a product or a recommendation, the booth accepts (a scheduled video
//! meeting with reminders), proposes another slot or declines; every person has a calendar
//! (`/calendar`) and a secret, revocable iCalendar feed of it.
//!
//! Invariant: a slot is held by at most one appointment at a time, on every node at once (the
//! database's unique index on the held slot decides, not a check before writing).

pub mod api;
pub mod appointment_card;
pub mod availability_page;
pub mod booking_page;
pub mod calendar_page;
#[cfg(feature = "ssr")]
pub mod service;
