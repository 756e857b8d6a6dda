//! Two-factor login: a person's TOTP secret (pending while enrolment waits for its first
//! code), their single-use recovery codes (SHA-256 only), and the challenges of logins that
//! passed the password and wait for the code.

use crate::sql::Sql;
use crate::{Result, UserId, params};
use time::OffsetDateTime;

crate::row! {
    /// A person's second factor as stored.
    #[derive(Debug, Clone, Default)]
    pub struct Factor {
        pub totp_secret: Option<String>,
        pub totp_pending_secret: Option<String>,
        pub totp_enabled_at: Option<OffsetDateTime>,
        pub totp_last_step: i64,
    }
}

impl Factor {
    pub fn enabled(&self) -> bool {
        self.totp_enabled_at.is_some() && self.totp_secret.is_some()
    }
}

pub fn factor(c: &mut Sql<'_>, user: UserId) -> Result<Factor> {
    let sql = "SELECT totp_secret, totp_pending_secret, totp_enabled_at, totp_last_step \
               FROM users WHERE id = $1";
    let found: Option<Factor> = c.optional(sql, params![user])?;
    Ok(found.unwrap_or_default())
}

/// Keeps a new secret until its first code confirms it.
pub fn set_pending(c: &mut Sql<'_>, user: UserId, secret: &str) -> Result<()> {
    let sql = "UPDATE users SET totp_pending_secret = $2 WHERE id = $1";
    c.execute(sql, params![user, secret])?;
    Ok(())
}

/// Makes the pending secret the account's, with the step of the code that confirmed it, and
/// replaces the recovery codes.
pub fn enable(
    c: &mut Sql<'_>,
    user: UserId,
    step: i64,
    recovery_hashes: &[String],
    now: OffsetDateTime,
) -> Result<()> {
    c.execute(
        "UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, \
         totp_enabled_at = $2, totp_last_step = $3 WHERE id = $1",
        params![user, now, step],
    )?;
    c.execute(
        "DELETE FROM recovery_codes WHERE user_id = $1",
        params![user],
    )?;
    for hash in recovery_hashes {
        c.execute(
            "INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)",
            params![user, hash],
        )?;
    }
    Ok(())
}

/// Turns the second factor off and forgets its secret and recovery codes.
pub fn disable(c: &mut Sql<'_>, user: UserId) -> Result<()> {
    c.execute(
        "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, \
         totp_enabled_at = NULL, totp_last_step = 0 WHERE id = $1",
        params![user],
    )?;
    c.execute(
        "DELETE FROM recovery_codes WHERE user_id = $1",
        params![user],
    )?;
    Ok(())
}

/// Records the step of an accepted code; false when that step (or a later one) was used
/// already, so the same code never works twice.
pub fn use_step(c: &mut Sql<'_>, user: UserId, step: i64) -> Result<bool> {
    let sql = "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2";
    let changed = c.execute(sql, params![user, step])?;
    Ok(changed == 1)
}

/// Uses a recovery code; false when it is unknown or used.
pub fn use_recovery_code(
    c: &mut Sql<'_>,
    user: UserId,
    code_hash: &str,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 \
               AND used_at IS NULL";
    let changed = c.execute(sql, params![user, code_hash, now])?;
    Ok(changed >= 1)
}

/// How many recovery codes are left.
pub fn recovery_codes_left(c: &mut Sql<'_>, user: UserId) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL";
    c.scalar(sql, params![user])
}

crate::row! {
    /// A login waiting for its code.
    #[derive(Debug, Clone)]
    pub struct Challenge {
        pub user_id: UserId,
        pub next: String,
        pub failed: i32,
    }
}

pub fn create_challenge(
    c: &mut Sql<'_>,
    token_hash: &str,
    user: UserId,
    next: &str,
    expires_at: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO login_challenges (token_hash, user_id, next, expires_at) \
               VALUES ($1, $2, $3, $4)";
    c.execute(sql, params![token_hash, user, next, expires_at])?;
    Ok(())
}

pub fn challenge(
    c: &mut Sql<'_>,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<Challenge>> {
    let sql = "SELECT user_id, next, failed FROM login_challenges \
               WHERE token_hash = $1 AND expires_at > $2";
    c.optional(sql, params![token_hash, now])
}

/// Counts a wrong code; returns how many there were.
pub fn challenge_failed(c: &mut Sql<'_>, token_hash: &str) -> Result<i32> {
    let sql = "UPDATE login_challenges SET failed = failed + 1 WHERE token_hash = $1 \
               RETURNING failed";
    let failed: Option<i32> = c.optional_scalar(sql, params![token_hash])?;
    Ok(failed.unwrap_or(i32::MAX))
}

pub fn end_challenge(c: &mut Sql<'_>, token_hash: &str) -> Result<()> {
    c.execute(
        "DELETE FROM login_challenges WHERE token_hash = $1",
        params![token_hash],
    )?;
    Ok(())
}

/// Forgets logins that never got their code; returns how many.
pub fn purge_expired_challenges(c: &mut Sql<'_>, now: OffsetDateTime) -> Result<u64> {
    let sql = "DELETE FROM login_challenges WHERE expires_at <= $1";
    c.execute(sql, params![now])
}
