//! Search: the index follows the database (seeded data, edits, deletions) on both backends,
//! multilingual queries, facets, bad input, records, suggestions, the page without JavaScript.

use crate::helpers::{Backend, TestApp};
use crate::media::{own_exhibitor, EXHIBITOR, PASSWORD};
use reqwest::StatusCode;
use serde_json::Value;
use std::time::{Duration, Instant};

const ORGANIZER: &str = "organizer@expo.example";

async fn search(app: &TestApp, client: &reqwest::Client, fields: &[(&str, &str)]) -> Value {
    let form: Vec<(String, &str)> = fields
        .iter()
        .map(|(k, v)| (format!("query[{k}]"), *v))
        .collect();
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let resp = app.call(client, "search/run", &pairs).await;
    assert_eq!(resp.status(), StatusCode::OK, "search {fields:?}");
    resp.json().await.expect("json")
}

fn product_ids(results: &Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h.get("Product"))
        .map(|p| p["card"]["id"].as_str().expect("id").to_owned())
        .collect()
}

fn names(results: &Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h.get("Product"))
        .map(|p| p["card"]["name"]["values"].to_string())
        .collect()
}

/// Waits until the index holds the seeded expo (the follower builds it when the server starts).
async fn wait_for_index(app: &TestApp) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let r = search(app, &app.new_client(), &[]).await;
        if r["total"].as_u64().unwrap_or(0) > 0 {
            return;
        }
        assert!(Instant::now() < deadline, "the index was never built");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Polls until `found` holds for the search, at most `limit` after `since`; returns the time.
async fn until(
    app: &TestApp,
    fields: &[(&str, &str)],
    limit: Duration,
    found: impl Fn(&Value) -> bool,
) -> Duration {
    let since = Instant::now();
    loop {
        let r = search(app, &app.new_client(), fields).await;
        if found(&r) {
            return since.elapsed();
        }
        assert!(
            since.elapsed() < limit,
            "not searchable within {limit:?}: {fields:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn facet_sum(results: &Value, facet: &str) -> u64 {
    results["facets"][facet]
        .as_array()
        .expect("facet")
        .iter()
        .map(|c| c["count"].as_u64().expect("count"))
        .sum()
}

async fn chinese_and_english_queries_find_the_marine_engines(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    wait_for_index(&app).await;
    let client = app.new_client();

    let zh = search(&app, &client, &[("q", "船用发动机")]).await;
    let en = search(&app, &client, &[("q", "marine engine")]).await;
    let zh_ids = product_ids(&zh);
    let en_ids = product_ids(&en);
    assert!(!zh_ids.is_empty(), "船用发动机 found nothing: {zh}");
    assert!(
        names(&zh)[0].contains("船用发动机") || names(&zh)[0].contains("船用柴油发动机"),
        "best Chinese match: {:?}",
        names(&zh)
    );
    assert!(
        names(&en)[0].to_lowercase().contains("marine"),
        "{:?}",
        names(&en)
    );
    // The same products, whichever language is asked.
    let seeded: Vec<(String,)> = seeded_marine_engines(&app).await;
    let engine_ids: Vec<&String> = seeded.iter().map(|(id,)| id).collect();
    for id in &engine_ids {
        assert!(zh_ids.contains(id), "船用发动机 misses {id}");
        assert!(en_ids.contains(id), "marine engine misses {id}");
    }

    // Facet counts add up to the total (each result has one kind, one hall, one country).
    for r in [&zh, &en, &search(&app, &client, &[]).await] {
        let total = r["total"].as_u64().expect("total");
        assert!(total > 0);
        for facet in ["kind", "hall", "country"] {
            assert_eq!(facet_sum(r, facet), total, "{facet} counts of {r}");
        }
    }
    // A filter narrows to its count; the other values of that facet stay listed.
    let all = search(&app, &client, &[("q", "engine")]).await;
    let marine = all["facets"]["hall"]
        .as_array()
        .expect("halls")
        .iter()
        .find(|c| c["value"] == "marine")
        .expect("marine hall")["count"]
        .as_u64()
        .expect("count");
    let filtered = search(&app, &client, &[("q", "engine"), ("hall", "marine")]).await;
    assert_eq!(filtered["total"].as_u64(), Some(marine));
    assert_eq!(
        filtered["facets"]["hall"].as_array().map(Vec::len),
        all["facets"]["hall"].as_array().map(Vec::len)
    );
    let products_only = search(&app, &client, &[("kind", "product"), ("hall", "marine")]).await;
    assert!(products_only["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .all(|h| h.get("Product").is_some()));
    // Sorting by price: ascending starting prices.
    let by_price = search(&app, &client, &[("q", "engine"), ("sort", "price_asc")]).await;
    let prices: Vec<i64> = by_price["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["Product"]["card"]["price"]["min"].as_i64())
        .collect();
    assert!(
        prices.len() > 1 && prices.windows(2).all(|w| w[0] <= w[1]),
        "{prices:?}"
    );

    // Suggestions while typing: an unfinished word, a Chinese beginning.
    for prefix in ["mari", "船用发"] {
        let resp = app.call(&client, "search/suggest", &[("q", prefix)]).await;
        assert_eq!(resp.status(), StatusCode::OK);
        let s: Value = resp.json().await.expect("json");
        let first = s
            .as_array()
            .expect("list")
            .first()
            .cloned()
            .unwrap_or_default();
        assert!(
            first["href"].as_str().unwrap_or("").starts_with('/'),
            "{prefix}: {s}"
        );
    }
}
crate::both_backends!(chinese_and_english_queries_find_the_marine_engines);

/// The ids of the seeded products whose Chinese name is 船用发动机.
async fn seeded_marine_engines(app: &TestApp) -> Vec<(String,)> {
    let client = app.new_client();
    let r = search(app, &client, &[("q", "船用发动机"), ("kind", "product")]).await;
    r["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h.get("Product"))
        .filter(|p| p["card"]["name"]["values"]["zh-CN"] == "船用发动机")
        .map(|p| (p["card"]["id"].as_str().expect("id").to_owned(),))
        .collect()
}

async fn edits_and_deletions_reach_the_index(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    wait_for_index(&app).await;
    let exhibitor = own_exhibitor(&app).await;
    app.login(&app.client, EXHIBITOR, PASSWORD).await;

    // A new product with a word nobody else uses.
    let mut form: Vec<(String, String)> = [
        ("product_id", ""),
        ("exhibitor_id", exhibitor.as_str()),
        ("language", "en"),
        ("name", "Zephyrwing bilge pump"),
        ("description", "Self-priming pump for small vessels"),
        ("category", "marine"),
        ("price_min", "120"),
        ("price_max", "150"),
        ("currency", "USD"),
        ("min_order", "1"),
        ("lead_time_days", "10"),
        ("certifications", "CE"),
        ("origin", "CN"),
    ]
    .into_iter()
    .map(|(k, v)| (format!("input[{k}]"), v.to_owned()))
    .collect();
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let resp = app.call(&app.client, "product/save", &pairs).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let product_id: String = resp.json().await.expect("json");
    let waited = until(&app, &[("q", "zephyrwing")], Duration::from_secs(1), |r| {
        !product_ids(r).is_empty()
    })
    .await;
    println!("new product searchable after {waited:?}");
    let r = search(&app, &app.new_client(), &[("q", "zephyrwing")]).await;
    assert_eq!(product_ids(&r), vec![product_id.clone()]);

    // Renamed: the new name is found, the old one no longer.
    for (k, v) in form.iter_mut() {
        if k == "input[product_id]" {
            v.clone_from(&product_id);
        }
        if k == "input[name]" {
            *v = "Quillfeather bilge pump".to_owned();
        }
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let resp = app.call(&app.client, "product/save", &pairs).await;
    assert_eq!(resp.status(), StatusCode::OK);
    until(
        &app,
        &[("q", "quillfeather")],
        Duration::from_secs(1),
        |r| product_ids(r) == vec![product_id.clone()],
    )
    .await;
    until(&app, &[("q", "zephyrwing")], Duration::from_secs(1), |r| {
        product_ids(r).is_empty()
    })
    .await;

    // Deleted: gone from results.
    let resp = app
        .call(
            &app.client,
            "product/delete",
            &[("product_id", product_id.as_str())],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    until(
        &app,
        &[("q", "quillfeather")],
        Duration::from_secs(1),
        |r| r["total"] == 0,
    )
    .await;
}
crate::both_backends!(edits_and_deletions_reach_the_index);

async fn bad_input_gets_a_result_or_a_notice(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    wait_for_index(&app).await;
    let client = app.new_client();
    let notices = |r: &Value| -> Vec<String> {
        r["notices"]
            .as_array()
            .expect("notices")
            .iter()
            .map(|n| n["message_id"].as_str().expect("id").to_owned())
            .collect()
    };
    // Empty: everything, browsable by filters.
    let all = search(&app, &client, &[("q", "   ")]).await;
    assert!(all["total"].as_u64().expect("total") > 300);
    // Too long: not searched, said so.
    let long = "发动机".repeat(100);
    let r = search(&app, &client, &[("q", &long)]).await;
    assert_eq!(notices(&r), ["search-notice-too-long"]);
    // Operators are words, not syntax.
    for q in [
        "marine AND (engine OR",
        "\"engine",
        "-pump* +valve~2 ^3",
        "title:engine",
        "[* TO *]",
        "\\",
        "<script>alert(1)</script>",
        "\u{0}\u{7}engine",
    ] {
        let r = search(&app, &client, &[("q", q)]).await;
        assert!(notices(&r).is_empty(), "{q}: {r}");
    }
    let r = search(&app, &client, &[("q", "marine AND (engine OR")]).await;
    assert!(r["total"].as_u64().expect("total") > 0);
    // Unknown filters and paging: set aside with a notice.
    let r = search(
        &app,
        &client,
        &[
            ("q", "engine"),
            ("hall", "atlantis"),
            ("country", "XX"),
            ("kind", "robot"),
            ("price", "EUR-99"),
            ("sort", "random"),
            ("page", "abc"),
        ],
    )
    .await;
    assert_eq!(
        notices(&r),
        [
            "search-notice-unknown-filter",
            "search-notice-unknown-filter",
            "search-notice-unknown-filter",
            "search-notice-unknown-filter",
            "search-notice-unknown-sort",
            "search-notice-bad-page"
        ]
    );
    assert!(r["total"].as_u64().expect("total") > 0);
    let r = search(&app, &client, &[("q", "engine"), ("page", "100000")]).await;
    assert_eq!(notices(&r), ["search-notice-page-too-deep"]);
    assert_eq!(r["request"]["page"], 50);
    // A malformed request body is a 400 with a message, not a server error.
    let resp = app
        .new_client()
        .post(app.url("/api/search/run"))
        .header("Accept", "application/json")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("query[q]=%FF%FE&query[page][x]=1")
        .send()
        .await
        .expect("send");
    assert!(
        resp.status().is_client_error() || resp.status().is_success(),
        "{}",
        resp.status()
    );
    // Suggestions of nothing are nothing.
    let resp = app.call(&client, "search/suggest", &[("q", "")]).await;
    assert_eq!(
        resp.json::<Value>().await.expect("json"),
        serde_json::json!([])
    );

    // The page without JavaScript: the GET form's URL renders results on the server, with
    // the notices, in the visitor's language.
    let html = app.html("/search?q=marine+engine&hall=atlantis").await;
    assert!(html.contains("<mark>"), "highlighted matches");
    assert!(html.contains("atlantis"), "the refused filter is named");
    assert!(html.contains("/products/"), "product links");
    let html = app.html("/search?q=qwxzv").await;
    assert!(html.contains("class=\"search-empty\""), "empty state");
}
crate::both_backends!(bad_input_gets_a_result_or_a_notice);

async fn searches_are_recorded_and_zero_results_listed(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    wait_for_index(&app).await;
    let visitor = app.new_client();
    search(
        &app,
        &visitor,
        &[("q", "marine engine"), ("hall", "marine")],
    )
    .await;
    search(&app, &visitor, &[("q", "Unobtainium widget")]).await;
    search(&app, &visitor, &[("q", "unobtainium WIDGET")]).await;
    // Further pages of the same search are not new searches; blank ones are not searches.
    search(&app, &visitor, &[("q", "marine engine"), ("page", "2")]).await;
    search(&app, &visitor, &[]).await;
    let buyer = app.new_client();
    app.login(&buyer, "buyer@expo.example", PASSWORD).await;
    search(&app, &buyer, &[("q", "船用发动机")]).await;

    // Only organizers see the insights.
    let resp = app.call(&visitor, "search/insights", &[]).await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let resp = app.call(&buyer, "search/insights", &[]).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let organizer = app.new_client();
    app.login(&organizer, ORGANIZER, PASSWORD).await;
    let resp = app.call(&organizer, "search/insights", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let s: Value = resp.json().await.expect("json");
    assert_eq!(s["searches"], 4, "{s}");
    assert_eq!(s["zero"], 2, "{s}");
    assert_eq!(s["zero_queries"][0][0], "unobtainium widget");
    assert_eq!(s["zero_queries"][0][1], 2);
    assert_eq!(s["zero_queries"].as_array().map(Vec::len), Some(1));
    let html = {
        let resp = organizer
            .get(app.url("/dashboard/searches"))
            .send()
            .await
            .expect("get");
        resp.text().await.expect("html")
    };
    assert!(html.contains("unobtainium widget"));

    // What a record holds: filters, count, language, person or pseudonymous visitor.
    let rows = db::search::zero_result_queries(&app.db, &expo_id(&app).await, 0, 10)
        .await
        .expect("q");
    assert_eq!(rows.len(), 1);
    let records = records(&app).await;
    let first = records
        .iter()
        .find(|r| r.0 == "marine engine")
        .expect("recorded");
    assert_eq!(first.1, r#"{"hall":"marine"}"#);
    assert!(first.2 > 0);
    assert!(first.4.is_none(), "anonymous");
    assert_eq!(first.5.len(), 24, "visitor id");
    let by_buyer = records
        .iter()
        .find(|r| r.0 == "船用发动机")
        .expect("recorded");
    assert!(by_buyer.4.is_some(), "the buyer is named");
}
crate::both_backends!(searches_are_recorded_and_zero_results_listed);

async fn expo_id(app: &TestApp) -> String {
    db::expo::current_expo(&app.db)
        .await
        .expect("q")
        .expect("expo")
        .id
}

/// (query, filters, result_count, locale, user_id, visitor_id) of every record.
async fn records(app: &TestApp) -> Vec<(String, String, i64, String, Option<String>, String)> {
    db::search::records_since(&app.db, &expo_id(app).await, 0)
        .await
        .expect("records")
}

async fn reindex_rebuilds_the_index_from_the_database(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    wait_for_index(&app).await;
    let dir =
        std::env::temp_dir().join(format!("expo-it-reindex-{}", uuid::Uuid::now_v7().simple()));
    let run = |dir: std::path::PathBuf, url: String| {
        tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_expo-server"))
                .args(["search", "reindex"])
                .env("DATABASE_URL", url)
                .env("EXPO_SEARCH_DIR", dir)
                .env("RUST_LOG", "warn")
                .output()
                .expect("run expo-server")
        })
    };
    let out = run(dir.clone(), app.database_url.clone())
        .await
        .expect("join");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expo_id = expo_id(&app).await;
    let (booths, products) = crate::share::public_pages(&app).await;
    assert!(
        stdout.contains(&format!(
            "search index rebuilt: {} documents",
            booths.len() + products.len()
        )),
        "{stdout}"
    );
    // The rebuilt index answers like the server's own.
    let index = app::search::engine::SearchIndex::open(&dir).expect("open");
    let request = domain::search::SearchRequest {
        text: "船用发动机".into(),
        page: 1,
        ..Default::default()
    };
    let rebuilt = index.search(&expo_id, &request).expect("search");
    let live = search(&app, &app.new_client(), &[("q", "船用发动机")]).await;
    assert_eq!(Some(rebuilt.total), live["total"].as_u64());
    // While something holds the folder (a running server), the command refuses and says why.
    let out = run(dir.clone(), app.database_url.clone())
        .await
        .expect("join");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a server using it?"));
    drop(index);
    let _ = std::fs::remove_dir_all(&dir);
}
crate::both_backends!(reindex_rebuilds_the_index_from_the_database);
