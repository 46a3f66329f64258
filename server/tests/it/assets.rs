//! Delivery for a CDN: the site package served precompressed with the right caching, and
//! pages that a shared cache never stores for someone else.

use crate::helpers::{Backend, TestApp};
use reqwest::header;
use reqwest::StatusCode;
use std::path::PathBuf;

const PASSWORD: &str = "correct horse battery";

/// A site folder with one hashed WASM file and its two precompressed forms.
fn site(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("expo-it-site-{name}-{}", uuid::Uuid::new_v4()));
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg).expect("mkdir");
    std::fs::write(
        pkg.join("expo.Ab1_x.wasm"),
        b"\0asm plain bytes of the module",
    )
    .expect("w");
    std::fs::write(pkg.join("expo.Ab1_x.wasm.br"), b"brotli bytes").expect("w");
    std::fs::write(pkg.join("expo.Ab1_x.wasm.gz"), b"gzip bytes").expect("w");
    root
}

async fn fetch(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut req = app.new_client().get(app.url(path));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.expect("get")
}

fn header_of(resp: &reqwest::Response, name: header::HeaderName) -> String {
    resp.headers()
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(", ")
}

async fn hashed_package_files_are_immutable_and_precompressed(backend: Backend) {
    let root = site("hashed");
    let dir = root.display().to_string();
    let app = TestApp::spawn_with(backend, false, |c| {
        c.site_root = dir;
        c.hashed_assets = true;
    })
    .await;
    let file = "/pkg/expo.Ab1_x.wasm";

    let br = fetch(&app, file, &[("accept-encoding", "gzip, br")]).await;
    assert_eq!(br.status(), StatusCode::OK);
    assert_eq!(header_of(&br, header::CONTENT_ENCODING), "br");
    assert_eq!(header_of(&br, header::CONTENT_TYPE), "application/wasm");
    assert_eq!(
        header_of(&br, header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert!(header_of(&br, header::VARY).contains("accept-encoding"));
    assert_eq!(&br.bytes().await.expect("body")[..], b"brotli bytes");

    let gz = fetch(&app, file, &[("accept-encoding", "gzip")]).await;
    assert_eq!(header_of(&gz, header::CONTENT_ENCODING), "gzip");
    assert_eq!(&gz.bytes().await.expect("body")[..], b"gzip bytes");

    // A browser that takes neither gets the file itself, and a range of it.
    let plain = fetch(&app, file, &[("accept-encoding", "identity")]).await;
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    assert_eq!(
        &plain.bytes().await.expect("body")[..],
        b"\0asm plain bytes of the module"
    );
    let part = fetch(
        &app,
        file,
        &[("accept-encoding", "identity"), ("range", "bytes=1-3")],
    )
    .await;
    assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(&part.bytes().await.expect("body")[..], b"asm");

    // A name that does not exist (an old build's) is never cached.
    let gone = fetch(&app, "/pkg/expo.Old00.wasm", &[("accept-encoding", "br")]).await;
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    assert_eq!(header_of(&gone, header::CACHE_CONTROL), "no-store");
    let _ = std::fs::remove_dir_all(&root);
}
crate::both_backends!(hashed_package_files_are_immutable_and_precompressed);

async fn unhashed_package_files_are_revalidated(backend: Backend) {
    let root = site("plain");
    let dir = root.display().to_string();
    let app = TestApp::spawn_with(backend, false, |c| {
        c.site_root = dir;
        c.hashed_assets = false;
    })
    .await;
    let resp = fetch(&app, "/pkg/expo.Ab1_x.wasm", &[("accept-encoding", "br")]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(header_of(&resp, header::CACHE_CONTROL), "no-cache");
    let _ = std::fs::remove_dir_all(&root);
}
crate::both_backends!(unhashed_package_files_are_revalidated);

async fn pages_are_never_shared_between_people(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    // A visitor's page: a shared cache may keep it only to revalidate, per cookie and language.
    let anonymous = fetch(&app, "/halls", &[]).await;
    assert_eq!(anonymous.status(), StatusCode::OK);
    assert_eq!(header_of(&anonymous, header::CACHE_CONTROL), "no-cache");
    let vary = header_of(&anonymous, header::VARY);
    assert!(
        vary.contains("cookie") && vary.contains("accept-language"),
        "{vary}"
    );

    // A signed-in person's page is kept by nobody.
    let client = app.new_client();
    assert!(app
        .register(&client, "cdn.reader@example.com", PASSWORD)
        .await
        .status()
        .is_success());
    let mine = client.get(app.url("/halls")).send().await.expect("get");
    assert_eq!(mine.status(), StatusCode::OK);
    assert_eq!(header_of(&mine, header::CACHE_CONTROL), "private, no-store");
    assert!(header_of(&mine, header::VARY).contains("cookie"));
}
crate::both_backends!(pages_are_never_shared_between_people);
