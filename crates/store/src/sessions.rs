//! Login sessions, kept in the database so that every node knows them. The cookie holds a
//! random token; only its SHA-256 is stored, so a copy of the database opens no sessions.

use crate::sql::Sql;
use crate::{Result, UserId, params};
use time::{Date, OffsetDateTime};

crate::row! {
    /// A live session with the person it belongs to.
    #[derive(Debug, Clone)]
    pub struct SessionUser {
        pub session_id: String,
        pub csrf_token: String,
        pub last_seen_at: OffsetDateTime,
        pub user_id: UserId,
        pub email: String,
        pub name: String,
        pub language: samenspel_domain::Language,
        pub is_platform_admin: bool,
        /// Two-step login is required of them (platform administrators, and members of an
        /// organisation that requires it) but not switched on.
        pub must_enrol: bool,
        /// Notifications not read yet, when asked for (0 otherwise).
        pub unread: i64,
    }
}

pub fn create(
    c: &mut Sql<'_>,
    id_hash: &str,
    user: UserId,
    csrf_token: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at) \
               VALUES ($1, $2, $3, $4, $4, $5)";
    c.execute(sql, params![id_hash, user, csrf_token, now, expires_at])?;
    Ok(())
}

/// The live session with this id and its person; with `unread_on`, also how many
/// notifications they have not read on that day, in the same statement (every page shows it).
pub fn find(
    c: &mut Sql<'_>,
    id_hash: &str,
    now: OffsetDateTime,
    unread_on: Option<Date>,
) -> Result<Option<SessionUser>> {
    let unread = match unread_on {
        Some(_) => crate::notifications::unread_subquery("u.id", "$3"),
        None => "0".to_owned(),
    };
    let sql = format!(
        "SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, u.id AS user_id, u.email, \
         u.name, u.language, u.is_platform_admin, \
         (u.totp_enabled_at IS NULL AND (u.is_platform_admin OR EXISTS ( \
            SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
            WHERE m.user_id = u.id AND m.until IS NULL AND o.require_two_factor))) AS must_enrol, \
         {unread} AS unread \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.id = $1 AND s.expires_at > $2 AND u.blocked_at IS NULL"
    );
    match unread_on {
        Some(today) => c.optional(&sql, params![id_hash, now, today]),
        None => c.optional(&sql, params![id_hash, now]),
    }
}

/// Extends a session that is in use.
pub fn touch(
    c: &mut Sql<'_>,
    id_hash: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<()> {
    let sql = "UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id = $1";
    c.execute(sql, params![id_hash, now, expires_at])?;
    Ok(())
}

pub fn delete(c: &mut Sql<'_>, id_hash: &str) -> Result<()> {
    c.execute("DELETE FROM sessions WHERE id = $1", params![id_hash])?;
    Ok(())
}

/// Ends every session of a person except `keep` (the one that changed the password).
pub fn delete_for_user(c: &mut Sql<'_>, user: UserId, keep: Option<&str>) -> Result<u64> {
    let sql = "DELETE FROM sessions WHERE user_id = $1 AND id <> $2";
    let done = c.execute(sql, params![user, keep.unwrap_or("")])?;
    Ok(done)
}

pub fn purge_expired(c: &mut Sql<'_>, now: OffsetDateTime) -> Result<u64> {
    let sql = "DELETE FROM sessions WHERE expires_at <= $1";
    c.execute(sql, params![now])
}
