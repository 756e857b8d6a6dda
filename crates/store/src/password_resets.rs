//! Password-reset links. Only the SHA-256 of the token is stored; a link works once, for a
//! limited time, and a newer link makes older ones useless.

use crate::sql::Sql;
use crate::{Result, UserId, params};
use time::OffsetDateTime;

crate::row! {
    #[derive(Debug, Clone)]
    pub struct PasswordReset {
        pub id: i64,
        pub user_id: UserId,
        pub expires_at: OffsetDateTime,
        pub used_at: Option<OffsetDateTime>,
    }
}

impl PasswordReset {
    pub fn usable(&self, now: OffsetDateTime) -> bool {
        self.used_at.is_none() && self.expires_at > now
    }
}

/// Stores a new reset token for the person, retiring any earlier one.
pub fn create(
    c: &mut Sql<'_>,
    user: UserId,
    token_hash: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<()> {
    c.execute(
        "UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL",
        params![user, now],
    )?;
    c.execute(
        "INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        params![user, token_hash, now, expires_at],
    )?;
    Ok(())
}

pub fn by_token_hash(c: &mut Sql<'_>, token_hash: &str) -> Result<Option<PasswordReset>> {
    let sql = "SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1";
    c.optional(sql, params![token_hash])
}

/// Uses the token; false when it had already been used (two submissions at once).
pub fn mark_used(c: &mut Sql<'_>, id: i64, now: OffsetDateTime) -> Result<bool> {
    let sql = "UPDATE password_resets SET used_at = $2 WHERE id = $1 AND used_at IS NULL";
    Ok(c.execute(sql, params![id, now])? == 1)
}

/// When the person last asked for a reset link, to limit reset mail per account.
pub fn last_requested(c: &mut Sql<'_>, user: UserId) -> Result<Option<OffsetDateTime>> {
    let sql = "SELECT MAX(created_at) FROM password_resets WHERE user_id = $1";
    c.scalar(sql, params![user])
}
