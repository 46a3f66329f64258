//! Password reset: the link by e-mail, used once, expiring, ending sessions; the same answer
//! for unknown addresses; throttling; bad input.

use crate::both_backends;
use crate::helpers::{error_json, Backend, TestApp};
use reqwest::StatusCode;

const OLD: &str = "correct horse battery";
const NEW: &str = "staple battery horse 42";

/// The token of the newest reset link mailed to `to`, and how many reset mails there are.
pub(crate) async fn mailed_token(app: &TestApp, to: &str) -> (Option<String>, usize) {
    let mail = db::notification::emails_to(&app.db, to)
        .await
        .expect("outbox");
    let links: Vec<String> = mail
        .iter()
        .filter_map(|(_, body)| {
            let at = body.find("/reset-password?token=")?;
            let token: String = body[at + "/reset-password?token=".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            Some(token)
        })
        .collect();
    (links.last().cloned(), links.len())
}

pub(crate) async fn forgot(app: &TestApp, email: &str) -> reqwest::Response {
    app.call(
        &app.new_client(),
        "account/forgot",
        &[("input[email]", email)],
    )
    .await
}

async fn reset(app: &TestApp, token: &str, password: &str, confirm: &str) -> reqwest::Response {
    app.call(
        &app.new_client(),
        "account/reset",
        &[
            ("input[token]", token),
            ("input[password]", password),
            ("input[confirm]", confirm),
        ],
    )
    .await
}

fn ok(resp: &reqwest::Response) -> bool {
    resp.status().is_success() || resp.status().is_redirection()
}

async fn usable(app: &TestApp, token: &str) -> bool {
    let resp = app
        .call(&app.new_client(), "account/reset-link", &[("token", token)])
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("json")
}

async fn reset_by_email(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = app.new_client();
    assert!(ok(&app.register(&owner, "li.wei@example.com", OLD).await));
    assert_eq!(app.me(&owner).await.as_deref(), Some("Li Wei"));

    // Unknown address: the same answer, no mail, nothing stored.
    let unknown = forgot(&app, "nobody@example.com").await;
    let unknown = (unknown.status(), unknown.text().await.expect("body"));
    assert_eq!(unknown.0, StatusCode::OK);
    assert_eq!(mailed_token(&app, "nobody@example.com").await.1, 0);

    let known = forgot(&app, "li.wei@example.com").await;
    assert_eq!(
        (known.status(), known.text().await.expect("body")),
        unknown,
        "the same answer"
    );
    // A plain form post (no JavaScript) is sent on to the page that says a link went out.
    let plain = app
        .new_client()
        .post(app.url("/api/account/forgot"))
        .header("Accept", "text/html")
        .header("Referer", app.url("/forgot-password"))
        .form(&[("input[email]", "nobody@example.com")])
        .send()
        .await
        .expect("post");
    assert!(plain.status().is_redirection(), "{}", plain.status());
    assert_eq!(
        plain
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/forgot-password?sent=1")
    );
    let (token, n) = mailed_token(&app, "li.wei@example.com").await;
    assert_eq!(n, 1);
    let token = token.expect("a link in the mail");
    assert_eq!(token.len(), 43, "{token}");
    let mail = db::notification::emails_to(&app.db, "li.wei@example.com")
        .await
        .expect("outbox");
    assert!(mail[0].0.contains("Reset your password"), "{mail:?}");
    assert!(mail[0].1.contains("60 minutes"), "{mail:?}");
    // Only the hash is kept.
    let now = db::now_millis();
    assert!(!db::account::reset_usable(&app.db, &token, now)
        .await
        .expect("raw"));
    let hash = app::account::session::hash_token(&token);
    assert!(db::account::reset_usable(&app.db, &hash, now)
        .await
        .expect("hash"));
    assert!(usable(&app, &token).await);
    let page = app.html(&format!("/reset-password?token={token}")).await;
    assert!(page.contains("reset-confirm"), "the form is shown");

    // Mistakes keep the link usable.
    let mismatch = error_json(reset(&app, &token, NEW, "something else entirely").await).await;
    assert!(
        mismatch.to_string().contains("error-password-mismatch"),
        "{mismatch}"
    );
    let short = error_json(reset(&app, &token, "short", "short").await).await;
    assert!(
        short.to_string().contains("error-password-too-short"),
        "{short}"
    );
    assert!(usable(&app, &token).await);

    assert!(ok(&reset(&app, &token, NEW, NEW).await));
    // Every session of the account ended; the old password no longer works, the new one does.
    assert_eq!(app.me(&owner).await, None, "signed out everywhere");
    let c = app.new_client();
    assert_eq!(
        app.login(&c, "li.wei@example.com", OLD).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert!(ok(&app.login(&c, "li.wei@example.com", NEW).await));
    assert_eq!(app.me(&c).await.as_deref(), Some("Li Wei"));

    // Used once only.
    assert!(!usable(&app, &token).await);
    let again = reset(&app, &token, "another new password", "another new password").await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error_json(again)
        .await
        .to_string()
        .contains("reset-error-link"));
    let page = app.html(&format!("/reset-password?token={token}")).await;
    assert!(
        page.contains("/forgot-password"),
        "an unusable link offers a new one"
    );
    let audit = db::audit::recent(&app.db, "account.reset", 10)
        .await
        .expect("audit");
    assert!(audit.iter().any(|(_, _, result)| result == "ok"));
}
both_backends!(reset_by_email);

async fn a_forged_host_never_reaches_the_link(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    assert!(ok(&app
        .register(&app.new_client(), "kim@example.com", OLD)
        .await));
    let resp = app
        .new_client()
        .post(app.url("/api/account/forgot"))
        .header("Accept", "application/json")
        .header("Host", "evil.example")
        .form(&[("input[email]", "kim@example.com")])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::OK);
    let mail = db::notification::emails_to(&app.db, "kim@example.com")
        .await
        .expect("outbox");
    assert_eq!(mail.len(), 1);
    assert!(!mail[0].1.contains("evil.example"), "{}", mail[0].1);
    assert!(
        mail[0].1.contains("http://127.0.0.1:"),
        "the server's own address: {}",
        mail[0].1
    );
    // With a public origin, that one.
    let app = TestApp::spawn_with(backend, false, |c| {
        c.public_origin = Some("https://expo.example".into());
    })
    .await;
    assert!(ok(&app
        .register(&app.new_client(), "kim@example.com", OLD)
        .await));
    assert!(ok(&forgot(&app, "kim@example.com").await));
    let mail = db::notification::emails_to(&app.db, "kim@example.com")
        .await
        .expect("outbox");
    assert!(
        mail[0]
            .1
            .contains("https://expo.example/reset-password?token="),
        "{}",
        mail[0].1
    );
}
both_backends!(a_forged_host_never_reaches_the_link);

async fn links_expire_and_a_new_one_cancels_nothing_else(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    assert!(ok(&app
        .register(&app.new_client(), "kim@example.com", OLD)
        .await));
    assert!(ok(&forgot(&app, "kim@example.com").await));
    let first = mailed_token(&app, "kim@example.com")
        .await
        .0
        .expect("first");
    assert!(ok(&forgot(&app, "kim@example.com").await));
    let second = mailed_token(&app, "kim@example.com")
        .await
        .0
        .expect("second");
    assert_ne!(first, second);
    // Links stop working after an hour (checked by the store at a later time).
    let hash = app::account::session::hash_token(&first);
    let later = db::now_millis() + domain::account::RESET_LINK_MINUTES * 60_000 + 1;
    assert!(!db::account::reset_usable(&app.db, &hash, later)
        .await
        .expect("usable"));
    let mut tx = app.db.begin().await.expect("tx");
    assert_eq!(
        db::account::use_reset(&mut tx, &hash, "x", later)
            .await
            .expect("use"),
        None
    );
    drop(tx);
    assert!(usable(&app, &first).await, "still usable now");
    // Using the second link closes every other open link of the account.
    assert!(ok(&forgot(&app, "kim@example.com").await));
    let third = mailed_token(&app, "kim@example.com")
        .await
        .0
        .expect("third");
    assert!(ok(&reset(&app, &second, NEW, NEW).await));
    assert!(!usable(&app, &third).await);
    // At most three links an hour per account: a fourth request is answered alike, no mail.
    let before = mailed_token(&app, "kim@example.com").await.1;
    assert_eq!(before, 3);
    assert_eq!(
        forgot(&app, "kim@example.com").await.status(),
        StatusCode::OK
    );
    assert_eq!(mailed_token(&app, "kim@example.com").await.1, 3);
    // Housekeeping removes expired links.
    let auth = server::config::Config::auth(&crate::helpers::test_config("sqlite::memory:"));
    let later = db::now_millis() + 2 * 3600 * 1000;
    let removed = server::housekeeping::run_once(&app.db, &auth, later)
        .await
        .expect("housekeeping");
    assert!(removed >= 3, "{removed}");
    assert_eq!(
        db::account::purge_resets(&app.db, later)
            .await
            .expect("purge"),
        0,
        "housekeeping removed the three expired links"
    );
}
both_backends!(links_expire_and_a_new_one_cancels_nothing_else);

async fn bad_input_is_refused_clearly(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let bad_email = forgot(&app, "not an address").await;
    assert_eq!(bad_email.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error_json(bad_email)
        .await
        .to_string()
        .contains("error-email-invalid"));
    for token in ["", "x", "../../etc", &"A".repeat(43), &"é".repeat(43)] {
        assert!(!usable(&app, token).await, "{token}");
        let resp = reset(&app, token, NEW, NEW).await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY, "{token}");
        assert!(error_json(resp)
            .await
            .to_string()
            .contains("reset-error-link"));
    }
    // A missing form is a 400, not a 500.
    let resp = app
        .new_client()
        .post(app.url("/api/account/reset"))
        .header("Accept", "application/json")
        .body("garbage")
        .send()
        .await
        .expect("post");
    assert!(resp.status().is_client_error(), "{}", resp.status());
    // Requests per address are throttled like registrations.
    let app = TestApp::spawn_with(backend, false, |c| c.registrations_per_ip_per_hour = 2).await;
    assert_eq!(forgot(&app, "a@example.com").await.status(), StatusCode::OK);
    assert_eq!(forgot(&app, "b@example.com").await.status(), StatusCode::OK);
    let third = forgot(&app, "c@example.com").await;
    assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
}
both_backends!(bad_input_is_refused_clearly);
