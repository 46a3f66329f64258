//! The browser's side of watching: the stream's bytes arrive on `/live/<id>/watch` and are
//! played through Media Source Extensions. The first message names the media type; the first
//! bytes are the stream header and the cluster of the last keyframe, so playback starts at once.
//! The player keeps within a few seconds of the live edge, trims what it has played, and
//! reconnects (with a fresh `MediaSource`) if the connection drops.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlVideoElement, MediaSource, MessageEvent, SourceBuffer, WebSocket};

/// Furthest behind the live edge before the player jumps forward, in seconds.
const MAX_DELAY: f64 = 2.5;

/// What the page shows about the player.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Connecting, or the broadcast has not begun.
    Waiting,
    /// Bytes are flowing.
    Playing,
    /// The connection dropped; trying again.
    Reconnecting,
    /// The broadcast is over.
    Ended,
    /// This browser cannot play the stream's format.
    Unsupported,
    /// The broadcaster's connection dropped; the stream goes on when they are back.
    Away,
    /// A moderator removed this person from the room.
    Removed,
}

struct State {
    video: HtmlVideoElement,
    stream_id: String,
    socket: Option<WebSocket>,
    source: Option<MediaSource>,
    buffer: Option<SourceBuffer>,
    queue: VecDeque<js_sys::ArrayBuffer>,
    mime: Option<String>,
    retries: u32,
    stopped: bool,
    /// The broadcast is over: nothing a late event says changes that.
    ended: bool,
    on_status: Box<dyn Fn(Status)>,
    _handlers: Vec<Box<dyn std::any::Any>>,
}

/// A running player; dropping it does not stop it — call [`Player::stop`].
#[derive(Clone)]
pub struct Player(Rc<RefCell<State>>);

impl Player {
    /// Starts playing stream `stream_id` into `video`.
    pub fn start(
        video: HtmlVideoElement,
        stream_id: String,
        on_status: impl Fn(Status) + 'static,
    ) -> Player {
        let player = Player(Rc::new(RefCell::new(State {
            video,
            stream_id,
            socket: None,
            source: None,
            buffer: None,
            queue: VecDeque::new(),
            mime: None,
            retries: 0,
            stopped: false,
            ended: false,
            on_status: Box::new(on_status),
            _handlers: Vec::new(),
        })));
        player.connect();
        player
    }

    /// Stops: closes the connection and leaves the video as it is.
    pub fn stop(&self) {
        let mut s = self.0.borrow_mut();
        s.stopped = true;
        if let Some(ws) = s.socket.take() {
            let _ = ws.close();
        }
    }

    fn status(&self, status: Status) {
        let s = self.0.borrow();
        if s.ended && status != Status::Ended {
            return;
        }
        (s.on_status)(status);
    }

    fn connect(&self) {
        let path = format!("/live/{}/watch", self.0.borrow().stream_id);
        let Some(url) = crate::realtime::client::socket_url(&path) else {
            return;
        };
        let Ok(ws) = WebSocket::new(&url) else {
            self.retry();
            return;
        };
        ws.set_binary_type(web_sys::BinaryType::Arraybuffer);
        let me = self.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            if let Ok(buf) = data.clone().dyn_into::<js_sys::ArrayBuffer>() {
                me.0.borrow_mut().queue.push_back(buf);
                me.pump();
            } else if let Some(text) = data.as_string() {
                me.on_text(&text);
            }
        });
        ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let me = self.clone();
        let on_close =
            Closure::<dyn FnMut(web_sys::CloseEvent)>::new(move |e: web_sys::CloseEvent| {
                if me.0.borrow().stopped {
                    return;
                }
                if e.code() == 1000 && e.reason() == "ended" {
                    me.finish();
                } else if e.code() == 4403 {
                    me.0.borrow_mut().stopped = true;
                    me.status(Status::Removed);
                } else {
                    me.retry();
                }
            });
        ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        let mut s = self.0.borrow_mut();
        s.socket = Some(ws);
        s._handlers.push(Box::new(on_message));
        s._handlers.push(Box::new(on_close));
    }

    fn on_text(&self, text: &str) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
            return;
        };
        match v.get("t").and_then(|t| t.as_str()) {
            Some("mime") => {
                let mime = v.get("mime").and_then(|m| m.as_str()).unwrap_or_default();
                self.open_source(mime.to_owned());
            }
            Some("waiting") => self.status(Status::Waiting),
            Some("away") => self.status(Status::Away),
            Some("back") => self.status(Status::Playing),
            _ => {}
        }
    }

    /// A fresh `MediaSource` on the video for `mime` (on every connection: a reconnect
    /// starts again at a keyframe with the header).
    fn open_source(&self, mime: String) {
        if !MediaSource::is_type_supported(&mime) {
            self.status(Status::Unsupported);
            return;
        }
        let Ok(source) = MediaSource::new() else {
            self.status(Status::Unsupported);
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_source(&source) else {
            return;
        };
        let me = self.clone();
        let opened = source.clone();
        let on_open = Closure::<dyn FnMut()>::new(move || {
            let (source, mime) = {
                let s = me.0.borrow();
                (s.source.clone(), s.mime.clone())
            };
            let (Some(source), Some(mime)) = (source, mime) else {
                return;
            };
            // A source replaced by a reconnect (or no longer open) is none of our business.
            if source != opened || source.ready_state() != web_sys::MediaSourceReadyState::Open {
                return;
            }
            match source.add_source_buffer(&mime) {
                Ok(buffer) => {
                    let me2 = me.clone();
                    let on_update = Closure::<dyn FnMut()>::new(move || {
                        me2.follow_edge();
                        me2.pump();
                    });
                    buffer.set_onupdateend(Some(on_update.as_ref().unchecked_ref()));
                    let mut s = me.0.borrow_mut();
                    s.buffer = Some(buffer);
                    s._handlers.push(Box::new(on_update));
                }
                Err(_) => me.status(Status::Unsupported),
            }
            me.pump();
        });
        source.set_onsourceopen(Some(on_open.as_ref().unchecked_ref()));
        let mut s = self.0.borrow_mut();
        s.video.set_src(&url);
        s.source = Some(source);
        s.buffer = None;
        s.mime = Some(mime);
        s._handlers.push(Box::new(on_open));
    }

    /// Appends the next queued bytes when the buffer is free.
    fn pump(&self) {
        let s = self.0.borrow();
        let Some(buffer) = s.buffer.clone() else {
            return;
        };
        if buffer.updating() {
            return;
        }
        drop(s);
        let next = self.0.borrow_mut().queue.pop_front();
        if let Some(bytes) = next {
            if buffer.append_buffer_with_array_buffer(&bytes).is_err() {
                // The buffer is full or in error: start again from a keyframe.
                self.reconnect_now();
                return;
            }
            let mut s = self.0.borrow_mut();
            s.retries = 0;
            drop(s);
            self.status(Status::Playing);
        }
    }

    /// Starts at what is buffered and stays near the live edge; drops what was played.
    fn follow_edge(&self) {
        let s = self.0.borrow();
        let (Some(buffer), video) = (s.buffer.clone(), s.video.clone()) else {
            return;
        };
        drop(s);
        let Ok(ranges) = buffer.buffered() else {
            return;
        };
        let n = ranges.length();
        if n == 0 {
            return;
        }
        let (Ok(first), Ok(end)) = (ranges.start(0), ranges.end(n - 1)) else {
            return;
        };
        let now = video.current_time();
        if now < first || end - now > MAX_DELAY {
            video.set_current_time((end - 0.5).max(first));
        }
        if video.paused() {
            let _ = video.play();
        }
        if !buffer.updating() && video.current_time() - first > 30.0 {
            let _ = buffer.remove(first, video.current_time() - 10.0);
        }
    }

    fn finish(&self) {
        let mut s = self.0.borrow_mut();
        s.ended = true;
        s.socket = None;
        if let Some(source) = &s.source {
            if source.ready_state() == web_sys::MediaSourceReadyState::Open {
                let _ = source.end_of_stream();
            }
        }
        drop(s);
        self.status(Status::Ended);
    }

    fn reconnect_now(&self) {
        let ws = self.0.borrow_mut().socket.take();
        if let Some(ws) = ws {
            ws.set_onclose(None);
            let _ = ws.close();
        }
        self.retry();
    }

    fn retry(&self) {
        if self.0.borrow().ended {
            return;
        }
        let delay = {
            let mut s = self.0.borrow_mut();
            s.socket = None;
            s.queue.clear();
            s.retries = (s.retries + 1).min(5);
            500 * (1 << s.retries)
        };
        self.status(Status::Reconnecting);
        let me = self.clone();
        crate::realtime::client::after(delay, move || {
            if !me.0.borrow().stopped {
                me.connect();
            }
        });
    }
}
