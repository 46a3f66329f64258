//! Multi-row statements: `INSERT … VALUES (…), (…), …` over many rows in chunks, the values
//! bound in order, for the footprint writer's batches and the benches' generated data.

use crate::Result;

/// A value bound into a multi-row statement.
#[derive(Clone, Debug)]
pub(crate) enum Val {
    /// Text.
    Text(String),
    /// Text or NULL.
    Opt(Option<String>),
    /// A number.
    Int(i64),
}

/// The row type of a statement whose rows are not read.
pub(crate) type NoRows = (i64,);

/// Rows per multi-row statement (a row has at most 13 values: well under both engines' limits).
pub(crate) const CHUNK: usize = 200;

/// `head VALUES (...), (...) tail` over `rows`, in chunks, returning the rows `RETURNING`
/// gives when `returning`.
pub(crate) async fn multi<T>(
    tx: &mut crate::Tx,
    head: &str,
    tail: &str,
    rows: &[Vec<Val>],
    returning: bool,
) -> Result<Vec<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    let mut out = Vec::new();
    for chunk in rows.chunks(CHUNK) {
        let mut sql = String::with_capacity(head.len() + tail.len() + chunk.len() * 40);
        sql.push_str(head);
        sql.push_str(" VALUES ");
        let mut n = 0;
        for (i, row) in chunk.iter().enumerate() {
            sql.push_str(if i == 0 { "(" } else { ",(" });
            for c in 0..row.len() {
                n += 1;
                if c > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!("${n}"));
            }
            sql.push(')');
        }
        sql.push(' ');
        sql.push_str(tail);
        macro_rules! bind_rows {
            ($q:expr) => {{
                let mut q = $q;
                for row in chunk {
                    for v in row {
                        q = match v {
                            Val::Text(s) => q.bind(s.clone()),
                            Val::Opt(s) => q.bind(s.clone()),
                            Val::Int(i) => q.bind(*i),
                        };
                    }
                }
                q
            }};
        }
        if returning {
            let q = bind_rows!(sqlx::query_as::<_, T>(&sql));
            out.extend(q.fetch_all(&mut **tx).await?);
        } else {
            bind_rows!(sqlx::query(&sql)).execute(&mut **tx).await?;
        }
    }
    Ok(out)
}
