//! The browser's side of broadcasting: the camera and microphone (or a screen or window) are
//! recorded by `MediaRecorder` in short WebM chunks with a keyframe every second, and each chunk
//! is sent, in order, over `/live/<id>/ingest`. If the connection drops, the studio reconnects
//! and starts a new recording, which the server joins onto the same stream.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{BlobEvent, MediaRecorder, MediaStream, MessageEvent, WebSocket};

/// Milliseconds of media per chunk.
const CHUNK_MS: i32 = 250;
/// While paused, the studio tells the server it is still there this often (the server drops a
/// broadcaster silent for 20 s).
const PAUSED_KEEPALIVE_MS: i32 = 5_000;

/// What the studio shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Preview only.
    Ready,
    /// Opening the connection.
    Connecting,
    /// On air.
    OnAir,
    /// Paused (viewers see the last picture).
    Paused,
    /// The connection dropped; reconnecting.
    Reconnecting,
    /// The broadcast is over.
    Ended,
    /// Refused or failed, with the Fluent id of the reason.
    Failed(String),
}

/// The WebM type this browser records for what `stream` carries: VP8/VP9 with Opus, a video
/// codec alone when there is no sound (a screen shared without a microphone), Opus alone
/// without a picture. The declared codecs are always the stream's own.
pub fn mime_for(stream: &MediaStream) -> Option<&'static str> {
    let has_video = stream.get_video_tracks().length() > 0;
    let has_audio = stream.get_audio_tracks().length() > 0;
    let candidates: &[&'static str] = match (has_video, has_audio) {
        (true, true) => &["video/webm;codecs=vp8,opus", "video/webm;codecs=vp9,opus"],
        (true, false) => &["video/webm;codecs=vp8", "video/webm;codecs=vp9"],
        (false, true) => &["audio/webm;codecs=opus"],
        (false, false) => &[],
    };
    candidates
        .iter()
        .copied()
        .find(|m| MediaRecorder::is_type_supported(m))
}

enum Item {
    Chunk(web_sys::Blob),
    End,
}

struct State {
    stream_id: String,
    media: MediaStream,
    mime: &'static str,
    socket: Option<WebSocket>,
    recorder: Option<MediaRecorder>,
    queue: VecDeque<Item>,
    sending: bool,
    ending: bool,
    /// Paused by the presenter: the recorder holds, the camera is off, and keep-alives go out.
    paused: bool,
    retries: u32,
    /// Bumped for every new recording: chunks of an older one (after a reconnect) are dropped,
    /// since a new connection must start with its recording's header.
    generation: u32,
    on_status: Box<dyn Fn(Status)>,
    _handlers: Vec<Box<dyn std::any::Any>>,
}

/// A broadcast from this tab.
#[derive(Clone)]
pub struct Studio(Rc<RefCell<State>>);

impl Studio {
    /// Goes live with `media` on stream `stream_id`.
    pub fn go_live(
        stream_id: String,
        media: MediaStream,
        on_status: impl Fn(Status) + 'static,
    ) -> Option<Studio> {
        let Some(mime) = mime_for(&media) else {
            on_status(Status::Failed("live-error-browser".into()));
            return None;
        };
        let studio = Studio(Rc::new(RefCell::new(State {
            stream_id,
            media,
            mime,
            socket: None,
            recorder: None,
            queue: VecDeque::new(),
            sending: false,
            ending: false,
            paused: false,
            retries: 0,
            generation: 0,
            on_status: Box::new(on_status),
            _handlers: Vec::new(),
        })));
        studio.connect();
        Some(studio)
    }

    fn status(&self, status: Status) {
        (self.0.borrow().on_status)(status);
    }

    fn connect(&self) {
        self.status(Status::Connecting);
        let (id, mime) = {
            let s = self.0.borrow();
            (s.stream_id.clone(), s.mime)
        };
        let mime_q: String = js_sys::encode_uri_component(mime).into();
        let Some(url) =
            crate::realtime::client::socket_url(&format!("/live/{id}/ingest?mime={mime_q}"))
        else {
            return;
        };
        let Ok(ws) = WebSocket::new(&url) else {
            self.retry();
            return;
        };
        ws.set_binary_type(web_sys::BinaryType::Arraybuffer);
        let me = self.clone();
        let on_open = Closure::<dyn FnMut()>::new(move || me.start_recorder());
        ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        let me = self.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
                return;
            };
            match v.get("t").and_then(|t| t.as_str()) {
                Some("live") => {
                    me.0.borrow_mut().retries = 0;
                    me.status(Status::OnAir);
                }
                Some("ended") => me.status(Status::Ended),
                Some("error") => {
                    let code = v
                        .get("code")
                        .and_then(|c| c.as_str())
                        .unwrap_or("live-error-failed");
                    me.fail(code.to_owned());
                }
                _ => {}
            }
        });
        ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let me = self.clone();
        let on_close =
            Closure::<dyn FnMut(web_sys::CloseEvent)>::new(move |e: web_sys::CloseEvent| {
                let ending = me.0.borrow().ending;
                if ending {
                    me.stop_recorder();
                    me.status(Status::Ended);
                } else if e.code() >= 4000 {
                    // Refused by the server (reason: a Fluent id): do not hammer it.
                    me.fail(e.reason());
                } else {
                    me.retry();
                }
            });
        ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        let mut s = self.0.borrow_mut();
        s.socket = Some(ws);
        s._handlers.push(Box::new(on_open));
        s._handlers.push(Box::new(on_message));
        s._handlers.push(Box::new(on_close));
    }

    fn fail(&self, code: String) {
        self.0.borrow_mut().ending = true;
        self.stop_recorder();
        if let Some(ws) = self.0.borrow_mut().socket.take() {
            ws.set_onclose(None);
            let _ = ws.close();
        }
        self.status(Status::Failed(code));
    }

    /// A new recording (a new WebM header) for this connection.
    fn start_recorder(&self) {
        self.stop_recorder();
        let (media, mime) = {
            let s = self.0.borrow();
            (s.media.clone(), s.mime)
        };
        let options = web_sys::MediaRecorderOptions::new();
        options.set_mime_type(mime);
        options.set_video_bits_per_second(1_500_000);
        // A keyframe every second: where late viewers start (Chromium's option).
        let _ = js_sys::Reflect::set(
            &options,
            &"videoKeyFrameIntervalDuration".into(),
            &1000.into(),
        );
        let Ok(recorder) =
            MediaRecorder::new_with_media_stream_and_media_recorder_options(&media, &options)
        else {
            self.fail("live-error-browser".into());
            return;
        };
        let generation = {
            let mut s = self.0.borrow_mut();
            s.generation += 1;
            s.queue.clear();
            s.generation
        };
        let me = self.clone();
        let on_data = Closure::<dyn FnMut(BlobEvent)>::new(move |e: BlobEvent| {
            if me.0.borrow().generation != generation {
                return;
            }
            if let Some(blob) = e.data() {
                if blob.size() > 0.0 {
                    me.0.borrow_mut().queue.push_back(Item::Chunk(blob));
                    me.send_next();
                }
            }
        });
        recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
        let me = self.clone();
        let on_stop = Closure::<dyn FnMut()>::new(move || {
            let current = me.0.borrow().generation == generation;
            if current && me.0.borrow().ending {
                me.0.borrow_mut().queue.push_back(Item::End);
                me.send_next();
            }
        });
        recorder.set_onstop(Some(on_stop.as_ref().unchecked_ref()));
        if recorder.start_with_time_slice(CHUNK_MS).is_err() {
            self.fail("live-error-browser".into());
            return;
        }
        // Reconnected while paused: the new recording waits too.
        if self.0.borrow().paused {
            let _ = recorder.pause();
        }
        let mut s = self.0.borrow_mut();
        s.recorder = Some(recorder);
        s._handlers.push(Box::new(on_data));
        s._handlers.push(Box::new(on_stop));
    }

    fn stop_recorder(&self) {
        let recorder = self.0.borrow_mut().recorder.take();
        if let Some(r) = recorder {
            if r.state() != web_sys::RecordingState::Inactive {
                let _ = r.stop();
            }
        }
    }

    /// Sends the queued chunks one after another, in order.
    fn send_next(&self) {
        if self.0.borrow().sending {
            return;
        }
        self.0.borrow_mut().sending = true;
        let me = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let item = me.0.borrow_mut().queue.pop_front();
                let Some(item) = item else { break };
                let socket = me.0.borrow().socket.clone();
                let Some(ws) = socket else { break };
                match item {
                    Item::Chunk(blob) => {
                        let Ok(buf) = JsFuture::from(blob.array_buffer()).await else {
                            continue;
                        };
                        if ws.ready_state() == WebSocket::OPEN {
                            let _ = ws.send_with_array_buffer(buf.unchecked_ref());
                        }
                    }
                    Item::End => {
                        let _ = ws.send_with_str(r#"{"t":"end"}"#);
                    }
                }
            }
            me.0.borrow_mut().sending = false;
        });
    }

    /// Pauses or resumes the broadcast. Paused, nothing is recorded (the replay leaves the
    /// pause out) and the connection is kept with a keep-alive every few seconds, so the server
    /// does not take the silence for a dropped broadcaster.
    pub fn set_paused(&self, paused: bool) {
        let recorder = self.0.borrow().recorder.clone();
        let Some(r) = recorder else {
            return;
        };
        let done = if paused { r.pause() } else { r.resume() };
        if done.is_err() {
            return;
        }
        self.0.borrow_mut().paused = paused;
        let socket = self.0.borrow().socket.clone();
        if let Some(ws) = socket {
            let _ = ws.send_with_str(if paused {
                r#"{"t":"paused"}"#
            } else {
                r#"{"t":"resumed"}"#
            });
        }
        if paused {
            self.keep_alive();
            self.status(Status::Paused);
        } else {
            self.status(Status::OnAir);
        }
    }

    /// Tells the server the paused studio is still there, until it resumes or ends.
    fn keep_alive(&self) {
        let me = self.clone();
        crate::realtime::client::after(PAUSED_KEEPALIVE_MS, move || {
            let (paused, ending, socket) = {
                let s = me.0.borrow();
                (s.paused, s.ending, s.socket.clone())
            };
            if !paused || ending {
                return;
            }
            if let Some(ws) = socket.filter(|ws| ws.ready_state() == WebSocket::OPEN) {
                let _ = ws.send_with_str(r#"{"t":"paused"}"#);
            }
            me.keep_alive();
        });
    }

    /// Ends the broadcast: the last chunk is sent, then the end.
    pub fn end(&self) {
        self.0.borrow_mut().ending = true;
        let has_recorder = self.0.borrow().recorder.is_some();
        if has_recorder {
            // `onstop` queues the end after the last chunk.
            self.stop_recorder();
        } else {
            self.0.borrow_mut().queue.push_back(Item::End);
            self.send_next();
        }
    }

    fn retry(&self) {
        self.stop_recorder();
        let delay = {
            let mut s = self.0.borrow_mut();
            s.socket = None;
            s.generation += 1;
            s.queue.clear();
            s.retries = (s.retries + 1).min(4);
            500 * (1 << s.retries)
        };
        self.status(Status::Reconnecting);
        let me = self.clone();
        crate::realtime::client::after(delay, move || {
            if !me.0.borrow().ending {
                me.connect();
            }
        });
    }
}
