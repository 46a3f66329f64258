//! The unread count beside "Messages" in the header. It follows the person's own topic, so it
//! changes as messages arrive or are read in any tab; the page title carries the count too, and
//! a notification tells a person whose tab is in the background (if they allowed it).

use super::api::unread_count;
use crate::shell::i18n::{use_i18n, Arg};
use domain::realtime::{Hint, ServerFrame};
use leptos::prelude::*;

/// The badge; nothing for visitors who are not signed in or have nothing unread.
#[component]
pub fn UnreadBadge() -> impl IntoView {
    let i18n = use_i18n();
    let user = expect_context::<crate::account::UserResource>();
    let version = RwSignal::new(0u32);
    let count = Resource::new(move || version.get(), |_| unread_count());
    // Re-runs when the person changes; the previous run's subscription ends with it.
    Effect::new(move |_| {
        if let Some(Ok(Some(u))) = user.get() {
            crate::realtime::use_topic(format!("user:{}", u.id), None, move |f| {
                // Signals are not stored: after a reconnect (a new `Subscribed`) the count is
                // read again, so nothing missed meanwhile is lost.
                if matches!(
                    f,
                    ServerFrame::Signal {
                        body: Hint::Unread,
                        ..
                    } | ServerFrame::Subscribed { .. }
                ) {
                    version.update(|v| *v += 1);
                }
            });
        }
    });
    let previous = StoredValue::new(0i64);
    Effect::new(move |_| {
        if let Some(Ok(n)) = count.get() {
            let before = previous.get_value();
            previous.set_value(n);
            show_in_title(n);
            if n > before && version.get_untracked() > 0 {
                notify_if_hidden(
                    &i18n.t("chat-notification-title"),
                    &i18n.t_args("chat-notification-body", vec![("count", Arg::Num(n))]),
                );
            }
        }
    });
    view! {
        <Transition fallback=|| ()>
            {move || {
                count
                    .get()
                    .and_then(Result::ok)
                    .filter(|n| *n > 0)
                    .map(|n| {
                        view! {
                            <span class="badge unread-badge" data-testid="unread-badge">
                                <span aria-hidden="true">{i18n.number(n)}</span>
                                <span class="visually-hidden">
                                    {i18n.t_args("chat-badge-label", vec![("count", Arg::Num(n))])}
                                </span>
                            </span>
                        }
                    })
            }}
        </Transition>
    }
}

/// Puts "(n) " in front of the page title (or takes it away).
fn show_in_title(n: i64) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let title = doc.title();
    let bare = match title.strip_prefix('(').and_then(|t| t.split_once(") ")) {
        Some((digits, rest)) if digits.chars().all(|c| c.is_ascii_digit()) => rest.to_owned(),
        _ => title,
    };
    if n > 0 {
        doc.set_title(&format!("({n}) {bare}"));
    } else {
        doc.set_title(&bare);
    }
}

/// Shows a system notification when the tab is hidden and the person allowed notifications.
fn notify_if_hidden(title: &str, body: &str) {
    #[cfg(feature = "hydrate")]
    {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden && web_sys::Notification::permission() == web_sys::NotificationPermission::Granted
        {
            let options = web_sys::NotificationOptions::new();
            options.set_body(body);
            let _ = web_sys::Notification::new_with_options(title, &options);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (title, body);
    }
}
