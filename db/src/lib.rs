//! The only crate with SQL. One module per capability, one `pub async fn` per query.
//!
//! Both backends run the same SQL through `sqlx::AnyPool`: `$n` placeholders, `RETURNING`,
//! `ON CONFLICT`, ids (UUIDv7) and times (UTC milliseconds) made in Rust, integers as BIGINT,
//! no booleans. Where the backends must differ, a `match` on [`Backend`] says why.

pub mod account;
pub mod analysis;
pub mod application;
pub mod appointment;
pub mod audit;
pub mod buyer;
pub mod chat;
pub mod counters;
pub mod directory;
pub mod expo;
pub mod favorite;
pub mod footprint;
pub mod footprint_bench;
pub mod footprint_ingest;
pub mod hall;
pub mod import;
pub mod inquiry_file;
pub mod invitation;
pub mod lead;
pub mod live;
pub mod matching;
pub mod matching_bench;
pub mod media;
pub mod meeting;
mod multi_row;
pub mod notification;
pub mod ops;
pub mod realtime;
pub mod search;
pub mod setup;
pub mod survey;
pub mod throttle;
pub mod trade;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions, Executor};
use std::str::FromStr;
use std::time::Duration;

/// Which database engine a [`Db`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file (the default).
    Sqlite,
    /// PostgreSQL server (several nodes share it).
    Postgres,
}

impl Backend {
    /// The backend a connection URL names, or `None` when it is neither.
    pub fn from_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// A database error, classified by kind, never by matching message strings.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A unique constraint refused the write.
    #[error("unique constraint violated")]
    Unique,
    /// A foreign key refused the write.
    #[error("foreign key violated")]
    ForeignKey,
    /// The URL names no supported backend.
    #[error("unsupported database URL (expected sqlite: or postgres://)")]
    UnsupportedUrl,
    /// Anything else: connection, syntax, I/O.
    #[error(transparent)]
    Other(#[from] sqlx::Error),
    /// A migration failed.
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Maps a sqlx error to [`Error`], reading the constraint kind the driver reports.
pub(crate) fn classify(e: sqlx::Error) -> Error {
    if let sqlx::Error::Database(db) = &e {
        match db.kind() {
            sqlx::error::ErrorKind::UniqueViolation => return Error::Unique,
            sqlx::error::ErrorKind::ForeignKeyViolation => return Error::ForeignKey,
            _ => {}
        }
    }
    Error::Other(e)
}

/// Result of a db call.
pub type Result<T> = std::result::Result<T, Error>;

/// An open transaction: writes that belong together (an account and its first session, the
/// whole demo seed) go through one, so a failure leaves nothing half-written.
pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// A connection pool and the backend it speaks to. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    /// The footprint writer's connection on SQLite (the pool itself on PostgreSQL).
    writer: AnyPool,
    backend: Backend,
    /// The URL connected to (a PostgreSQL listener opens its own connection with it).
    url: std::sync::Arc<str>,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

impl Db {
    /// Connects to `url`. SQLite files (and their folder) are created when missing and run
    /// with WAL, foreign keys and a busy timeout.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Db> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url).ok_or(Error::UnsupportedUrl)?;
        let url = match backend {
            Backend::Sqlite => sqlite_url_with_create(url),
            Backend::Postgres => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
        let pool = pool_options(backend, max_connections, 8)
            .connect_with(options.clone())
            .await?;
        if backend == Backend::Sqlite {
            // WAL is a property of the file, so setting it once is enough.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        let writer = match backend {
            // One connection kept open for the footprint writer, opened when first used: a
            // SQLite connection drops its whole page cache whenever another one has committed
            // since it last read, so the writer's batches, spread over the pool, each read
            // back the pages the last one wrote. Its own connection keeps them (and a larger
            // cache of the roll-ups' pages).
            Backend::Sqlite => pool_options(backend, 1, 64)
                .idle_timeout(None)
                .max_lifetime(None)
                .connect_lazy_with(options),
            Backend::Postgres => pool.clone(),
        };
        Ok(Db {
            pool,
            writer,
            backend,
            url: std::sync::Arc::from(url.as_str()),
        })
    }

    /// Copies what SQLite's log holds into the database file as far as readers allow, without
    /// waiting for or holding up writers (a server does it every second, so committing
    /// writers need not). Nothing to do on PostgreSQL.
    pub async fn checkpoint(&self) -> Result<()> {
        if self.backend == Backend::Sqlite {
            sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    /// Starts a transaction; dropping it without [`commit`] rolls back.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(self.pool.begin().await?)
    }

    /// Applies the migrations of this backend.
    pub async fn migrate(&self) -> Result<()> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// The backend.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The URL connected to, for crate-internal dedicated connections.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// Starts a transaction of the footprint writer's (on its own connection on SQLite).
    pub(crate) async fn begin_writer(&self) -> Result<Tx> {
        Ok(self.writer.begin().await?)
    }

    /// The footprint writer's connections, for its reads.
    pub(crate) fn writer_pool(&self) -> &AnyPool {
        &self.writer
    }

    /// The pool, for crate-internal queries.
    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Checks that the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Closes every connection (graceful shutdown).
    pub async fn close(&self) {
        self.writer.close().await;
        self.pool.close().await;
    }

    /// Every column of every table as `(table, column, type, not null)`, sorted, with types
    /// lower-cased and primary keys counted as not null, so tests can prove both backends'
    /// migrations build the same schema.
    pub async fn schema_outline(&self) -> Result<Vec<(String, String, String, bool)>> {
        let sql = match self.backend {
            // Each engine lists its catalog its own way. SQLite's INTEGER (the only type an
            // auto-increment key may have there) is 64-bit, the same as PostgreSQL's BIGINT.
            Backend::Sqlite => {
                "SELECT m.name, p.name, CASE WHEN LOWER(p.type) = 'integer' THEN 'bigint' ELSE LOWER(p.type) END, CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 1 ELSE 0 END \
                 FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%' \
                 ORDER BY m.name, p.name"
            }
            Backend::Postgres => {
                "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT), CAST(LOWER(data_type) AS TEXT), \
                 CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END \
                 FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%' \
                 ORDER BY table_name, column_name"
            }
        };
        let rows: Vec<(String, String, String, i32)> =
            sqlx::query_as(sql).fetch_all(&self.pool).await?;
        Ok(rows
            .into_iter()
            .map(|(t, c, ty, nn)| (t, c, ty, nn == 1))
            .collect())
    }
}

/// A pool of at most `max_connections`, each set up for the backend; `cache_mib` is a SQLite
/// connection's page cache.
fn pool_options(backend: Backend, max_connections: u32, cache_mib: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // Per-connection settings: SQLite forgets them on every new connection.
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute("PRAGMA busy_timeout = 5000").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    // Pages read through a memory map (no copy per read) and a larger cache
                    // of the pages in use.
                    conn.execute("PRAGMA mmap_size = 268435456").await?;
                    conn.execute(format!("PRAGMA cache_size = -{}", cache_mib * 1024).as_str())
                        .await?;
                    // The log is copied into the file by `checkpoint` off the writers' path;
                    // a committing writer does it only when the log is this long.
                    conn.execute("PRAGMA wal_autocheckpoint = 20000").await?;
                }
                Ok(())
            })
        })
}

/// Adds `mode=rwc` so a missing SQLite file is created, and creates its folder.
fn sqlite_url_with_create(url: &str) -> String {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or("");
    if !path.is_empty() && path != ":memory:" {
        if let Some(parent) = std::path::Path::new(path).parent() {
            if !parent.as_os_str().is_empty() {
                let _ = std::fs::create_dir_all(parent);
            }
        }
    }
    if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

/// Commits a transaction.
pub async fn commit(tx: Tx) -> Result<()> {
    tx.commit().await.map_err(classify)
}

/// A new UUIDv7 id as text (time-ordered, so indexes stay compact).
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The current time in UTC milliseconds.
pub fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Creates a fresh, empty PostgreSQL database next to `admin_url`'s and returns its URL
/// (tests: one database per test).
pub async fn create_postgres_database(admin_url: &str, name: &str) -> Result<String> {
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(Error::UnsupportedUrl);
    }
    let admin = Db::connect(admin_url, 1).await?;
    // Identifiers cannot be bound as parameters; `name` is checked above.
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(admin.pool())
        .await?;
    admin.close().await;
    let base = admin_url
        .rsplit_once('/')
        .map(|(b, _)| b)
        .unwrap_or(admin_url);
    Ok(format!("{base}/{name}"))
}
