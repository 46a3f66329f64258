//! Halls, the hall map, booth and product pages.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use reqwest::StatusCode;

async fn page(app: &TestApp, path: &str, lang: &str) -> (StatusCode, String) {
    let resp = app
        .new_client()
        .get(app.url(path))
        .header("Cookie", format!("lang={lang}"))
        .send()
        .await
        .expect("get");
    let status = resp.status();
    (
        status,
        resp.text()
            .await
            .expect("html")
            .replace(['\u{2068}', '\u{2069}'], ""),
    )
}

async fn hall_map_and_list_render_on_the_server(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (status, html) = page(&app, "/halls", "en").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("class=\"card hall-card\"").count(), 6);
    let (status, html) = page(&app, "/halls/marine", "zh-CN").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("海洋装备馆"));
    assert_eq!(
        html.matches("class=\"booth booth-").count(),
        10,
        "ten booths on the plan"
    );
    assert_eq!(
        html.matches("<a href=\"/exhibitors/").count(),
        10,
        "and the same ten in the list view"
    );
    assert!(html.contains("<svg") && html.contains("viewBox=\"0.0 0.0 1200.0 700.0\""));
    assert!(html.contains("M-01") && html.contains("旗舰展位"));
    let (status, html) = page(&app, "/halls/no-such-hall", "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        html.contains("We could not find what you asked for."),
        "{}",
        &html[html.find("<main").unwrap_or(0)..]
    );
}
both_backends!(hall_map_and_list_render_on_the_server);

async fn seeded_booths_fit_and_never_overlap(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("q")
        .expect("expo");
    for hall in db::hall::halls_of(&app.db, &expo.id).await.expect("halls") {
        let plan = db::hall::hall_plan(&app.db, &expo.id, &hall.slug)
            .await
            .expect("q")
            .expect("plan");
        assert_eq!(plan.booths.len(), 10);
        for (i, a) in plan.booths.iter().enumerate() {
            assert!(
                a.rect.fits(plan.width, plan.height),
                "{} outside the plan",
                a.code
            );
            for b in plan.booths.iter().skip(i + 1) {
                assert!(!a.rect.overlaps(&b.rect), "{} overlaps {}", a.code, b.code);
            }
        }
    }
}
both_backends!(seeded_booths_fit_and_never_overlap);

async fn booth_and_product_pages(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("q")
        .expect("expo");
    let plan = db::hall::hall_plan(&app.db, &expo.id, "marine")
        .await
        .expect("q")
        .expect("plan");
    let booth = &plan.booths[0];
    let (status, html) = page(&app, &format!("/exhibitors/{}", booth.exhibitor_id), "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&booth.exhibitor_name.show(domain::Locale::En).text));
    assert!(
        html.contains("About us")
            && html.contains("Sign in to message the exhibitor")
            && html.contains("property=\"og:title\"")
    );
    // Only what works is offered: no button for a feature that is not there, and "Book a
    // meeting" leads to the booth's real booking page.
    for stale in ["Send an inquiry", "coming-soon"] {
        assert!(!html.contains(stale), "{stale}");
    }
    assert!(html.contains("Book a meeting"));
    assert!(html.contains(&format!("href=\"/exhibitors/{}/book\"", booth.exhibitor_id)));
    let detail = db::hall::exhibitor_detail(&app.db, &booth.exhibitor_id)
        .await
        .expect("q")
        .expect("detail");
    assert_eq!(
        html.matches("class=\"card product-card\"").count(),
        detail.products.len()
    );
    let product = &detail.products[0];
    let (status, html) = page(&app, &format!("/products/{}", product.id), "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Specifications") && html.contains("Rated power") && html.contains("USD ")
    );
    assert!(html.contains("More from this exhibitor"));
    // Korean has no product text: English is shown with an original-language marker in Korean.
    let (_, html) = page(&app, &format!("/products/{}", product.id), "ko").await;
    assert!(html.contains(&product.name.show(domain::Locale::En).text));
    assert!(html.contains(
        &app::shell::i18n::I18n {
            locale: domain::Locale::Ko
        }
        .t("content-original-language")
    ));
    for path in ["/exhibitors/nope", "/products/nope", "/products/%00"] {
        let (status, _) = page(&app, path, "en").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    // Server functions answer the same.
    let resp = app
        .call(
            &app.client,
            "product/get",
            &[("product_id", product.id.as_str())],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let v: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(v["card"]["id"], serde_json::json!(product.id));
}
both_backends!(booth_and_product_pages);

async fn the_booth_team_edits_its_about_text(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (uid, _) = db::account::find_credentials(&app.db, "exhibitor@expo.example")
        .await
        .expect("q")
        .expect("user");
    let own = db::account::memberships(&app.db, &uid)
        .await
        .expect("q")
        .into_iter()
        .find_map(|m| m.exhibitor_id)
        .expect("booth");
    let save =
        |client: reqwest::Client, exhibitor: String, language: &'static str, text: String| {
            let app = &app;
            async move {
                app.call(
                    &client,
                    "booth/save-about",
                    &[
                        ("input[exhibitor_id]", exhibitor.as_str()),
                        ("input[language]", language),
                        ("input[text]", text.as_str()),
                    ],
                )
                .await
                .status()
            }
        };
    let anonymous = save(app.new_client(), own.clone(), "en", "x".into()).await;
    assert_eq!(anonymous, StatusCode::UNAUTHORIZED);
    let visitor = app.new_client();
    app.login(&visitor, "visitor@expo.example", "expo-demo-2026")
        .await;
    assert_eq!(
        save(visitor, own.clone(), "en", "x".into()).await,
        StatusCode::FORBIDDEN
    );
    let team = app.new_client();
    app.login(&team, "exhibitor@expo.example", "expo-demo-2026")
        .await;
    assert_eq!(
        save(team.clone(), own.clone(), "tlh", "x".into()).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        save(team.clone(), own.clone(), "en", "y".repeat(4001)).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let text = "We build marine engines for fishing fleets <script>alert(1)</script>".to_owned();
    assert_eq!(
        save(team.clone(), own.clone(), "en", text.clone()).await,
        StatusCode::OK
    );
    let (_, html) = page(&app, &format!("/exhibitors/{own}"), "en").await;
    assert!(
        html.contains("We build marine engines for fishing fleets &lt;script&gt;"),
        "rendered inert"
    );
    assert!(!html.contains("<script>alert(1)</script>"));
    let (_, zh) = page(&app, &format!("/exhibitors/{own}"), "zh-CN").await;
    assert!(zh.contains("专业从事"), "other languages are kept");
    let audit = db::audit::recent(&app.db, "booth.about", 5)
        .await
        .expect("audit");
    assert_eq!(audit.len(), 1);
}
both_backends!(the_booth_team_edits_its_about_text);
