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

/// Bumps `version` whenever the signed-in person's own topic (`user:<id>`) carries a hint that
/// `wanted` accepts, so a page reads its data again (in the browser only, like [`use_topic`]).
///
/// With `catch_up`, it also bumps once the subscription is active (and again after every
/// reconnect): a change made between the page's first read and then sent its hint to nobody.
/// Pages with forms leave it off, as reading again renders them anew and would drop what the
/// person is typing.
pub fn follow_own(
    version: leptos::prelude::RwSignal<u32>,
    wanted: fn(&domain::realtime::Hint) -> bool,
    catch_up: bool,
) {
    use leptos::prelude::*;
    let user = use_context::<crate::account::UserResource>();
    Effect::new(move |_| {
        if let Some(Some(Ok(Some(u)))) = user.map(|u| u.get()) {
            use_topic(format!("user:{}", u.id), None, move |f| match f {
                ServerFrame::Signal { body, .. } if wanted(body) => {
                    version.update(|v| *v += 1);
                }
                ServerFrame::Subscribed { .. } if catch_up => version.update(|v| *v += 1),
                _ => {}
            });
        }
    });
}

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
