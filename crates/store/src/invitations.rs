//! Invitations to join an organisation, sent as a link by e-mail. Only the SHA-256 of the
//! link's token is stored.

use crate::{Exec, InvitationId, OrgId, Result, UserId, dispatch};
use samenspel_domain::accounts::Email;
use samenspel_domain::organisations::OrgRole;
use time::OffsetDateTime;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Invitation {
    pub id: InvitationId,
    pub organisation_id: OrgId,
    pub organisation_name: String,
    pub organisation_kind: String,
    pub email: String,
    pub role: String,
    pub invited_by_name: Option<String>,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub accepted_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

/// Whether an invitation can still be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationState {
    Open,
    Accepted,
    Revoked,
    Expired,
}

impl Invitation {
    pub fn state(&self, now: OffsetDateTime) -> InvitationState {
        if self.accepted_at.is_some() {
            InvitationState::Accepted
        } else if self.revoked_at.is_some() {
            InvitationState::Revoked
        } else if self.expires_at <= now {
            InvitationState::Expired
        } else {
            InvitationState::Open
        }
    }
}

pub struct NewInvitation<'a> {
    pub organisation: OrgId,
    pub email: &'a Email,
    pub role: OrgRole,
    pub token_hash: &'a str,
    pub invited_by: UserId,
    pub expires_at: OffsetDateTime,
}

pub async fn create(
    ex: Exec<'_>,
    new: &NewInvitation<'_>,
    now: OffsetDateTime,
) -> Result<InvitationId> {
    let sql = "INSERT INTO invitations (organisation_id, email, role, token_hash, invited_by, created_at, expires_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    Ok(dispatch!(ex, c => sqlx::query_scalar(sql)
        .bind(new.organisation).bind(new.email.as_str()).bind(new.role.as_str())
        .bind(new.token_hash).bind(new.invited_by).bind(now).bind(new.expires_at)
        .fetch_one(c).await?))
}

const SELECT: &str = "SELECT i.id, i.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind, \
                      i.email, i.role, u.name AS invited_by_name, i.created_at, i.expires_at, i.accepted_at, i.revoked_at \
                      FROM invitations i JOIN organisations o ON o.id = i.organisation_id \
                      LEFT JOIN users u ON u.id = i.invited_by";

pub async fn by_token_hash(ex: Exec<'_>, token_hash: &str) -> Result<Option<Invitation>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT} WHERE i.token_hash = $1"));
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(token_hash).fetch_optional(c).await?))
}

/// Invitations of the organisation that can still be accepted, newest first.
pub async fn open_for(ex: Exec<'_>, org: OrgId, now: OffsetDateTime) -> Result<Vec<Invitation>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE i.organisation_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL \
         AND i.expires_at > $2 ORDER BY i.created_at DESC, i.id DESC"
    ));
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(org).bind(now).fetch_all(c).await?))
}

/// Marks an open invitation accepted; false when it was no longer open (used twice at once).
pub async fn mark_accepted(
    ex: Exec<'_>,
    id: InvitationId,
    user: UserId,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE invitations SET accepted_at = $3, accepted_by = $2 \
               WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3";
    Ok(
        dispatch!(ex, c => sqlx::query(sql).bind(id).bind(user).bind(now).execute(c).await?.rows_affected())
            == 1,
    )
}

/// Withdraws an open invitation of the organisation; false when there was none.
pub async fn revoke(
    ex: Exec<'_>,
    org: OrgId,
    id: InvitationId,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE invitations SET revoked_at = $3 \
               WHERE organisation_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL";
    Ok(
        dispatch!(ex, c => sqlx::query(sql).bind(org).bind(id).bind(now).execute(c).await?.rows_affected())
            == 1,
    )
}
