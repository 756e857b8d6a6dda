//! Accounts: people who can log in.

use crate::sql::Sql;
use crate::{Result, UserId, params};
use samenspel_domain::Language;
use samenspel_domain::accounts::{Email, PersonName, lockout_after};
use time::OffsetDateTime;

crate::row! {
    #[derive(Debug, Clone)]
    pub struct User {
        pub id: UserId,
        pub email: String,
        pub name: String,
        pub password_hash: String,
        pub language: samenspel_domain::Language,
        pub is_platform_admin: bool,
        pub failed_logins: i32,
        pub locked_until: Option<OffsetDateTime>,
        pub last_login_at: Option<OffsetDateTime>,
        pub created_at: OffsetDateTime,
        pub updated_at: OffsetDateTime,
        /// Blocked by a platform administrator: no sessions, no logging in.
        pub blocked_at: Option<OffsetDateTime>,
    }
}

impl User {
    pub fn is_locked(&self, now: OffsetDateTime) -> bool {
        self.locked_until.is_some_and(|until| until > now)
    }
}

pub struct NewUser<'a> {
    pub email: &'a Email,
    pub name: &'a PersonName,
    pub password_hash: &'a str,
    pub language: Language,
    pub platform_admin: bool,
}

const COLUMNS: &str = "id, email, name, password_hash, language, is_platform_admin, failed_logins, \
                       locked_until, last_login_at, created_at, updated_at, blocked_at";

/// Creates an account. A taken e-mail address gives [`crate::StoreError::Conflict`].
pub fn create(c: &mut Sql<'_>, new: &NewUser<'_>, now: OffsetDateTime) -> Result<UserId> {
    let sql = "INSERT INTO users (email, name, password_hash, language, is_platform_admin, \
               created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id";
    let id = c.scalar(
        sql,
        params![
            new.email.as_str(),
            new.name.as_str(),
            new.password_hash,
            new.language.code(),
            new.platform_admin,
            now
        ],
    )?;
    Ok(id)
}

pub fn by_id(c: &mut Sql<'_>, id: UserId) -> Result<Option<User>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    c.optional(&sql, params![id])
}

pub fn by_email(c: &mut Sql<'_>, email: &Email) -> Result<Option<User>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE email = $1");
    c.optional(&sql, params![email.as_str()])
}

pub fn update_profile(
    c: &mut Sql<'_>,
    id: UserId,
    name: &PersonName,
    language: Language,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "UPDATE users SET name = $2, language = $3, updated_at = $4 WHERE id = $1";
    c.execute(sql, params![id, name.as_str(), language.code(), now])?;
    // The actions the person owns are found by the new name.
    crate::logbook::refresh_owned(c, crate::logbook::Owner::Person(id))
}

pub fn set_language(
    c: &mut Sql<'_>,
    id: UserId,
    language: Language,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "UPDATE users SET language = $2, updated_at = $3 WHERE id = $1";
    c.execute(sql, params![id, language.code(), now])?;
    Ok(())
}

/// Replaces the password hash and clears any lockout.
pub fn set_password(c: &mut Sql<'_>, id: UserId, hash: &str, now: OffsetDateTime) -> Result<()> {
    let sql = "UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL, \
               updated_at = $3 WHERE id = $1";
    c.execute(sql, params![id, hash, now])?;
    Ok(())
}

/// Counts a failed login. The counter lives in the database so it holds across nodes; after
/// enough failures the account is locked for a growing while. Returns the lock's end, if any.
pub fn login_failed(
    c: &mut Sql<'_>,
    id: UserId,
    now: OffsetDateTime,
) -> Result<Option<OffsetDateTime>> {
    let failures: i32 = c.scalar(
        "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins",
        params![id],
    )?;
    let until = lockout_after(failures).map(|d| now + d);
    if until.is_some() {
        c.execute(
            "UPDATE users SET locked_until = $2 WHERE id = $1",
            params![id, until],
        )?;
    }
    Ok(until)
}

/// Notes a login; `clear_lock` also clears the count of failures from unknown browsers (a
/// login from a known browser leaves it, so that guessing elsewhere stays slow).
pub fn login_succeeded(
    c: &mut Sql<'_>,
    id: UserId,
    now: OffsetDateTime,
    clear_lock: bool,
) -> Result<()> {
    let sql = if clear_lock {
        "UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1"
    } else {
        "UPDATE users SET last_login_at = $2 WHERE id = $1"
    };
    c.execute(sql, params![id, now])?;
    Ok(())
}

crate::row! {
    #[derive(Debug, Clone)]
    pub struct UserSummary {
        pub id: UserId,
        pub email: String,
        pub name: String,
        pub is_platform_admin: bool,
        pub created_at: OffsetDateTime,
        pub last_login_at: Option<OffsetDateTime>,
        pub organisations: i64,
    }
}

/// A page of all users, by e-mail address, for platform administrators. `after` is the last
/// address of the previous page (keyset pagination).
pub fn list(c: &mut Sql<'_>, after: Option<&str>, limit: i64) -> Result<Vec<UserSummary>> {
    let sql = "SELECT u.id, u.email, u.name, u.is_platform_admin, u.created_at, u.last_login_at, \
               (SELECT COUNT(*) FROM memberships m WHERE m.user_id = u.id AND m.until IS NULL) AS organisations \
               FROM users u WHERE u.email > $1 ORDER BY u.email LIMIT $2";
    c.all(sql, params![after.unwrap_or(""), limit])
}

/// Up to `limit` people whose name or address contains `query` (without case), by address.
pub fn search(c: &mut Sql<'_>, query: &str, limit: i64) -> Result<Vec<UserSummary>> {
    let pattern = format!(
        "%{}%",
        query
            .trim()
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let sql = "SELECT u.id, u.email, u.name, u.is_platform_admin, u.created_at, u.last_login_at, \
               (SELECT COUNT(*) FROM memberships m WHERE m.user_id = u.id AND m.until IS NULL) AS organisations \
               FROM users u WHERE lower(u.email) LIKE $1 ESCAPE '\\' OR lower(u.name) LIKE $1 ESCAPE '\\' \
               ORDER BY u.email LIMIT $2";
    c.all(sql, params![&pattern, limit])
}

/// Blocks (`Some(now)`) or unblocks (`None`) an account; false when nothing changed.
pub fn set_blocked(
    c: &mut Sql<'_>,
    id: UserId,
    blocked_at: Option<OffsetDateTime>,
) -> Result<bool> {
    let sql =
        "UPDATE users SET blocked_at = $2 WHERE id = $1 AND (blocked_at IS NULL) <> ($2 IS NULL)";
    let changed = c.execute(sql, params![id, blocked_at])?;
    Ok(changed == 1)
}

/// Makes the person a platform administrator, or no longer one.
pub fn set_platform_admin(c: &mut Sql<'_>, id: UserId, admin: bool) -> Result<()> {
    let sql = "UPDATE users SET is_platform_admin = $2 WHERE id = $1";
    c.execute(sql, params![id, admin])?;
    Ok(())
}

/// Ends a lockout: the account's and those of the browsers it logged in with.
pub fn lift_lockout(c: &mut Sql<'_>, id: UserId) -> Result<()> {
    c.execute(
        "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1",
        params![id],
    )?;
    c.execute(
        "UPDATE login_devices SET failed_logins = 0, locked_until = NULL WHERE user_id = $1",
        params![id],
    )?;
    Ok(())
}

pub fn count(c: &mut Sql<'_>) -> Result<i64> {
    c.scalar("SELECT COUNT(*) FROM users", &[])
}
