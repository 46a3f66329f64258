//! The realtime hub: one WebSocket per tab at `/ws`, topics with per-topic authorization,
//! stored events with monotonic ids replayed after a reconnect, and signals that are only
//! hints. The wire frames are in [`domain::realtime`]; the socket loop is in the server crate.

#[cfg(feature = "ssr")]
pub mod bus;
#[cfg(feature = "hydrate")]
pub mod client;
#[cfg(feature = "ssr")]
pub mod hub;
#[cfg(feature = "ssr")]
pub mod service;

use domain::realtime::ServerFrame;

/// Follows `topic` while the calling component lives: in the browser only (on the server a
/// page is rendered once and nothing follows anything).
pub fn use_topic(topic: String, after: Option<i64>, on: impl Fn(&ServerFrame) + 'static) {
    #[cfg(feature = "hydrate")]
    {
        let id = client::subscribe(topic, after, on);
        leptos::prelude::on_cleanup(move || client::unsubscribe(id));
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (topic, after, on);
    }
}

/// Whether the realtime connection is down (never on the server, where nothing is connected).
pub fn use_connection_down() -> leptos::prelude::Signal<bool> {
    #[cfg(feature = "hydrate")]
    {
        use leptos::prelude::Get;
        let down = client::down();
        leptos::prelude::Signal::derive(move || down.get())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        leptos::prelude::Signal::stored(false)
    }
}
