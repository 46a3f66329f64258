//! What `expo-server analytics bench` reads and writes besides the footprints themselves: the
//! generated fair's places, row counts and the SQLite log's checkpoint.

use crate::{Db, Result};

/// A hall (id, industry) and its booths, each with its products (id, category).
pub type HallPlaces = (String, String, Vec<(String, Vec<(String, String)>)>);

/// Removes the sample visits `matching_bench::seed` writes (they did not pass the writer).
pub async fn clear_sample_visits(db: &Db) -> Result<()> {
    sqlx::query("DELETE FROM footprint_days")
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The expo's halls, booths and products, in id order.
pub async fn places(db: &Db, expo_id: &str) -> Result<Vec<HallPlaces>> {
    let halls: Vec<(String, String)> =
        sqlx::query_as("SELECT id, industry FROM halls WHERE expo_id = $1 ORDER BY id")
            .bind(expo_id)
            .fetch_all(db.pool())
            .await?;
    let mut out = Vec::with_capacity(halls.len());
    for (hall, industry) in halls {
        let booths: Vec<(String,)> =
            sqlx::query_as("SELECT id FROM exhibitors WHERE hall_id = $1 ORDER BY id")
                .bind(&hall)
                .fetch_all(db.pool())
                .await?;
        let products: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT p.exhibitor_id, p.id, p.category FROM products p \
             JOIN exhibitors e ON e.id = p.exhibitor_id WHERE e.hall_id = $1 ORDER BY p.id",
        )
        .bind(&hall)
        .fetch_all(db.pool())
        .await?;
        let mut of: std::collections::HashMap<String, Vec<(String, String)>> =
            std::collections::HashMap::new();
        for (booth, id, category) in products {
            of.entry(booth).or_default().push((id, category));
        }
        let booths = booths
            .into_iter()
            .map(|(id,)| {
                let p = of.remove(&id).unwrap_or_default();
                (id, p)
            })
            .collect();
        out.push((hall, industry, booths));
    }
    Ok(out)
}

/// Rows of one of the footprint tables.
pub async fn rows(db: &Db, table: &str) -> Result<i64> {
    let table = match table {
        "footprints" => "footprints",
        "footprint_days" => "footprint_days",
        "footprint_visitors" => "footprint_visitors",
        "footprint_totals" => "footprint_totals",
        _ => return Ok(0),
    };
    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(db.pool())
        .await?;
    Ok(n)
}

/// Moves SQLite's log into the database file (nothing for PostgreSQL), so its size is the
/// file's.
pub async fn checkpoint(db: &Db) -> Result<()> {
    if db.backend() == crate::Backend::Sqlite {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(db.pool())
            .await?;
    }
    Ok(())
}
