//! The organizer's live counters read what was recorded: visitors and views today and in all,
//! by country, messages, inquiries, quotes and appointments, on both backends.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::trade::{booth_and_product, inquiry, new_buyer, send};
use domain::analytics::LiveCounters;
use reqwest::StatusCode;

async fn snapshot(app: &TestApp, expo: &str) -> LiveCounters {
    let now = db::now_millis();
    let zone = db::counters::time_zone(&app.db, expo)
        .await
        .expect("zone")
        .unwrap_or_else(|| "UTC".to_owned());
    let (day, since) = app::analytics::service::today(&zone, now);
    db::counters::snapshot(&app.db, expo, since, &day, now)
        .await
        .expect("counters")
}

/// The expo of a booth.
async fn expo_of(app: &TestApp, booth: &str) -> String {
    let (expo,): (String,) = sqlx::query_as("SELECT expo_id FROM exhibitors WHERE id = $1")
        .bind(booth)
        .fetch_one(&app.sql().await)
        .await
        .expect("expo");
    expo
}

/// A page view of the booth, as the booth page's beacon sends it.
async fn view_booth(app: &TestApp, client: &reqwest::Client, booth: &str) {
    let resp = app
        .call(
            client,
            "footprint",
            &[("kind", "view"), ("target", "booth"), ("id", booth)],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
}

async fn counters_follow_what_happens(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (booth, product) = booth_and_product(&app).await;
    let expo = expo_of(&app, &booth).await;
    let before = snapshot(&app, &expo).await;

    // A signed-in visitor looks at the booth twice and a product once; someone not signed in
    // looks at the booth once.
    let buyer = new_buyer(&app, "counted.buyer@example.com").await;
    for (target, id) in [("booth", &booth), ("booth", &booth), ("product", &product)] {
        let resp = app
            .call(
                &buyer,
                "footprint",
                &[("kind", "view"), ("target", target), ("id", id)],
            )
            .await;
        assert_eq!(resp.status(), StatusCode::OK);
    }
    let resp = app
        .call(
            &buyer,
            "footprint",
            &[
                ("kind", "dwell"),
                ("target", "booth"),
                ("id", &booth),
                ("millis", "5000"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    view_booth(&app, &app.new_client(), &booth).await;

    let after = snapshot(&app, &expo).await;
    assert_eq!(after.visitors.today, before.visitors.today + 2);
    assert_eq!(after.visitors.total, before.visitors.total + 2);
    // Time spent is not a view.
    assert_eq!(after.booth_views.today, before.booth_views.today + 3);
    assert_eq!(after.booth_views.total, before.booth_views.total + 3);
    assert_eq!(after.product_views.today, before.product_views.today + 1);
    assert_eq!(after.product_views.total, before.product_views.total + 1);
    // The buyer registered without a buyer profile: a visitor, not a buyer.
    assert_eq!(after.buyers, before.buyers);
    let (country,): (String,) = sqlx::query_as("SELECT country FROM users WHERE email = $1")
        .bind("counted.buyer@example.com")
        .fetch_one(&app.sql().await)
        .await
        .expect("country");
    let count_of = |c: &LiveCounters, key: &str| {
        c.countries_today
            .iter()
            .find(|(k, _)| k == key)
            .map_or(0, |(_, n)| *n)
    };
    assert_eq!(count_of(&after, &country), count_of(&before, &country) + 1);
    assert_eq!(count_of(&after, ""), count_of(&before, "") + 1);

    // An inquiry, and the booth's quote.
    let (status, body) = send(&app, &buyer, &inquiry(&booth, &product, "cid-counted-1")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let id: String = serde_json::from_str(&body).expect("id");
    let team = crate::trade::signed_in(&app, crate::media::EXHIBITOR).await;
    let resp = app
        .call(
            &team,
            "trade/quote",
            &crate::trade::quote_form(&id, "100", "2099-12-31"),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let traded = snapshot(&app, &expo).await;
    assert_eq!(traded.inquiries.today, before.inquiries.today + 1);
    assert_eq!(traded.inquiries.total, before.inquiries.total + 1);
    assert_eq!(traded.quotes.total, before.quotes.total + 1);
    // Sending an inquiry opens the booth conversation; messages count once sent.
    assert_eq!(traded.messages, before.messages);
    let (room,): (String,) = sqlx::query_as("SELECT room_id FROM inquiries WHERE id = $1")
        .bind(&id)
        .fetch_one(&app.sql().await)
        .await
        .expect("room");
    let resp = app
        .call(
            &buyer,
            "chat/send",
            &[
                ("room_id", room.as_str()),
                ("text", "Hello"),
                ("cid", "cid-counted-msg"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let talked = snapshot(&app, &expo).await;
    assert_eq!(talked.messages.today, before.messages.today + 1);
    assert_eq!(talked.messages.total, before.messages.total + 1);

    // Nothing counted for another expo.
    let other = snapshot(&app, "no-such-expo").await;
    assert_eq!(other.visitors.total, 0);
    assert_eq!(other.inquiries.total, 0);
    assert!(other.countries_today.is_empty());
}
both_backends!(counters_follow_what_happens);

/// Waits (at most 10 s) for a counters push that `pred` accepts.
async fn push_where(
    ws: &mut crate::realtime::Ws,
    mut pred: impl FnMut(&LiveCounters) -> bool,
) -> LiveCounters {
    use domain::realtime::{Hint, ServerFrame};
    let frame = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        ws.until(|f| matches!(f, ServerFrame::Signal { body: Hint::Counters(c), .. } if pred(c))),
    )
    .await
    .expect("a counters push in time");
    match frame {
        ServerFrame::Signal {
            body: Hint::Counters(c),
            ..
        } => *c,
        _ => unreachable!(),
    }
}

/// The organizer's dashboard follows `dashboard:<expo>` and gets the counters every second,
/// moving with what visitors do; nobody else may follow it or read them.
async fn dashboard_counters_are_pushed_to_organizers_only(backend: Backend) {
    use crate::media::{EXHIBITOR, PASSWORD};
    use crate::realtime::{session_cookie, Ws};
    use domain::realtime::ServerFrame;
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (booth, _) = booth_and_product(&app).await;
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("read")
        .expect("expo")
        .id;
    let topic = format!("dashboard:{expo}");

    // The page's first read: organizers only.
    let organizer = crate::trade::signed_in(&app, "organizer@expo.example").await;
    let resp = app.call(&organizer, "analytics/live", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let first: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(first["expo_id"], expo.as_str());
    let team = crate::trade::signed_in(&app, EXHIBITOR).await;
    let resp = app.call(&team, "analytics/live", &[]).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let resp = app.call(&app.new_client(), "analytics/live", &[]).await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);

    // The pushes.
    let cookie = session_cookie(&app, "organizer@expo.example", PASSWORD).await;
    let mut o = Ws::connect(&app, Some(&cookie)).await;
    o.subscribe(&topic, None).await;
    let before = push_where(&mut o, |_| true).await;
    // The organizer's own connection is someone online.
    assert!(before.online_now >= 1, "{before:?}");
    view_booth(&app, &app.new_client(), &booth).await;
    let after = push_where(&mut o, |c| c.booth_views.today > before.booth_views.today).await;
    assert_eq!(after.visitors.today, before.visitors.today + 1);
    assert_eq!(after.booth_views.today, before.booth_views.today + 1);

    // A booth's team and a stranger are refused the topic.
    let team_cookie = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    for cookie in [Some(team_cookie.as_str()), None] {
        let mut w = Ws::connect(&app, cookie).await;
        w.send(serde_json::json!({"t": "sub", "topic": topic}))
            .await;
        match w.until(|f| !matches!(f, ServerFrame::Signal { .. })).await {
            ServerFrame::Refused { code, .. } => assert_eq!(code, "realtime-error-forbidden"),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
}
both_backends!(dashboard_counters_are_pushed_to_organizers_only);

/// Broadcast viewers now, and the day's peak of all broadcasts on air at once.
async fn live_viewers_now_and_peak(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("read")
        .expect("expo")
        .id;
    let now = db::now_millis();
    let pool = app.sql().await;
    for id in ["stream-a", "stream-b"] {
        sqlx::query(
            "INSERT INTO live_streams (id, expo_id, kind, title, description, starts_at, ends_at, \
             state, created_at, live_since) VALUES ($1, $2, 'organizer', '{}', '{}', $3, $4, 'live', $3, $3)",
        )
        .bind(id)
        .bind(&expo)
        .bind(now)
        .bind(now + 3_600_000)
        .execute(&pool)
        .await
        .expect("stream");
    }
    let day = "2026-12-07";
    let read = || async {
        db::counters::snapshot(&app.db, &expo, now - 3_600_000, day, db::now_millis())
            .await
            .expect("counters")
    };
    db::counters::record_viewers(&app.db, "stream-a", 5, day)
        .await
        .expect("a");
    db::counters::record_viewers(&app.db, "stream-b", 4, day)
        .await
        .expect("b");
    let c = read().await;
    assert_eq!((c.live_viewers, c.live_viewers_peak), (9, 9));
    db::counters::record_viewers(&app.db, "stream-a", 1, day)
        .await
        .expect("a");
    let c = read().await;
    assert_eq!((c.live_viewers, c.live_viewers_peak), (5, 9));
    // A stream that ends has nobody watching; the peak stays the day's.
    assert!(db::live::set_state(
        &app.db,
        "stream-b",
        &[domain::live::StreamState::Live],
        domain::live::StreamState::Ended,
        db::now_millis(),
    )
    .await
    .expect("end"));
    let c = read().await;
    assert_eq!((c.live_viewers, c.live_viewers_peak), (1, 9));
    // Counting an ended stream changes nothing.
    db::counters::record_viewers(&app.db, "stream-b", 50, day)
        .await
        .expect("b");
    let c = read().await;
    assert_eq!((c.live_viewers, c.live_viewers_peak), (1, 9));
}
both_backends!(live_viewers_now_and_peak);

/// Robots are not counted, and one visitor reloading a page (or replaying its beacon) counts
/// at most a few views a minute.
async fn robots_and_replays_do_not_skew_the_counters(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (booth, _) = booth_and_product(&app).await;
    let expo = expo_of(&app, &booth).await;
    let before = snapshot(&app, &expo).await;
    let robot = reqwest::Client::builder()
        .user_agent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
        .build()
        .expect("client");
    view_booth(&app, &robot, &booth).await;
    assert_eq!(snapshot(&app, &expo).await.booth_views, before.booth_views);
    // One visitor (one cookie), ten views at once: six count.
    let visitor = app.new_client();
    for _ in 0..10 {
        view_booth(&app, &visitor, &booth).await;
    }
    let after = snapshot(&app, &expo).await;
    assert_eq!(after.booth_views.today, before.booth_views.today + 6);
    assert_eq!(after.visitors.today, before.visitors.today + 1);
}
both_backends!(robots_and_replays_do_not_skew_the_counters);

/// The organizer shows the headline figures on the home page, or hides them; nobody else can.
async fn the_home_page_shows_the_headline_when_the_organizer_lets_it(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let landing = |client: reqwest::Client| {
        let app = &app;
        async move {
            let resp = app.call(&client, "expo/landing", &[]).await;
            assert_eq!(resp.status(), StatusCode::OK);
            let l: Option<domain::expo::ExpoLanding> = resp.json().await.expect("json");
            l.expect("an expo")
        }
    };
    assert_eq!(landing(app.new_client()).await.headline, None);
    let team = crate::trade::signed_in(&app, crate::media::EXHIBITOR).await;
    let resp = app.call(&team, "analytics/public", &[("on", "true")]).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert_eq!(landing(app.new_client()).await.headline, None);

    let organizer = crate::trade::signed_in(&app, "organizer@expo.example").await;
    let resp = app
        .call(&organizer, "analytics/public", &[("on", "true")])
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let h = landing(app.new_client()).await.headline.expect("shown");
    // The organizer is signed in; nobody has a socket open, so nobody is online.
    assert_eq!(h.online_now, 0);
    let first: serde_json::Value = app
        .call(&organizer, "analytics/live", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(first["public"], true);
    assert_eq!(
        first["counters"]["visitors"]["total"].as_i64(),
        Some(h.visitors.total)
    );

    let resp = app
        .call(&organizer, "analytics/public", &[("on", "false")])
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(landing(app.new_client()).await.headline, None);
}
both_backends!(the_home_page_shows_the_headline_when_the_organizer_lets_it);

/// Many beacons at once are stored together and each counted once; a visitor who becomes a
/// buyer during the day is counted among the day's buyers once, from the profile on.
async fn beacons_at_once_are_all_counted(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (booth, product) = booth_and_product(&app).await;
    let expo = expo_of(&app, &booth).await;
    let before = snapshot(&app, &expo).await;
    let raw_before: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM footprints")
        .fetch_one(&app.sql().await)
        .await
        .expect("raw");
    // Forty visitors not signed in (each its own browser), each a booth and a product view.
    let visitors: Vec<reqwest::Client> = (0..40)
        .map(|i| {
            reqwest::Client::builder()
                .user_agent(format!("Mozilla/5.0 (X11; Linux x86_64) Visitor/{i}"))
                .build()
                .expect("client")
        })
        .collect();
    let app_ref = &app;
    let views = visitors.iter().flat_map(|c| {
        [("booth", booth.clone()), ("product", product.clone())]
            .into_iter()
            .map(move |(target, id)| async move {
                app_ref
                    .call(
                        c,
                        "footprint",
                        &[("kind", "view"), ("target", target), ("id", &id)],
                    )
                    .await
            })
    });
    for resp in futures_util::future::join_all(views).await {
        assert_eq!(resp.status(), StatusCode::OK);
    }
    let after = snapshot(&app, &expo).await;
    assert_eq!(after.visitors.today, before.visitors.today + 40);
    assert_eq!(after.visitors.total, before.visitors.total + 40);
    assert_eq!(after.booth_views.today, before.booth_views.today + 40);
    assert_eq!(after.product_views.total, before.product_views.total + 40);
    let count_of = |c: &LiveCounters| {
        c.languages_today
            .iter()
            .find(|(k, _)| k.is_empty())
            .map_or(0, |(_, n)| *n)
    };
    assert_eq!(count_of(&after), count_of(&before) + 40);
    let raw_after: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM footprints")
        .fetch_one(&app.sql().await)
        .await
        .expect("raw");
    assert_eq!(raw_after.0, raw_before.0 + 80);

    // A visitor looks, becomes a buyer of the expo, and looks again.
    let person = new_buyer(&app, "becomes.buyer@example.com").await;
    view_booth(&app, &person, &booth).await;
    assert_eq!(snapshot(&app, &expo).await.buyers, after.buyers);
    let resp = app
        .call(
            &person,
            "buyer/save",
            &crate::buyers::profile_form("Later GmbH", "", false),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    // Counted among the buyers at once, for the visit before the profile too.
    let joined = snapshot(&app, &expo).await;
    assert_eq!(joined.buyers.today, after.buyers.today + 1);
    assert_eq!(joined.buyers.total, after.buyers.total + 1);
    let resp = app
        .call(
            &person,
            "footprint",
            &[("kind", "view"), ("target", "product"), ("id", &product)],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let bought = snapshot(&app, &expo).await;
    assert_eq!(bought.buyers.today, after.buyers.today + 1);
    assert_eq!(bought.buyers.total, after.buyers.total + 1);
    assert_eq!(bought.visitors.today, after.visitors.today + 1);
}
both_backends!(beacons_at_once_are_all_counted);

/// The writer remembers the places' visitors it stored, so a visit's later beacons write no
/// visitor rows again; and it forgets a person who turns footprints off (which deletes the
/// rows that name them), so their later visits are stored again.
async fn a_visitor_is_remembered_across_batches(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (booth, product) = booth_and_product(&app).await;
    let expo = expo_of(&app, &booth).await;
    let person = new_buyer(&app, "comes.back@example.com").await;
    let (user,): (String,) = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind("comes.back@example.com")
        .fetch_one(&app.sql().await)
        .await
        .expect("user");
    // Their visitor rows of the day and of all days (an hour's rows would be new if the hour
    // turned during the test).
    let rows = || async {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM footprint_visitors WHERE user_id = $1 AND LENGTH(day) <> 13",
        )
        .bind(&user)
        .fetch_one(&app.sql().await)
        .await
        .expect("rows");
        n
    };
    let before = snapshot(&app, &expo).await;
    view_booth(&app, &person, &booth).await;
    let first = snapshot(&app, &expo).await;
    assert_eq!(first.visitors.today, before.visitors.today + 1);
    // The expo, the booth's hall and the booth, each for the day and all days.
    assert_eq!(rows().await, 6);

    // The rows go behind the writer's back: only its memory can tell it stored them.
    sqlx::query("DELETE FROM footprint_visitors WHERE user_id = $1")
        .bind(&user)
        .execute(&app.sql().await)
        .await
        .expect("delete");
    for (target, id) in [("booth", &booth), ("product", &product)] {
        let resp = app
            .call(
                &person,
                "footprint",
                &[("kind", "view"), ("target", target), ("id", id)],
            )
            .await;
        assert_eq!(resp.status(), StatusCode::OK);
    }
    let again = snapshot(&app, &expo).await;
    assert_eq!(again.visitors.today, first.visitors.today);
    assert_eq!(again.visitors.total, first.visitors.total);
    assert_eq!(again.booth_views.today, first.booth_views.today + 1);
    assert_eq!(again.product_views.today, first.product_views.today + 1);
    assert_eq!(rows().await, 0, "known visitors are not written again");

    // Off (deleting the rows that name them) and on again: the writer forgets them, so the
    // next visit is stored (and counted) as any visit after an opt-out is, on every node.
    for on in ["false", "true"] {
        let resp = app.call(&person, "account/footprints", &[("on", on)]).await;
        assert_eq!(resp.status(), StatusCode::OK);
    }
    view_booth(&app, &person, &booth).await;
    assert_eq!(
        rows().await,
        6,
        "a forgotten visitor's rows are written again"
    );
    let back = snapshot(&app, &expo).await;
    assert_eq!(back.visitors.today, first.visitors.today + 1);
}
both_backends!(a_visitor_is_remembered_across_batches);
