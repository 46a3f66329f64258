//! The browser side of the hub: one WebSocket per tab, opened when something first subscribes.
//!
//! It reconnects by itself (backoff with jitter, at once when the browser comes back online),
//! then follows every topic again from the last event id it saw, so a page gets what it missed
//! in order and each event once. Frames sent with [`send_reliable`] stay in an outbox until the
//! server acknowledges or refuses them, and go out again after a reconnect (the server stores
//! each client message id once). A ping every 25 s finds connections that died silently.

use domain::realtime::{ClientFrame, ServerFrame};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

/// The connection's state, for "reconnecting…" notices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Opening (first time or again).
    Connecting,
    /// Open: frames flow.
    Open,
    /// Closed; a reconnect is scheduled (or waits for the network).
    Offline,
}

type Handler = Rc<dyn Fn(&ServerFrame)>;

struct Subscription {
    id: u64,
    topic: String,
    handler: Handler,
}

struct Client {
    socket: RefCell<Option<WebSocket>>,
    // The socket's event handlers live as long as it does.
    handlers: RefCell<Vec<Box<dyn std::any::Any>>>,
    status: ArcRwSignal<Status>,
    down: ArcRwSignal<bool>,
    subscriptions: RefCell<Vec<Subscription>>,
    cursors: RefCell<HashMap<String, i64>>,
    /// Topics the server confirmed on the current connection.
    confirmed: RefCell<HashSet<String>>,
    outbox: RefCell<Vec<(String, ClientFrame)>>,
    attempts: Cell<u32>,
    next_id: Cell<u64>,
    heard_at: Cell<f64>,
    reconnect_pending: Cell<bool>,
}

thread_local! {
    static CLIENT: Rc<Client> = start();
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn start() -> Rc<Client> {
    let client = Rc::new(Client {
        socket: RefCell::new(None),
        handlers: RefCell::new(Vec::new()),
        status: ArcRwSignal::new(Status::Connecting),
        down: ArcRwSignal::new(false),
        subscriptions: RefCell::new(Vec::new()),
        cursors: RefCell::new(HashMap::new()),
        confirmed: RefCell::new(HashSet::new()),
        outbox: RefCell::new(Vec::new()),
        attempts: Cell::new(0),
        next_id: Cell::new(1),
        heard_at: Cell::new(now()),
        reconnect_pending: Cell::new(false),
    });
    // The browser says when the network goes and comes back: drop the socket at once (instead
    // of waiting for a timeout) and reconnect as soon as it is back.
    if let Some(window) = web_sys::window() {
        let offline = Closure::<dyn Fn()>::new(|| with(|c| c.close_socket()));
        let online = Closure::<dyn Fn()>::new(|| {
            with(|c| {
                c.attempts.set(0);
                c.ensure_open();
            })
        });
        let _ =
            window.add_event_listener_with_callback("offline", offline.as_ref().unchecked_ref());
        let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
        offline.forget();
        online.forget();
    }
    let _ = set_interval_with_handle(
        || {
            with(|c| {
                if c.status.get_untracked() != Status::Open {
                    return;
                }
                if now() - c.heard_at.get() > 60_000.0 {
                    c.close_socket();
                    c.schedule_reconnect();
                } else {
                    c.send_now(&ClientFrame::Ping);
                }
            })
        },
        Duration::from_secs(25),
    );
    client
}

fn with<R>(f: impl FnOnce(&Rc<Client>) -> R) -> R {
    CLIENT.with(|c| f(c))
}

impl Client {
    fn wanted(&self) -> bool {
        !self.subscriptions.borrow().is_empty() || !self.outbox.borrow().is_empty()
    }

    fn ensure_open(self: &Rc<Self>) {
        if self.socket.borrow().is_some() || !self.wanted() {
            return;
        }
        if web_sys::window().is_some_and(|w| !w.navigator().on_line()) {
            self.status.set(Status::Offline);
            self.down.set(true);
            return;
        }
        let Some(url) = socket_url("/ws") else {
            return;
        };
        let Ok(socket) = WebSocket::new(&url) else {
            self.schedule_reconnect();
            return;
        };
        self.status.set(Status::Connecting);
        let onopen = Closure::<dyn Fn()>::new(|| with(|c| c.opened()));
        let onmessage = Closure::<dyn Fn(MessageEvent)>::new(|e: MessageEvent| {
            if let Some(text) = e.data().as_string() {
                with(|c| c.received(&text));
            }
        });
        let socket_for_close = socket.clone();
        let onclose = Closure::<dyn Fn(CloseEvent)>::new(move |_e: CloseEvent| {
            let socket = socket_for_close.clone();
            with(|c| c.closed(&socket));
        });
        socket.set_onopen(Some(onopen.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        socket.set_onclose(Some(onclose.as_ref().unchecked_ref()));
        *self.handlers.borrow_mut() =
            vec![Box::new(onopen), Box::new(onmessage), Box::new(onclose)];
        *self.socket.borrow_mut() = Some(socket);
    }

    fn opened(&self) {
        self.attempts.set(0);
        self.heard_at.set(now());
        self.status.set(Status::Open);
        self.down.set(false);
        let mut topics: Vec<String> = self
            .subscriptions
            .borrow()
            .iter()
            .map(|s| s.topic.clone())
            .collect();
        topics.sort();
        topics.dedup();
        for topic in topics {
            let after = self.cursors.borrow().get(&topic).copied();
            self.send_now(&ClientFrame::Sub { topic, after });
        }
        let outbox: Vec<ClientFrame> = self
            .outbox
            .borrow()
            .iter()
            .map(|(_, f)| f.clone())
            .collect();
        for frame in outbox {
            self.send_now(&frame);
        }
    }

    fn closed(self: &Rc<Self>, which: &WebSocket) {
        let current = self.socket.borrow().as_ref().is_some_and(|s| s == which);
        if current {
            self.socket.borrow_mut().take();
            self.confirmed.borrow_mut().clear();
            self.status.set(Status::Offline);
            self.down.set(true);
            self.schedule_reconnect();
        }
    }

    fn close_socket(&self) {
        if let Some(socket) = self.socket.borrow_mut().take() {
            socket.set_onclose(None);
            let _ = socket.close();
        }
        self.confirmed.borrow_mut().clear();
        self.status.set(Status::Offline);
        self.down.set(true);
    }

    fn schedule_reconnect(self: &Rc<Self>) {
        if self.reconnect_pending.get() || !self.wanted() {
            return;
        }
        let attempt = self.attempts.get();
        self.attempts.set(attempt.saturating_add(1));
        // 0.5 s, 1 s, 2 s … up to 30 s, each between half and all of it so that a restarted
        // server is not hit by every tab in the same millisecond.
        let base = (500.0 * 2f64.powi(attempt.min(6) as i32)).min(30_000.0);
        let delay = base * (0.5 + js_sys::Math::random() / 2.0);
        self.reconnect_pending.set(true);
        set_timeout(
            || {
                with(|c| {
                    c.reconnect_pending.set(false);
                    c.ensure_open();
                })
            },
            Duration::from_millis(delay as u64),
        );
    }

    fn send_now(&self, frame: &ClientFrame) -> bool {
        let socket = self.socket.borrow();
        let Some(socket) = socket.as_ref() else {
            return false;
        };
        if socket.ready_state() != WebSocket::OPEN {
            return false;
        }
        match serde_json::to_string(frame) {
            Ok(text) => socket.send_with_str(&text).is_ok(),
            Err(_) => false,
        }
    }

    fn received(&self, text: &str) {
        self.heard_at.set(now());
        let Ok(frame) = serde_json::from_str::<ServerFrame>(text) else {
            return;
        };
        let topic = match &frame {
            ServerFrame::Event(e) => {
                let mut cursors = self.cursors.borrow_mut();
                let last = cursors.entry(e.topic.clone()).or_insert(0);
                if e.id <= *last {
                    return;
                }
                *last = e.id;
                Some(e.topic.clone())
            }
            ServerFrame::Subscribed { topic, last } => {
                self.confirmed.borrow_mut().insert(topic.clone());
                // The position the subscription stands at: a reconnect resumes from it.
                if *last > 0 {
                    let mut cursors = self.cursors.borrow_mut();
                    let cursor = cursors.entry(topic.clone()).or_insert(*last);
                    *cursor = (*cursor).max(*last);
                }
                Some(topic.clone())
            }
            ServerFrame::Signal { topic, .. } => Some(topic.clone()),
            ServerFrame::Refused {
                topic: Some(topic), ..
            } => Some(topic.clone()),
            ServerFrame::Ack { cid, .. } | ServerFrame::Refused { cid: Some(cid), .. } => {
                self.outbox.borrow_mut().retain(|(c, _)| c != cid);
                None
            }
            ServerFrame::Hello { .. } | ServerFrame::Pong | ServerFrame::Refused { .. } => None,
        };
        // Handlers may subscribe or send; call them without holding the list.
        let handlers: Vec<Handler> = self
            .subscriptions
            .borrow()
            .iter()
            .filter(|s| topic.as_ref().is_none_or(|t| &s.topic == t))
            .map(|s| s.handler.clone())
            .collect();
        for h in handlers {
            h(&frame);
        }
    }
}

/// Follows `topic`: `on` gets its events (each once, in order; after a reconnect also those
/// missed), signals, and every acknowledgement or refusal. With `after`, events after that id
/// are replayed first. Returns an id for [`unsubscribe`].
pub fn subscribe(topic: String, after: Option<i64>, on: impl Fn(&ServerFrame) + 'static) -> u64 {
    with(|c| {
        let id = c.next_id.get();
        c.next_id.set(id + 1);
        let known = c.subscriptions.borrow().iter().any(|s| s.topic == topic);
        if let Some(after) = after {
            let mut cursors = c.cursors.borrow_mut();
            let cursor = cursors.entry(topic.clone()).or_insert(after);
            *cursor = (*cursor).max(after);
        }
        c.subscriptions.borrow_mut().push(Subscription {
            id,
            topic: topic.clone(),
            handler: Rc::new(on),
        });
        if !known {
            let after = c.cursors.borrow().get(&topic).copied();
            c.send_now(&ClientFrame::Sub { topic, after });
        } else if c.confirmed.borrow().contains(&topic) {
            // Already active for someone else on the page: this follower is told so as well
            // (after this call returns, as a handler may subscribe).
            let last = c.cursors.borrow().get(&topic).copied().unwrap_or(0);
            self::after(0, move || {
                let handler = with(|c| {
                    c.subscriptions
                        .borrow()
                        .iter()
                        .find(|s| s.id == id)
                        .map(|s| s.handler.clone())
                });
                if let Some(h) = handler {
                    h(&ServerFrame::Subscribed { topic, last });
                }
            });
        }
        c.ensure_open();
        id
    })
}

/// Stops a subscription (the topic is left when nobody on the page follows it any more).
pub fn unsubscribe(id: u64) {
    with(|c| {
        let topic = {
            let mut subs = c.subscriptions.borrow_mut();
            let Some(pos) = subs.iter().position(|s| s.id == id) else {
                return;
            };
            subs.remove(pos).topic
        };
        if !c.subscriptions.borrow().iter().any(|s| s.topic == topic) {
            c.cursors.borrow_mut().remove(&topic);
            c.confirmed.borrow_mut().remove(&topic);
            c.send_now(&ClientFrame::Unsub { topic });
        }
    })
}

/// The WebSocket URL of `path` on this page's server (`wss:` under HTTPS).
pub fn socket_url(path: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok().as_deref() == Some("https:") {
        "wss"
    } else {
        "ws"
    };
    Some(format!("{scheme}://{}{path}", location.host().ok()?))
}

/// Runs `f` once after `ms` milliseconds.
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            wasm_bindgen::JsCast::unchecked_ref(&callback),
            ms,
        );
    }
}

/// Sends a frame if the socket is open (typing, read marks: hints that may be lost).
pub fn send(frame: ClientFrame) -> bool {
    with(|c| c.send_now(&frame))
}

/// Sends a frame that must arrive: kept until the server acknowledges or refuses `cid`, and
/// sent again after every reconnect.
pub fn send_reliable(cid: String, frame: ClientFrame) {
    with(|c| {
        c.outbox.borrow_mut().push((cid, frame.clone()));
        c.send_now(&frame);
        c.ensure_open();
    })
}

/// The connection's state.
pub fn status() -> ArcReadSignal<Status> {
    with(|c| c.status.read_only())
}

/// True from when a connection is lost (or cannot be made) until one is open again.
pub fn down() -> ArcReadSignal<bool> {
    with(|c| c.down.read_only())
}

/// A fresh client message id.
pub fn client_id() -> String {
    let r = (js_sys::Math::random() * 1e15) as u64;
    format!("c{:x}-{:x}", now() as u64, r)
}
