//! `/live/replays`: the replay library — every broadcast that left a replay, grouped by hall
//! (industry), newest day first, narrowed by hall and day with a plain GET form.

use super::api::{live_schedule, ScheduleData};
use super::live_page::Filters;
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::local_time::LocalTime;
use domain::live::{StreamState, StreamView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The replay library page.
#[component]
pub fn ReplaysPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |_| live_schedule());
    view! {
        <Title text=i18n.t("live-replays-title") />
        <div class="page live-page">
            <p><a href="/live">{i18n.t("live-back")}</a></p>
            <h1>{i18n.t("live-replays-title")}</h1>
            <p class="lead">{i18n.t("live-replays-lead")}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(s) => view! { <Library schedule=s /> }.into_any(),
                        Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// A replay's length as `h:mm:ss` or `m:ss`.
pub fn duration_text(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[component]
fn Library(schedule: ScheduleData) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |k: &str| query.with_untracked(|q| q.get(k).unwrap_or_default());
    let (hall, day) = (param("hall"), param("day"));
    let mut replays: Vec<StreamView> = schedule
        .streams
        .into_iter()
        .filter(|s| s.stream.state == StreamState::Ended && s.stream.has_replay)
        .filter(|s| hall.is_empty() || s.stream.hall.as_ref().is_some_and(|(h, _)| *h == hall))
        .filter(|s| day.is_empty() || s.stream.day == day)
        .collect();
    // Newest first.
    replays.sort_by_key(|s| std::cmp::Reverse(s.stream.starts_at));
    // One section per hall, in the halls' order; the whole expo's broadcasts last.
    let mut groups: Vec<(String, Vec<StreamView>)> = Vec::new();
    for (slug, name) in &schedule.halls {
        let here: Vec<StreamView> = replays
            .iter()
            .filter(|s| s.stream.hall.as_ref().is_some_and(|(h, _)| h == slug))
            .cloned()
            .collect();
        if !here.is_empty() {
            groups.push((name.clone(), here));
        }
    }
    let whole: Vec<StreamView> = replays
        .iter()
        .filter(|s| s.stream.hall.is_none())
        .cloned()
        .collect();
    if !whole.is_empty() {
        groups.push((i18n.t("live-where-expo"), whole));
    }
    let empty = groups.is_empty();
    view! {
        <Filters action="/live/replays" halls=schedule.halls days=schedule.days hall=hall day=day kind=None />
        {if empty {
            view! { <p class="empty-state">{i18n.t("live-replays-empty")}</p> }.into_any()
        } else {
            groups.into_iter().map(|(name, items)| view! {
                <section class="replay-group">
                    <h2>{name}</h2>
                    <ul class="card-grid replay-grid">
                        {items.into_iter().map(|v| view! { <ReplayCard view=v /> }).collect_view()}
                    </ul>
                </section>
            }).collect_view().into_any()
        }}
    }
}

#[component]
fn ReplayCard(view: StreamView) -> impl IntoView {
    let i18n = use_i18n();
    let s = view.stream;
    let length = view.replay_ms.map(|ms| {
        i18n.t_args(
            "live-replay-length",
            vec![("length", Arg::Str(duration_text(ms / 1000)))],
        )
    });
    view! {
        <li class="card replay-card">
            <h3><a href=format!("/live/{}", s.id) lang=s.title.locale.tag()>{s.title.text.clone()}</a></h3>
            <p class="live-facts">
                <span class="live-kind">{i18n.t(s.kind.message_id())}</span>
                " · " <LocalTime at=s.starts_at />
                {s.exhibitor.as_ref().map(|(_, n)| view! { " · " <span>{n.clone()}</span> })}
            </p>
            {length.map(|l| view! { <p class="replay-length">{l}</p> })}
        </li>
    }
}
