//! Registrations waiting for their address to be confirmed. Only the SHA-256 of the link's
//! token is stored; the account is created from the row when the link is opened.

use crate::{Exec, Result, dispatch};
use time::OffsetDateTime;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Registration {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub language: String,
    pub next: String,
    pub expires_at: OffsetDateTime,
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

pub async fn create(
    ex: Exec<'_>,
    new: &NewRegistration<'_>,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO registrations (email, token_hash, name, password_hash, language, next, \
               created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    dispatch!(ex, c => sqlx::query(sql)
        .bind(new.email)
        .bind(new.token_hash)
        .bind(new.name)
        .bind(new.password_hash)
        .bind(new.language)
        .bind(new.next)
        .bind(now)
        .bind(expires_at)
        .execute(c)
        .await?
        .rows_affected());
    Ok(())
}

/// The registration behind a link, while it may still be confirmed.
pub async fn usable_by_token_hash(
    ex: Exec<'_>,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<Registration>> {
    let sql = "SELECT id, email, name, password_hash, language, next, expires_at \
               FROM registrations WHERE token_hash = $1 AND expires_at > $2 AND password_hash <> ''";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(token_hash).bind(now).fetch_optional(c).await?))
}

/// When a mail about this address was last sent, to send at most one in a while.
pub async fn last_mailed(ex: Exec<'_>, email: &str) -> Result<Option<OffsetDateTime>> {
    let sql = "SELECT MAX(created_at) FROM registrations WHERE email = $1";
    Ok(dispatch!(ex, c => sqlx::query_scalar(sql).bind(email).fetch_one(c).await?))
}

/// Forgets every registration of the address (once one is confirmed, the others are void).
pub async fn forget(ex: Exec<'_>, email: &str) -> Result<()> {
    dispatch!(ex, c => sqlx::query("DELETE FROM registrations WHERE email = $1").bind(email).execute(c).await?.rows_affected());
    Ok(())
}

/// Forgets registrations whose link has expired; returns how many.
pub async fn purge_expired(ex: Exec<'_>, now: OffsetDateTime) -> Result<u64> {
    let sql = "DELETE FROM registrations WHERE expires_at <= $1";
    Ok(dispatch!(ex, c => sqlx::query(sql).bind(now).execute(c).await?.rows_affected()))
}
