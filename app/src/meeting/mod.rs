//! Video meetings: WebRTC in the browser (a mesh of at most six), signaling and presence over
//! the realtime hub, a lobby the host admits from, host controls, in-meeting chat, and the
//! participation records (who, when, how long).
//!
//! Invariants: only admitted participants of a meeting that has not ended exchange signaling;
//! every signaling payload is checked before it is passed on; a removed person never gets back
//! in; presence is a participant's socket following `meeting:<id>`.

pub mod api;
pub mod meeting_page;
pub mod meetings_page;
#[cfg(feature = "hydrate")]
pub mod rtc;
#[cfg(feature = "ssr")]
pub mod service;
