//! Favorites: per person, idempotent, only for signed-in people, counted for the booth team.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::{own_exhibitor, EXHIBITOR, PASSWORD};
use reqwest::StatusCode;

async fn favorites_are_per_person_and_idempotent(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let own = own_exhibitor(&app).await;
    let booth = db::hall::exhibitor_detail(&app.db, &own)
        .await
        .expect("q")
        .expect("booth");
    let product = booth.products[0].id.clone();
    let set = |client: reqwest::Client, kind: &'static str, id: String, on: &'static str| {
        let app = &app;
        async move {
            app.call(
                &client,
                "favorite/set",
                &[("kind", kind), ("id", id.as_str()), ("on", on)],
            )
            .await
            .status()
        }
    };
    // Not signed in: refused, nothing stored.
    assert_eq!(
        set(app.new_client(), "booth", own.clone(), "true").await,
        StatusCode::UNAUTHORIZED
    );
    let alice = app.new_client();
    let bob = app.new_client();
    for (client, email) in [(&alice, "alice@example.com"), (&bob, "bob@example.com")] {
        assert!(app
            .register(client, email, "a-long-password-1")
            .await
            .status()
            .is_success());
    }
    // Twice is the same as once.
    for _ in 0..2 {
        assert_eq!(
            set(alice.clone(), "booth", own.clone(), "true").await,
            StatusCode::OK
        );
        assert_eq!(
            set(alice.clone(), "product", product.clone(), "true").await,
            StatusCode::OK
        );
    }
    assert_eq!(
        set(bob.clone(), "booth", own.clone(), "true").await,
        StatusCode::OK
    );
    // Unknown things and kinds.
    assert_eq!(
        set(alice.clone(), "product", "no-such".into(), "true").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        set(alice.clone(), "hall", own.clone(), "true").await,
        StatusCode::BAD_REQUEST
    );
    let mine = |client: reqwest::Client| {
        let app = &app;
        async move {
            let resp = app.call(&client, "favorite/mine", &[]).await;
            assert_eq!(resp.status(), StatusCode::OK);
            resp.json::<domain::favorite::Favorites>()
                .await
                .expect("json")
        }
    };
    let a = mine(alice.clone()).await;
    assert_eq!(
        a.booths.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(),
        vec![own.as_str()]
    );
    assert_eq!(
        a.products.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        vec![product.as_str()]
    );
    let b = mine(bob.clone()).await;
    assert_eq!(b.booths.len(), 1);
    assert!(b.products.is_empty(), "favorites are per person");
    let state = |client: reqwest::Client| {
        let app = &app;
        let product = product.clone();
        async move {
            let resp = app
                .call(
                    &client,
                    "favorite/get",
                    &[("kind", "product"), ("id", product.as_str())],
                )
                .await;
            resp.json::<bool>().await.expect("json")
        }
    };
    assert!(state(alice.clone()).await);
    assert!(!state(bob.clone()).await);
    assert!(!state(app.new_client()).await);

    // The booth team sees the counts; others do not.
    app.login(&app.client, EXHIBITOR, PASSWORD).await;
    let resp = app
        .call(
            &app.client,
            "favorite/counts",
            &[("exhibitor_id", own.as_str())],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let counts: domain::favorite::FavoriteCounts = resp.json().await.expect("json");
    assert_eq!((counts.booth, counts.products), (2, 1));
    let resp = app
        .call(&alice, "favorite/counts", &[("exhibitor_id", own.as_str())])
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    // Removing twice is the same as once; a deleted product leaves no favorite behind.
    for _ in 0..2 {
        assert_eq!(
            set(bob.clone(), "booth", own.clone(), "false").await,
            StatusCode::OK
        );
    }
    assert!(mine(bob).await.booths.is_empty());
    let resp = app
        .call(
            &app.client,
            "product/delete",
            &[("product_id", product.as_str())],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(mine(alice).await.products.is_empty());
}
both_backends!(favorites_are_per_person_and_idempotent);
