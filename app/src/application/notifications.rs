//! The signed-in person's notifications, on the dashboard; new ones arrive live through the
//! person's realtime topic.

use super::api::{my_notifications, ReadNotifications};
use crate::shell::i18n::use_i18n;
use domain::realtime::{Hint, ServerFrame};
use leptos::prelude::*;

/// The notification list.
#[component]
pub fn Notifications(
    /// The reader's id (for their realtime topic).
    me: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let fresh = RwSignal::new(0u32);
    let read = ServerAction::<ReadNotifications>::new();
    crate::realtime::use_topic(format!("user:{me}"), None, move |frame| {
        if matches!(
            frame,
            ServerFrame::Signal {
                body: Hint::Notification,
                ..
            }
        ) {
            fresh.update(|n| *n += 1);
        }
    });
    let list = Resource::new(
        move || (fresh.get(), read.version().get()),
        |_| my_notifications(),
    );
    view! {
        <section aria-labelledby="notices-heading" class="notices">
            <h2 id="notices-heading">{i18n.t("notice-heading")}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(items) if items.is_empty() => view! { <p class="muted">{i18n.t("notice-empty")}</p> }.into_any(),
                        Ok(items) => {
                            let unread = items.iter().any(|n| !n.read);
                            view! {
                                <ul class="notice-list" aria-live="polite">
                                    {items.into_iter().map(|n| view! {
                                        <li class:unread=!n.read>
                                            <a href=n.link.clone()>{super::notification_text(i18n, &n.body)}</a>
                                            " "
                                            <span class="muted">{i18n.utc(n.created_at)}</span>
                                        </li>
                                    }).collect_view()}
                                </ul>
                                {unread.then(|| view! {
                                    <ActionForm action=read>
                                        <button type="submit" class="btn btn-ghost">{i18n.t("notice-read-all")}</button>
                                    </ActionForm>
                                })}
                            }.into_any()
                        }
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
