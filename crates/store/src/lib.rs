//! Samenspel's persistence, on SQLite (embedded default) and PostgreSQL.
//!
//! Queries are written once in portable SQL (`$1` placeholders, `RETURNING`, `ON CONFLICT`) and
//! run on either backend through [`dispatch!`], which compiles the same body for both
//! connection types. Where a backend needs its own SQL (row locks, `SKIP LOCKED`), the branch is
//! written out and marked. Time is always passed in as a bound value, never `now()` in SQL.

pub mod ambition;
pub mod approaches;
pub mod areas;
pub mod audit;
pub mod calendar;
pub mod consent;
pub mod ids;
pub mod initiatives;
pub mod invitations;
pub mod jobs;
pub mod kompas;
pub mod logbook;
pub mod login_devices;
pub mod method;
pub mod notifications;
pub mod organisations;
pub mod password_resets;
pub mod registrations;
pub mod sessions;
pub mod sql;
pub mod two_factor;
pub mod users;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};
use std::str::FromStr;
use std::time::Duration;
use time::OffsetDateTime;

pub use ids::*;

/// Runs `$body` with `$c` bound to the backend's connection (`&mut SqliteConnection` or
/// `&mut PgConnection`). The body is compiled once per backend.
#[macro_export]
macro_rules! dispatch {
    ($ex:expr, $c:ident => $body:expr) => {
        match $ex {
            $crate::Exec::Sqlite($c) => $body,
            $crate::Exec::Postgres($c) => $body,
        }
    };
}

/// Errors from the store. Constraint violations are told apart so the web layer can answer 409
/// with a sentence instead of 500.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique constraint refused the write (e.g. an e-mail address already registered).
    #[error("conflict: {0}")]
    Conflict(String),
    /// A rule of the domain that only the database can check, e.g. "the last administrator
    /// cannot leave". The key names a message in `locales/`.
    #[error("refused: {0}")]
    Refused(&'static str),
    /// A column held what its Rust type cannot be: a bug or a damaged row, never user input.
    #[error("cannot read a row: {0}")]
    Decode(String),
    /// The database refused or failed a statement.
    #[error("database: {0}")]
    Sql(String),
    /// The database could not be reached in time (no connection free, server down).
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// The database settings are wrong.
    #[error("database settings: {0}")]
    Config(String),
    #[error(transparent)]
    Database(sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                StoreError::Conflict(db.constraint().unwrap_or("unique").to_owned())
            }
            other => StoreError::Database(other),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which database a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database: the pool of the data path ([`sql::Pool`]), and, while the store's modules
/// move to it, the pool they still use.
#[derive(Clone, Debug)]
pub struct Db {
    legacy: Legacy,
    pool: sql::Pool,
}

/// The pool of the store functions that still take an [`Exec`].
#[derive(Clone, Debug)]
enum Legacy {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A borrowed connection on either backend: what every store function takes, so the same
/// function serves a pooled connection and a transaction.
pub enum Exec<'a> {
    Sqlite(&'a mut SqliteConnection),
    Postgres(&'a mut PgConnection),
}

impl Exec<'_> {
    /// Borrows the connection again, for one more call with the same connection.
    pub fn reborrow(&mut self) -> Exec<'_> {
        match self {
            Exec::Sqlite(c) => Exec::Sqlite(c),
            Exec::Postgres(c) => Exec::Postgres(c),
        }
    }
}

/// A connection taken from the pool for a few reads.
pub enum Conn {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

impl Conn {
    pub fn ex(&mut self) -> Exec<'_> {
        match self {
            Conn::Sqlite(c) => Exec::Sqlite(c),
            Conn::Postgres(c) => Exec::Postgres(c),
        }
    }
}

/// A write transaction. On SQLite it is started with `BEGIN IMMEDIATE`, so two writers queue
/// on the busy timeout instead of failing on a lock upgrade.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Tx {
    pub fn ex(&mut self) -> Exec<'_> {
        match self {
            Tx::Sqlite(t) => Exec::Sqlite(t),
            Tx::Postgres(t) => Exec::Postgres(t),
        }
    }

    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

/// Options for opening the database.
#[derive(Debug, Clone, Default)]
pub struct DbOptions {
    /// The pool's size; `None` takes the backend's own default ([`SQLITE_CONNECTIONS`],
    /// [`POSTGRES_CONNECTIONS`]).
    pub max_connections: Option<u32>,
}

/// SQLite connections in a pool unless configured: each keeps its own page cache and prepared
/// statements (about 15 MB at national scale), and on two cores four warm connections serve as
/// many pages per second as sixteen cold ones.
pub const SQLITE_CONNECTIONS: u32 = 4;

/// PostgreSQL connections in a pool unless configured: a request waits on the network for each
/// query while holding its connection, so more of them keep the cores busy.
pub const POSTGRES_CONNECTIONS: u32 = 16;

impl Db {
    /// Opens a pool for `url`: `sqlite://path` (created when missing) or `postgres://…`.
    pub async fn connect(url: &str, options: &DbOptions) -> Result<Db> {
        let size = |default: u32| options.max_connections.unwrap_or(default);
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let connect = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(options.max_connections.unwrap_or(POSTGRES_CONNECTIONS))
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(connect)
                .await?;
            Ok(Db {
                legacy: Legacy::Postgres(pool),
                pool: sql::Pool::open(url, size(POSTGRES_CONNECTIONS))?,
            })
        } else if url.starts_with("sqlite:") {
            let connect = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // NORMAL in WAL mode loses no committed transaction when the process dies; only
                // a power cut can take the last ones.
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                // Keeps the planner's statistics fresh as the data grows.
                .optimize_on_close(true, 1000);
            let pool = SqlitePoolOptions::new()
                .max_connections(options.max_connections.unwrap_or(SQLITE_CONNECTIONS))
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(connect)
                .await?;
            Ok(Db {
                legacy: Legacy::Sqlite(pool),
                pool: sql::Pool::open(url, size(SQLITE_CONNECTIONS))?,
            })
        } else {
            Err(StoreError::Database(sqlx::Error::Configuration(
                format!("unsupported DATABASE_URL scheme: {url:?} (use sqlite:// or postgres://)")
                    .into(),
            )))
        }
    }

    pub fn backend(&self) -> Backend {
        self.pool.backend()
    }

    /// The pool of the data path.
    pub fn pool(&self) -> &sql::Pool {
        &self.pool
    }

    /// Runs `work` on one connection off the async threads; see [`sql::Pool::read`].
    pub async fn read<T, E, F>(&self, work: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut sql::Sql<'_>) -> Result<T, E> + Send + 'static,
    {
        self.pool.read(work).await
    }

    /// Runs `work` in one transaction off the async threads; see [`sql::Pool::write`].
    pub async fn write<T, E, F>(&self, work: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut sql::Sql<'_>) -> Result<T, E> + Send + 'static,
    {
        self.pool.write(work).await
    }

    /// Brings the schema up to date. On PostgreSQL the migrator holds an advisory lock, so
    /// nodes that start together do not race.
    /// Brings the schema up to date; returns the migrations applied now, oldest first, as
    /// "0010 registrations".
    pub async fn migrate(&self) -> Result<Vec<String>> {
        let before = self.applied_migrations().await;
        match &self.legacy {
            Legacy::Sqlite(pool) => {
                sqlx::migrate!("./migrations/sqlite").run(pool).await?;
                // SQLite plans by the statistics ANALYZE gathers; without them a query over a
                // large table can pick a plan a thousand times slower. Bounded, so start-up
                // stays quick on a large database.
                let mut conn = pool.acquire().await?;
                sqlx::query("PRAGMA analysis_limit = 1000")
                    .execute(&mut *conn)
                    .await?;
                sqlx::query("PRAGMA optimize = 0x10002")
                    .execute(&mut *conn)
                    .await?;
            }
            Legacy::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        let after = self.applied_migrations().await;
        Ok(after.into_iter().filter(|m| !before.contains(m)).collect())
    }

    /// The migrations recorded as applied; none before the first run made the table.
    async fn applied_migrations(&self) -> Vec<String> {
        let sql = "SELECT version, description FROM _sqlx_migrations ORDER BY version";
        let rows: std::result::Result<Vec<(i64, String)>, sqlx::Error> = match &self.legacy {
            Legacy::Sqlite(pool) => sqlx::query_as(sql).fetch_all(pool).await,
            Legacy::Postgres(pool) => sqlx::query_as(sql).fetch_all(pool).await,
        };
        rows.unwrap_or_default()
            .into_iter()
            .map(|(version, description)| format!("{version:04} {description}"))
            .collect()
    }

    pub async fn conn(&self) -> Result<Conn> {
        Ok(match &self.legacy {
            Legacy::Sqlite(pool) => Conn::Sqlite(pool.acquire().await?),
            Legacy::Postgres(pool) => Conn::Postgres(pool.acquire().await?),
        })
    }

    pub async fn begin(&self) -> Result<Tx> {
        Ok(match &self.legacy {
            Legacy::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Legacy::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// True when the database answers a trivial query.
    pub async fn ping(&self) -> bool {
        let result = match &self.legacy {
            Legacy::Sqlite(pool) => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()),
            Legacy::Postgres(pool) => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()),
        };
        result.is_ok()
    }

    pub async fn close(&self) {
        match &self.legacy {
            Legacy::Sqlite(pool) => pool.close().await,
            Legacy::Postgres(pool) => pool.close().await,
        }
    }

    /// Table and column names of the schema, sorted: used by the test that keeps the two
    /// schemas the same.
    pub async fn schema_columns(&self) -> Result<Vec<(String, String)>> {
        let mut rows: Vec<(String, String)> = match &self.legacy {
            Legacy::Sqlite(pool) => {
                sqlx::query_as(
                    "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                       AND m.name NOT LIKE '_sqlx_%'
                       AND NOT EXISTS (SELECT 1 FROM sqlite_master v
                                       WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%'
                                         AND m.name LIKE v.name || '!_%' ESCAPE '!')",
                )
                .fetch_all(pool)
                .await?
            }
            Legacy::Postgres(pool) => {
                sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx_%'",
                )
                .fetch_all(pool)
                .await?
            }
        };
        rows.sort();
        Ok(rows)
    }
}

/// The current time, truncated to microseconds so that it survives a round trip through
/// PostgreSQL unchanged, and never on a whole ten microseconds: SQLite compares instants as the
/// RFC 3339 text sqlx writes, which drops the fraction's trailing zeros, so "…12.123Z" would
/// sort after "…12.1234Z". With six digits always written, text order is time order.
pub fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    let mut micros = now.nanosecond() / 1_000;
    if micros.is_multiple_of(10) {
        micros += 1;
    }
    now.replace_nanosecond(micros * 1_000).unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use time::format_description::well_known::Rfc3339;

    #[test]
    fn instants_are_written_with_six_fraction_digits() {
        for _ in 0..10_000 {
            let text = super::now().format(&Rfc3339).expect("format");
            assert_eq!(text.len(), "2026-12-07T15:44:12.123456Z".len(), "{text}");
        }
    }
}
