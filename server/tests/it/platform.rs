//! Health checks, security headers, body limit, cross-site refusal, language negotiation,
//! the landing page.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use reqwest::StatusCode;

async fn health_and_readiness(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("healthz");
    assert_eq!(h.status(), StatusCode::OK);
    let r = app
        .client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("readyz");
    assert_eq!(r.status(), StatusCode::OK);
    let v: serde_json::Value = r.json().await.expect("json");
    assert_eq!(v["database"], "ok");
    app.db.close().await;
    let r = app
        .client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("readyz");
    assert_eq!(
        r.status(),
        StatusCode::SERVICE_UNAVAILABLE,
        "a closed database is not ready"
    );
}
both_backends!(health_and_readiness);

async fn landing_page_and_security_headers(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let resp = app
        .client
        .get(app.url("/"))
        .header("Accept-Language", "en-US,en;q=0.9")
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status(), StatusCode::OK);
    let h = resp.headers().clone();
    let csp = h
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .expect("CSP")
        .to_owned();
    assert!(
        csp.contains("'wasm-unsafe-eval'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert_eq!(
        h.get("x-content-type-options")
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
    assert!(h.get("referrer-policy").is_some());
    assert!(h.get("permissions-policy").is_some());
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .expect("nonce")
        .to_owned();
    let html = resp.text().await.expect("html");
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "scripts carry the CSP nonce"
    );
    assert!(
        html.contains("<html lang=\"en\" dir=\"ltr\""),
        "{}",
        &html[..200.min(html.len())]
    );
    assert!(html.contains("China (Weihai) International Digital Expo 2026"));
    assert!(html.contains("Marine Equipment Hall"));
    let plain = html.replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        plain.contains("December 8, 2026 – December 14, 2026"),
        "dates formatted per locale"
    );
    // A second request gets another nonce.
    let again = app.client.get(app.url("/")).send().await.expect("get");
    let csp2 = again
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    assert_ne!(csp, csp2);
}
both_backends!(landing_page_and_security_headers);

async fn languages_and_direction(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let page = |accept: &'static str, cookie: Option<&'static str>| {
        let mut req = app
            .new_client()
            .get(app.url("/"))
            .header("Accept-Language", accept);
        if let Some(c) = cookie {
            req = req.header("Cookie", c);
        }
        async move { req.send().await.expect("get").text().await.expect("html") }
    };
    assert!(page("zh-CN", None)
        .await
        .contains("<html lang=\"zh-CN\" dir=\"ltr\""));
    assert!(
        page("fr-FR, de", None)
            .await
            .contains("<html lang=\"zh-CN\""),
        "default language"
    );
    assert!(
        page("en", Some("lang=ar"))
            .await
            .contains("<html lang=\"ar\" dir=\"rtl\""),
        "cookie wins"
    );
    assert!(
        page("ko-KR", Some("lang=tlh"))
            .await
            .contains("<html lang=\"ko\""),
        "bad cookie ignored"
    );
    // The switch stores the cookie and returns to a same-site path only.
    let resp = app
        .client
        .get(app.url("/lang/ja?next=/live"))
        .send()
        .await
        .expect("switch");
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        resp.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/live")
    );
    assert!(resp
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("lang=ja")));
    let evil = app
        .client
        .get(app.url("/lang/en?next=//evil.example/"))
        .send()
        .await
        .expect("switch");
    assert_eq!(
        evil.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/")
    );
    let unknown = app
        .new_client()
        .get(app.url("/lang/xx?next=/"))
        .send()
        .await
        .expect("switch");
    assert!(
        unknown.headers().get("set-cookie").is_none(),
        "unknown tag changes nothing"
    );
}

async fn language_switch_survives_garbage(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in [
        "/lang/%FF?next=/live",
        "/lang/en?next=/a&next=/b",
        "/lang/en?next=%ZZ",
        "/lang/en?next=/%09/evil.example",
        "/lang/en?next=/%0A",
    ] {
        let resp = app
            .new_client()
            .get(app.url(path))
            .send()
            .await
            .expect("get");
        assert_eq!(resp.status(), StatusCode::SEE_OTHER, "{path}");
        let location = resp
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        assert!(
            location.starts_with('/') && !location.starts_with("//") && !location.contains("evil"),
            "{path} -> {location}"
        );
    }
}
both_backends!(language_switch_survives_garbage);

both_backends!(languages_and_direction);

async fn oversized_body_is_413(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let big = "x".repeat(200 * 1024);
    let resp = app
        .client
        .post(app.url("/api/account/login"))
        .header("Cookie", "lang=en")
        .form(&[("input[email]", big.as_str()), ("input[password]", "p")])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        resp.text().await.expect("body"),
        "The request is too large."
    );
}
both_backends!(oversized_body_is_413);

/// Sends a chunked POST without `Content-Length` (as an attacker streaming an endless body
/// would) of `total` bytes in 8 KiB chunks; returns the response's status line and body.
async fn chunked_post(app: &TestApp, path: &str, total: usize) -> (String, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = app.base.trim_start_matches("http://").to_owned();
    let mut socket = tokio::net::TcpStream::connect(&addr)
        .await
        .expect("connect");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\n\
         Cookie: lang=en\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    socket.write_all(head.as_bytes()).await.expect("head");
    let chunk = "x".repeat(8192);
    let mut sent = 0;
    while sent < total {
        let frame = format!("{:x}\r\n{chunk}\r\n", chunk.len());
        // The server may answer and close before the whole body is sent.
        if socket.write_all(frame.as_bytes()).await.is_err() {
            break;
        }
        sent += chunk.len();
    }
    let _ = socket.write_all(b"0\r\n\r\n").await;
    let mut answer = Vec::new();
    let _ = socket.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer.lines().next().unwrap_or("").to_owned();
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

async fn chunked_bodies_are_cut_at_the_limit(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // Server functions were buffered without a limit when no length was declared.
    for path in [
        "/api/account/login",
        "/api/account/register",
        "/api/search/suggest",
    ] {
        let (status, body) = chunked_post(&app, path, 4 << 20).await;
        assert!(status.contains(" 413 "), "{path}: {status}");
        assert!(body.contains("The request is too large."), "{path}: {body}");
    }
    // A small chunked body still reaches the server function.
    let (status, _) = chunked_post(&app, "/api/account/login", 8192).await;
    assert!(!status.contains(" 413 "), "{status}");
}
both_backends!(chunked_bodies_are_cut_at_the_limit);

async fn cross_site_posts_are_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let resp = app
        .client
        .post(app.url("/api/account/logout"))
        .header("Origin", "https://evil.example")
        .header("Cookie", "lang=zh-CN")
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        resp.text().await.expect("body"),
        "该请求来自其他网站，已被拒绝。"
    );
    let resp = app
        .client
        .post(app.url("/api/account/logout"))
        .header("Sec-Fetch-Site", "cross-site")
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let same = app
        .client
        .post(app.url("/api/account/logout"))
        .header("Origin", app.base.clone())
        .header("Sec-Fetch-Site", "same-origin")
        .send()
        .await
        .expect("post");
    assert_ne!(same.status(), StatusCode::FORBIDDEN);
}
both_backends!(cross_site_posts_are_refused);

async fn not_found_is_404(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let resp = app
        .client
        .get(app.url("/no/such/page"))
        .header("Cookie", "lang=en")
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    assert!(resp.text().await.expect("body").contains("Page not found"));
}
both_backends!(not_found_is_404);

async fn internal_errors_show_an_incident_not_the_cause(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    app.db.close().await;
    let resp = app
        .client
        .get(app.url("/"))
        .header("Cookie", "lang=en")
        .send()
        .await
        .expect("get");
    let html = resp
        .text()
        .await
        .expect("html")
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        html.contains("Something went wrong on our side. Incident "),
        "localized message with an incident id"
    );
    // The CSP nonce is random base64 and may spell anything; it is not error text.
    let nonce = html
        .split("nonce=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page carries a nonce")
        .to_owned();
    let html = html.replace(&nonce, "NONCE");
    let lower = html.to_lowercase();
    for leak in ["pool", "sqlx", "closed", "database"] {
        if let Some(at) = lower.find(leak) {
            let from = lower.floor_char_boundary(at.saturating_sub(300));
            let to = lower.ceil_char_boundary((at + 300).min(lower.len()));
            panic!(
                "internal error text leaked: {leak} in …{}…",
                &lower[from..to]
            );
        }
    }
    // Server functions answer with the same incident shape.
    let resp = app.call(&app.client, "expo/landing", &[]).await;
    assert_eq!(resp.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = crate::helpers::error_json(resp).await;
    assert!(
        body["Internal"]["incident"]
            .as_str()
            .is_some_and(|s| s.len() >= 8),
        "{body}"
    );
}
both_backends!(internal_errors_show_an_incident_not_the_cause);
