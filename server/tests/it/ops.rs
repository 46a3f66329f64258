//! Emergency tools: the alert banner reaches open sockets (stored before published, replayed
//! after a reconnect) and every rendered page; maintenance mode makes the platform read-only
//! for all but organizers and operators; the status page; who may use the tools.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::{own_exhibitor, EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::realtime::{booth_room, new_person, session_cookie, Ws};
use domain::ops::{Banner, ExpoEvent, Health, Severity, StatusReport};
use domain::realtime::{EventBody, ServerFrame};
use reqwest::StatusCode;
use serde_json::json;

const ORGANIZER: &str = "organizer@expo.example";

async fn expo_id(app: &TestApp) -> String {
    db::expo::current_expo(&app.db)
        .await
        .expect("q")
        .expect("demo expo")
        .id
}

async fn expo_change(ws: &mut Ws) -> (i64, ExpoEvent) {
    match ws
        .until(|f| matches!(f, ServerFrame::Event(e) if matches!(e.body, EventBody::Expo(_))))
        .await
    {
        ServerFrame::Event(e) => match e.body {
            EventBody::Expo(change) => (e.id, change),
            _ => unreachable!(),
        },
        _ => unreachable!(),
    }
}

async fn banner(app: &TestApp) -> Banner {
    let resp = post(app, "", "ops/banner", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let banner: Option<Banner> = resp.json().await.expect("json");
    banner.expect("an expo")
}

async fn alerts_reach_open_pages_and_come_back_after_a_reconnect(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let expo = expo_id(&app).await;
    let topic = format!("expo:{expo}");
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    // An anonymous visitor's page follows the expo's topic.
    let mut visitor = Ws::connect(&app, None).await;
    visitor.subscribe(&topic, None).await;
    let before = banner(&app).await;
    assert_eq!(before.alert, None);

    let resp = post(
        &app,
        &organizer,
        "ops/raise-alert",
        &[
            ("severity", "critical"),
            (
                "text[en]",
                "The opening ceremony stream is delayed by 10 minutes.",
            ),
            ("text[zh_cn]", "开幕式直播推迟 10 分钟。"),
        ],
    )
    .await;
    assert_eq!(
        resp.status(),
        StatusCode::OK,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let (raised_id, change) = expo_change(&mut visitor).await;
    let ExpoEvent::AlertRaised { alert } = change else {
        panic!("expected a raised alert, got {change:?}");
    };
    assert_eq!(alert.severity, Severity::Critical);
    assert_eq!(
        alert.text.show(domain::Locale::ZhCn).text,
        "开幕式直播推迟 10 分钟。"
    );
    assert_eq!(
        alert.text.original,
        domain::Locale::ZhCn,
        "the organizer wrote in zh-CN"
    );
    // Stored: the banner every page is rendered with has it, and the page itself shows it
    // (the page cache does not hold the old page).
    let now = banner(&app).await;
    assert_eq!(now.alert.as_ref().map(|a| &a.id), Some(&alert.id));
    assert!(now.after >= raised_id);
    let page = reqwest::Client::new()
        .get(app.url("/"))
        .header("accept-language", "en")
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(
        page.contains("The opening ceremony stream is delayed"),
        "the landing page shows the alert"
    );
    assert!(page.contains("data-banner=\"alert\""));

    // A page that was offline meanwhile catches up from where it was rendered.
    let mut late = Ws::connect(&app, None).await;
    late.send(json!({"t": "sub", "topic": topic, "after": before.after}))
        .await;
    let (id, change) = expo_change(&mut late).await;
    assert_eq!(id, raised_id);
    assert!(matches!(change, ExpoEvent::AlertRaised { .. }));

    // A second alert replaces the first; taking it down clears every page.
    let resp = post(
        &app,
        &organizer,
        "ops/raise-alert",
        &[
            ("severity", "info"),
            ("text[en]", "Forum B starts in hall 2."),
        ],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (_, change) = expo_change(&mut visitor).await;
    let ExpoEvent::AlertRaised { alert: second } = change else {
        panic!("{change:?}");
    };
    let resp = post(&app, &organizer, "ops/clear-alert", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.json::<bool>().await.expect("json"));
    let (_, change) = expo_change(&mut visitor).await;
    assert_eq!(
        change,
        ExpoEvent::AlertCleared {
            id: second.id.clone()
        }
    );
    assert_eq!(banner(&app).await.alert, None);
    // Nothing left to take down.
    let resp = post(&app, &organizer, "ops/clear-alert", &[]).await;
    assert!(!resp.json::<bool>().await.expect("json"));

    // The console lists both, newest first, and the audit log has every step.
    let console: domain::ops::OpsConsole = post(&app, &organizer, "ops/console", &[])
        .await
        .json()
        .await
        .expect("console");
    assert_eq!(console.history.len(), 2);
    assert_eq!(console.history[0].0.id, second.id);
    assert!(console.history.iter().all(|(_, cleared)| cleared.is_some()));
    let raised = db::audit::recent(&app.db, "ops.alert.raise", 10)
        .await
        .expect("audit");
    assert_eq!(raised.len(), 2);
}
both_backends!(alerts_reach_open_pages_and_come_back_after_a_reconnect);

async fn only_organizers_and_operators_use_the_tools_and_bad_input_is_explained(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let visitor = new_person(&app, "visitor@example.com").await;
    let form = [("severity", "warning"), ("text[en]", "x")];
    for (who, status) in [
        ("", StatusCode::UNAUTHORIZED),
        (visitor.as_str(), StatusCode::FORBIDDEN),
        (exhibitor.as_str(), StatusCode::FORBIDDEN),
    ] {
        for endpoint in ["ops/raise-alert", "ops/clear-alert", "ops/console"] {
            assert_eq!(
                post(&app, who, endpoint, &form).await.status(),
                status,
                "{endpoint}"
            );
        }
        assert_eq!(
            post(&app, who, "ops/maintenance", &[("on", "true")])
                .await
                .status(),
            status
        );
    }
    assert_eq!(
        db::ops::active_alert(&app.db, &expo_id(&app).await)
            .await
            .expect("q"),
        None
    );

    // An operator (granted by the organizer's role table) may.
    let operator = new_person(&app, "operator@example.com").await;
    let (uid, _) = db::account::find_credentials(&app.db, "operator@example.com")
        .await
        .expect("q")
        .expect("user");
    let expo = expo_id(&app).await;
    let mut tx = app.db.begin().await.expect("tx");
    db::account::grant_role(
        &mut tx,
        &uid,
        &expo,
        domain::account::Role::Operator,
        None,
        db::now_millis(),
    )
    .await
    .expect("grant");
    db::commit(tx).await.expect("commit");
    assert_eq!(
        post(&app, &operator, "ops/raise-alert", &form)
            .await
            .status(),
        StatusCode::OK
    );

    // Bad input: every problem named, nothing stored.
    let long = "长".repeat(501);
    for (form, id) in [
        (vec![("severity", "warning")], "ops-error-text-required"),
        (
            vec![("severity", "warning"), ("text[en]", "   ")],
            "ops-error-text-required",
        ),
        (
            vec![("severity", "loud"), ("text[en]", "x")],
            "ops-error-severity",
        ),
        (
            vec![("severity", "info"), ("text[zh_cn]", long.as_str())],
            "ops-error-text-too-long",
        ),
        (vec![("text[en]", "x")], "error-request-malformed"),
    ] {
        let resp = post(&app, &organizer, "ops/raise-alert", &form).await;
        let status = resp.status();
        let body = resp.text().await.expect("body");
        assert!(status.is_client_error(), "{form:?}: {status}");
        assert!(body.contains(id), "{form:?}: {body}");
    }
    let console: domain::ops::OpsConsole = post(&app, &organizer, "ops/console", &[])
        .await
        .json()
        .await
        .expect("console");
    assert_eq!(console.history.len(), 1, "only the operator's alert");
}
both_backends!(only_organizers_and_operators_use_the_tools_and_bad_input_is_explained);

async fn maintenance_makes_the_platform_read_only_but_for_organizers(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let exhibitor_id = own_exhibitor(&app).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let team = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let buyer = new_person(&app, "buyer@example.com").await;
    let room = booth_room(&app, &buyer, &exhibitor_id).await;
    let about = |text: &'static str| {
        vec![
            ("input[exhibitor_id]", exhibitor_id.clone()),
            ("input[language]", "en".to_owned()),
            ("input[text]", text.to_owned()),
        ]
    };
    let save_about = |cookie: String, text: &'static str| {
        let app = &app;
        let form = about(text);
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post(app, &cookie, "booth/save-about", &form).await.status()
        }
    };
    assert!(save_about(team.clone(), "Before maintenance.")
        .await
        .is_success());
    let status: StatusReport = post(&app, "", "ops/status", &[])
        .await
        .json()
        .await
        .expect("status");
    assert_eq!(status.overall, Health::Operational);

    let mut visitor = Ws::connect(&app, None).await;
    visitor
        .subscribe(&format!("expo:{}", expo_id(&app).await), None)
        .await;
    let resp = post(
        &app,
        &organizer,
        "ops/maintenance",
        &[("on", "true"), ("text[en]", "Back at 14:00 UTC.")],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (_, change) = expo_change(&mut visitor).await;
    let ExpoEvent::Maintenance {
        maintenance: Some(m),
    } = change
    else {
        panic!("{change:?}");
    };
    assert_eq!(
        m.text.expect("note").show(domain::Locale::En).text,
        "Back at 14:00 UTC."
    );

    // The exhibitor's edit is refused with the read-only error; reading goes on.
    let resp = post(
        &app,
        &team,
        "booth/save-about",
        &[
            ("input[exhibitor_id]", exhibitor_id.as_str()),
            ("input[language]", "en"),
            ("input[text]", "During maintenance."),
        ],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
    let err: app::AppError = resp.json().await.expect("app error");
    assert_eq!(err, app::AppError::ReadOnly);
    let detail: domain::product::ExhibitorDetail = post(
        &app,
        &team,
        "booth/get",
        &[("exhibitor_id", exhibitor_id.as_str())],
    )
    .await
    .json()
    .await
    .expect("read");
    assert!(detail
        .about
        .show(domain::Locale::En)
        .text
        .contains("Before maintenance."));
    // A plain form post gets a page in its language.
    let resp = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(app.url("/api/booth/save-about"))
        .header("cookie", &team)
        .header("accept", "text/html")
        .header("accept-language", "zh-CN")
        .form(
            &about("x")
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(resp.text().await.expect("body").contains("维护"));
    // Chat, over the socket and over HTTP, is paused too; signing in still works.
    let mut ws = Ws::connect(&app, Some(&buyer)).await;
    ws.send(json!({"t": "send", "room": room, "text": "hello?", "cid": "c-maint-1"}))
        .await;
    assert!(matches!(
        ws.until(|f| matches!(f, ServerFrame::Refused { .. } | ServerFrame::Ack { .. })).await,
        ServerFrame::Refused { code, .. } if code == "error-read-only"
    ));
    assert_eq!(
        post(
            &app,
            &buyer,
            "chat/send",
            &[
                ("room_id", room.as_str()),
                ("text", "hi"),
                ("cid", "c-maint-2")
            ]
        )
        .await
        .status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    let _ = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    // Uploads are writes as well.
    let resp = reqwest::Client::new()
        .post(app.url("/api/media/upload"))
        .header("cookie", &team)
        .header("accept", "application/json")
        .body("x")
        .send()
        .await
        .expect("upload");
    assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
    // The organizer still works, and the status page says the platform is limited.
    assert!(save_about(organizer.clone(), "Fixed by the organizer.")
        .await
        .is_success());
    let status: StatusReport = post(&app, "", "ops/status", &[])
        .await
        .json()
        .await
        .expect("status");
    assert_eq!(status.overall, Health::Degraded);
    let page = reqwest::Client::new()
        .get(app.url("/status"))
        .header("accept-language", "en")
        .send()
        .await
        .expect("status page");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(html.contains("Platform status") && html.contains("data-health=\"status-degraded\""));
    assert!(html.contains("data-banner=\"maintenance\""));

    // Off again: the exhibitor writes.
    let resp = post(&app, &organizer, "ops/maintenance", &[("on", "false")]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (_, change) = expo_change(&mut visitor).await;
    assert_eq!(change, ExpoEvent::Maintenance { maintenance: None });
    assert!(save_about(team.clone(), "After maintenance.")
        .await
        .is_success());
    let _ = ws;
}
both_backends!(maintenance_makes_the_platform_read_only_but_for_organizers);
