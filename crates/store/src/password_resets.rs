//! Password-reset links. Only the SHA-256 of the token is stored; a link works once, for a
//! limited time, and a newer link makes older ones useless.

use crate::{Exec, Result, UserId, dispatch};
use time::OffsetDateTime;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PasswordReset {
    pub id: i64,
    pub user_id: UserId,
    pub expires_at: OffsetDateTime,
    pub used_at: Option<OffsetDateTime>,
}

impl PasswordReset {
    pub fn usable(&self, now: OffsetDateTime) -> bool {
        self.used_at.is_none() && self.expires_at > now
    }
}

/// Stores a new reset token for the person, retiring any earlier one.
pub async fn create(
    ex: Exec<'_>,
    user: UserId,
    token_hash: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<()> {
    dispatch!(ex, c => {
        sqlx::query("UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL")
            .bind(user).bind(now).execute(&mut *c).await?;
        sqlx::query("INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(user).bind(token_hash).bind(now).bind(expires_at).execute(&mut *c).await?;
    });
    Ok(())
}

pub async fn by_token_hash(ex: Exec<'_>, token_hash: &str) -> Result<Option<PasswordReset>> {
    let sql = "SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(token_hash).fetch_optional(c).await?))
}

/// Uses the token; false when it had already been used (two submissions at once).
pub async fn mark_used(ex: Exec<'_>, id: i64, now: OffsetDateTime) -> Result<bool> {
    let sql = "UPDATE password_resets SET used_at = $2 WHERE id = $1 AND used_at IS NULL";
    Ok(
        dispatch!(ex, c => sqlx::query(sql).bind(id).bind(now).execute(c).await?.rows_affected())
            == 1,
    )
}

/// When the person last asked for a reset link, to limit reset mail per account.
pub async fn last_requested(ex: Exec<'_>, user: UserId) -> Result<Option<OffsetDateTime>> {
    let sql = "SELECT MAX(created_at) FROM password_resets WHERE user_id = $1";
    Ok(dispatch!(ex, c => sqlx::query_scalar(sql).bind(user).fetch_one(c).await?))
}
