//! Login sessions, kept in the database so that every node knows them. The cookie holds a
//! random token; only its SHA-256 is stored, so a copy of the database opens no sessions.

use crate::{Exec, Result, UserId, dispatch};
use time::OffsetDateTime;

/// A live session with the person it belongs to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionUser {
    pub session_id: String,
    pub csrf_token: String,
    pub last_seen_at: OffsetDateTime,
    pub user_id: UserId,
    pub email: String,
    pub name: String,
    pub language: String,
    pub is_platform_admin: bool,
    /// Two-step login is required of them (platform administrators, and members of an
    /// organisation that requires it) but not switched on.
    pub must_enrol: bool,
}

pub async fn create(
    ex: Exec<'_>,
    id_hash: &str,
    user: UserId,
    csrf_token: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at) \
               VALUES ($1, $2, $3, $4, $4, $5)";
    dispatch!(ex, c => sqlx::query(sql)
        .bind(id_hash).bind(user).bind(csrf_token).bind(now).bind(expires_at)
        .execute(c).await?.rows_affected());
    Ok(())
}

pub async fn find(ex: Exec<'_>, id_hash: &str, now: OffsetDateTime) -> Result<Option<SessionUser>> {
    let sql = "SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, u.id AS user_id, u.email, \
               u.name, u.language, u.is_platform_admin, \
               (u.totp_enabled_at IS NULL AND (u.is_platform_admin OR EXISTS ( \
                  SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
                  WHERE m.user_id = u.id AND m.until IS NULL AND o.require_two_factor))) AS must_enrol \
               FROM sessions s JOIN users u ON u.id = s.user_id \
               WHERE s.id = $1 AND s.expires_at > $2 AND u.blocked_at IS NULL";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(id_hash).bind(now).fetch_optional(c).await?))
}

/// Extends a session that is in use.
pub async fn touch(
    ex: Exec<'_>,
    id_hash: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<()> {
    let sql = "UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id = $1";
    dispatch!(ex, c => sqlx::query(sql).bind(id_hash).bind(now).bind(expires_at).execute(c).await?.rows_affected());
    Ok(())
}

pub async fn delete(ex: Exec<'_>, id_hash: &str) -> Result<()> {
    dispatch!(ex, c => sqlx::query("DELETE FROM sessions WHERE id = $1").bind(id_hash).execute(c).await?.rows_affected());
    Ok(())
}

/// Ends every session of a person except `keep` (the one that changed the password).
pub async fn delete_for_user(ex: Exec<'_>, user: UserId, keep: Option<&str>) -> Result<u64> {
    let sql = "DELETE FROM sessions WHERE user_id = $1 AND id <> $2";
    let done = dispatch!(ex, c => sqlx::query(sql).bind(user).bind(keep.unwrap_or("")).execute(c).await?.rows_affected());
    Ok(done)
}

pub async fn purge_expired(ex: Exec<'_>, now: OffsetDateTime) -> Result<u64> {
    let sql = "DELETE FROM sessions WHERE expires_at <= $1";
    Ok(dispatch!(ex, c => sqlx::query(sql).bind(now).execute(c).await?.rows_affected()))
}
