//! Inquiries, quotes and deals: who may send, read, quote and answer; revisions; the deal
//! value the organizer sees; refusals that store nothing.

use crate::both_backends;
use crate::helpers::{error_json, Backend, TestApp};
use crate::media::{own_exhibitor, EXHIBITOR, PASSWORD};
use domain::trade::{InquiryStatus, InquiryView, MyInquiries, QuoteStatus, TradeTotals};
use reqwest::{Client, StatusCode};

const ORGANIZER: &str = "organizer@expo.example";

/// A signed-in client for a new buyer.
pub(crate) async fn new_buyer(app: &TestApp, email: &str) -> Client {
    let c = app.new_client();
    assert!(app
        .register(&c, email, "a-long-password-1")
        .await
        .status()
        .is_success());
    c
}

pub(crate) async fn signed_in(app: &TestApp, email: &str) -> Client {
    let c = app.new_client();
    assert!(app.login(&c, email, PASSWORD).await.status().is_success());
    c
}

pub(crate) fn inquiry<'a>(
    exhibitor: &'a str,
    product: &'a str,
    cid: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("inquiry[exhibitor_id]", exhibitor),
        ("inquiry[product_id]", product),
        ("inquiry[quantity]", "500"),
        ("inquiry[unit]", "piece"),
        ("inquiry[target_price]", "1200"),
        ("inquiry[currency]", "EUR"),
        ("inquiry[incoterm]", "CIF"),
        ("inquiry[destination]", "DE"),
        ("inquiry[place]", "Hamburg"),
        ("inquiry[needed_by]", ""),
        (
            "inquiry[message]",
            "Please quote with IMO Tier III certificates.",
        ),
        ("inquiry[cid]", cid),
    ]
}

pub(crate) async fn send(app: &TestApp, c: &Client, form: &[(&str, &str)]) -> (StatusCode, String) {
    let resp = app.call(c, "trade/inquire", form).await;
    (resp.status(), resp.text().await.expect("body"))
}

pub(crate) fn quote_form<'a>(
    id: &'a str,
    price: &'a str,
    valid_until: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("id", id),
        ("quote[lines][0][description]", "Marine diesel engine"),
        ("quote[lines][0][quantity]", "500"),
        ("quote[lines][0][unit]", "piece"),
        ("quote[lines][0][unit_price]", price),
        ("quote[lines][1][description]", "Sea freight to Hamburg"),
        ("quote[lines][1][quantity]", "1"),
        ("quote[lines][1][unit]", "container40"),
        ("quote[lines][1][unit_price]", "3500.50"),
        ("quote[currency]", "EUR"),
        ("quote[incoterm]", "CIF"),
        ("quote[valid_until]", valid_until),
        ("quote[terms]", "30% deposit, 70% against B/L copy."),
    ]
}

pub(crate) async fn view(app: &TestApp, c: &Client, id: &str) -> (StatusCode, Option<InquiryView>) {
    let resp = app.call(c, "trade/inquiry", &[("id", id)]).await;
    let status = resp.status();
    if status.is_success() {
        (status, Some(resp.json().await.expect("view")))
    } else {
        (status, None)
    }
}

async fn totals(app: &TestApp, c: &Client) -> TradeTotals {
    let resp = app.call(c, "trade/totals", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("totals")
}

fn count(t: &TradeTotals, s: InquiryStatus) -> i64 {
    t.inquiries
        .iter()
        .find(|(x, _)| *x == s)
        .map_or(0, |(_, n)| *n)
}

async fn stored(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inquiries")
        .fetch_one(&app.sql().await)
        .await
        .expect("count");
    n
}

/// The demo exhibitor's booth and its first product.
pub(crate) async fn booth_and_product(app: &TestApp) -> (String, String) {
    let booth = own_exhibitor(app).await;
    let detail = db::hall::exhibitor_detail(&app.db, &booth)
        .await
        .expect("q")
        .expect("booth");
    let product = detail.products[0].id.clone();
    (booth, product)
}

async fn the_inquiry_loop(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (booth, product) = booth_and_product(&app).await;
    let buyer = new_buyer(&app, "buyer.one@example.com").await;
    let cid = "cid-inquiry-0001";

    // Not signed in: refused.
    assert_eq!(
        send(&app, &app.new_client(), &inquiry(&booth, &product, cid))
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    // Every bad field named at once; nothing stored.
    let mut bad = inquiry(&booth, &product, cid);
    bad[2].1 = "0";
    bad[5].1 = "XYZ";
    bad[7].1 = "ZZ";
    bad[8].1 = "Hamburg";
    bad[9].1 = "2020-01-01";
    let (status, body) = send(&app, &buyer, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for id in [
        "trade-error-quantity",
        "trade-error-currency",
        "trade-error-destination",
        "trade-error-needed-by",
    ] {
        assert!(body.contains(id), "{id} in {body}");
    }
    assert_eq!(stored(&app).await, 0);
    // Another booth's product under this booth is refused.
    let foreign: (String,) =
        sqlx::query_as("SELECT id FROM products WHERE exhibitor_id <> $1 LIMIT 1")
            .bind(&booth)
            .fetch_one(&app.sql().await)
            .await
            .expect("foreign product");
    let (status, body) = send(&app, &buyer, &inquiry(&booth, &foreign.0, cid)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("trade-error-product"));

    // Sent; the same form again is the same inquiry.
    let (status, body) = send(&app, &buyer, &inquiry(&booth, &product, cid)).await;
    assert!(
        status.is_success() || status.is_redirection(),
        "{status} {body}"
    );
    let id: String = serde_json::from_str(&body).expect("id");
    let (_, again) = send(&app, &buyer, &inquiry(&booth, &product, cid)).await;
    assert_eq!(serde_json::from_str::<String>(&again).expect("id"), id);
    assert_eq!(stored(&app).await, 1);

    // The booth's own team cannot inquire at it.
    let team = signed_in(&app, EXHIBITOR).await;
    let resp = app
        .call(
            &team,
            "trade/inquire",
            &inquiry(&booth, &product, "cid-team-1"),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert_eq!(error_json(resp).await["Conflict"], "trade-error-own-booth");

    // Who reads it: the buyer and the team; not another buyer, not the organizer.
    let (_, v) = view(&app, &buyer, &id).await;
    let v = v.expect("buyer reads");
    assert_eq!(v.side, domain::trade::TradeSide::Buyer);
    assert_eq!(v.status, InquiryStatus::Open);
    assert_eq!(v.form.quantity_milli, 500_000);
    assert_eq!(v.form.target_minor, Some(120_000));
    assert!(!v.room_id.is_empty(), "linked to the booth conversation");
    let (_, tv) = view(&app, &team, &id).await;
    assert_eq!(
        tv.expect("team reads").side,
        domain::trade::TradeSide::Seller
    );
    let other = new_buyer(&app, "buyer.two@example.com").await;
    assert_eq!(view(&app, &other, &id).await.0, StatusCode::NOT_FOUND);
    let organizer = signed_in(&app, ORGANIZER).await;
    assert_eq!(view(&app, &organizer, &id).await.0, StatusCode::NOT_FOUND);
    let mine: MyInquiries = app
        .call(&team, "trade/mine", &[])
        .await
        .json()
        .await
        .expect("mine");
    assert_eq!(mine.received.len(), 1);
    assert!(mine.sent.is_empty());
    let theirs: MyInquiries = app
        .call(&other, "trade/mine", &[])
        .await
        .json()
        .await
        .expect("mine");
    assert!(theirs.sent.is_empty() && theirs.received.is_empty());
    // The team was told.
    let (team_id, _) = db::account::find_credentials(&app.db, EXHIBITOR)
        .await
        .expect("q")
        .expect("team");
    let notes = db::notification::recent(&app.db, &team_id, 10)
        .await
        .expect("q");
    assert!(notes.iter().any(|n| n.link == format!("/inquiries/{id}")));

    // Quotes: only the team; bad lines named; then two revisions.
    let valid = "2099-12-31";
    let resp = app
        .call(&buyer, "trade/quote", &quote_form(&id, "1000", valid))
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let resp = app
        .call(&other, "trade/quote", &quote_form(&id, "1000", valid))
        .await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let resp = app
        .call(&team, "trade/quote", &quote_form(&id, "-3", "2020-01-01"))
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = resp.text().await.expect("body");
    assert!(
        body.contains("lines.0.unit_price") && body.contains("trade-error-valid-until"),
        "{body}"
    );
    let resp = app
        .call(&team, "trade/quote", &quote_form(&id, "1150.25", valid))
        .await;
    assert_eq!(
        resp.status(),
        StatusCode::OK,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let resp = app
        .call(&team, "trade/quote", &quote_form(&id, "1100", valid))
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let v = view(&app, &buyer, &id).await.1.expect("view");
    assert_eq!(v.status, InquiryStatus::Quoted);
    assert_eq!(v.quotes.len(), 2);
    assert_eq!(
        (v.quotes[0].revision, v.quotes[0].status),
        (2, QuoteStatus::Offered)
    );
    assert_eq!(
        (v.quotes[1].revision, v.quotes[1].status),
        (1, QuoteStatus::Superseded)
    );
    // 500 × 1100.00 + 1 × 3500.50
    assert_eq!(v.quotes[0].form.total_minor, 55_000_000 + 350_050);
    assert_eq!(v.quotes[1].form.total_minor, 57_512_500 + 350_050);

    // The organizer's figures, before the answer.
    let t = totals(&app, &organizer).await;
    assert_eq!(count(&t, InquiryStatus::Quoted), 1);
    assert_eq!(t.quotes, 2);
    assert!(t.deals.is_empty());
    assert_eq!(
        app.call(&buyer, "trade/totals", &[]).await.status(),
        StatusCode::FORBIDDEN
    );

    // Answering the superseded revision is refused; the waiting one is accepted once.
    let old = v.quotes[1].id.clone();
    let current = v.quotes[0].id.clone();
    let answer = |c: Client, q: String, accept: &'static str| {
        let app = &app;
        let id = id.clone();
        async move {
            app.call(
                &c,
                "trade/answer",
                &[
                    ("id", id.as_str()),
                    ("quote_id", q.as_str()),
                    ("accept", accept),
                ],
            )
            .await
            .status()
        }
    };
    assert_eq!(
        answer(buyer.clone(), old, "true").await,
        StatusCode::CONFLICT
    );
    assert_eq!(
        answer(team.clone(), current.clone(), "true").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        answer(buyer.clone(), current.clone(), "true").await,
        StatusCode::OK
    );
    assert_eq!(
        answer(buyer.clone(), current.clone(), "false").await,
        StatusCode::CONFLICT
    );
    let v = view(&app, &team, &id).await.1.expect("view");
    assert_eq!(v.status, InquiryStatus::Accepted);
    assert_eq!(v.quotes[0].status, QuoteStatus::Accepted);
    assert_eq!(v.deal, Some((55_350_050, "EUR".to_owned())));
    // Settled: no more quotes, no withdrawal.
    let resp = app
        .call(&team, "trade/quote", &quote_form(&id, "900", valid))
        .await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert_eq!(
        app.call(&buyer, "trade/withdraw", &[("id", id.as_str())])
            .await
            .status(),
        StatusCode::CONFLICT
    );

    // The deal counts, converted with the organizer's rates.
    let t = totals(&app, &organizer).await;
    assert_eq!(count(&t, InquiryStatus::Accepted), 1);
    assert_eq!(t.deals, vec![("EUR".to_owned(), 55_350_050)]);
    assert_eq!(t.base, "USD");
    assert_eq!(t.converted, 0);
    assert_eq!(t.unconverted, vec!["EUR".to_owned()]);
    let resp = app
        .call(
            &organizer,
            "trade/rates",
            &[("base", "USD"), ("rates", "EUR one")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let resp = app
        .call(
            &team,
            "trade/rates",
            &[("base", "USD"), ("rates", "EUR 1.10")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let resp = app
        .call(
            &organizer,
            "trade/rates",
            &[("base", "USD"), ("rates", "EUR 1.10\nCNY 0.14")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let t = totals(&app, &organizer).await;
    // EUR 553,500.50 × 1.10 = USD 608,850.55
    assert_eq!(t.converted, 60_885_055);
    assert!(t.unconverted.is_empty());
    assert_eq!(t.rates.len(), 2);
}
both_backends!(the_inquiry_loop);

async fn blocks_floods_and_races(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let booth = own_exhibitor(&app).await;
    let team = signed_in(&app, EXHIBITOR).await;
    let buyer = new_buyer(&app, "blocked.buyer@example.com").await;
    // The buyer's first inquiry opens the conversation; then a team member blocks them.
    let (status, body) = send(&app, &buyer, &inquiry(&booth, "", "cid-first")).await;
    assert!(status.is_success(), "{status} {body}");
    let first: String = serde_json::from_str(&body).expect("id");
    let (buyer_id, _) = db::account::find_credentials(&app.db, "blocked.buyer@example.com")
        .await
        .expect("q")
        .expect("buyer");
    let resp = app
        .call(
            &team,
            "chat/block",
            &[("user_id", buyer_id.as_str()), ("on", "true")],
        )
        .await;
    assert!(resp.status().is_success());
    let resp = app
        .call(&buyer, "trade/inquire", &inquiry(&booth, "", "cid-second"))
        .await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert_eq!(error_json(resp).await["Conflict"], "trade-error-blocked");
    assert_eq!(stored(&app).await, 1);
    // What was sent before the block stays readable to the buyer.
    assert_eq!(view(&app, &buyer, &first).await.0, StatusCode::OK);

    // A flood: past the hourly limit, refused and not stored.
    let flood = new_buyer(&app, "flood@example.com").await;
    let cids: Vec<String> = (0..=domain_limit())
        .map(|n| format!("cid-flood-{n}"))
        .collect();
    for cid in &cids[..cids.len() - 1] {
        let (status, body) = send(&app, &flood, &inquiry(&booth, "", cid)).await;
        assert!(status.is_success(), "{status} {body}");
    }
    let (status, _) = send(
        &app,
        &flood,
        &inquiry(&booth, "", cids.last().expect("last")),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(stored(&app).await, 1 + domain_limit());

    // Accept and decline racing on the same offer: exactly one wins.
    let (_, body) = send(&app, &flood, &inquiry(&booth, "", &cids[0])).await;
    let id: String = serde_json::from_str(&body).expect("id");
    let resp = app
        .call(&team, "trade/quote", &quote_form(&id, "1000", "2099-01-01"))
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let offer = view(&app, &flood, &id).await.1.expect("view").quotes[0]
        .id
        .clone();
    let answer = |accept: &'static str| {
        let (app, flood, id, offer) = (&app, flood.clone(), id.clone(), offer.clone());
        async move {
            app.call(
                &flood,
                "trade/answer",
                &[
                    ("id", id.as_str()),
                    ("quote_id", offer.as_str()),
                    ("accept", accept),
                ],
            )
            .await
            .status()
        }
    };
    let (a, b) = tokio::join!(answer("true"), answer("false"));
    let mut outcomes = [a, b];
    outcomes.sort();
    assert_eq!(
        outcomes,
        [StatusCode::OK, StatusCode::CONFLICT],
        "{outcomes:?}"
    );
    let v = view(&app, &flood, &id).await.1.expect("view");
    match v.status {
        InquiryStatus::Accepted => assert_eq!(v.quotes[0].status, QuoteStatus::Accepted),
        InquiryStatus::Declined => {
            assert_eq!(v.quotes[0].status, QuoteStatus::Declined);
            assert_eq!(v.deal, None);
        }
        other => panic!("settled once, not {other:?}"),
    }
}
both_backends!(blocks_floods_and_races);

fn domain_limit() -> i64 {
    app::trade::service::INQUIRIES_PER_HOUR
}
