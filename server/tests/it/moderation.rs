//! Taking messages back and keeping conversations civil: editing and deleting one's own
//! messages (live, in history and in what a reconnecting client catches up on), blocking,
//! reports to the organizers, their moderation queue, removal and stopping someone writing.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::PASSWORD;
use crate::meeting::post;
use crate::realtime::{booth_talk, new_person, session_cookie, BoothTalk, Ws};
use domain::chat::{ChatMessage, ModerationView, Removal, ReportReason, RoomView};
use domain::notification::{Notification, NotificationBody};
use domain::realtime::{EventBody, ServerFrame};
use reqwest::StatusCode;

const ORGANIZER: &str = "organizer@expo.example";

pub(crate) async fn send(
    app: &TestApp,
    cookie: &str,
    room: &str,
    text: &str,
    cid: &str,
) -> reqwest::Response {
    post(
        app,
        cookie,
        "chat/send",
        &[("room_id", room), ("text", text), ("cid", cid)],
    )
    .await
}

async fn sent(app: &TestApp, cookie: &str, room: &str, text: &str, cid: &str) -> ChatMessage {
    let resp = send(app, cookie, room, text, cid).await;
    assert_eq!(resp.status(), StatusCode::OK, "send {text}");
    resp.json().await.expect("message")
}

async fn view(app: &TestApp, cookie: &str, room: &str) -> RoomView {
    let resp = post(app, cookie, "chat/room", &[("room_id", room)]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("room")
}

pub(crate) async fn refused(resp: reqwest::Response, status: StatusCode, code: &str) {
    assert_eq!(resp.status(), status);
    let body = resp.text().await.expect("body");
    assert!(body.contains(code), "{code} in {body}");
}

/// The next `ChatUpdated` event on the socket.
async fn update(ws: &mut Ws) -> ChatMessage {
    match ws
        .until(
            |f| matches!(f, ServerFrame::Event(e) if matches!(e.body, EventBody::ChatUpdated(_))),
        )
        .await
    {
        ServerFrame::Event(e) => match e.body {
            EventBody::ChatUpdated(m) => m,
            _ => unreachable!(),
        },
        _ => unreachable!(),
    }
}

async fn user_id(app: &TestApp, cookie: &str) -> String {
    post(app, cookie, "account/me", &[])
        .await
        .json::<serde_json::Value>()
        .await
        .expect("me")["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

async fn senders_edit_and_delete_their_own_messages(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| c.chat_burst = 1_000).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let stranger = new_person(&app, "stranger@example.com").await;
    let topic = format!("chat:{room}");
    let mut watcher = Ws::connect(&app, Some(&team)).await;
    watcher.subscribe(&topic, None).await;
    let quote = sent(&app, &buyer, &room, "We offer 100 units at $9", "q1").await;
    assert_eq!(watcher.message().await.id, quote.id);
    let id = quote.id.to_string();

    // Only the sender edits; nobody outside the room learns the message exists.
    let edit = |cookie: &str, text: &str| {
        let (cookie, text, id) = (cookie.to_owned(), text.to_owned(), id.clone());
        let app = &app;
        async move {
            post(
                app,
                &cookie,
                "chat/edit",
                &[("message_id", id.as_str()), ("text", text.as_str())],
            )
            .await
        }
    };
    assert_eq!(
        edit(&team, "mine now").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(edit(&stranger, "x").await.status(), StatusCode::NOT_FOUND);
    refused(
        edit(&buyer, "  ").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "chat-error-empty",
    )
    .await;
    assert_eq!(
        post(
            &app,
            &buyer,
            "chat/edit",
            &[("message_id", "x"), ("text", "y")]
        )
        .await
        .status()
        .as_u16()
            / 100,
        4
    );
    let resp = edit(&buyer, "We offer 120 units at $9").await;
    assert_eq!(resp.status(), StatusCode::OK);
    let edited: ChatMessage = resp.json().await.expect("edited");
    assert_eq!(edited.id, quote.id);
    assert!(edited.edited_at.is_some());
    // Live: the team sees the change.
    let live = update(&mut watcher).await;
    assert_eq!(live.text, "We offer 120 units at $9");
    assert_eq!(live.edited_at, edited.edited_at);
    // History and a client catching up from before the message both have the new text only.
    let history = view(&app, &team, &room).await;
    assert_eq!(history.messages.last(), Some(&edited));
    let mut late = Ws::connect(&app, Some(&team)).await;
    let replayed = late.subscribe(&topic, Some(0)).await;
    assert_eq!(replayed.len(), 1);
    assert_eq!(replayed[0].text, "We offer 120 units at $9");

    // Deleting: only the sender; the text is gone everywhere, the row stays.
    assert_eq!(
        post(&app, &team, "chat/delete", &[("message_id", &id)])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let resp = post(&app, &buyer, "chat/delete", &[("message_id", &id)]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let gone: ChatMessage = resp.json().await.expect("deleted");
    assert_eq!(gone.removed, Some(Removal::Sender));
    assert_eq!(gone.text, "");
    let live = update(&mut watcher).await;
    assert_eq!(
        (live.removed, live.text.as_str()),
        (Some(Removal::Sender), "")
    );
    let history = view(&app, &team, &room).await;
    assert_eq!(history.messages.len(), 1);
    assert_eq!(history.messages[0].removed, Some(Removal::Sender));
    assert_eq!(history.messages[0].text, "");
    let mut late = Ws::connect(&app, Some(&team)).await;
    let replayed = late.subscribe(&topic, Some(0)).await;
    assert_eq!(replayed[0].text, "");
    for (_, body, _) in db::realtime::events_after(&app.db, &topic, 0, 100)
        .await
        .expect("events")
    {
        assert!(!body.contains("units"), "old text kept in {body}");
    }
    let last = post(&app, &team, "chat/rooms", &[])
        .await
        .json::<Vec<domain::chat::RoomSummary>>()
        .await
        .expect("rooms");
    assert_eq!(
        last[0].last.as_ref().and_then(|m| m.removed),
        Some(Removal::Sender)
    );
    // A deleted message cannot be edited; deleting again changes nothing.
    refused(
        edit(&buyer, "back").await,
        StatusCode::CONFLICT,
        "chat-error-removed",
    )
    .await;
    assert_eq!(
        post(&app, &buyer, "chat/delete", &[("message_id", &id)])
            .await
            .status(),
        StatusCode::OK
    );
    watcher.quiet(300).await;
    // Text sent later is untouched by all this.
    let next = sent(&app, &buyer, &room, "<b>new</b> offer", "q2").await;
    assert_eq!(next.text, "<b>new</b> offer");
    assert_eq!(next.edited_at, None);
}
both_backends!(senders_edit_and_delete_their_own_messages);

async fn blocking_stops_both_sides(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| c.chat_burst = 1_000).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let buyer_id = user_id(&app, &buyer).await;
    sent(&app, &buyer, &room, "hello", "b1").await;
    // The team may block the visitor of a booth room; the visitor sees no one to block there.
    let team_view = view(&app, &team, &room).await;
    assert_eq!(team_view.other.as_deref(), Some(buyer_id.as_str()));
    assert!(!team_view.blocked);
    assert_eq!(view(&app, &buyer, &room).await.other, None);

    let block = |cookie: &str, who: &str, on: &str| {
        let (cookie, who, on) = (cookie.to_owned(), who.to_owned(), on.to_owned());
        let app = &app;
        async move {
            post(
                app,
                &cookie,
                "chat/block",
                &[("user_id", who.as_str()), ("on", on.as_str())],
            )
            .await
        }
    };
    let team_id = user_id(&app, &team).await;
    refused(
        block(&team, &team_id, "true").await,
        StatusCode::CONFLICT,
        "chat-error-self",
    )
    .await;
    assert_eq!(
        block(&team, "01936f5e-7c1a-7d2b-8e3f-0123456789ab", "true")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        block(&team, &buyer_id, "maybe").await.status().as_u16() / 100,
        4
    );
    assert_eq!(
        block(&team, &buyer_id, "true").await.status(),
        StatusCode::OK
    );
    assert!(view(&app, &team, &room).await.blocked);
    refused(
        send(&app, &buyer, &room, "are you there?", "b2").await,
        StatusCode::CONFLICT,
        "chat-error-blocked",
    )
    .await;
    refused(
        send(&app, &team, &room, "bye", "t1").await,
        StatusCode::CONFLICT,
        "chat-error-you-blocked",
    )
    .await;
    // Nor through a meeting started from the conversation.
    refused(
        post(
            &app,
            &buyer,
            "meeting/create",
            &[("title", "Call"), ("room_id", room.as_str())],
        )
        .await,
        StatusCode::CONFLICT,
        "chat-error-blocked",
    )
    .await;
    // Over the socket too, with the reason.
    let mut ws = Ws::connect(&app, Some(&buyer)).await;
    ws.send(serde_json::json!({"t": "send", "room": room, "text": "hi", "cid": "b3"}))
        .await;
    match ws.until(|f| matches!(f, ServerFrame::Refused { .. })).await {
        ServerFrame::Refused { code, .. } => assert_eq!(code, "chat-error-blocked"),
        _ => unreachable!(),
    }
    // Lifted: both write again.
    assert_eq!(
        block(&team, &buyer_id, "false").await.status(),
        StatusCode::OK
    );
    sent(&app, &buyer, &room, "are you there?", "b2").await;
    sent(&app, &team, &room, "yes", "t1").await;

    // A blocked person cannot start a one-to-one conversation either.
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let organizer_id = user_id(&app, &organizer).await;
    assert_eq!(
        block(&buyer, &organizer_id, "true").await.status(),
        StatusCode::OK
    );
    refused(
        post(
            &app,
            &organizer,
            "chat/start-direct",
            &[("user_id", &buyer_id)],
        )
        .await,
        StatusCode::CONFLICT,
        "chat-error-blocked",
    )
    .await;
    assert_eq!(
        block(&buyer, &organizer_id, "false").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        post(
            &app,
            &organizer,
            "chat/start-direct",
            &[("user_id", &buyer_id)]
        )
        .await
        .status(),
        StatusCode::OK
    );
}
both_backends!(blocking_stops_both_sides);

async fn reports_reach_the_organizers_who_act_on_them(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| c.chat_burst = 1_000).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let stranger = new_person(&app, "stranger@example.com").await;
    let buyer_id = user_id(&app, &buyer).await;
    sent(&app, &buyer, &room, "hello", "b1").await;
    let spam = sent(&app, &buyer, &room, "cheap watches at example.com", "b2").await;
    let spam_id = spam.id.to_string();

    let report = |cookie: &str, id: &str, reason: &str, note: &str| {
        let (cookie, id, reason, note) = (
            cookie.to_owned(),
            id.to_owned(),
            reason.to_owned(),
            note.to_owned(),
        );
        let app = &app;
        async move {
            post(
                app,
                &cookie,
                "chat/report",
                &[
                    ("message_id", id.as_str()),
                    ("reason", reason.as_str()),
                    ("note", note.as_str()),
                ],
            )
            .await
        }
    };
    refused(
        report(&team, &spam_id, "rude", "").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "chat-error-reason",
    )
    .await;
    refused(
        report(&team, &spam_id, "other", " ").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "chat-error-note-needed",
    )
    .await;
    refused(
        report(&team, &spam_id, "spam", &"x".repeat(501)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "chat-error-note-too-long",
    )
    .await;
    refused(
        report(&buyer, &spam_id, "spam", "").await,
        StatusCode::CONFLICT,
        "chat-error-report-own",
    )
    .await;
    assert_eq!(
        report(&stranger, &spam_id, "spam", "").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        report(&team, &spam_id, "spam", "Sent to every booth")
            .await
            .status(),
        StatusCode::OK
    );
    // Reporting twice files one report.
    assert_eq!(
        report(&team, &spam_id, "fraud", "").await.status(),
        StatusCode::OK
    );

    // The organizers are told and find it in their queue, with what came before.
    let notices: Vec<Notification> = post(&app, &organizer, "notification/list", &[])
        .await
        .json()
        .await
        .expect("notices");
    assert_eq!(
        notices
            .iter()
            .filter(|n| n.body
                == NotificationBody::MessageReported {
                    reason: ReportReason::Spam
                })
            .count(),
        1
    );
    assert_eq!(notices[0].link, "/dashboard/moderation");
    for (cookie, status) in [
        (&buyer, StatusCode::FORBIDDEN),
        (&team, StatusCode::FORBIDDEN),
    ] {
        assert_eq!(
            post(&app, cookie, "chat/moderation", &[]).await.status(),
            status
        );
    }
    let queue = |cookie: String| {
        let app = &app;
        async move {
            let resp = post(app, &cookie, "chat/moderation", &[]).await;
            assert_eq!(resp.status(), StatusCode::OK);
            resp.json::<ModerationView>().await.expect("queue")
        }
    };
    let q = queue(organizer.clone()).await;
    assert_eq!(q.items.len(), 1);
    let item = &q.items[0];
    assert_eq!(item.message.text, "cheap watches at example.com");
    assert_eq!(
        item.context
            .iter()
            .map(|m| m.text.as_str())
            .collect::<Vec<_>>(),
        ["hello"]
    );
    assert_eq!(item.reports.len(), 1);
    assert_eq!(item.reports[0].reason, ReportReason::Spam);
    assert_eq!(item.reports[0].note, "Sent to every booth");
    assert!(!item.sender_muted);
    let page = reqwest::Client::new()
        .get(app.url("/dashboard/moderation"))
        .header("cookie", &organizer)
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(page.contains("cheap watches at example.com"), "queue page");
    assert!(page.contains("Sent to every booth"));

    // The sender edits the reported message: the organizers still judge what was reported.
    assert_eq!(
        post(
            &app,
            &buyer,
            "chat/edit",
            &[("message_id", spam_id.as_str()), ("text", "never mind")]
        )
        .await
        .status(),
        StatusCode::OK
    );
    let q = queue(organizer.clone()).await;
    assert_eq!(q.items[0].reported_text, "cheap watches at example.com");
    assert_eq!(q.items[0].message.text, "never mind");

    // An organizer whose console manages another expo does not reach this one's messages.
    let resp = post(
        &app,
        &organizer,
        "setup/create-expo",
        &crate::expos::new_expo_form("Autumn Expo 2027", "2027-09-01", "2027-09-03"),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let other_expo: String = resp.json().await.expect("expo id");
    let elsewhere = format!("{organizer}; console_expo={other_expo}");
    assert!(queue(elsewhere.clone()).await.items.is_empty());
    assert_eq!(
        post(
            &app,
            &elsewhere,
            "chat/moderate",
            &[("message_id", &spam_id), ("remove", "true")]
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );

    // Others cannot act on it.
    assert_eq!(
        post(
            &app,
            &team,
            "chat/moderate",
            &[("message_id", &spam_id), ("remove", "true")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    // Kept: the reports close, the message stays.
    assert_eq!(
        post(
            &app,
            &organizer,
            "chat/moderate",
            &[("message_id", &spam_id), ("remove", "false")]
        )
        .await
        .status(),
        StatusCode::OK
    );
    assert!(queue(organizer.clone()).await.items.is_empty());
    assert_eq!(view(&app, &team, &room).await.messages[1].removed, None);
    assert_eq!(
        view(&app, &team, &room).await.messages[1].text,
        "never mind"
    );

    // Removed: the room shows it removed by the organizers, live.
    let abuse = sent(&app, &buyer, &room, "you are idiots", "b3").await;
    let abuse_id = abuse.id.to_string();
    assert_eq!(
        report(&team, &abuse_id, "abuse", "").await.status(),
        StatusCode::OK
    );
    let mut watcher = Ws::connect(&app, Some(&team)).await;
    watcher.subscribe(&format!("chat:{room}"), None).await;
    assert_eq!(
        post(
            &app,
            &organizer,
            "chat/moderate",
            &[("message_id", &abuse_id), ("remove", "true")]
        )
        .await
        .status(),
        StatusCode::OK
    );
    let live = update(&mut watcher).await;
    assert_eq!(
        (live.removed, live.text.as_str()),
        (Some(Removal::Moderator), "")
    );
    assert_eq!(
        view(&app, &buyer, &room).await.messages[2].removed,
        Some(Removal::Moderator)
    );
    assert!(queue(organizer.clone()).await.items.is_empty());
    // A removed message can be neither reported nor edited.
    refused(
        report(&team, &abuse_id, "spam", "").await,
        StatusCode::CONFLICT,
        "chat-error-removed",
    )
    .await;
    assert_eq!(
        post(
            &app,
            &organizer,
            "chat/moderate",
            &[("message_id", "999999999"), ("remove", "true")]
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );

    // Stopped from writing: refused everywhere but the support desk, until let again.
    let organizer_id = user_id(&app, &organizer).await;
    refused(
        post(
            &app,
            &organizer,
            "chat/mute",
            &[("user_id", &organizer_id), ("on", "true")],
        )
        .await,
        StatusCode::CONFLICT,
        "chat-error-mute-organizer",
    )
    .await;
    assert_eq!(
        post(
            &app,
            &team,
            "chat/mute",
            &[("user_id", &buyer_id), ("on", "true")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(
            &app,
            &organizer,
            "chat/mute",
            &[
                ("user_id", &buyer_id),
                ("on", "true"),
                ("reason", "abuse, twice")
            ]
        )
        .await
        .status(),
        StatusCode::OK
    );
    refused(
        send(&app, &buyer, &room, "let me in", "b4").await,
        StatusCode::CONFLICT,
        "chat-error-muted",
    )
    .await;
    assert!(view(&app, &buyer, &room).await.muted);
    refused(
        post(
            &app,
            &buyer,
            "chat/edit",
            &[
                ("message_id", spam_id.as_str()),
                ("text", "edited while stopped"),
            ],
        )
        .await,
        StatusCode::CONFLICT,
        "chat-error-muted",
    )
    .await;
    let support: String = post(&app, &buyer, "chat/start-support", &[])
        .await
        .json()
        .await
        .expect("support room");
    sent(&app, &buyer, &support, "why can I not write?", "b5").await;
    let q = queue(organizer.clone()).await;
    assert_eq!(q.muted.len(), 1);
    assert_eq!(q.muted[0].user_id, buyer_id);
    assert_eq!(q.muted[0].reason, "abuse, twice");
    assert_eq!(
        post(
            &app,
            &organizer,
            "chat/mute",
            &[("user_id", &buyer_id), ("on", "false")]
        )
        .await
        .status(),
        StatusCode::OK
    );
    sent(&app, &buyer, &room, "sorry", "b4").await;
    assert!(queue(organizer.clone()).await.muted.is_empty());
    for action in ["chat.dismiss", "chat.remove", "chat.mute", "chat.unmute"] {
        let audit = db::audit::recent(&app.db, action, 5).await.expect("audit");
        assert_eq!(audit.len(), 1, "{action} audited");
    }
}
both_backends!(reports_reach_the_organizers_who_act_on_them);
