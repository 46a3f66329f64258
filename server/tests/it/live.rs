//! Live streams: the schedule and its requests, who may go live, chunk checks, relaying to
//! viewers (late joiners start at a keyframe cluster), one broadcaster at a time, the
//! recording after an abrupt disconnect, and replays served with Range.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::{own_exhibitor, EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::realtime::{new_person, session_cookie};
use futures_util::{SinkExt, StreamExt};
use std::time::Duration;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

pub(crate) const ORGANIZER: &str = "organizer@expo.example";
pub(crate) const MIME: &str = "video%2Fwebm%3Bcodecs%3Dvp8%2Copus";

pub(crate) type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A tiny WebM writer: just enough of EBML for a live stream like MediaRecorder's.
pub(crate) mod webm {
    fn size(n: usize) -> Vec<u8> {
        let mut v = vec![0x01];
        v.extend_from_slice(&(n as u64).to_be_bytes()[1..]);
        v
    }

    pub fn element(id: &[u8], body: &[u8]) -> Vec<u8> {
        let mut v = id.to_vec();
        v.extend(size(body.len()));
        v.extend_from_slice(body);
        v
    }

    fn uint(id: &[u8], n: u64) -> Vec<u8> {
        element(id, &n.to_be_bytes())
    }

    /// EBML header, Segment (unknown size), Info, Tracks (1: VP8 video, 2: Opus audio).
    pub fn header() -> Vec<u8> {
        let mut ebml = uint(&[0x42, 0x86], 1);
        ebml.extend(element(&[0x42, 0x82], b"webm"));
        ebml.extend(uint(&[0x42, 0x87], 4));
        ebml.extend(uint(&[0x42, 0x85], 2));
        let mut out = element(&[0x1A, 0x45, 0xDF, 0xA3], &ebml);
        out.extend([
            0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        ]);
        let mut info = uint(&[0x2A, 0xD7, 0xB1], 1_000_000);
        info.extend(element(&[0x4D, 0x80], b"test"));
        info.extend(element(&[0x57, 0x41], b"test"));
        out.extend(element(&[0x15, 0x49, 0xA9, 0x66], &info));
        let mut video = uint(&[0xD7], 1);
        video.extend(uint(&[0x73, 0xC5], 11));
        video.extend(uint(&[0x83], 1));
        video.extend(element(&[0x86], b"V_VP8"));
        let mut audio = uint(&[0xD7], 2);
        audio.extend(uint(&[0x73, 0xC5], 22));
        audio.extend(uint(&[0x83], 2));
        audio.extend(element(&[0x86], b"A_OPUS"));
        let mut tracks = element(&[0xAE], &video);
        tracks.extend(element(&[0xAE], &audio));
        out.extend(element(&[0x16, 0x54, 0xAE, 0x6B], &tracks));
        out
    }

    fn block(track: u8, rel: i16, key: bool, len: usize) -> Vec<u8> {
        let mut body = vec![0x80 | track];
        body.extend_from_slice(&rel.to_be_bytes());
        body.push(if key { 0x80 } else { 0x00 });
        body.extend(std::iter::repeat_n(0x5A, len));
        element(&[0xA3], &body)
    }

    /// A one-second cluster (unknown size) at `ms`: a video keyframe first when `key`, then
    /// video frames and audio blocks.
    pub fn cluster(ms: u64, key: bool) -> Vec<u8> {
        let mut out = vec![
            0x1F, 0x43, 0xB6, 0x75, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        ];
        out.extend(uint(&[0xE7], ms));
        out.extend(block(1, 0, key, 900));
        for i in 1..30i16 {
            out.extend(block(2, i * 33 - 10, true, 60));
            out.extend(block(1, i * 33, false, 300));
        }
        out
    }
}

pub(crate) async fn socket(app: &TestApp, path: &str, cookie: Option<&str>) -> Result<Socket, u16> {
    let url = app.url(path).replacen("http://", "ws://", 1);
    let mut request = url.into_client_request().expect("request");
    if let Some(c) = cookie {
        request
            .headers_mut()
            .insert("cookie", c.parse().expect("cookie header"));
    }
    match tokio_tungstenite::connect_async(request).await {
        Ok((s, _)) => Ok(s),
        Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => Err(resp.status().as_u16()),
        Err(e) => panic!("websocket: {e}"),
    }
}

/// The next message (5 s at most); `None` when the socket closed.
pub(crate) async fn next(s: &mut Socket) -> Option<Message> {
    tokio::time::timeout(Duration::from_secs(5), s.next())
        .await
        .expect("a message within 5 s")
        .and_then(Result::ok)
}

/// Text messages are skipped until a binary one (or the close) comes.
pub(crate) async fn next_binary(s: &mut Socket) -> Option<Vec<u8>> {
    loop {
        match next(s).await? {
            Message::Binary(b) => return Some(b.to_vec()),
            Message::Close(_) => return None,
            _ => {}
        }
    }
}

/// The close frame's code and reason (skipping anything before it).
pub(crate) async fn closed(s: &mut Socket) -> (u16, String) {
    loop {
        match next(s).await {
            Some(Message::Close(Some(f))) => return (u16::from(f.code), f.reason.to_string()),
            Some(Message::Close(None)) | None => return (1005, String::new()),
            _ => {}
        }
    }
}

/// Text messages until one of `kind` (media bytes in between are skipped).
pub(crate) async fn text_until(s: &mut Socket, kind: &str) -> serde_json::Value {
    loop {
        match next(s).await {
            Some(Message::Text(t)) => {
                let v: serde_json::Value = serde_json::from_str(t.as_str()).expect("json");
                if v["t"] == kind {
                    return v;
                }
            }
            Some(Message::Binary(_)) => {}
            other => panic!("socket closed waiting for {kind}: {other:?}"),
        }
    }
}

/// Waits (5 s at most) until the stream's row passes `ready` (a recording written, say).
pub(crate) async fn wait_for_row(
    app: &TestApp,
    id: &str,
    ready: impl Fn(&db::live::StreamRow) -> bool,
) -> db::live::StreamRow {
    for _ in 0..50 {
        let row = db::live::get(&app.db, id).await.expect("db").expect("row");
        if ready(&row) {
            return row;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("stream {id} never got there");
}

/// Signs in a second organizer of the demo expo (someone else who may broadcast its forums).
pub(crate) async fn second_organizer(app: &TestApp) -> String {
    let email = "second-organizer@expo.example";
    new_person(app, email).await;
    let (id,): (String,) = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.sql().await)
        .await
        .expect("user");
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("q")
        .expect("expo");
    let mut tx = app.db.begin().await.expect("tx");
    db::account::grant_role(
        &mut tx,
        &id,
        &expo.id,
        domain::account::Role::Organizer,
        None,
        db::now_millis(),
    )
    .await
    .expect("grant");
    db::commit(tx).await.expect("commit");
    session_cookie(app, email, "a-long-password-1").await
}

/// The organizer schedules a forum now; its id.
pub(crate) async fn forum_now(app: &TestApp, organizer: &str) -> String {
    let starts = chrono_like_local(0);
    let ends = chrono_like_local(3600);
    let resp = post(
        app,
        organizer,
        "live/create",
        &[
            ("slot[kind]", "forum"),
            ("slot[hall]", ""),
            ("slot[title]", "海事论坛"),
            ("slot[title_en]", "Marine forum"),
            ("slot[description]", ""),
            ("slot[description_en]", ""),
            ("slot[starts]", &starts),
            ("slot[ends]", &ends),
        ],
    )
    .await;
    assert!(resp.status().is_success(), "create {}", resp.status());
    resp.json::<String>().await.expect("id")
}

/// A `datetime-local` value `offset` seconds from now in the demo expo's zone (Shanghai, UTC+8).
pub(crate) fn chrono_like_local(offset: i64) -> String {
    let at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64
        + offset
        + 8 * 3600;
    let days = at.div_euclid(86_400);
    let secs = at.rem_euclid(86_400);
    // Civil date from days since 1970 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}",
        secs / 3600,
        (secs % 3600) / 60
    )
}

async fn schedule(app: &TestApp, cookie: Option<&str>) -> serde_json::Value {
    let mut req = app
        .new_client()
        .post(app.url("/api/live/schedule"))
        .header("accept", "application/json");
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let resp = req.send().await.expect("schedule");
    assert!(resp.status().is_success(), "schedule {}", resp.status());
    resp.json().await.expect("json")
}

/// The state of the stream titled `title` on a schedule, if it is there.
fn state_of(schedule: &serde_json::Value, title: &str) -> Option<String> {
    states(schedule)
        .into_iter()
        .find(|(t, _)| t == title)
        .map(|(_, s)| s)
}

fn states(schedule: &serde_json::Value) -> Vec<(String, String)> {
    schedule["streams"]
        .as_array()
        .expect("streams")
        .iter()
        .map(|s| {
            (
                s["stream"]["title"]["text"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                s["stream"]["state"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

async fn the_schedule_takes_slots_and_requests(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let visitor = new_person(&app, "viewer@example.com").await;

    // Visitors schedule nothing; bad fields are refused with their reasons.
    let form = |title: &'static str, starts: String, ends: String| {
        vec![
            ("slot[kind]", "booth".to_owned()),
            ("slot[hall]", String::new()),
            ("slot[title]", title.to_owned()),
            ("slot[starts]", starts),
            ("slot[ends]", ends),
        ]
    };
    let as_pairs = |v: &Vec<(&'static str, String)>| -> Vec<(&'static str, String)> { v.clone() };
    let send = |cookie: String, f: Vec<(&'static str, String)>| {
        let app = &app;
        async move {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post(app, &cookie, "live/create", &pairs).await
        }
    };
    let ok = form(
        "New engine launch",
        chrono_like_local(86_400),
        chrono_like_local(90_000),
    );
    assert_eq!(send(visitor.clone(), as_pairs(&ok)).await.status(), 403);
    let bad = send(
        exhibitor.clone(),
        form("", chrono_like_local(86_400), chrono_like_local(80_000)),
    )
    .await;
    assert_eq!(bad.status(), 422);
    let body = bad.text().await.expect("body");
    assert!(
        body.contains("live-error-title") && body.contains("live-error-end"),
        "{body}"
    );

    // The demo expo's schedule: the ceremony, a forum and a booth's launch.
    let seeded = states(&schedule(&app, None).await);
    assert_eq!(seeded.len(), 3, "{seeded:?}");
    assert!(seeded.iter().all(|(_, s)| s == "scheduled"));
    assert!(seeded.iter().any(|(t, _)| t == "开幕式"), "{seeded:?}");

    // An exhibitor's request waits for the organizer, unseen by the public.
    let resp = send(exhibitor.clone(), as_pairs(&ok)).await;
    assert!(resp.status().is_success(), "request {}", resp.status());
    let request: String = resp.json().await.expect("id");
    let title = "New engine launch";
    assert_eq!(state_of(&schedule(&app, None).await, title), None);
    assert_eq!(
        state_of(&schedule(&app, Some(&exhibitor)).await, title).as_deref(),
        Some("requested")
    );
    let theirs = schedule(&app, Some(&organizer)).await;
    assert_eq!(theirs["can_schedule"], true);
    assert_eq!(state_of(&theirs, title).as_deref(), Some("requested"));
    // Nor may anyone else watch it, follow its room or read its questions before then.
    assert_eq!(
        socket(&app, &format!("/live/{request}/watch"), Some(&visitor))
            .await
            .err(),
        Some(404)
    );
    assert_eq!(
        post(&app, &visitor, "live/questions", &[("id", &request)])
            .await
            .status(),
        404
    );
    let mut outsider = crate::realtime::Ws::connect(&app, Some(&visitor)).await;
    outsider
        .send(serde_json::json!({"t": "sub", "topic": format!("live:{request}")}))
        .await;
    assert!(matches!(
        outsider
            .until(|f| matches!(f, domain::realtime::ServerFrame::Refused { .. }))
            .await,
        domain::realtime::ServerFrame::Refused { .. }
    ));
    // Its broadcaster may not go live before the approval.
    assert_eq!(
        socket(
            &app,
            &format!("/live/{request}/ingest?mime={MIME}"),
            Some(&exhibitor)
        )
        .await
        .err(),
        Some(409)
    );
    // Only organizers answer.
    let answer = |cookie: String, decision: &'static str| {
        let app = &app;
        let id = request.clone();
        async move {
            post(
                app,
                &cookie,
                "live/decide",
                &[("id", &id), ("decision", decision)],
            )
            .await
            .status()
        }
    };
    assert_eq!(answer(exhibitor.clone(), "approve").await, 403);
    assert!(answer(organizer.clone(), "approve").await.is_success());
    assert_eq!(answer(organizer.clone(), "decline").await, 409);
    let public = schedule(&app, None).await;
    assert_eq!(state_of(&public, title).as_deref(), Some("scheduled"));
    // A booth stream is placed at its booth.
    let stream = public["streams"]
        .as_array()
        .expect("streams")
        .iter()
        .map(|s| &s["stream"])
        .find(|s| s["title"]["text"] == title)
        .expect("the approved stream");
    assert!(
        stream["booth_path"]
            .as_str()
            .is_some_and(|p| p.starts_with("/exhibitors/")),
        "{stream}"
    );
    assert_eq!(public["can_schedule"], false);

    // The organizer's forum, titled in the reader's language.
    let forum = forum_now(&app, &organizer).await;
    let page = app
        .new_client()
        .post(app.url("/api/live/stream"))
        .header("accept", "application/json")
        .header("accept-language", "en")
        .form(&[("id", forum.as_str())])
        .send()
        .await
        .expect("stream");
    let v: serde_json::Value = page.json().await.expect("json");
    assert_eq!(v["stream"]["title"]["text"], "Marine forum");
    assert_eq!(v["may_broadcast"], false);
    // The schedule page renders it, with the times in a <time> element.
    let html = app.html("/live").await;
    assert!(
        html.contains("New engine launch") && html.contains("<time"),
        "schedule page"
    );
    // Unknown and malformed ids are not found.
    let missing = post(&app, &visitor, "live/stream", &[("id", "nope")]).await;
    assert_eq!(missing.status(), 404);
}
both_backends!(the_schedule_takes_slots_and_requests);

async fn only_the_booth_or_organizers_go_live(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let visitor = new_person(&app, "viewer@example.com").await;
    let forum = forum_now(&app, &organizer).await;
    let ingest = format!("/live/{forum}/ingest?mime={MIME}");
    assert_eq!(socket(&app, &ingest, None).await.err(), Some(401));
    assert_eq!(socket(&app, &ingest, Some(&visitor)).await.err(), Some(403));
    // A forum is the organizers': the exhibitor may not broadcast it.
    assert_eq!(
        socket(&app, &ingest, Some(&exhibitor)).await.err(),
        Some(403)
    );
    // Not a media type we take.
    let bad_type = format!("/live/{forum}/ingest?mime=video%2Fmp4");
    assert_eq!(
        socket(&app, &bad_type, Some(&organizer)).await.err(),
        Some(422)
    );
    assert!(socket(&app, &ingest, Some(&organizer)).await.is_ok());
    assert_eq!(
        socket(&app, "/live/not-an-id/ingest", Some(&organizer))
            .await
            .err(),
        Some(404)
    );
    let _ = own_exhibitor(&app).await;
}
both_backends!(only_the_booth_or_organizers_go_live);

async fn viewers_get_the_stream_from_a_keyframe(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let forum = forum_now(&app, &organizer).await;
    // An early viewer waits for the broadcast.
    let mut early = socket(&app, &format!("/live/{forum}/watch"), None)
        .await
        .expect("watch");
    text_until(&mut early, "waiting").await;

    let mut studio = socket(
        &app,
        &format!("/live/{forum}/ingest?mime={MIME}"),
        Some(&organizer),
    )
    .await
    .expect("ingest");
    let header = webm::header();
    // The header in two pieces, split inside an element.
    studio
        .send(Message::Binary(header[..20].to_vec().into()))
        .await
        .expect("send");
    studio
        .send(Message::Binary(header[20..].to_vec().into()))
        .await
        .expect("send");
    studio
        .send(Message::Binary(webm::cluster(0, true).into()))
        .await
        .expect("send");
    let live = text_until(&mut studio, "live").await;
    assert_eq!(live["t"], "live");
    // Someone else who may broadcast is refused while the seat is taken, and the first goes
    // on (the same person's new connection takes the seat over: see
    // a_broadcaster_whose_network_dropped_takes_its_seat_back).
    let other = second_organizer(&app).await;
    let mut second = socket(
        &app,
        &format!("/live/{forum}/ingest?mime={MIME}"),
        Some(&other),
    )
    .await
    .expect("second");
    assert_eq!(
        closed(&mut second).await,
        (4409, "live-error-busy".to_owned())
    );
    studio
        .send(Message::Binary(webm::cluster(1000, false).into()))
        .await
        .expect("send");
    studio
        .send(Message::Binary(webm::cluster(2000, true).into()))
        .await
        .expect("send");
    studio
        .send(Message::Binary(webm::cluster(3000, false).into()))
        .await
        .expect("send");

    // The early viewer: the media type, then every byte in order from the header on.
    let mime = text_until(&mut early, "mime").await;
    assert_eq!(mime["mime"], "video/webm;codecs=vp8,opus");
    let mut got = Vec::new();
    // Until the fourth cluster's last frame (300 bytes of 0x5A) is in.
    while count(&got, &[0x1F, 0x43, 0xB6, 0x75]) < 4 || !got.ends_with(&[0x5A; 300]) {
        got.extend(next_binary(&mut early).await.expect("bytes"));
    }
    assert!(
        got.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]),
        "starts with the EBML header"
    );
    assert_eq!(count(&got, &[0x1F, 0x43, 0xB6, 0x75]), 4, "four clusters");

    // A late viewer: header, then from the last keyframe cluster (at 2 s), not before.
    let mut late = socket(&app, &format!("/live/{forum}/watch"), None)
        .await
        .expect("watch");
    assert_eq!(
        text_until(&mut late, "mime").await["mime"],
        "video/webm;codecs=vp8,opus"
    );
    let start = next_binary(&mut late).await.expect("start");
    assert!(start.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]));
    assert_eq!(
        count(&start, &[0x1F, 0x43, 0xB6, 0x75]),
        2,
        "from the keyframe cluster on"
    );
    let first_cluster = find(&start, &[0x1F, 0x43, 0xB6, 0x75]).expect("a cluster");
    assert!(first_cluster > 0);
    // Its timecode is 2000 ms (the Timecode element follows the 12-byte cluster header).
    let tc = &start[first_cluster + 12..];
    assert_eq!(tc[0], 0xE7);
    let len = (tc[1] & 0x7F) as usize;
    let value = tc[2..2 + len]
        .iter()
        .fold(0u64, |a, b| (a << 8) | u64::from(*b));
    assert_eq!(value, 2000);

    // The studio ends the broadcast: viewers' feeds close as ended, the replay is there.
    studio
        .send(Message::Text(r#"{"t":"end"}"#.into()))
        .await
        .expect("end");
    assert_eq!(text_until(&mut studio, "ended").await["t"], "ended");
    assert_eq!(closed(&mut late).await, (1000, "ended".to_owned()));
    let row = db::live::get(&app.db, &forum)
        .await
        .expect("db")
        .expect("row");
    assert_eq!(row.state, domain::live::StreamState::Ended);
    assert!(row.recording_key.is_some());
    assert!(
        row.recording_ms.unwrap_or(0) >= 3000,
        "{:?}",
        row.recording_ms
    );
    // Once ended, nobody goes live on it again.
    assert_eq!(
        socket(
            &app,
            &format!("/live/{forum}/ingest?mime={MIME}"),
            Some(&organizer)
        )
        .await
        .err(),
        Some(409)
    );
}
both_backends!(viewers_get_the_stream_from_a_keyframe);

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

async fn bad_chunks_are_refused_and_the_recording_survives(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let forum = forum_now(&app, &organizer).await;
    let ingest = format!("/live/{forum}/ingest?mime={MIME}");

    // Not WebM at all.
    let mut studio = socket(&app, &ingest, Some(&organizer))
        .await
        .expect("ingest");
    studio
        .send(Message::Binary(
            b"\x00\x00\x00\x18ftypmp42 this is an mp4".to_vec().into(),
        ))
        .await
        .expect("send");
    assert_eq!(
        closed(&mut studio).await,
        (4400, "live-error-not-webm".to_owned())
    );

    // A good start, then the connection drops abruptly mid-cluster.
    let mut studio = socket(&app, &ingest, Some(&organizer))
        .await
        .expect("ingest");
    let mut stream = webm::header();
    stream.extend(webm::cluster(0, true));
    stream.extend(webm::cluster(1000, false));
    let half = webm::cluster(2000, true);
    stream.extend(&half[..half.len() / 2]);
    studio
        .send(Message::Binary(stream.into()))
        .await
        .expect("send");
    text_until(&mut studio, "live").await;
    drop(studio);

    // The replay is written from what arrived: whole elements only.
    let row = wait_for_row(&app, &forum, |r| r.recording_key.is_some()).await;
    assert_eq!(
        row.state,
        domain::live::StreamState::Live,
        "still on air: it may come back"
    );
    // Not overdue until its slot (one hour) is long past.
    let secs = db::now_millis() / 1000;
    assert!(!db::live::overdue(&app.db, secs)
        .await
        .expect("db")
        .contains(&forum));
    assert!(db::live::overdue(&app.db, secs + 7200)
        .await
        .expect("db")
        .contains(&forum));
    let size = row.recording_bytes.expect("size");
    let url = app.url(&format!("/live/{forum}/replay.webm"));
    let full = app.new_client().get(&url).send().await.expect("replay");
    assert_eq!(full.status(), 200);
    assert_eq!(full.headers()["accept-ranges"], "bytes");
    let bytes = full.bytes().await.expect("bytes");
    assert_eq!(bytes.len() as i64, size);
    assert!(bytes.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]));
    // Seekable: a Segment of known size, a SeekHead and Cues.
    assert!(
        find(&bytes, &[0x11, 0x4D, 0x9B, 0x74]).is_some(),
        "SeekHead"
    );
    assert!(find(&bytes, &[0x1C, 0x53, 0xBB, 0x6B]).is_some(), "Cues");
    assert_eq!(
        count(&bytes, &[0x1F, 0x43, 0xB6, 0x75]),
        3,
        "three clusters, the third cut short"
    );
    // Range requests, for seeking.
    let part = app
        .new_client()
        .get(&url)
        .header("range", "bytes=10-99")
        .send()
        .await
        .expect("range");
    assert_eq!(part.status(), 206);
    assert_eq!(
        part.headers()["content-range"],
        format!("bytes 10-99/{size}")
    );
    assert_eq!(part.bytes().await.expect("bytes")[..], bytes[10..100]);
    let outside = app
        .new_client()
        .get(&url)
        .header("range", format!("bytes={}-", size + 10))
        .send()
        .await
        .expect("range");
    assert_eq!(outside.status(), 416);

    // The broadcaster comes back (a new recording, its clock from zero): the same stream goes
    // on, and nothing recorded before is lost.
    let mut again = socket(&app, &ingest, Some(&organizer))
        .await
        .expect("again");
    let mut second = webm::header();
    second.extend(webm::cluster(0, true));
    again
        .send(Message::Binary(second.into()))
        .await
        .expect("send");
    // A chunk over the limit closes the connection (the protocol's "too big").
    let huge = vec![0u8; domain::live::MAX_CHUNK_BYTES + 1];
    let _ = again.send(Message::Binary(huge.into())).await;
    let (code, _) = closed(&mut again).await;
    assert!(
        code == 1009 || code == 1005 || code == 1006,
        "closed: {code}"
    );
    // The recording takes the second session.
    let row = wait_for_row(&app, &forum, |r| r.recording_bytes.unwrap_or(0) > size).await;
    let ms = row.recording_ms.unwrap_or(0);
    assert!(
        ms > 3000,
        "the second recording continues the first's clock: {ms}"
    );
    // Viewers of an ended stream's page get the replay; its watch socket is refused.
    let end = post(&app, &organizer, "live/end", &[("id", &forum)]).await;
    assert!(end.status().is_success(), "end {}", end.status());
    assert_eq!(
        socket(&app, &format!("/live/{forum}/watch"), None)
            .await
            .err(),
        Some(409)
    );
    let html = app.html(&format!("/live/{forum}")).await;
    assert!(
        html.contains(&format!("src=\"/live/{forum}/replay\"")),
        "replay on the page"
    );
}
both_backends!(bad_chunks_are_refused_and_the_recording_survives);

/// The next question change on a followed `live:` topic.
async fn question_event(ws: &mut crate::realtime::Ws) -> domain::live::Question {
    use domain::live::LiveEvent;
    use domain::realtime::{EventBody, ServerFrame};
    match ws
        .until(|f| matches!(f, ServerFrame::Event(e) if matches!(e.body, EventBody::Live(LiveEvent::Question(_)))))
        .await
    {
        ServerFrame::Event(e) => match e.body {
            EventBody::Live(LiveEvent::Question(q)) => q,
            _ => unreachable!(),
        },
        _ => unreachable!(),
    }
}

async fn questions(app: &TestApp, cookie: Option<&str>, stream: &str) -> serde_json::Value {
    let mut req = app
        .new_client()
        .post(app.url("/api/live/questions"))
        .header("accept", "application/json")
        .form(&[("id", stream)]);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let resp = req.send().await.expect("questions");
    assert!(resp.status().is_success(), "questions {}", resp.status());
    resp.json().await.expect("json")
}

fn texts(q: &serde_json::Value) -> Vec<String> {
    q["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .map(|q| q["text"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn viewers_ask_and_moderators_answer(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let viewer = new_person(&app, "asker@example.com").await;
    let other = new_person(&app, "voter@example.com").await;
    let forum = forum_now(&app, &organizer).await;
    // Anyone who may see the stream follows its room; the page's viewers see questions live.
    let mut anonymous = crate::realtime::Ws::connect(&app, None).await;
    anonymous.subscribe(&format!("live:{forum}"), None).await;

    // Asking needs an account and a question.
    assert_eq!(
        app.new_client()
            .post(app.url("/api/live/ask"))
            .header("accept", "application/json")
            .form(&[("id", forum.as_str()), ("text", "Price?")])
            .send()
            .await
            .expect("ask")
            .status(),
        401
    );
    let empty = post(&app, &viewer, "live/ask", &[("id", &forum), ("text", "  ")]).await;
    assert_eq!(empty.status(), 422);
    assert!(empty
        .text()
        .await
        .expect("body")
        .contains("live-qa-error-text"));
    let ask = |cookie: String, text: &'static str| {
        let app = &app;
        let forum = forum.clone();
        async move {
            post(app, &cookie, "live/ask", &[("id", &forum), ("text", text)])
                .await
                .status()
        }
    };
    assert!(
        ask(viewer.clone(), "<script>alert(1)</script> What is the MOQ?")
            .await
            .is_success()
    );
    let q1 = question_event(&mut anonymous).await;
    assert_eq!(q1.text, "<script>alert(1)</script> What is the MOQ?");
    assert!(ask(other.clone(), "Do you ship to Hamburg?")
        .await
        .is_success());
    let q2 = question_event(&mut anonymous).await;

    // Upvotes count once per person.
    for _ in 0..2 {
        let r = post(&app, &other, "live/vote", &[("question", &q1.id)]).await;
        assert!(r.status().is_success(), "vote {}", r.status());
    }
    assert_eq!(question_event(&mut anonymous).await.votes, 1);
    let list = questions(&app, None, &forum).await;
    assert_eq!(list["moderator"], false);
    assert_eq!(
        texts(&list),
        [q1.text.clone(), q2.text.clone()],
        "most votes first"
    );

    // Only moderators pin, answer and hide.
    let act = |cookie: String, q: String, action: &'static str, answer: &'static str| {
        let app = &app;
        async move {
            post(
                app,
                &cookie,
                "live/moderate",
                &[("question", &q), ("action", action), ("answer", answer)],
            )
            .await
            .status()
        }
    };
    assert_eq!(act(viewer.clone(), q2.id.clone(), "pin", "").await, 403);
    assert!(act(organizer.clone(), q2.id.clone(), "pin", "")
        .await
        .is_success());
    assert!(question_event(&mut anonymous).await.pinned);
    assert_eq!(
        texts(&questions(&app, None, &forum).await)[0],
        q2.text,
        "pinned first"
    );
    assert!(
        act(organizer.clone(), q1.id.clone(), "answer", "500 units.")
            .await
            .is_success()
    );
    let answered = question_event(&mut anonymous).await;
    assert_eq!(answered.state, domain::live::QuestionState::Answered);
    assert_eq!(answered.answer.as_deref(), Some("500 units."));
    assert_eq!(
        act(organizer.clone(), q1.id.clone(), "delete", "").await,
        422
    );
    // The page renders question text inert.
    let html = app.html(&format!("/live/{forum}")).await;
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; What is the MOQ?"),
        "escaped"
    );
    assert!(!html.contains("<script>alert(1)</script>"));

    // The organizer removes the other person: their question is hidden, they can no longer ask,
    // vote or watch.
    assert!(act(organizer.clone(), q2.id.clone(), "ban", "")
        .await
        .is_success());
    assert_eq!(
        question_event(&mut anonymous).await.state,
        domain::live::QuestionState::Hidden
    );
    assert_eq!(
        texts(&questions(&app, None, &forum).await),
        std::slice::from_ref(&q1.text)
    );
    assert_eq!(
        texts(&questions(&app, Some(&organizer), &forum).await).len(),
        2,
        "moderators still see it"
    );
    assert_eq!(ask(other.clone(), "Hello again").await, 403);
    assert_eq!(
        post(&app, &other, "live/vote", &[("question", &q1.id)])
            .await
            .status(),
        403
    );
    assert_eq!(
        socket(&app, &format!("/live/{forum}/watch"), Some(&other))
            .await
            .err(),
        Some(403)
    );
    let mut banned = crate::realtime::Ws::connect(&app, Some(&other)).await;
    banned
        .send(serde_json::json!({"t": "sub", "topic": format!("live:{forum}")}))
        .await;
    assert!(matches!(
        banned
            .until(|f| matches!(f, domain::realtime::ServerFrame::Refused { .. }))
            .await,
        domain::realtime::ServerFrame::Refused { .. }
    ));

    // A flood of questions is refused with a clear notice (the test burst is 10).
    let mut limited = false;
    for _ in 0..15 {
        let s = ask(viewer.clone(), "Again?").await;
        if s == 429 {
            limited = true;
            break;
        }
        assert!(s.is_success(), "{s}");
    }
    assert!(limited, "rate-limited");

    // When the stream ends, the questions stay (for the replay); asking is closed.
    assert!(post(&app, &organizer, "live/end", &[("id", &forum)])
        .await
        .status()
        .is_success());
    assert_eq!(ask(viewer.clone(), "Late question").await, 409);
    assert!(texts(&questions(&app, None, &forum).await).contains(&q1.text));
}
both_backends!(viewers_ask_and_moderators_answer);

async fn reminders_go_out_once_and_broadcasts_go_in_calendars(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let viewer = new_person(&app, "reminded@example.com").await;
    let (viewer_id, _) = db::account::find_credentials(&app.db, "reminded@example.com")
        .await
        .expect("db")
        .expect("viewer");
    let slot = |starts: i64| {
        let app = &app;
        let organizer = organizer.clone();
        async move {
            let (s, e) = (chrono_like_local(starts), chrono_like_local(starts + 3600));
            let resp = post(
                app,
                &organizer,
                "live/create",
                &[
                    ("slot[kind]", "forum"),
                    ("slot[hall]", "marine"),
                    ("slot[title]", "港口电气化"),
                    ("slot[title_en]", "Shore power"),
                    ("slot[starts]", &s),
                    ("slot[ends]", &e),
                ],
            )
            .await;
            assert!(resp.status().is_success(), "create {}", resp.status());
            resp.json::<String>().await.expect("id")
        }
    };
    // One starts in about five minutes, one in two hours.
    let soon = slot(300).await;
    let later = slot(7200).await;
    let remind = |cookie: &str, id: &str, on: &str| {
        let app = &app;
        let (cookie, id, on) = (cookie.to_owned(), id.to_owned(), on.to_owned());
        async move {
            post(app, &cookie, "live/remind", &[("id", &id), ("on", &on)])
                .await
                .status()
        }
    };
    assert_eq!(
        app.new_client()
            .post(app.url("/api/live/remind"))
            .header("accept", "application/json")
            .form(&[("id", soon.as_str()), ("on", "true")])
            .send()
            .await
            .expect("remind")
            .status(),
        401
    );
    assert!(remind(&viewer, &soon, "true").await.is_success());
    assert!(
        remind(&viewer, &soon, "true").await.is_success(),
        "asking twice is once"
    );
    assert!(remind(&viewer, &later, "true").await.is_success());
    let view = post(&app, &viewer, "live/stream", &[("id", &soon)]).await;
    let v: serde_json::Value = view.json().await.expect("json");
    assert_eq!(v["reminder"], true);

    // Due: the one starting within ten minutes, not the later one; once however often the job
    // runs (it also runs in the background every 30 s).
    let now = db::now_millis();
    let _ = app::live::service::send_due_reminders(&app.db, now)
        .await
        .expect("send");
    let again = app::live::service::send_due_reminders(&app.db, now + 1000)
        .await
        .expect("send");
    assert!(again.is_empty(), "sent once: {again:?}");
    let notes = db::notification::recent(&app.db, &viewer_id, 10)
        .await
        .expect("notes");
    let starting: Vec<_> = notes
        .iter()
        .filter(|n| {
            matches!(
                n.body,
                domain::notification::NotificationBody::LiveStarting { .. }
            )
        })
        .collect();
    assert_eq!(starting.len(), 1, "{notes:?}");
    assert_eq!(starting[0].link, format!("/live/{soon}"));
    let mails = db::notification::emails_to(&app.db, "reminded@example.com")
        .await
        .expect("mails");
    assert_eq!(mails.len(), 1, "{mails:?}");
    // In the person's language (English for new accounts registered in English).
    let (subject, text) = &mails[0];
    assert!(
        subject.contains("Shore power") || subject.contains("港口电气化"),
        "{subject}"
    );
    assert!(text.contains("reminded"), "{text}");

    // Cancelled reminders do not go out; a broadcast that ended takes none.
    assert!(remind(&viewer, &later, "false").await.is_success());
    let at_later = now + 7200 * 1000;
    let sent = app::live::service::send_due_reminders(&app.db, at_later)
        .await
        .expect("send");
    assert!(!sent.contains(&viewer_id), "cancelled");
    assert!(post(&app, &organizer, "live/end", &[("id", &soon)])
        .await
        .status()
        .is_success());
    assert_eq!(remind(&viewer, &soon, "true").await, 409);

    // Add to calendar: an iCalendar event in the reader's language.
    let ics = app
        .new_client()
        .get(app.url(&format!("/live/{later}/calendar.ics")))
        .header("accept-language", "en")
        .send()
        .await
        .expect("ics");
    assert_eq!(ics.status(), 200);
    assert!(ics.headers()["content-type"]
        .to_str()
        .expect("type")
        .starts_with("text/calendar"));
    let body = ics.text().await.expect("body");
    for part in [
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "SUMMARY:Shore power",
        "DTSTART:",
        "DTEND:",
    ] {
        assert!(body.contains(part), "{part} in {body}");
    }
    assert!(body.contains(&format!("/live/{later}")), "{body}");
    assert_eq!(
        app.new_client()
            .get(app.url("/live/00000000-0000-0000-0000-000000000000/calendar.ics"))
            .send()
            .await
            .expect("ics")
            .status(),
        404
    );
}
both_backends!(reminders_go_out_once_and_broadcasts_go_in_calendars);

/// The chunks of a real Chromium `MediaRecorder` broadcast (fake camera and microphone, VP8 +
/// Opus, 250 ms chunks, a keyframe a second): two recordings of about three seconds, as a
/// studio that lost its connection and came back sends them. Chromium numbered the tracks in
/// the opposite order the second time.
fn recorded_session(session: u32) -> Vec<Vec<u8>> {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/live-reconnect");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(&format!("chunk-{session}-")))
        .collect();
    names.sort();
    assert!(names.len() > 5, "fixture chunks of session {session}");
    names
        .iter()
        .map(|n| std::fs::read(dir.join(n)).expect("chunk"))
        .collect()
}

async fn a_real_recording_with_a_reconnect_becomes_one_seekable_replay(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let forum = forum_now(&app, &organizer).await;
    let ingest = format!("/live/{forum}/ingest?mime={MIME}");

    let mut studio = socket(&app, &ingest, Some(&organizer))
        .await
        .expect("ingest");
    let first = recorded_session(1);
    for chunk in &first {
        studio
            .send(Message::Binary(chunk.clone().into()))
            .await
            .expect("send");
    }
    text_until(&mut studio, "live").await;
    // A viewer joins mid-way: the header and a keyframe cluster first.
    let mut viewer = socket(&app, &format!("/live/{forum}/watch"), None)
        .await
        .expect("watch");
    assert_eq!(
        text_until(&mut viewer, "mime").await["mime"],
        "video/webm;codecs=vp8,opus"
    );
    let start = next_binary(&mut viewer).await.expect("start");
    assert!(start.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]));
    assert!(
        find(&start, &[0x1F, 0x43, 0xB6, 0x75]).is_some(),
        "a cluster"
    );

    // The connection drops; the recording so far is a replay at once.
    drop(studio);
    let first_ms = wait_for_row(&app, &forum, |r| r.recording_ms.is_some())
        .await
        .recording_ms
        .unwrap_or(0);
    assert!(
        (2000..4500).contains(&first_ms),
        "first recording: {first_ms} ms"
    );

    // The studio comes back with a new recording; it continues the same stream.
    let mut studio = socket(&app, &ingest, Some(&organizer))
        .await
        .expect("again");
    for chunk in recorded_session(2) {
        studio
            .send(Message::Binary(chunk.into()))
            .await
            .expect("send");
    }
    studio
        .send(Message::Text(r#"{"t":"end"}"#.into()))
        .await
        .expect("end");
    assert_eq!(text_until(&mut studio, "ended").await["t"], "ended");
    // The viewer got the second recording's frames too, then the end.
    let mut got = start.clone();
    while let Some(bytes) = next_binary(&mut viewer).await {
        got.extend(bytes);
    }
    assert_eq!(
        count(&got, &[0x1A, 0x45, 0xDF, 0xA3]),
        1,
        "one header: the second is not sent again"
    );

    let row = db::live::get(&app.db, &forum)
        .await
        .expect("db")
        .expect("row");
    let ms = row.recording_ms.expect("length");
    assert!(
        ms > first_ms + 2000 && ms < 8000,
        "whole recording: {ms} ms"
    );
    let bytes = app
        .new_client()
        .get(app.url(&format!("/live/{forum}/replay.webm")))
        .send()
        .await
        .expect("replay")
        .bytes()
        .await
        .expect("bytes");
    assert_eq!(bytes.len() as i64, row.recording_bytes.expect("size"));
    assert_eq!(count(&bytes, &[0x1A, 0x45, 0xDF, 0xA3]), 1, "one header");
    assert!(find(&bytes, &[0x1C, 0x53, 0xBB, 0x6B]).is_some(), "Cues");
    assert!(
        count(&bytes, &[0x1F, 0x43, 0xB6, 0x75]) > 15,
        "clusters of both recordings"
    );
}
both_backends!(a_real_recording_with_a_reconnect_becomes_one_seekable_replay);

async fn maintenance_stops_going_live(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let own = own_exhibitor(&app).await;
    let (booth_stream,): (String,) =
        sqlx::query_as("SELECT id FROM live_streams WHERE exhibitor_id = $1")
            .bind(&own)
            .fetch_one(&app.sql().await)
            .await
            .expect("the demo booth's launch");
    let ingest = format!("/live/{booth_stream}/ingest?mime={MIME}");
    let on = post(
        &app,
        &organizer,
        "ops/maintenance",
        &[("on", "true"), ("text[en]", "Back at 14:00 UTC.")],
    )
    .await;
    assert!(on.status().is_success(), "{}", on.status());
    // The booth's team cannot go on air while the platform is read-only…
    assert_eq!(
        socket(&app, &ingest, Some(&exhibitor)).await.err(),
        Some(503)
    );
    // …the organizers still can (an announcement about the maintenance itself).
    let forum = forum_now(&app, &organizer).await;
    let forum_ingest = format!("/live/{forum}/ingest?mime={MIME}");
    assert!(socket(&app, &forum_ingest, Some(&organizer)).await.is_ok());
    // Over: the team goes live again.
    let off = post(&app, &organizer, "ops/maintenance", &[("on", "false")]).await;
    assert!(off.status().is_success());
    assert!(socket(&app, &ingest, Some(&exhibitor)).await.is_ok());
}
both_backends!(maintenance_stops_going_live);

async fn hidden_questions_are_neither_sent_nor_replayed(backend: Backend) {
    use domain::live::{LiveEvent, QuestionState};
    use domain::realtime::{EventBody, ServerFrame};
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let viewer = new_person(&app, "rude@example.com").await;
    let forum = forum_now(&app, &organizer).await;
    let topic = format!("live:{forum}");
    let mut watching = crate::realtime::Ws::connect(&app, None).await;
    watching.subscribe(&topic, None).await;
    const SECRET: &str = "Call 555-0100 for cheap fakes";
    let asked = post(
        &app,
        &viewer,
        "live/ask",
        &[("id", &forum), ("text", SECRET)],
    )
    .await;
    assert!(asked.status().is_success());
    let q = question_event(&mut watching).await;
    assert_eq!(q.text, SECRET);
    let hide = post(
        &app,
        &organizer,
        "live/moderate",
        &[("question", &q.id), ("action", "hide"), ("answer", "")],
    )
    .await;
    assert!(hide.status().is_success());
    // The room hears it is hidden, without its text or author.
    let hidden = question_event(&mut watching).await;
    assert_eq!(hidden.state, QuestionState::Hidden);
    assert!(hidden.text.is_empty() && hidden.author.is_empty());
    // Someone following the room afterwards replays none of it.
    let mut late = crate::realtime::Ws::connect(&app, None).await;
    late.send(serde_json::json!({"t": "sub", "topic": topic, "after": 0}))
        .await;
    loop {
        match late.next().await {
            ServerFrame::Subscribed { .. } => break,
            ServerFrame::Event(e) => {
                if let EventBody::Live(LiveEvent::Question(q)) = &e.body {
                    assert!(q.text.is_empty(), "replayed text of a hidden question");
                }
            }
            _ => {}
        }
    }
    // Moderators still read it over HTTP, and showing it again tells the room in full.
    assert_eq!(
        texts(&questions(&app, Some(&organizer), &forum).await),
        [SECRET.to_owned()]
    );
    assert!(texts(&questions(&app, None, &forum).await).is_empty());
    let unhide = post(
        &app,
        &organizer,
        "live/moderate",
        &[("question", &q.id), ("action", "unhide"), ("answer", "")],
    )
    .await;
    assert!(unhide.status().is_success());
    assert_eq!(question_event(&mut watching).await.text, SECRET);
}
both_backends!(hidden_questions_are_neither_sent_nor_replayed);

async fn a_booth_team_rehearses_in_a_private_test_broadcast(backend: Backend) {
    use domain::directory::{Readiness, ReadinessItem};
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let team = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let visitor = new_person(&app, "curious@example.com").await;
    let own = own_exhibitor(&app).await;
    // Only a booth's team opens one.
    assert_eq!(post(&app, &visitor, "live/test", &[]).await.status(), 403);
    assert_eq!(post(&app, &organizer, "live/test", &[]).await.status(), 403);
    let resp = post(&app, &team, "live/test", &[]).await;
    assert!(resp.status().is_success(), "{}", resp.status());
    let id: String = resp.json().await.expect("id");
    // Asking again gives the same open test.
    let again: String = post(&app, &team, "live/test", &[])
        .await
        .json()
        .await
        .expect("id");
    assert_eq!(again, id);
    // The schedule form cannot make one.
    let made = post(
        &app,
        &organizer,
        "live/create",
        &[
            ("slot[kind]", "test"),
            ("slot[hall]", ""),
            ("slot[title]", "Sneaky"),
            ("slot[starts]", &chrono_like_local(0)),
            ("slot[ends]", &chrono_like_local(600)),
        ],
    )
    .await;
    assert_eq!(made.status(), 403);
    async fn readiness(app: &TestApp, team: &str, own: &str) -> bool {
        let r: Readiness = post(app, team, "booth/readiness", &[("exhibitor_id", own)])
            .await
            .json()
            .await
            .expect("readiness");
        r.steps
            .iter()
            .any(|(i, done)| *i == ReadinessItem::TestStream && *done)
    }
    assert!(
        !readiness(&app, &team, &own).await,
        "not before it went on the air"
    );

    // On the air at once, without an approval.
    let _studio = crate::live_programme::go_live(&app, &team, &id).await;
    assert!(
        readiness(&app, &team, &own).await,
        "the test broadcast counts"
    );

    // The team and the organizers watch it; nobody else sees that it exists.
    let watch = format!("/live/{id}/watch");
    assert!(socket(&app, &watch, Some(&organizer)).await.is_ok());
    assert!(socket(&app, &watch, Some(&team)).await.is_ok());
    assert_eq!(socket(&app, &watch, Some(&visitor)).await.err(), Some(404));
    assert_eq!(socket(&app, &watch, None).await.err(), Some(404));
    assert_eq!(
        post(&app, &visitor, "live/stream", &[("id", &id)])
            .await
            .status(),
        404
    );
    let public = schedule(&app, None).await;
    let team_view = schedule(&app, Some(&team)).await;
    for s in [&public, &team_view] {
        assert!(
            !s.to_string().contains(&id),
            "a test broadcast is never on the schedule"
        );
    }
    // The booth page and the hall map do not mark the booth as on air for it.
    let booth = app.html(&format!("/exhibitors/{own}")).await;
    assert!(!booth.contains(&format!("/live/{id}")));
    assert!(!app.html("/halls/marine").await.contains(&id));
}
both_backends!(a_booth_team_rehearses_in_a_private_test_broadcast);

async fn a_room_followed_from_now_resumes_from_its_position(backend: Backend) {
    use domain::realtime::ServerFrame;
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let viewer = new_person(&app, "asker@example.com").await;
    let forum = forum_now(&app, &organizer).await;
    let topic = format!("live:{forum}");
    // A first question, before the page follows the room.
    let asked = post(
        &app,
        &viewer,
        "live/ask",
        &[("id", &forum), ("text", "Before?")],
    )
    .await;
    assert!(asked.status().is_success());
    let mut page = crate::realtime::Ws::connect(&app, None).await;
    page.send(serde_json::json!({"t": "sub", "topic": topic}))
        .await;
    let last = match page
        .until(|f| matches!(f, ServerFrame::Subscribed { .. }))
        .await
    {
        ServerFrame::Subscribed { last, .. } => last,
        _ => unreachable!(),
    };
    assert!(last > 0, "the subscription says where it stands");
    // The connection drops before any event came; a question is asked meanwhile.
    drop(page);
    let asked = post(
        &app,
        &viewer,
        "live/ask",
        &[("id", &forum), ("text", "Meanwhile?")],
    )
    .await;
    assert!(asked.status().is_success());
    // Resuming from that position replays exactly what was missed.
    let mut again = crate::realtime::Ws::connect(&app, None).await;
    again
        .send(serde_json::json!({"t": "sub", "topic": topic, "after": last}))
        .await;
    let q = question_event(&mut again).await;
    assert_eq!(q.text, "Meanwhile?");
}
both_backends!(a_room_followed_from_now_resumes_from_its_position);

async fn a_broadcaster_whose_network_dropped_takes_its_seat_back(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let forum = forum_now(&app, &organizer).await;
    let ingest = format!("/live/{forum}/ingest?mime={MIME}");
    let mut first = crate::live_programme::go_live(&app, &organizer, &forum).await;
    let mut viewer = socket(&app, &format!("/live/{forum}/watch"), None)
        .await
        .expect("watch");
    // The network drops without a close frame: the server has not noticed yet when the
    // studio comes back on a new connection, which goes on air at once (not "busy").
    let mut second = socket(&app, &ingest, Some(&organizer))
        .await
        .expect("ingest again");
    second
        .send(Message::Binary(webm::header().into()))
        .await
        .expect("send");
    second
        .send(Message::Binary(webm::cluster(1000, true).into()))
        .await
        .expect("send");
    text_until(&mut second, "live").await;
    // The old connection learns it was replaced (if it is still there to hear it).
    first
        .send(Message::Binary(webm::cluster(500, true).into()))
        .await
        .expect("send");
    assert_eq!(closed(&mut first).await.0, 4410);
    // Viewers keep watching: media still arrives.
    assert!(next_binary(&mut viewer).await.is_some());
    // Someone else who may broadcast is still refused while the seat is taken.
    let organizer2 = second_organizer(&app).await;
    let mut busy = socket(&app, &ingest, Some(&organizer2))
        .await
        .expect("ingest");
    assert_eq!(closed(&mut busy).await.0, 4409);
}
both_backends!(a_broadcaster_whose_network_dropped_takes_its_seat_back);

async fn a_paused_studio_stays_on_air(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let forum = forum_now(&app, &organizer).await;
    let mut studio = crate::live_programme::go_live(&app, &organizer, &forum).await;
    let mut viewer = socket(&app, &format!("/live/{forum}/watch"), None)
        .await
        .expect("watch");
    // Paused for 25 s (longer than the 20 s after which a silent broadcaster is dropped):
    // only the studio's keep-alives arrive.
    studio
        .send(Message::Text(r#"{"t":"paused"}"#.into()))
        .await
        .expect("pause");
    for _ in 0..5 {
        tokio::time::sleep(Duration::from_secs(5)).await;
        studio
            .send(Message::Text(r#"{"t":"paused"}"#.into()))
            .await
            .expect("keep-alive");
    }
    studio
        .send(Message::Text(r#"{"t":"resumed"}"#.into()))
        .await
        .expect("resume");
    studio
        .send(Message::Binary(webm::cluster(1000, true).into()))
        .await
        .expect("send");
    // The viewer never heard the broadcaster drop (no "away" while paused).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
    let mut media = 0;
    while let Ok(Some(Ok(m))) = tokio::time::timeout_at(deadline, viewer.next()).await {
        match m {
            Message::Text(t) => assert!(!t.as_str().contains("away"), "dropped: {t}"),
            Message::Binary(_) => media += 1,
            _ => {}
        }
    }
    assert!(media > 0, "media before and after the pause");
    let row = db::live::get(&app.db, &forum)
        .await
        .expect("q")
        .expect("row");
    assert_eq!(row.state, domain::live::StreamState::Live);
}
both_backends!(a_paused_studio_stays_on_air);
