//! Registrations waiting for their address to be confirmed. Only the SHA-256 of the link's
//! token is stored; the account is created from the row when the link is opened.

use crate::sql::Sql;
use crate::{Result, params};
use time::OffsetDateTime;

crate::row! {
    #[derive(Debug, Clone)]
    pub struct Registration {
        pub id: i64,
        pub email: String,
        pub name: String,
        pub password_hash: String,
        pub language: samenspel_domain::Language,
        pub next: String,
        pub expires_at: OffsetDateTime,
    }
}

pub struct NewRegistration<'a> {
    pub email: &'a str,
    pub token_hash: &'a str,
    pub name: &'a str,
    /// Empty for the record that the owner of an existing account was told.
    pub password_hash: &'a str,
    pub language: &'a str,
    pub next: &'a str,
}

pub fn create(
    c: &mut Sql<'_>,
    new: &NewRegistration<'_>,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO registrations (email, token_hash, name, password_hash, language, next, \
               created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    c.execute(
        sql,
        params![
            new.email,
            new.token_hash,
            new.name,
            new.password_hash,
            new.language,
            new.next,
            now,
            expires_at
        ],
    )?;
    Ok(())
}

/// The registration behind a link, while it may still be confirmed.
pub fn usable_by_token_hash(
    c: &mut Sql<'_>,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<Registration>> {
    let sql = "SELECT id, email, name, password_hash, language, next, expires_at \
               FROM registrations WHERE token_hash = $1 AND expires_at > $2 AND password_hash <> ''";
    c.optional(sql, params![token_hash, now])
}

/// When a mail about this address was last sent, to send at most one in a while.
pub fn last_mailed(c: &mut Sql<'_>, email: &str) -> Result<Option<OffsetDateTime>> {
    let sql = "SELECT MAX(created_at) FROM registrations WHERE email = $1";
    c.scalar(sql, params![email])
}

/// Forgets every registration of the address (once one is confirmed, the others are void).
pub fn forget(c: &mut Sql<'_>, email: &str) -> Result<()> {
    c.execute("DELETE FROM registrations WHERE email = $1", params![email])?;
    Ok(())
}

/// Forgets registrations whose link has expired; returns how many.
pub fn purge_expired(c: &mut Sql<'_>, now: OffsetDateTime) -> Result<u64> {
    let sql = "DELETE FROM registrations WHERE expires_at <= $1";
    c.execute(sql, params![now])
}
