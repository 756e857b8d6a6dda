//! Two-factor login: a person's TOTP secret (pending while enrolment waits for its first
//! code), their single-use recovery codes (SHA-256 only), and the challenges of logins that
//! passed the password and wait for the code.

use crate::{Exec, Result, UserId, dispatch};
use time::OffsetDateTime;

/// A person's second factor as stored.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct Factor {
    pub totp_secret: Option<String>,
    pub totp_pending_secret: Option<String>,
    pub totp_enabled_at: Option<OffsetDateTime>,
    pub totp_last_step: i64,
}

impl Factor {
    pub fn enabled(&self) -> bool {
        self.totp_enabled_at.is_some() && self.totp_secret.is_some()
    }
}

pub async fn factor(ex: Exec<'_>, user: UserId) -> Result<Factor> {
    let sql = "SELECT totp_secret, totp_pending_secret, totp_enabled_at, totp_last_step \
               FROM users WHERE id = $1";
    let found: Option<Factor> =
        dispatch!(ex, c => sqlx::query_as(sql).bind(user).fetch_optional(c).await?);
    Ok(found.unwrap_or_default())
}

/// Keeps a new secret until its first code confirms it.
pub async fn set_pending(ex: Exec<'_>, user: UserId, secret: &str) -> Result<()> {
    let sql = "UPDATE users SET totp_pending_secret = $2 WHERE id = $1";
    dispatch!(ex, c => sqlx::query(sql).bind(user).bind(secret).execute(c).await?.rows_affected());
    Ok(())
}

/// Makes the pending secret the account's, with the step of the code that confirmed it, and
/// replaces the recovery codes.
pub async fn enable(
    ex: Exec<'_>,
    user: UserId,
    step: i64,
    recovery_hashes: &[String],
    now: OffsetDateTime,
) -> Result<()> {
    dispatch!(ex, c => {
        sqlx::query(
            "UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, \
             totp_enabled_at = $2, totp_last_step = $3 WHERE id = $1",
        )
        .bind(user).bind(now).bind(step).execute(&mut *c).await?;
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user).execute(&mut *c).await?;
        for hash in recovery_hashes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(user).bind(hash).execute(&mut *c).await?;
        }
    });
    Ok(())
}

/// Turns the second factor off and forgets its secret and recovery codes.
pub async fn disable(ex: Exec<'_>, user: UserId) -> Result<()> {
    dispatch!(ex, c => {
        sqlx::query(
            "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, \
             totp_enabled_at = NULL, totp_last_step = 0 WHERE id = $1",
        )
        .bind(user).execute(&mut *c).await?;
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user).execute(&mut *c).await?;
    });
    Ok(())
}

/// Records the step of an accepted code; false when that step (or a later one) was used
/// already, so the same code never works twice.
pub async fn use_step(ex: Exec<'_>, user: UserId, step: i64) -> Result<bool> {
    let sql = "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2";
    let changed = dispatch!(ex, c => sqlx::query(sql).bind(user).bind(step).execute(c).await?.rows_affected());
    Ok(changed == 1)
}

/// Uses a recovery code; false when it is unknown or used.
pub async fn use_recovery_code(
    ex: Exec<'_>,
    user: UserId,
    code_hash: &str,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 \
               AND used_at IS NULL";
    let changed = dispatch!(ex, c => sqlx::query(sql).bind(user).bind(code_hash).bind(now).execute(c).await?.rows_affected());
    Ok(changed >= 1)
}

/// How many recovery codes are left.
pub async fn recovery_codes_left(ex: Exec<'_>, user: UserId) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL";
    Ok(dispatch!(ex, c => sqlx::query_scalar(sql).bind(user).fetch_one(c).await?))
}

/// A login waiting for its code.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Challenge {
    pub user_id: UserId,
    pub next: String,
    pub failed: i32,
}

pub async fn create_challenge(
    ex: Exec<'_>,
    token_hash: &str,
    user: UserId,
    next: &str,
    expires_at: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO login_challenges (token_hash, user_id, next, expires_at) \
               VALUES ($1, $2, $3, $4)";
    dispatch!(ex, c => sqlx::query(sql).bind(token_hash).bind(user).bind(next).bind(expires_at).execute(c).await?.rows_affected());
    Ok(())
}

pub async fn challenge(
    ex: Exec<'_>,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<Challenge>> {
    let sql = "SELECT user_id, next, failed FROM login_challenges \
               WHERE token_hash = $1 AND expires_at > $2";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(token_hash).bind(now).fetch_optional(c).await?))
}

/// Counts a wrong code; returns how many there were.
pub async fn challenge_failed(ex: Exec<'_>, token_hash: &str) -> Result<i32> {
    let sql = "UPDATE login_challenges SET failed = failed + 1 WHERE token_hash = $1 \
               RETURNING failed";
    let failed: Option<i32> =
        dispatch!(ex, c => sqlx::query_scalar(sql).bind(token_hash).fetch_optional(c).await?);
    Ok(failed.unwrap_or(i32::MAX))
}

pub async fn end_challenge(ex: Exec<'_>, token_hash: &str) -> Result<()> {
    dispatch!(ex, c => sqlx::query("DELETE FROM login_challenges WHERE token_hash = $1").bind(token_hash).execute(c).await?.rows_affected());
    Ok(())
}

/// Forgets logins that never got their code; returns how many.
pub async fn purge_expired_challenges(ex: Exec<'_>, now: OffsetDateTime) -> Result<u64> {
    let sql = "DELETE FROM login_challenges WHERE expires_at <= $1";
    Ok(dispatch!(ex, c => sqlx::query(sql).bind(now).execute(c).await?.rows_affected()))
}
