//! The browser's side of a meeting: one `RTCPeerConnection` per other participant (a mesh),
//! the local camera and microphone, screen sharing, and connection statistics.
//!
//! Who offers: the newcomer calls everyone already present; the others answer. If two people
//! arrive at once and both offer, the one with the larger user id is "polite": it drops its own
//! offer and answers (WebRTC's perfect-negotiation rule), so they never deadlock.

use domain::realtime::{ClientFrame, RtcSignal};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    MediaStream, MediaStreamTrack, RtcConfiguration, RtcIceCandidateInit, RtcPeerConnection,
    RtcPeerConnectionIceEvent, RtcRtpSender, RtcSdpType, RtcSessionDescriptionInit,
    RtcSignalingState, RtcTrackEvent,
};

/// What one peer connection reports (for the quality indicator and tests).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PeerStats {
    /// Video frames decoded from this peer so far.
    pub frames_decoded: u64,
    /// Round-trip time in milliseconds, if known.
    pub rtt_ms: Option<f64>,
    /// Share of packets lost, 0–1.
    pub loss: f64,
    /// Whether the connection is up.
    pub connected: bool,
}

struct Peer {
    pc: RtcPeerConnection,
    stream: Option<MediaStream>,
    early_candidates: Vec<RtcIceCandidateInit>,
    making_offer: bool,
    _handlers: Vec<Box<dyn std::any::Any>>,
}

/// A meeting's connections in this tab.
pub struct Mesh {
    me: String,
    meeting: String,
    config: JsValue,
    local: RefCell<Option<MediaStream>>,
    screen: RefCell<Option<MediaStreamTrack>>,
    peers: RefCell<HashMap<String, Peer>>,
    changed: Box<dyn Fn()>,
}

fn send(meeting: &str, to: &str, signal: RtcSignal) {
    crate::realtime::client::send(ClientFrame::Rtc {
        meeting: meeting.to_owned(),
        to: to.to_owned(),
        signal,
    });
}

fn sdp_of(value: &JsValue) -> String {
    js_sys::Reflect::get(value, &"sdp".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Asks for camera and microphone (the chosen devices, if any).
pub async fn open_media(
    camera: Option<String>,
    microphone: Option<String>,
) -> Result<MediaStream, JsValue> {
    let devices = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .navigator()
        .media_devices()?;
    let set = |o: &js_sys::Object, k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(o, &k.into(), v);
    };
    let exact = |id: &str| {
        let e = js_sys::Object::new();
        set(&e, "exact", &id.into());
        e
    };
    let video = js_sys::Object::new();
    set(&video, "width", &640.into());
    set(&video, "height", &360.into());
    if let Some(id) = camera.filter(|i| !i.is_empty()) {
        set(&video, "deviceId", &exact(&id));
    }
    let audio: JsValue = match microphone.filter(|i| !i.is_empty()) {
        Some(id) => {
            let a = js_sys::Object::new();
            set(&a, "deviceId", &exact(&id));
            a.into()
        }
        None => true.into(),
    };
    let constraints = js_sys::Object::new();
    set(&constraints, "audio", &audio);
    set(&constraints, "video", &video);
    let promise = devices.get_user_media_with_constraints(constraints.unchecked_ref())?;
    Ok(JsFuture::from(promise).await?.unchecked_into())
}

/// The microphone alone (`microphone` is a device id; empty or `None` for the default).
pub async fn open_audio(microphone: Option<String>) -> Result<MediaStream, JsValue> {
    let devices = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .navigator()
        .media_devices()?;
    let audio: JsValue = match microphone.filter(|i| !i.is_empty()) {
        Some(id) => {
            let exact = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&exact, &"exact".into(), &id.into());
            let a = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&a, &"deviceId".into(), &exact);
            a.into()
        }
        None => true.into(),
    };
    let constraints = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&constraints, &"audio".into(), &audio);
    let promise = devices.get_user_media_with_constraints(constraints.unchecked_ref())?;
    Ok(JsFuture::from(promise).await?.unchecked_into())
}

/// The cameras and microphones the browser offers: (kind, id, label).
pub async fn list_devices() -> Vec<(String, String, String)> {
    let Some(devices) = web_sys::window().and_then(|w| w.navigator().media_devices().ok()) else {
        return Vec::new();
    };
    let Ok(promise) = devices.enumerate_devices() else {
        return Vec::new();
    };
    let Ok(list) = JsFuture::from(promise).await else {
        return Vec::new();
    };
    js_sys::Array::from(&list)
        .iter()
        .map(|d| d.unchecked_into::<web_sys::MediaDeviceInfo>())
        .map(|d| {
            let kind = match d.kind() {
                web_sys::MediaDeviceKind::Videoinput => "camera",
                web_sys::MediaDeviceKind::Audioinput => "microphone",
                _ => "other",
            };
            (kind.to_owned(), d.device_id(), d.label())
        })
        .filter(|(k, _, _)| k != "other")
        .collect()
}

impl Mesh {
    /// A mesh for `meeting`; `changed` runs whenever peers or their streams change.
    pub fn new(
        me: String,
        meeting: String,
        ice_servers: &str,
        changed: impl Fn() + 'static,
    ) -> Rc<Mesh> {
        let config = js_sys::JSON::parse(&format!(r#"{{"iceServers":{ice_servers}}}"#))
            .unwrap_or_else(|_| js_sys::Object::new().into());
        Rc::new(Mesh {
            me,
            meeting,
            config,
            local: RefCell::new(None),
            screen: RefCell::new(None),
            peers: RefCell::new(HashMap::new()),
            changed: Box::new(changed),
        })
    }

    /// Uses this camera/microphone stream for every connection.
    pub fn set_local(&self, stream: MediaStream) {
        *self.local.borrow_mut() = Some(stream);
    }

    /// The local stream.
    pub fn local(&self) -> Option<MediaStream> {
        self.local.borrow().clone()
    }

    /// The stream received from a peer.
    pub fn stream_of(&self, user: &str) -> Option<MediaStream> {
        self.peers.borrow().get(user).and_then(|p| p.stream.clone())
    }

    /// The peers' user ids.
    pub fn peer_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.peers.borrow().keys().cloned().collect();
        ids.sort();
        ids
    }

    fn connection(self: &Rc<Self>, user: &str) -> Result<RtcPeerConnection, JsValue> {
        if let Some(p) = self.peers.borrow().get(user) {
            return Ok(p.pc.clone());
        }
        let pc = RtcPeerConnection::new_with_configuration(
            self.config.unchecked_ref::<RtcConfiguration>(),
        )?;
        if let Some(local) = self.local.borrow().as_ref() {
            let screen = self.screen.borrow().clone();
            for track in local.get_tracks().iter() {
                let mut track: MediaStreamTrack = track.unchecked_into();
                if let (Some(s), "video") = (&screen, track.kind().as_str()) {
                    track = s.clone();
                }
                pc.add_track(&track, local, &js_sys::Array::new());
            }
        }
        let (meeting, to) = (self.meeting.clone(), user.to_owned());
        let on_ice = Closure::<dyn Fn(RtcPeerConnectionIceEvent)>::new(
            move |e: RtcPeerConnectionIceEvent| {
                if let Some(c) = e.candidate() {
                    send(
                        &meeting,
                        &to,
                        RtcSignal::Candidate {
                            candidate: c.candidate(),
                            sdp_mid: c.sdp_mid(),
                            sdp_m_line_index: c.sdp_m_line_index(),
                        },
                    );
                }
            },
        );
        let weak = Rc::downgrade(self);
        let who = user.to_owned();
        let on_track = Closure::<dyn Fn(RtcTrackEvent)>::new(move |e: RtcTrackEvent| {
            let Some(mesh) = weak.upgrade() else { return };
            let stream = e
                .streams()
                .get(0)
                .dyn_into::<MediaStream>()
                .ok()
                .or_else(|| {
                    let s = MediaStream::new().ok()?;
                    s.add_track(&e.track());
                    Some(s)
                });
            if let Some(p) = mesh.peers.borrow_mut().get_mut(&who) {
                p.stream = stream;
            }
            (mesh.changed)();
        });
        let weak = Rc::downgrade(self);
        let on_state = Closure::<dyn Fn()>::new(move || {
            if let Some(mesh) = weak.upgrade() {
                (mesh.changed)();
            }
        });
        pc.set_onicecandidate(Some(on_ice.as_ref().unchecked_ref()));
        pc.set_ontrack(Some(on_track.as_ref().unchecked_ref()));
        pc.set_onconnectionstatechange(Some(on_state.as_ref().unchecked_ref()));
        self.peers.borrow_mut().insert(
            user.to_owned(),
            Peer {
                pc: pc.clone(),
                stream: None,
                early_candidates: Vec::new(),
                making_offer: false,
                _handlers: vec![Box::new(on_ice), Box::new(on_track), Box::new(on_state)],
            },
        );
        (self.changed)();
        Ok(pc)
    }

    /// Calls a participant who is already there (the newcomer's side).
    pub async fn call(self: &Rc<Self>, user: String) -> Result<(), JsValue> {
        let pc = self.connection(&user)?;
        if let Some(p) = self.peers.borrow_mut().get_mut(&user) {
            p.making_offer = true;
        }
        let offer = JsFuture::from(pc.create_offer()).await;
        let result = async {
            let sdp = sdp_of(&offer?);
            let desc = RtcSessionDescriptionInit::new(RtcSdpType::Offer);
            desc.set_sdp(&sdp);
            JsFuture::from(pc.set_local_description(&desc)).await?;
            send(
                &self.meeting,
                &user,
                RtcSignal::Description {
                    kind: "offer".into(),
                    sdp,
                },
            );
            Ok::<(), JsValue>(())
        }
        .await;
        if let Some(p) = self.peers.borrow_mut().get_mut(&user) {
            p.making_offer = false;
        }
        result
    }

    /// Handles a signaling message from a participant.
    pub async fn signal(self: &Rc<Self>, from: String, signal: RtcSignal) -> Result<(), JsValue> {
        match signal {
            RtcSignal::Description { kind, sdp } => {
                let pc = self.connection(&from)?;
                let offer = kind == "offer";
                let busy = self
                    .peers
                    .borrow()
                    .get(&from)
                    .is_some_and(|p| p.making_offer)
                    || (offer && pc.signaling_state() != RtcSignalingState::Stable);
                let polite = self.me > from;
                if offer && busy && !polite {
                    // Both offered at once; the other side gives way.
                    return Ok(());
                }
                if offer && pc.signaling_state() != RtcSignalingState::Stable {
                    let rollback = RtcSessionDescriptionInit::new(RtcSdpType::Rollback);
                    JsFuture::from(pc.set_local_description(&rollback)).await?;
                }
                let desc = RtcSessionDescriptionInit::new(if offer {
                    RtcSdpType::Offer
                } else {
                    RtcSdpType::Answer
                });
                desc.set_sdp(&sdp);
                JsFuture::from(pc.set_remote_description(&desc)).await?;
                let early: Vec<RtcIceCandidateInit> = self
                    .peers
                    .borrow_mut()
                    .get_mut(&from)
                    .map(|p| std::mem::take(&mut p.early_candidates))
                    .unwrap_or_default();
                for c in early {
                    let _ = JsFuture::from(
                        pc.add_ice_candidate_with_opt_rtc_ice_candidate_init(Some(&c)),
                    )
                    .await;
                }
                if offer {
                    let answer = JsFuture::from(pc.create_answer()).await?;
                    let sdp = sdp_of(&answer);
                    let desc = RtcSessionDescriptionInit::new(RtcSdpType::Answer);
                    desc.set_sdp(&sdp);
                    JsFuture::from(pc.set_local_description(&desc)).await?;
                    send(
                        &self.meeting,
                        &from,
                        RtcSignal::Description {
                            kind: "answer".into(),
                            sdp,
                        },
                    );
                }
                Ok(())
            }
            RtcSignal::Candidate {
                candidate,
                sdp_mid,
                sdp_m_line_index,
            } => {
                if candidate.is_empty() {
                    return Ok(());
                }
                let init = RtcIceCandidateInit::new(&candidate);
                init.set_sdp_mid(sdp_mid.as_deref());
                init.set_sdp_m_line_index(sdp_m_line_index);
                let pc = self.connection(&from)?;
                if pc.remote_description().is_none() {
                    if let Some(p) = self.peers.borrow_mut().get_mut(&from) {
                        p.early_candidates.push(init);
                    }
                    return Ok(());
                }
                JsFuture::from(pc.add_ice_candidate_with_opt_rtc_ice_candidate_init(Some(&init)))
                    .await?;
                Ok(())
            }
        }
    }

    /// Hangs up on one participant (they left or were removed).
    pub fn drop_peer(&self, user: &str) {
        if let Some(p) = self.peers.borrow_mut().remove(user) {
            p.pc.close();
        }
        (self.changed)();
    }

    /// Hangs up on everyone and stops the camera, microphone and screen.
    pub fn close(&self) {
        for (_, p) in self.peers.borrow_mut().drain() {
            p.pc.close();
        }
        if let Some(stream) = self.local.borrow_mut().take() {
            for t in stream.get_tracks().iter() {
                t.unchecked_into::<MediaStreamTrack>().stop();
            }
        }
        if let Some(s) = self.screen.borrow_mut().take() {
            s.stop();
        }
        (self.changed)();
    }

    /// Turns the local audio or video on or off; returns the new state.
    pub fn toggle(&self, kind: &str) -> bool {
        let mut on = false;
        if let Some(stream) = self.local.borrow().as_ref() {
            for t in stream.get_tracks().iter() {
                let t: MediaStreamTrack = t.unchecked_into();
                if t.kind() == kind {
                    t.set_enabled(!t.enabled());
                    on = t.enabled();
                }
            }
        }
        on
    }

    /// Turns the microphone off.
    pub fn mute(&self) {
        if let Some(stream) = self.local.borrow().as_ref() {
            for t in stream.get_tracks().iter() {
                let t: MediaStreamTrack = t.unchecked_into();
                if t.kind() == "audio" {
                    t.set_enabled(false);
                }
            }
        }
    }

    fn video_senders(&self) -> Vec<RtcRtpSender> {
        let mut out = Vec::new();
        for p in self.peers.borrow().values() {
            for s in p.pc.get_senders().iter() {
                let s: RtcRtpSender = s.unchecked_into();
                if s.track().is_some_and(|t| t.kind() == "video") {
                    out.push(s);
                }
            }
        }
        out
    }

    /// Shares the screen (or a window) instead of the camera until it ends or is stopped.
    pub async fn share_screen(self: &Rc<Self>) -> Result<(), JsValue> {
        let devices = web_sys::window()
            .ok_or_else(|| JsValue::from_str("no window"))?
            .navigator()
            .media_devices()?;
        let stream: MediaStream = JsFuture::from(devices.get_display_media()?)
            .await?
            .unchecked_into();
        let Some(track) = stream
            .get_video_tracks()
            .get(0)
            .dyn_into::<MediaStreamTrack>()
            .ok()
        else {
            return Ok(());
        };
        for s in self.video_senders() {
            let _ = s.replace_track(Some(&track));
        }
        let weak = Rc::downgrade(self);
        let ended = Closure::<dyn Fn()>::new(move || {
            if let Some(mesh) = weak.upgrade() {
                mesh.stop_sharing();
            }
        });
        track.set_onended(Some(ended.as_ref().unchecked_ref()));
        ended.forget();
        *self.screen.borrow_mut() = Some(track);
        (self.changed)();
        Ok(())
    }

    /// Goes back from the screen to the camera.
    pub fn stop_sharing(&self) {
        let Some(screen) = self.screen.borrow_mut().take() else {
            return;
        };
        screen.stop();
        let camera = self.local.borrow().as_ref().and_then(|s| {
            s.get_video_tracks()
                .get(0)
                .dyn_into::<MediaStreamTrack>()
                .ok()
        });
        for s in self.video_senders() {
            let _ = s.replace_track(camera.as_ref());
        }
        (self.changed)();
    }

    /// Whether the screen is being shared.
    pub fn sharing(&self) -> bool {
        self.screen.borrow().is_some()
    }

    /// Statistics of the connection to one participant.
    pub async fn stats(&self, user: &str) -> PeerStats {
        let Some(pc) = self.peers.borrow().get(user).map(|p| p.pc.clone()) else {
            return PeerStats::default();
        };
        let mut out = PeerStats {
            connected: pc.connection_state() == web_sys::RtcPeerConnectionState::Connected,
            ..PeerStats::default()
        };
        let Ok(report) = JsFuture::from(pc.get_stats()).await else {
            return out;
        };
        let report: js_sys::Map = report.unchecked_into();
        let (mut lost, mut received) = (0f64, 0f64);
        report.for_each(&mut |value, _| {
            let get = |k: &str| js_sys::Reflect::get(&value, &k.into()).ok();
            let kind = get("type").and_then(|v| v.as_string()).unwrap_or_default();
            if kind == "inbound-rtp" {
                if get("kind").and_then(|v| v.as_string()).as_deref() == Some("video") {
                    out.frames_decoded +=
                        get("framesDecoded").and_then(|v| v.as_f64()).unwrap_or(0.0) as u64;
                }
                lost += get("packetsLost").and_then(|v| v.as_f64()).unwrap_or(0.0);
                received += get("packetsReceived")
                    .and_then(|v| v.as_f64())
                    .unwrap_or(0.0);
            }
            if kind == "candidate-pair" && get("nominated").and_then(|v| v.as_bool()) == Some(true)
            {
                if let Some(rtt) = get("currentRoundTripTime").and_then(|v| v.as_f64()) {
                    out.rtt_ms = Some(rtt * 1000.0);
                }
            }
        });
        if lost + received > 0.0 {
            out.loss = lost / (lost + received);
        }
        out
    }
}
