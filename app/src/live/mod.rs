//! Live: the broadcast schedule (booth streams, the opening ceremony, forums), the broadcast
//! studio in the browser, live rooms played through Media Source Extensions, and replays.
//!
//! Invariants: only a booth's people or an organizer broadcast (one broadcaster per stream at a
//! time); every chunk is checked as WebM before it is recorded or relayed; what was recorded
//! stays whole whatever the broadcaster's connection does; exhibitors' slot requests are
//! public only once an organizer approved them.

pub mod api;
pub mod live_page;
#[cfg(feature = "hydrate")]
pub mod player;
#[cfg(feature = "ssr")]
pub mod programme;
pub mod programme_panel;
#[cfg(feature = "ssr")]
pub mod qa;
pub mod qa_panel;
#[cfg(feature = "ssr")]
pub mod relay;
pub mod replays_page;
pub mod room_page;
#[cfg(feature = "ssr")]
pub mod service;
pub mod slot_editor;
#[cfg(feature = "hydrate")]
pub mod studio;
pub mod studio_page;
