//! Topic rooms: the organizers open them (with a subject, a description and optionally a
//! hall), anyone taking part joins and leaves them; inside they are live rooms like the others,
//! closed to those who are not in them.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::{EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::moderation::refused;
use crate::realtime::{new_person, session_cookie, Ws};
use domain::chat::{RoomKind, RoomSummary, RoomTitle, RoomView, TopicsView};
use domain::realtime::ServerFrame;
use reqwest::StatusCode;

const ORGANIZER: &str = "organizer@expo.example";

async fn topics(app: &TestApp, cookie: &str) -> TopicsView {
    let resp = post(app, cookie, "chat/topics", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("topics")
}

async fn create(app: &TestApp, cookie: &str, title: &str, about: &str, hall: &str) -> String {
    let resp = post(
        app,
        cookie,
        "chat/create-topic",
        &[("title", title), ("about", about), ("hall", hall)],
    )
    .await;
    assert!(
        resp.status().is_success() || resp.status().is_redirection(),
        "create-topic {}",
        resp.status()
    );
    resp.json().await.expect("room id")
}

async fn send_status(app: &TestApp, cookie: &str, room: &str, text: &str, cid: &str) -> StatusCode {
    crate::moderation::send(app, cookie, room, text, cid)
        .await
        .status()
}

async fn room_status(app: &TestApp, cookie: &str, room: &str) -> StatusCode {
    post(app, cookie, "chat/room", &[("room_id", room)])
        .await
        .status()
}

async fn organizers_open_topic_rooms_that_people_join_and_leave(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| c.chat_burst = 1_000).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let team = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let buyer = new_person(&app, "buyer@example.com").await;

    // Only organizers open rooms; bad input is refused field by field.
    assert_eq!(
        post(&app, &team, "chat/create-topic", &[("title", "Mine")])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(&app, "", "chat/create-topic", &[("title", "Anon")])
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let long_title = "t".repeat(81);
    let long_about = "a".repeat(501);
    for (form, code) in [
        (vec![("title", "   ")], "chat-topic-error-title"),
        (
            vec![("title", long_title.as_str())],
            "chat-topic-error-title-long",
        ),
        (
            vec![("title", "Fine"), ("about", long_about.as_str())],
            "chat-topic-error-about-long",
        ),
        (
            vec![("title", "Fine"), ("hall", "no-such-hall")],
            "chat-topic-error-hall",
        ),
    ] {
        refused(
            post(&app, &organizer, "chat/create-topic", &form).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            code,
        )
        .await;
    }
    assert!(topics(&app, "").await.rooms.is_empty(), "nothing stored");

    let cranes = create(
        &app,
        &organizer,
        "Port cranes <script>alert(1)</script>",
        "Sourcing ship-to-shore cranes",
        "marine",
    )
    .await;
    let general = create(&app, &organizer, "Logistics", "", "").await;

    // Anyone sees the list; organizers get the form's halls.
    let public = topics(&app, "").await;
    assert!(!public.can_create && public.halls.is_empty());
    assert_eq!(public.rooms.len(), 2);
    let listed = public
        .rooms
        .iter()
        .find(|r| r.id == cranes)
        .expect("listed");
    assert_eq!(listed.title, "Port cranes <script>alert(1)</script>");
    assert_eq!(listed.hall_slug.as_deref(), Some("marine"));
    assert!(listed.hall.is_some());
    assert_eq!((listed.members, listed.joined), (1, false));
    let org_view = topics(&app, &organizer).await;
    assert!(org_view.can_create);
    assert!(org_view.halls.iter().any(|(slug, _)| slug == "marine"));
    assert!(org_view.rooms.iter().all(|r| r.joined));

    // Outside the room nothing is readable or writable.
    assert_eq!(
        room_status(&app, &buyer, &cranes).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send_status(&app, &buyer, &cranes, "hello?", "b0").await,
        StatusCode::NOT_FOUND
    );
    let mut outsider = Ws::connect(&app, Some(&buyer)).await;
    outsider
        .send(serde_json::json!({"t": "sub", "topic": format!("chat:{cranes}")}))
        .await;
    assert!(matches!(
        outsider.next().await,
        ServerFrame::Refused { code, .. } if code == "realtime-error-forbidden"
    ));

    // Joining: the room and its history, live messages.
    assert_eq!(
        send_status(&app, &organizer, &cranes, "Welcome, crane buyers", "o1").await,
        StatusCode::OK
    );
    for (cookie, who) in [(&buyer, "buyer"), (&team, "team")] {
        let resp = post(&app, cookie, "chat/join-topic", &[("room_id", &cranes)]).await;
        assert!(
            resp.status().is_success() || resp.status().is_redirection(),
            "{who} joins: {}",
            resp.status()
        );
    }
    let view: RoomView = post(&app, &buyer, "chat/room", &[("room_id", &cranes)])
        .await
        .json()
        .await
        .expect("room");
    assert_eq!(view.kind, RoomKind::Topic);
    assert_eq!(
        view.title,
        RoomTitle::Topic("Port cranes <script>alert(1)</script>".into())
    );
    assert_eq!(view.members.len(), 3);
    assert_eq!(view.messages.len(), 1, "the history before joining");
    assert_eq!(view.other, None, "nobody to block in a group");
    let mut reader = Ws::connect(&app, Some(&buyer)).await;
    reader.subscribe(&format!("chat:{cranes}"), None).await;
    assert_eq!(
        send_status(&app, &team, &cranes, "We make STS cranes", "t1").await,
        StatusCode::OK
    );
    let live = reader.message().await;
    assert_eq!(live.text, "We make STS cranes");
    let listed = topics(&app, &buyer).await;
    let mine = listed
        .rooms
        .iter()
        .find(|r| r.id == cranes)
        .expect("listed");
    assert_eq!((mine.members, mine.joined), (3, true));
    assert!(
        !listed
            .rooms
            .iter()
            .find(|r| r.id == general)
            .expect("general")
            .joined
    );
    let rooms: Vec<RoomSummary> = post(&app, &buyer, "chat/rooms", &[])
        .await
        .json()
        .await
        .expect("rooms");
    let summary = rooms
        .iter()
        .find(|r| r.id == cranes)
        .expect("in my conversations");
    assert_eq!(summary.unread, 2);
    assert!(matches!(&summary.title, RoomTitle::Topic(t) if t.starts_with("Port cranes")));

    // Not a meeting's guest list; joining twice changes nothing; unknown rooms and other kinds
    // of room cannot be joined.
    refused(
        post(
            &app,
            &buyer,
            "meeting/create",
            &[("title", "All of us"), ("room_id", &cranes)],
        )
        .await,
        StatusCode::CONFLICT,
        "meeting-error-topic-room",
    )
    .await;
    assert!(
        post(&app, &buyer, "chat/join-topic", &[("room_id", &cranes)])
            .await
            .status()
            .is_success()
    );
    let again = topics(&app, &buyer).await;
    assert_eq!(
        again
            .rooms
            .iter()
            .find(|r| r.id == cranes)
            .map(|r| r.members),
        Some(3)
    );
    assert_eq!(
        post(&app, &buyer, "chat/join-topic", &[("room_id", "nope")])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let booth_room = rooms
        .iter()
        .find(|r| r.kind != RoomKind::Topic)
        .map(|r| r.id.clone());
    assert!(booth_room.is_none(), "the buyer has no other room yet");
    let exhibitor = crate::media::own_exhibitor(&app).await;
    let booth = crate::realtime::booth_room(&app, &buyer, &exhibitor).await;
    let stranger = new_person(&app, "stranger@example.com").await;
    assert_eq!(
        post(&app, &stranger, "chat/join-topic", &[("room_id", &booth)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        room_status(&app, &stranger, &booth).await,
        StatusCode::NOT_FOUND
    );

    // Leaving: gone from the person's conversations, closed again; the tab that follows the
    // room is told at once and receives nothing more from it.
    let resp = post(&app, &buyer, "chat/leave-topic", &[("room_id", &cranes)]).await;
    assert!(resp.status().is_success() || resp.status().is_redirection());
    let cranes_topic = format!("chat:{cranes}");
    match reader
        .until(|f| matches!(f, ServerFrame::Refused { topic: Some(_), .. }))
        .await
    {
        ServerFrame::Refused { code, topic, .. } => {
            assert_eq!(code, "realtime-error-forbidden");
            assert_eq!(topic.as_deref(), Some(cranes_topic.as_str()));
        }
        _ => unreachable!(),
    }
    assert_eq!(
        send_status(&app, &team, &cranes, "After you left", "t2").await,
        StatusCode::OK
    );
    reader.quiet(300).await;
    let mut staying = Ws::connect(&app, Some(&team)).await;
    staying.subscribe(&cranes_topic, None).await;
    assert_eq!(
        send_status(&app, &organizer, &cranes, "Still open", "o2").await,
        StatusCode::OK
    );
    assert_eq!(staying.message().await.text, "Still open");
    reader.quiet(300).await;
    assert_eq!(
        room_status(&app, &buyer, &cranes).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send_status(&app, &buyer, &cranes, "still here?", "b1").await,
        StatusCode::NOT_FOUND
    );
    let rooms: Vec<RoomSummary> = post(&app, &buyer, "chat/rooms", &[])
        .await
        .json()
        .await
        .expect("rooms");
    assert!(rooms.iter().all(|r| r.id != cranes));
    let listed = topics(&app, &buyer).await;
    let left = listed
        .rooms
        .iter()
        .find(|r| r.id == cranes)
        .expect("listed");
    assert_eq!((left.members, left.joined), (2, false));

    // The organizers moderate: an organizer who is not in it yet joins by opening it.
    let other_org = new_person(&app, "org2@example.com").await;
    assert_eq!(
        room_status(&app, &other_org, &cranes).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        room_status(&app, &organizer, &general).await,
        StatusCode::OK
    );
}
both_backends!(organizers_open_topic_rooms_that_people_join_and_leave);
