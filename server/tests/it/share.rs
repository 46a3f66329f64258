//! Sharing: QR codes that decode to the page's URL, Open Graph and Twitter card tags, the
//! sitemap and robots.txt.

use crate::helpers::{Backend, TestApp};
use reqwest::StatusCode;

/// The public booths and products of the current expo (exhibitor ids, product ids).
pub(crate) async fn public_pages(app: &TestApp) -> (Vec<String>, Vec<String>) {
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("q")
        .expect("expo");
    db::search::public_pages(&app.db, &expo.id)
        .await
        .expect("q")
}

async fn some_booth_and_product(app: &TestApp) -> (String, String) {
    let (booths, products) = public_pages(app).await;
    (booths[0].clone(), products[0].clone())
}

/// Decodes the QR code in a PNG.
fn decode(png: &[u8]) -> String {
    let img = image::load_from_memory(png).expect("png").to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("decodes").1
}

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    app.new_client()
        .get(app.url(path))
        .send()
        .await
        .expect("get")
}

async fn qr_codes_decode_to_the_page_url(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (booth, product) = some_booth_and_product(&app).await;
    for (kind, id, path) in [
        ("booth", &booth, format!("/exhibitors/{booth}")),
        ("product", &product, format!("/products/{product}")),
    ] {
        let resp = get(&app, &format!("/qr/{kind}/{id}.png")).await;
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(resp.headers()["content-type"], "image/png");
        let png = resp.bytes().await.expect("body");
        assert_eq!(decode(&png), format!("{}{path}", app.base));
        // The page it names is there.
        assert_eq!(get(&app, &path).await.status(), StatusCode::OK);
        let resp = get(&app, &format!("/qr/{kind}/{id}.svg")).await;
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(resp.headers()["content-type"], "image/svg+xml");
        assert!(resp.text().await.expect("svg").contains("<svg"));
    }
    // Unknown things are 404, not errors.
    for path in [
        "/qr/booth/01234567-89ab-cdef-0123-456789abcdef.png".to_owned(),
        format!("/qr/booth/{product}.png"),
        format!("/qr/hall/{booth}.png"),
        format!("/qr/booth/{booth}.gif"),
        format!("/qr/booth/{booth}"),
        "/qr/booth/..%2F..%2Fetc.png".to_owned(),
    ] {
        assert_eq!(
            get(&app, &path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    // A host header that is not a host name is not written into the code.
    let resp = app
        .new_client()
        .get(app.url(&format!("/qr/booth/{booth}.png")))
        .header("Host", "evil.example/<script>")
        .send()
        .await
        .expect("get");
    let png = resp.bytes().await.expect("body");
    assert_eq!(decode(&png), format!("http://localhost/exhibitors/{booth}"));
}
crate::both_backends!(qr_codes_decode_to_the_page_url);

async fn public_origin_sitemap_and_card_tags(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| {
        c.public_origin = Some("https://expo.example".to_owned());
    })
    .await;
    let (booth, product) = some_booth_and_product(&app).await;
    let png = get(&app, &format!("/qr/product/{product}.png"))
        .await
        .bytes()
        .await
        .expect("body");
    assert_eq!(
        decode(&png),
        format!("https://expo.example/products/{product}")
    );

    let sitemap = get(&app, "/sitemap.xml").await;
    assert_eq!(sitemap.status(), StatusCode::OK);
    assert_eq!(
        sitemap.headers()["content-type"],
        "application/xml; charset=utf-8"
    );
    let xml = sitemap.text().await.expect("xml");
    for loc in [
        "https://expo.example/".to_owned(),
        "https://expo.example/halls/marine".to_owned(),
        format!("https://expo.example/exhibitors/{booth}"),
        format!("https://expo.example/products/{product}"),
        "https://expo.example/help/guide".to_owned(),
    ] {
        assert!(
            xml.contains(&format!("<loc>{loc}</loc>")),
            "{loc} in sitemap"
        );
    }
    let (booths, products) = public_pages(&app).await;
    assert!(xml.matches("<url>").count() >= booths.len() + products.len() + 3);
    let robots = get(&app, "/robots.txt").await.text().await.expect("text");
    assert!(robots.contains("Sitemap: https://expo.example/sitemap.xml"));
    assert!(robots.contains("Disallow: /api/"));

    // Booth and product pages carry Open Graph and Twitter card tags with absolute URLs.
    let html = app.html(&format!("/exhibitors/{booth}")).await;
    assert!(
        html.contains(&format!(
            "property=\"og:url\" content=\"https://expo.example/exhibitors/{booth}\""
        )),
        "og:url"
    );
    assert!(html.contains("name=\"twitter:card\""));
    let html = app.html(&format!("/products/{product}")).await;
    assert!(html.contains(&format!(
        "property=\"og:url\" content=\"https://expo.example/products/{product}\""
    )));
    // (Tests seed no pictures: the card is the small one; the browser tests see pictures.)
    assert!(html.contains("name=\"twitter:card\" content=\"summary\""));
    // The share menu links the QR code downloads.
    assert!(html.contains(&format!("href=\"/qr/product/{product}.png\"")));
}
crate::both_backends!(public_origin_sitemap_and_card_tags);
