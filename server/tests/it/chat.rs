//! Messaging through the server functions and pages: starting conversations, who sees them,
//! titles per side, history pages, unread counts and read marks, sending without JavaScript.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::{own_exhibitor, EXHIBITOR, PASSWORD};
use crate::realtime::{booth_room, new_person, session_cookie, Ws};
use domain::chat::{RoomSummary, RoomTitle, RoomView};
use domain::realtime::ServerFrame;
use reqwest::StatusCode;
use serde_json::json;

async fn post(
    app: &TestApp,
    cookie: Option<&str>,
    endpoint: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let mut req = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(app.url(&format!("/api/{endpoint}")))
        .header("accept", "application/json")
        .form(form);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    req.send().await.expect("request")
}

async fn rooms(app: &TestApp, cookie: &str) -> Vec<RoomSummary> {
    let resp = post(app, Some(cookie), "chat/rooms", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("json")
}

/// A page of a room's history as `cookie` sees it (the newest, or the one before `before`).
async fn room_page(app: &TestApp, cookie: &str, room: &str, before: Option<i64>) -> RoomView {
    let before = before.map(|b| b.to_string()).unwrap_or_default();
    let mut form = vec![("room_id", room)];
    if !before.is_empty() {
        form.push(("before", before.as_str()));
    }
    post(app, Some(cookie), "chat/room", &form)
        .await
        .json()
        .await
        .expect("room page")
}

async fn unread(app: &TestApp, cookie: &str) -> i64 {
    post(app, Some(cookie), "chat/unread", &[])
        .await
        .json()
        .await
        .expect("json")
}

async fn conversations_start_from_a_booth_and_stay_private(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| c.chat_burst = 1_000).await;
    let exhibitor = own_exhibitor(&app).await;
    // Not signed in, unknown booth, own booth.
    let resp = post(
        &app,
        None,
        "chat/start-booth",
        &[("exhibitor_id", &exhibitor)],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let buyer = new_person(&app, "buyer@example.com").await;
    let resp = post(
        &app,
        Some(&buyer),
        "chat/start-booth",
        &[("exhibitor_id", "01936f5e-7c1a-7d2b-8e3f-0123456789ab")],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let team = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let resp = post(
        &app,
        Some(&team),
        "chat/start-booth",
        &[("exhibitor_id", &exhibitor)],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert!(resp
        .text()
        .await
        .expect("body")
        .contains("chat-error-own-booth"));

    let room = booth_room(&app, &buyer, &exhibitor).await;
    // The buyer sees the booth's name; the team sees the buyer.
    let mine = rooms(&app, &buyer).await;
    assert_eq!(mine.len(), 1);
    assert!(
        matches!(&mine[0].title, RoomTitle::Booth(_)),
        "{:?}",
        mine[0].title
    );
    let theirs = rooms(&app, &team).await;
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].title, RoomTitle::People(vec!["Li Wei".into()]));

    // A stranger gets "not found" for the room, its history and writing to it.
    let stranger = new_person(&app, "stranger@example.com").await;
    for (endpoint, form) in [
        ("chat/room", vec![("room_id", room.as_str())]),
        (
            "chat/send",
            vec![("room_id", room.as_str()), ("text", "hi"), ("cid", "s1")],
        ),
    ] {
        assert_eq!(
            post(&app, Some(&stranger), endpoint, &form).await.status(),
            StatusCode::NOT_FOUND
        );
    }
    assert!(rooms(&app, &stranger).await.is_empty());
    assert_eq!(
        post(
            &app,
            Some(&stranger),
            "chat/room",
            &[("room_id", "not-an-id")]
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );

    // History: 120 messages come back 50 at a time, oldest first within a page.
    for i in 0..120 {
        let resp = post(
            &app,
            Some(&buyer),
            "chat/send",
            &[
                ("room_id", &room),
                ("text", &format!("m{i}")),
                ("cid", &format!("c{i}")),
            ],
        )
        .await;
        assert_eq!(resp.status(), StatusCode::OK);
    }
    let page = room_page(&app, &team, &room, None).await;
    assert_eq!(page.messages.len(), 50);
    assert!(page.has_more);
    assert_eq!(page.messages.first().map(|m| m.text.as_str()), Some("m70"));
    assert_eq!(page.messages.last().map(|m| m.text.as_str()), Some("m119"));
    let older = room_page(&app, &team, &room, Some(page.messages[0].id)).await;
    assert_eq!(older.messages.first().map(|m| m.text.as_str()), Some("m20"));
    assert!(older.has_more);
    let oldest = room_page(&app, &team, &room, Some(older.messages[0].id)).await;
    assert_eq!(oldest.messages.len(), 20);
    assert!(!oldest.has_more);

    // Unread: the team has 120, the buyer (the sender) none; reading moves the count.
    assert_eq!(unread(&app, &team).await, 120);
    assert_eq!(unread(&app, &buyer).await, 0);
    assert_eq!(rooms(&app, &team).await[0].unread, 120);
    let mut ws = Ws::connect(&app, Some(&team)).await;
    let mid = page.messages[0].id;
    ws.send(json!({"t": "read", "room": room, "id": mid})).await;
    ws.send(json!({"t": "ping"})).await;
    assert_eq!(
        ws.until(|f| matches!(f, ServerFrame::Pong)).await,
        ServerFrame::Pong
    );
    assert_eq!(unread(&app, &team).await, 49);
    // A read mark never goes back.
    ws.send(json!({"t": "read", "room": room, "id": 1})).await;
    ws.send(json!({"t": "ping"})).await;
    ws.until(|f| matches!(f, ServerFrame::Pong)).await;
    assert_eq!(unread(&app, &team).await, 49);
    // The buyer sees the team's read mark on the room.
    let view: RoomView = post(&app, Some(&buyer), "chat/room", &[("room_id", &room)])
        .await
        .json()
        .await
        .expect("json");
    let team_id = ws.user.clone().expect("team user");
    assert_eq!(
        view.members
            .iter()
            .find(|m| m.user_id == team_id)
            .map(|m| m.last_read_id),
        Some(mid)
    );
}
both_backends!(conversations_start_from_a_booth_and_stay_private);

async fn the_messages_page_works_without_javascript(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let exhibitor = own_exhibitor(&app).await;
    let buyer = new_person(&app, "buyer@example.com").await;
    // The booth page offers the conversation as a plain form.
    let booth = reqwest::Client::new()
        .get(app.url(&format!("/exhibitors/{exhibitor}")))
        .header("cookie", &buyer)
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("html");
    assert!(
        booth.contains("/api/chat/start-booth"),
        "booth page has the start form"
    );
    let room = booth_room(&app, &buyer, &exhibitor).await;
    // A plain form post (no JavaScript) stores the message and goes back to the page.
    let resp = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(app.url("/api/chat/send"))
        .header("cookie", &buyer)
        .header("referer", app.url(&format!("/messages/{room}")))
        .header("accept", "text/html,application/xhtml+xml")
        .form(&[
            ("room_id", room.as_str()),
            ("text", "<script>alert(1)</script> 你好"),
            ("cid", "form-1"),
        ])
        .send()
        .await
        .expect("post");
    assert!(resp.status().is_redirection(), "{}", resp.status());
    let html = reqwest::Client::new()
        .get(app.url(&format!("/messages/{room}")))
        .header("cookie", &buyer)
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("html");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; 你好"),
        "message shown as text"
    );
    assert!(!html.contains("<script>alert(1)"), "never as markup");
    assert!(html.contains("name=\"text\""), "the composer is a form");
    // Signed out: a sign-in link that comes back.
    let anon = app.html(&format!("/messages/{room}")).await;
    assert!(
        anon.contains(&format!("/login?next=/messages/{room}")),
        "sign-in link"
    );
    assert!(!anon.contains("你好"));
}
both_backends!(the_messages_page_works_without_javascript);

async fn the_support_desk_reaches_the_organizers(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let buyer = new_person(&app, "buyer@example.com").await;
    assert_eq!(
        post(&app, None, "chat/start-support", &[]).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let room: String = post(&app, Some(&buyer), "chat/start-support", &[])
        .await
        .json()
        .await
        .expect("room");
    let again: String = post(&app, Some(&buyer), "chat/start-support", &[])
        .await
        .json()
        .await
        .expect("room");
    assert_eq!(room, again, "the same desk conversation every time");
    let organizer = session_cookie(&app, "organizer@expo.example", PASSWORD).await;
    let resp = post(&app, Some(&organizer), "chat/start-support", &[]).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert!(resp
        .text()
        .await
        .expect("body")
        .contains("chat-error-own-support"));
    // The asker sees "support"; the organizers see who asks.
    assert_eq!(rooms(&app, &buyer).await[0].title, RoomTitle::Support);
    let desk = rooms(&app, &organizer).await;
    assert_eq!(desk.len(), 1);
    assert_eq!(desk[0].title, RoomTitle::People(vec!["Li Wei".into()]));
    // Question and answer; nobody else reads it.
    let q = post(
        &app,
        Some(&buyer),
        "chat/send",
        &[
            ("room_id", &room),
            ("text", "How do I book a booth?"),
            ("cid", "q1"),
        ],
    )
    .await;
    assert_eq!(q.status(), StatusCode::OK);
    assert_eq!(unread(&app, &organizer).await, 1);
    let a = post(
        &app,
        Some(&organizer),
        "chat/send",
        &[
            ("room_id", &room),
            ("text", "请在“展位申请”中提交。"),
            ("cid", "a1"),
        ],
    )
    .await;
    assert_eq!(a.status(), StatusCode::OK);
    assert_eq!(unread(&app, &buyer).await, 1);
    let team = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    assert_eq!(
        post(&app, Some(&team), "chat/room", &[("room_id", &room)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}
both_backends!(the_support_desk_reaches_the_organizers);

async fn direct_conversations_start_from_the_directories(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| c.chat_burst = 1_000).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let organizer = session_cookie(&app, "organizer@expo.example", PASSWORD).await;
    let buyer = new_person(&app, "kari@nordic.example").await;
    let visitor = new_person(&app, "curious@visitor.example").await;
    let resp = post(
        &app,
        Some(&buyer),
        "buyer/save",
        &crate::buyers::profile_form("Nordic Marine AS", "kari_nordic", false),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let buyer_id = resp.json::<serde_json::Value>().await.expect("json")["user_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let visitor_id: String = {
        let v: serde_json::Value = post(&app, Some(&visitor), "account/me", &[])
            .await
            .json()
            .await
            .expect("me");
        v["id"].as_str().expect("id").to_owned()
    };
    let start = |cookie: Option<&str>, id: &str| {
        let id = id.to_owned();
        let cookie = cookie.map(str::to_owned);
        let app = &app;
        async move {
            post(
                app,
                cookie.as_deref(),
                "chat/start-direct",
                &[("user_id", id.as_str())],
            )
            .await
        }
    };

    // Who may start one, with whom.
    assert_eq!(
        start(None, &buyer_id).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        start(Some(&visitor), &buyer_id).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        start(Some(&buyer), &visitor_id).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        start(Some(&exhibitor), &visitor_id).await.status(),
        StatusCode::NOT_FOUND,
        "a booth's team writes to buyers, not to every visitor"
    );
    assert_eq!(
        start(Some(&exhibitor), "../x").await.status(),
        StatusCode::NOT_FOUND
    );
    let me = post(&app, Some(&organizer), "account/me", &[])
        .await
        .json::<serde_json::Value>()
        .await
        .expect("me")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let own = start(Some(&organizer), &me).await;
    assert_eq!(own.status(), StatusCode::CONFLICT);
    assert!(own.text().await.expect("body").contains("chat-error-self"));

    // The exhibitor writes to the buyer: one room, the same whoever starts it again.
    let room: String = start(Some(&exhibitor), &buyer_id)
        .await
        .json()
        .await
        .expect("room");
    let again: String = start(Some(&exhibitor), &buyer_id)
        .await
        .json()
        .await
        .expect("room");
    assert_eq!(room, again);
    let sent = post(
        &app,
        Some(&exhibitor),
        "chat/send",
        &[
            ("room_id", &room),
            ("text", "Our new propellers ship in March."),
            ("cid", "d1"),
        ],
    )
    .await;
    assert_eq!(sent.status(), StatusCode::OK);
    // The buyer sees it under the exhibitor's name, unread, and answers.
    let list = rooms(&app, &buyer).await;
    let talk = list
        .iter()
        .find(|r| r.id == room)
        .expect("the buyer's room list");
    assert!(matches!(&talk.title, RoomTitle::People(names) if names.len() == 1));
    assert_eq!(unread(&app, &buyer).await, 1);
    let page = room_page(&app, &buyer, &room, None).await;
    assert_eq!(page.messages.len(), 1);
    assert_eq!(page.messages[0].text, "Our new propellers ship in March.");
    // Nobody else reads it.
    let other = new_person(&app, "nosy@other.example").await;
    for cookie in [&other, &visitor] {
        let resp = post(
            &app,
            Some(cookie),
            "chat/room",
            &[("room_id", room.as_str())],
        )
        .await;
        assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    }
    // The organizers write to anyone in the people directory, the visitor included.
    let desk: String = start(Some(&organizer), &visitor_id)
        .await
        .json()
        .await
        .expect("room");
    assert_ne!(desk, room);
    assert!(rooms(&app, &visitor).await.iter().any(|r| r.id == desk));
}
both_backends!(direct_conversations_start_from_the_directories);

async fn presence_shows_who_has_the_platform_open(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let crate::realtime::BoothTalk { buyer, team, room } = crate::realtime::booth_talk(&app).await;
    let online_in = |cookie: String| {
        let (app, room) = (&app, room.clone());
        async move { room_page(app, &cookie, &room, None).await.online }
    };
    assert!(
        online_in(buyer.clone()).await.is_empty(),
        "the team is away"
    );
    assert!(!rooms(&app, &buyer).await[0].online);
    let mut watch = Ws::connect(&app, Some(&buyer)).await;
    watch.subscribe(&format!("chat:{room}"), None).await;

    // The team opens the platform: the buyer's conversation is told, and says so on load.
    let team_tab = Ws::connect(&app, Some(&team)).await;
    let team_id = team_tab.user.clone().expect("team user");
    let presence = |f: &ServerFrame, want: bool| {
        matches!(f, ServerFrame::Signal { body: domain::realtime::Hint::Presence { user_id, online }, .. }
            if *user_id == team_id && *online == want)
    };
    watch.until(|f| presence(f, true)).await;
    assert_eq!(online_in(buyer.clone()).await, vec![team_id.clone()]);
    assert!(rooms(&app, &buyer).await[0].online);
    // The buyer's own tab does not count as someone else being there.
    assert!(online_in(team.clone())
        .await
        .contains(&watch.user.clone().expect("buyer")));

    // With a second tab open, closing the first changes nothing; closing the last is announced.
    let second = Ws::connect(&app, Some(&team)).await;
    drop(team_tab);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(online_in(buyer.clone()).await, vec![team_id.clone()]);
    drop(second);
    watch.until(|f| presence(f, false)).await;
    assert!(online_in(buyer.clone()).await.is_empty());
    assert!(!rooms(&app, &buyer).await[0].online);
}
both_backends!(presence_shows_who_has_the_platform_open);
