//! Several nodes on one PostgreSQL database: their hubs talk through it (LISTEN/NOTIFY), so a
//! person on one node follows what is published on another — in order, without gaps, signals
//! (large ones too), revocations and presence included; a change on one node empties the
//! others' page caches; and a node that loses its listening connection catches up from the store.

use crate::helpers::{Backend, TestApp};
use crate::media::{own_exhibitor, EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::realtime::{booth_talk, without_flood_limits, BoothTalk, Ws};
use domain::chat::RoomView;
use domain::realtime::{EventBody, Hint, MeetingEvent, RtcSignal, ServerFrame};
use reqwest::StatusCode;
use serde_json::json;

/// The next `n` chat messages on a socket: (id, text).
async fn messages(ws: &mut Ws, n: usize) -> Vec<(i64, String)> {
    let mut out = Vec::new();
    while out.len() < n {
        if let ServerFrame::Event(e) = ws.next().await {
            if let EventBody::ChatMessage(m) = e.body {
                out.push((e.id, m.text));
            }
        }
    }
    out
}

async fn send_many(app: &TestApp, cookie: &str, room: &str, who: &str, n: usize) {
    for i in 0..n {
        let resp = crate::moderation::send(
            app,
            cookie,
            room,
            &format!("{who} {i}"),
            &format!("{who}-{i}"),
        )
        .await;
        assert_eq!(resp.status(), StatusCode::OK, "{who} {i}");
    }
}

async fn nodes_share_the_hub() {
    let a = TestApp::spawn_with(Backend::Postgres, true, without_flood_limits).await;
    let b = a
        .another_node(|c| {
            without_flood_limits(c);
            c.page_cache_secs = 60;
        })
        .await;

    // Node B caches a public page; a change made on node A empties that cache too.
    let own = own_exhibitor(&a).await;
    let page = format!("/exhibitors/{own}");
    assert!(!visit(&b, &page).await.0);
    assert!(visit(&b, &page).await.0, "node B serves it from its cache");
    a.login(&a.client, EXHIBITOR, PASSWORD).await;
    let resp = a
        .call(
            &a.client,
            "booth/save-about",
            &[
                ("input[exhibitor_id]", own.as_str()),
                ("input[language]", "en"),
                ("input[text]", "Written on node A"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(3);
    loop {
        if visit(&b, &page).await.1.contains("Written on node A") {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "node B still serves the old page"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let BoothTalk { buyer, team, room } = booth_talk(&a).await;
    let topic = format!("chat:{room}");
    let mut on_a = Ws::connect(&a, Some(&team)).await;
    let mut on_b = Ws::connect(&b, Some(&buyer)).await;
    on_a.subscribe(&topic, None).await;
    on_b.subscribe(&topic, None).await;

    // Both nodes publish at once: everyone sees every message once, in the same id order.
    tokio::join!(
        send_many(&a, &team, &room, "team", 15),
        send_many(&b, &buyer, &room, "buyer", 15),
    );
    let seen_a = messages(&mut on_a, 30).await;
    let seen_b = messages(&mut on_b, 30).await;
    assert_eq!(seen_a, seen_b, "the same messages in the same order");
    assert!(seen_a.windows(2).all(|w| w[0].0 < w[1].0), "in id order");
    let mut texts: Vec<&str> = seen_a.iter().map(|(_, t)| t.as_str()).collect();
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(texts.len(), 30, "each once");
    on_a.quiet(200).await;
    on_b.quiet(200).await;

    // Signals cross too: typing on node A shows on node B.
    on_a.send(json!({"t": "typing", "room": room})).await;
    assert!(matches!(
        on_b.until(|f| matches!(f, ServerFrame::Signal { .. })).await,
        ServerFrame::Signal { body: Hint::Typing { .. }, topic: t } if t == topic
    ));

    // A WebRTC offer too large for a notice reaches the other node whole.
    let resp = post(
        &a,
        &team,
        "meeting/create",
        &[("title", "Across nodes"), ("room_id", &room)],
    )
    .await;
    let id: String = serde_json::from_str(&resp.text().await.expect("body")).expect("id");
    post(&a, &buyer, "meeting/join", &[("id", &id)]).await;
    let meeting = format!("meeting:{id}");
    let mut host = Ws::connect(&a, Some(&team)).await;
    let host_id = host.user.clone().expect("host");
    host.subscribe(&meeting, None).await;
    let mut guest = Ws::connect(&b, Some(&buyer)).await;
    let guest_id = guest.user.clone().expect("guest");
    guest.subscribe(&format!("user:{guest_id}"), None).await;
    guest.subscribe(&meeting, None).await;
    let mut sdp = String::from("v=0\r\no=- 46117317 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
    while sdp.len() < 10_000 {
        sdp.push_str("a=ssrc:1234567890 msid:stream-across-nodes track-across-nodes\r\n");
    }
    host.send(json!({"t": "rtc", "meeting": id, "to": guest_id, "signal": {"type": "description", "kind": "offer", "sdp": sdp}})).await;
    match guest
        .until(|f| {
            matches!(
                f,
                ServerFrame::Signal {
                    body: Hint::Rtc { .. },
                    ..
                }
            )
        })
        .await
    {
        ServerFrame::Signal {
            body: Hint::Rtc { from, signal, .. },
            ..
        } => {
            assert_eq!(from, host_id);
            assert_eq!(
                signal,
                RtcSignal::Description {
                    kind: "offer".into(),
                    sdp: sdp.clone()
                }
            );
        }
        _ => unreachable!(),
    }

    // Removed on node A: the guest's socket on node B hears it, then loses the meeting.
    post(
        &a,
        &team,
        "meeting/control",
        &[("id", &id), ("user_id", &guest_id), ("action", "remove")],
    )
    .await;
    loop {
        if let ServerFrame::Event(e) = guest.next().await {
            if let EventBody::Meeting(MeetingEvent::Removed { user_id }) = e.body {
                assert_eq!(user_id, guest_id);
                break;
            }
        }
    }
    assert!(matches!(
        guest.until(|f| matches!(f, ServerFrame::Refused { topic: Some(_), .. })).await,
        ServerFrame::Refused { code, topic: Some(t), .. }
            if code == "realtime-error-forbidden" && t == meeting
    ));

    // Node B's listening connection is cut; what is published meanwhile still arrives, once.
    let cut: Vec<(bool,)> = sqlx::query_as(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND query LIKE 'LISTEN %'",
    )
    .fetch_all(&pg(&a).await)
    .await
    .expect("cut the listeners");
    assert_eq!(cut, [(true,), (true,)], "both nodes' listeners");
    send_many(&a, &team, &room, "cut", 3).await;
    let after = messages(&mut on_b, 3).await;
    assert_eq!(
        after.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(),
        ["cut 0", "cut 1", "cut 2"]
    );
    assert!(after[0].0 > seen_b[29].0);
    on_b.quiet(300).await;

    // Presence crosses too: the buyer, connected to node B only, is online for node A; once
    // their sockets there close, they are not, and node A's subscribers are told.
    let buyer_id = on_b.user.clone().expect("buyer");
    until_online(&a, &team, &room, &buyer_id, true).await;
    drop(on_b);
    drop(guest);
    until_online(&a, &team, &room, &buyer_id, false).await;
    assert!(matches!(
        on_a.until(|f| matches!(f, ServerFrame::Signal { body: Hint::Presence { online: false, .. }, .. })).await,
        ServerFrame::Signal { body: Hint::Presence { user_id, .. }, .. } if user_id == buyer_id
    ));
}

/// Waits (3 s at most) until node `app` shows `user` as online (or not) in the room.
async fn until_online(app: &TestApp, cookie: &str, room: &str, user: &str, online: bool) {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(3);
    loop {
        let view: RoomView = post(app, cookie, "chat/room", &[("room_id", room)])
            .await
            .json()
            .await
            .expect("room");
        if view.online.iter().any(|u| u == user) == online {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{user} still shown online={}",
            !online
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// An anonymous visit in English: whether it came from the page cache, and the page.
async fn visit(app: &TestApp, page: &str) -> (bool, String) {
    let resp = app
        .new_client()
        .get(app.url(page))
        .header("Accept-Language", "en")
        .send()
        .await
        .expect("get");
    let hit = resp.headers().contains_key("x-page-cache");
    (hit, resp.text().await.expect("html"))
}

/// A plain PostgreSQL pool on the test's database.
async fn pg(app: &TestApp) -> sqlx::PgPool {
    sqlx::PgPool::connect(&app.database_url)
        .await
        .expect("connect")
}

mod two_nodes {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        tokio::time::timeout(crate::TEST_TIMEOUT, super::nodes_share_the_hub())
            .await
            .expect("test timed out");
    }
}
