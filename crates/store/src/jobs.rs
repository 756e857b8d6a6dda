//! Background jobs, kept in a table. A job is written in the same transaction as the change
//! that causes it, claimed by one worker at a time with a lease (`FOR UPDATE SKIP LOCKED` on
//! PostgreSQL; SQLite has a single writer), and retried with growing delays when it fails.

use crate::{Exec, JobId, Result, dispatch};
use std::time::Duration;
use time::OffsetDateTime;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Job {
    pub id: JobId,
    pub kind: String,
    pub payload: String,
    pub attempts: i32,
    pub max_attempts: i32,
}

pub async fn enqueue(
    ex: Exec<'_>,
    kind: &str,
    payload: &serde_json::Value,
    now: OffsetDateTime,
) -> Result<JobId> {
    let sql =
        "INSERT INTO jobs (kind, payload, run_at, created_at) VALUES ($1, $2, $3, $3) RETURNING id";
    let payload = payload.to_string();
    Ok(
        dispatch!(ex, c => sqlx::query_scalar(sql).bind(kind).bind(&payload).bind(now).fetch_one(c).await?),
    )
}

/// Claims the next due job for `worker` for the length of `lease`. A job whose worker died is
/// claimed again once its lease has run out.
pub async fn claim(
    ex: Exec<'_>,
    worker: &str,
    now: OffsetDateTime,
    lease: Duration,
) -> Result<Option<Job>> {
    let locked_until = now + lease;
    let job = match ex {
        Exec::Sqlite(c) => sqlx::query_as(
            "UPDATE jobs SET locked_by = $1, locked_until = $2, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $3 \
                         AND (locked_until IS NULL OR locked_until < $3) ORDER BY run_at, id LIMIT 1) \
             RETURNING id, kind, payload, attempts, max_attempts",
        )
        .bind(worker).bind(locked_until).bind(now)
        .fetch_optional(c).await?,
        // Backend-specific: skip rows another node is claiming right now.
        Exec::Postgres(c) => sqlx::query_as(
            "UPDATE jobs SET locked_by = $1, locked_until = $2, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $3 \
                         AND (locked_until IS NULL OR locked_until < $3) ORDER BY run_at, id LIMIT 1 \
                         FOR UPDATE SKIP LOCKED) \
             RETURNING id, kind, payload, attempts, max_attempts",
        )
        .bind(worker).bind(locked_until).bind(now)
        .fetch_optional(c).await?,
    };
    Ok(job)
}

pub async fn complete(ex: Exec<'_>, id: JobId, now: OffsetDateTime) -> Result<()> {
    let sql = "UPDATE jobs SET done_at = $2, locked_by = NULL, locked_until = NULL WHERE id = $1";
    dispatch!(ex, c => sqlx::query(sql).bind(id).bind(now).execute(c).await?.rows_affected());
    Ok(())
}

/// Forgets what finished mail jobs (sent, or given up on) carried, once they finished before
/// `before`: the text of a reset or invitation mail holds a working link, and the database is
/// no place to keep it. Returns how many were emptied.
pub async fn purge_finished_mail(ex: Exec<'_>, before: OffsetDateTime) -> Result<u64> {
    let sql = "UPDATE jobs SET payload = '{}' WHERE kind = 'mail' AND payload <> '{}' \
               AND COALESCE(done_at, failed_at) < $1";
    Ok(dispatch!(ex, c => sqlx::query(sql).bind(before).execute(c).await?.rows_affected()))
}

/// Delay before the next attempt: 10 s, doubling per attempt, at most an hour.
pub fn backoff(attempts: i32) -> Duration {
    let doublings = attempts.clamp(1, 10) as u32 - 1;
    Duration::from_secs((10u64 << doublings).min(3600))
}

/// Records a failed attempt; the job runs again after a backoff, or is given up when it has had
/// all its attempts.
pub async fn fail(ex: Exec<'_>, job: &Job, error: &str, now: OffsetDateTime) -> Result<()> {
    let error: String = error.chars().take(2000).collect();
    if job.attempts >= job.max_attempts {
        let sql = "UPDATE jobs SET failed_at = $2, last_error = $3, locked_by = NULL, locked_until = NULL WHERE id = $1";
        dispatch!(ex, c => sqlx::query(sql).bind(job.id).bind(now).bind(&error).execute(c).await?.rows_affected());
    } else {
        let sql = "UPDATE jobs SET run_at = $2, last_error = $3, locked_by = NULL, locked_until = NULL WHERE id = $1";
        let next = now + backoff(job.attempts);
        dispatch!(ex, c => sqlx::query(sql).bind(job.id).bind(next).bind(&error).execute(c).await?.rows_affected());
    }
    Ok(())
}

/// Counts of jobs by state, for metrics and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct JobCounts {
    pub pending: i64,
    pub done: i64,
    pub failed: i64,
}

pub async fn counts(ex: Exec<'_>) -> Result<JobCounts> {
    let sql = "SELECT \
               COALESCE(SUM(CASE WHEN done_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), 0) AS pending, \
               COALESCE(SUM(CASE WHEN done_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS done, \
               COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS failed FROM jobs";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).fetch_one(c).await?))
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
