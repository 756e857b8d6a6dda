//! Background jobs, kept in a table. A job is written in the same transaction as the change
//! that causes it, claimed by one worker at a time with a lease (`FOR UPDATE SKIP LOCKED` on
//! PostgreSQL; SQLite has a single writer), and retried with growing delays when it fails.

use crate::sql::Sql;
use crate::{Backend, JobId, Result, params};
use std::time::Duration;
use time::OffsetDateTime;

crate::row! {
    #[derive(Debug, Clone)]
    pub struct Job {
        pub id: JobId,
        pub kind: String,
        pub payload: String,
        pub attempts: i32,
        pub max_attempts: i32,
    }
}

pub fn enqueue(
    c: &mut Sql<'_>,
    kind: &str,
    payload: &serde_json::Value,
    now: OffsetDateTime,
) -> Result<JobId> {
    let sql =
        "INSERT INTO jobs (kind, payload, run_at, created_at) VALUES ($1, $2, $3, $3) RETURNING id";
    let payload = payload.to_string();
    c.scalar(sql, params![kind, &payload, now])
}

/// Claims the next due job for `worker` for the length of `lease`. A job whose worker died is
/// claimed again once its lease has run out.
pub fn claim(
    c: &mut Sql<'_>,
    worker: &str,
    now: OffsetDateTime,
    lease: Duration,
) -> Result<Option<Job>> {
    let locked_until = now + lease;
    let sql = match c.backend() {
        Backend::Sqlite => {
            "UPDATE jobs SET locked_by = $1, locked_until = $2, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $3 \
                         AND (locked_until IS NULL OR locked_until < $3) ORDER BY run_at, id LIMIT 1) \
             RETURNING id, kind, payload, attempts, max_attempts"
        }
        // Backend-specific: skip rows another node is claiming right now.
        Backend::Postgres => {
            "UPDATE jobs SET locked_by = $1, locked_until = $2, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $3 \
                         AND (locked_until IS NULL OR locked_until < $3) ORDER BY run_at, id LIMIT 1 \
                         FOR UPDATE SKIP LOCKED) \
             RETURNING id, kind, payload, attempts, max_attempts"
        }
    };
    let job = c.optional(sql, params![worker, locked_until, now])?;
    Ok(job)
}

pub fn complete(c: &mut Sql<'_>, id: JobId, now: OffsetDateTime) -> Result<()> {
    let sql = "UPDATE jobs SET done_at = $2, locked_by = NULL, locked_until = NULL WHERE id = $1";
    c.execute(sql, params![id, now])?;
    Ok(())
}

/// Forgets what finished mail jobs (sent, or given up on) carried, once they finished before
/// `before`: the text of a reset or invitation mail holds a working link, and the database is
/// no place to keep it. Returns how many were emptied.
pub fn purge_finished_mail(c: &mut Sql<'_>, before: OffsetDateTime) -> Result<u64> {
    let sql = "UPDATE jobs SET payload = '{}' WHERE kind = 'mail' AND payload <> '{}' \
               AND COALESCE(done_at, failed_at) < $1";
    c.execute(sql, params![before])
}

/// Delay before the next attempt: 10 s, doubling per attempt, at most an hour.
pub fn backoff(attempts: i32) -> Duration {
    let doublings = attempts.clamp(1, 10) as u32 - 1;
    Duration::from_secs((10u64 << doublings).min(3600))
}

/// Records a failed attempt; the job runs again after a backoff, or is given up when it has had
/// all its attempts.
pub fn fail(c: &mut Sql<'_>, job: &Job, error: &str, now: OffsetDateTime) -> Result<()> {
    let error: String = error.chars().take(2000).collect();
    if job.attempts >= job.max_attempts {
        let sql = "UPDATE jobs SET failed_at = $2, last_error = $3, locked_by = NULL, locked_until = NULL WHERE id = $1";
        c.execute(sql, params![job.id, now, &error])?;
    } else {
        let sql = "UPDATE jobs SET run_at = $2, last_error = $3, locked_by = NULL, locked_until = NULL WHERE id = $1";
        let next = now + backoff(job.attempts);
        c.execute(sql, params![job.id, next, &error])?;
    }
    Ok(())
}

crate::row! {
    /// Counts of jobs by state, for metrics and tests.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
    pub struct JobCounts {
        pub pending: i64,
        pub done: i64,
        pub failed: i64,
    }
}

pub fn counts(c: &mut Sql<'_>) -> Result<JobCounts> {
    let sql = "SELECT \
               COALESCE(SUM(CASE WHEN done_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), 0) AS pending, \
               COALESCE(SUM(CASE WHEN done_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS done, \
               COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS failed FROM jobs";
    c.one(sql, &[])
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1).as_secs(), 10);
        assert_eq!(backoff(2).as_secs(), 20);
        assert_eq!(backoff(30).as_secs(), 3600);
    }
}
