//! Uploads: authorization, type detection, limits, thumbnails without metadata, caching, Range.

use crate::both_backends;
use crate::helpers::{error_json, Backend, TestApp};
use reqwest::StatusCode;

pub(crate) const EXHIBITOR: &str = "exhibitor@expo.example";
pub(crate) const PASSWORD: &str = "expo-demo-2026";

/// A JPEG of `w`×`h` with an EXIF segment that names a secret camera.
pub(crate) fn jpeg_with_exif(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut plain = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(
            &mut std::io::Cursor::new(&mut plain),
            image::ImageFormat::Jpeg,
        )
        .expect("encode");
    let payload = b"Exif\0\0MM\0*\0\0\0\x08ExpoSecretCamera GPS 37.5N 122.1E";
    let len = (payload.len() + 2) as u16;
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&plain[2..]);
    out
}

/// A small PNG whose header claims a `w`×`h` picture (one IDAT of zeros follows): decoding it
/// for real would need `w * h * 4` bytes.
pub(crate) fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]); // 8-bit RGBA
    chunk(&mut out, b"IHDR", &ihdr);
    // A zlib stream of zeros (stored blocks are enough to look like the start of the pixels).
    let mut idat = vec![0x78, 0x01, 0x00, 0x00, 0x04, 0xFF, 0xFB];
    idat.extend(std::iter::repeat_n(0u8, 1024));
    chunk(&mut out, b"IDAT", &idat);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A whole PDF of `size` bytes: its header, filler, and the `%%EOF` trailer.
pub(crate) fn pdf(size: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let trailer = b"\nstartxref\n0\n%%EOF\n";
    let mut i: u32 = 0;
    while v.len() + trailer.len() < size {
        v.push(b'a' + (i % 26) as u8);
        i += 1;
    }
    v.extend_from_slice(trailer);
    v
}

pub(crate) fn files_under(dir: &std::path::Path) -> usize {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return 0;
    };
    rd.flatten()
        .map(|e| {
            if e.path().is_dir() {
                files_under(&e.path())
            } else {
                1
            }
        })
        .sum()
}

pub(crate) async fn own_exhibitor(app: &TestApp) -> String {
    let (id, _) = db::account::find_credentials(&app.db, EXHIBITOR)
        .await
        .expect("q")
        .expect("demo exhibitor");
    let m = db::account::memberships(&app.db, &id).await.expect("q");
    m.into_iter()
        .find_map(|m| m.exhibitor_id)
        .expect("exhibitor membership")
}

pub(crate) async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    exhibitor: &str,
    name: &str,
    body: Vec<u8>,
) -> reqwest::Response {
    client
        .post(app.url(&format!(
            "/api/media/upload?exhibitor={exhibitor}&name={name}"
        )))
        .body(body)
        .send()
        .await
        .expect("upload")
}

async fn pictures_become_clean_thumbnails(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let own = own_exhibitor(&app).await;
    app.login(&app.client, EXHIBITOR, PASSWORD).await;
    let resp = upload(
        &app,
        &app.client,
        &own,
        "stand.jpg",
        jpeg_with_exif(2000, 1000),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let v: serde_json::Value = resp.json().await.expect("json");
    let id = v["id"].as_str().expect("id").to_owned();
    assert_eq!(v["variants"], serde_json::json!(["w1600", "w800", "w320"]));
    for (variant, width) in [("w1600", 1600), ("w800", 800), ("w320", 320)] {
        let resp = app
            .new_client()
            .get(app.url(&format!("/media/{id}/{variant}")))
            .send()
            .await
            .expect("get");
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(resp.headers()["content-type"], "image/jpeg");
        assert!(resp.headers()["cache-control"]
            .to_str()
            .expect("ascii")
            .contains("immutable"));
        let etag = resp.headers()["etag"].to_str().expect("ascii").to_owned();
        let bytes = resp.bytes().await.expect("bytes");
        assert!(
            !bytes.windows(16).any(|w| w == b"ExpoSecretCamera"),
            "metadata stripped"
        );
        let img = image::load_from_memory(&bytes).expect("decodes");
        assert_eq!(img.width(), width);
        let again = app
            .new_client()
            .get(app.url(&format!("/media/{id}/{variant}")))
            .header("If-None-Match", etag)
            .send()
            .await
            .expect("get");
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    }
    let original = app
        .new_client()
        .get(app.url(&format!("/media/{id}/original")))
        .send()
        .await
        .expect("get");
    assert_eq!(
        original.status(),
        StatusCode::NOT_FOUND,
        "a picture's original (with metadata) is never served"
    );
    let listed = db::media::of_exhibitor(&app.db, &own).await.expect("q");
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].width, listed[0].height),
        (Some(2000), Some(1000))
    );
    // Nothing stored keeps the camera's metadata: the original goes once the variants exist.
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                files(&e.path(), out);
            } else {
                out.push(e.path());
            }
        }
    }
    let mut stored = Vec::new();
    files(&app.media_dir.join("media").join(&id), &mut stored);
    assert_eq!(stored.len(), 3, "the three variants only: {stored:?}");
    for f in stored {
        let bytes = std::fs::read(&f).expect("read");
        assert!(
            !bytes.windows(16).any(|w| w == b"ExpoSecretCamera"),
            "{f:?} keeps the metadata"
        );
    }
}
both_backends!(pictures_become_clean_thumbnails);

async fn only_the_booth_team_may_upload(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let own = own_exhibitor(&app).await;
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("q")
        .expect("expo");
    let plan = db::hall::hall_plan(&app.db, &expo.id, "food")
        .await
        .expect("q")
        .expect("plan");
    let other = plan.booths[0].exhibitor_id.clone();
    assert_ne!(other, own);
    let anonymous = upload(&app, &app.new_client(), &own, "a.pdf", pdf(1000)).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let exhibitor = app.new_client();
    app.login(&exhibitor, EXHIBITOR, PASSWORD).await;
    let wrong_booth = upload(&app, &exhibitor, &other, "a.pdf", pdf(1000)).await;
    assert_eq!(wrong_booth.status(), StatusCode::FORBIDDEN);
    let visitor = app.new_client();
    app.login(&visitor, "visitor@expo.example", PASSWORD).await;
    let as_visitor = upload(&app, &visitor, &own, "a.pdf", pdf(1000)).await;
    assert_eq!(as_visitor.status(), StatusCode::FORBIDDEN);
    let organizer = app.new_client();
    app.login(&organizer, "organizer@expo.example", PASSWORD)
        .await;
    let as_organizer = upload(&app, &organizer, &other, "a.pdf", pdf(1000)).await;
    assert_eq!(
        as_organizer.status(),
        StatusCode::CREATED,
        "organizers may fill any booth"
    );
    assert!(db::media::of_exhibitor(&app.db, &own)
        .await
        .expect("q")
        .is_empty());
}
both_backends!(only_the_booth_team_may_upload);

async fn bad_files_are_refused_and_nothing_is_stored(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let own = own_exhibitor(&app).await;
    app.login(&app.client, EXHIBITOR, PASSWORD).await;
    let svg = b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec();
    // A JPEG signature followed by noise: recognised as a picture, but it cannot be decoded.
    let mut corrupt = vec![
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00,
    ];
    corrupt.extend((0..2000u32).map(|i| (i * 7 % 251) as u8));
    let cases: Vec<(&str, Vec<u8>, StatusCode, &str)> = vec![
        (
            "logo.svg",
            svg,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "error-media-svg",
        ),
        (
            "notes.txt",
            b"just some text, nothing a booth can show".repeat(40),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "error-media-type",
        ),
        (
            "empty.jpg",
            Vec::new(),
            StatusCode::BAD_REQUEST,
            "error-media-empty",
        ),
        (
            "broken.jpg",
            corrupt,
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-media-corrupt",
        ),
        // 16384×16384 RGBA would take a gigabyte: refused from its header.
        (
            "bomb.png",
            png_claiming(16_384, 16_384),
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-media-too-many-pixels",
        ),
        // Within the side limit, over the pixel limit.
        (
            "wide.png",
            png_claiming(11_000, 8_000),
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-media-too-many-pixels",
        ),
        // Cut off while uploading or saving: refused by their structure.
        (
            "cut.pdf",
            {
                let mut p = pdf(3000);
                p.truncate(2500);
                p
            },
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-media-truncated",
        ),
        (
            "cut.mp4",
            {
                let mut v = crate::live_programme::mp4(20_000);
                v.truncate(15_000);
                v
            },
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-media-truncated",
        ),
        (
            "cut.webm",
            {
                // An EBML header (doctype webm), then a Segment that says 10,000 bytes and
                // holds one cluster of 600.
                let mut v = vec![0x1A, 0x45, 0xDF, 0xA3, 0x87, 0x42, 0x82, 0x84];
                v.extend_from_slice(b"webm");
                v.extend_from_slice(&[0x18, 0x53, 0x80, 0x67, 0x67, 0x10]);
                v.extend([0x1F, 0x43, 0xB6, 0x75, 0x42, 0x52]);
                v.extend(std::iter::repeat_n(0u8, 594));
                v
            },
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-media-truncated",
        ),
        (
            "cut.glb",
            {
                let mut v = b"glTF".to_vec();
                v.extend_from_slice(&2u32.to_le_bytes());
                v.extend_from_slice(&5000u32.to_le_bytes());
                v.extend_from_slice(&4980u32.to_le_bytes());
                v.extend_from_slice(b"JSON");
                v.extend(std::iter::repeat_n(b' ', 1000));
                v
            },
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-media-truncated",
        ),
        (
            "scene.gltf",
            br#"{"asset": {"version": "2.0"}, "buffers": [{"uri": "scene.bin"}]}"#.repeat(10),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "error-media-gltf-text",
        ),
        (
            "huge.pdf",
            pdf((1 << 20) + 300_000),
            StatusCode::PAYLOAD_TOO_LARGE,
            "error-media-too-large",
        ),
    ];
    for (name, body, status, message) in cases {
        let resp = upload(&app, &app.client, &own, name, body).await;
        assert_eq!(resp.status(), status, "{name}");
        let v = error_json(resp).await;
        assert_eq!(v["Validation"][0]["message_id"], message, "{name}");
        for locale in domain::Locale::ALL {
            let text = app::shell::i18n::I18n { locale }.t(message);
            assert!(
                !text.contains("Unknown localization"),
                "{message} in {locale:?}"
            );
        }
    }
    assert!(db::media::of_exhibitor(&app.db, &own)
        .await
        .expect("q")
        .is_empty());
    assert_eq!(
        files_under(&app.media_dir),
        0,
        "no stray bytes in the object store"
    );
}
both_backends!(bad_files_are_refused_and_nothing_is_stored);

async fn documents_are_served_with_ranges(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let own = own_exhibitor(&app).await;
    app.login(&app.client, EXHIBITOR, PASSWORD).await;
    let body = pdf(300_000);
    let resp = upload(&app, &app.client, &own, "catalogue.pdf", body.clone()).await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let id = resp.json::<serde_json::Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let url = app.url(&format!("/media/{id}/original"));
    let full = app.new_client().get(&url).send().await.expect("get");
    assert_eq!(full.status(), StatusCode::OK);
    assert_eq!(full.headers()["content-type"], "application/pdf");
    assert_eq!(full.headers()["accept-ranges"], "bytes");
    assert_eq!(full.bytes().await.expect("bytes").as_ref(), body.as_slice());
    let part = app
        .new_client()
        .get(&url)
        .header("Range", "bytes=1000-1999")
        .send()
        .await
        .expect("get");
    assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(part.headers()["content-range"], "bytes 1000-1999/300000");
    assert_eq!(
        part.bytes().await.expect("bytes").as_ref(),
        &body[1000..2000]
    );
    let tail = app
        .new_client()
        .get(&url)
        .header("Range", "bytes=-10")
        .send()
        .await
        .expect("get");
    assert_eq!(
        tail.bytes().await.expect("bytes").as_ref(),
        &body[body.len() - 10..]
    );
    let beyond = app
        .new_client()
        .get(&url)
        .header("Range", "bytes=400000-")
        .send()
        .await
        .expect("get");
    assert_eq!(beyond.status(), StatusCode::RANGE_NOT_SATISFIABLE);
    for bad in [
        "/media/nope/original",
        "/media/00000000-0000-0000-0000-000000000000/original",
    ] {
        assert_eq!(
            app.new_client()
                .get(app.url(bad))
                .send()
                .await
                .expect("get")
                .status(),
            StatusCode::NOT_FOUND
        );
    }
    let other_variant = app
        .new_client()
        .get(app.url(&format!("/media/{id}/w800")))
        .send()
        .await
        .expect("get");
    assert_eq!(other_variant.status(), StatusCode::NOT_FOUND);
}
both_backends!(documents_are_served_with_ranges);

async fn product_pictures_show_on_cards_and_product_pages(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let own = own_exhibitor(&app).await;
    let detail = db::hall::exhibitor_detail(&app.db, &own)
        .await
        .expect("q")
        .expect("booth");
    let product = detail.products[0].clone();
    assert_eq!(product.picture, None);
    let store = server::media::local_store(&app.media_dir.display().to_string()).expect("store");
    let png = server::seed::product_picture("marine", 3);
    let picture = server::media::Generated {
        exhibitor_id: &own,
        product_id: Some(&product.id),
        kind: "image",
        name: "engine",
        bytes: png,
    };
    server::media::store_generated(&app.db, store.as_ref(), picture)
        .await
        .expect("store picture");
    let detail = db::hall::exhibitor_detail(&app.db, &own)
        .await
        .expect("q")
        .expect("booth");
    let picture = detail.products[0].picture.clone().expect("card picture");
    assert!(
        detail.media.is_empty(),
        "product pictures stay out of the booth gallery"
    );
    let html = app.html(&format!("/products/{}", product.id)).await;
    assert!(
        html.contains(&format!("/media/{picture}/w640")),
        "the product page shows the picture"
    );
    let booth = app.html(&format!("/exhibitors/{own}")).await;
    assert!(
        booth.contains(&format!("/media/{picture}/w320")),
        "the product card shows the thumbnail"
    );
    let resp = app
        .new_client()
        .get(app.url(&format!("/media/{picture}/w320")))
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status(), StatusCode::OK);
    let img = image::load_from_memory(&resp.bytes().await.expect("bytes")).expect("decodes");
    assert_eq!((img.width(), img.height()), (320, 240));
}
both_backends!(product_pictures_show_on_cards_and_product_pages);
