//! `/meetings/<id>`: the pre-join screen (camera and microphone pickers with a preview), the
//! lobby, and the meeting itself: video tiles with a connection-quality indicator, controls
//! (microphone, camera, screen, leave), the participant list (the accessible equivalent of the
//! video grid) with host controls, invitations, and the in-meeting chat.

use super::api::{
    get_meeting, ControlParticipant, EndMeeting, InviteToMeeting, LockMeeting, RequestInterpreter,
};
use crate::chat::conversation::Conversation;
use crate::shell::i18n::{use_i18n, I18n};
use crate::AppError;
use domain::meeting::{MeetingView, Participant, ParticipantState};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Where the viewer is. (The server renders the pre-join screen; the browser moves on.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Phase {
    Prejoin,
    Lobby,
    In,
    Left,
    Removed,
    Ended,
}

/// The meeting page.
#[component]
pub fn MeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let user = expect_context::<crate::account::UserResource>();
    let key = move || {
        (
            params.read().get("id").unwrap_or_default(),
            query.read().get("invite"),
        )
    };
    let view = Resource::new(key, |(id, invite)| get_meeting(id, invite));
    view! {
        <Title text=i18n.t("meeting-title") />
        <Suspense fallback=move || view! { <p class="page" aria-busy="true">{i18n.t("chat-loading")}</p> }>
            {move || Suspend::new(async move {
                if !matches!(user.await, Ok(Some(_))) {
                    let (id, invite) = key();
                    let next = crate::shell::language_menu::encode_query_value(&match invite {
                        Some(t) => format!("/meetings/{id}?invite={t}"),
                        None => format!("/meetings/{id}"),
                    });
                    return view! {
                        <section class="page">
                            <h1>{i18n.t("meeting-title")}</h1>
                            <p><a class="btn btn-primary" href=format!("/login?next={next}")>{i18n.t("meeting-signin")}</a></p>
                        </section>
                    }
                    .into_any();
                }
                match view.await {
                    Ok(v) => view! { <MeetingRoom view=v invite=key().1 /> }.into_any(),
                    Err(e) => {
                        let text = match e {
                            AppError::Forbidden => i18n.t("meeting-error-removed"),
                            other => i18n.t(other.message_id()),
                        };
                        view! { <section class="page"><h1>{i18n.t("meeting-title")}</h1><p class="form-alert" role="alert">{text}</p></section> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The invitation link as people copy it: absolute in the browser (the server knows no origin
/// it can trust behind a proxy, so it renders the path).
fn full_url(path: &str) -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .map(|origin| format!("{origin}{path}"))
        .unwrap_or_else(|| path.to_owned())
}

fn state_label(i18n: I18n, p: &Participant) -> String {
    match (p.state, p.present) {
        (ParticipantState::Admitted, true) => i18n.t("meeting-state-in"),
        (ParticipantState::Admitted, false) => i18n.t("meeting-state-away"),
        (ParticipantState::Waiting, _) => i18n.t("meeting-state-waiting"),
        (ParticipantState::Invited, _) => i18n.t("meeting-state-invited"),
        (ParticipantState::Removed, _) => i18n.t("meeting-state-removed"),
        (ParticipantState::Declined, _) => i18n.t("meeting-state-declined"),
    }
}

fn role_label(i18n: I18n, p: &Participant) -> String {
    i18n.t(match p.role {
        domain::meeting::MeetingRole::Host => "meeting-role-host",
        domain::meeting::MeetingRole::Guest => "meeting-role-guest",
        domain::meeting::MeetingRole::Interpreter => "meeting-role-interpreter",
        domain::meeting::MeetingRole::Moderator => "meeting-role-moderator",
    })
}

#[component]
fn MeetingRoom(view: MeetingView, invite: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let id = view.id.clone();
    let me = view.me.clone();
    let controls = view.my_role.is_some_and(|r| r.controls());
    let phase = RwSignal::new(if view.ended_at.is_some() {
        Phase::Ended
    } else {
        Phase::Prejoin
    });
    let roster = RwSignal::new(view.participants.clone());
    let locked = RwSignal::new(view.locked);
    let interpreter = RwSignal::new(view.interpreter_requested);
    let chat_room = RwSignal::new(view.chat_room_id.clone());
    let notice = RwSignal::new(None::<String>);
    let peers = RwSignal::new(Vec::<String>::new());
    let frames = RwSignal::new(std::collections::HashMap::<String, (u64, &'static str)>::new());
    let mic_on = RwSignal::new(true);
    let cam_on = RwSignal::new(true);
    let sharing = RwSignal::new(false);
    let devices = RwSignal::new(Vec::<(String, String, String)>::new());
    let camera = RwSignal::new(String::new());
    let microphone = RwSignal::new(String::new());
    let hydrated = RwSignal::new(false);
    let version = RwSignal::new(0u32);
    let preview = NodeRef::<leptos::html::Video>::new();
    let local_video = NodeRef::<leptos::html::Video>::new();
    Effect::new(move |_| hydrated.set(true));

    #[cfg(feature = "hydrate")]
    let engine = StoredValue::new_local(live::Engine::new(
        id.clone(),
        me.clone(),
        invite.clone(),
        view.ice_servers.clone(),
        live::Signals {
            phase,
            roster,
            locked,
            interpreter,
            chat_room,
            notice,
            peers,
            frames,
            mic_on,
            cam_on,
            sharing,
            devices,
            version,
        },
    ));
    #[cfg(not(feature = "hydrate"))]
    let _ = (&invite, &view.ice_servers, version);

    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if phase.get() == Phase::Prejoin {
            let (cam, mic) = (camera.get(), microphone.get());
            engine.with_value(|e| e.preview(cam, mic, preview));
        }
    });
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        version.track();
        if phase.get() == Phase::In {
            engine.with_value(|e| e.show_local(local_video));
        }
    });

    let join = move |_| {
        #[cfg(feature = "hydrate")]
        engine.with_value(|e| e.join(camera.get_untracked(), microphone.get_untracked()));
    };
    let leave = move |_| {
        #[cfg(feature = "hydrate")]
        engine.with_value(|e| e.leave());
    };
    let toggle = move |kind: &'static str| {
        #[cfg(feature = "hydrate")]
        engine.with_value(|e| e.toggle(kind));
        #[cfg(not(feature = "hydrate"))]
        let _ = kind;
    };
    let share = move |_| {
        #[cfg(feature = "hydrate")]
        engine.with_value(|e| e.share());
    };

    let control = ServerAction::<ControlParticipant>::new();
    let lock_act = ServerAction::<LockMeeting>::new();
    let end_act = ServerAction::<EndMeeting>::new();
    let invite_act = ServerAction::<InviteToMeeting>::new();
    let interpreter_act = ServerAction::<RequestInterpreter>::new();
    Effect::new(move |_| {
        for e in [
            control.value().get().and_then(Result::err),
            lock_act.value().get().and_then(Result::err),
            end_act.value().get().and_then(Result::err),
            interpreter_act.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        {
            notice.set(Some(match e {
                AppError::Conflict(id) => i18n.t(&id),
                other => i18n.t(other.message_id()),
            }));
        }
    });
    let invite_error = move || match invite_act.value().get() {
        Some(Err(e)) => Some(
            e.field("email")
                .map(|id| i18n.t(&id))
                .unwrap_or_else(|| i18n.t(e.message_id())),
        ),
        _ => None,
    };
    let invite_done = move || matches!(invite_act.value().get(), Some(Ok(())));

    let title = view.title.clone();
    let invite_url = view.invite_path.clone();
    let id_for_panel = id.clone();
    let me_for_panel = me.clone();
    let participants_panel = move || {
        let id = id_for_panel.clone();
        let me = me_for_panel.clone();
        let list = roster.get();
        let waiting: Vec<Participant> = list
            .iter()
            .filter(|p| p.state == ParticipantState::Waiting)
            .cloned()
            .collect();
        view! {
            <section class="meeting-people" aria-labelledby="meeting-people-title">
                <h2 id="meeting-people-title">{i18n.t("meeting-people")}</h2>
                {(controls && !waiting.is_empty()).then(|| {
                    let id = id.clone();
                    view! {
                        <h3>{i18n.t("meeting-lobby")}</h3>
                        <ul class="meeting-lobby">
                            {waiting.into_iter().map(|p| {
                                let id = id.clone();
                                view! {
                                    <li>
                                        <span>{p.name.clone()}</span>
                                        <ActionForm action=control>
                                            <input type="hidden" name="id" value=id />
                                            <input type="hidden" name="user_id" value=p.user_id.clone() />
                                            <input type="hidden" name="action" value="admit" />
                                            <button type="submit" class="btn btn-primary">{i18n.t("meeting-admit")}</button>
                                        </ActionForm>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                })}
                <ul class="meeting-roster">
                    {list.into_iter().filter(|p| p.state != ParticipantState::Waiting).map(|p| {
                        let id = id.clone();
                        let other = p.user_id != me && p.role != domain::meeting::MeetingRole::Host;
                        let removable = controls && other && p.state != ParticipantState::Removed;
                        let label = format!("{} · {} · {}", p.name, role_label(i18n, &p), state_label(i18n, &p));
                        let uid_attr = p.user_id.clone();
                        let uid_mute = p.user_id.clone();
                        view! {
                            <li data-user-id=uid_attr>
                                <span>{label}</span>
                                {removable.then(|| {
                                    let id2 = id.clone();
                                    let uid = p.user_id.clone();
                                    view! {
                                        <ActionForm action=control attr:class="inline-form">
                                            <input type="hidden" name="id" value=id />
                                            <input type="hidden" name="user_id" value=uid_mute />
                                            <input type="hidden" name="action" value="mute" />
                                            <button type="submit" class="btn btn-ghost">{i18n.t("meeting-ask-mute")}</button>
                                        </ActionForm>
                                        <ActionForm action=control attr:class="inline-form">
                                            <input type="hidden" name="id" value=id2 />
                                            <input type="hidden" name="user_id" value=uid />
                                            <input type="hidden" name="action" value="remove" />
                                            <button type="submit" class="btn btn-ghost danger">{i18n.t("meeting-remove")}</button>
                                        </ActionForm>
                                    }
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    };
    let names = move |user: &str| {
        roster.with(|r| {
            r.iter()
                .find(|p| p.user_id == user)
                .map(|p| p.name.clone())
                .unwrap_or_default()
        })
    };
    let id_for_host = id.clone();
    view! {
        <section class="page meeting-page">
            <h1>{title.clone()}</h1>
            {move || notice.get().map(|n| view! { <p class="form-alert" role="alert">{n}</p> })}
            {move || match phase.get() {
                Phase::Prejoin => view! {
                    <div class="meeting-prejoin">
                        <video node_ref=preview class="meeting-preview" autoplay=true muted=true playsinline=true aria-label=i18n.t("meeting-preview")></video>
                        <div class="meeting-devices">
                            <label for="meeting-camera">{i18n.t("meeting-camera")}</label>
                            <select id="meeting-camera" on:change=move |ev| camera.set(event_target_value(&ev))>
                                <option value="">{i18n.t("meeting-device-default")}</option>
                                {move || devices.get().into_iter().filter(|d| d.0 == "camera").map(|(_, id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                            </select>
                            <label for="meeting-microphone">{i18n.t("meeting-microphone")}</label>
                            <select id="meeting-microphone" on:change=move |ev| microphone.set(event_target_value(&ev))>
                                <option value="">{i18n.t("meeting-device-default")}</option>
                                {move || devices.get().into_iter().filter(|d| d.0 == "microphone").map(|(_, id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                            </select>
                            <button type="button" class="btn btn-primary" disabled=move || !hydrated.get() on:click=join>{i18n.t("meeting-join")}</button>
                        </div>
                    </div>
                }.into_any(),
                Phase::Lobby => view! { <p class="meeting-lobby-wait" role="status">{i18n.t("meeting-waiting")}</p> }.into_any(),
                Phase::Left => view! { <p role="status">{i18n.t("meeting-left")} " " <a href="/meetings">{i18n.t("meeting-list-title")}</a></p> }.into_any(),
                Phase::Removed => view! { <p class="form-alert" role="alert">{i18n.t("meeting-error-removed")}</p> }.into_any(),
                Phase::Ended => view! { <p role="status">{i18n.t("meeting-error-ended")}</p> }.into_any(),
                Phase::In => {
                    let id_interp = id_for_host.clone();
                    let id_host = id_for_host.clone();
                    let invite_url = invite_url.clone();
                    let (toggle_mic, toggle_cam) = (toggle, toggle);
                    view! {
                        <div class="meeting-layout">
                            <div class="meeting-stage">
                                <ul class="meeting-grid" aria-label=i18n.t("meeting-videos")>
                                    <li class="meeting-tile mine">
                                        <video node_ref=local_video autoplay=true muted=true playsinline=true></video>
                                        <span class="meeting-name">{i18n.t("chat-you")}</span>
                                    </li>
                                    <For each=move || peers.get() key=|u| u.clone() children=move |user: String| {
                                        let u1 = user.clone();
                                        let u2 = user.clone();
                                        let u3 = user.clone();
                                        let video = NodeRef::<leptos::html::Video>::new();
                                        #[cfg(feature = "hydrate")]
                                        {
                                            let user = user.clone();
                                            Effect::new(move |_| {
                                                version.track();
                                                engine.with_value(|e| e.show_remote(&user, video));
                                            });
                                        }
                                        view! {
                                            <li class="meeting-tile" data-user-id=user.clone()
                                                data-frames-decoded=move || frames.with(|f| f.get(&u1).map(|x| x.0).unwrap_or(0)).to_string()>
                                                <video node_ref=video autoplay=true playsinline=true></video>
                                                <span class="meeting-name">{move || names(&u2)}</span>
                                                <span class="meeting-quality">{move || frames.with(|f| f.get(&u3).map(|x| i18n.t(x.1)).unwrap_or_else(|| i18n.t("meeting-quality-connecting")))}</span>
                                            </li>
                                        }
                                    } />
                                </ul>
                                <div class="meeting-controls" role="toolbar" aria-label=i18n.t("meeting-controls")>
                                    <button type="button" class="btn" aria-pressed=move || (!mic_on.get()).to_string() on:click=move |_| toggle_mic("audio")>
                                        {move || if mic_on.get() { i18n.t("meeting-mute") } else { i18n.t("meeting-unmute") }}
                                    </button>
                                    <button type="button" class="btn" aria-pressed=move || (!cam_on.get()).to_string() on:click=move |_| toggle_cam("video")>
                                        {move || if cam_on.get() { i18n.t("meeting-camera-off") } else { i18n.t("meeting-camera-on") }}
                                    </button>
                                    <button type="button" class="btn" aria-pressed=move || sharing.get().to_string() on:click=share>
                                        {move || if sharing.get() { i18n.t("meeting-stop-sharing") } else { i18n.t("meeting-share-screen") }}
                                    </button>
                                    <ActionForm action=interpreter_act attr:class="inline-form">
                                        <input type="hidden" name="id" value=id_interp />
                                        <button type="submit" class="btn" disabled=move || interpreter.get()>
                                            {move || if interpreter.get() { i18n.t("meeting-interpreter-requested") } else { i18n.t("meeting-request-interpreter") }}
                                        </button>
                                    </ActionForm>
                                    <button type="button" class="btn btn-danger" on:click=leave>{i18n.t("meeting-leave")}</button>
                                </div>
                                {controls.then(|| {
                                    let (id_lock, id_end, id_invite) = (id_host.clone(), id_host.clone(), id_host.clone());
                                    view! {
                                        <div class="meeting-host" role="group" aria-label=i18n.t("meeting-host-controls")>
                                            <ActionForm action=lock_act attr:class="inline-form">
                                                <input type="hidden" name="id" value=id_lock />
                                                <input type="hidden" name="locked" value=move || (!locked.get()).to_string() />
                                                <button type="submit" class="btn" aria-pressed=move || locked.get().to_string()>
                                                    {move || if locked.get() { i18n.t("meeting-unlock") } else { i18n.t("meeting-lock") }}
                                                </button>
                                            </ActionForm>
                                            <ActionForm action=end_act attr:class="inline-form">
                                                <input type="hidden" name="id" value=id_end />
                                                <button type="submit" class="btn btn-danger">{i18n.t("meeting-end")}</button>
                                            </ActionForm>
                                            <label for="meeting-link">{i18n.t("meeting-invite-link")}</label>
                                            <input id="meeting-link" readonly=true value=move || full_url(&invite_url) />
                                            <ActionForm action=invite_act attr:class="meeting-invite">
                                                <input type="hidden" name="id" value=id_invite />
                                                <label for="meeting-invite-email">{i18n.t("meeting-invite-email")}</label>
                                                <input id="meeting-invite-email" name="email" type="email" required=true />
                                                <label for="meeting-invite-role">{i18n.t("meeting-invite-role")}</label>
                                                <select id="meeting-invite-role" name="role">
                                                    <option value="guest">{i18n.t("meeting-role-guest")}</option>
                                                    <option value="interpreter">{i18n.t("meeting-role-interpreter")}</option>
                                                    <option value="moderator">{i18n.t("meeting-role-moderator")}</option>
                                                </select>
                                                <button type="submit" class="btn">{i18n.t("meeting-invite")}</button>
                                                {move || invite_error().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
                                                {move || invite_done().then(|| view! { <span role="status">{i18n.t("meeting-invite-sent")}</span> })}
                                            </ActionForm>
                                        </div>
                                    }
                                })}
                            </div>
                            <aside class="meeting-side">
                                {participants_panel.clone()}
                                {move || chat_room.get().map(|room| view! { <Conversation room_id=room /> })}
                            </aside>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[cfg(feature = "hydrate")]
mod live {
    //! The page's connection to the meeting: media, the mesh, the hub's topics.

    use super::Phase;
    use crate::meeting::api::{get_meeting, join_meeting};
    use crate::meeting::rtc::{list_devices, open_media, Mesh};
    use crate::AppError;
    use domain::meeting::{Participant, ParticipantState};
    use domain::realtime::{EventBody, Hint, MeetingEvent, ServerFrame};
    use leptos::prelude::*;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;

    /// The signals the page shows.
    #[derive(Clone, Copy)]
    pub struct Signals {
        pub phase: RwSignal<Phase>,
        pub roster: RwSignal<Vec<Participant>>,
        pub locked: RwSignal<bool>,
        pub interpreter: RwSignal<bool>,
        pub chat_room: RwSignal<Option<String>>,
        pub notice: RwSignal<Option<String>>,
        pub peers: RwSignal<Vec<String>>,
        pub frames: RwSignal<HashMap<String, (u64, &'static str)>>,
        pub mic_on: RwSignal<bool>,
        pub cam_on: RwSignal<bool>,
        pub sharing: RwSignal<bool>,
        pub devices: RwSignal<Vec<(String, String, String)>>,
        pub version: RwSignal<u32>,
    }

    struct Inner {
        id: String,
        me: String,
        invite: Option<String>,
        s: Signals,
        mesh: Rc<Mesh>,
        preview: RefCell<Option<web_sys::MediaStream>>,
        subscriptions: RefCell<Vec<u64>>,
        stats: RefCell<Option<leptos::prelude::IntervalHandle>>,
    }

    /// Cheap to clone.
    #[derive(Clone)]
    pub struct Engine(Rc<Inner>);

    fn stop(stream: &web_sys::MediaStream) {
        for t in stream.get_tracks().iter() {
            t.unchecked_into::<web_sys::MediaStreamTrack>().stop();
        }
    }

    /// Shows a stream in a video element (nothing to do when it already shows it). Autoplay
    /// starts it; `play()` is only a nudge, and its promise is awaited so that an interrupted
    /// start is not reported as an error.
    fn attach(video: NodeRef<leptos::html::Video>, stream: Option<web_sys::MediaStream>) {
        let Some(v) = video.try_get_untracked().flatten() else {
            return;
        };
        let el: &web_sys::HtmlMediaElement = v.as_ref();
        let current = el.src_object();
        if current.as_ref().map(|s| s.id()) == stream.as_ref().map(|s| s.id()) {
            return;
        }
        el.set_src_object(stream.as_ref());
        if let Ok(promise) = el.play() {
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }

    impl Engine {
        pub fn new(
            id: String,
            me: String,
            invite: Option<String>,
            ice: String,
            s: Signals,
        ) -> Engine {
            let version = s.version;
            let peers = s.peers;
            let holder: Rc<RefCell<Option<std::rc::Weak<Mesh>>>> = Rc::new(RefCell::new(None));
            let h = holder.clone();
            let mesh = Mesh::new(me.clone(), id.clone(), &ice, move || {
                // The page may already be gone (this also runs while it is torn down).
                if let Some(m) = h.borrow().as_ref().and_then(|w| w.upgrade()) {
                    let _ = peers.try_set(m.peer_ids());
                }
                let _ = version.try_update(|v| *v += 1);
            });
            *holder.borrow_mut() = Some(Rc::downgrade(&mesh));
            let engine = Engine(Rc::new(Inner {
                id,
                me,
                invite,
                s,
                mesh,
                preview: RefCell::new(None),
                subscriptions: RefCell::new(Vec::new()),
                stats: RefCell::new(None),
            }));
            // Leaving the page hangs up and turns the camera off. (The engine lives in this
            // browser thread only; the wrapper satisfies the cleanup's thread-safety bound.)
            let e = send_wrapper::SendWrapper::new(engine.clone());
            on_cleanup(move || e.shutdown());
            engine
        }

        /// Shows the chosen camera in the pre-join preview (and lists the devices once allowed).
        pub fn preview(
            &self,
            camera: String,
            microphone: String,
            video: NodeRef<leptos::html::Video>,
        ) {
            let this = self.clone();
            leptos::task::spawn_local(async move {
                if let Some(old) = this.0.preview.borrow_mut().take() {
                    stop(&old);
                }
                match open_media(Some(camera), Some(microphone)).await {
                    Ok(stream) => {
                        attach(video, Some(stream.clone()));
                        *this.0.preview.borrow_mut() = Some(stream);
                        let _ = this.0.s.devices.try_set(list_devices().await);
                    }
                    Err(_) => {
                        let i18n = crate::shell::i18n::I18n {
                            locale: crate::shell::i18n::page_locale(),
                        };
                        let _ = this.0.s.notice.try_set(Some(i18n.t("meeting-error-media")));
                    }
                }
            });
        }

        pub fn show_local(&self, video: NodeRef<leptos::html::Video>) {
            attach(video, self.0.mesh.local());
        }

        pub fn show_remote(&self, user: &str, video: NodeRef<leptos::html::Video>) {
            if let Some(stream) = self.0.mesh.stream_of(user) {
                attach(video, Some(stream));
            }
        }

        pub fn join(&self, camera: String, microphone: String) {
            let this = self.clone();
            leptos::task::spawn_local(async move {
                let i18n = crate::shell::i18n::I18n {
                    locale: crate::shell::i18n::page_locale(),
                };
                let existing = this.0.preview.borrow_mut().take();
                let stream = match existing {
                    Some(s) => Ok(s),
                    None => open_media(Some(camera), Some(microphone)).await,
                };
                match stream {
                    Ok(s) => this.0.mesh.set_local(s),
                    Err(_) => {
                        let _ = this.0.s.notice.try_set(Some(i18n.t("meeting-error-media")));
                        return;
                    }
                }
                this.follow_user_topic();
                this.enter().await;
            });
        }

        async fn enter(&self) {
            let i18n = crate::shell::i18n::I18n {
                locale: crate::shell::i18n::page_locale(),
            };
            match join_meeting(self.0.id.clone(), self.0.invite.clone()).await {
                Ok(ParticipantState::Admitted) => {
                    let _ = self.0.s.notice.try_set(None);
                    let _ = self.0.s.phase.try_set(Phase::In);
                    self.follow_meeting();
                    self.start_stats();
                }
                Ok(_) => {
                    let _ = self.0.s.phase.try_set(Phase::Lobby);
                }
                Err(AppError::Conflict(reason)) => {
                    let _ = self.0.s.notice.try_set(Some(i18n.t(&reason)));
                }
                Err(e) => {
                    let _ = self.0.s.notice.try_set(Some(i18n.t(e.message_id())));
                }
            }
        }

        fn follow_user_topic(&self) {
            let this = self.clone();
            let id =
                crate::realtime::client::subscribe(format!("user:{}", self.0.me), None, move |f| {
                    let ServerFrame::Signal { body, .. } = f else {
                        return;
                    };
                    match body {
                        Hint::Rtc {
                            meeting,
                            from,
                            signal,
                        } if *meeting == this.0.id => {
                            let mesh = this.0.mesh.clone();
                            let (from, signal) = (from.clone(), signal.clone());
                            leptos::task::spawn_local(async move {
                                let _ = mesh.signal(from, signal).await;
                            });
                        }
                        Hint::Meeting { meeting }
                            if *meeting == this.0.id
                                && this.0.s.phase.try_get_untracked() == Some(Phase::Lobby) =>
                        {
                            let this = this.clone();
                            leptos::task::spawn_local(async move { this.enter().await });
                        }
                        _ => {}
                    }
                });
            self.0.subscriptions.borrow_mut().push(id);
        }

        async fn refresh(&self) -> Option<Vec<Participant>> {
            let v = get_meeting(self.0.id.clone(), self.0.invite.clone())
                .await
                .ok()?;
            let _ = self.0.s.roster.try_set(v.participants.clone());
            let _ = self.0.s.locked.try_set(v.locked);
            let _ = self.0.s.interpreter.try_set(v.interpreter_requested);
            let _ = self.0.s.chat_room.try_set(v.chat_room_id);
            Some(v.participants)
        }

        fn follow_meeting(&self) {
            let this = self.clone();
            let id = crate::realtime::client::subscribe(
                format!("meeting:{}", self.0.id),
                None,
                move |f| {
                    let this = this.clone();
                    match f {
                        ServerFrame::Subscribed { .. } => {
                            // Call everyone already here; newcomers call us.
                            leptos::task::spawn_local(async move {
                                let Some(list) = this.refresh().await else {
                                    return;
                                };
                                let known = this.0.mesh.peer_ids();
                                for p in list {
                                    if p.present
                                        && p.user_id != this.0.me
                                        && !known.contains(&p.user_id)
                                    {
                                        let _ = this.0.mesh.call(p.user_id).await;
                                    }
                                }
                            });
                        }
                        ServerFrame::Event(e) => {
                            let EventBody::Meeting(change) = &e.body else {
                                return;
                            };
                            let i18n = crate::shell::i18n::I18n {
                                locale: crate::shell::i18n::page_locale(),
                            };
                            match change {
                                MeetingEvent::Left { user_id } => this.0.mesh.drop_peer(user_id),
                                MeetingEvent::Removed { user_id } if *user_id == this.0.me => {
                                    let _ = this.0.s.phase.try_set(Phase::Removed);
                                    this.shutdown();
                                    return;
                                }
                                MeetingEvent::Removed { user_id } => this.0.mesh.drop_peer(user_id),
                                MeetingEvent::Ended => {
                                    let _ = this.0.s.phase.try_set(Phase::Ended);
                                    this.shutdown();
                                    return;
                                }
                                MeetingEvent::MuteRequested { user_id }
                                    if *user_id == this.0.me =>
                                {
                                    this.0.mesh.mute();
                                    let _ = this.0.s.mic_on.try_set(false);
                                    let _ = this
                                        .0
                                        .s
                                        .notice
                                        .try_set(Some(i18n.t("meeting-muted-by-host")));
                                }
                                _ => {}
                            }
                            leptos::task::spawn_local(async move {
                                this.refresh().await;
                            });
                        }
                        _ => {}
                    }
                },
            );
            self.0.subscriptions.borrow_mut().push(id);
        }

        fn start_stats(&self) {
            let this = self.clone();
            let handle = set_interval_with_handle(
                move || {
                    let this = this.clone();
                    leptos::task::spawn_local(async move {
                        let mut out = HashMap::new();
                        for user in this.0.mesh.peer_ids() {
                            let s = this.0.mesh.stats(&user).await;
                            let label = if !s.connected {
                                "meeting-quality-connecting"
                            } else if s.loss > 0.05 || s.rtt_ms.is_some_and(|r| r > 400.0) {
                                "meeting-quality-poor"
                            } else if s.loss > 0.01 || s.rtt_ms.is_some_and(|r| r > 150.0) {
                                "meeting-quality-fair"
                            } else {
                                "meeting-quality-good"
                            };
                            out.insert(user, (s.frames_decoded, label));
                        }
                        let _ = this.0.s.frames.try_set(out);
                    });
                },
                std::time::Duration::from_secs(1),
            );
            *self.0.stats.borrow_mut() = handle.ok();
        }

        pub fn toggle(&self, kind: &str) {
            let on = self.0.mesh.toggle(kind);
            if kind == "audio" {
                let _ = self.0.s.mic_on.try_set(on);
            } else {
                let _ = self.0.s.cam_on.try_set(on);
            }
        }

        pub fn share(&self) {
            if self.0.mesh.sharing() {
                self.0.mesh.stop_sharing();
                let _ = self.0.s.sharing.try_set(false);
                return;
            }
            let this = self.clone();
            leptos::task::spawn_local(async move {
                if this.0.mesh.share_screen().await.is_ok() {
                    let _ = this.0.s.sharing.try_set(true);
                }
            });
        }

        pub fn leave(&self) {
            self.shutdown();
            let _ = self.0.s.phase.try_set(Phase::Left);
        }

        fn shutdown(&self) {
            for id in self.0.subscriptions.borrow_mut().drain(..) {
                crate::realtime::client::unsubscribe(id);
            }
            if let Some(h) = self.0.stats.borrow_mut().take() {
                h.clear();
            }
            if let Some(p) = self.0.preview.borrow_mut().take() {
                stop(&p);
            }
            self.0.mesh.close();
        }
    }
}
