//! The booth editor's server side: uploads tied to products, 360° panoramas, reordering and
//! deleting media (and sweeping their bytes), products created, edited per language and deleted.

use crate::both_backends;
use crate::helpers::{error_json, Backend, TestApp};
use crate::media::{files_under, jpeg_with_exif, own_exhibitor, pdf, upload, EXHIBITOR, PASSWORD};
use reqwest::StatusCode;

/// A product of another exhibitor than `own`: (exhibitor, product).
async fn foreign_product(app: &TestApp, own: &str) -> (String, String) {
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("q")
        .expect("expo");
    for hall in db::hall::halls_of(&app.db, &expo.id).await.expect("halls") {
        let plan = db::hall::hall_plan(&app.db, &expo.id, &hall.slug)
            .await
            .expect("q")
            .expect("plan");
        for booth in plan.booths.iter().filter(|b| b.exhibitor_id != own) {
            let d = db::hall::exhibitor_detail(&app.db, &booth.exhibitor_id)
                .await
                .expect("q")
                .expect("booth");
            if let Some(p) = d.products.first() {
                return (d.id.clone(), p.id.clone());
            }
        }
    }
    panic!("no foreign product")
}

async fn upload_to(
    app: &TestApp,
    client: &reqwest::Client,
    query: &str,
    body: Vec<u8>,
) -> reqwest::Response {
    client
        .post(app.url(&format!("/api/media/upload?{query}")))
        .body(body)
        .send()
        .await
        .expect("upload")
}

async fn product_uploads_and_panoramas(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let own = own_exhibitor(&app).await;
    let (other_exhibitor, other_product) = foreign_product(&app, &own).await;
    app.login(&app.client, EXHIBITOR, PASSWORD).await;
    let detail = db::hall::exhibitor_detail(&app.db, &own)
        .await
        .expect("q")
        .expect("booth");
    let product = detail.products[0].id.clone();

    // A product's picture shows on its page, not in the booth gallery.
    let resp = upload_to(
        &app,
        &app.client,
        &format!("exhibitor={own}&product={product}&name=front.jpg"),
        jpeg_with_exif(900, 600),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let page = db::hall::product_detail(&app.db, &product)
        .await
        .expect("q")
        .expect("product");
    assert_eq!(page.media.len(), 1);
    assert_eq!(
        page.card.picture.as_deref(),
        Some(page.media[0].id.as_str())
    );
    let booth = db::hall::exhibitor_detail(&app.db, &own)
        .await
        .expect("q")
        .expect("booth");
    assert!(booth.media.is_empty());

    // Another exhibitor's product, or one of ours named under their booth: refused, nothing kept.
    let before = files_under(&app.media_dir);
    for query in [
        format!("exhibitor={own}&product={other_product}&name=x.jpg"),
        format!("exhibitor={own}&product=no-such-product&name=x.jpg"),
    ] {
        let resp = upload_to(&app, &app.client, &query, jpeg_with_exif(300, 200)).await;
        assert_eq!(resp.status(), StatusCode::NOT_FOUND, "{query}");
        assert_eq!(
            error_json(resp).await["Validation"][0]["message_id"],
            "error-media-product"
        );
    }
    let resp = upload_to(
        &app,
        &app.client,
        &format!("exhibitor={other_exhibitor}&product={other_product}&name=x.jpg"),
        jpeg_with_exif(300, 200),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    // A 2:1 picture becomes a panorama with a large texture and a still.
    let resp = upload_to(
        &app,
        &app.client,
        &format!("exhibitor={own}&purpose=panorama&name=hall.jpg"),
        jpeg_with_exif(2400, 1200),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let v: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(v["kind"], "panorama");
    assert_eq!(v["variants"], serde_json::json!(["w2400", "w1600"]));
    let id = v["id"].as_str().expect("id");
    let still = app
        .new_client()
        .get(app.url(&format!("/media/{id}/w1600")))
        .send()
        .await
        .expect("get");
    assert_eq!(still.status(), StatusCode::OK);
    let img = image::load_from_memory(&still.bytes().await.expect("bytes")).expect("decode");
    assert_eq!((img.width(), img.height()), (1600, 800));
    let html = app.html(&format!("/exhibitors/{own}")).await;
    assert!(
        html.contains(&format!("/media/{id}/w1600")),
        "the booth page shows the still"
    );
    assert!(html.contains("class=\"panorama\""));
    let after_good = files_under(&app.media_dir);
    assert!(after_good > before);

    // Not 2:1, or not a picture: refused with the reason, nothing stored.
    for (body, message) in [
        (jpeg_with_exif(1000, 800), "error-media-panorama-ratio"),
        (pdf(4000), "error-media-panorama-image"),
    ] {
        let resp = upload_to(
            &app,
            &app.client,
            &format!("exhibitor={own}&purpose=panorama&name=bad"),
            body,
        )
        .await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            error_json(resp).await["Validation"][0]["message_id"],
            message
        );
    }
    let resp = upload_to(
        &app,
        &app.client,
        &format!("exhibitor={own}&purpose=wallpaper&name=bad"),
        jpeg_with_exif(400, 200),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert_eq!(files_under(&app.media_dir), after_good);
}
both_backends!(product_uploads_and_panoramas);

async fn logo_and_banner_replace_their_predecessors(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let own = own_exhibitor(&app).await;
    app.login(&app.client, EXHIBITOR, PASSWORD).await;
    let mut logos = Vec::new();
    for _ in 0..2 {
        let resp = upload_to(
            &app,
            &app.client,
            &format!("exhibitor={own}&purpose=logo&name=logo.png"),
            jpeg_with_exif(600, 600),
        )
        .await;
        assert_eq!(resp.status(), StatusCode::CREATED);
        let v: serde_json::Value = resp.json().await.expect("json");
        assert_eq!(v["kind"], "logo");
        assert_eq!(v["variants"], serde_json::json!(["w512", "w256"]));
        logos.push(v["id"].as_str().expect("id").to_owned());
    }
    let resp = upload_to(
        &app,
        &app.client,
        &format!("exhibitor={own}&purpose=banner&name=banner.jpg"),
        jpeg_with_exif(3000, 750),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let banner: serde_json::Value = resp.json().await.expect("json");
    let banner = banner["id"].as_str().expect("id").to_owned();
    let booth = db::hall::exhibitor_detail(&app.db, &own)
        .await
        .expect("q")
        .expect("booth");
    let kinds: Vec<(&str, &str)> = booth
        .media
        .iter()
        .map(|m| (m.kind.as_str(), m.id.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![("logo", logos[1].as_str()), ("banner", banner.as_str())]
    );
    let html = app.html(&format!("/exhibitors/{own}")).await;
    let logo_tag = html
        .split("<img")
        .find(|t| t.contains("booth-logo"))
        .unwrap_or_else(|| panic!("no logo image in {html}"));
    assert!(
        logo_tag.contains(&format!("/media/{}/w256", logos[1])),
        "{logo_tag}"
    );
    assert!(!html.contains(&logos[0]), "the replaced logo is gone");
    let hero = html
        .split("<section")
        .find(|t| t.contains("booth-hero"))
        .expect("hero");
    assert!(hero.contains(&format!("/media/{banner}/w2400")), "{hero}");
    // The logo marks the booth on the hall map too.
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("q")
        .expect("expo");
    let plan = db::hall::hall_plan(&app.db, &expo.id, "marine")
        .await
        .expect("q")
        .expect("plan");
    let on_plan = plan
        .booths
        .iter()
        .find(|b| b.exhibitor_id == own)
        .expect("own booth");
    assert_eq!(on_plan.logo.as_deref(), Some(logos[1].as_str()));
    let map = app.html("/halls/marine").await;
    assert!(map.contains(&format!("/media/{}/w256", logos[1])));
    // Only pictures, and only for the booth.
    let resp = upload_to(
        &app,
        &app.client,
        &format!("exhibitor={own}&purpose=logo&name=x"),
        pdf(3000),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_json(resp).await["Validation"][0]["message_id"],
        "error-media-picture-only"
    );
    let product = booth.products[0].id.clone();
    let resp = upload_to(
        &app,
        &app.client,
        &format!("exhibitor={own}&product={product}&purpose=banner&name=x"),
        jpeg_with_exif(800, 200),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
}
both_backends!(logo_and_banner_replace_their_predecessors);

fn ids(media: &[domain::product::MediaItem]) -> Vec<String> {
    media.iter().map(|m| m.id.clone()).collect()
}

async fn media_are_reordered_and_deleted(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let own = own_exhibitor(&app).await;
    app.login(&app.client, EXHIBITOR, PASSWORD).await;
    let mut uploaded = Vec::new();
    for name in ["a.pdf", "b.pdf", "c.pdf"] {
        let resp = upload(&app, &app.client, &own, name, pdf(3000)).await;
        assert_eq!(resp.status(), StatusCode::CREATED);
        let v: serde_json::Value = resp.json().await.expect("json");
        uploaded.push(v["id"].as_str().expect("id").to_owned());
    }
    let gallery = || async {
        ids(&db::hall::exhibitor_detail(&app.db, &own)
            .await
            .expect("q")
            .expect("booth")
            .media)
    };
    assert_eq!(gallery().await, uploaded);
    let (a, b, c) = (
        uploaded[0].clone(),
        uploaded[1].clone(),
        uploaded[2].clone(),
    );
    let mv = |client: reqwest::Client, id: String, earlier: &'static str| {
        let app = &app;
        async move {
            app.call(
                &client,
                "media/move",
                &[("media_id", id.as_str()), ("earlier", earlier)],
            )
            .await
            .status()
        }
    };
    // Each move and the order after it (moving the first one earlier changes nothing).
    for (id, earlier, order) in [
        (&c, "true", [&a, &c, &b]),
        (&c, "true", [&c, &a, &b]),
        (&c, "true", [&c, &a, &b]),
        (&a, "false", [&c, &b, &a]),
    ] {
        assert_eq!(
            mv(app.client.clone(), id.clone(), earlier).await,
            StatusCode::OK
        );
        assert_eq!(gallery().await, order.map(String::clone).to_vec());
    }

    // Visitors and other people cannot reorder or delete.
    assert_eq!(
        mv(app.new_client(), a.clone(), "true").await,
        StatusCode::UNAUTHORIZED
    );
    let stranger = app.new_client();
    assert!(app
        .register(&stranger, "stranger@example.com", "a-long-password-1")
        .await
        .status()
        .is_success());
    assert_eq!(
        mv(stranger.clone(), a.clone(), "true").await,
        StatusCode::FORBIDDEN
    );
    let del = |client: reqwest::Client, id: String| {
        let app = &app;
        async move {
            app.call(&client, "media/delete", &[("media_id", id.as_str())])
                .await
                .status()
        }
    };
    assert_eq!(del(stranger, b.clone()).await, StatusCode::FORBIDDEN);
    assert_eq!(
        del(app.client.clone(), "nope".into()).await,
        StatusCode::NOT_FOUND
    );

    // Deleting: gone from the page at once, the bytes go with the sweep.
    let files = files_under(&app.media_dir);
    assert_eq!(del(app.client.clone(), b.clone()).await, StatusCode::OK);
    assert_eq!(gallery().await, vec![c.clone(), a.clone()]);
    let gone = app
        .new_client()
        .get(app.url(&format!("/media/{b}/original")))
        .send()
        .await
        .expect("get");
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    let store = server::media::local_store(&app.media_dir.display().to_string()).expect("store");
    // A fresh orphan survives (its upload may still be running)…
    let swept = server::housekeeping::sweep_store(&app.db, store.as_ref(), db::now_millis())
        .await
        .expect("sweep");
    assert_eq!(swept, 0);
    // …an old one goes; files of live rows stay.
    let later = db::now_millis() + 2 * 3600 * 1000;
    let swept = server::housekeeping::sweep_store(&app.db, store.as_ref(), later)
        .await
        .expect("sweep");
    assert_eq!(swept, 1);
    assert_eq!(files_under(&app.media_dir), files - 1);
    let kept = app
        .new_client()
        .get(app.url(&format!("/media/{a}/original")))
        .send()
        .await
        .expect("get");
    assert_eq!(kept.status(), StatusCode::OK);
}
both_backends!(media_are_reordered_and_deleted);

fn product_form<'a>(
    exhibitor: &'a str,
    product: &'a str,
    language: &'a str,
    name: &'a str,
    specs: &'a [(String, String)],
) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = [
        ("product_id", product),
        ("exhibitor_id", exhibitor),
        ("language", language),
        ("name", name),
        ("description", "Four-stroke marine diesel engine"),
        ("category", "marine"),
        ("price_min", "12000"),
        ("price_max", "15000.50"),
        ("currency", "USD"),
        ("min_order", "2"),
        ("lead_time_days", "45"),
        ("certifications", "CE; ISO 9001"),
        ("origin", "CN"),
    ]
    .into_iter()
    .map(|(k, v)| (format!("input[{k}]"), v.to_owned()))
    .collect();
    for (i, (n, v)) in specs.iter().enumerate() {
        f.push((format!("input[specs][{i}][name]"), n.clone()));
        f.push((format!("input[specs][{i}][value]"), v.clone()));
    }
    f
}

async fn save(
    app: &TestApp,
    client: &reqwest::Client,
    form: &[(String, String)],
) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call(client, "product/save", &pairs).await
}

async fn products_are_created_edited_per_language_and_deleted(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let own = own_exhibitor(&app).await;
    let (other_exhibitor, other_product) = foreign_product(&app, &own).await;
    app.login(&app.client, EXHIBITOR, PASSWORD).await;
    let before = db::hall::exhibitor_detail(&app.db, &own)
        .await
        .expect("q")
        .expect("booth")
        .products
        .len();
    let specs = vec![
        ("额定功率".to_owned(), "1,200 kW".to_owned()),
        ("重量".to_owned(), "8 t".to_owned()),
    ];
    let resp = save(
        &app,
        &app.client,
        &product_form(&own, "", "zh-CN", "船用柴油机 X1", &specs),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let id: String = resp.json().await.expect("id");
    let p = db::hall::product_detail(&app.db, &id)
        .await
        .expect("q")
        .expect("created");
    assert_eq!(p.card.name.original, domain::Locale::ZhCn);
    assert_eq!(
        p.card.price.as_ref().map(|r| (r.min, r.max)),
        Some((1_200_000, 1_500_050))
    );
    assert_eq!(
        p.certifications,
        vec!["CE".to_owned(), "ISO 9001".to_owned()]
    );
    assert_eq!(p.specs.len(), 2);
    let count = db::hall::exhibitor_detail(&app.db, &own)
        .await
        .expect("q")
        .expect("booth")
        .products
        .len();
    assert_eq!(count, before + 1);

    // English texts go beside the Chinese ones; the page shows each viewer their language.
    let en_specs = vec![
        ("Rated power".to_owned(), "1,250 kW".to_owned()),
        ("Weight".to_owned(), "8 t".to_owned()),
    ];
    let resp = save(
        &app,
        &app.client,
        &product_form(&own, &id, "en", "Marine diesel X1", &en_specs),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let p = db::hall::product_detail(&app.db, &id)
        .await
        .expect("q")
        .expect("product");
    assert_eq!(p.card.name.show(domain::Locale::ZhCn).text, "船用柴油机 X1");
    assert_eq!(
        p.card.name.show(domain::Locale::En).text,
        "Marine diesel X1"
    );
    assert_eq!(p.specs[0].name.show(domain::Locale::ZhCn).text, "额定功率");
    assert_eq!(p.specs[0].name.show(domain::Locale::En).text, "Rated power");
    assert_eq!(p.specs[0].value, "1,250 kW");
    let page = |lang: &'static str| {
        let app = &app;
        let id = id.clone();
        async move {
            app.new_client()
                .get(app.url(&format!("/products/{id}")))
                .header("Accept-Language", lang)
                .send()
                .await
                .expect("get")
                .text()
                .await
                .expect("html")
        }
    };
    assert!(page("zh-CN").await.contains("额定功率"));
    assert!(page("en").await.contains("Rated power"));
    // Korean falls back to English, marked as another language.
    let ko = page("ko").await;
    assert!(ko.contains("Marine diesel X1"));

    // Bad input: each refused with its field, nothing changed.
    let mut bad = product_form(&own, &id, "en", "", &en_specs);
    bad.retain(|(k, _)| k != "input[price_min]");
    bad.push(("input[price_min]".into(), "abc".into()));
    let resp = save(&app, &app.client, &bad).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let v = error_json(resp).await;
    let fields: Vec<&str> = v["Validation"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, vec!["name", "price"]);
    // Hundreds of rows: the table's own limit says so; thousands: the body limit refuses first.
    let rows = |n: usize| -> Vec<(String, String)> {
        (0..n)
            .map(|i| (format!("Row {i}"), format!("{i} mm")))
            .collect()
    };
    let resp = save(
        &app,
        &app.client,
        &product_form(&own, &id, "en", "Marine diesel X1", &rows(400)),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_json(resp).await["Validation"][0]["message_id"],
        "error-specs-too-many"
    );
    let resp = save(
        &app,
        &app.client,
        &product_form(&own, &id, "en", "Marine diesel X1", &rows(5000)),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let expected = app::shell::i18n::I18n {
        locale: domain::Locale::ZhCn,
    }
    .t("error-body-too-large");
    assert_eq!(resp.text().await.expect("body"), expected);
    let unchanged = db::hall::product_detail(&app.db, &id)
        .await
        .expect("q")
        .expect("product");
    assert_eq!(unchanged, p);

    // Someone else's product, or a product under someone else's booth: refused.
    let resp = save(
        &app,
        &app.client,
        &product_form(&own, &other_product, "en", "Hijack", &[]),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let resp = save(
        &app,
        &app.client,
        &product_form(&other_exhibitor, "", "en", "Intruder", &[]),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let resp = save(
        &app,
        &app.new_client(),
        &product_form(&own, "", "en", "Anonymous", &[]),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let resp = app
        .call(
            &app.client,
            "product/delete",
            &[("product_id", other_product.as_str())],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    // Deleting takes the product's media with it; its page is a 404.
    let resp = upload_to(
        &app,
        &app.client,
        &format!("exhibitor={own}&product={id}&name=p.pdf"),
        pdf(2000),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let resp = app
        .call(
            &app.client,
            "product/delete",
            &[("product_id", id.as_str())],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(db::hall::product_detail(&app.db, &id)
        .await
        .expect("q")
        .is_none());
    assert!(db::media::of_product(&app.db, &id)
        .await
        .expect("q")
        .is_empty());
    let gone = app
        .new_client()
        .get(app.url(&format!("/products/{id}")))
        .send()
        .await
        .expect("get");
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
}
both_backends!(products_are_created_edited_per_language_and_deleted);

async fn public_pages_are_reused_until_a_change(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| c.page_cache_secs = 60).await;
    let own = own_exhibitor(&app).await;
    let url = app.url(&format!("/exhibitors/{own}"));
    let get = |client: reqwest::Client| {
        let url = url.clone();
        async move {
            let resp = client
                .get(url)
                .header("Accept-Language", "en")
                .send()
                .await
                .expect("get");
            let hit = resp.headers().contains_key("x-page-cache");
            let csp = resp
                .headers()
                .get("content-security-policy")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let nonce = csp
                .split("'nonce-")
                .nth(1)
                .and_then(|s| s.split('\'').next())
                .unwrap_or_default()
                .to_owned();
            (hit, nonce, resp.text().await.expect("html"))
        }
    };
    let (hit1, nonce1, html1) = get(app.new_client()).await;
    let (hit2, nonce2, html2) = get(app.new_client()).await;
    assert!(
        !hit1 && hit2,
        "the second anonymous visit is served from the cache"
    );
    assert_ne!(nonce1, nonce2, "every response has its own nonce");
    assert!(html1.contains(&format!("nonce=\"{nonce1}\"")));
    assert!(html2.contains(&format!("nonce=\"{nonce2}\"")));
    assert!(
        !html2.contains(&nonce1),
        "the cached page carries the new nonce only"
    );
    // Other languages are other pages.
    let zh = app
        .new_client()
        .get(app.url(&format!("/exhibitors/{own}")))
        .header("Accept-Language", "zh-CN")
        .send()
        .await
        .expect("get");
    assert!(!zh.headers().contains_key("x-page-cache"));
    // Signed-in people always get a fresh page; a change empties the cache.
    app.login(&app.client, EXHIBITOR, PASSWORD).await;
    let (hit, _, _) = get(app.client.clone()).await;
    assert!(!hit);
    let resp = app
        .call(
            &app.client,
            "booth/save-about",
            &[
                ("input[exhibitor_id]", own.as_str()),
                ("input[language]", "en"),
                ("input[text]", "Freshly written about text"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (hit, _, html) = get(app.new_client()).await;
    assert!(!hit);
    assert!(html.contains("Freshly written about text"));
}
both_backends!(public_pages_are_reused_until_a_change);

async fn a_forged_host_cannot_poison_the_page_cache(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| c.page_cache_secs = 60).await;
    let own = own_exhibitor(&app).await;
    let get = |host: Option<&'static str>| {
        let url = app.url(&format!("/exhibitors/{own}"));
        let client = app.new_client();
        async move {
            let mut req = client.get(url).header("Accept-Language", "en");
            if let Some(h) = host {
                req = req.header("Host", h);
            }
            let resp = req.send().await.expect("get");
            let hit = resp.headers().contains_key("x-page-cache");
            (hit, resp.text().await.expect("html"))
        }
    };
    // The attacker renders the page first, under a host of theirs.
    let (_, forged) = get(Some("evil.example")).await;
    assert!(
        forged.contains("http://evil.example/exhibitors/"),
        "og:url of the forged host"
    );
    let (hit, again) = get(Some("evil.example")).await;
    assert!(hit && again.contains("evil.example"));
    // Everyone else gets pages that name the real host only.
    for _ in 0..2 {
        let (_, html) = get(None).await;
        assert!(!html.contains("evil.example"), "a poisoned page was served");
        assert!(html.contains(&format!("{}/exhibitors/{own}", app.base)));
    }

    // With a public origin configured, the request's host is never used at all.
    let fixed = TestApp::spawn_with(backend, true, |c| {
        c.page_cache_secs = 60;
        c.public_origin = Some("https://expo.example".to_owned());
    })
    .await;
    let own = own_exhibitor(&fixed).await;
    for host in ["evil.example", "other.example"] {
        let html = fixed
            .new_client()
            .get(fixed.url(&format!("/exhibitors/{own}")))
            .header("Host", host)
            .send()
            .await
            .expect("get")
            .text()
            .await
            .expect("html");
        assert!(!html.contains(host));
        assert!(html.contains(&format!("https://expo.example/exhibitors/{own}")));
    }
}
both_backends!(a_forged_host_cannot_poison_the_page_cache);

async fn expired_pages_are_rendered_by_one_request(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| c.page_cache_secs = 1).await;
    let own = own_exhibitor(&app).await;
    let url = app.url(&format!("/exhibitors/{own}"));
    let hit = |url: String| {
        let client = app.new_client();
        async move {
            let resp = client.get(url).send().await.expect("get");
            assert_eq!(resp.status(), StatusCode::OK);
            resp.headers().contains_key("x-page-cache")
        }
    };
    assert!(!hit(url.clone()).await);
    assert!(hit(url.clone()).await);
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    // Once the page is stale, exactly one of many concurrent requests renders it again; the
    // others are served the stale or the new page at once.
    let results = futures_util::future::join_all((0..8).map(|_| hit(url.clone()))).await;
    assert_eq!(results.iter().filter(|h| !**h).count(), 1, "{results:?}");
    assert!(hit(url).await);
}
both_backends!(expired_pages_are_rendered_by_one_request);
