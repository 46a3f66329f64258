//! The realtime hub at `/ws`: per-topic authorization, ordering, replay after a dropped
//! connection, idempotent retries, slow consumers, bad frames and floods.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::{own_exhibitor, EXHIBITOR, PASSWORD};
use domain::chat::ChatMessage;
use domain::realtime::{EventBody, Hint, ServerFrame};
use futures_util::{SinkExt, StreamExt};
use serde_json::json;
use std::time::Duration;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

type Stream =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A realtime client as a test drives it.
pub(crate) struct Ws {
    stream: Stream,
    /// Frames read while waiting for something else, handed out first by `next`.
    held: std::collections::VecDeque<ServerFrame>,
    /// The user id the server greeted us as.
    pub user: Option<String>,
}

impl Ws {
    pub(crate) async fn connect(app: &TestApp, cookie: Option<&str>) -> Ws {
        Self::connect_with(app, cookie, None).await
    }

    /// Connects; with `receive_buffer`, the client's TCP receive buffer is that small, so a
    /// client that does not read backs up into the server quickly.
    pub(crate) async fn connect_with(
        app: &TestApp,
        cookie: Option<&str>,
        receive_buffer: Option<u32>,
    ) -> Ws {
        let url = app.url("/ws").replacen("http://", "ws://", 1);
        let mut request = url.into_client_request().expect("request");
        if let Some(c) = cookie {
            request
                .headers_mut()
                .insert("cookie", c.parse().expect("cookie header"));
        }
        let addr: std::net::SocketAddr = app
            .base
            .trim_start_matches("http://")
            .parse()
            .expect("address");
        let socket = tokio::net::TcpSocket::new_v4().expect("socket");
        if let Some(size) = receive_buffer {
            socket.set_recv_buffer_size(size).expect("buffer size");
        }
        let tcp = socket.connect(addr).await.expect("connect");
        let (stream, _) =
            tokio_tungstenite::client_async(request, tokio_tungstenite::MaybeTlsStream::Plain(tcp))
                .await
                .expect("websocket handshake");
        let mut ws = Ws {
            stream,
            held: Default::default(),
            user: None,
        };
        match ws.next().await {
            ServerFrame::Hello { user } => ws.user = user,
            other => panic!("expected hello, got {other:?}"),
        }
        ws
    }

    pub(crate) async fn send(&mut self, frame: serde_json::Value) {
        self.stream
            .send(Message::Text(frame.to_string().into()))
            .await
            .expect("send");
    }

    pub(crate) async fn send_raw(&mut self, message: Message) {
        self.stream.send(message).await.expect("send");
    }

    /// The next frame (5 s at most).
    pub(crate) async fn next(&mut self) -> ServerFrame {
        if let Some(f) = self.held.pop_front() {
            return f;
        }
        self.read().await
    }

    async fn read(&mut self) -> ServerFrame {
        loop {
            let message = tokio::time::timeout(Duration::from_secs(5), self.stream.next())
                .await
                .expect("a frame within 5 s")
                .expect("socket open")
                .expect("frame");
            if let Message::Text(text) = message {
                return serde_json::from_str(text.as_str())
                    .unwrap_or_else(|e| panic!("unreadable frame {text}: {e}"));
            }
        }
    }

    /// Reads until the server closes the socket (5 s at most); the close code, if any.
    pub(crate) async fn close_code(&mut self) -> Option<u16> {
        loop {
            let message = tokio::time::timeout(Duration::from_secs(5), self.stream.next())
                .await
                .expect("closed within 5 s");
            match message {
                Some(Ok(Message::Close(frame))) => return frame.map(|f| u16::from(f.code)),
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => return None,
            }
        }
    }

    /// Frames until one matches, skipping others.
    pub(crate) async fn until(
        &mut self,
        mut pred: impl FnMut(&ServerFrame) -> bool,
    ) -> ServerFrame {
        loop {
            let f = self.next().await;
            if pred(&f) {
                return f;
            }
        }
    }

    /// Follows a topic and waits until the server confirms; returns the chat messages replayed
    /// on it. Other frames that arrive meanwhile are held for `next`.
    pub(crate) async fn subscribe(&mut self, topic: &str, after: Option<i64>) -> Vec<ChatMessage> {
        self.send(json!({"t": "sub", "topic": topic, "after": after}))
            .await;
        let mut replayed = Vec::new();
        loop {
            match self.read().await {
                ServerFrame::Subscribed { topic: t, .. } if t == topic => return replayed,
                ServerFrame::Event(e)
                    if e.topic == topic && matches!(e.body, EventBody::ChatMessage(_)) =>
                {
                    let id = e.id;
                    if let EventBody::ChatMessage(m) = e.body {
                        assert_eq!(m.id, id, "a replayed message carries its event id");
                        replayed.push(m);
                    }
                }
                ServerFrame::Refused {
                    code,
                    topic: Some(t),
                    ..
                } if t == topic => panic!("subscription to {topic} refused: {code}"),
                other => self.held.push_back(other),
            }
        }
    }

    /// The next chat message event.
    pub(crate) async fn message(&mut self) -> ChatMessage {
        match self.until(|f| matches!(f, ServerFrame::Event(_))).await {
            ServerFrame::Event(e) => match e.body {
                EventBody::ChatMessage(m) => m,
                other => panic!("not a chat message: {other:?}"),
            },
            _ => unreachable!(),
        }
    }

    /// Asserts no event arrives for `ms` milliseconds (signals may).
    pub(crate) async fn quiet(&mut self, ms: u64) {
        let deadline = tokio::time::Instant::now() + Duration::from_millis(ms);
        while let Ok(Some(Ok(message))) =
            tokio::time::timeout_at(deadline, self.stream.next()).await
        {
            if let Message::Text(t) = message {
                if let Ok(ServerFrame::Event(e)) = serde_json::from_str(t.as_str()) {
                    panic!("expected no event, got {e:?}");
                }
            }
        }
    }
}

/// Lifts the chat and frame rate limits, for tests that send many messages quickly.
pub(crate) fn without_flood_limits(c: &mut server::config::Config) {
    c.chat_burst = 10_000;
    c.ws_frames_per_sec = 10_000;
}

/// Signs in with a fresh client and returns the cookie header to send.
pub(crate) async fn session_cookie(app: &TestApp, email: &str, password: &str) -> String {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let resp = app
        .call(
            &client,
            "account/login",
            &[
                ("input[email]", email),
                ("input[password]", password),
                ("input[next]", "/"),
            ],
        )
        .await;
    assert!(
        resp.status().is_success() || resp.status().is_redirection(),
        "login {}",
        resp.status()
    );
    let cookies: Vec<String> = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .map(str::to_owned)
        .collect();
    assert!(!cookies.is_empty(), "login sets cookies");
    cookies.join("; ")
}

/// Registers `email` and returns its cookie header.
pub(crate) async fn new_person(app: &TestApp, email: &str) -> String {
    let client = app.new_client();
    assert!(app
        .register(&client, email, "a-long-password-1")
        .await
        .status()
        .is_success());
    session_cookie(app, email, "a-long-password-1").await
}

/// A new buyer's conversation with the demo booth: cookies of the buyer and of the booth's
/// team, and the room.
pub(crate) struct BoothTalk {
    /// The buyer's cookie header.
    pub buyer: String,
    /// The team's cookie header.
    pub team: String,
    /// The room id.
    pub room: String,
}

/// Registers `buyer@example.com`, signs the demo exhibitor in, and opens their conversation.
pub(crate) async fn booth_talk(app: &TestApp) -> BoothTalk {
    let exhibitor = own_exhibitor(app).await;
    let buyer = new_person(app, "buyer@example.com").await;
    let team = session_cookie(app, EXHIBITOR, PASSWORD).await;
    let room = booth_room(app, &buyer, &exhibitor).await;
    BoothTalk { buyer, team, room }
}

/// Opens the person's conversation with the demo exhibitor's booth; returns the room id.
pub(crate) async fn booth_room(app: &TestApp, cookie: &str, exhibitor: &str) -> String {
    let resp = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(app.url("/api/chat/start-booth"))
        .header("cookie", cookie)
        .header("accept", "application/json")
        .form(&[("exhibitor_id", exhibitor)])
        .send()
        .await
        .expect("start");
    assert!(
        resp.status().is_success() || resp.status().is_redirection(),
        "start-booth {}",
        resp.status()
    );
    let text = resp.text().await.expect("body");
    serde_json::from_str::<String>(&text).unwrap_or_else(|_| panic!("room id: {text}"))
}

fn send_frame(room: &str, text: &str, cid: &str) -> serde_json::Value {
    json!({"t": "send", "room": room, "text": text, "cid": cid})
}

async fn ack(ws: &mut Ws, cid: &str) -> i64 {
    match ws
        .until(|f| matches!(f, ServerFrame::Ack { .. } | ServerFrame::Refused { .. }))
        .await
    {
        ServerFrame::Ack { cid: c, id } => {
            assert_eq!(c, cid);
            id
        }
        other => panic!("expected ack for {cid}, got {other:?}"),
    }
}

async fn topics_are_authorized(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let exhibitor = own_exhibitor(&app).await;
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("q")
        .expect("expo")
        .id;
    let buyer = new_person(&app, "buyer@example.com").await;
    let stranger = new_person(&app, "stranger@example.com").await;
    let team = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let organizer = session_cookie(&app, "organizer@expo.example", PASSWORD).await;
    let room = booth_room(&app, &buyer, &exhibitor).await;
    assert_eq!(
        booth_room(&app, &buyer, &exhibitor).await,
        room,
        "the same conversation again"
    );
    let chat = format!("chat:{room}");

    // Anonymous: public expo topic yes; chat and user topics no; nonsense refused by name.
    let mut anon = Ws::connect(&app, None).await;
    assert_eq!(anon.user, None);
    anon.subscribe(&format!("expo:{expo}"), None).await;
    for (topic, code) in [
        (chat.clone(), "realtime-error-forbidden"),
        (format!("user:{expo}"), "realtime-error-forbidden"),
        ("chat:../../etc".to_owned(), "realtime-error-topic"),
        ("lobby".to_owned(), "realtime-error-topic"),
    ] {
        anon.send(json!({"t": "sub", "topic": topic})).await;
        match anon.next().await {
            ServerFrame::Refused {
                code: c,
                topic: Some(t),
                ..
            } => {
                assert_eq!((c.as_str(), t.as_str()), (code, topic.as_str()));
            }
            other => panic!("{topic}: expected refusal, got {other:?}"),
        }
    }

    // The buyer and the booth's team follow the room; a stranger does not, nor do the
    // organizers (as the room's history over HTTP refuses them: one rule for both).
    let mut b = Ws::connect(&app, Some(&buyer)).await;
    let buyer_id = b.user.clone().expect("signed in");
    b.subscribe(&chat, None).await;
    b.subscribe(&format!("user:{buyer_id}"), None).await;
    let mut t = Ws::connect(&app, Some(&team)).await;
    t.subscribe(&chat, None).await;
    t.send(json!({"t": "sub", "topic": format!("user:{buyer_id}")}))
        .await;
    // (Presence hints of the buyer may come first on the room the team follows.)
    match t.until(|f| !matches!(f, ServerFrame::Signal { .. })).await {
        ServerFrame::Refused { code, .. } => assert_eq!(code, "realtime-error-forbidden"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let mut o = Ws::connect(&app, Some(&organizer)).await;
    o.send(json!({"t": "sub", "topic": chat})).await;
    assert!(
        matches!(o.next().await, ServerFrame::Refused { code, .. } if code == "realtime-error-forbidden")
    );
    let mut s = Ws::connect(&app, Some(&stranger)).await;
    s.send(json!({"t": "sub", "topic": chat})).await;
    assert!(
        matches!(s.next().await, ServerFrame::Refused { code, .. } if code == "realtime-error-forbidden")
    );
    // Writing to a room one is not in: refused, nothing stored.
    s.send(send_frame(&room, "hello?", "s-1")).await;
    assert!(
        matches!(s.next().await, ServerFrame::Refused { code, cid: Some(c), .. } if code == "realtime-error-forbidden" && c == "s-1")
    );
    // Anonymous cannot write at all.
    anon.send(send_frame(&room, "hi", "a-1")).await;
    assert!(
        matches!(anon.next().await, ServerFrame::Refused { code, .. } if code == "error-unauthenticated")
    );

    // The buyer writes: the team gets it, the stranger and the organizer nothing.
    b.send(send_frame(&room, "Do you ship to Riga?", "b-1"))
        .await;
    let id = ack(&mut b, "b-1").await;
    let m = t.message().await;
    assert_eq!(
        (m.id, m.text.as_str(), m.sender_id.as_str()),
        (id, "Do you ship to Riga?", buyer_id.as_str())
    );
    o.quiet(300).await;
    s.quiet(300).await;
    let stored: i64 = db::chat::messages(&app.db, &room, None, 100)
        .await
        .expect("q")
        .len() as i64;
    assert_eq!(stored, 1, "the stranger's message was not stored");

    // The team's reply reaches the buyer's room topic, and nudges the buyer's unread badge.
    t.send(send_frame(&room, "是的，我们发货到里加。", "t-1"))
        .await;
    let reply = ack(&mut t, "t-1").await;
    let mut got_message = false;
    let mut got_unread = false;
    while !(got_message && got_unread) {
        match b.next().await {
            ServerFrame::Event(e) if e.id == reply => got_message = true,
            ServerFrame::Signal {
                body: Hint::Unread,
                topic,
            } => {
                assert_eq!(topic, format!("user:{buyer_id}"));
                got_unread = true;
            }
            _ => {}
        }
    }

    // A cross-site page cannot open the socket with the visitor's cookies.
    let url = app.url("/ws").replacen("http://", "ws://", 1);
    let mut request = url.into_client_request().expect("request");
    request
        .headers_mut()
        .insert("cookie", buyer.parse().expect("cookie"));
    request
        .headers_mut()
        .insert("origin", "http://evil.example".parse().expect("origin"));
    match tokio_tungstenite::connect_async(request).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => {
            assert_eq!(resp.status(), 403);
        }
        other => panic!(
            "cross-site upgrade must be refused, got {:?}",
            other.map(|_| ())
        ),
    }
}
both_backends!(topics_are_authorized);

async fn order_and_replay_after_a_dropped_connection(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, without_flood_limits).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let chat = format!("chat:{room}");
    let mut watcher = Ws::connect(&app, Some(&team)).await;
    watcher.subscribe(&chat, None).await;
    let mut reader = Ws::connect(&app, Some(&team)).await;
    reader.subscribe(&chat, None).await;

    // Two senders at once (two tabs of the buyer, and the team): every subscriber sees one
    // order, with ids increasing.
    let b1 = Ws::connect(&app, Some(&buyer)).await;
    let b2 = Ws::connect(&app, Some(&buyer)).await;
    let t1 = Ws::connect(&app, Some(&team)).await;
    let send_many = |mut ws: Ws, tag: &'static str| {
        let room = room.clone();
        async move {
            for i in 0..30 {
                ws.send(send_frame(
                    &room,
                    &format!("{tag} {i}"),
                    &format!("{tag}-{i}"),
                ))
                .await;
            }
            for i in 0..30 {
                ack(&mut ws, &format!("{tag}-{i}")).await;
            }
            ws
        }
    };
    let (b1, b2, t1) = tokio::join!(send_many(b1, "a"), send_many(b2, "b"), send_many(t1, "c"));
    drop((b1, b2, t1));
    let mut seen = Vec::new();
    for _ in 0..90 {
        seen.push(watcher.message().await.id);
    }
    assert!(
        seen.windows(2).all(|w| w[0] < w[1]),
        "ids increase: {seen:?}"
    );
    // Each sender's own messages keep their order too.
    let stored = db::chat::messages(&app.db, &room, None, 500)
        .await
        .expect("q");
    assert_eq!(stored.len(), 90);
    assert_eq!(stored.iter().map(|m| m.id).collect::<Vec<_>>(), seen);
    for tag in ["a", "b", "c"] {
        let mine: Vec<String> = stored
            .iter()
            .filter(|m| m.text.starts_with(tag))
            .map(|m| m.text.clone())
            .collect();
        let expected: Vec<String> = (0..30).map(|i| format!("{tag} {i}")).collect();
        assert_eq!(mine, expected);
    }

    // The reader reads 40, then its connection drops.
    let mut last = 0;
    for _ in 0..40 {
        last = reader.message().await.id;
    }
    drop(reader);
    let mut b = Ws::connect(&app, Some(&buyer)).await;
    for i in 0..15 {
        b.send(send_frame(
            &room,
            &format!("while away {i}"),
            &format!("w-{i}"),
        ))
        .await;
        ack(&mut b, &format!("w-{i}")).await;
    }
    // It comes back with the last id it saw: the 50 it had not read plus the 15, in order,
    // each once; then live messages follow without a gap.
    let mut reader = Ws::connect(&app, Some(&team)).await;
    let replayed = reader.subscribe(&chat, Some(last)).await;
    let ids: Vec<i64> = replayed.iter().map(|m| m.id).collect();
    let expected: Vec<i64> = db::chat::messages(&app.db, &room, None, 500)
        .await
        .expect("q")
        .into_iter()
        .map(|m| m.id)
        .filter(|id| *id > last)
        .collect();
    assert_eq!(ids.len(), 65);
    assert_eq!(ids, expected);
    b.send(send_frame(&room, "live again", "live-1")).await;
    let live = ack(&mut b, "live-1").await;
    let next = reader.message().await;
    assert_eq!((next.id, next.text.as_str()), (live, "live again"));
    reader.quiet(300).await;
}
both_backends!(order_and_replay_after_a_dropped_connection);

async fn retries_store_nothing_twice(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let mut t = Ws::connect(&app, Some(&team)).await;
    t.subscribe(&format!("chat:{room}"), None).await;
    let mut b = Ws::connect(&app, Some(&buyer)).await;
    b.send(send_frame(&room, "Price for 500 units?", "retry-1"))
        .await;
    let first = ack(&mut b, "retry-1").await;
    // The ack was lost with the connection; the client sends again on a new one, and over HTTP.
    let mut b2 = Ws::connect(&app, Some(&buyer)).await;
    b2.send(send_frame(&room, "Price for 500 units?", "retry-1"))
        .await;
    assert_eq!(ack(&mut b2, "retry-1").await, first);
    let http = reqwest::Client::new()
        .post(app.url("/api/chat/send"))
        .header("cookie", &buyer)
        .header("accept", "application/json")
        .form(&[
            ("room_id", room.as_str()),
            ("text", "Price for 500 units?"),
            ("cid", "retry-1"),
        ])
        .send()
        .await
        .expect("send");
    assert!(http.status().is_success());
    let m: ChatMessage = http.json().await.expect("json");
    assert_eq!(m.id, first);
    assert_eq!(t.message().await.id, first);
    t.quiet(300).await;
    assert_eq!(
        db::chat::messages(&app.db, &room, None, 10)
            .await
            .expect("q")
            .len(),
        1
    );
}
both_backends!(retries_store_nothing_twice);

async fn a_slow_consumer_does_not_stall_others(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, without_flood_limits).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let chat = format!("chat:{room}");
    let mut slow = Ws::connect_with(&app, Some(&team), Some(4096)).await;
    slow.subscribe(&chat, None).await;
    let mut fast = Ws::connect(&app, Some(&team)).await;
    fast.subscribe(&chat, None).await;
    // Far more than the connection's outbox holds, with long texts so the
    // socket buffers fill as well; the slow one reads nothing meanwhile.
    let n = 1200;
    let text = "长".repeat(3000);
    let mut sender = Ws::connect(&app, Some(&buyer)).await;
    let fast_reader = tokio::spawn(async move {
        let mut ids = Vec::new();
        for _ in 0..n {
            ids.push(fast.message().await.id);
        }
        ids
    });
    for i in 0..n {
        sender
            .send(send_frame(&room, &format!("{i} {text}"), &format!("f-{i}")))
            .await;
        ack(&mut sender, &format!("f-{i}")).await;
    }
    let fast_ids = tokio::time::timeout(Duration::from_secs(30), fast_reader)
        .await
        .expect("the fast reader was not held up")
        .expect("task");
    assert_eq!(fast_ids.len(), n);
    // Now the slow one reads: everything, in order, once (what overflowed its buffer comes
    // from the store).
    let mut slow_ids = Vec::new();
    for _ in 0..n {
        slow_ids.push(slow.message().await.id);
    }
    assert_eq!(slow_ids, fast_ids);
    slow.quiet(300).await;
}
both_backends!(a_slow_consumer_does_not_stall_others);

async fn bad_frames_and_floods_are_refused_and_the_socket_lives(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| c.chat_per_minute = 1).await;
    let exhibitor = own_exhibitor(&app).await;
    let buyer = new_person(&app, "buyer@example.com").await;
    let room = booth_room(&app, &buyer, &exhibitor).await;
    let mut b = Ws::connect(&app, Some(&buyer)).await;
    let refusal = |f: ServerFrame| match f {
        ServerFrame::Refused { code, .. } => code,
        other => panic!("expected a refusal, got {other:?}"),
    };
    b.send_raw(Message::Text("not json".into())).await;
    assert_eq!(refusal(b.next().await), "realtime-error-malformed");
    b.send_raw(Message::Binary(vec![0u8, 159, 146, 150].into()))
        .await;
    assert_eq!(refusal(b.next().await), "realtime-error-malformed");
    b.send(json!({"t": "launch"})).await;
    assert_eq!(refusal(b.next().await), "realtime-error-malformed");
    b.send(json!({"t": "sub", "topic": 7})).await;
    assert_eq!(refusal(b.next().await), "realtime-error-malformed");
    b.send(send_frame(&room, &"x".repeat(20_000), "big-1"))
        .await;
    assert_eq!(refusal(b.next().await), "realtime-error-too-large");
    b.send(send_frame(&room, &"字".repeat(4_001), "long-1"))
        .await;
    assert_eq!(refusal(b.next().await), "chat-error-too-long");
    b.send(send_frame(&room, "   ", "empty-1")).await;
    assert_eq!(refusal(b.next().await), "chat-error-empty");
    b.send(send_frame(&room, "hi", "bad cid with spaces")).await;
    assert_eq!(refusal(b.next().await), "error-request-malformed");
    b.send(json!({"t": "read", "room": room, "id": i64::MAX}))
        .await;
    b.send(json!({"t": "ping"})).await;
    assert_eq!(
        b.next().await,
        ServerFrame::Pong,
        "a read mark past the end is ignored"
    );
    // Script is stored as the text it is (pages render text, never markup).
    b.send(send_frame(&room, "<script>alert(1)</script>", "xss-1"))
        .await;
    ack(&mut b, "xss-1").await;
    let stored = db::chat::messages(&app.db, &room, None, 10)
        .await
        .expect("q");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].text, "<script>alert(1)</script>");

    // A flood of messages: the burst passes (one is already used), the rest are refused with
    // a wait time, nothing stored twice.
    for i in 0..30 {
        b.send(send_frame(&room, &format!("flood {i}"), &format!("fl-{i}")))
            .await;
    }
    let (mut acked, mut limited) = (0, 0);
    for _ in 0..30 {
        match b
            .until(|f| matches!(f, ServerFrame::Ack { .. } | ServerFrame::Refused { .. }))
            .await
        {
            ServerFrame::Ack { .. } => acked += 1,
            ServerFrame::Refused {
                code,
                retry_after_secs,
                ..
            } => {
                assert_eq!(code, "error-rate-limited");
                assert!(retry_after_secs.is_some_and(|s| s >= 1));
                limited += 1;
            }
            _ => unreachable!(),
        }
    }
    assert_eq!((acked, limited), (9, 21));
    let stored = db::chat::messages(&app.db, &room, None, 100)
        .await
        .expect("q");
    assert_eq!(stored.len(), 10);
    // A flood of frames: refused beyond the connection's rate, and the socket keeps working.
    for _ in 0..200 {
        b.send(json!({"t": "ping"})).await;
    }
    let mut pongs = 0;
    let mut slowed = 0;
    for _ in 0..200 {
        match b.next().await {
            ServerFrame::Pong => pongs += 1,
            ServerFrame::Refused { code, .. } if code == "error-rate-limited" => slowed += 1,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(
        slowed >= 100 && pongs >= 1,
        "pongs {pongs}, refused {slowed}"
    );
    tokio::time::sleep(Duration::from_millis(1100)).await;
    b.send(json!({"t": "ping"})).await;
    assert_eq!(b.next().await, ServerFrame::Pong);
    // A frame over the protocol limit closes that socket; the server goes on.
    b.send_raw(Message::Text("x".repeat(100_000).into())).await;
    let closed = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            match b.stream.next().await {
                None | Some(Err(_)) | Some(Ok(Message::Close(_))) => return true,
                _ => {}
            }
        }
    })
    .await
    .unwrap_or(false);
    assert!(closed);
    let mut again = Ws::connect(&app, Some(&buyer)).await;
    again.send(json!({"t": "ping"})).await;
    assert_eq!(again.next().await, ServerFrame::Pong);
}
both_backends!(bad_frames_and_floods_are_refused_and_the_socket_lives);

async fn following_again_replaces_the_position(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, without_flood_limits).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let chat = format!("chat:{room}");
    let mut reader = Ws::connect(&app, Some(&team)).await;
    reader.subscribe(&chat, None).await;
    let mut sender = Ws::connect(&app, Some(&buyer)).await;
    let mut ids = Vec::new();
    for i in 0..3 {
        let cid = format!("r-{i}");
        sender
            .send(send_frame(&room, &format!("first {i}"), &cid))
            .await;
        ids.push(ack(&mut sender, &cid).await);
    }
    for id in &ids {
        assert_eq!(reader.message().await.id, *id);
    }
    // Following the topic again from the first: the two after it come again, in order, then
    // the confirmation; then live ones, once.
    let replayed = reader.subscribe(&chat, Some(ids[0])).await;
    assert_eq!(
        replayed.iter().map(|m| m.id).collect::<Vec<_>>(),
        ids[1..].to_vec()
    );
    sender.send(send_frame(&room, "after", "r-after")).await;
    let after = ack(&mut sender, "r-after").await;
    let mut seen = Vec::new();
    loop {
        let m = reader.message().await;
        seen.push(m.id);
        if m.id == after {
            break;
        }
    }
    assert_eq!(seen, vec![after], "the new one, once");
    reader.quiet(300).await;
}
both_backends!(following_again_replaces_the_position);

async fn sockets_close_when_their_session_ends(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let email = "closing@example.com";
    new_person(&app, email).await;
    let id = |ws: &Ws| ws.user.clone().expect("signed in");
    // Two browsers of one person, each with a socket following their notifications.
    let first = session_cookie(&app, email, "a-long-password-1").await;
    let second = session_cookie(&app, email, "a-long-password-1").await;
    let mut a = Ws::connect(&app, Some(&first)).await;
    let mut b = Ws::connect(&app, Some(&second)).await;
    let user = id(&a);
    a.subscribe(&format!("user:{user}"), None).await;
    b.subscribe(&format!("user:{user}"), None).await;
    // Signing out in the first browser closes its socket at once…
    let out = app
        .new_client()
        .post(app.url("/api/account/logout"))
        .header("accept", "application/json")
        .header("cookie", &first)
        .send()
        .await
        .expect("logout");
    assert!(out.status().is_success() || out.status().is_redirection());
    assert_eq!(a.close_code().await, Some(4401));
    // …and the other browser's socket goes on.
    b.send(json!({"t": "ping"})).await;
    assert!(matches!(
        b.until(|f| matches!(f, ServerFrame::Pong)).await,
        ServerFrame::Pong
    ));
    // A password reset ends every session: the second socket closes too.
    assert!(crate::password_reset::forgot(&app, email)
        .await
        .status()
        .is_success());
    let token = crate::password_reset::mailed_token(&app, email)
        .await
        .0
        .expect("the reset link");
    let r = app
        .call(
            &app.new_client(),
            "account/reset",
            &[
                ("input[token]", token.as_str()),
                ("input[password]", "a-newer-password-2"),
                ("input[confirm]", "a-newer-password-2"),
            ],
        )
        .await;
    assert!(
        r.status().is_success() || r.status().is_redirection(),
        "{}",
        r.status()
    );
    assert_eq!(b.close_code().await, Some(4401));

    // An expired session: the next thing the socket asks for closes it.
    let third = session_cookie(&app, email, "a-newer-password-2").await;
    let mut c = Ws::connect(&app, Some(&third)).await;
    sqlx::query("UPDATE sessions SET expires_at = $1")
        .bind(db::now_millis() - 1)
        .execute(&app.sql().await)
        .await
        .expect("expire");
    tokio::time::sleep(Duration::from_millis(5_200)).await;
    c.send(json!({"t": "sub", "topic": format!("user:{user}")}))
        .await;
    assert_eq!(c.close_code().await, Some(4401));
    // Reconnecting with the dead cookie gives a visitor's socket.
    let d = Ws::connect(&app, Some(&third)).await;
    assert_eq!(d.user, None);
}
both_backends!(sockets_close_when_their_session_ends);
