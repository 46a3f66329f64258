//! Favorite booths and products.

use crate::hall::{card, CardRow, CARD_COLUMNS};
use crate::{classify, Db, Result};
use domain::favorite::{FavoriteBooth, FavoriteCounts, FavoriteKind, Favorites};
use domain::text::LocalizedText;

fn table(kind: FavoriteKind) -> (&'static str, &'static str) {
    match kind {
        FavoriteKind::Booth => ("favorite_booths", "exhibitor_id"),
        FavoriteKind::Product => ("favorite_products", "product_id"),
    }
}

/// Whether the booth or product exists.
pub async fn target_exists(db: &Db, kind: FavoriteKind, id: &str) -> Result<bool> {
    let sql = match kind {
        FavoriteKind::Booth => "SELECT COUNT(*) FROM exhibitors WHERE id = $1",
        FavoriteKind::Product => "SELECT COUNT(*) FROM products WHERE id = $1",
    };
    let (n,): (i64,) = sqlx::query_as(sql).bind(id).fetch_one(db.pool()).await?;
    Ok(n > 0)
}

/// Adds (`on`) or removes a favorite; doing it twice changes nothing.
pub async fn set(
    db: &Db,
    user_id: &str,
    kind: FavoriteKind,
    id: &str,
    on: bool,
    now: i64,
) -> Result<()> {
    let (table, column) = table(kind);
    let query = if on {
        sqlx::query(&format!(
            "INSERT INTO {table} (user_id, {column}, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id, {column}) DO NOTHING"
        ))
        .bind(user_id)
        .bind(id)
        .bind(now)
        .execute(db.pool())
        .await
    } else {
        sqlx::query(&format!(
            "DELETE FROM {table} WHERE user_id = $1 AND {column} = $2"
        ))
        .bind(user_id)
        .bind(id)
        .execute(db.pool())
        .await
    };
    query.map_err(classify)?;
    Ok(())
}

/// Whether the person keeps this booth or product.
pub async fn is_set(db: &Db, user_id: &str, kind: FavoriteKind, id: &str) -> Result<bool> {
    let (table, column) = table(kind);
    let (n,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM {table} WHERE user_id = $1 AND {column} = $2"
    ))
    .bind(user_id)
    .bind(id)
    .fetch_one(db.pool())
    .await?;
    Ok(n > 0)
}

/// A person's favorites, newest first.
pub async fn of_user(db: &Db, user_id: &str) -> Result<Favorites> {
    let booths: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT e.id, e.name, e.country, b.code FROM favorite_booths f \
           JOIN exhibitors e ON e.id = f.exhibitor_id \
           LEFT JOIN booths b ON b.exhibitor_id = e.id \
         WHERE f.user_id = $1 ORDER BY f.created_at DESC, e.id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    let products: Vec<CardRow> = sqlx::query_as(&format!(
        "SELECT {CARD_COLUMNS} FROM favorite_products f JOIN products p ON p.id = f.product_id \
         WHERE f.user_id = $1 ORDER BY f.created_at DESC, p.id"
    ))
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    Ok(Favorites {
        booths: booths
            .into_iter()
            .map(|(id, name, country, booth_code)| FavoriteBooth {
                id,
                name: LocalizedText::from_json(&name),
                country,
                booth_code,
            })
            .collect(),
        products: products.into_iter().map(card).collect(),
    })
}

/// How many people keep the booth, and its products added up.
pub async fn counts(db: &Db, exhibitor_id: &str) -> Result<FavoriteCounts> {
    let (booth,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM favorite_booths WHERE exhibitor_id = $1")
            .bind(exhibitor_id)
            .fetch_one(db.pool())
            .await?;
    let (products,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM favorite_products f JOIN products p ON p.id = f.product_id \
         WHERE p.exhibitor_id = $1",
    )
    .bind(exhibitor_id)
    .fetch_one(db.pool())
    .await?;
    Ok(FavoriteCounts { booth, products })
}
