//! The data path: all database work of one request runs as plain synchronous code on one pooled
//! connection, inside one blocking section ([`Pool::read`], [`Pool::write`]).
//!
//! SQL is written once for both databases (`$1` placeholders, `RETURNING`, `ON CONFLICT`);
//! [`Sql`] runs it on SQLite (rusqlite) or PostgreSQL (the `postgres` crate), binding
//! [`Value`]s and reading rows through [`FromRow`]. Statements are prepared once per connection
//! and kept. Where a backend needs its own SQL, the function matches on [`Sql::backend`] and
//! says why. See ADR 0015.

mod row;
mod value;

pub use row::{Cell, FromCell, FromRow, One, Row};
pub use value::{Kind, Typed, Value, day_text, instant_text};

use crate::{Backend, Result, StoreError};
use postgres::types::Type;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

/// Binds values to a statement: `params![id, &name, now]`.
#[macro_export]
macro_rules! params {
    () => { &[] as &[$crate::sql::Value<'_>] };
    ($($value:expr),+ $(,)?) => {
        &[$($crate::sql::Value::from($value)),+] as &[$crate::sql::Value<'_>]
    };
}

/// Prepared statements a connection keeps, by their text.
const STATEMENT_CACHE: usize = 256;

/// A pool of connections on one of the two databases.
#[derive(Clone)]
pub enum Pool {
    Sqlite(r2d2::Pool<SqliteConnector>),
    Postgres(r2d2::Pool<PgConnector>),
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("backend", &self.backend())
            .finish_non_exhaustive()
    }
}

/// Opens SQLite connections with the settings every connection needs.
#[derive(Debug)]
pub struct SqliteConnector {
    path: PathBuf,
}

impl r2d2::ManageConnection for SqliteConnector {
    type Connection = rusqlite::Connection;
    type Error = rusqlite::Error;

    fn connect(&self) -> std::result::Result<rusqlite::Connection, rusqlite::Error> {
        let conn = rusqlite::Connection::open(&self.path)?;
        conn.busy_timeout(Duration::from_secs(10))?;
        // NORMAL in WAL mode loses no committed transaction when the process dies; only a
        // power cut can take the last ones.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        )?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(conn)
    }

    fn is_valid(
        &self,
        conn: &mut rusqlite::Connection,
    ) -> std::result::Result<(), rusqlite::Error> {
        // A connection given back inside a transaction (a panic in the middle of a write) is
        // rolled back before anyone else gets it.
        if !conn.is_autocommit() {
            conn.execute_batch("ROLLBACK")?;
        }
        Ok(())
    }

    fn has_broken(&self, conn: &mut rusqlite::Connection) -> bool {
        !conn.is_autocommit() && conn.execute_batch("ROLLBACK").is_err()
    }
}

/// A PostgreSQL connection and the statements it has prepared.
pub struct PgConn {
    /// Always there; taken only when the connection is dropped.
    client: Option<postgres::Client>,
    /// By text, then by the declared types of the values (see [`PgConn::prepare`]).
    statements: HashMap<String, Vec<(Vec<Type>, postgres::Statement)>>,
    in_transaction: bool,
}

/// Opens PostgreSQL connections.
#[derive(Debug)]
pub struct PgConnector {
    config: postgres::Config,
}

impl r2d2::ManageConnection for PgConnector {
    type Connection = PgConn;
    type Error = postgres::Error;

    fn connect(&self) -> std::result::Result<PgConn, postgres::Error> {
        let mut client = self.config.connect(postgres::NoTls)?;
        // Statements are prepared once per connection; PostgreSQL would still plan some of
        // them again at every execution (a "custom plan" per set of values), which cost more
        // than running them. One generic plan per statement (ADR 0018).
        client.batch_execute("SET plan_cache_mode = force_generic_plan")?;
        Ok(PgConn {
            client: Some(client),
            statements: HashMap::new(),
            in_transaction: false,
        })
    }

    fn is_valid(&self, conn: &mut PgConn) -> std::result::Result<(), postgres::Error> {
        // A connection the server closed (a restart, an idle timeout) fails here at once,
        // without a round trip, and the pool opens a new one instead of lending it out.
        if conn.client().is_closed() {
            conn.client().batch_execute("")?;
        }
        if conn.in_transaction {
            conn.client().batch_execute("ROLLBACK")?;
            conn.in_transaction = false;
        }
        Ok(())
    }

    fn has_broken(&self, conn: &mut PgConn) -> bool {
        conn.client().is_closed() || (conn.in_transaction && self.is_valid(conn).is_err())
    }
}

/// A connection taken from the pool; [`Conn::sql`] lends it to store functions.
// Held on one blocking thread's stack for one unit of work, never moved around: no box needed.
#[allow(clippy::large_enum_variant)]
pub enum Conn {
    Sqlite(r2d2::PooledConnection<SqliteConnector>),
    Postgres(r2d2::PooledConnection<PgConnector>),
}

impl Conn {
    pub fn sql(&mut self) -> Sql<'_> {
        match self {
            Conn::Sqlite(c) => Sql::Sqlite(c),
            Conn::Postgres(c) => Sql::Postgres(c),
        }
    }
}

/// A borrowed connection on either database: what every store function takes.
pub enum Sql<'a> {
    Sqlite(&'a mut rusqlite::Connection),
    Postgres(&'a mut PgConn),
}

impl Pool {
    /// Opens a pool for `url`: `sqlite://path` (created when missing) or `postgres://…`.
    pub fn open(url: &str, size: u32) -> Result<Pool> {
        fn builder<M: r2d2::ManageConnection>(size: u32) -> r2d2::Builder<M> {
            r2d2::Pool::builder()
                .max_size(size.max(1))
                .min_idle(Some(0))
                .connection_timeout(Duration::from_secs(10))
                .test_on_check_out(true)
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let config: postgres::Config = url
                .parse()
                .map_err(|e| StoreError::Config(format!("{e}")))?;
            let pool = builder(size)
                .build(PgConnector { config })
                .map_err(|e| StoreError::Config(format!("{e}")))?;
            Ok(Pool::Postgres(pool))
        } else if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.trim_start_matches("//");
            let path = path.split('?').next().unwrap_or(path);
            let pool = builder(size)
                .build(SqliteConnector {
                    path: PathBuf::from(path),
                })
                .map_err(|e| StoreError::Config(format!("{e}")))?;
            Ok(Pool::Sqlite(pool))
        } else {
            Err(StoreError::Config(format!(
                "unsupported DATABASE_URL scheme: {url:?} (use sqlite:// or postgres://)"
            )))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Takes a connection, waiting for one when all are in use. Blocks: call it inside
    /// [`Pool::read`] / [`Pool::write`] or from a thread of its own.
    pub fn get(&self) -> Result<Conn> {
        Ok(match self {
            Pool::Sqlite(pool) => Conn::Sqlite(pool.get().map_err(pool_error)?),
            Pool::Postgres(pool) => Conn::Postgres(pool.get().map_err(pool_error)?),
        })
    }

    /// Runs `work`, which only reads, on one connection: the whole of a request's reads in one
    /// unit. On SQLite it runs right here when a connection is free (reads never wait there);
    /// otherwise, and always on PostgreSQL, off the async threads in one hand-off. Work that
    /// writes uses [`Pool::write`] or [`Pool::work`], which never run on an async thread.
    /// `work` may fail with any error a store error converts into.
    pub async fn read<T, E, F>(&self, work: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut Sql<'_>) -> Result<T, E> + Send + 'static,
    {
        self.run(Unit::Reads, work).await
    }

    /// Runs `work` on one connection off the async threads, leaving transactions to it
    /// ([`Sql::begin`], [`Sql::finish`]): for a unit that decides itself whether to keep what it
    /// wrote, or that commits in steps.
    pub async fn work<T, E, F>(&self, work: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut Sql<'_>) -> Result<T, E> + Send + 'static,
    {
        self.run(Unit::Own, work).await
    }

    /// Runs `work` in one transaction on one connection, off the async threads; commits when
    /// it returns `Ok`, rolls back otherwise.
    pub async fn write<T, E, F>(&self, work: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut Sql<'_>) -> Result<T, E> + Send + 'static,
    {
        self.run(Unit::Transaction, work).await
    }

    async fn run<T, E, F>(&self, unit: Unit, work: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut Sql<'_>) -> Result<T, E> + Send + 'static,
    {
        // SQLite reads run where the request already is when a connection is free: they never
        // wait on the network, and in WAL mode never on a writer, so a hand-off to another
        // thread would cost more than the page's whole database work (ADR 0017).
        if let (Unit::Reads, Pool::Sqlite(pool)) = (unit, self)
            && let Some(mut conn) = pool.try_get()
        {
            return work(&mut Sql::Sqlite(&mut conn));
        }
        let pool = self.clone();
        // Keeps the caller's span, so what the work logs says what the request was doing.
        let span = tracing::Span::current();
        let done = tokio::task::spawn_blocking(move || {
            span.in_scope(|| {
                let mut conn = pool.get()?;
                let mut sql = conn.sql();
                match unit {
                    Unit::Reads | Unit::Own => work(&mut sql),
                    Unit::Transaction => sql.transaction(work),
                }
            })
        })
        .await;
        done.unwrap_or_else(|e| {
            Err(StoreError::Config(format!("database work stopped: {e}")).into())
        })
    }
}

/// What [`Pool::run`] wraps the work in.
#[derive(Clone, Copy)]
enum Unit {
    Reads,
    Transaction,
    Own,
}

fn pool_error(error: r2d2::Error) -> StoreError {
    StoreError::Unavailable(error.to_string())
}

impl Sql<'_> {
    pub fn backend(&self) -> Backend {
        match self {
            Sql::Sqlite(_) => Backend::Sqlite,
            Sql::Postgres(_) => Backend::Postgres,
        }
    }

    /// Borrows the connection again, for a helper that takes it by value.
    pub fn reborrow(&mut self) -> Sql<'_> {
        match self {
            Sql::Sqlite(c) => Sql::Sqlite(c),
            Sql::Postgres(c) => Sql::Postgres(c),
        }
    }

    /// Runs `work` in a transaction: `BEGIN IMMEDIATE` on SQLite, so two writers queue on the
    /// busy timeout instead of failing on a lock upgrade. Commits on `Ok`, rolls back on `Err`.
    pub fn transaction<T, E>(
        &mut self,
        work: impl FnOnce(&mut Self) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        self.begin()?;
        let outcome = work(self);
        let end = self.finish(outcome.is_ok());
        match (outcome, end) {
            (Ok(value), Ok(())) => Ok(value),
            (Ok(_), Err(error)) => Err(error.into()),
            (Err(error), _) => Err(error),
        }
    }

    /// Starts a transaction (`BEGIN IMMEDIATE` on SQLite). The connection remembers it, so
    /// that one given back to the pool still inside it is rolled back before anyone else
    /// gets it, on either database.
    pub fn begin(&mut self) -> Result<()> {
        self.batch(match self.backend() {
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => "BEGIN",
        })?;
        if let Sql::Postgres(c) = self {
            c.in_transaction = true;
        }
        Ok(())
    }

    /// True inside a transaction [`Sql::begin`] started.
    pub fn in_transaction(&self) -> bool {
        match self {
            Sql::Sqlite(c) => !c.is_autocommit(),
            Sql::Postgres(c) => c.in_transaction,
        }
    }

    /// Ends the transaction [`Sql::begin`] started: commits or rolls back.
    pub fn finish(&mut self, commit: bool) -> Result<()> {
        let end = self.batch(if commit { "COMMIT" } else { "ROLLBACK" });
        if let Sql::Postgres(c) = self {
            c.in_transaction = false;
        }
        end
    }

    /// Runs statements without parameters or results (`BEGIN`, `PRAGMA …`).
    pub fn batch(&mut self, sql: &str) -> Result<()> {
        statement_ran(sql);
        match self {
            Sql::Sqlite(c) => c.execute_batch(sql)?,
            Sql::Postgres(c) => c.client().batch_execute(sql)?,
        }
        Ok(())
    }

    /// Runs one statement; returns how many rows it changed.
    pub fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        statement_ran(sql);
        match self {
            Sql::Sqlite(c) => {
                let mut statement = c.prepare_cached(sql)?;
                bind_sqlite(&mut statement, params)?;
                Ok(statement.raw_execute()? as u64)
            }
            Sql::Postgres(c) => {
                let statement = c.prepare(sql, params)?;
                Ok(c.client().execute(&statement, &pg_params(params))?)
            }
        }
    }

    /// Every row the statement returns.
    pub fn all<T: FromRow>(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.each(sql, params, |row| {
            out.push(T::from_row(row)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row, if there is one.
    pub fn optional<T: FromRow>(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Option<T>> {
        statement_ran(sql);
        match self {
            Sql::Sqlite(c) => {
                let mut statement = c.prepare_cached(sql)?;
                bind_sqlite(&mut statement, params)?;
                let mut rows = statement.raw_query();
                match rows.next()? {
                    Some(row) => T::from_row(&Row::Sqlite(row)).map(Some),
                    None => Ok(None),
                }
            }
            Sql::Postgres(c) => {
                use postgres::fallible_iterator::FallibleIterator;
                let statement = c.prepare(sql, params)?;
                // The first row, as on SQLite: `query_opt` would refuse a second one.
                let first = c
                    .client()
                    .query_raw(&statement, pg_params(params).iter().copied())?
                    .next()?;
                match first {
                    Some(row) => T::from_row(&Row::Postgres(&row)).map(Some),
                    None => Ok(None),
                }
            }
        }
    }

    /// The one row the statement returns; [`StoreError::NotFound`] without one.
    pub fn one<T: FromRow>(&mut self, sql: &str, params: &[Value<'_>]) -> Result<T> {
        self.optional(sql, params)?.ok_or(StoreError::NotFound)
    }

    /// The first column of the one row the statement returns (a count, an id).
    pub fn scalar<T: FromCell>(&mut self, sql: &str, params: &[Value<'_>]) -> Result<T> {
        self.one::<One<T>>(sql, params).map(|One(value)| value)
    }

    /// The first column of the first row, if there is one.
    pub fn optional_scalar<T: FromCell>(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
    ) -> Result<Option<T>> {
        Ok(self
            .optional::<One<T>>(sql, params)?
            .map(|One(value)| value))
    }

    /// The first column of every row.
    pub fn column<T: FromCell>(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.each(sql, params, |row| {
            out.push(row.at(0)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `visit` for each row, without collecting them.
    pub fn each(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        mut visit: impl FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<()> {
        statement_ran(sql);
        match self {
            Sql::Sqlite(c) => {
                let mut statement = c.prepare_cached(sql)?;
                bind_sqlite(&mut statement, params)?;
                let mut rows = statement.raw_query();
                while let Some(row) = rows.next()? {
                    visit(&Row::Sqlite(row))?;
                }
            }
            Sql::Postgres(c) => {
                let statement = c.prepare(sql, params)?;
                for row in c.client().query(&statement, &pg_params(params))? {
                    visit(&Row::Postgres(&row))?;
                }
            }
        }
        Ok(())
    }
}

impl PgConn {
    fn client(&mut self) -> &mut postgres::Client {
        self.client
            .as_mut()
            .expect("a PostgreSQL connection has its client until it is dropped")
    }

    /// The prepared statement for `sql` with values like `params`, prepared on first use.
    ///
    /// Instants, days, truth values and fractions are declared with their type, so that a
    /// parameter the server cannot place (`SELECT $4` feeding an `INSERT`) is not taken as text;
    /// whole numbers, text and NULL are left for the server to infer from where they stand.
    fn prepare(&mut self, sql: &str, params: &[Value<'_>]) -> Result<postgres::Statement> {
        let types: Vec<Type> = params.iter().map(Value::declared_type).collect();
        if let Some(variants) = self.statements.get(sql)
            && let Some((_, statement)) = variants.iter().find(|(t, _)| *t == types)
        {
            return Ok(statement.clone());
        }
        let statement = self.client().prepare_typed(sql, &types)?;
        if self.statements.len() >= STATEMENT_CACHE {
            self.statements.clear();
        }
        self.statements
            .entry(sql.to_owned())
            .or_default()
            .push((types, statement.clone()));
        Ok(statement)
    }
}

/// Binds `params` to a SQLite statement. SQLite takes `$1` as a parameter *named* "$1" and
/// numbers parameters in the order they first appear in the text, so each is bound by its name:
/// `$2` takes the second value wherever it stands. Anonymous `?` parameters go by position.
fn bind_sqlite(statement: &mut rusqlite::Statement<'_>, params: &[Value<'_>]) -> Result<()> {
    for index in 1..=statement.parameter_count() {
        let value = match statement.parameter_name(index) {
            Some(name) => name
                .strip_prefix('$')
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| params.get(n.checked_sub(1)?)),
            None => params.get(index - 1),
        };
        let value = value.ok_or_else(|| {
            StoreError::Sql(format!("no value for parameter {index} of the statement"))
        })?;
        statement.raw_bind_parameter(index, value)?;
    }
    Ok(())
}

/// Tells the log (at trace level, target `samenspel::sql`) which statement runs; the test that
/// no page queries per row counts these.
fn statement_ran(sql: &str) {
    tracing::trace!(target: "samenspel::sql", statement = sql);
}

impl Drop for PgConn {
    /// Closing a client blocks on its own runtime, which must not happen on an async thread
    /// (a pool dropped there): such a client is closed from a thread of its own.
    fn drop(&mut self) {
        if let Some(client) = self.client.take()
            && tokio::runtime::Handle::try_current().is_ok()
        {
            std::thread::spawn(move || drop(client));
        }
    }
}

fn pg_params<'a>(params: &'a [Value<'_>]) -> Vec<&'a (dyn postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|v| v as &(dyn postgres::types::ToSql + Sync))
        .collect()
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match &error {
            rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound,
            rusqlite::Error::SqliteFailure(failure, message)
                if failure.code == ErrorCode::ConstraintViolation
                    && matches!(
                        failure.extended_code,
                        rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                            | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
                    ) =>
            {
                StoreError::Conflict(message.clone().unwrap_or_else(|| "unique".into()))
            }
            _ => StoreError::Sql(error.to_string()),
        }
    }
}

impl From<postgres::Error> for StoreError {
    fn from(error: postgres::Error) -> Self {
        if let Some(db) = error.as_db_error()
            && *db.code() == postgres::error::SqlState::UNIQUE_VIOLATION
        {
            return StoreError::Conflict(db.constraint().unwrap_or("unique").to_owned());
        }
        match error.as_db_error() {
            Some(db) => StoreError::Sql(format!("{}: {}", db.code().code(), db.message())),
            None => StoreError::Sql(error.to_string()),
        }
    }
}
