//! Footprints and matchmaking: recommendations with reasons from a buyer profile and behaviour,
//! a booth's ranked leads without contact details, "not interested", the footprint opt-out and
//! Do Not Track, the organizer's weights, and refusals of bad input.

use crate::both_backends;
use crate::buyers::profile_form;
use crate::helpers::{Backend, TestApp};
use crate::media::{own_exhibitor, EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::realtime::{new_person, session_cookie};
use domain::matching::{MatchPage, MatchSettings};
use reqwest::StatusCode;
use std::time::Duration;

const ORGANIZER: &str = "organizer@expo.example";

fn with_matcher(c: &mut server::config::Config) {
    c.match_interval_ms = 100;
}

async fn page(app: &TestApp, cookie: &str) -> MatchPage {
    let resp = post(app, cookie, "match/mine", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("json")
}

/// Reads the page until `done` holds (the matcher runs every 100 ms), at most 20 s.
async fn page_until(app: &TestApp, cookie: &str, done: impl Fn(&MatchPage) -> bool) -> MatchPage {
    for _ in 0..200 {
        let p = page(app, cookie).await;
        if done(&p) {
            return p;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "the matcher did not get there: {:?}",
        page(app, cookie).await
    );
}

async fn beacon(
    app: &TestApp,
    cookie: &str,
    kind: &str,
    target: &str,
    id: &str,
    millis: &str,
) -> StatusCode {
    post(
        app,
        cookie,
        "footprint",
        &[
            ("kind", kind),
            ("target", target),
            ("id", id),
            ("millis", millis),
        ],
    )
    .await
    .status()
}

async fn footprint_rows(app: &TestApp, user: &str) -> (i64, i64) {
    let sql = app.sql().await;
    let raw: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM footprints WHERE user_id = $1")
        .bind(user)
        .fetch_one(&sql)
        .await
        .expect("q");
    let days: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM footprint_days WHERE user_id = $1")
        .bind(user)
        .fetch_one(&sql)
        .await
        .expect("q");
    (raw.0, days.0)
}

async fn user_id(app: &TestApp, email: &str) -> String {
    db::account::find_credentials(&app.db, email)
        .await
        .expect("q")
        .expect("user")
        .0
}

/// Kari, a new buyer of marine equipment and electronics from China and Korea; her cookie.
async fn marine_buyer(app: &TestApp) -> String {
    let kari = new_person(app, "kari@nordic.example").await;
    let resp = post(
        app,
        &kari,
        "buyer/save",
        &profile_form("Nordic Marine AS", "", false),
    )
    .await;
    assert_eq!(
        resp.status(),
        StatusCode::OK,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    kari
}

async fn a_buyer_gets_reasoned_recommendations_and_the_booth_a_lead(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, with_matcher).await;
    let booth = own_exhibitor(&app).await;

    // Not signed in: no recommendations.
    let resp = post(&app, "", "match/mine", &[]).await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);

    let kari = marine_buyer(&app).await;
    let kari_id = user_id(&app, "kari@nordic.example").await;
    // She looks at the demo booth twice and stays a while.
    for _ in 0..2 {
        assert_eq!(
            beacon(&app, &kari, "view", "booth", &booth, "0").await,
            StatusCode::OK
        );
    }
    assert_eq!(
        beacon(&app, &kari, "dwell", "booth", &booth, "95000").await,
        StatusCode::OK
    );

    let p = page_until(&app, &kari, |p| {
        p.cards.iter().any(|c| {
            c.id == booth
                && c.reasons.engagement.booth_views == 2
                && c.reasons.engagement.seconds == 95
        })
    })
    .await;
    assert_eq!(p.side, "buyer");
    assert_eq!(p.interests.declared, vec!["marine", "electronics"]);
    assert!(p.interests.recording);
    // Every recommendation shares an industry she buys in; scores are in order.
    let wanted = domain::matching::industry_set(["marine", "electronics"]);
    for c in &p.cards {
        assert!(c.reasons.industries & wanted != 0, "{c:?}");
    }
    assert!(p.cards.windows(2).all(|w| w[0].score >= w[1].score));
    // The booth she studied ranks first, with the reasons in the record.
    let top = &p.cards[0];
    assert_eq!(top.id, booth, "{:?}", p.cards);
    assert_eq!(
        top.reasons.industries,
        domain::matching::industry_set(["marine"])
    );
    assert_eq!(top.reasons.country, domain::matching::country_index("CN"));
    assert_eq!(top.reasons.engagement.seconds, 95);
    assert!(
        !top.products.is_empty(),
        "a few of its marine products are shown"
    );
    let (raw, days) = footprint_rows(&app, &kari_id).await;
    assert_eq!((raw, days), (3, 1));

    // The booth's team sees her as a lead with the same reasons, and no contact detail.
    let team = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let resp = post(&app, &team, "match/mine", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let text = resp.text().await.expect("body");
    assert!(!text.contains("+47 22 00 00 00"), "no phone in leads");
    assert!(!text.contains("kari@nordic.example"), "no e-mail in leads");
    let leads: MatchPage = serde_json::from_str(&text).expect("json");
    assert_eq!(leads.side, "exhibitor");
    let lead = leads
        .cards
        .iter()
        .find(|c| c.id == kari_id)
        .expect("kari is a lead");
    assert_eq!(lead.company, "Nordic Marine AS");
    assert_eq!(lead.reasons.engagement.booth_views, 2);
}
both_backends!(a_buyer_gets_reasoned_recommendations_and_the_booth_a_lead);

async fn not_interested_removes_the_booth_and_lowers_look_alikes(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, with_matcher).await;
    let kari = marine_buyer(&app).await;
    let before = page_until(&app, &kari, |p| p.cards.len() >= 3).await;
    let gone = before.cards[0].id.clone();
    let resp = post(
        &app,
        &kari,
        "match/dismiss",
        &[("exhibitor_id", gone.as_str())],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    // Gone (at once, or once a recompute that was already running is followed by hers), and
    // still gone after the matcher recomputed her.
    page_until(&app, &kari, |p| p.cards.iter().all(|c| c.id != gone)).await;
    let after = page_until(&app, &kari, |p| p.cards.iter().any(|c| c.reasons.lowered)).await;
    assert!(after.cards.iter().all(|c| c.id != gone));
    let lowered = after
        .cards
        .iter()
        .find(|c| c.reasons.lowered)
        .expect("a look-alike");
    let was = before
        .cards
        .iter()
        .find(|c| c.id == lowered.id)
        .expect("was listed");
    assert!(
        lowered.score < was.score,
        "{} < {}",
        lowered.score,
        was.score
    );
    // Saying it twice changes nothing; an unknown booth is not found.
    let resp = post(
        &app,
        &kari,
        "match/dismiss",
        &[("exhibitor_id", gone.as_str())],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = post(
        &app,
        &kari,
        "match/dismiss",
        &[("exhibitor_id", "0193aaaa-0000-7000-8000-000000000000")],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}
both_backends!(not_interested_removes_the_booth_and_lowers_look_alikes);

async fn footprints_respect_the_opt_out_and_do_not_track(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let booth = own_exhibitor(&app).await;
    let kari = new_person(&app, "kari@nordic.example").await;
    let kari_id = user_id(&app, "kari@nordic.example").await;

    // Bad beacons store nothing.
    assert_eq!(
        beacon(&app, &kari, "view", "booth", "not-an-id", "0").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        beacon(&app, &kari, "view", "stand", &booth, "0").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        beacon(&app, &kari, "stare", "booth", &booth, "0").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(footprint_rows(&app, &kari_id).await, (0, 0));

    // A tab left open for a day counts ten minutes.
    assert_eq!(
        beacon(&app, &kari, "dwell", "booth", &booth, "86400000").await,
        StatusCode::OK
    );
    let sql = app.sql().await;
    let (millis,): (i64,) = sqlx::query_as("SELECT millis FROM footprint_days WHERE user_id = $1")
        .bind(&kari_id)
        .fetch_one(&sql)
        .await
        .expect("q");
    assert_eq!(millis, 600_000);

    // A browser that asks not to be tracked is not recorded.
    let resp = reqwest::Client::new()
        .post(app.url("/api/footprint"))
        .header("cookie", &kari)
        .header("sec-gpc", "1")
        .form(&[
            ("kind", "view"),
            ("target", "booth"),
            ("id", booth.as_str()),
        ])
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(footprint_rows(&app, &kari_id).await, (1, 1));

    // A visitor who is not signed in is recorded under the day's pseudonym only.
    assert_eq!(
        beacon(&app, "", "view", "booth", &booth, "0").await,
        StatusCode::OK
    );
    let (anon,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM footprints WHERE user_id IS NULL AND actor LIKE 'v:%'",
    )
    .fetch_one(&sql)
    .await
    .expect("q");
    assert_eq!(anon, 1);

    // Turning footprints off deletes what was kept and stops recording.
    let resp = post(&app, &kari, "account/footprints", &[("on", "false")]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(footprint_rows(&app, &kari_id).await, (0, 0));
    assert_eq!(
        beacon(&app, &kari, "view", "booth", &booth, "0").await,
        StatusCode::OK
    );
    assert_eq!(footprint_rows(&app, &kari_id).await, (0, 0));
    let on: bool = post(&app, &kari, "account/footprints-on", &[])
        .await
        .json()
        .await
        .expect("json");
    assert!(!on);
    // … and back on.
    let resp = post(&app, &kari, "account/footprints", &[("on", "true")]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        beacon(&app, &kari, "view", "booth", &booth, "0").await,
        StatusCode::OK
    );
    assert_eq!(footprint_rows(&app, &kari_id).await, (1, 1));
}
both_backends!(footprints_respect_the_opt_out_and_do_not_track);

fn weights<'a>(
    industry: &'a str,
    behaviour: &'a str,
    intent: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("industry", industry),
        ("country", "15"),
        ("volume", "10"),
        ("language", "10"),
        ("verified", "5"),
        ("behaviour", behaviour),
        ("intent", intent),
    ]
}

async fn organizers_tune_the_weights_and_see_the_effect(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, with_matcher).await;
    let kari = marine_buyer(&app).await;
    // Only organizers.
    let resp = post(&app, &kari, "match/weights", &weights("50", "25", "save")).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let resp = post(&app, &kari, "match/settings", &[]).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    let org = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let resp = post(&app, &org, "match/settings", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let s: MatchSettings = resp.json().await.expect("json");
    assert_eq!(s.weights, domain::matching::Weights::default());
    assert!(!s.sample.is_empty(), "kari's top matches are previewed");

    // Out of range and all-zero weights are refused, field by field.
    let resp = post(&app, &org, "match/weights", &weights("101", "x", "save")).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = resp.text().await.expect("body");
    assert!(body.contains("match-error-weight-range"), "{body}");
    let zero: Vec<(&str, &str)> = domain::matching::WEIGHT_NAMES
        .iter()
        .map(|n| (*n, "0"))
        .chain([("intent", "save")])
        .collect();
    let resp = post(&app, &org, "match/weights", &zero).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A preview answers the effect and stores nothing.
    let resp = post(&app, &org, "match/weights", &weights("0", "100", "preview")).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let preview: MatchSettings = resp.json().await.expect("json");
    assert_eq!(preview.weights.industry, 0);
    assert_ne!(preview.sample, s.sample, "other weights, other scores");
    let again: MatchSettings = post(&app, &org, "match/settings", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(again.weights, domain::matching::Weights::default());

    // Saving keeps them and recomputes every match.
    let resp = post(&app, &org, "match/weights", &weights("60", "20", "save")).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let before = again.computed_at;
    for _ in 0..200 {
        let now: MatchSettings = post(&app, &org, "match/settings", &[])
            .await
            .json()
            .await
            .expect("json");
        if now.weights.industry == 60 && now.computed_at > before && now.buyers > 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("saved weights were not recomputed");
}
both_backends!(organizers_tune_the_weights_and_see_the_effect);

async fn a_strong_new_match_is_pushed_once(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, with_matcher).await;
    let booth = own_exhibitor(&app).await;
    // Industry and behaviour only: a marine buyer scores 50 on industry alone, and a saved,
    // visited booth goes past the strong mark (70).
    let org = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let strong = vec![
        ("industry", "50"),
        ("country", "0"),
        ("volume", "0"),
        ("language", "0"),
        ("verified", "0"),
        ("behaviour", "50"),
        ("intent", "save"),
    ];
    assert_eq!(
        post(&app, &org, "match/weights", &strong).await.status(),
        StatusCode::OK
    );
    let kari = marine_buyer(&app).await;
    let kari_id = user_id(&app, "kari@nordic.example").await;
    page_until(&app, &kari, |p| {
        !p.cards.is_empty() && p.cards.iter().all(|c| c.score == 50)
    })
    .await;
    let pushed = || async {
        db::notification::recent(&app.db, &kari_id, 50)
            .await
            .expect("q")
            .into_iter()
            .filter(|n| {
                matches!(
                    n.body,
                    domain::notification::NotificationBody::NewMatch { .. }
                )
            })
            .count()
    };
    assert_eq!(pushed().await, 0, "no strong match yet");

    for _ in 0..2 {
        assert_eq!(
            beacon(&app, &kari, "view", "booth", &booth, "0").await,
            StatusCode::OK
        );
    }
    assert_eq!(
        beacon(&app, &kari, "dwell", "booth", &booth, "95000").await,
        StatusCode::OK
    );
    let resp = post(
        &app,
        &kari,
        "favorite/set",
        &[("kind", "booth"), ("id", booth.as_str()), ("on", "true")],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let p = page_until(&app, &kari, |p| {
        p.cards
            .first()
            .is_some_and(|c| c.id == booth && c.score >= 70)
    })
    .await;
    assert_eq!(p.cards[0].reasons.engagement.favorites, 1);
    for _ in 0..100 {
        if pushed().await == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(pushed().await, 1, "the strong match is pushed");
    let n = db::notification::recent(&app.db, &kari_id, 50)
        .await
        .expect("q");
    assert!(n.iter().any(|n| n.link == "/matchmaking"));

    // Recomputed again (another view), it is not pushed twice.
    assert_eq!(
        beacon(&app, &kari, "view", "booth", &booth, "0").await,
        StatusCode::OK
    );
    page_until(&app, &kari, |p| {
        p.cards[0].reasons.engagement.booth_views == 3
    })
    .await;
    assert_eq!(pushed().await, 1);

    // The e-mail digest (weekly unless changed) lists the strong match once, with its reasons.
    let mut mails = Vec::new();
    for _ in 0..150 {
        mails = db::notification::emails_to(&app.db, "kari@nordic.example")
            .await
            .expect("q");
        if !mails.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(mails.len(), 1, "{mails:?}");
    let (subject, body) = &mails[0];
    assert_eq!(subject, "A new match for you");
    assert!(
        body.contains("/matchmaking") && body.contains("/account"),
        "{body}"
    );
    assert!(
        body.contains(&p.cards[0].name.show(domain::Locale::En).text),
        "{body}"
    );
    tokio::time::sleep(Duration::from_millis(3500)).await;
    let again = db::notification::emails_to(&app.db, "kari@nordic.example")
        .await
        .expect("q");
    assert_eq!(again.len(), 1, "no second digest");

    // The frequency is hers to choose, among three.
    let digest: String = post(&app, &kari, "account/digest", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(digest, "weekly");
    let resp = post(
        &app,
        &kari,
        "account/set-digest",
        &[("frequency", "hourly")],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let resp = post(&app, &kari, "account/set-digest", &[("frequency", "off")]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let digest: String = post(&app, &kari, "account/digest", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(digest, "off");
}
both_backends!(a_strong_new_match_is_pushed_once);
