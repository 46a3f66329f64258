//! The realtime hub: one WebSocket per tab at `/ws`, topics with per-topic authorization,
//! stored events with monotonic ids replayed after a reconnect, and signals that are only
//! hints. The wire frames are in [`domain::realtime`]; the socket loop is in the server crate.

#[cfg(feature = "hydrate")]
pub mod client;
#[cfg(feature = "ssr")]
pub mod hub;
#[cfg(feature = "ssr")]
pub mod service;
