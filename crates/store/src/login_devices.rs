//! Browsers in which a person has logged in before, known by a cookie whose SHA-256 is kept
//! here. Failed logins from a known browser count against that browser only; failures from
//! anywhere else lock the account for unknown browsers (see [`crate::users::login_failed`]).
//! So someone elsewhere can slow down guessing but cannot keep a person out of their own
//! browser.

use crate::sql::Sql;
use crate::{Result, UserId, params};
use samenspel_domain::accounts::lockout_after;
use time::OffsetDateTime;

crate::row! {
    #[derive(Debug, Clone)]
    pub struct Device {
        pub id: i64,
        pub user_id: UserId,
        pub locked_until: Option<OffsetDateTime>,
    }
}

impl Device {
    pub fn is_locked(&self, now: OffsetDateTime) -> bool {
        self.locked_until.is_some_and(|until| until > now)
    }
}

/// The browser with this cookie, if it is a known one of `user`.
pub fn find(c: &mut Sql<'_>, user: UserId, token_hash: &str) -> Result<Option<Device>> {
    let sql = "SELECT id, user_id, locked_until FROM login_devices \
               WHERE token_hash = $1 AND user_id = $2";
    c.optional(sql, params![token_hash, user])
}

/// Remembers a browser after a successful login.
pub fn remember(
    c: &mut Sql<'_>,
    user: UserId,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO login_devices (user_id, token_hash, created_at, last_used_at) \
               VALUES ($1, $2, $3, $3)";
    c.execute(sql, params![user, token_hash, now])?;
    Ok(())
}

/// A successful login from a known browser: its counter starts again.
pub fn login_succeeded(c: &mut Sql<'_>, device: i64, now: OffsetDateTime) -> Result<()> {
    let sql = "UPDATE login_devices SET failed_logins = 0, locked_until = NULL, last_used_at = $2 \
               WHERE id = $1";
    c.execute(sql, params![device, now])?;
    Ok(())
}

/// A wrong password from a known browser; after enough of them that browser is locked for a
/// growing while, like unknown browsers are.
pub fn login_failed(c: &mut Sql<'_>, device: i64, now: OffsetDateTime) -> Result<()> {
    let failures: i32 = c.scalar(
        "UPDATE login_devices SET failed_logins = failed_logins + 1 WHERE id = $1 \
         RETURNING failed_logins",
        params![device],
    )?;
    if let Some(lock) = lockout_after(failures) {
        c.execute(
            "UPDATE login_devices SET locked_until = $2 WHERE id = $1",
            params![device, now + lock],
        )?;
    }
    Ok(())
}
