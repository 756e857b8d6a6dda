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
mod migrate;
pub mod notifications;
pub mod organisations;
pub mod password_resets;
pub mod registrations;
pub mod sessions;
pub mod sql;
pub mod two_factor;
pub mod users;

use time::OffsetDateTime;

pub use ids::*;

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
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which database a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database: a pool of connections on SQLite or PostgreSQL ([`sql::Pool`]).
#[derive(Clone, Debug)]
pub struct Db {
    pool: sql::Pool,
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
        let pool = if url.starts_with("sqlite:") {
            sql::Pool::open(url, size(SQLITE_CONNECTIONS))?
        } else {
            sql::Pool::open(url, size(POSTGRES_CONNECTIONS))?
        };
        Ok(Db { pool })
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

    /// Runs `work` off the async threads, leaving transactions to it; see [`sql::Pool::work`].
    pub async fn work<T, E, F>(&self, work: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut sql::Sql<'_>) -> Result<T, E> + Send + 'static,
    {
        self.pool.work(work).await
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

    /// Brings the schema up to date; returns the migrations applied now, oldest first, as
    /// "0010 registrations". On PostgreSQL the migrator holds an advisory lock, so nodes that
    /// start together do not race.
    pub async fn migrate(&self) -> Result<Vec<String>> {
        let applied = self.read(migrate::run).await?;
        if self.backend() == Backend::Sqlite {
            // SQLite plans by the statistics ANALYZE gathers; without them a query over a
            // large table can pick a plan a thousand times slower. Bounded, so start-up
            // stays quick on a large database.
            self.read(|c| c.batch("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002"))
                .await?;
        }
        Ok(applied)
    }

    /// The migrations recorded as applied, as "0010 registrations"; none on a new database.
    pub async fn applied_migrations(&self) -> Result<Vec<String>> {
        self.read(migrate::applied).await
    }

    /// True when the database answers a trivial query.
    pub async fn ping(&self) -> bool {
        self.read(|c| c.scalar::<i64>("SELECT 1", &[]))
            .await
            .is_ok()
    }

    /// Gives the connections back; they close as they are dropped.
    pub async fn close(&self) {}

    /// Table and column names of the schema, sorted: used by the test that keeps the two
    /// schemas the same.
    pub async fn schema_columns(&self) -> Result<Vec<(String, String)>> {
        let mut rows: Vec<(String, String)> = self
            .read(|c| match c.backend() {
                Backend::Sqlite => c.all(
                    "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                       AND m.name NOT LIKE '_sqlx_%'
                       AND NOT EXISTS (SELECT 1 FROM sqlite_master v
                                       WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%'
                                         AND m.name LIKE v.name || '!_%' ESCAPE '!')",
                    &[],
                ),
                Backend::Postgres => c.all(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx_%'",
                    &[],
                ),
            })
            .await?;
        rows.sort();
        Ok(rows)
    }
}

/// The current time, truncated to microseconds so that it survives a round trip through
/// PostgreSQL unchanged.
pub fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(now.nanosecond() / 1_000 * 1_000)
        .unwrap_or(now)
}
