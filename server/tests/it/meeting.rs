//! Video meetings: entry (invited, lobby, lock, removed, ended), host controls and who may use
//! them, presence and the participation records, and WebRTC signaling between participants.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::realtime::{booth_talk, new_person, BoothTalk, Ws};
use domain::meeting::{MeetingView, ParticipantState};
use domain::realtime::{EventBody, Hint, MeetingEvent, RtcSignal, ServerFrame};
use reqwest::StatusCode;
use serde_json::json;

pub(crate) async fn post(
    app: &TestApp,
    cookie: &str,
    endpoint: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(app.url(&format!("/api/{endpoint}")))
        .header("accept", "application/json")
        .header("cookie", cookie)
        .form(form)
        .send()
        .await
        .expect("request")
}

async fn change(ws: &mut Ws) -> MeetingEvent {
    match ws
        .until(|f| matches!(f, ServerFrame::Event(e) if matches!(e.body, EventBody::Meeting(_))))
        .await
    {
        ServerFrame::Event(e) => match e.body {
            EventBody::Meeting(m) => m,
            _ => unreachable!(),
        },
        _ => unreachable!(),
    }
}

async fn status_code(resp: reqwest::Response) -> (StatusCode, String) {
    let status = resp.status();
    (status, resp.text().await.expect("body"))
}

async fn the_lobby_lock_and_host_controls(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    // Bad title; then the team starts a meeting from the conversation: the buyer is invited.
    let (status, body) = status_code(
        post(
            &app,
            &team,
            "meeting/create",
            &[("title", " "), ("room_id", &room)],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("meeting-error-title"));
    let resp = post(
        &app,
        &team,
        "meeting/create",
        &[("title", "Engine pricing"), ("room_id", &room)],
    )
    .await;
    assert!(resp.status().is_success() || resp.status().is_redirection());
    let id: String = serde_json::from_str(&resp.text().await.expect("body")).expect("id");
    let view: MeetingView = post(&app, &team, "meeting/get", &[("id", &id)])
        .await
        .json()
        .await
        .expect("view");
    assert_eq!(view.participants.len(), 2);
    assert_eq!(view.participants[1].state, ParticipantState::Invited);
    let invite = view
        .invite_path
        .split("invite=")
        .nth(1)
        .expect("token")
        .to_owned();
    let mut host = Ws::connect(&app, Some(&team)).await;
    let host_id = host.user.clone().expect("host");
    host.subscribe(&format!("meeting:{id}"), None).await;
    assert!(
        matches!(change(&mut host).await, MeetingEvent::Present { user_id, .. } if user_id == host_id)
    );

    // The invited buyer goes straight in.
    let state: ParticipantState = post(&app, &buyer, "meeting/join", &[("id", &id)])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(state, ParticipantState::Admitted);
    // A stranger: nothing without the link; with it, the lobby, and the host hears of it.
    let stranger = new_person(&app, "stranger@example.com").await;
    assert_eq!(
        post(&app, &stranger, "meeting/join", &[("id", &id)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(&app, &stranger, "meeting/get", &[("id", &id)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let state: ParticipantState = post(
        &app,
        &stranger,
        "meeting/join",
        &[("id", &id), ("invite", &invite)],
    )
    .await
    .json()
    .await
    .expect("json");
    assert_eq!(state, ParticipantState::Waiting);
    let mut s = Ws::connect(&app, Some(&stranger)).await;
    let stranger_id = s.user.clone().expect("id");
    // Waiting people cannot follow the meeting yet; they hear on their own topic when let in.
    s.send(json!({"t": "sub", "topic": format!("meeting:{id}")}))
        .await;
    assert!(
        matches!(s.next().await, ServerFrame::Refused { code, .. } if code == "realtime-error-forbidden")
    );
    s.subscribe(&format!("user:{stranger_id}"), None).await;
    // (The buyer's admission and the stranger's wait both reached the host.)
    let mut waiting_seen = false;
    while !waiting_seen {
        if let MeetingEvent::Waiting { user_id, name } = change(&mut host).await {
            assert_eq!(
                (user_id.as_str(), name.as_str()),
                (stranger_id.as_str(), "Li Wei")
            );
            waiting_seen = true;
        }
    }
    // Only the host controls.
    assert_eq!(
        post(
            &app,
            &buyer,
            "meeting/control",
            &[("id", &id), ("user_id", &stranger_id), ("action", "admit")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(
            &app,
            &buyer,
            "meeting/lock",
            &[("id", &id), ("locked", "true")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(&app, &buyer, "meeting/end", &[("id", &id)])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let resp = post(
        &app,
        &team,
        "meeting/control",
        &[("id", &id), ("user_id", &stranger_id), ("action", "admit")],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(
        matches!(change(&mut host).await, MeetingEvent::Admitted { user_id } if user_id == stranger_id)
    );
    let hint = s.until(|f| matches!(f, ServerFrame::Signal { .. })).await;
    assert!(
        matches!(hint, ServerFrame::Signal { body: Hint::Meeting { meeting }, .. } if meeting == id)
    );
    s.subscribe(&format!("meeting:{id}"), None).await;

    // Locked: a newcomer with the link is refused; invited or admitted people still get in.
    post(
        &app,
        &team,
        "meeting/lock",
        &[("id", &id), ("locked", "true")],
    )
    .await;
    let late = new_person(&app, "late@example.com").await;
    let (status, body) = status_code(
        post(
            &app,
            &late,
            "meeting/join",
            &[("id", &id), ("invite", &invite)],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("meeting-error-locked"));
    let state: ParticipantState = post(&app, &buyer, "meeting/join", &[("id", &id)])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(state, ParticipantState::Admitted);
    // Invite by e-mail: an unknown address gets the same answer as a known one (the form tells
    // nobody who is registered); an interpreter gets in despite the lock.
    let (status, body) = status_code(
        post(
            &app,
            &team,
            "meeting/invite",
            &[
                ("id", &id),
                ("email", "nobody@example.com"),
                ("role", "interpreter"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        post(
            &app,
            &team,
            "meeting/invite",
            &[
                ("id", &id),
                ("email", "late@example.com"),
                ("role", "interpreter")
            ]
        )
        .await
        .status(),
        StatusCode::OK
    );
    let state: ParticipantState = post(&app, &late, "meeting/join", &[("id", &id)])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(state, ParticipantState::Admitted);

    // Removed: out for good, and the socket can no longer follow the meeting.
    post(
        &app,
        &team,
        "meeting/control",
        &[("id", &id), ("user_id", &stranger_id), ("action", "remove")],
    )
    .await;
    loop {
        if let MeetingEvent::Removed { user_id } = change(&mut s).await {
            assert_eq!(user_id, stranger_id);
            break;
        }
    }
    // Their open socket is told the meeting is no longer theirs to follow, and gets nothing
    // more of it.
    let meeting_topic = format!("meeting:{id}");
    assert!(matches!(
        s.until(|f| matches!(f, ServerFrame::Refused { topic: Some(_), .. })).await,
        ServerFrame::Refused { code, topic: Some(t), .. }
            if code == "realtime-error-forbidden" && t == meeting_topic
    ));
    assert_eq!(
        post(
            &app,
            &team,
            "meeting/lock",
            &[("id", &id), ("locked", "true")]
        )
        .await
        .status(),
        StatusCode::OK
    );
    while !matches!(
        change(&mut host).await,
        MeetingEvent::Locked { locked: true }
    ) {}
    s.quiet(300).await;
    let (status, _) = status_code(
        post(
            &app,
            &stranger,
            "meeting/join",
            &[("id", &id), ("invite", &invite)],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        post(&app, &stranger, "meeting/get", &[("id", &id)])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let mut s2 = Ws::connect(&app, Some(&stranger)).await;
    s2.send(json!({"t": "sub", "topic": format!("meeting:{id}")}))
        .await;
    assert!(
        matches!(s2.next().await, ServerFrame::Refused { code, .. } if code == "realtime-error-forbidden")
    );
    // The host cannot be removed.
    assert_eq!(
        post(
            &app,
            &team,
            "meeting/control",
            &[("id", &id), ("user_id", &host_id), ("action", "remove")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );

    // Ended: everyone hears it; nobody enters again.
    assert_eq!(
        post(&app, &team, "meeting/end", &[("id", &id)])
            .await
            .status(),
        StatusCode::OK
    );
    loop {
        if change(&mut host).await == MeetingEvent::Ended {
            break;
        }
    }
    let (status, body) =
        status_code(post(&app, &buyer, "meeting/join", &[("id", &id)]).await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("meeting-error-ended"));
}
both_backends!(the_lobby_lock_and_host_controls);

async fn presence_records_and_signaling(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let resp = post(
        &app,
        &team,
        "meeting/create",
        &[("title", "Samples"), ("room_id", &room)],
    )
    .await;
    let id: String = serde_json::from_str(&resp.text().await.expect("body")).expect("id");
    post(&app, &buyer, "meeting/join", &[("id", &id)]).await;
    let topic = format!("meeting:{id}");
    let mut host = Ws::connect(&app, Some(&team)).await;
    let host_id = host.user.clone().expect("id");
    host.subscribe(&topic, None).await;
    host.subscribe(&format!("user:{host_id}"), None).await;
    let mut guest = Ws::connect(&app, Some(&buyer)).await;
    let guest_id = guest.user.clone().expect("id");
    guest.subscribe(&format!("user:{guest_id}"), None).await;
    guest.subscribe(&topic, None).await;
    loop {
        if let MeetingEvent::Present { user_id, .. } = change(&mut host).await {
            if user_id == guest_id {
                break;
            }
        }
    }
    // A second tab of the guest does not count twice; closing it does not make them leave.
    let mut second = Ws::connect(&app, Some(&buyer)).await;
    second.subscribe(&topic, None).await;
    drop(second);

    // Signaling: an offer and a candidate reach the other side, marked with the sender.
    let offer = "v=0\r\no=- 46117317 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    host.send(json!({"t": "rtc", "meeting": id, "to": guest_id, "signal": {"type": "description", "kind": "offer", "sdp": offer}})).await;
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
            body:
                Hint::Rtc {
                    meeting,
                    from,
                    signal,
                },
            ..
        } => {
            assert_eq!(
                (meeting.as_str(), from.as_str()),
                (id.as_str(), host_id.as_str())
            );
            assert_eq!(
                signal,
                RtcSignal::Description {
                    kind: "offer".into(),
                    sdp: offer.into()
                }
            );
        }
        _ => unreachable!(),
    }
    guest.send(json!({"t": "rtc", "meeting": id, "to": host_id, "signal": {"type": "candidate", "candidate": "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", "sdp_mid": "0", "sdp_m_line_index": 0}})).await;
    assert!(matches!(
        host.until(|f| matches!(
            f,
            ServerFrame::Signal {
                body: Hint::Rtc { .. },
                ..
            }
        ))
        .await,
        ServerFrame::Signal {
            body: Hint::Rtc {
                signal: RtcSignal::Candidate { .. },
                ..
            },
            ..
        }
    ));
    // Bad payloads and strangers are refused; the socket goes on.
    for bad in [
        json!({"type": "description", "kind": "offer", "sdp": "<script>alert(1)</script>"}),
        json!({"type": "description", "kind": "rollback", "sdp": "v=0\r\n"}),
        json!({"type": "candidate", "candidate": "not a candidate"}),
    ] {
        host.send(json!({"t": "rtc", "meeting": id, "to": guest_id, "signal": bad}))
            .await;
        assert!(
            matches!(host.until(|f| matches!(f, ServerFrame::Refused { .. })).await, ServerFrame::Refused { code, .. } if code == "meeting-error-signal")
        );
    }
    host.send(json!({"t": "rtc", "meeting": id, "to": guest_id, "signal": {"type": "offer"}}))
        .await;
    assert!(
        matches!(host.until(|f| matches!(f, ServerFrame::Refused { .. })).await, ServerFrame::Refused { code, .. } if code == "realtime-error-malformed")
    );
    let stranger = new_person(&app, "stranger@example.com").await;
    let mut s = Ws::connect(&app, Some(&stranger)).await;
    s.send(json!({"t": "rtc", "meeting": id, "to": host_id, "signal": {"type": "description", "kind": "offer", "sdp": offer}})).await;
    assert!(
        matches!(s.next().await, ServerFrame::Refused { code, .. } if code == "realtime-error-forbidden")
    );
    let stranger_id = s.user.clone().expect("id");
    host.send(json!({"t": "rtc", "meeting": id, "to": stranger_id, "signal": {"type": "description", "kind": "offer", "sdp": offer}})).await;
    assert!(
        matches!(host.until(|f| matches!(f, ServerFrame::Refused { .. })).await, ServerFrame::Refused { code, .. } if code == "realtime-error-forbidden")
    );
    host.send(json!({"t": "ping"})).await;
    host.until(|f| matches!(f, ServerFrame::Pong)).await;

    // The guest's connection drops after a while in the meeting: they left, and the record
    // holds how long they were there.
    tokio::time::sleep(std::time::Duration::from_millis(1_200)).await;
    drop(guest);
    loop {
        if let MeetingEvent::Left { user_id } = change(&mut host).await {
            assert_eq!(user_id, guest_id);
            break;
        }
    }
    let records = db::meeting::attendance(&app.db, &id)
        .await
        .expect("records");
    let guest_row = records
        .iter()
        .find(|r| r.0 == guest_id)
        .expect("guest record");
    assert!(
        guest_row.1.is_some() && guest_row.2.is_some(),
        "joined and left times: {guest_row:?}"
    );
    assert!(guest_row.3 >= 1, "at least a second: {guest_row:?}");
    let view: MeetingView = post(&app, &team, "meeting/get", &[("id", &id)])
        .await
        .json()
        .await
        .expect("view");
    assert!(view
        .participants
        .iter()
        .any(|p| p.user_id == host_id && p.present));
    assert!(view
        .participants
        .iter()
        .any(|p| p.user_id == guest_id && !p.present));
    // The in-meeting chat belongs to the participants.
    let chat = view.chat_room_id.expect("chat room");
    assert_eq!(
        post(&app, &buyer, "chat/room", &[("room_id", &chat)])
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        post(&app, &stranger, "chat/room", &[("room_id", &chat)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}
both_backends!(presence_records_and_signaling);

async fn scheduled_meetings_remind_their_people(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let now = db::now_millis();
    let create = |title: &'static str, at: i64| {
        let (app, team, room) = (&app, team.clone(), room.clone());
        async move {
            let resp = post(
                app,
                &team,
                "meeting/create",
                &[
                    ("title", title),
                    ("room_id", &room),
                    ("scheduled_at", &at.to_string()),
                ],
            )
            .await;
            assert!(resp.status().is_success(), "{}", resp.status());
            serde_json::from_str::<String>(&resp.text().await.expect("body")).expect("id")
        }
    };
    let soon = create("Price talk", now + 5 * 60 * 1000).await;
    let later = create("Factory tour", now + 3 * 3600 * 1000).await;
    let ended = create("Cancelled talk", now + 4 * 60 * 1000).await;
    assert_eq!(
        post(&app, &team, "meeting/end", &[("id", &ended)])
            .await
            .status(),
        StatusCode::OK
    );
    let buyer_id = Ws::connect(&app, Some(&buyer)).await.user.expect("buyer");

    // Due: the meeting within ten minutes, to the host and the invited buyer; once however
    // often the job runs (every 30 s in the background).
    let sent = app::meeting::service::send_due_reminders(&app.db, now)
        .await
        .expect("send");
    assert_eq!(sent.len(), 2, "host and buyer: {sent:?}");
    assert!(sent.contains(&buyer_id));
    let again = app::meeting::service::send_due_reminders(&app.db, now + 1000)
        .await
        .expect("send");
    assert!(again.is_empty(), "sent once: {again:?}");
    let notes = db::notification::recent(&app.db, &buyer_id, 10)
        .await
        .expect("notes");
    let starting: Vec<_> = notes
        .iter()
        .filter(|n| {
            matches!(
                n.body,
                domain::notification::NotificationBody::MeetingStarting { .. }
            ) && n.link == format!("/meetings/{soon}")
        })
        .collect();
    assert_eq!(starting.len(), 1, "{notes:?}");
    let domain::notification::NotificationBody::MeetingStarting { title, .. } = &starting[0].body
    else {
        unreachable!()
    };
    let mails = db::notification::emails_to(&app.db, "buyer@example.com")
        .await
        .expect("mails");
    assert_eq!(mails.len(), 1, "{mails:?}");
    let (subject, text) = &mails[0];
    assert!(subject.contains(title.as_str()), "{subject}");
    assert!(text.contains("take part in this meeting"), "{text}");
    // A title the host wrote reaches the buyer only with the host's name beside it; the host's
    // own reminder says "your meeting".
    assert!(subject.contains("a meeting of"), "{subject}");
    let host = crate::media::EXHIBITOR;
    let (host_name,): (String,) = sqlx::query_as("SELECT display_name FROM users WHERE email = $1")
        .bind(host)
        .fetch_one(&app.sql().await)
        .await
        .expect("host");
    assert!(subject.contains(&host_name), "{subject}");
    let own = db::notification::emails_to(&app.db, host)
        .await
        .expect("mails");
    assert!(
        own.iter()
            .any(|(s, _)| s.starts_with("Your meeting") || s.contains("您的会议")),
        "{own:?}"
    );

    // The later one when its time comes; an ended meeting never; one long past never.
    let sent = app::meeting::service::send_due_reminders(&app.db, now + 3 * 3600 * 1000 - 60_000)
        .await
        .expect("send");
    assert_eq!(sent.len(), 2, "{sent:?}");
    let notes = db::notification::recent(&app.db, &buyer_id, 10)
        .await
        .expect("notes");
    assert!(notes.iter().any(|n| n.link == format!("/meetings/{later}")));
    assert!(notes.iter().all(|n| n.link != format!("/meetings/{ended}")));
}
both_backends!(scheduled_meetings_remind_their_people);

async fn a_removed_participant_leaves_the_meeting_chat(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let resp = post(
        &app,
        &team,
        "meeting/create",
        &[("title", "Engine pricing"), ("room_id", &room)],
    )
    .await;
    let id: String = serde_json::from_str(&resp.text().await.expect("body")).expect("id");
    let joined: ParticipantState = post(&app, &buyer, "meeting/join", &[("id", &id)])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(joined, ParticipantState::Admitted);
    let view: MeetingView = post(&app, &buyer, "meeting/get", &[("id", &id)])
        .await
        .json()
        .await
        .expect("view");
    let chat = view.chat_room_id.expect("the meeting's chat");
    let chat_topic = format!("chat:{chat}");
    let mut ws = Ws::connect(&app, Some(&buyer)).await;
    let buyer_id = ws.user.clone().expect("signed in");
    ws.subscribe(&chat_topic, None).await;
    assert_eq!(
        post(&app, &buyer, "chat/room", &[("room_id", &chat)])
            .await
            .status(),
        StatusCode::OK
    );
    let removed = post(
        &app,
        &team,
        "meeting/control",
        &[("id", &id), ("user_id", &buyer_id), ("action", "remove")],
    )
    .await;
    assert_eq!(removed.status(), StatusCode::OK);
    // The open socket loses the chat's topic…
    assert!(matches!(
        ws.until(|f| matches!(f, ServerFrame::Refused { topic: Some(t), .. } if *t == chat_topic))
            .await,
        ServerFrame::Refused { .. }
    ));
    // …a new subscription is refused, and the history too.
    ws.send(json!({"t": "sub", "topic": chat_topic})).await;
    assert!(matches!(
        ws.until(|f| matches!(
            f,
            ServerFrame::Refused { .. } | ServerFrame::Subscribed { .. }
        ))
        .await,
        ServerFrame::Refused { .. }
    ));
    assert_eq!(
        post(&app, &buyer, "chat/room", &[("room_id", &chat)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    // Messages sent there afterwards never reach them.
    let sent = post(
        &app,
        &team,
        "chat/send",
        &[
            ("room_id", &chat),
            ("text", "Only for those still here"),
            ("cid", "c-1"),
        ],
    )
    .await;
    assert!(sent.status().is_success(), "{}", sent.status());
    ws.quiet(500).await;
}
both_backends!(a_removed_participant_leaves_the_meeting_chat);

async fn organizers_follow_no_private_room_they_cannot_read(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let BoothTalk { room, .. } = booth_talk(&app).await;
    let organizer =
        crate::realtime::session_cookie(&app, "organizer@expo.example", "expo-demo-2026").await;
    // HTTP history of a booth conversation they are not part of: refused…
    assert_eq!(
        post(&app, &organizer, "chat/room", &[("room_id", &room)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    // …and the socket says the same.
    let mut ws = Ws::connect(&app, Some(&organizer)).await;
    ws.send(json!({"t": "sub", "topic": format!("chat:{room}")}))
        .await;
    assert!(matches!(
        ws.until(|f| matches!(
            f,
            ServerFrame::Refused { .. } | ServerFrame::Subscribed { .. }
        ))
        .await,
        ServerFrame::Refused { .. }
    ));
}
both_backends!(organizers_follow_no_private_room_they_cannot_read);

async fn invitations_can_be_declined_blocked_and_are_rate_limited(backend: Backend) {
    use domain::meeting::MeetingSummary;
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let BoothTalk { team, room, .. } = booth_talk(&app).await;
    let resp = post(
        &app,
        &team,
        "meeting/create",
        &[("title", "Cheap offer, click now"), ("room_id", &room)],
    )
    .await;
    let id: String = serde_json::from_str(&resp.text().await.expect("body")).expect("id");
    let pestered = new_person(&app, "pestered@example.com").await;
    let invite = |email: &'static str| {
        let (app, team, id) = (&app, team.clone(), id.clone());
        async move {
            post(
                app,
                &team,
                "meeting/invite",
                &[("id", &id), ("email", email), ("role", "guest")],
            )
            .await
            .status()
        }
    };
    assert_eq!(invite("pestered@example.com").await, StatusCode::OK);
    // The invited person sees who invites them, and declines and blocks.
    let mine: Vec<MeetingSummary> = post(&app, &pestered, "meeting/mine", &[])
        .await
        .json()
        .await
        .expect("json");
    let inv = mine.iter().find(|m| m.id == id).expect("the invitation");
    assert_eq!(inv.state, ParticipantState::Invited);
    assert!(!inv.host.is_empty());
    let r = post(
        &app,
        &pestered,
        "meeting/decline",
        &[("id", &id), ("block", "true")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let mine: Vec<MeetingSummary> = post(&app, &pestered, "meeting/mine", &[])
        .await
        .json()
        .await
        .expect("json");
    assert!(
        mine.iter().all(|m| m.id != id),
        "a declined meeting leaves the list"
    );
    // The host sees it declined; a new invitation is answered the same and changes nothing.
    let view: MeetingView = post(&app, &team, "meeting/get", &[("id", &id)])
        .await
        .json()
        .await
        .expect("view");
    let p = view
        .participants
        .iter()
        .find(|p| p.state == ParticipantState::Declined)
        .expect("declined");
    assert_eq!(invite("pestered@example.com").await, StatusCode::OK);
    let view: MeetingView = post(&app, &team, "meeting/get", &[("id", &id)])
        .await
        .json()
        .await
        .expect("view");
    assert!(view
        .participants
        .iter()
        .any(|q| q.user_id == p.user_id && q.state == ParticipantState::Declined));
    // Declining twice is fine; a stranger has nothing to decline.
    let stranger = new_person(&app, "nobody-invited@example.com").await;
    assert_eq!(
        post(&app, &stranger, "meeting/decline", &[("id", &id)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    // A host cannot flood people with invitations.
    let mut limited = false;
    for _ in 0..app::meeting::service::INVITES_PER_HOUR + 1 {
        match invite("someone@example.com").await {
            StatusCode::OK => {}
            StatusCode::TOO_MANY_REQUESTS => {
                limited = true;
                break;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert!(limited, "rate-limited");
}
both_backends!(invitations_can_be_declined_blocked_and_are_rate_limited);

async fn a_meeting_is_planned_in_the_readers_time_zone_with_its_invitees(backend: Backend) {
    use domain::meeting::MeetingSummary;
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let BoothTalk { buyer, team, .. } = booth_talk(&app).await;
    let mine = |cookie: String| {
        let app = &app;
        async move {
            post(app, &cookie, "meeting/mine", &[])
                .await
                .json::<Vec<MeetingSummary>>()
                .await
                .expect("json")
        }
    };
    let before = mine(team.clone()).await.len();
    // Bad input is refused by field, and no meeting is made.
    for (when, invitees, field) in [
        ("2031-02-30T10:00", "", "meeting-error-when"),
        ("2020-01-01T10:00", "", "meeting-error-past"),
        (
            "2031-03-01T10:00",
            "not an address, buyer@example.com",
            "meeting-error-invitees",
        ),
    ] {
        let (status, body) = status_code(
            post(
                &app,
                &team,
                "meeting/create",
                &[
                    ("title", "Price talk"),
                    ("plan[when]", when),
                    ("plan[zone]", "Europe/Berlin"),
                    ("plan[invitees]", invitees),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{when}: {body}");
        assert!(body.contains(field), "{body}");
    }
    assert_eq!(mine(team.clone()).await.len(), before);
    // 10:00 in Berlin on 1 March 2031 is 09:00 UTC; the buyer is invited with it.
    let resp = post(
        &app,
        &team,
        "meeting/create",
        &[
            ("title", "Price talk"),
            ("plan[when]", "2031-03-01T10:00"),
            ("plan[zone]", "Europe/Berlin"),
            (
                "plan[invitees]",
                "buyer@example.com, someone-unknown@example.com",
            ),
        ],
    )
    .await;
    assert!(resp.status().is_success() || resp.status().is_redirection());
    let id: String = serde_json::from_str(&resp.text().await.expect("body")).expect("id");
    let planned = mine(buyer.clone())
        .await
        .into_iter()
        .find(|m| m.id == id)
        .expect("the buyer is invited");
    assert_eq!(planned.scheduled_at, Some(1_930_122_000_000));
    assert_eq!(planned.state, ParticipantState::Invited);
    // Without a zone (no JavaScript), the expo's own (Asia/Shanghai: 02:00 UTC).
    let resp = post(
        &app,
        &team,
        "meeting/create",
        &[
            ("title", "Factory tour"),
            ("plan[when]", "2031-03-01T10:00"),
        ],
    )
    .await;
    let id: String = serde_json::from_str(&resp.text().await.expect("body")).expect("id");
    let planned = mine(team.clone())
        .await
        .into_iter()
        .find(|m| m.id == id)
        .expect("planned");
    assert_eq!(planned.scheduled_at, Some(1_930_096_800_000));
}
both_backends!(a_meeting_is_planned_in_the_readers_time_zone_with_its_invitees);
