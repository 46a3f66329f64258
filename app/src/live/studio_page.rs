//! `/live/<id>/studio`: the broadcast studio. Pick the camera and microphone (or share a screen
//! or window), check the preview, go live, pause, end. Only the stream's broadcasters get here.

use super::api::live_stream;
use super::qa_panel::QaPanel;
use super::room_page::StreamFacts;
use crate::shell::i18n::use_i18n;
use domain::live::StreamView;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The studio page.
#[component]
pub fn StudioPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = Resource::new(id, live_stream);
    view! {
        <Title text=i18n.t("live-studio-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) if v.may_broadcast => view! { <Studio view=v /> }.into_any(),
                    Ok(_) => view! {
                        <div class="page"><p class="form-alert" role="alert">{i18n.t("error-forbidden")}</p></div>
                    }.into_any(),
                    Err(e) => view! {
                        <div class="page"><p class="form-alert" role="alert">{i18n.t(e.message_id())}</p></div>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Where the studio is.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Phase {
    Preview,
    Connecting,
    OnAir,
    Paused,
    Reconnecting,
    Ended,
}

#[component]
fn Studio(view: StreamView) -> impl IntoView {
    let i18n = use_i18n();
    let s = view.stream.clone();
    let id = s.id.clone();
    let preview = NodeRef::<leptos::html::Video>::new();
    let phase = RwSignal::new(Phase::Preview);
    let problem = RwSignal::new(None::<String>);
    let source = RwSignal::new("camera".to_owned());
    let camera = RwSignal::new(String::new());
    let microphone = RwSignal::new(String::new());
    let devices = RwSignal::new(Vec::<(String, String, String)>::new());
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    // How many watch, from the room's hub topic.
    let viewers = RwSignal::new(None::<u64>);
    #[cfg(feature = "hydrate")]
    {
        let sub = super::programme_panel::follow_viewers(&id, viewers);
        on_cleanup(move || crate::realtime::client::unsubscribe(sub));
    }

    #[cfg(feature = "hydrate")]
    let engine = StoredValue::new_local(engine::Engine::default());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let (src, cam, mic) = (source.get(), camera.get(), microphone.get());
        if phase.get_untracked() != Phase::Preview {
            return;
        }
        let engine = engine.get_value();
        leptos::task::spawn_local(async move {
            match engine.open(&src, cam, mic, preview).await {
                Ok(()) => {
                    let _ = problem.try_set(None);
                    let _ = devices.try_set(crate::meeting::rtc::list_devices().await);
                }
                Err(()) => {
                    let _ = problem.try_set(Some("live-error-media".into()));
                }
            }
        });
    });

    let go_live = {
        let id = id.clone();
        move |_| {
            #[cfg(feature = "hydrate")]
            engine.get_value().go_live(id.clone(), phase, problem);
            #[cfg(not(feature = "hydrate"))]
            let _ = &id;
        }
    };
    let pause = move |_| {
        #[cfg(feature = "hydrate")]
        engine
            .get_value()
            .set_paused(phase.get_untracked() != Phase::Paused);
    };
    let end = move |_| {
        #[cfg(feature = "hydrate")]
        engine.get_value().end();
    };
    let watch_href = format!("/live/{}", s.id);
    let status_text = move || {
        i18n.t(match phase.get() {
            Phase::Preview => "live-studio-preview",
            Phase::Connecting => "live-studio-connecting",
            Phase::OnAir => "live-studio-on-air",
            Phase::Paused => "live-studio-paused",
            Phase::Reconnecting => "live-studio-reconnecting",
            Phase::Ended => "live-studio-ended",
        })
    };
    let device_options = move |kind: &'static str| {
        devices
            .get()
            .into_iter()
            .filter(move |(k, _, _)| k == kind)
            .enumerate()
            .map(|(n, (_, id, label))| {
                let label = if label.is_empty() {
                    format!("{kind} {}", n + 1)
                } else {
                    label
                };
                view! { <option value=id>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="page live-studio">
            <p><a href="/live">{i18n.t("live-back")}</a></p>
            <h1>{i18n.t("live-studio-title")} " · " {s.title.text.clone()}</h1>
            <StreamFacts view=view.clone() />
            <noscript><p class="form-alert">{i18n.t("live-studio-needs-js")}</p></noscript>
            <div class="live-studio-grid">
                <div class="live-stage">
                    <video class="live-video" node_ref=preview muted=true autoplay=true playsinline=true aria-label=i18n.t("live-studio-preview-label")></video>
                    <p class="live-status" role="status" aria-live="polite">
                        <span class=move || format!("live-onair-dot live-phase-{:?}", phase.get()).to_lowercase()></span>
                        <span class="live-studio-status">{status_text}</span>
                        {move || viewers.get().map(|n| view! {
                            " · " <span class="live-viewers">{i18n.t_args("live-viewers", vec![("count", crate::shell::i18n::Arg::Num(n as i64))])}</span>
                        })}
                    </p>
                    {move || problem.get().map(|m| view! { <p class="form-alert" role="alert">{i18n.t(&m)}</p> })}
                </div>
                <form class="stack-form live-studio-controls card" on:submit=|e| e.prevent_default()>
                    <fieldset disabled=move || phase.get() != Phase::Preview>
                        <legend>{i18n.t("live-studio-source")}</legend>
                        <div class="field">
                            <label for="studio-source">{i18n.t("live-studio-source-label")}</label>
                            <select id="studio-source" on:change=move |e| source.set(event_target_value(&e))>
                                <option value="camera">{i18n.t("live-studio-source-camera")}</option>
                                <option value="screen">{i18n.t("live-studio-source-screen")}</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for="studio-camera">{i18n.t("meeting-camera")}</label>
                            <select id="studio-camera" on:change=move |e| camera.set(event_target_value(&e))>
                                {move || device_options("camera")}
                            </select>
                        </div>
                        <div class="field">
                            <label for="studio-microphone">{i18n.t("meeting-microphone")}</label>
                            <select id="studio-microphone" on:change=move |e| microphone.set(event_target_value(&e))>
                                {move || device_options("microphone")}
                            </select>
                        </div>
                    </fieldset>
                    <div class="live-studio-buttons">
                        <button type="button" class="btn btn-primary" on:click=go_live
                            disabled=move || !hydrated.get() || phase.get() != Phase::Preview>
                            {i18n.t("live-studio-go-live")}
                        </button>
                        <button type="button" class="btn btn-ghost" on:click=pause
                            disabled=move || !matches!(phase.get(), Phase::OnAir | Phase::Paused)>
                            {move || if phase.get() == Phase::Paused { i18n.t("live-studio-resume") } else { i18n.t("live-studio-pause") }}
                        </button>
                        <button type="button" class="btn btn-danger" on:click=end
                            disabled=move || !matches!(phase.get(), Phase::OnAir | Phase::Paused | Phase::Reconnecting)>
                            {i18n.t("live-studio-end")}
                        </button>
                    </div>
                    <p><a href=watch_href>{i18n.t("live-studio-watch")}</a></p>
                </form>
            </div>
            <QaPanel id=s.id.clone() open=true />
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod engine {
    use super::Phase;
    use crate::live::studio::{Status, Studio};
    use leptos::prelude::*;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;

    /// The studio's media and broadcast in this tab.
    #[derive(Clone, Default)]
    pub struct Engine {
        media: Rc<RefCell<Option<web_sys::MediaStream>>>,
        studio: Rc<RefCell<Option<Studio>>>,
    }

    fn stop(stream: &web_sys::MediaStream) {
        for t in stream.get_tracks().iter() {
            t.unchecked_into::<web_sys::MediaStreamTrack>().stop();
        }
    }

    /// The shared screen's picture with the presenter's microphone (the screen's own sound,
    /// when a tab shares it, is replaced: the presenter speaks over the slides). Without a
    /// microphone, the picture alone.
    async fn screen(microphone: String) -> Result<web_sys::MediaStream, wasm_bindgen::JsValue> {
        let devices = web_sys::window()
            .ok_or_else(|| wasm_bindgen::JsValue::from_str("no window"))?
            .navigator()
            .media_devices()?;
        let constraints = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&constraints, &"video".into(), &true.into());
        let f = js_sys::Reflect::get(&devices, &"getDisplayMedia".into())?;
        let f: js_sys::Function = f.dyn_into()?;
        let promise: js_sys::Promise = f.call1(&devices, &constraints)?.dyn_into()?;
        let display: web_sys::MediaStream = wasm_bindgen_futures::JsFuture::from(promise)
            .await?
            .unchecked_into();
        let combined = web_sys::MediaStream::new()?;
        for t in display.get_video_tracks().iter() {
            combined.add_track(&t.unchecked_into());
        }
        if let Ok(mic) = crate::meeting::rtc::open_audio(Some(microphone)).await {
            for t in mic.get_audio_tracks().iter() {
                combined.add_track(&t.unchecked_into());
            }
        }
        Ok(combined)
    }

    impl Engine {
        /// Opens the chosen source and shows it in the preview.
        pub async fn open(
            &self,
            source: &str,
            camera: String,
            microphone: String,
            preview: NodeRef<leptos::html::Video>,
        ) -> Result<(), ()> {
            if let Some(old) = self.media.borrow_mut().take() {
                stop(&old);
            }
            let stream = if source == "screen" {
                screen(microphone).await
            } else {
                crate::meeting::rtc::open_media(Some(camera), Some(microphone)).await
            }
            .map_err(|_| ())?;
            if let Some(v) = preview.get_untracked() {
                let el: &web_sys::HtmlMediaElement = v.as_ref();
                el.set_src_object(Some(&stream));
                if let Ok(p) = el.play() {
                    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                }
            }
            *self.media.borrow_mut() = Some(stream);
            Ok(())
        }

        /// Goes live with what the preview shows.
        pub fn go_live(
            &self,
            id: String,
            phase: RwSignal<Phase>,
            problem: RwSignal<Option<String>>,
        ) {
            let Some(media) = self.media.borrow().clone() else {
                problem.set(Some("live-error-media".into()));
                return;
            };
            let studio = Studio::go_live(id, media, move |s| {
                let _ = phase.try_set(match &s {
                    Status::Ready => Phase::Preview,
                    Status::Connecting => Phase::Connecting,
                    Status::OnAir => Phase::OnAir,
                    Status::Paused => Phase::Paused,
                    Status::Reconnecting => Phase::Reconnecting,
                    Status::Ended | Status::Failed(_) => Phase::Ended,
                });
                if let Status::Failed(code) = s {
                    let _ = problem.try_set(Some(code));
                }
            });
            *self.studio.borrow_mut() = studio;
        }

        pub fn set_paused(&self, paused: bool) {
            if let Some(s) = self.studio.borrow().as_ref() {
                s.set_paused(paused);
            }
        }

        pub fn end(&self) {
            if let Some(s) = self.studio.borrow().as_ref() {
                s.end();
            }
        }
    }
}
