//! Several expos and the expo's logo: creating an expo (not public, its creator organizes it),
//! switching the console to it, making it public; uploading, serving, replacing and removing
//! the logo; who may do any of it; bad files.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::{jpeg_with_exif, EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::realtime::{new_person, session_cookie};
use reqwest::StatusCode;

const ORGANIZER: &str = "organizer@expo.example";

async fn body(resp: reqwest::Response) -> (StatusCode, String) {
    let status = resp.status();
    (status, resp.text().await.expect("body"))
}

async fn page(app: &TestApp, path: &str) -> String {
    app.html(path).await
}

async fn upload_logo(app: &TestApp, cookie: &str, bytes: Vec<u8>, json: bool) -> reqwest::Response {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name("logo.jpg"),
    );
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(app.url("/api/expo/logo"))
        .header(
            "accept",
            if json {
                "application/json"
            } else {
                "text/html"
            },
        )
        .header("cookie", cookie)
        .multipart(form)
        .send()
        .await
        .expect("upload")
}

async fn logo_is_uploaded_shown_replaced_and_removed(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    assert!(
        page(&app, "/").await.contains("brand-mark"),
        "the platform's mark at first"
    );

    // Who may.
    assert_eq!(
        upload_logo(&app, "", jpeg_with_exif(600, 300), true)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        upload_logo(&app, &exhibitor, jpeg_with_exif(600, 300), true)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    // Bad files, each with its reason.
    let svg =
        br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.to_vec();
    let mut corrupt = b"\x89PNG\r\n\x1a\n".to_vec();
    corrupt.extend(std::iter::repeat_n(0x42, 1000));
    for (bytes, id) in [
        (Vec::new(), "error-media-empty"),
        (svg, "error-media-svg"),
        (
            b"%PDF-1.7 not a picture at all, padded out to be long enough".repeat(20),
            "error-media-picture-only",
        ),
        (vec![0xAB; 4096], "error-media-type"),
        (corrupt, "error-media-corrupt"),
        (vec![0xFF; (5 << 20) + 1000], "error-media-too-large"),
    ] {
        let (status, text) = body(upload_logo(&app, &organizer, bytes, true).await).await;
        assert!(status.is_client_error(), "{id}: {status}");
        assert!(
            text.contains(id)
                || (id == "error-media-type" && text.contains("error-media-picture-only")),
            "{id}: {text}"
        );
    }
    assert!(
        page(&app, "/").await.contains("brand-mark"),
        "nothing was kept"
    );

    let (status, text) =
        body(upload_logo(&app, &organizer, jpeg_with_exif(600, 300), true).await).await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let uploaded: serde_json::Value = serde_json::from_str(&text).expect("json");
    let first = uploaded["id"].as_str().expect("id").to_owned();
    assert_eq!(uploaded["variants"], serde_json::json!(["w512", "w256"]));
    let served = reqwest::get(app.url(&format!("/media/{first}/w256")))
        .await
        .expect("get");
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    let bytes = served.bytes().await.expect("bytes");
    assert!(
        !bytes.windows(4).any(|w| w == b"Exif"),
        "metadata is not served"
    );
    assert_eq!(
        reqwest::get(app.url(&format!("/media/{first}/original")))
            .await
            .expect("get")
            .status(),
        StatusCode::NOT_FOUND,
        "the original is not kept"
    );
    for path in ["/", "/halls", "/help"] {
        let html = page(&app, path).await;
        assert!(
            html.contains(&format!(
                r#"<img src="/media/{first}/w256" alt="" class="brand-logo">"#
            )),
            "{path}"
        );
    }
    let setup = page_as(&app, &organizer, "/dashboard/setup").await;
    assert!(
        setup.contains(&format!("/media/{first}/w256")) && setup.contains("/api/expo/logo/remove")
    );

    // A plain form (no JavaScript) replaces it and returns to the setup page.
    let resp = upload_logo(&app, &organizer, jpeg_with_exif(200, 200), false).await;
    assert!(resp.status().is_redirection());
    assert_eq!(resp.headers()["location"], "/dashboard/setup?logo=saved");
    let html = page(&app, "/").await;
    assert!(!html.contains(&first), "the old logo is gone from pages");
    assert_eq!(
        reqwest::get(app.url(&format!("/media/{first}/w256")))
            .await
            .expect("get")
            .status(),
        StatusCode::NOT_FOUND
    );
    // A small picture is kept at its own width (no variant larger than the upload).
    let second = html
        .split(r#"<img src="/media/"#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("new logo")
        .to_owned();
    assert!(second.ends_with("/w200"), "{second}");
    // A refused plain upload returns with the reason.
    let resp = upload_logo(&app, &organizer, b"hello".to_vec(), false).await;
    assert_eq!(
        resp.headers()["location"],
        "/dashboard/setup?logo_error=error-media-picture-only"
    );
    let setup = page_as(
        &app,
        &organizer,
        "/dashboard/setup?logo_error=error-media-picture-only",
    )
    .await;
    assert!(
        setup.contains("此处必须是 JPEG、PNG 或 WebP 图片。"),
        "reason shown (in Chinese)"
    );
    let forged = page_as(&app, &organizer, "/dashboard/setup?logo_error=%3Cscript%3E").await;
    assert!(
        !forged.contains("<script>") && forged.contains("alert-error"),
        "only our own ids"
    );

    // The store sweep keeps the logo's files and removes the replaced ones.
    let store = server::media::local_store(app.media_dir.to_str().expect("dir")).expect("store");
    let later = db::now_millis() + 2 * 3600 * 1000;
    let removed = server::housekeeping::sweep_store(&app.db, store.as_ref(), later)
        .await
        .expect("sweep");
    assert!(removed >= 2, "the first logo's files: {removed}");
    assert_eq!(
        reqwest::get(app.url(&format!("/media/{second}")))
            .await
            .expect("get")
            .status(),
        StatusCode::OK
    );

    // Removing it: only organizers; then pages show the mark again.
    let (status, _) = body(post(&app, &exhibitor, "expo/logo/remove", &[]).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = body(post(&app, &organizer, "expo/logo/remove", &[]).await).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let html = page(&app, "/").await;
    assert!(!html.contains("brand-logo") && html.contains("brand-mark"));
    let audit = db::audit::recent(&app.db, "expo.logo", 10)
        .await
        .expect("audit");
    assert_eq!(audit.len(), 2);
}
both_backends!(logo_is_uploaded_shown_replaced_and_removed);

async fn page_as(app: &TestApp, cookie: &str, path: &str) -> String {
    reqwest::Client::new()
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html")
}

pub(crate) fn new_expo_form<'a>(
    en: &'a str,
    starts: &'a str,
    ends: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("input[name][en]", en),
        ("input[name][zh_cn]", "2027 春季海洋博览会"),
        ("input[starts_on]", starts),
        ("input[ends_on]", ends),
        ("input[time_zone]", "Asia/Shanghai"),
    ]
}

#[derive(serde::Deserialize)]
struct Setup {
    expo_id: String,
    is_public: bool,
    halls: Vec<serde_json::Value>,
}

async fn setup_of(app: &TestApp, cookie: &str) -> Setup {
    let resp = post(app, cookie, "setup/get", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("setup")
}

async fn expos_are_created_managed_and_made_public(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let visitor = new_person(&app, "curious@visitor.example").await;
    let seeded = setup_of(&app, &organizer).await;
    assert!(seeded.is_public);
    let landing = page(&app, "/").await;
    assert!(!landing.contains("Spring Marine Expo 2027"));

    // Who may create one.
    let form = new_expo_form("Spring Marine Expo 2027", "2026-06-01", "2026-06-05");
    assert_eq!(
        post(&app, "", "setup/create-expo", &form).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post(&app, &exhibitor, "setup/create-expo", &form)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(&app, &visitor, "setup/create-expo", &form)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    // Checked like the settings.
    let (status, text) = body(
        post(
            &app,
            &organizer,
            "setup/create-expo",
            &new_expo_form("", "2026-06-05", "2026-06-01"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("setup-error-date-order"), "{text}");

    // Created: it starts earlier than the seeded expo, yet the home page keeps the public one.
    let resp = post(&app, &organizer, "setup/create-expo", &form).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let set_cookie = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("console_expo="))
        .expect("the console switches to the new expo")
        .to_owned();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    let new_id: String = resp.json().await.expect("id");
    assert!(set_cookie.starts_with(&format!("console_expo={new_id};")));
    assert!(!page(&app, "/").await.contains("Spring Marine Expo 2027"));
    let managing = format!("{organizer}; console_expo={new_id}");
    let new = setup_of(&app, &managing).await;
    assert_eq!(new.expo_id, new_id);
    assert!(!new.is_public && new.halls.is_empty());
    // Without the cookie (another browser) the console manages the public expo.
    assert_eq!(setup_of(&app, &organizer).await.expo_id, seeded.expo_id);

    // A form opened for the public expo, sent after the console switched (another tab), is
    // refused rather than written to the new expo.
    let mut stale = new_expo_form("Overwritten?", "2026-06-01", "2026-06-05");
    stale.push(("expo_id", seeded.expo_id.as_str()));
    let (status, text) = body(post(&app, &managing, "setup/save-expo", &stale).await).await;
    assert_eq!(status, StatusCode::CONFLICT, "{text}");
    assert!(text.contains("setup-error-switched"), "{text}");
    let stale_logo = reqwest::multipart::Form::new()
        .text("expo_id", seeded.expo_id.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(jpeg_with_exif(300, 300)).file_name("l.jpg"),
        );
    let resp = reqwest::Client::new()
        .post(app.url("/api/expo/logo"))
        .header("accept", "application/json")
        .header("cookie", &managing)
        .multipart(stale_logo)
        .send()
        .await
        .expect("upload");
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    let mut fresh = new_expo_form("Spring Marine Expo 2027", "2026-06-01", "2026-06-05");
    fresh.push(("expo_id", new_id.as_str()));
    let (status, text) = body(post(&app, &managing, "setup/save-expo", &fresh).await).await;
    assert_eq!(status, StatusCode::OK, "{text}");

    // Console actions go to the managed expo.
    let (status, text) = body(
        post(
            &app,
            &managing,
            "setup/add-hall",
            &[
                ("input[name][en]", "Deck Machinery"),
                ("input[industry]", "marine"),
                ("input[width]", "1200"),
                ("input[height]", "700"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert_eq!(setup_of(&app, &managing).await.halls.len(), 1);
    assert!(
        !page(&app, "/halls").await.contains("Deck Machinery"),
        "not public yet"
    );

    // The list marks which is public and which is managed.
    let list: Vec<serde_json::Value> = post(&app, &managing, "setup/expos", &[])
        .await
        .json()
        .await
        .expect("list");
    assert_eq!(list.len(), 2);
    let row = |id: &str| list.iter().find(|e| e["id"] == id).expect("row").clone();
    assert_eq!(
        (
            row(&new_id)["is_public"].as_bool(),
            row(&new_id)["is_managed"].as_bool()
        ),
        (Some(false), Some(true))
    );
    assert_eq!(row(&seeded.expo_id)["is_public"].as_bool(), Some(true));
    assert_eq!(row(&new_id)["hall_count"].as_i64(), Some(1));

    // Only its organizers switch to it; a forged cookie is ignored.
    let (status, _) = body(
        post(
            &app,
            &exhibitor,
            "setup/manage-expo",
            &[("expo_id", new_id.as_str())],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let forged = format!("{exhibitor}; console_expo={new_id}");
    assert_eq!(
        post(&app, &forged, "setup/get", &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    let (status, _) = body(
        post(
            &app,
            &organizer,
            "setup/manage-expo",
            &[("expo_id", "../x")],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let resp = post(
        &app,
        &organizer,
        "setup/manage-expo",
        &[("expo_id", seeded.expo_id.as_str())],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.headers().get_all("set-cookie").iter().any(|v| v
        .to_str()
        .is_ok_and(|c| c.starts_with(&format!("console_expo={};", seeded.expo_id)))));

    // Made public: visitors now see it.
    let (status, _) = body(
        post(
            &app,
            &exhibitor,
            "setup/publish-expo",
            &[("expo_id", new_id.as_str())],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, text) = body(
        post(
            &app,
            &organizer,
            "setup/publish-expo",
            &[("expo_id", new_id.as_str())],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let landing = page(&app, "/").await;
    assert!(
        landing.contains("Spring Marine Expo 2027"),
        "the new expo is public"
    );
    assert!(page(&app, "/halls").await.contains("Deck Machinery"));
    assert!(
        setup_of(&app, &organizer).await.is_public,
        "the console follows the public expo"
    );
    // The organizer's page (in the account's language, Chinese): the old expo can be made
    // public again.
    let html = page_as(&app, &managing, "/dashboard/expos").await;
    assert!(
        html.contains("2027 春季海洋博览会") && html.contains("设为公开"),
        "{html}"
    );
    for action in ["expo.create", "expo.publish"] {
        assert_eq!(
            db::audit::recent(&app.db, action, 10)
                .await
                .expect("audit")
                .len(),
            1,
            "{action}"
        );
    }
}
both_backends!(expos_are_created_managed_and_made_public);
