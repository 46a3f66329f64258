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

/// Rows per multi-row statement, at most (a row has at most 15 values: well under both
/// engines' limits). A power of two, as [`pieces`] needs.
pub(crate) const CHUNK: usize = 128;

/// Splits `items` into pieces of at most [`CHUNK`] whose lengths are powers of two, largest
/// first. A statement over a piece then has one of eight shapes, which stay prepared on each
/// connection (sqlx keeps a connection's recent statements); a shape per row count would
/// prepare a new statement for almost every batch.
pub(crate) fn pieces<T>(items: &[T]) -> impl Iterator<Item = &[T]> {
    let mut rest = items;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (piece, tail) = rest.split_at(CHUNK.min(1 << rest.len().ilog2()));
        rest = tail;
        Some(piece)
    })
}

/// `head VALUES (...), (...) tail` over `rows`, in [`pieces`], returning the rows `RETURNING`
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
    // SQLite takes `$n` as a parameter's name and finds a name's number by walking the list of
    // names, so binding a thousand `$n` costs a million steps; its anonymous `?` is bound by
    // position at once. PostgreSQL knows only `$n`.
    let anonymous = tx.backend_name() == <sqlx::Sqlite as sqlx::Database>::NAME;
    for chunk in pieces(rows) {
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
                if anonymous {
                    sql.push('?');
                } else {
                    sql.push_str(&format!("${n}"));
                }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_powers_of_two_at_most_a_chunk() {
        let sizes = |n: usize| pieces(&vec![0u8; n]).map(<[u8]>::len).collect::<Vec<_>>();
        assert_eq!(sizes(0), Vec::<usize>::new());
        assert_eq!(sizes(1), vec![1]);
        assert_eq!(sizes(7), vec![4, 2, 1]);
        assert_eq!(sizes(200), vec![128, 64, 8]);
        assert_eq!(sizes(300), vec![128, 128, 32, 8, 4]);
        for n in 0..600 {
            let s = sizes(n);
            assert_eq!(s.iter().sum::<usize>(), n);
            assert!(s.iter().all(|k| k.is_power_of_two() && *k <= CHUNK));
        }
    }
}
