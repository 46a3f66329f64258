//! Expo setup: settings (checked, shown on the landing page, the application window enforced),
//! new halls, moving booths on a plan (grid, overlaps and the outside refused, two organizers
//! at once), and who may do any of it.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::{EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::realtime::{new_person, session_cookie};
use domain::hall::{HallPlan, Rect};
use reqwest::StatusCode;

const ORGANIZER: &str = "organizer@expo.example";

async fn body(resp: reqwest::Response) -> (StatusCode, String) {
    let status = resp.status();
    (status, resp.text().await.expect("body"))
}

async fn plan(app: &TestApp, slug: &str) -> HallPlan {
    post(app, "", "hall/get", &[("slug", slug)])
        .await
        .json()
        .await
        .expect("plan")
}

fn expo_form<'a>(open: &'a str, close: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("input[name][en]", "Weihai Marine Expo 2026"),
        ("input[name][zh_cn]", "2026 威海海洋博览会"),
        ("input[tagline][en]", "Ships, ports and the sea"),
        ("input[starts_on]", "2026-12-08"),
        ("input[ends_on]", "2026-12-14"),
        ("input[time_zone]", "Asia/Shanghai"),
        ("input[applications_open]", open),
        ("input[applications_close]", close),
    ]
}

async fn settings_are_checked_shown_and_close_applications(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let (status, text) = body(
        post(
            &app,
            &organizer,
            "setup/save-expo",
            &[
                ("input[starts_on]", "2026-12-14"),
                ("input[ends_on]", "2026-12-08"),
                ("input[time_zone]", "Mars/Base"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    for id in [
        "setup-error-name",
        "setup-error-time-zone",
        "setup-error-date-order",
    ] {
        assert!(text.contains(id), "{id}: {text}");
    }
    let (status, text) =
        body(post(&app, &organizer, "setup/save-expo", &expo_form("", "")).await).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let landing = reqwest::Client::new()
        .get(app.url("/"))
        .header("accept-language", "en")
        .send()
        .await
        .expect("landing")
        .text()
        .await
        .expect("body");
    assert!(
        landing.contains("Weihai Marine Expo 2026"),
        "the landing page shows the new name"
    );

    // A window that has closed: applications are refused with the reason.
    let (status, _) = body(
        post(
            &app,
            &organizer,
            "setup/save-expo",
            &expo_form("2020-01-01", "2020-02-01"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let applicant = new_person(&app, "late@example.com").await;
    let (status, text) = body(
        post(
            &app,
            &applicant,
            "application/submit",
            &[
                ("input[company]", "Late Co"),
                ("input[country]", "DE"),
                ("input[industries][]", "marine"),
                ("input[license_no]", "HRB-1234"),
                ("input[product_summary]", "Winches"),
                ("input[contact_name]", "Max"),
                ("input[contact_email]", "max@late.example"),
                ("input[contact_phone]", "+49 40 123456"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{text}");
    assert!(text.contains("apply-error-closed"));
    // Applications closing after the expo's end make no sense.
    let (status, text) = body(
        post(
            &app,
            &organizer,
            "setup/save-expo",
            &expo_form("", "2027-01-01"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("setup-error-window"));
}
both_backends!(settings_are_checked_shown_and_close_applications);

async fn halls_are_added_and_booths_move_without_overlapping(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    // A new hall: checked, then listed, with a unique slug.
    let (status, text) = body(
        post(
            &app,
            &organizer,
            "setup/add-hall",
            &[
                ("input[industry]", "space"),
                ("input[width]", "99"),
                ("input[height]", "x"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for id in [
        "setup-error-name",
        "apply-error-industry",
        "setup-error-plan-size",
    ] {
        assert!(text.contains(id), "{id}: {text}");
    }
    let hall = [
        ("input[name][en]", "Cold Chain Hall"),
        ("input[name][zh_cn]", "冷链馆"),
        ("input[industry]", "food"),
        ("input[width]", "1600"),
        ("input[height]", "900"),
    ];
    let (status, slug) = body(post(&app, &organizer, "setup/add-hall", &hall).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(slug, "\"cold-chain-hall\"");
    let (_, again) = body(post(&app, &organizer, "setup/add-hall", &hall).await).await;
    assert_eq!(again, "\"cold-chain-hall-2\"");
    let new = plan(&app, "cold-chain-hall").await;
    assert_eq!((new.width, new.height, new.booths.len()), (1600, 900, 0));

    // Moving booths on the marine hall.
    let marine = plan(&app, "marine").await;
    let m01 = marine
        .booths
        .iter()
        .find(|b| b.code == "M-01")
        .expect("M-01")
        .clone();
    let m02 = marine
        .booths
        .iter()
        .find(|b| b.code == "M-02")
        .expect("M-02")
        .clone();
    let mv = |cookie: String, id: String, r: [&'static str; 4]| {
        let app = &app;
        async move {
            body(
                post(
                    app,
                    &cookie,
                    "setup/move-booth",
                    &[
                        ("booth_id", id.as_str()),
                        ("x", r[0]),
                        ("y", r[1]),
                        ("width", r[2]),
                        ("height", r[3]),
                    ],
                )
                .await,
            )
            .await
        }
    };
    // Onto M-02, out of the hall, too small, not numbers: refused, nothing moves.
    let onto = m02.rect;
    let onto_x = onto.x.to_string();
    let (status, text) = body(
        post(
            &app,
            &organizer,
            "setup/move-booth",
            &[
                ("booth_id", m01.booth_id.as_str()),
                ("x", onto_x.as_str()),
                ("y", "40"),
                ("width", "200"),
                ("height", "140"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("plan-error-overlap"), "{text}");
    for (r, id) in [
        (["1100", "600", "200", "140"], "plan-error-outside"),
        (["-20", "40", "200", "140"], "plan-error-outside"),
        (["40", "560", "40", "140"], "plan-error-too-small"),
        (["forty", "40", "200", "140"], "plan-error-number"),
        (["1e9", "40", "200", "140"], "plan-error-number"),
    ] {
        let (status, text) = mv(organizer.clone(), m01.booth_id.clone(), r).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{r:?}");
        assert!(text.contains(id), "{r:?}: {text}");
    }
    assert_eq!(
        plan(&app, "marine")
            .await
            .booths
            .iter()
            .find(|b| b.code == "M-01")
            .map(|b| b.rect),
        Some(m01.rect)
    );

    // Into free space at the bottom, snapped to the grid.
    let (status, text) = mv(
        organizer.clone(),
        m01.booth_id.clone(),
        ["611", "549", "190", "131"],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let placed: Rect = serde_json::from_str(&text).expect("rect");
    assert_eq!(
        placed,
        Rect {
            x: 620,
            y: 540,
            width: 200,
            height: 140
        }
    );
    let after = plan(&app, "marine").await;
    let moved = after
        .booths
        .iter()
        .find(|b| b.code == "M-01")
        .expect("M-01");
    assert_eq!(moved.rect, placed);
    assert!(after
        .booths
        .iter()
        .filter(|b| b.code != "M-01")
        .all(|b| !b.rect.overlaps(&placed)));

    // Two organizers move two booths into the same free spot at once: one gets it.
    let organizer2 = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let (a, b) = tokio::join!(
        mv(
            organizer.clone(),
            m02.booth_id.clone(),
            ["900", "540", "200", "140"]
        ),
        mv(
            organizer2,
            marine.booths[5].booth_id.clone(),
            ["900", "540", "200", "140"]
        ),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::OK, StatusCode::UNPROCESSABLE_ENTITY],
        "{a:?} {b:?}"
    );
    let last = plan(&app, "marine").await;
    for (i, x) in last.booths.iter().enumerate() {
        for y in &last.booths[i + 1..] {
            assert!(
                !x.rect.overlaps(&y.rect),
                "{} and {} overlap",
                x.code,
                y.code
            );
        }
    }
    assert_eq!(
        db::audit::recent(&app.db, "booth.move", 10)
            .await
            .expect("audit")
            .len(),
        2
    );
}
both_backends!(halls_are_added_and_booths_move_without_overlapping);

async fn only_organizers_set_up_the_expo(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let visitor = new_person(&app, "visitor@example.com").await;
    let booth = plan(&app, "marine").await.booths[0].booth_id.clone();
    for (who, expected) in [
        ("", StatusCode::UNAUTHORIZED),
        (visitor.as_str(), StatusCode::FORBIDDEN),
        (exhibitor.as_str(), StatusCode::FORBIDDEN),
    ] {
        assert_eq!(post(&app, who, "setup/get", &[]).await.status(), expected);
        assert_eq!(
            post(&app, who, "setup/plan", &[("slug", "marine")])
                .await
                .status(),
            expected
        );
        assert_eq!(
            post(&app, who, "setup/save-expo", &expo_form("", ""))
                .await
                .status(),
            expected
        );
        assert_eq!(
            post(
                &app,
                who,
                "setup/add-hall",
                &[
                    ("input[name][en]", "X"),
                    ("input[industry]", "food"),
                    ("input[width]", "800"),
                    ("input[height]", "800")
                ]
            )
            .await
            .status(),
            expected
        );
        assert_eq!(
            post(
                &app,
                who,
                "setup/move-booth",
                &[
                    ("booth_id", booth.as_str()),
                    ("x", "620"),
                    ("y", "540"),
                    ("width", "200"),
                    ("height", "140")
                ]
            )
            .await
            .status(),
            expected
        );
    }
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    assert_eq!(
        post(
            &app,
            &organizer,
            "setup/move-booth",
            &[
                ("booth_id", "0193b1a0-0000-7000-8000-000000000000"),
                ("x", "0"),
                ("y", "0"),
                ("width", "100"),
                ("height", "100")
            ]
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(&app, &organizer, "setup/plan", &[("slug", "nowhere")])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}
both_backends!(only_organizers_set_up_the_expo);

async fn organizers_set_booth_tiers(backend: Backend) {
    use domain::hall::BoothTier;
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    async fn plan(app: &TestApp) -> HallPlan {
        let resp = post(app, "", "hall/get", &[("slug", "marine")]).await;
        resp.json::<HallPlan>().await.expect("plan")
    }
    let m01 = plan(&app)
        .await
        .booths
        .into_iter()
        .find(|b| b.code == "M-01")
        .expect("M-01");
    let form = [("booth_id", m01.booth_id.as_str()), ("tier", "flagship")];
    assert_eq!(
        post(&app, "", "setup/booth-tier", &form).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post(&app, &exhibitor, "setup/booth-tier", &form)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let resp = post(
        &app,
        &organizer,
        "setup/booth-tier",
        &[("booth_id", m01.booth_id.as_str()), ("tier", "gold")],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.text().await.expect("body").contains("plan-error-tier"));
    let resp = post(
        &app,
        &organizer,
        "setup/booth-tier",
        &[("booth_id", "nope"), ("tier", "premium")],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        post(&app, &organizer, "setup/booth-tier", &form)
            .await
            .status(),
        StatusCode::OK
    );
    let after = plan(&app).await;
    let m01 = after
        .booths
        .iter()
        .find(|b| b.code == "M-01")
        .expect("M-01");
    assert_eq!(m01.tier, BoothTier::Flagship);
}
both_backends!(organizers_set_booth_tiers);

async fn the_brand_color_reaches_every_page_and_must_carry_white_text(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let page = |path: &'static str| {
        let url = app.url(path);
        async move {
            reqwest::Client::new()
                .get(url)
                .send()
                .await
                .expect("page")
                .text()
                .await
                .expect("body")
        }
    };
    assert!(
        !page("/").await.contains("data-brand="),
        "no brand color at first"
    );
    for (color, id) in [
        ("#ffd600", "setup-error-color-contrast"),
        ("navy", "setup-error-color"),
    ] {
        let mut form = expo_form("", "");
        form.push(("input[brand_color]", color));
        let (status, text) = body(post(&app, &organizer, "setup/save-expo", &form).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text.contains(id), "{color}: {text}");
    }
    let mut form = expo_form("", "");
    form.push(("input[brand_color]", "#0B5CAD"));
    let (status, text) = body(post(&app, &organizer, "setup/save-expo", &form).await).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    for path in ["/", "/halls", "/help"] {
        let html = page(path).await;
        assert!(
            html.contains(r##"data-brand="#0b5cad""##)
                && html.contains("--color-primary:light-dark(#0b5cad,#6d93ff)")
                && html.contains("--color-primary-strong:light-dark(#094a8a,#8eabff)"),
            "{path} carries the brand color"
        );
    }
    // Clearing it brings the platform's colors back.
    let (status, _) =
        body(post(&app, &organizer, "setup/save-expo", &expo_form("", "")).await).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page("/halls").await.contains("data-brand="));
}
both_backends!(the_brand_color_reaches_every_page_and_must_carry_white_text);
