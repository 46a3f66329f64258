//! The two migration folders build the same schema, and the seed runs once.

use crate::helpers::{fresh_database, Backend};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_and_postgres_schemas_match() {
    let mut outlines = Vec::new();
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let (url, file) = fresh_database(backend).await;
        let db = db::Db::connect(&url, 2).await.expect("connect");
        db.migrate().await.expect("migrate");
        db.migrate().await.expect("migrating twice is a no-op");
        outlines.push(db.schema_outline().await.expect("outline"));
        db.close().await;
        if let Some(f) = file {
            let _ = std::fs::remove_file(f);
        }
    }
    assert!(!outlines[0].is_empty());
    assert_eq!(
        outlines[0], outlines[1],
        "SQLite and PostgreSQL schemas drifted"
    );
}

async fn seed_is_idempotent(backend: Backend) {
    let (url, _file) = fresh_database(backend).await;
    let db = db::Db::connect(&url, 2).await.expect("connect");
    db.migrate().await.expect("migrate");
    assert!(server::seed::seed_demo(&db).await.expect("seed"));
    assert!(!server::seed::seed_demo(&db).await.expect("seed again"));
    let expo = db::expo::current_expo(&db).await.expect("q").expect("expo");
    let landing = db::expo::landing(&db, expo, 8).await.expect("landing");
    assert_eq!(landing.halls.len(), 6);
    assert_eq!(landing.exhibitor_total, 60);
    assert!(landing.product_total >= 300, "{}", landing.product_total);
    let sum: i64 = landing.halls.iter().map(|h| h.product_count).sum();
    assert_eq!(sum, landing.product_total, "hall counts add up");
    assert_eq!(landing.featured.len(), 8);
}
crate::both_backends!(seed_is_idempotent);

async fn admin_creates_an_organizer(backend: Backend) {
    use domain::account::Role;
    let (url, _file) = fresh_database(backend).await;
    let db = db::Db::connect(&url, 2).await.expect("connect");
    db.migrate().await.expect("migrate");
    assert!(
        server::cli::create_organizer(&db, "boss@example.com", "Boss", None, "long enough pw")
            .await
            .is_err(),
        "no expo yet"
    );
    server::seed::seed_demo(&db).await.expect("seed");
    server::cli::create_organizer(&db, "Boss@Example.com", "Boss", None, "long enough pw")
        .await
        .expect("create");
    server::cli::create_organizer(
        &db,
        "boss@example.com",
        "Boss",
        Some("weihai-2026"),
        "long enough pw",
    )
    .await
    .expect("again: idempotent");
    let (id, _) = db::account::find_credentials(&db, "boss@example.com")
        .await
        .expect("q")
        .expect("user");
    let roles = db::account::memberships(&db, &id).await.expect("q");
    assert_eq!(roles.len(), 1);
    assert_eq!(roles[0].role, Role::Organizer);
    assert!(
        server::cli::create_organizer(&db, "bad", "Boss", None, "long enough pw")
            .await
            .is_err()
    );
    assert!(
        server::cli::create_organizer(&db, "x@example.com", "X", None, "short")
            .await
            .is_err()
    );
    assert!(server::cli::create_organizer(
        &db,
        "x@example.com",
        "X",
        Some("nope"),
        "long enough pw"
    )
    .await
    .is_err());
    let audit = db::audit::recent(&db, "role.grant", 5)
        .await
        .expect("audit");
    assert_eq!(audit.len(), 2);
}
crate::both_backends!(admin_creates_an_organizer);
