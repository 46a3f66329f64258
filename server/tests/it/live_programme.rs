//! A broadcast's programme and room extras: speakers and agenda (and the replay's chapters),
//! uploaded replays and fallback videos, reactions, a removed viewer's player closing, and
//! viewers told when the broadcaster drops and comes back.

use crate::both_backends;
use crate::helpers::{error_json, Backend, TestApp};
use crate::live::{
    chrono_like_local, closed, forum_now, socket, text_until, webm, Socket, MIME, ORGANIZER,
};
use crate::media::{EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::realtime::{new_person, session_cookie};
use futures_util::SinkExt;
use tokio_tungstenite::tungstenite::Message;

/// A stream's page data as `cookie` reads it.
async fn stream(app: &TestApp, cookie: Option<&str>, id: &str) -> serde_json::Value {
    let mut req = app
        .new_client()
        .post(app.url("/api/live/stream"))
        .header("accept", "application/json")
        .header("accept-language", "en")
        .form(&[("id", id)]);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let resp = req.send().await.expect("stream");
    assert!(resp.status().is_success(), "stream {}", resp.status());
    resp.json().await.expect("json")
}

/// The first field error's message id of a refused request.
async fn refusal(resp: reqwest::Response) -> String {
    let body = error_json(resp).await;
    body["Validation"][0]["message_id"]
        .as_str()
        .or_else(|| body["Conflict"].as_str())
        .unwrap_or_default()
        .to_owned()
}

/// Goes live on `id` as `organizer` (any broadcaster): the header and a first keyframe cluster.
pub(crate) async fn go_live(app: &TestApp, organizer: &str, id: &str) -> Socket {
    let mut studio = socket(
        app,
        &format!("/live/{id}/ingest?mime={MIME}"),
        Some(organizer),
    )
    .await
    .expect("ingest");
    studio
        .send(Message::Binary(webm::header().into()))
        .await
        .expect("send");
    studio
        .send(Message::Binary(webm::cluster(0, true).into()))
        .await
        .expect("send");
    text_until(&mut studio, "live").await;
    studio
}

/// Waits until the stream's recording is in the object store.
async fn wait_for_replay(app: &TestApp, id: &str) -> db::live::StreamRow {
    crate::live::wait_for_row(app, id, |r| r.recording_key.is_some()).await
}

/// A structurally whole MP4 of `size` bytes: `ftyp`, `moov`, then an `mdat` box filling the
/// rest.
pub(crate) fn mp4(size: usize) -> Vec<u8> {
    let mut v = b"\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41".to_vec();
    v.extend_from_slice(&16u32.to_be_bytes());
    v.extend_from_slice(b"moov\0\0\0\0\0\0\0\0");
    let body = size.saturating_sub(v.len() + 8).max(1);
    v.extend_from_slice(&((body + 8) as u32).to_be_bytes());
    v.extend_from_slice(b"mdat");
    let end = v.len() + body;
    while v.len() < end {
        v.push((v.len() % 251) as u8);
    }
    v
}

async fn upload(
    app: &TestApp,
    cookie: Option<&str>,
    id: &str,
    purpose: &str,
    body: Vec<u8>,
) -> reqwest::Response {
    let mut req = app
        .new_client()
        .post(app.url(&format!("/api/live/{id}/video?use={purpose}&name=v.mp4")))
        .header("accept", "application/json")
        .body(body);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    req.send().await.expect("upload")
}

async fn speakers_and_agenda_make_the_programme_and_the_chapters(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let stranger = new_person(&app, "stranger@example.com").await;
    let forum = forum_now(&app, &organizer).await;
    let speaker = |name: &'static str, bio: &'static str| {
        vec![
            ("id", forum.clone()),
            ("speaker[name]", name.to_owned()),
            ("speaker[affiliation]", "Ningbo Port Group, CTO".to_owned()),
            ("speaker[bio]", bio.to_owned()),
            (
                "speaker[bio_en]",
                "Twenty years in port automation.".to_owned(),
            ),
        ]
    };
    let form = |v: &[(&'static str, String)]| -> Vec<(&'static str, String)> { v.to_vec() };
    let send = |cookie: String, endpoint: &'static str, fields: Vec<(&'static str, String)>| {
        let app = &app;
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post(app, &cookie, endpoint, &pairs).await
        }
    };
    // Only the broadcast's people and organizers edit it; a name is needed.
    let anonymous = app
        .new_client()
        .post(app.url("/api/live/speaker-add"))
        .header("accept", "application/json")
        .form(&[("id", forum.as_str()), ("speaker[name]", "X")])
        .send()
        .await
        .expect("add");
    assert_eq!(anonymous.status(), 401);
    let r = send(stranger.clone(), "live/speaker-add", speaker("王海", "")).await;
    assert_eq!(r.status(), 403);
    let r = send(organizer.clone(), "live/speaker-add", speaker("  ", "")).await;
    assert_eq!(r.status(), 422);
    assert_eq!(refusal(r).await, "live-speaker-error-name");
    let long_bio: &'static str = Box::leak("长".repeat(1001).into_boxed_str());
    let r = send(
        organizer.clone(),
        "live/speaker-add",
        speaker("王海", long_bio),
    )
    .await;
    assert_eq!(refusal(r).await, "live-speaker-error-bio");
    let r = send(
        organizer.clone(),
        "live/speaker-add",
        speaker("王海", "二十年港口自动化经验。"),
    )
    .await;
    assert!(r.status().is_success(), "add speaker {}", r.status());
    let page = stream(&app, None, &forum).await;
    let speakers = page["speakers"].as_array().expect("speakers");
    assert_eq!(speakers.len(), 1);
    assert_eq!(speakers[0]["name"], "王海");
    assert_eq!(speakers[0]["affiliation"], "Ningbo Port Group, CTO");
    // An English reader gets the English bio.
    assert_eq!(
        speakers[0]["bio"]["text"],
        "Twenty years in port automation."
    );
    let speaker_id = speakers[0]["id"].as_str().expect("id").to_owned();

    // Agenda items fall within the slot; a speaker must be this broadcast's.
    let item = |at: String, title: &str, speaker: &str| {
        form(&[
            ("id", forum.clone()),
            ("at", at),
            ("title", title.to_owned()),
            ("title_en", String::new()),
            ("speaker", speaker.to_owned()),
        ])
    };
    let r = send(
        organizer.clone(),
        "live/agenda-add",
        item(chrono_like_local(7200), "太晚", ""),
    )
    .await;
    assert_eq!(r.status(), 422);
    assert_eq!(refusal(r).await, "live-agenda-error-time");
    let other = forum_now(&app, &organizer).await;
    let r = send(
        organizer.clone(),
        "live/speaker-add",
        vec![("id", other.clone()), ("speaker[name]", "Ada".to_owned())],
    )
    .await;
    assert!(r.status().is_success());
    let other_speaker = stream(&app, None, &other).await["speakers"][0]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let r = send(
        organizer.clone(),
        "live/agenda-add",
        item(chrono_like_local(0), "开场", &other_speaker),
    )
    .await;
    assert_eq!(refusal(r).await, "live-agenda-error-speaker");
    for (at, title, who) in [
        (chrono_like_local(1200), "圆桌讨论", ""),
        (chrono_like_local(0), "开场致辞", speaker_id.as_str()),
    ] {
        let r = send(organizer.clone(), "live/agenda-add", item(at, title, who)).await;
        assert!(r.status().is_success(), "agenda {}", r.status());
    }
    let page = stream(&app, None, &forum).await;
    let agenda = page["agenda"].as_array().expect("agenda");
    let titles: Vec<&str> = agenda
        .iter()
        .map(|a| a["title"]["text"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(titles, ["开场致辞", "圆桌讨论"], "in time order");
    assert_eq!(agenda[0]["speaker"][1], "王海");
    assert_eq!(page["chapters"], serde_json::json!([]), "no replay yet");

    // The broadcast happens; its replay gets chapters from the agenda: the opening at the
    // start, the round table (twenty minutes in) past the end of this short recording.
    let studio = go_live(&app, &organizer, &forum).await;
    drop(studio);
    wait_for_replay(&app, &forum).await;
    let end = post(&app, &organizer, "live/end", &[("id", &forum)]).await;
    assert!(end.status().is_success());
    let page = stream(&app, None, &forum).await;
    assert_eq!(
        page["chapters"],
        serde_json::json!([{"offset_secs": 0, "title": "开场致辞", "speaker": "王海"}])
    );
    let html = app.html(&format!("/live/{forum}")).await;
    assert!(
        html.contains("开场致辞") && html.contains("王海"),
        "agenda on the page"
    );

    // Removing the speaker leaves the item without one; items are removed by id.
    let r = send(
        organizer.clone(),
        "live/speaker-remove",
        form(&[("id", forum.clone()), ("speaker", speaker_id.clone())]),
    )
    .await;
    assert!(r.status().is_success());
    let page = stream(&app, None, &forum).await;
    assert_eq!(page["speakers"], serde_json::json!([]));
    assert_eq!(page["agenda"][0]["speaker"], serde_json::Value::Null);
    let item_id = page["agenda"][1]["id"].as_str().expect("id").to_owned();
    let r = send(
        stranger.clone(),
        "live/agenda-remove",
        form(&[("id", forum.clone()), ("item", item_id.clone())]),
    )
    .await;
    assert_eq!(r.status(), 403);
    let r = send(
        organizer.clone(),
        "live/agenda-remove",
        form(&[("id", other.clone()), ("item", item_id.clone())]),
    )
    .await;
    assert_eq!(r.status(), 404, "an item of another broadcast");
    let r = send(
        organizer.clone(),
        "live/agenda-remove",
        form(&[("id", forum.clone()), ("item", item_id)]),
    )
    .await;
    assert!(r.status().is_success());
    assert_eq!(
        stream(&app, None, &forum).await["agenda"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}
both_backends!(speakers_and_agenda_make_the_programme_and_the_chapters);

async fn organizers_upload_replays_and_fallback_videos(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let stranger = new_person(&app, "stranger@example.com").await;
    let forum = forum_now(&app, &organizer).await;
    assert_eq!(
        app.new_client()
            .get(app.url(&format!("/live/{forum}/fallback")))
            .send()
            .await
            .expect("get")
            .status(),
        404,
        "no fallback yet"
    );
    // Who, what for, and what kind of file.
    assert_eq!(
        upload(&app, None, &forum, "fallback", mp4(4096))
            .await
            .status(),
        401
    );
    assert_eq!(
        upload(&app, Some(&stranger), &forum, "fallback", mp4(4096))
            .await
            .status(),
        403
    );
    assert_eq!(
        upload(&app, Some(&organizer), &forum, "poster", mp4(4096))
            .await
            .status(),
        400
    );
    let r = upload(
        &app,
        Some(&organizer),
        &forum,
        "fallback",
        crate::media::pdf(4096),
    )
    .await;
    assert_eq!(r.status(), 415);
    assert_eq!(refusal(r).await, "live-upload-error-type");

    // A fallback: served with its type and Range; the page knows where it is.
    let video = mp4(200_000);
    let r = upload(&app, Some(&organizer), &forum, "fallback", video.clone()).await;
    assert_eq!(r.status(), 201);
    let got = app
        .new_client()
        .get(app.url(&format!("/live/{forum}/fallback")))
        .send()
        .await
        .expect("get");
    assert_eq!(got.status(), 200);
    assert_eq!(got.headers()["content-type"], "video/mp4");
    assert_eq!(got.bytes().await.expect("body").to_vec(), video);
    let part = app
        .new_client()
        .get(app.url(&format!("/live/{forum}/fallback")))
        .header("range", "bytes=100-199")
        .send()
        .await
        .expect("get");
    assert_eq!(part.status(), 206);
    assert_eq!(part.bytes().await.expect("body").to_vec(), video[100..200]);
    let page = stream(&app, None, &forum).await;
    assert_eq!(page["fallback"], format!("/live/{forum}/fallback"));
    assert_eq!(page["stream"]["state"], "scheduled");

    // Not the replay of a broadcast on air; after it ended, an uploaded replay replaces the
    // recording, with its own type.
    let studio = go_live(&app, &organizer, &forum).await;
    let r = upload(&app, Some(&organizer), &forum, "replay", mp4(4096)).await;
    assert_eq!(r.status(), 409);
    assert_eq!(refusal(r).await, "live-upload-error-on-air");
    drop(studio);
    wait_for_replay(&app, &forum).await;
    assert!(post(&app, &organizer, "live/end", &[("id", &forum)])
        .await
        .status()
        .is_success());
    let replay = mp4(300_000);
    assert_eq!(
        upload(&app, Some(&organizer), &forum, "replay", replay.clone())
            .await
            .status(),
        201
    );
    let got = app
        .new_client()
        .get(app.url(&format!("/live/{forum}/replay")))
        .header("range", "bytes=-1000")
        .send()
        .await
        .expect("get");
    assert_eq!(got.status(), 206);
    assert_eq!(got.headers()["content-type"], "video/mp4");
    assert_eq!(
        got.bytes().await.expect("body").to_vec(),
        replay[replay.len() - 1000..]
    );
    assert_eq!(stream(&app, None, &forum).await["replay_uploaded"], true);

    // A broadcast that never took place gets its replay uploaded: it is over, with a replay.
    let never = forum_now(&app, &organizer).await;
    assert_eq!(
        upload(&app, Some(&organizer), &never, "replay", mp4(50_000))
            .await
            .status(),
        201
    );
    let page = stream(&app, None, &never).await;
    assert_eq!(page["stream"]["state"], "ended");
    assert_eq!(page["stream"]["has_replay"], true);
    // Both replays are in the library (rendered on the server).
    let library = app.html("/live/replays").await;
    for id in [&forum, &never] {
        assert!(
            library.contains(&format!("href=\"/live/{id}\"")),
            "{id} in the library"
        );
    }

    // A booth's broadcast falls back to the booth's promo video without an upload.
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let own = crate::media::own_exhibitor(&app).await;
    let promo = mp4(120_000);
    let r = app
        .new_client()
        .post(app.url(&format!("/api/media/upload?exhibitor={own}&name=promo.mp4")))
        .header("cookie", &exhibitor)
        .body(promo.clone())
        .send()
        .await
        .expect("upload");
    assert_eq!(r.status(), 201);
    let asked = post(
        &app,
        &exhibitor,
        "live/create",
        &[
            ("slot[kind]", "booth"),
            ("slot[hall]", ""),
            ("slot[title]", "Factory tour"),
            ("slot[starts]", &chrono_like_local(0)),
            ("slot[ends]", &chrono_like_local(1800)),
        ],
    )
    .await;
    assert!(asked.status().is_success(), "request {}", asked.status());
    let booth_stream: String = asked.json().await.expect("id");
    let page = stream(&app, Some(&exhibitor), &booth_stream).await;
    assert_eq!(page["fallback"], format!("/live/{booth_stream}/fallback"));
    let got = app
        .new_client()
        .get(app.url(&format!("/live/{booth_stream}/fallback")))
        .header("cookie", &exhibitor)
        .send()
        .await
        .expect("get");
    assert_eq!(got.bytes().await.expect("body").to_vec(), promo);
    // A request is made public by an organizer's approval, not by uploading its replay.
    let r = upload(&app, Some(&exhibitor), &booth_stream, "replay", mp4(4096)).await;
    assert_eq!(r.status(), 409);
    assert_eq!(refusal(r).await, "live-error-not-scheduled");
    assert_eq!(
        stream(&app, Some(&exhibitor), &booth_stream).await["stream"]["state"],
        "requested"
    );
    // The booth's products are beside the player.
    assert!(page["products"].as_array().is_some_and(|p| !p.is_empty()));
}
both_backends!(organizers_upload_replays_and_fallback_videos);

async fn reactions_are_counted_and_reach_the_room(backend: Backend) {
    use domain::live::{LiveEvent, Reaction};
    use domain::realtime::{EventBody, ServerFrame};
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let viewer = new_person(&app, "clapper@example.com").await;
    let forum = forum_now(&app, &organizer).await;
    let react = |cookie: String, reaction: &'static str| {
        let app = &app;
        let forum = forum.clone();
        async move {
            post(
                app,
                &cookie,
                "live/react",
                &[("id", &forum), ("reaction", reaction)],
            )
            .await
        }
    };
    let r = react(viewer.clone(), "applause").await;
    assert_eq!(r.status(), 409, "not on air yet");
    assert_eq!(refusal(r).await, "live-reaction-error-closed");
    let _studio = go_live(&app, &organizer, &forum).await;
    let mut room = crate::realtime::Ws::connect(&app, None).await;
    room.subscribe(&format!("live:{forum}"), None).await;
    assert_eq!(
        app.new_client()
            .post(app.url("/api/live/react"))
            .header("accept", "application/json")
            .form(&[("id", forum.as_str()), ("reaction", "applause")])
            .send()
            .await
            .expect("react")
            .status(),
        401
    );
    let r = react(viewer.clone(), "<script>").await;
    assert_eq!(r.status(), 422);
    assert_eq!(refusal(r).await, "live-reaction-error");
    let r = react(viewer.clone(), "applause").await;
    assert!(r.status().is_success());
    let counts: domain::live::ReactionCounts = r.json().await.expect("counts");
    assert_eq!(counts[0], (Reaction::Applause, 1));
    match room
        .until(|f| matches!(f, ServerFrame::Event(e) if matches!(e.body, EventBody::Live(LiveEvent::Reacted { .. }))))
        .await
    {
        ServerFrame::Event(e) => assert_eq!(
            e.body,
            EventBody::Live(LiveEvent::Reacted {
                reaction: Reaction::Applause,
                counts: counts.clone()
            })
        ),
        _ => unreachable!(),
    }
    // A flood is cut off with a clear answer; what went through is counted.
    let mut statuses = Vec::new();
    for _ in 0..40 {
        statuses.push(react(viewer.clone(), "love").await.status().as_u16());
    }
    assert!(statuses.contains(&429), "flood limited: {statuses:?}");
    let through = statuses.iter().filter(|s| **s == 200).count() as u64;
    let page = stream(&app, None, &forum).await;
    let reactions: domain::live::ReactionCounts =
        serde_json::from_value(page["reactions"].clone()).expect("counts");
    assert_eq!(
        reactions,
        vec![
            (Reaction::Applause, 1),
            (Reaction::Love, through),
            (Reaction::Like, 0),
            (Reaction::Wow, 0)
        ]
    );
}
both_backends!(reactions_are_counted_and_reach_the_room);

async fn viewers_hear_the_broadcaster_drop_and_removed_viewers_stop(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let viewer = new_person(&app, "heckler@example.com").await;
    let forum = forum_now(&app, &organizer).await;
    let studio = go_live(&app, &organizer, &forum).await;
    let mut anonymous = socket(&app, &format!("/live/{forum}/watch"), None)
        .await
        .expect("watch");
    let mut heckler = socket(&app, &format!("/live/{forum}/watch"), Some(&viewer))
        .await
        .expect("watch");
    text_until(&mut anonymous, "mime").await;
    text_until(&mut heckler, "mime").await;
    // The room's followers (the studio, open room pages) hear how many watch, on the hub.
    let mut room = crate::realtime::Ws::connect(&app, None).await;
    room.subscribe(&format!("live:{forum}"), None).await;
    room.until(|f| {
        matches!(
            f,
            domain::realtime::ServerFrame::Signal {
                body: domain::realtime::Hint::Viewers { count: 2 },
                ..
            }
        )
    })
    .await;
    // The broadcaster's connection drops: viewers are told (their page shows the fallback);
    // a viewer joining now is told at once; the broadcaster comes back: they are told too.
    drop(studio);
    text_until(&mut anonymous, "away").await;
    let mut late = socket(&app, &format!("/live/{forum}/watch"), None)
        .await
        .expect("watch");
    text_until(&mut late, "away").await;
    let mut studio = socket(
        &app,
        &format!("/live/{forum}/ingest?mime={MIME}"),
        Some(&organizer),
    )
    .await
    .expect("ingest");
    studio
        .send(Message::Binary(webm::header().into()))
        .await
        .expect("send");
    text_until(&mut anonymous, "back").await;

    // A moderator removes the heckler: their open player closes now, others play on.
    let asked = post(
        &app,
        &viewer,
        "live/ask",
        &[("id", &forum), ("text", "Boo")],
    )
    .await;
    assert!(asked.status().is_success());
    let questions = app
        .new_client()
        .post(app.url("/api/live/questions"))
        .header("accept", "application/json")
        .form(&[("id", forum.as_str())])
        .send()
        .await
        .expect("questions")
        .json::<serde_json::Value>()
        .await
        .expect("json");
    let question = questions["questions"][0]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let ban = post(
        &app,
        &organizer,
        "live/moderate",
        &[("question", &question), ("action", "ban")],
    )
    .await;
    assert!(ban.status().is_success(), "ban {}", ban.status());
    assert_eq!(closed(&mut heckler).await, (4403, "removed".to_owned()));
    studio
        .send(Message::Binary(webm::cluster(1000, true).into()))
        .await
        .expect("send");
    assert!(crate::live::next_binary(&mut anonymous).await.is_some());
}
both_backends!(viewers_hear_the_broadcaster_drop_and_removed_viewers_stop);

async fn uploaded_replays_and_fallbacks_survive_the_sweep(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let forum = forum_now(&app, &organizer).await;
    let fallback = mp4(100_000);
    let r = upload(&app, Some(&organizer), &forum, "fallback", fallback.clone()).await;
    assert_eq!(r.status(), 201);
    let never = forum_now(&app, &organizer).await;
    let replay = mp4(150_000);
    let r = upload(&app, Some(&organizer), &never, "replay", replay.clone()).await;
    assert_eq!(r.status(), 201);
    // A replaced fallback leaves its old file to the sweep.
    let newer = mp4(90_000);
    let r = upload(&app, Some(&organizer), &forum, "fallback", newer.clone()).await;
    assert_eq!(r.status(), 201);
    // The hourly sweep, run as if two hours had passed.
    let store = server::media::local_store(&app.media_dir.display().to_string()).expect("store");
    let later = db::now_millis() + 2 * 3600 * 1000;
    let swept = server::housekeeping::sweep_store(&app.db, store.as_ref(), later)
        .await
        .expect("sweep");
    assert_eq!(swept, 1, "only the replaced fallback goes");
    for (path, want) in [
        (format!("/live/{forum}/fallback"), newer),
        (format!("/live/{never}/replay"), replay),
    ] {
        let got = app
            .new_client()
            .get(app.url(&path))
            .send()
            .await
            .expect("get");
        assert_eq!(got.status(), 200, "{path} after the sweep");
        assert_eq!(got.bytes().await.expect("body").to_vec(), want, "{path}");
    }
}
both_backends!(uploaded_replays_and_fallbacks_survive_the_sweep);

async fn slots_are_renamed_and_moved_and_hold_six_languages(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let forum = forum_now(&app, &organizer).await;
    let in_language = |cookie: String, id: String, lang: &'static str| {
        let app = &app;
        async move {
            let resp = app
                .new_client()
                .post(app.url("/api/live/stream"))
                .header("accept", "application/json")
                .header("cookie", {
                    // The reader's language, in place of the one signing in chose.
                    let others: Vec<&str> = cookie
                        .split("; ")
                        .filter(|c| !c.is_empty() && !c.starts_with("lang="))
                        .collect();
                    format!("{}; lang={lang}", others.join("; "))
                })
                .form(&[("id", id.as_str())])
                .send()
                .await
                .expect("stream");
            assert!(resp.status().is_success());
            resp.json::<serde_json::Value>().await.expect("json")
        }
    };
    let (starts, ends) = (chrono_like_local(7200), chrono_like_local(9000));
    let update = |cookie: String, id: String| {
        let app = &app;
        let (starts, ends) = (starts.clone(), ends.clone());
        async move {
            post(
                app,
                &cookie,
                "live/update",
                &[
                    ("id", id.as_str()),
                    ("slot[kind]", "forum"),
                    ("slot[title]", "港口自动化论坛"),
                    ("slot[title_in][en]", "Port automation forum"),
                    ("slot[title_in][ko]", "항만 자동화 포럼"),
                    ("slot[title_in][ar]", "منتدى أتمتة الموانئ"),
                    ("slot[description]", "圆桌讨论"),
                    ("slot[description_in][ja]", "パネルディスカッション"),
                    ("slot[starts]", &starts),
                    ("slot[ends]", &ends),
                ],
            )
            .await
        }
    };
    // The booth's team may not move the organizers' forum.
    assert_eq!(update(exhibitor.clone(), forum.clone()).await.status(), 403);
    let r = update(organizer.clone(), forum.clone()).await;
    assert!(
        r.status().is_success() || r.status().is_redirection(),
        "{}",
        r.status()
    );
    let ko = in_language(organizer.clone(), forum.clone(), "ko").await;
    assert_eq!(ko["stream"]["title"]["text"], "항만 자동화 포럼");
    let ar = in_language(organizer.clone(), forum.clone(), "ar").await;
    assert_eq!(ar["stream"]["title"]["text"], "منتدى أتمتة الموانئ");
    let ja = in_language(organizer.clone(), forum.clone(), "ja").await;
    assert_eq!(
        ja["stream"]["description"]["text"],
        "パネルディスカッション"
    );
    // Moved: it now starts two hours later (its local start is what was sent).
    assert_eq!(ja["slot_local"][1], starts);
    // Bad input is refused by field and changes nothing.
    let bad = post(
        &app,
        &organizer,
        "live/update",
        &[
            ("id", forum.as_str()),
            ("slot[kind]", "forum"),
            ("slot[title]", " "),
            ("slot[title_in][ru]", &"д".repeat(200)),
            ("slot[starts]", &ends),
            ("slot[ends]", &starts),
        ],
    )
    .await;
    assert_eq!(bad.status(), 422);
    let body = bad.text().await.expect("body");
    assert!(
        body.contains("title_in[ru]") && body.contains("live-error-end"),
        "{body}"
    );
    let ko = in_language(organizer.clone(), forum.clone(), "ko").await;
    assert_eq!(ko["stream"]["title"]["text"], "항만 자동화 포럼");
    // Speakers' bios and agenda titles take the other languages too.
    let r = post(
        &app,
        &organizer,
        "live/speaker-add",
        &[
            ("id", forum.as_str()),
            ("speaker[name]", "王海"),
            ("speaker[bio]", "港口自动化专家"),
            ("speaker[bio_in][ru]", "Эксперт по автоматизации портов"),
        ],
    )
    .await;
    assert!(r.status().is_success(), "{}", r.status());
    let r = post(
        &app,
        &organizer,
        "live/agenda-add",
        &[
            ("id", forum.as_str()),
            ("at", &starts),
            ("title", "开场"),
            ("title_in[ko]", "개회"),
        ],
    )
    .await;
    assert!(r.status().is_success(), "{}", r.status());
    let ru = in_language(organizer.clone(), forum.clone(), "ru").await;
    assert_eq!(
        ru["speakers"][0]["bio"]["text"],
        "Эксперт по автоматизации портов"
    );
    let ko = in_language(organizer.clone(), forum.clone(), "ko").await;
    assert_eq!(ko["agenda"][0]["title"]["text"], "개회");
    // A booth's team moves its own request while it waits.
    let asked = post(
        &app,
        &exhibitor,
        "live/create",
        &[
            ("slot[kind]", "booth"),
            ("slot[hall]", ""),
            ("slot[title]", "Factory tour"),
            ("slot[starts]", &chrono_like_local(86_400)),
            ("slot[ends]", &chrono_like_local(90_000)),
        ],
    )
    .await;
    let request: String = asked.json().await.expect("id");
    let r = update(exhibitor.clone(), request.clone()).await;
    assert!(
        r.status().is_success() || r.status().is_redirection(),
        "{}",
        r.status()
    );
    let page = in_language(exhibitor.clone(), request.clone(), "ko").await;
    assert_eq!(page["stream"]["title"]["text"], "항만 자동화 포럼");
    assert_eq!(page["stream"]["state"], "requested");
}
both_backends!(slots_are_renamed_and_moved_and_hold_six_languages);
