//! Brings a database's schema up to date with the migrations built into the binary.
//!
//! Each migration runs in its own transaction and is recorded with the SHA-384 of its text in
//! `_sqlx_migrations`, the table (and the way of recording) installations have used from the
//! start, so an existing database carries on where it stands. A migration that was applied and
//! has since been edited stops the start-up: the schema would no longer be the one it says. On
//! PostgreSQL the whole run holds an advisory lock, so nodes that start together wait for one
//! another instead of racing.

use crate::sql::Sql;
use crate::{Backend, Result, StoreError, params};
use sha2::{Digest, Sha384};
use std::time::Instant;

/// One migration as built in.
pub(crate) struct Migration {
    pub version: i64,
    pub description: &'static str,
    pub sql: &'static str,
}

mod built_in {
    use super::Migration;
    include!(concat!(env!("OUT_DIR"), "/migrations.rs"));
}

/// Work in Rust that data needs after a schema change (what SQL cannot compute), by name. Each
/// runs once per database: after the SQL migrations of the run that brings it in (so always
/// against the newest schema), in one transaction with the row in `data_steps` that records
/// it. A step must be correct on a database of any size and on an empty one.
type DataStep = fn(&mut Sql<'_>) -> Result<()>;
const DATA_STEPS: &[(&str, DataStep)] = &[("search-owner-words", crate::logbook::rewrite_search)];

/// Any number, the same for every node: the key of the lock the migrator holds on PostgreSQL.
const LOCK_KEY: i64 = 0x5a3e_5be1;

const TABLE: &str = "CREATE TABLE IF NOT EXISTS _sqlx_migrations ( \
    version BIGINT PRIMARY KEY, description TEXT NOT NULL, \
    installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL, \
    checksum {blob} NOT NULL, execution_time BIGINT NOT NULL)";

/// Applies what is missing; returns the migrations applied now, oldest first, as
/// "0010 registrations".
pub(crate) fn run(c: &mut Sql<'_>) -> Result<Vec<String>> {
    let (migrations, blob) = match c.backend() {
        Backend::Sqlite => (built_in::SQLITE, "BLOB"),
        Backend::Postgres => (built_in::POSTGRES, "BYTEA"),
    };
    if c.backend() == Backend::Postgres {
        c.execute("SELECT pg_advisory_lock($1)", params![LOCK_KEY])?;
    }
    // The lock belongs to the connection, which goes back to the pool: it is let go whether the
    // migrations succeed, fail or panic, so that no other node waits for it for ever.
    let table = TABLE.replace("{blob}", blob);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        apply(c, migrations, &table)
    }));
    let panicked = outcome.is_err();
    if panicked && c.in_transaction() {
        let _ = c.finish(false);
    }
    let unlocked = match c.backend() {
        Backend::Postgres => c
            .execute("SELECT pg_advisory_unlock($1)", params![LOCK_KEY])
            .map(drop),
        Backend::Sqlite => Ok(()),
    };
    let applied = outcome.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    unlocked?;
    applied
}

fn apply(c: &mut Sql<'_>, migrations: &[Migration], table: &str) -> Result<Vec<String>> {
    c.batch(table)?;
    let applied: Vec<(i64, bool, Vec<u8>)> = c.all(
        "SELECT version, success, checksum FROM _sqlx_migrations ORDER BY version",
        &[],
    )?;
    if let Some((version, _, _)) = applied.iter().find(|(_, success, _)| !success) {
        return Err(StoreError::Config(format!(
            "migration {version:04} was left half done; restore the database from a backup"
        )));
    }
    let mut done = Vec::new();
    for migration in migrations {
        let checksum = Sha384::digest(migration.sql.as_bytes()).to_vec();
        let name = format!("{:04} {}", migration.version, migration.description);
        if let Some((_, _, stored)) = applied.iter().find(|(v, _, _)| *v == migration.version) {
            if *stored != checksum {
                return Err(StoreError::Config(format!(
                    "migration {name} was changed after it was applied"
                )));
            }
            continue;
        }
        let started = Instant::now();
        c.transaction(|c| {
            c.batch(migration.sql)?;
            let took = i64::try_from(started.elapsed().as_nanos()).unwrap_or(i64::MAX);
            c.execute(
                "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
                 VALUES ($1, $2, TRUE, $3, $4)",
                &[
                    migration.version.into(),
                    migration.description.into(),
                    crate::sql::Value::Bytes(&checksum),
                    took.into(),
                ],
            )?;
            Ok::<_, StoreError>(())
        })?;
        done.push(name);
    }
    let ran: Vec<String> = c.column("SELECT name FROM data_steps", &[])?;
    for (name, step) in DATA_STEPS {
        if ran.iter().any(|r| r == name) {
            continue;
        }
        c.transaction(|c| {
            step(c)?;
            c.execute(
                "INSERT INTO data_steps (name, done_at) VALUES ($1, $2)",
                params![*name, crate::now()],
            )?;
            Ok::<_, StoreError>(())
        })?;
        done.push(format!("data step {name}"));
    }
    Ok(done)
}

/// The migrations recorded as applied, as "0010 registrations"; none on a new database.
pub(crate) fn applied(c: &mut Sql<'_>) -> Result<Vec<String>> {
    let table: Option<i64> = match c.backend() {
        Backend::Sqlite => c.optional_scalar(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
            &[],
        )?,
        Backend::Postgres => c.optional_scalar(
            "SELECT 1 FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations'",
            &[],
        )?,
    };
    if table.is_none() {
        return Ok(Vec::new());
    }
    let rows: Vec<(i64, String)> = c.all(
        "SELECT version, description FROM _sqlx_migrations ORDER BY version",
        &[],
    )?;
    Ok(rows
        .into_iter()
        .map(|(version, description)| format!("{version:04} {description}"))
        .collect())
}
