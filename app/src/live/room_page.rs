//! `/live/<id>`: a live room. On air (or about to be): the player, the viewer count and the
//! booth beside it; over: the replay, seekable. The broadcaster gets a link to the studio.

use super::api::{
    live_stream, AddAgendaItem, AddSpeaker, RemindMe, RemoveAgendaItem, RemoveSpeaker,
};
use super::programme_panel::{Chapters, Programme, ProgrammeEditor, Reactions};
use super::qa_panel::QaPanel;
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::local_time::LocalTime;
use domain::live::{StreamState, StreamView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The live room page.
#[component]
pub fn LiveRoomPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    // The programme's forms and the uploads change the page: it reloads after each.
    let edits = Edits {
        add_speaker: ServerAction::new(),
        remove_speaker: ServerAction::new(),
        add_item: ServerAction::new(),
        remove_item: ServerAction::new(),
        changed: RwSignal::new(0),
        editor_open: RwSignal::new(false),
    };
    edits.follow();
    let data = Resource::new(
        move || (id(), edits.changed.get()),
        |(id, _)| live_stream(id),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => view! { <Room view=v edits=edits /> }.into_any(),
                    Err(e) => view! {
                        <div class="page">
                            <Title text=i18n.t("live-title") />
                            <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p>
                        </div>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The actions that edit a stream's programme, and a counter of finished uploads.
#[derive(Clone, Copy)]
pub struct Edits {
    /// Adds a speaker.
    pub add_speaker: ServerAction<AddSpeaker>,
    /// Removes a speaker.
    pub remove_speaker: ServerAction<RemoveSpeaker>,
    /// Adds an agenda item.
    pub add_item: ServerAction<AddAgendaItem>,
    /// Removes an agenda item.
    pub remove_item: ServerAction<RemoveAgendaItem>,
    /// Bumped after each change that went through (the page then reloads; a refused form
    /// keeps what was typed).
    pub changed: RwSignal<u32>,
    /// The editor is open (it stays open while the page reloads after each change).
    pub editor_open: RwSignal<bool>,
}

impl Edits {
    /// Bumps `changed` whenever one of the actions succeeds.
    fn follow(self) {
        fn on_success<A>(action: ServerAction<A>, changed: RwSignal<u32>)
        where
            A: leptos::server_fn::ServerFn<Error = crate::AppError> + Clone + Send + Sync + 'static,
            A::Output: Clone + Send + Sync + 'static,
        {
            Effect::new(move |_| {
                let _ = action.version().get();
                if matches!(action.value().get_untracked(), Some(Ok(_))) {
                    changed.update(|n| *n += 1);
                }
            });
        }
        on_success(self.add_speaker, self.changed);
        on_success(self.remove_speaker, self.changed);
        on_success(self.add_item, self.changed);
        on_success(self.remove_item, self.changed);
    }
}

/// The facts under a stream's title: kind, when, where.
#[component]
pub fn StreamFacts(view: StreamView) -> impl IntoView {
    let i18n = use_i18n();
    let s = view.stream;
    let place = match (&s.exhibitor, &s.booth_path, &s.hall) {
        (Some((_, name)), Some(path), _) => {
            Some(view! { <a href=path.clone()>{name.clone()}</a> }.into_any())
        }
        (_, _, Some((slug, name))) => {
            Some(view! { <a href=format!("/halls/{slug}")>{name.clone()}</a> }.into_any())
        }
        _ => None,
    };
    view! {
        <p class="live-facts">
            <span class="live-kind">{i18n.t(s.kind.message_id())}</span>
            " · " <LocalTime at=s.starts_at /> " – " <LocalTime at=s.ends_at />
            {place.map(|p| view! { " · " {p} })}
        </p>
    }
}

#[component]
fn Room(view: StreamView, edits: Edits) -> impl IntoView {
    let i18n = use_i18n();
    let s = view.stream.clone();
    let title = s.title.text.clone();
    let studio =
        (view.may_broadcast && s.state.may_broadcast()).then(|| format!("/live/{}/studio", s.id));
    let body = match s.state {
        StreamState::Live | StreamState::Scheduled => view! {
            <LivePlayer
                id=s.id.clone()
                live=s.state == StreamState::Live
                starts_at=s.starts_at
                fallback=view.fallback.clone()
            />
        }
        .into_any(),
        StreamState::Ended if s.has_replay => {
            let src = format!("/live/{}/replay", s.id);
            let video = NodeRef::<leptos::html::Video>::new();
            view! {
                <div class="live-stage">
                    <video class="live-video" node_ref=video controls preload="metadata" src=src aria-label=i18n.t("live-replay-label")></video>
                </div>
                <Chapters chapters=view.chapters.clone() video=video />
            }
            .into_any()
        }
        _ => view! { <p class="empty-state">{i18n.t("live-no-replay")}</p> }.into_any(),
    };
    view! {
        <Title text=title.clone() />
        <div class="page live-room">
            <p><a href="/live">{i18n.t("live-back")}</a></p>
            <h1 lang=s.title.locale.tag()>{title}</h1>
            <crate::matching::footprint::Footprint target="live" id=s.id.clone() />
            <StreamFacts view=view.clone() />
            <span class=format!("live-state live-state-{}", s.state.as_str())>{i18n.t(s.state.message_id())}</span>
            {studio.map(|href| view! { " " <a class="btn btn-ghost btn-small" href=href>{i18n.t("live-open-studio")}</a> })}
            {matches!(s.state, StreamState::Scheduled | StreamState::Live).then(|| view! {
                <div class="live-plan">
                    {view.reminder.map(|on| view! { <RemindButton id=s.id.clone() on=on /> })}
                    <a class="btn btn-ghost btn-small" href=format!("/live/{}/calendar.ics", s.id) download="broadcast.ics">
                        {i18n.t("live-add-to-calendar")}
                    </a>
                </div>
            })}
            <div class="live-room-grid">
                <div class="live-main">
                    {body}
                    {(s.state == StreamState::Live).then(|| view! {
                        <Reactions id=s.id.clone() counts=view.reactions.clone() signed_in=view.reminder.is_some() />
                    })}
                    {(!s.description.text.is_empty()).then(|| view! {
                        <p class="live-description" lang=s.description.locale.tag()>{s.description.text.clone()}</p>
                    })}
                    <Programme agenda=view.agenda.clone() speakers=view.speakers.clone() />
                    {view.slot_texts.clone().map(|(title, description)| view! {
                        <super::slot_editor::SlotEditor id=s.id.clone() title description slot_local=view.slot_local.clone() />
                    })}
                    {(view.may_broadcast && s.state != StreamState::Declined).then(|| view! {
                        <ProgrammeEditor view=view.clone() edits=edits />
                    })}
                </div>
                <div class="live-side">
                    {matches!(s.state, StreamState::Live | StreamState::Scheduled | StreamState::Ended).then(|| view! {
                        <QaPanel id=s.id.clone() open=s.state != StreamState::Ended />
                    })}
                    {(!view.products.is_empty()).then(|| view! {
                        <section class="live-products card" aria-labelledby="live-products-h">
                            <h2 id="live-products-h">{i18n.t("live-products-title")}</h2>
                            <crate::booth::product_grid::ProductGrid products=view.products.clone() />
                        </section>
                    })}
                    {s.booth_path.clone().zip(s.exhibitor.clone()).map(|(path, (_, name))| view! {
                        <p class="live-booth-link">
                            <a class="btn btn-ghost" href=path>{i18n.t_args("live-visit-booth", vec![("name", Arg::Str(name))])}</a>
                        </p>
                    })}
                </div>
            </div>
        </div>
    }
}

/// "Remind me" before the broadcast starts (in the app and by e-mail), or cancel it.
#[component]
fn RemindButton(id: String, on: bool) -> impl IntoView {
    let i18n = use_i18n();
    let remind = ServerAction::<RemindMe>::new();
    let set = RwSignal::new(on);
    Effect::new(move |_| {
        if let Some(Ok(())) = remind.value().get() {
            set.update(|s| *s = !*s);
        }
    });
    let error = Signal::derive(move || remind.value().get().and_then(Result::err));
    view! {
        <ActionForm action=remind attr:class="inline-form">
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="on" value=move || (!set.get()).to_string() />
            <button type="submit" class="btn btn-ghost btn-small" aria-pressed=move || set.get().to_string()>
                {move || if set.get() { i18n.t("live-reminder-set") } else { i18n.t("live-remind-me") }}
            </button>
        </ActionForm>
        <crate::ui::form_alert::FormAlert error=error />
    }
}

/// The player of a stream on air (or about to be), with its state and viewer count.
#[component]
fn LivePlayer(id: String, live: bool, starts_at: i64, fallback: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let video = NodeRef::<leptos::html::Video>::new();
    // What the player reports; the server's page says waiting until the browser knows more.
    let status = RwSignal::new(if live {
        "live-status-connecting"
    } else {
        "live-status-waiting"
    });
    let viewers = RwSignal::new(None::<u64>);
    #[cfg(feature = "hydrate")]
    {
        use super::player::{Player, Status};
        // The viewer count rides the room's hub topic.
        let sub = super::programme_panel::follow_viewers(&id, viewers);
        on_cleanup(move || crate::realtime::client::unsubscribe(sub));
        let id = id.clone();
        let started = StoredValue::new_local(None::<Player>);
        Effect::new(move |_| {
            let Some(el) = video.get() else { return };
            if started.with_value(Option::is_some) {
                return;
            }
            let el: web_sys::HtmlVideoElement = el;
            let player = Player::start(el, id.clone(), move |s| {
                let _ = status.try_set(match s {
                    Status::Waiting => "live-status-waiting",
                    Status::Playing => "live-status-playing",
                    Status::Reconnecting => "live-status-reconnecting",
                    Status::Ended => "live-status-ended",
                    Status::Unsupported => "live-status-unsupported",
                    Status::Away => "live-status-away",
                    Status::Removed => "live-status-removed",
                });
            });
            let p = send_wrapper::SendWrapper::new(player.clone());
            on_cleanup(move || p.stop());
            started.set_value(Some(player));
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = &id;
    // The fallback plays while the broadcast is due but nobody is sending: before the first
    // bytes once the slot has begun, or after the broadcaster's connection dropped.
    let now = RwSignal::new(0_i64);
    #[cfg(feature = "hydrate")]
    {
        let tick = move || {
            let _ = now.try_set((js_sys::Date::now() / 1000.0) as i64);
        };
        tick();
        if let Ok(h) = set_interval_with_handle(tick, std::time::Duration::from_secs(15)) {
            on_cleanup(move || h.clear());
        }
    }
    let has_fallback = fallback.is_some();
    let show_fallback = Memo::new(move |_| {
        has_fallback
            && match status.get() {
                "live-status-away" => true,
                "live-status-waiting" => now.get() >= starts_at && now.get() > 0,
                _ => false,
            }
    });
    view! {
        <div class="live-stage">
            {fallback.map(|src| view! {
                <div class="live-fallback" hidden=move || !show_fallback.get()>
                    <p class="live-fallback-note">{i18n.t("live-fallback-note")}</p>
                    <video
                        class="live-video"
                        src=move || show_fallback.get().then(|| src.clone())
                        loop=true
                        muted=true
                        autoplay=true
                        playsinline=true
                        controls=true
                        aria-label=i18n.t("live-fallback-label")
                    ></video>
                </div>
            })}
            <video
                hidden=move || show_fallback.get()
                class="live-video"
                node_ref=video
                muted=true
                autoplay=true
                playsinline=true
                controls=true
                aria-label=i18n.t("live-player-label")
            ></video>
            <p class="live-status" role="status" aria-live="polite">
                <span class="live-status-text">{move || i18n.t(status.get())}</span>
                {move || viewers.get().map(|n| view! {
                    " · " <span class="live-viewers">{i18n.t_args("live-viewers", vec![("count", Arg::Num(n as i64))])}</span>
                })}
            </p>
        </div>
    }
}
