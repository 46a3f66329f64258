//! Files attached to inquiries: chosen on the form and sent with the inquiry, added later by
//! either side (by script or by a plain form), read only by the inquiry's buyer and booth team,
//! removed only by their uploader while the inquiry is live, bounded per inquiry, and uploads
//! never sent removed after a day.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::{jpeg_with_exif, pdf, EXHIBITOR};
use crate::trade::{booth_and_product, inquiry, new_buyer, send, signed_in, view};
use domain::chat::Attachment;
use reqwest::{Client, StatusCode};

async fn upload(
    app: &TestApp,
    c: &Client,
    inquiry: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    c.post(app.url(&format!(
        "/api/trade/file?inquiry={inquiry}&name={}",
        app::shell::language_menu::encode_query_value(name)
    )))
    .header("accept", "application/json")
    .body(bytes)
    .send()
    .await
    .expect("upload")
}

async fn uploaded(
    app: &TestApp,
    c: &Client,
    inquiry: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Attachment {
    let resp = upload(app, c, inquiry, name, bytes).await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    resp.json().await.expect("file")
}

async fn fetch(app: &TestApp, c: &Client, a: &Attachment, variant: &str) -> reqwest::Response {
    c.get(app.url(&a.url_at("/api/trade/file", variant)))
        .send()
        .await
        .expect("file")
}

/// The inquiry page's plain form, as a browser without JavaScript sends it.
async fn form_upload(
    app: &TestApp,
    c: &Client,
    inquiry: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("inquiry", inquiry.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    c.post(app.url("/api/trade/file/form"))
        .header("origin", app.url(""))
        .multipart(form)
        .send()
        .await
        .expect("form upload")
}

fn location(resp: &reqwest::Response) -> String {
    resp.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

async fn files_go_with_inquiries(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (booth, product) = booth_and_product(&app).await;
    let buyer = new_buyer(&app, "buyer.files@example.com").await;
    let stranger = new_buyer(&app, "stranger.files@example.com").await;
    let team = signed_in(&app, EXHIBITOR).await;

    // On the form, before the inquiry exists: the buyer's own uploads.
    assert_eq!(
        upload(&app, &app.new_client(), "", "a.pdf", pdf(2_000))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    for (bytes, status, reason) in [
        (
            b"just some words, no file format".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "trade-error-file-type",
        ),
        (Vec::new(), StatusCode::BAD_REQUEST, "error-media-empty"),
    ] {
        let resp = upload(&app, &buyer, "", "x", bytes).await;
        assert_eq!(resp.status(), status, "{reason}");
        assert!(
            resp.text().await.expect("body").contains(reason),
            "{reason}"
        );
    }
    let spec = uploaded(&app, &buyer, "", "spec 规格.pdf", pdf(3_000)).await;
    assert_eq!(spec.kind, "document");
    assert_eq!(spec.variants, vec!["original".to_owned()]);
    let drawing = uploaded(&app, &buyer, "", "drawing.jpg", jpeg_with_exif(1600, 900)).await;
    assert_eq!(
        drawing.variants,
        vec!["w1280".to_owned(), "w320".to_owned()]
    );
    // An unsent upload is its uploader's alone.
    assert_eq!(
        fetch(&app, &buyer, &spec, "original").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        fetch(&app, &stranger, &spec, "original").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&app, &team, &spec, "original").await.status(),
        StatusCode::NOT_FOUND
    );

    // Someone else's upload cannot go with an inquiry, and the refusal stores nothing.
    let mut form = inquiry(&booth, &product, "cid-files-stranger");
    form.push(("inquiry[files]", &spec.id));
    let (status, body) = send(&app, &stranger, &form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("trade-error-files"), "{body}");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inquiries")
        .fetch_one(&app.sql().await)
        .await
        .expect("count");
    assert_eq!(n, 0);
    let mut form = inquiry(&booth, &product, "cid-files-bad");
    form.push(("inquiry[files]", "../../etc/passwd"));
    let (status, body) = send(&app, &buyer, &form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    // Sent with the inquiry.
    let both = format!("{},{}", spec.id, drawing.id);
    let mut form = inquiry(&booth, &product, "cid-files-0001");
    form.push(("inquiry[files]", &both));
    let (status, body) = send(&app, &buyer, &form).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let id: String = serde_json::from_str(&body).expect("id");
    let (_, v) = view(&app, &buyer, &id).await;
    let v = v.expect("buyer reads");
    assert_eq!(v.files.len(), 2);
    assert!(v.files.iter().all(|f| f.mine && !f.from_booth));
    assert_eq!(v.files[0].file.name, "spec 规格.pdf");
    // A file goes with one inquiry only.
    let mut again = inquiry(&booth, &product, "cid-files-0002");
    again.push(("inquiry[files]", &spec.id));
    let (status, body) = send(&app, &buyer, &again).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    // The booth's team reads them; nobody else does.
    let (_, tv) = view(&app, &team, &id).await;
    let tv = tv.expect("team reads");
    assert_eq!(tv.files.len(), 2);
    assert!(tv.files.iter().all(|f| !f.mine && !f.from_booth));
    let resp = fetch(&app, &team, &spec, "original").await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    let disposition = resp.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(disposition.contains("UTF-8''spec%20"), "{disposition}");
    assert_eq!(resp.bytes().await.expect("bytes").len(), 3_000);
    let resp = fetch(&app, &team, &drawing, "w1280").await;
    assert_eq!(resp.status(), StatusCode::OK);
    let picture = resp.bytes().await.expect("bytes");
    assert!(
        !picture.windows(4).any(|w| w == b"Exif"),
        "the camera's metadata is dropped"
    );
    assert_eq!(
        fetch(&app, &team, &drawing, "original").await.status(),
        StatusCode::NOT_FOUND
    );
    for c in [&stranger, &app.new_client()] {
        assert!(matches!(
            fetch(&app, c, &spec, "original").await.status(),
            StatusCode::NOT_FOUND | StatusCode::UNAUTHORIZED
        ));
    }
    assert_eq!(view(&app, &stranger, &id).await.0, StatusCode::NOT_FOUND);

    // The team adds a price list with the page's plain form; the page shows who sent what.
    let resp = form_upload(&app, &team, &id, "price list.pdf", pdf(4_000)).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&resp), format!("/inquiries/{id}#inquiry-files"));
    let (_, v) = view(&app, &buyer, &id).await;
    let v = v.expect("buyer reads");
    assert_eq!(v.files.len(), 3);
    let price_list = v.files.last().expect("added").clone();
    assert!(price_list.from_booth && !price_list.mine);
    assert_eq!(price_list.file.name, "price list.pdf");
    // A refused file goes back to the page with the reason, and is not kept.
    let resp = form_upload(&app, &team, &id, "notes.txt", b"plain words".to_vec()).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&resp),
        format!("/inquiries/{id}?file_error=trade-error-file-type#inquiry-files")
    );
    // A stranger's form to someone else's inquiry is refused as if it did not exist.
    let resp = form_upload(&app, &stranger, &id, "x.pdf", pdf(2_000)).await;
    assert_eq!(
        location(&resp),
        format!("/inquiries/{id}?file_error=error-not-found#inquiry-files")
    );
    let resp = upload(&app, &stranger, &id, "x.pdf", pdf(2_000)).await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    assert_eq!(view(&app, &buyer, &id).await.1.expect("v").files.len(), 3);

    // Only the uploader removes a file.
    let resp = app
        .call(&team, "trade/file/remove", &[("id", &drawing.id)])
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let resp = app
        .call(&stranger, "trade/file/remove", &[("id", &drawing.id)])
        .await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let resp = app
        .call(&buyer, "trade/file/remove", &[("id", &drawing.id)])
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        fetch(&app, &team, &drawing, "w1280").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(view(&app, &team, &id).await.1.expect("v").files.len(), 2);

    // At most ten per inquiry, from both sides together.
    for i in 0..8 {
        let c = if i % 2 == 0 { &buyer } else { &team };
        uploaded(&app, c, &id, &format!("sheet {i}.pdf"), pdf(1_500)).await;
    }
    let resp = upload(&app, &buyer, &id, "one too many.pdf", pdf(1_500)).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert!(resp
        .text()
        .await
        .expect("body")
        .contains("trade-error-files-count"));
    assert_eq!(view(&app, &buyer, &id).await.1.expect("v").files.len(), 10);

    // A settled inquiry's files stay as they are.
    let resp = app.call(&buyer, "trade/withdraw", &[("id", &id)]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = app
        .call(&buyer, "trade/file/remove", &[("id", &spec.id)])
        .await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert!(resp
        .text()
        .await
        .expect("body")
        .contains("trade-error-settled"));
    let resp = app
        .call(&team, "trade/file/remove", &[("id", &price_list.file.id)])
        .await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    let resp = upload(&app, &team, &id, "late.pdf", pdf(1_500)).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert_eq!(
        fetch(&app, &buyer, &spec, "original").await.status(),
        StatusCode::OK
    );

    // An upload never sent is removed after a day; the inquiry's files stay.
    uploaded(&app, &buyer, "", "forgotten.pdf", pdf(1_500)).await;
    let auth = server::config::Config::auth(&crate::helpers::test_config("sqlite::memory:"));
    server::housekeeping::run_once(&app.db, &auth, db::now_millis() + 2 * 24 * 3600 * 1000)
        .await
        .expect("housekeeping");
    let (pending, kept): (i64, i64) = sqlx::query_as(
        "SELECT CAST(SUM(CASE WHEN inquiry_id IS NULL THEN 1 ELSE 0 END) AS BIGINT), \
         CAST(SUM(CASE WHEN inquiry_id IS NULL THEN 0 ELSE 1 END) AS BIGINT) FROM inquiry_files",
    )
    .fetch_one(&app.sql().await)
    .await
    .expect("count");
    assert_eq!((pending, kept), (0, 10));
}
both_backends!(files_go_with_inquiries);
