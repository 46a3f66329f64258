//! The banner above every page: the organizers' alert and the maintenance notice. Rendered
//! with the page, then kept current through the expo's realtime topic, followed from the
//! position the page was rendered at, so nothing raised in between is missed.

use super::api::current_banner;
use crate::shell::i18n::use_i18n;
use domain::ops::{Banner, Severity};
use domain::realtime::{EventBody, ServerFrame};
use leptos::prelude::*;

/// The alert and maintenance banners.
#[component]
pub fn AlertBanner() -> impl IntoView {
    let banner = Resource::new(|| (), |()| current_banner());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match banner.await {
                    Ok(Some(b)) => view! { <LiveBanner initial=b /> }.into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LiveBanner(initial: Banner) -> impl IntoView {
    let i18n = use_i18n();
    let topic = format!("expo:{}", initial.expo_id);
    let after = initial.after;
    let state = RwSignal::new(initial);
    // A visitor may hide an alert that is not critical (until the next one).
    let hidden = RwSignal::new(None::<String>);
    crate::realtime::use_topic(topic, Some(after), move |frame| {
        if let ServerFrame::Event(e) = frame {
            if let EventBody::Expo(change) = &e.body {
                state.update(|b| b.apply(change));
            }
        }
    });
    let maintenance = move || {
        state.with(|b| b.maintenance.clone()).map(|m| {
            let note = m.text.map(|t| {
                let shown = t.show(i18n.locale);
                view! { <span class="banner-text" lang=shown.locale.tag()>{shown.text}</span> }
            });
            view! {
                <div class="banner banner-maintenance" role="status" data-banner="maintenance">
                    <strong>{i18n.t("ops-maintenance-banner")}</strong>
                    {note}
                </div>
            }
        })
    };
    let alert = move || {
        let alert = state.with(|b| b.alert.clone())?;
        if hidden.get().as_deref() == Some(alert.id.as_str()) {
            return None;
        }
        let shown = alert.text.show(i18n.locale);
        let severity = alert.severity;
        let id = alert.id.clone();
        Some(view! {
            <div
                class=format!("banner banner-{}", severity.as_str())
                role=if severity == Severity::Info { "status" } else { "alert" }
                data-banner="alert"
                data-severity=severity.as_str()
            >
                <strong class="banner-label">{i18n.t(severity.message_id())}</strong>
                <span class="banner-text" lang=shown.locale.tag()>{shown.text}</span>
                {(severity != Severity::Critical).then(|| view! {
                    <button
                        type="button"
                        class="btn btn-ghost banner-hide"
                        on:click=move |_| hidden.set(Some(id.clone()))
                    >
                        {i18n.t("ops-alert-hide")}
                    </button>
                })}
            </div>
        })
    };
    view! {
        <div class="banners">
            {maintenance}
            {alert}
        </div>
    }
}
