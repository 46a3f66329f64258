//! Register, sign in, sign out, throttling, authorization refusals, field errors.

use crate::both_backends;
use crate::helpers::{error_json, Backend, TestApp};
use reqwest::StatusCode;

const PASSWORD: &str = "correct horse battery";

async fn register_login_logout(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = &app.client;
    assert_eq!(app.me(c).await, None);
    let resp = app.register(c, "li.wei@example.com", PASSWORD).await;
    assert!(
        resp.status().is_success() || resp.status().is_redirection(),
        "register: {}",
        resp.status()
    );
    let cookies: Vec<String> = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().expect("ascii").to_owned())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("expo_session="))
        .expect("session cookie");
    assert!(
        session.contains("HttpOnly") && session.contains("SameSite=Lax"),
        "{session}"
    );
    assert!(
        !session.contains("Secure"),
        "no Secure without TLS: {session}"
    );
    assert!(
        cookies.iter().any(|c| c.starts_with("lang=en")),
        "language cookie from the preference"
    );
    assert_eq!(app.me(c).await.as_deref(), Some("Li Wei"));

    let resp = app.call(c, "account/logout", &[]).await;
    assert!(resp.status().is_success() || resp.status().is_redirection());
    assert_eq!(app.me(c).await, None, "signed out");

    let resp = app
        .login(c, "LI.WEI@example.com".to_lowercase().as_str(), PASSWORD)
        .await;
    assert!(
        resp.status().is_success() || resp.status().is_redirection(),
        "login: {}",
        resp.status()
    );
    assert_eq!(app.me(c).await.as_deref(), Some("Li Wei"));
    // The password is stored as an Argon2id hash, never as given.
    let audit = db::audit::recent(&app.db, "account.login", 10)
        .await
        .expect("audit");
    assert!(audit.iter().any(|(_, _, result)| result == "ok"));
}
both_backends!(register_login_logout);

async fn login_rotates_the_session(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.register(&app.client, "rot@example.com", PASSWORD).await;
    let first = app.login(&app.client, "rot@example.com", PASSWORD).await;
    let token = |r: &reqwest::Response| {
        r.headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|c| {
                c.strip_prefix("expo_session=")
                    .map(|v| v.split(';').next().unwrap_or("").to_owned())
            })
            .expect("session cookie")
    };
    let t1 = token(&first);
    let second = app.login(&app.client, "rot@example.com", PASSWORD).await;
    let t2 = token(&second);
    assert_ne!(t1, t2, "a new token at each sign-in");
    // The old token no longer works.
    let stale = app.new_client();
    let resp = stale
        .post(app.url("/api/account/me"))
        .header("Cookie", format!("expo_session={t1}"))
        .send()
        .await
        .expect("me");
    assert_eq!(resp.text().await.expect("body"), "null");
}
both_backends!(login_rotates_the_session);

async fn wrong_password_and_unknown_email(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.register(&app.client, "anna@example.com", PASSWORD)
        .await;
    let other = app.new_client();
    for (email, password) in [
        ("anna@example.com", "wrong password"),
        ("nobody@example.com", PASSWORD),
    ] {
        let resp = app.login(&other, email, password).await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = error_json(resp).await;
        assert_eq!(
            body["Validation"][0]["message_id"], "error-login-failed",
            "{body}"
        );
    }
    assert_eq!(app.me(&other).await, None);
}
both_backends!(wrong_password_and_unknown_email);

async fn duplicate_email(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = app.register(&app.client, "dup@example.com", PASSWORD).await;
    assert!(first.status().is_success() || first.status().is_redirection());
    let resp = app
        .register(&app.new_client(), " DUP@Example.com ", PASSWORD)
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_json(resp).await;
    assert_eq!(body["Validation"][0]["field"], "email");
    assert_eq!(body["Validation"][0]["message_id"], "error-email-taken");
}
both_backends!(duplicate_email);

async fn throttling_per_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.register(&app.client, "target@example.com", PASSWORD)
        .await;
    let attacker = app.new_client();
    for _ in 0..3 {
        let resp = app
            .login(&attacker, "target@example.com", "guess guess guess")
            .await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Locked now, even with the right password, until the window frees.
    let resp = app.login(&attacker, "target@example.com", PASSWORD).await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=600).contains(&retry), "retry after {retry}");
    let body = error_json(resp).await;
    assert!(
        body["RateLimited"]["retry_after_secs"].as_u64().is_some(),
        "{body}"
    );
    // Another account is not affected.
    app.register(&app.new_client(), "other@example.com", PASSWORD)
        .await;
    let resp = app
        .login(&app.new_client(), "other@example.com", PASSWORD)
        .await;
    assert!(resp.status().is_success() || resp.status().is_redirection());
}
both_backends!(throttling_per_account);

async fn throttling_per_address(backend: Backend) {
    let app = TestApp::spawn_with(backend, false, |c| c.login_max_failures_per_ip = 4).await;
    let c = app.new_client();
    for i in 0..4 {
        let resp = app
            .login(&c, &format!("spray{i}@example.com"), "guess guess guess")
            .await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let resp = app
        .login(&c, "spray9@example.com", "guess guess guess")
        .await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(resp.headers().get("retry-after").is_some());
}
both_backends!(throttling_per_address);

async fn bad_fields_get_field_errors(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let resp = app
        .call(
            &app.client,
            "account/register",
            &[
                ("input[email]", "not an email"),
                ("input[password]", "short"),
                ("input[display_name]", ""),
                ("input[company]", ""),
                ("input[country]", "XX"),
                ("input[language]", "tlh"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_json(resp).await;
    let errors = body["Validation"].as_array().expect("validation list");
    let by_field = |f: &str| {
        errors
            .iter()
            .find(|e| e["field"] == f)
            .map(|e| e["message_id"].as_str().unwrap_or("").to_owned())
    };
    assert_eq!(by_field("email").as_deref(), Some("error-email-invalid"));
    assert_eq!(
        by_field("password").as_deref(),
        Some("error-password-too-short")
    );
    assert_eq!(
        by_field("display_name").as_deref(),
        Some("error-display-name-required")
    );
    assert_eq!(
        by_field("country").as_deref(),
        Some("error-country-invalid")
    );
    assert_eq!(
        by_field("language").as_deref(),
        Some("error-language-invalid")
    );
    // Every id is translated in every interface language.
    for id in errors
        .iter()
        .map(|e| e["message_id"].as_str().unwrap_or("").to_owned())
    {
        for locale in domain::Locale::ALL {
            let text = app::shell::i18n::I18n { locale }.t(&id);
            assert!(
                !text.is_empty() && !text.contains("Unknown localization"),
                "{id} in {locale:?}"
            );
        }
    }
    // Nothing was half-written.
    assert_eq!(
        db::account::find_credentials(&app.db, "not an email")
            .await
            .expect("query"),
        None
    );
    // A malformed request body is a clear error, not a crash.
    let resp = app
        .call(&app.client, "account/register", &[("garbage", "1")])
        .await;
    assert_eq!(
        resp.status(),
        StatusCode::BAD_REQUEST,
        "a malformed form is bad input, not a fault"
    );
    let text = resp.text().await.expect("body");
    assert!(text.contains("error-request-malformed"), "{text}");
    assert!(!text.to_lowercase().contains("panic"), "{text}");
}
both_backends!(bad_fields_get_field_errors);

async fn roles_are_checked(backend: Backend) {
    use domain::account::Role;
    use domain::authz::{authorize, Action, Denied};
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("q")
        .expect("seeded expo");
    let (buyer_id, _) = db::account::find_credentials(&app.db, "buyer@expo.example")
        .await
        .expect("q")
        .expect("buyer");
    let (org_id, _) = db::account::find_credentials(&app.db, "organizer@expo.example")
        .await
        .expect("q")
        .expect("org");
    let buyer = domain::authz::Actor {
        memberships: db::account::memberships(&app.db, &buyer_id)
            .await
            .expect("q"),
        user_id: buyer_id,
    };
    let organizer = domain::authz::Actor {
        memberships: db::account::memberships(&app.db, &org_id).await.expect("q"),
        user_id: org_id,
    };
    assert!(buyer
        .memberships
        .iter()
        .any(|m| m.expo_id == expo.id && m.role == Role::Buyer));
    assert_eq!(
        authorize(Some(&buyer), Action::ManageExpo { expo_id: &expo.id }),
        Err(Denied::Forbidden)
    );
    assert_eq!(
        authorize(Some(&organizer), Action::ManageExpo { expo_id: &expo.id }),
        Ok(())
    );
    assert_eq!(
        authorize(None, Action::ManageExpo { expo_id: &expo.id }),
        Err(Denied::Unauthenticated)
    );
}
both_backends!(roles_are_checked);

async fn garbage_cookies_are_ignored(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    for cookie in [
        "expo_session=nonsense",
        "expo_session=",
        "expo_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; lang=xx-YY",
        "lang=<script>; ; ;=;expo_session",
        "expo_session=%00%ff; lang=ar",
    ] {
        let resp = app
            .new_client()
            .get(app.url("/"))
            .header("Cookie", cookie)
            .send()
            .await
            .expect("get");
        assert_eq!(resp.status(), StatusCode::OK, "{cookie}");
        let html = resp.text().await.expect("html");
        assert!(html.contains("<html"), "{cookie}");
    }
}
both_backends!(garbage_cookies_are_ignored);

async fn sessions_expire_when_idle(backend: Backend) {
    let app = TestApp::spawn_with(backend, false, |c| c.session_idle_secs = 1).await;
    app.register(&app.client, "idle@example.com", PASSWORD)
        .await;
    assert_eq!(app.me(&app.client).await.as_deref(), Some("Li Wei"));
    tokio::time::sleep(std::time::Duration::from_millis(1300)).await;
    assert_eq!(app.me(&app.client).await, None, "idle session ended");
}
both_backends!(sessions_expire_when_idle);

async fn sessions_expire_absolutely(backend: Backend) {
    let app = TestApp::spawn_with(backend, false, |c| c.session_absolute_secs = 1).await;
    app.register(&app.client, "abs@example.com", PASSWORD).await;
    assert_eq!(app.me(&app.client).await.as_deref(), Some("Li Wei"));
    tokio::time::sleep(std::time::Duration::from_millis(1300)).await;
    assert_eq!(
        app.me(&app.client).await,
        None,
        "session past its absolute expiry"
    );
}
both_backends!(sessions_expire_absolutely);

async fn sign_in_works_without_javascript(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let c = app.new_client();
    let form = |password: &'static str| {
        [
            ("input[email]", "visitor@expo.example"),
            ("input[password]", password),
            ("input[next]", "/live"),
        ]
    };
    // A browser form post without JavaScript: a wrong password goes back to the form with the
    // error in the URL, and the page renders it in the user's language.
    let resp = c
        .post(app.url("/api/account/login"))
        .header("Accept", "text/html,application/xhtml+xml")
        .header("Referer", app.url("/login"))
        .header("Cookie", "lang=en")
        .form(&form("wrong password!!"))
        .send()
        .await
        .expect("post");
    assert!(resp.status().is_redirection(), "{}", resp.status());
    let back = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("location")
        .to_owned();
    assert!(back.contains("/login") && back.contains("__err"), "{back}");
    let html = c
        .get(&back)
        .header("Cookie", "lang=en")
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("html");
    assert!(
        html.contains("The e-mail or password is wrong."),
        "error shown without JavaScript"
    );
    // The right password signs in and redirects to `next`.
    let resp = c
        .post(app.url("/api/account/login"))
        .header("Accept", "text/html")
        .header("Referer", app.url("/login"))
        .form(&form("expo-demo-2026"))
        .send()
        .await
        .expect("post");
    assert!(resp.status().is_redirection(), "{}", resp.status());
    assert_eq!(
        resp.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/live")
    );
    assert_eq!(app.me(&c).await.as_deref(), Some("Kim Minjun (Visitor)"));
}
both_backends!(sign_in_works_without_javascript);

async fn registration_is_throttled_per_address(backend: Backend) {
    let app = TestApp::spawn_with(backend, false, |c| c.registrations_per_ip_per_hour = 2).await;
    for i in 0..2 {
        let resp = app
            .register(&app.new_client(), &format!("r{i}@example.com"), PASSWORD)
            .await;
        assert!(resp.status().is_success() || resp.status().is_redirection());
    }
    let resp = app
        .register(&app.new_client(), "r9@example.com", PASSWORD)
        .await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(resp.headers().get("retry-after").is_some());
    assert_eq!(
        db::account::find_credentials(&app.db, "r9@example.com")
            .await
            .expect("q"),
        None
    );
}
both_backends!(registration_is_throttled_per_address);

async fn parallel_guesses_cannot_pass_the_throttle(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.register(&app.client, "burst@example.com", PASSWORD)
        .await;
    let mut tasks = Vec::new();
    for _ in 0..12 {
        let c = app.new_client();
        let url = app.url("/api/account/login");
        tasks.push(tokio::spawn(async move {
            c.post(url)
                .header("Accept", "application/json")
                .form(&[
                    ("input[email]", "burst@example.com"),
                    ("input[password]", "guess guess guess"),
                ])
                .send()
                .await
                .map(|r| r.status())
        }));
    }
    let mut wrong = 0;
    let mut limited = 0;
    for t in tasks {
        match t.await.expect("join").expect("request") {
            StatusCode::UNPROCESSABLE_ENTITY => wrong += 1,
            StatusCode::TOO_MANY_REQUESTS => limited += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert!(
        wrong <= 3,
        "at most the allowed 3 guesses were checked, got {wrong}"
    );
    assert_eq!(wrong + limited, 12);
}
both_backends!(parallel_guesses_cannot_pass_the_throttle);

async fn housekeeping_removes_what_expired(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.register(&app.client, "hk@example.com", PASSWORD).await;
    app.login(&app.new_client(), "hk@example.com", "wrong wrong wrong")
        .await;
    let auth = server::config::Config::auth(&crate::helpers::test_config("sqlite::memory:"));
    let later = db::now_millis() + 2 * 24 * 3600 * 1000;
    let removed = server::housekeeping::run_once(&app.db, &auth, later)
        .await
        .expect("run");
    assert!(
        removed >= 3,
        "session, failure and sign-up event removed: {removed}"
    );
    assert_eq!(app.me(&app.client).await, None);
}
both_backends!(housekeeping_removes_what_expired);

async fn cookies_are_secure_behind_a_tls_proxy(backend: Backend) {
    let app = TestApp::spawn_with(backend, false, |c| c.trust_forwarded_for = true).await;
    let resp = app
        .client
        .post(app.url("/api/account/register"))
        .header("Accept", "application/json")
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-For", "203.0.113.9")
        .form(&[
            ("input[email]", "tls@example.com"),
            ("input[password]", PASSWORD),
            ("input[display_name]", "Li Wei"),
            ("input[company]", ""),
            ("input[country]", "CN"),
            ("input[language]", "en"),
        ])
        .send()
        .await
        .expect("post");
    let cookies: Vec<String> = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect();
    assert!(!cookies.is_empty());
    assert!(
        cookies.iter().all(|c| c.contains("; Secure")),
        "{cookies:?}"
    );
    let audit = db::audit::recent(&app.db, "account.register", 1)
        .await
        .expect("audit");
    assert_eq!(audit.len(), 1);
}
both_backends!(cookies_are_secure_behind_a_tls_proxy);

/// Signs in from `address` (behind the trusted proxy); returns the status and Retry-After.
async fn login_from(
    app: &TestApp,
    address: &str,
    email: &str,
    password: &str,
) -> (StatusCode, Option<u64>) {
    let resp = app
        .new_client()
        .post(app.url("/api/account/login"))
        .header("Accept", "application/json")
        .header("X-Forwarded-For", address)
        .form(&[
            ("input[email]", email),
            ("input[password]", password),
            ("input[next]", "/"),
        ])
        .send()
        .await
        .expect("login");
    let retry = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok());
    (resp.status(), retry)
}

async fn a_strangers_guesses_never_lock_the_owner_out(backend: Backend) {
    let app = TestApp::spawn_with(backend, false, |c| {
        c.trust_forwarded_for = true;
        c.login_failure_window_secs = 3600;
    })
    .await;
    const OWNER: &str = "organizer@fair.example";
    app.register(&app.client, OWNER, PASSWORD).await;
    const ATTACKER: &str = "203.0.113.9";
    for _ in 0..3 {
        let (status, _) = login_from(&app, ATTACKER, OWNER, "guess guess guess").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // The attacker's address is paused for a minute, even with the right password…
    let (status, retry) = login_from(&app, ATTACKER, OWNER, PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let first = retry.expect("Retry-After");
    assert!((55..=60).contains(&first), "first pause {first}");
    // …while the owner, from their own address, signs in at once.
    let (status, _) = login_from(&app, "198.51.100.20", OWNER, PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    // The owner was told once, in their language, without the password.
    let mails: Vec<(String, String)> = db::notification::emails_to(&app.db, OWNER)
        .await
        .expect("outbox");
    let notices: Vec<_> = mails.iter().filter(|(s, _)| s.contains("paused")).collect();
    assert_eq!(notices.len(), 1, "{mails:?}");
    assert!(notices[0].1.contains(ATTACKER) && notices[0].1.contains("/forgot-password"));
    assert!(!notices[0].1.contains("guess"));

    // Once the pause is over, one more guess is allowed; its failure doubles the pause.
    let shift = |ms: i64| {
        let app = &app;
        async move {
            sqlx::query("UPDATE login_failures SET at = at - $1")
                .bind(ms)
                .execute(&app.sql().await)
                .await
                .expect("shift");
        }
    };
    shift(61_000).await;
    let (status, _) = login_from(&app, ATTACKER, OWNER, "guess guess guess").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, retry) = login_from(&app, ATTACKER, OWNER, "guess guess guess").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let second = retry.expect("Retry-After");
    assert!((115..=120).contains(&second), "second pause {second}");
    // Still one notice: the pause only grew.
    let notices = db::notification::emails_to(&app.db, OWNER)
        .await
        .expect("outbox")
        .iter()
        .filter(|(s, _)| s.contains("paused"))
        .count();
    assert_eq!(notices, 1);

    // An IPv6 attacker cannot rotate through the addresses of its /64.
    for i in 1..=3 {
        let (status, _) = login_from(
            &app,
            &format!("2001:db8:7:7::{i:x}"),
            OWNER,
            "guess guess guess",
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let (status, _) = login_from(&app, "2001:db8:7:7:ffff::1", OWNER, PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "same /64");
    let (status, _) = login_from(&app, "2001:db8:7:8::1", OWNER, PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "another /64");
}
both_backends!(a_strangers_guesses_never_lock_the_owner_out);

async fn ipv6_registrations_are_counted_per_64(backend: Backend) {
    let app = TestApp::spawn_with(backend, false, |c| {
        c.trust_forwarded_for = true;
        c.registrations_per_ip_per_hour = 2;
    })
    .await;
    let register = |i: u32, address: String| {
        let app = &app;
        async move {
            app.new_client()
                .post(app.url("/api/account/register"))
                .header("Accept", "application/json")
                .header("X-Forwarded-For", address)
                .form(&[
                    ("input[email]", format!("v6-{i}@example.com").as_str()),
                    ("input[password]", PASSWORD),
                    ("input[display_name]", "Li Wei"),
                    ("input[company]", ""),
                    ("input[country]", "CN"),
                    ("input[language]", "en"),
                ])
                .send()
                .await
                .expect("register")
                .status()
        }
    };
    for i in 0..2 {
        let s = register(i, format!("2001:db8:5:5::{:x}", i + 1)).await;
        assert!(s.is_success(), "{s}");
    }
    assert_eq!(
        register(2, "2001:db8:5:5:abcd::99".to_owned()).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert!(register(3, "2001:db8:5:6::1".to_owned()).await.is_success());
}
both_backends!(ipv6_registrations_are_counted_per_64);
