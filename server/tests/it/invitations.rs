//! Invitation links: visits counted, the code remembered in a cookie, registrations counted
//! per source, unknown codes harmless, only organizers make and read them.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::{EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::realtime::{new_person, session_cookie};
use domain::invitation::InvitationStats;
use reqwest::StatusCode;

const ORGANIZER: &str = "organizer@expo.example";

async fn stats(app: &TestApp, organizer: &str) -> Vec<InvitationStats> {
    let resp = post(app, organizer, "invitation/list", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("json")
}

/// Follows `/i/<code>` without following the redirect; returns (status, location, cookie).
async fn follow(app: &TestApp, code: &str) -> (StatusCode, String, Option<String>) {
    let resp = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .get(app.url(&format!("/i/{code}")))
        .send()
        .await
        .expect("follow");
    let location = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let cookie = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("expo_invite="))
        .map(str::to_owned);
    (resp.status(), location, cookie)
}

async fn register_with(app: &TestApp, email: &str, cookie: Option<&str>) -> StatusCode {
    let mut req = reqwest::Client::new()
        .post(app.url("/api/account/register"))
        .header("accept", "application/json")
        .form(&[
            ("input[email]", email),
            ("input[password]", "a-long-password-1"),
            ("input[display_name]", "Invited"),
            ("input[company]", ""),
            ("input[country]", "CN"),
            ("input[language]", "zh-CN"),
        ]);
    if let Some(c) = cookie {
        req = req.header("cookie", c.split(';').next().unwrap_or(""));
    }
    req.send().await.expect("register").status()
}

async fn links_count_visits_and_registrations_per_source(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    for bad in ["", "WeChat Campaign!", "微信"] {
        let resp = post(&app, &organizer, "invitation/create", &[("source", bad)]).await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(resp
            .text()
            .await
            .expect("body")
            .contains("invite-error-source"));
    }
    let make = |source: &'static str| {
        let app = &app;
        let organizer = organizer.clone();
        async move {
            let resp = post(app, &organizer, "invitation/create", &[("source", source)]).await;
            assert_eq!(resp.status(), StatusCode::OK);
            resp.json::<String>().await.expect("code")
        }
    };
    let wechat = make("wechat-december").await;
    let partner = make("partner-kotra").await;
    assert_ne!(wechat, partner);

    // Two visits through the WeChat link, one through the partner's; two registrations follow
    // the WeChat link, one person registers with no link at all.
    let (status, location, cookie) = follow(&app, &wechat).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, "/register");
    let cookie = cookie.expect("the code is remembered");
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && cookie.contains("Max-Age=2592000")
    );
    let _ = follow(&app, &wechat).await;
    let (_, _, partner_cookie) = follow(&app, &partner).await;
    assert!(partner_cookie.is_some());
    assert_eq!(
        register_with(&app, "a@example.com", Some(&cookie)).await,
        StatusCode::OK
    );
    assert_eq!(
        register_with(&app, "b@example.com", Some(&cookie)).await,
        StatusCode::OK
    );
    assert_eq!(
        register_with(&app, "c@example.com", None).await,
        StatusCode::OK
    );
    // A forged cookie counts for nobody.
    assert_eq!(
        register_with(&app, "d@example.com", Some("expo_invite=zzzzzzzzzzzz")).await,
        StatusCode::OK
    );

    let list = stats(&app, &organizer).await;
    let by = |s: &str| list.iter().find(|i| i.source == s).expect("listed").clone();
    assert_eq!(
        (
            by("wechat-december").visits,
            by("wechat-december").registrations
        ),
        (2, 2)
    );
    assert_eq!(
        (
            by("partner-kotra").visits,
            by("partner-kotra").registrations
        ),
        (1, 0)
    );

    // Unknown or malformed codes: on to registration, nothing remembered, nothing counted.
    for code in ["zzzzzzzzzzzz", "not-a-code", "ABCDEFGHIJKL"] {
        let (status, location, cookie) = follow(&app, code).await;
        assert_eq!(
            (status, location.as_str()),
            (StatusCode::SEE_OTHER, "/register"),
            "{code}"
        );
        assert!(cookie.is_none(), "{code}");
    }
    let after = stats(&app, &organizer).await;
    assert_eq!(after.iter().map(|i| i.visits).sum::<i64>(), 3);
}
both_backends!(links_count_visits_and_registrations_per_source);

async fn only_organizers_make_and_read_links(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let visitor = new_person(&app, "visitor@example.com").await;
    for (who, expected) in [
        ("", StatusCode::UNAUTHORIZED),
        (visitor.as_str(), StatusCode::FORBIDDEN),
        (exhibitor.as_str(), StatusCode::FORBIDDEN),
    ] {
        assert_eq!(
            post(&app, who, "invitation/list", &[]).await.status(),
            expected
        );
        assert_eq!(
            post(&app, who, "invitation/create", &[("source", "mine")])
                .await
                .status(),
            expected
        );
    }
}
both_backends!(only_organizers_make_and_read_links);
