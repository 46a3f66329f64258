//! Matchmaking (clause 5.3.2) and the footprints that feed it (clause 5.2): buyers get
//! "Recommended for you" with the reasons in words, booths get ranked leads with the same
//! reasons, organizers tune the weights; pages report views and time spent with a beacon.
//!
//! Invariants: a person who turned footprints off (or whose browser asks not to be tracked) is
//! not recorded, and their behaviour does not feed their matches; scores are recomputed in the
//! background (queued people within seconds, the whole expo when weights change), never on a
//! page request.

pub mod api;
#[cfg(feature = "ssr")]
pub mod digest;
#[cfg(feature = "ssr")]
pub mod engine;
pub mod footprint;
pub mod matchmaking_page;
pub mod reasons;
#[cfg(feature = "ssr")]
pub mod service;
pub mod settings_page;
