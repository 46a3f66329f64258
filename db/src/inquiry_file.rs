//! Files attached to inquiries. An upload made on the inquiry form has no inquiry until the
//! form is sent, which claims it in the inquiry's own transaction; one attached to an inquiry
//! is stored only while the inquiry is live and carries fewer than its limit.

use crate::chat::split_variants;
use crate::{Db, Result, Tx};
use domain::chat::Attachment;
use domain::trade::InquiryStatus;

/// A stored file with whom and what it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRecord {
    /// The file.
    pub file: Attachment,
    /// The inquiry that carries it (none while the form is not sent).
    pub inquiry_id: Option<String>,
    /// Who uploaded it.
    pub uploaded_by: String,
    /// Their name.
    pub uploader_name: String,
    /// When, UTC milliseconds.
    pub created_at: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    kind: String,
    content_type: String,
    byte_size: i64,
    name: String,
    width: Option<i64>,
    height: Option<i64>,
    variants: String,
    inquiry_id: Option<String>,
    uploaded_by: String,
    uploader_name: String,
    created_at: i64,
}

impl From<Row> for FileRecord {
    fn from(r: Row) -> Self {
        FileRecord {
            file: Attachment {
                id: r.id,
                kind: r.kind,
                name: r.name,
                content_type: r.content_type,
                byte_size: r.byte_size,
                width: r.width,
                height: r.height,
                variants: split_variants(&r.variants),
            },
            inquiry_id: r.inquiry_id,
            uploaded_by: r.uploaded_by,
            uploader_name: r.uploader_name,
            created_at: r.created_at,
        }
    }
}

const SELECT: &str =
    "SELECT f.id, f.kind, f.content_type, f.byte_size, f.name, f.width, f.height, \
     f.variants, f.inquiry_id, f.uploaded_by, u.display_name AS uploader_name, f.created_at \
     FROM inquiry_files f JOIN users u ON u.id = f.uploaded_by";

/// What became of a file attached to an inquiry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Stored.
    Stored,
    /// The inquiry carries its limit of files already.
    Full,
    /// The inquiry was settled (or is gone) meanwhile.
    Settled,
}

/// Stores a file's row, unclaimed or for `inquiry_id`: only while that inquiry is live and
/// carries fewer than `limit` files. One conditional insert decides, after a lock on the
/// inquiry on PostgreSQL (SQLite runs one writing statement at a time), so uploads racing
/// each other or an answer settling the inquiry cannot pass it.
pub async fn insert(
    db: &Db,
    file: &Attachment,
    inquiry_id: Option<&str>,
    uploaded_by: &str,
    limit: i64,
    at: i64,
) -> Result<Kept> {
    let mut tx = db.begin().await?;
    if let (Some(inquiry), crate::Backend::Postgres) = (inquiry_id, db.backend()) {
        sqlx::query("SELECT id FROM inquiries WHERE id = $1 FOR UPDATE")
            .bind(inquiry)
            .execute(&mut *tx)
            .await?;
    }
    let done = sqlx::query(&format!(
        "INSERT INTO inquiry_files (id, inquiry_id, uploaded_by, kind, content_type, byte_size, \
         name, width, height, variants, created_at) \
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 \
         WHERE $2 IS NULL OR ((SELECT COUNT(*) FROM inquiry_files WHERE inquiry_id = $2) < $12 \
           AND EXISTS (SELECT 1 FROM inquiries WHERE id = $2 AND status IN ('{}', '{}')))",
        InquiryStatus::Open.as_str(),
        InquiryStatus::Quoted.as_str()
    ))
    .bind(&file.id)
    .bind(inquiry_id)
    .bind(uploaded_by)
    .bind(&file.kind)
    .bind(&file.content_type)
    .bind(file.byte_size)
    .bind(&file.name)
    .bind(file.width)
    .bind(file.height)
    .bind(file.variants.join(","))
    .bind(at)
    .bind(limit)
    .execute(&mut *tx)
    .await?;
    let stored = done.rows_affected() == 1;
    let live = match (stored, inquiry_id) {
        (false, Some(inquiry)) => {
            sqlx::query_as::<_, (String,)>("SELECT status FROM inquiries WHERE id = $1")
                .bind(inquiry)
                .fetch_optional(&mut *tx)
                .await?
                .and_then(|(s,)| InquiryStatus::parse(&s))
                .is_some_and(InquiryStatus::is_live)
        }
        _ => true,
    };
    crate::commit(tx).await?;
    Ok(match (stored, live) {
        (true, _) => Kept::Stored,
        (false, true) => Kept::Full,
        (false, false) => Kept::Settled,
    })
}

/// A file by id, if it exists.
pub async fn by_id(db: &Db, id: &str) -> Result<Option<FileRecord>> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE f.id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(FileRecord::from))
}

/// The files an inquiry carries, oldest first.
pub async fn of_inquiry(db: &Db, inquiry_id: &str) -> Result<Vec<FileRecord>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE f.inquiry_id = $1 ORDER BY f.created_at, f.id"
    ))
    .bind(inquiry_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(FileRecord::from).collect())
}

/// How many files an inquiry carries.
pub async fn count(db: &Db, inquiry_id: &str) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inquiry_files WHERE inquiry_id = $1")
        .bind(inquiry_id)
        .fetch_one(db.pool())
        .await?;
    Ok(n)
}

/// Files `user_id` uploaded since `since`: how many, and their bytes.
pub async fn uploaded_since(db: &Db, user_id: &str, since: i64) -> Result<(i64, i64)> {
    let (n, bytes): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), CAST(SUM(byte_size) AS BIGINT) FROM inquiry_files \
         WHERE uploaded_by = $1 AND created_at >= $2",
    )
    .bind(user_id)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok((n, bytes.unwrap_or(0)))
}

/// Gives the sender's unclaimed uploads `ids` to the inquiry being sent; returns how many it
/// took (fewer than asked when one is not theirs, or already taken).
pub async fn claim(tx: &mut Tx, ids: &[String], inquiry_id: &str, user_id: &str) -> Result<u64> {
    let mut taken = 0;
    for id in ids {
        taken += sqlx::query(
            "UPDATE inquiry_files SET inquiry_id = $2 \
             WHERE id = $1 AND uploaded_by = $3 AND inquiry_id IS NULL",
        )
        .bind(id)
        .bind(inquiry_id)
        .bind(user_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    }
    Ok(taken)
}

/// Takes a file its uploader attached off its inquiry; false when it is not theirs. The row
/// stays as an unclaimed upload of the day it was made (so it still counts in its uploader's
/// day of files) and goes with the other unclaimed ones; the store sweep removes the bytes.
pub async fn remove(db: &Db, id: &str, user_id: &str) -> Result<bool> {
    Ok(
        sqlx::query(
            "UPDATE inquiry_files SET inquiry_id = NULL WHERE id = $1 AND uploaded_by = $2",
        )
        .bind(id)
        .bind(user_id)
        .execute(db.pool())
        .await?
        .rows_affected()
            == 1,
    )
}

/// Removes uploads no inquiry took up, made before `before`; returns how many.
pub async fn purge_unclaimed(db: &Db, before: i64) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM inquiry_files WHERE inquiry_id IS NULL AND created_at < $1")
            .bind(before)
            .execute(db.pool())
            .await?
            .rows_affected(),
    )
}
