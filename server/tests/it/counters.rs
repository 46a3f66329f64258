//! The organizer's live counters read what was recorded: visitors and views today and in all,
//! by country, messages, inquiries, quotes and appointments, on both backends.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::trade::{booth_and_product, inquiry, new_buyer, send};
use domain::analytics::LiveCounters;
use reqwest::StatusCode;

async fn snapshot(app: &TestApp, expo: &str) -> LiveCounters {
    let now = db::now_millis();
    // Today starts an hour ago; everything this test records is today's.
    db::counters::snapshot(&app.db, expo, now - 3_600_000, now)
        .await
        .expect("counters")
}

async fn counters_follow_what_happens(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (booth, product) = booth_and_product(&app).await;
    let (expo,): (String,) = sqlx::query_as("SELECT expo_id FROM exhibitors WHERE id = $1")
        .bind(&booth)
        .fetch_one(&app.sql().await)
        .await
        .expect("expo");
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
    let anonymous = app.new_client();
    let resp = app
        .call(
            &anonymous,
            "footprint",
            &[("kind", "view"), ("target", "booth"), ("id", &booth)],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);

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
            &[
                ("id", id.as_str()),
                ("quote[lines][0][description]", "Engine"),
                ("quote[lines][0][quantity]", "2"),
                ("quote[lines][0][unit]", "piece"),
                ("quote[lines][0][unit_price]", "100"),
                ("quote[currency]", "EUR"),
                ("quote[incoterm]", "FOB"),
                ("quote[valid_until]", "2099-12-31"),
                ("quote[terms]", ""),
            ],
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
