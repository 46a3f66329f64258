//! Files in conversations: uploaded into a room by a member (pictures and PDFs only, the type
//! read from the bytes), sent once with a message, served only to those who may read the room
//! (pictures re-encoded without their metadata, PDFs as a named download), gone with a deleted
//! message, and unsent uploads cleaned up.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::jpeg_with_exif;
use crate::meeting::post;
use crate::realtime::{booth_talk, new_person, BoothTalk, Ws};
use domain::chat::{Attachment, ChatMessage, RoomView};
use reqwest::StatusCode;

async fn upload(
    app: &TestApp,
    cookie: Option<&str>,
    room: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let mut req = reqwest::Client::new()
        .post(app.url(&format!(
            "/api/chat/attach?room={room}&name={}",
            app::shell::language_menu::encode_query_value(name)
        )))
        .header("accept", "application/json")
        .body(bytes);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    req.send().await.expect("upload")
}

async fn uploaded(
    app: &TestApp,
    cookie: &str,
    room: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Attachment {
    let resp = upload(app, Some(cookie), room, name, bytes).await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    resp.json().await.expect("attachment")
}

async fn fetch(
    app: &TestApp,
    cookie: Option<&str>,
    a: &Attachment,
    variant: &str,
) -> reqwest::Response {
    let mut req = reqwest::Client::new().get(app.url(&a.url(variant)));
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    req.send().await.expect("file")
}

async fn send_with(
    app: &TestApp,
    cookie: &str,
    room: &str,
    text: &str,
    cid: &str,
    file: &str,
) -> reqwest::Response {
    post(
        app,
        cookie,
        "chat/send",
        &[
            ("room_id", room),
            ("text", text),
            ("cid", cid),
            ("attachment", file),
        ],
    )
    .await
}

fn pdf() -> Vec<u8> {
    let mut b = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n".to_vec();
    b.extend(std::iter::repeat_n(b' ', 600));
    b.extend(b"\n%%EOF\n");
    b
}

async fn files_are_sent_in_conversations_and_stay_in_them(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| c.chat_burst = 1_000).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let stranger = new_person(&app, "stranger@example.com").await;

    // Who may upload, and what.
    let photo = jpeg_with_exif(1600, 900);
    assert_eq!(
        upload(&app, None, &room, "a.jpg", photo.clone())
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        upload(&app, Some(&stranger), &room, "a.jpg", photo.clone())
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        upload(&app, Some(&buyer), "../x", "a.jpg", photo.clone())
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    for (bytes, status, reason) in [
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'></svg>".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "error-media-svg",
        ),
        (
            b"just some words, no file format".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "chat-error-file-type",
        ),
        (
            b"glTF\x02\x00\x00\x00\x10\x00\x00\x00".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "chat-error-file-type",
        ),
        (Vec::new(), StatusCode::BAD_REQUEST, "error-media-empty"),
    ] {
        let resp = upload(&app, Some(&buyer), &room, "x", bytes).await;
        assert_eq!(resp.status(), status, "{reason}");
        assert!(
            resp.text().await.expect("body").contains(reason),
            "{reason}"
        );
    }

    // A picture: re-encoded (no metadata), not yet visible to the team.
    let picture = uploaded(&app, &buyer, &room, "engine 发动机.jpg", photo).await;
    assert_eq!(picture.kind, "image");
    assert_eq!(picture.name, "engine 发动机.jpg");
    assert_eq!(
        picture.variants,
        vec!["w1280".to_owned(), "w320".to_owned()]
    );
    assert_eq!((picture.width, picture.height), (Some(1600), Some(900)));
    assert_eq!(
        fetch(&app, Some(&team), &picture, "w320").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&app, Some(&buyer), &picture, "w320").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        fetch(&app, Some(&buyer), &picture, "original")
            .await
            .status(),
        StatusCode::NOT_FOUND,
        "the original, with its metadata, is not kept"
    );

    // Sent with a message without text; the team gets it live and may open it.
    let mut watch = Ws::connect(&app, Some(&team)).await;
    watch.subscribe(&format!("chat:{room}"), None).await;
    let resp = send_with(&app, &buyer, &room, "", "f1", &picture.id).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let sent: ChatMessage = resp.json().await.expect("message");
    assert_eq!(sent.attachment.as_deref(), Some(&picture));
    assert_eq!(watch.message().await.attachment.as_deref(), Some(&picture));
    let resp = fetch(&app, Some(&team), &picture, "w1280").await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        resp.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("image/jpeg")
    );
    assert!(resp
        .headers()
        .get("cache-control")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("private")));
    let bytes = resp.bytes().await.expect("bytes");
    assert!(!bytes.windows(4).any(|w| w == b"Exif"), "metadata dropped");
    assert_eq!(
        image::load_from_memory(&bytes).expect("picture").width(),
        1280
    );
    assert_eq!(
        fetch(&app, Some(&stranger), &picture, "w320")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&app, None, &picture, "w320").await.status(),
        StatusCode::UNAUTHORIZED
    );
    // Once only, and only by its uploader.
    for (cookie, cid) in [(&buyer, "f2"), (&team, "t1")] {
        let resp = send_with(&app, cookie, &room, "again", cid, &picture.id).await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(resp
            .text()
            .await
            .expect("body")
            .contains("chat-error-file-gone"));
    }
    assert_eq!(
        send_with(&app, &buyer, &room, "", "f3", "not-an-id")
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // Without a file, a message still needs text.
    assert_eq!(
        post(
            &app,
            &buyer,
            "chat/send",
            &[("room_id", &room), ("text", " "), ("cid", "f4")]
        )
        .await
        .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // A PDF from the team: a named download, in history too.
    let quote = uploaded(&app, &team, &room, "报价单 \"Q1\".pdf", pdf()).await;
    assert_eq!(
        (quote.kind.as_str(), quote.variants.as_slice()),
        ("document", &["original".to_owned()][..])
    );
    let resp = send_with(&app, &team, &room, "Our quote", "t2", &quote.id).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let quote_message: ChatMessage = resp.json().await.expect("message");
    let resp = fetch(&app, Some(&buyer), &quote, "original").await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        resp.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/pdf")
    );
    let disposition = resp
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\""),
        "{disposition}"
    );
    assert!(
        disposition.contains("filename*=UTF-8''%E6%8A%A5"),
        "{disposition}"
    );
    assert!(
        !disposition.contains("\"Q1\""),
        "quotes cannot end the name: {disposition}"
    );
    assert_eq!(resp.bytes().await.expect("pdf").to_vec(), pdf());
    let history: RoomView = post(&app, &buyer, "chat/room", &[("room_id", &room)])
        .await
        .json()
        .await
        .expect("room");
    let files: Vec<_> = history
        .messages
        .iter()
        .filter_map(|m| m.attachment.as_ref().map(|a| a.id.clone()))
        .collect();
    assert_eq!(files, vec![picture.id.clone(), quote.id.clone()]);

    // Deleting the message takes the file with it.
    assert_eq!(
        post(
            &app,
            &team,
            "chat/delete",
            &[("message_id", quote_message.id.to_string().as_str())]
        )
        .await
        .status(),
        StatusCode::OK
    );
    assert_eq!(
        fetch(&app, Some(&buyer), &quote, "original").await.status(),
        StatusCode::NOT_FOUND
    );

    // An upload never sent is removed after a day.
    let unsent = uploaded(&app, &buyer, &room, "later.pdf", pdf()).await;
    let auth = server::config::Config::auth(&crate::helpers::test_config("sqlite::memory:"));
    server::housekeeping::run_once(&app.db, &auth, db::now_millis() + 2 * 24 * 3600 * 1000)
        .await
        .expect("housekeeping");
    // (Two days on, the sessions have expired too: both sign in again.)
    let buyer =
        crate::realtime::session_cookie(&app, "buyer@example.com", "a-long-password-1").await;
    let team =
        crate::realtime::session_cookie(&app, crate::media::EXHIBITOR, crate::media::PASSWORD)
            .await;
    assert_eq!(
        fetch(&app, Some(&buyer), &unsent, "original")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&app, Some(&team), &picture, "w320").await.status(),
        StatusCode::OK,
        "sent files stay"
    );
}
both_backends!(files_are_sent_in_conversations_and_stay_in_them);

async fn a_day_of_files_is_bounded_and_counted_for_the_organizers(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let BoothTalk { buyer, room, .. } = booth_talk(&app).await;
    let buyer_id = Ws::connect(&app, Some(&buyer)).await.user.expect("buyer");
    let pdf = crate::media::pdf(4096);
    // One file goes through and is counted for the expo.
    uploaded(&app, &buyer, &room, "catalogue.pdf", pdf.clone()).await;
    let organizer =
        crate::realtime::session_cookie(&app, "organizer@expo.example", "expo-demo-2026").await;
    let queue: domain::chat::ModerationView = post(&app, &organizer, "chat/moderation", &[])
        .await
        .json()
        .await
        .expect("queue");
    assert_eq!(queue.storage.files, 1);
    assert_eq!(queue.storage.bytes, 4096);
    assert_eq!(queue.storage.files_today, 1);
    // The day's bytes nearly used (as if large files had been sent): the next file is kept
    // only if it fits, and nothing of a refused one stays behind.
    let fill = |n: i64, size: i64| {
        let (app, room, buyer_id) = (&app, room.clone(), buyer_id.clone());
        async move {
            for _ in 0..n {
                sqlx::query(
                    "INSERT INTO chat_attachments (id, room_id, uploaded_by, message_id, kind, \
                     content_type, byte_size, name, width, height, variants, created_at) \
                     VALUES ($1, $2, $3, NULL, 'document', 'application/pdf', $4, 'x.pdf', NULL, NULL, '[]', $5)",
                )
                .bind(db::new_id())
                .bind(&room)
                .bind(&buyer_id)
                .bind(size)
                .bind(db::now_millis())
                .execute(&app.sql().await)
                .await
                .expect("fill");
            }
        }
    };
    fill(1, domain::chat::ATTACHMENT_BYTES_PER_DAY - 4096 - 1000).await;
    let files_before = crate::media::files_under(&app.media_dir);
    let resp = upload(&app, Some(&buyer), &room, "big.pdf", pdf.clone()).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    let body = resp.text().await.expect("body");
    assert!(body.contains("chat-error-file-quota"), "{body}");
    assert_eq!(crate::media::files_under(&app.media_dir), files_before);
    // Too many files in the day: refused before a byte is stored.
    let other = new_person(&app, "busy@example.com").await;
    let other_room =
        crate::realtime::booth_room(&app, &other, &crate::media::own_exhibitor(&app).await).await;
    let other_id = Ws::connect(&app, Some(&other)).await.user.expect("other");
    for _ in 0..domain::chat::ATTACHMENTS_PER_DAY {
        sqlx::query(
            "INSERT INTO chat_attachments (id, room_id, uploaded_by, message_id, kind, \
             content_type, byte_size, name, width, height, variants, created_at) \
             VALUES ($1, $2, $3, NULL, 'document', 'application/pdf', 10, 'x.pdf', NULL, NULL, '[]', $4)",
        )
        .bind(db::new_id())
        .bind(&other_room)
        .bind(&other_id)
        .bind(db::now_millis())
        .execute(&app.sql().await)
        .await
        .expect("fill");
    }
    let resp = upload(&app, Some(&other), &other_room, "one-more.pdf", pdf).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    // The organizers see the day's figures grow.
    let queue: domain::chat::ModerationView = post(&app, &organizer, "chat/moderation", &[])
        .await
        .json()
        .await
        .expect("queue");
    assert_eq!(queue.storage.files, 2 + domain::chat::ATTACHMENTS_PER_DAY);
}
both_backends!(a_day_of_files_is_bounded_and_counted_for_the_organizers);
