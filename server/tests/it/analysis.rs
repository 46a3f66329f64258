//! The analysis page's figures on a known set of events (traffic, visit lengths, the funnel,
//! searches, sources, buyers' countries), its filters, who may read which booth, and its
//! exports, on both backends.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::EXHIBITOR;
use crate::trade::{booth_and_product, inquiry, new_buyer, send, signed_in};
use app::analytics::api::AnalysisPage;
use domain::analysis::Analysis;
use reqwest::{Client, StatusCode};

const ORGANIZER: &str = "organizer@expo.example";

async fn analysis(app: &TestApp, c: &Client, day: &str, hall: &str, booth: &str) -> Analysis {
    let resp = app
        .call(
            c,
            "analytics/analysis",
            &[("day", day), ("hall", hall), ("booth", booth)],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let page: AnalysisPage = resp.json().await.expect("analysis");
    page.analysis
}

async fn status(app: &TestApp, c: &Client, day: &str, booth: &str) -> StatusCode {
    app.call(
        c,
        "analytics/analysis",
        &[("day", day), ("hall", ""), ("booth", booth)],
    )
    .await
    .status()
}

async fn beacon(app: &TestApp, c: &Client, form: &[(&str, &str)]) {
    let resp = app.call(c, "footprint", form).await;
    assert_eq!(resp.status(), StatusCode::OK);
}

/// Records that `user` registered through an invitation tagged `source` (made for it).
async fn registered_through(app: &TestApp, expo: &str, source: &str, user: &str) {
    let sql = app.sql().await;
    let now = db::now_millis();
    let id = format!("inv-{source}");
    sqlx::query(
        "INSERT INTO invitations (id, expo_id, code, source, created_at) VALUES ($1, $2, $1, $3, $4)",
    )
    .bind(&id)
    .bind(expo)
    .bind(source)
    .bind(now)
    .execute(&sql)
    .await
    .expect("invitation");
    sqlx::query(
        "INSERT INTO invitation_registrations (user_id, invitation_id, at) VALUES ($1, $2, $3)",
    )
    .bind(user)
    .bind(&id)
    .bind(now)
    .execute(&sql)
    .await
    .expect("registration");
}

pub(crate) async fn user_id(app: &TestApp, email: &str) -> String {
    let (id,): (String,) = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.sql().await)
        .await
        .expect("user");
    id
}

/// A booth of the same expo other than `booth`.
async fn another_booth(app: &TestApp, booth: &str) -> String {
    let (other,): (String,) = sqlx::query_as(
        "SELECT id FROM exhibitors WHERE expo_id = (SELECT expo_id FROM exhibitors WHERE id = $1) \
         AND id <> $1 LIMIT 1",
    )
    .bind(booth)
    .fetch_one(&app.sql().await)
    .await
    .expect("another booth");
    other
}

/// The expo's id and today's date in its time zone.
async fn expo_today(app: &TestApp, booth: &str) -> (String, String) {
    let (expo, zone): (String, String) = sqlx::query_as(
        "SELECT x.id, x.time_zone FROM exhibitors e JOIN expos x ON x.id = e.expo_id WHERE e.id = $1",
    )
    .bind(booth)
    .fetch_one(&app.sql().await)
    .await
    .expect("expo");
    let (day, _) = app::analytics::service::today(&zone, db::now_millis());
    (expo, day)
}

/// Two buyers and an anonymous visitor walk the booth; one buyer saves it, asks for a quote
/// and accepts it, the other has a meeting. Every figure moves by exactly what happened.
async fn the_analysis_counts_what_happened(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (booth, product) = booth_and_product(&app).await;
    let (expo, today) = expo_today(&app, &booth).await;
    let organizer = signed_in(&app, ORGANIZER).await;
    let before = analysis(&app, &organizer, "", "", "").await;
    let before_booth = analysis(&app, &organizer, "", "", &booth).await;

    // Buyer A came through an invitation and is a professional buyer from Germany.
    let a = new_buyer(&app, "analysed.a@example.com").await;
    let a_id = user_id(&app, "analysed.a@example.com").await;
    let sql = app.sql().await;
    let now = db::now_millis();
    registered_through(&app, &expo, "spring-mailing", &a_id).await;
    // The organizer's other campaign brought C, who never visits the booth.
    new_buyer(&app, "analysed.c@example.com").await;
    let c_id = user_id(&app, "analysed.c@example.com").await;
    registered_through(&app, &expo, "organizers-own-campaign", &c_id).await;
    sqlx::query("UPDATE users SET country = 'DE' WHERE id = $1")
        .bind(&a_id)
        .execute(&sql)
        .await
        .expect("country");
    sqlx::query(
        "INSERT INTO buyer_profiles (expo_id, user_id, company, job_role, interests, volume, \
         countries, phone, wechat, contact_consent, consent_changed_at, created_at, updated_at) \
         VALUES ($1, $2, 'Analysed GmbH', 'Purchasing', '[]', '', '[]', '', '', 0, $3, $3, $3)",
    )
    .bind(&expo)
    .bind(&a_id)
    .bind(now)
    .execute(&sql)
    .await
    .expect("buyer profile");

    // A: the booth twice and a product, 45 s on the booth; saves it; asks for a quote.
    for (target, id) in [("booth", &booth), ("booth", &booth), ("product", &product)] {
        beacon(
            &app,
            &a,
            &[("kind", "view"), ("target", target), ("id", id)],
        )
        .await;
    }
    beacon(
        &app,
        &a,
        &[
            ("kind", "dwell"),
            ("target", "booth"),
            ("id", &booth),
            ("millis", "45000"),
        ],
    )
    .await;
    let resp = app
        .call(
            &a,
            "favorite/set",
            &[("kind", "booth"), ("id", &booth), ("on", "true")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (st, body) = send(&app, &a, &inquiry(&booth, &product, "cid-analysis-1")).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let inquiry_id: String = serde_json::from_str(&body).expect("id");
    let team = signed_in(&app, EXHIBITOR).await;
    let resp = app
        .call(
            &team,
            "trade/quote",
            &crate::trade::quote_form(&inquiry_id, "100", "2099-12-31"),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (quote_id,): (String,) = sqlx::query_as("SELECT id FROM quotes WHERE inquiry_id = $1")
        .bind(&inquiry_id)
        .fetch_one(&sql)
        .await
        .expect("quote");
    let resp = app
        .call(
            &a,
            "trade/answer",
            &[
                ("id", inquiry_id.as_str()),
                ("quote_id", quote_id.as_str()),
                ("accept", "true"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);

    // B: the booth once, 5 s; an accepted appointment with the team.
    let b = new_buyer(&app, "analysed.b@example.com").await;
    let b_id = user_id(&app, "analysed.b@example.com").await;
    beacon(
        &app,
        &b,
        &[("kind", "view"), ("target", "booth"), ("id", &booth)],
    )
    .await;
    beacon(
        &app,
        &b,
        &[
            ("kind", "dwell"),
            ("target", "booth"),
            ("id", &booth),
            ("millis", "5000"),
        ],
    )
    .await;
    let member = user_id(&app, EXHIBITOR).await;
    sqlx::query(
        "INSERT INTO appointments (id, expo_id, exhibitor_id, buyer_id, member_id, starts_at, \
         ends_at, cid, message, status, created_at, updated_at) \
         VALUES ('appt-analysis', $1, $2, $3, $4, $5, $6, 'cid-appt-analysis', '', 'accepted', $5, $5)",
    )
    .bind(&expo)
    .bind(&booth)
    .bind(&b_id)
    .bind(&member)
    .bind(now)
    .bind(now + 1_800_000)
    .execute(&sql)
    .await
    .expect("appointment");

    // B opens the booth's chat window but writes nothing: no contact.
    let resp = app
        .call(&b, "chat/start-booth", &[("exhibitor_id", booth.as_str())])
        .await;
    assert_eq!(resp.status(), StatusCode::OK);

    // Someone not signed in looks at the booth.
    beacon(
        &app,
        &app.new_client(),
        &[("kind", "view"), ("target", "booth"), ("id", &booth)],
    )
    .await;

    // A search that found nothing.
    db::search::record(
        &app.db,
        &db::search::SearchRecord {
            expo_id: &expo,
            at: db::now_millis(),
            query: "Quantum Teapots",
            filters: "",
            result_count: 0,
            locale: "en",
            user_id: None,
            visitor_id: "v-analysis",
        },
    )
    .await
    .expect("search");

    for (label, after, before) in [
        (
            "expo",
            analysis(&app, &organizer, "", "", "").await,
            &before,
        ),
        (
            "booth",
            analysis(&app, &organizer, "", "", &booth).await,
            &before_booth,
        ),
        (
            "booth today",
            analysis(&app, &organizer, &today, "", &booth).await,
            &before_booth,
        ),
    ] {
        let f = after.funnel;
        let g = before.funnel;
        assert_eq!(f.viewed, g.viewed + 3, "{label}");
        assert_eq!(f.favorited, g.favorited + 1, "{label}");
        // The inquiry opened the booth's conversation: one pair, written to twice.
        assert_eq!(f.contacted, g.contacted + 1, "{label}");
        assert_eq!(f.met, g.met + 1, "{label}");
        assert_eq!(f.quoted, g.quoted + 1, "{label}");
        assert_eq!(f.dealt, g.dealt + 1, "{label}");
        // 500 engines at 100.00 and freight at 3,500.50.
        let eur = |a: &Analysis| {
            a.deals
                .iter()
                .find(|(c, _)| c == "EUR")
                .map_or(0, |(_, m)| *m)
        };
        assert_eq!(eur(&after), eur(before) + 5_350_050, "{label}");
        if label != "booth today" {
            assert_eq!(after.totals.visitors, before.totals.visitors + 3, "{label}");
            assert_eq!(after.totals.views, before.totals.views + 5, "{label}");
            // 5 s and 45 s.
            assert_eq!(after.dwell[0], before.dwell[0] + 1, "{label}");
            assert_eq!(after.dwell[2], before.dwell[2] + 1, "{label}");
            assert_eq!(
                after.dwell.iter().sum::<i64>(),
                before.dwell.iter().sum::<i64>() + 2,
                "{label}"
            );
        }
        let source = after
            .sources
            .iter()
            .find(|s| s.source == "spring-mailing")
            .expect("source");
        assert_eq!(
            (source.registrations, source.visitors, source.buyers),
            (1, 1, 1),
            "{label}"
        );
        // A booth sees only the campaigns that brought its visitors.
        let campaign = after
            .sources
            .iter()
            .find(|s| s.source == "organizers-own-campaign")
            .map(|s| (s.registrations, s.visitors));
        if label == "expo" {
            assert_eq!(campaign, Some((1, 0)), "{label}");
        } else {
            assert_eq!(campaign, None, "{label}");
        }
        let de = |a: &Analysis| {
            a.buyer_countries
                .iter()
                .find(|(c, _)| c == "DE")
                .map_or(0, |(_, n)| *n)
        };
        assert_eq!(de(&after), de(before) + 1, "{label}");
    }

    // The whole expo: the booth's row, today's traffic, and the search.
    let after = analysis(&app, &organizer, "", "", "").await;
    let row = |a: &Analysis| {
        a.by_booth
            .iter()
            .find(|r| r.id == booth)
            .map_or(0, |r| r.visitors)
    };
    assert_eq!(row(&after), row(&before) + 3);
    let day = |a: &Analysis| {
        a.traffic
            .iter()
            .find(|p| p.at == today)
            .map_or(0, |p| p.visitors)
    };
    assert_eq!(day(&after), day(&before) + 3);
    assert!(after.days.contains(&today));
    assert!(after
        .zero_searches
        .iter()
        .any(|s| s.query == "quantum teapots" && s.times == 1 && s.results == 0));
    assert!(!after.halls.is_empty());

    // One day: hour by hour, and the figures of that day only.
    let one_day = analysis(&app, &organizer, &today, "", &booth).await;
    assert!(!one_day.traffic.is_empty());
    assert!(one_day.traffic.iter().all(|p| p.at.len() == 2));
    // The hours (from the raw events) add up to the day (from the roll-up).
    assert_eq!(
        one_day.traffic.iter().map(|p| p.views).sum::<i64>(),
        one_day.totals.views
    );
    assert!(one_day.totals.views >= 5);
    let long_ago = analysis(&app, &organizer, "2020-01-01", "", &booth).await;
    assert_eq!(long_ago.funnel, domain::analysis::Funnel::default());
    assert!(long_ago.traffic.is_empty());
    assert_eq!(long_ago.totals.visitors, 0);

    // A hall: the booth's hall has its visitors, another hall none of them.
    let (hall,): (String,) = sqlx::query_as("SELECT hall_id FROM exhibitors WHERE id = $1")
        .bind(&booth)
        .fetch_one(&sql)
        .await
        .expect("hall");
    let in_hall = analysis(&app, &organizer, "", &hall, "").await;
    assert_eq!(row(&in_hall), row(&after));
    let hall_row = |a: &Analysis| {
        a.by_hall
            .iter()
            .find(|r| r.id == hall)
            .map_or(0, |r| r.visitors)
    };
    assert!(hall_row(&after) >= 3);
    assert_eq!(in_hall.by_hall.len(), 1);
    let other: Option<(String,)> =
        sqlx::query_as("SELECT id FROM halls WHERE expo_id = $1 AND id <> $2 LIMIT 1")
            .bind(&expo)
            .bind(&hall)
            .fetch_optional(&sql)
            .await
            .expect("other hall");
    if let Some((other,)) = other {
        let elsewhere = analysis(&app, &organizer, "", &other, "").await;
        assert_eq!(row(&elsewhere), 0);
    }

    // Bad input: a day that is not one is refused clearly, and so is a made-up filter.
    let resp = app
        .call(
            &organizer,
            "analytics/analysis",
            &[("day", "2026-13-45"), ("hall", ""), ("booth", "")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp
        .text()
        .await
        .expect("body")
        .contains("analysis-error-day"));
    assert_eq!(
        status(&app, &organizer, "", "no such booth").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        status(&app, &organizer, "", "no-such-booth").await,
        StatusCode::NOT_FOUND
    );
}
both_backends!(the_analysis_counts_what_happened);

/// A booth's team reads its own booth (with its leads) and nothing else; visitors read none.
async fn teams_read_only_their_own_booth(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (booth, _) = booth_and_product(&app).await;
    let other = another_booth(&app, &booth).await;
    let team = signed_in(&app, EXHIBITOR).await;

    let own = analysis(&app, &team, "", "", "").await;
    assert_eq!(own.filter.booth.as_deref(), Some(booth.as_str()));
    assert!(!own.whole_expo);
    assert!(own.halls.is_empty() && own.by_booth.is_empty() && own.zero_searches.is_empty());
    assert_eq!(own.leads.len(), domain::lead::LeadStage::ALL.len());
    assert_eq!(
        analysis(&app, &team, "", "", &booth).await.filter,
        own.filter
    );
    assert_eq!(status(&app, &team, "", &other).await, StatusCode::FORBIDDEN);
    // The organizer reads any booth, without its team's leads.
    let organizer = signed_in(&app, ORGANIZER).await;
    let theirs = analysis(&app, &organizer, "", "", &other).await;
    assert!(theirs.whole_expo && theirs.leads.is_empty());

    let visitor = new_buyer(&app, "not.a.team@example.com").await;
    assert_eq!(status(&app, &visitor, "", "").await, StatusCode::FORBIDDEN);
    assert_eq!(
        status(&app, &visitor, "", &booth).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        status(&app, &app.new_client(), "", "").await,
        StatusCode::UNAUTHORIZED
    );

    // Exports follow the same rules.
    let get = |c: Client, path: String| {
        let url = app.url(&path);
        async move { c.get(url).send().await.expect("export") }
    };
    let resp = get(team.clone(), "/export/analytics-funnel.csv".into()).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.headers()["content-type"]
        .to_str()
        .expect("type")
        .starts_with("text/csv"));
    let text = resp.text().await.expect("csv");
    // A title row and one row per stage, in the team's language, of three quoted cells.
    let lines: Vec<&str> = text.trim_end().lines().collect();
    assert_eq!(
        lines.len(),
        1 + domain::analysis::FUNNEL_STAGES.len(),
        "{text}"
    );
    assert!(
        lines.iter().all(|l| l.matches("\",\"").count() == 2),
        "{text}"
    );
    // The deals table too.
    let resp = get(team.clone(), "/export/analytics-deals.csv".into()).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let text = resp.text().await.expect("csv");
    // After the byte-order mark, a title row of quoted cells.
    assert!(
        text.trim_start_matches('\u{feff}').starts_with('"'),
        "{text}"
    );
    assert_eq!(
        get(team.clone(), "/export/analytics-halls.csv".into())
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(
            team.clone(),
            format!("/export/analytics-funnel.csv?booth={other}")
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(team.clone(), "/export/analytics-leads.xlsx".into())
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        get(app.new_client(), "/export/analytics-funnel.csv".into())
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get(
            organizer.clone(),
            "/export/analytics-traffic.csv?day=someday".into()
        )
        .await
        .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The organizer's spreadsheet of halls: numbers as numbers.
    let resp = app
        .call(
            &visitor,
            "footprint",
            &[("kind", "view"), ("target", "booth"), ("id", &booth)],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = get(organizer, "/export/analytics-halls.xlsx".into()).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let bytes = resp.bytes().await.expect("xlsx");
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("workbook");
    let sheet = book.worksheet_range("halls").expect("sheet");
    let rows: Vec<_> = sheet.rows().collect();
    // In the organizer's language.
    let (language,): (String,) = sqlx::query_as("SELECT language FROM users WHERE email = $1")
        .bind(ORGANIZER)
        .fetch_one(&app.sql().await)
        .await
        .expect("language");
    let i18n = app::shell::i18n::I18n {
        locale: domain::Locale::parse(&language).expect("locale"),
    };
    assert_eq!(rows[0][0].to_string(), i18n.t("analysis-col-hall"));
    assert!(rows.len() > 1, "a row per hall");
    assert!(matches!(rows[1][1], calamine::Data::Float(_)));
}
both_backends!(teams_read_only_their_own_booth);

/// The post-show report: a PDF for the expo and for a booth, the same rules as the page, and
/// the organizer sending every booth team its own.
async fn post_show_reports(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (booth, _) = booth_and_product(&app).await;
    let organizer = signed_in(&app, ORGANIZER).await;
    let team = signed_in(&app, EXHIBITOR).await;
    let pdf = |c: Client, query: &str| {
        let url = app.url(&format!("/export/analytics-report.pdf{query}"));
        async move { c.get(url).send().await.expect("report") }
    };
    for (who, query) in [
        (&organizer, String::new()),
        (&team, String::new()),
        (&organizer, format!("?booth={booth}")),
    ] {
        let resp = pdf(who.clone(), &query).await;
        assert_eq!(resp.status(), StatusCode::OK, "{query}");
        assert_eq!(resp.headers()["content-type"], "application/pdf");
        let bytes = resp.bytes().await.expect("pdf");
        assert!(bytes.starts_with(b"%PDF-"), "{query}");
        // Text set in an embedded font, and at least one chart's vectors.
        let raw = String::from_utf8_lossy(&bytes);
        assert!(raw.contains("/FontFile"), "{query}");
        assert!(
            raw.contains("/Type /Page") || raw.contains("/Type/Page"),
            "{query}"
        );
    }
    let other = another_booth(&app, &booth).await;
    assert_eq!(
        pdf(team.clone(), &format!("?booth={other}")).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        pdf(app.new_client(), "").await.status(),
        StatusCode::UNAUTHORIZED
    );

    // The page's data: the heading names the expo and the booth.
    let resp = app.call(&team, "analytics/report", &[("booth", "")]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let report: app::analytics::api::ReportPage = resp.json().await.expect("report");
    assert_eq!(
        report.page.analysis.filter.booth.as_deref(),
        Some(booth.as_str())
    );
    assert!(!report.head.title.is_empty() && !report.head.of.is_empty());

    // Only organizers send the reports; every booth team member gets a notification and an
    // e-mail with the link.
    assert_eq!(
        app.call(&team, "analytics/send-reports", &[])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let sql = app.sql().await;
    let (members,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM memberships WHERE role = 'exhibitor' AND exhibitor_id IS NOT NULL \
         AND expo_id = (SELECT expo_id FROM exhibitors WHERE id = $1)",
    )
    .bind(&booth)
    .fetch_one(&sql)
    .await
    .expect("members");
    let resp = app.call(&organizer, "analytics/send-reports", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (booths, people): (i64, i64) = resp.json().await.expect("sent");
    assert_eq!(people, members);
    assert!(booths >= 1 && booths <= people);
    let team_id = user_id(&app, EXHIBITOR).await;
    let link = format!("/analytics/report?booth={booth}");
    let (notices,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND link = $2")
            .bind(&team_id)
            .bind(&link)
            .fetch_one(&sql)
            .await
            .expect("notices");
    assert_eq!(notices, 1);
    // The e-mail carries the booth report's absolute address.
    let bodies: Vec<(String,)> =
        sqlx::query_as("SELECT body FROM outbox_emails WHERE to_address = $1")
            .bind(EXHIBITOR)
            .fetch_all(&sql)
            .await
            .expect("mails");
    assert!(
        bodies
            .iter()
            .any(|(b,)| b.contains("://") && b.contains(&link)),
        "{bodies:?}"
    );
}
both_backends!(post_show_reports);
