//! Invitations to join an organisation, sent as a link by e-mail. Only the SHA-256 of the
//! link's token is stored.

use crate::sql::Sql;
use crate::{InvitationId, OrgId, Result, UserId, params};
use samenspel_domain::accounts::Email;
use samenspel_domain::organisations::OrgRole;
use time::OffsetDateTime;

crate::row! {
    #[derive(Debug, Clone)]
    pub struct Invitation {
        pub id: InvitationId,
        pub organisation_id: OrgId,
        pub organisation_name: String,
        pub organisation_kind: samenspel_domain::organisations::OrgKind,
        pub email: String,
        pub role: samenspel_domain::organisations::OrgRole,
        pub invited_by_name: Option<String>,
        pub created_at: OffsetDateTime,
        pub expires_at: OffsetDateTime,
        pub accepted_at: Option<OffsetDateTime>,
        pub revoked_at: Option<OffsetDateTime>,
    }
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

pub fn create(
    c: &mut Sql<'_>,
    new: &NewInvitation<'_>,
    now: OffsetDateTime,
) -> Result<InvitationId> {
    let sql = "INSERT INTO invitations (organisation_id, email, role, token_hash, invited_by, created_at, expires_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    c.scalar(
        sql,
        params![
            new.organisation,
            new.email.as_str(),
            new.role.as_str(),
            new.token_hash,
            new.invited_by,
            now,
            new.expires_at
        ],
    )
}

const SELECT: &str = "SELECT i.id, i.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind, \
                      i.email, i.role, u.name AS invited_by_name, i.created_at, i.expires_at, i.accepted_at, i.revoked_at \
                      FROM invitations i JOIN organisations o ON o.id = i.organisation_id \
                      LEFT JOIN users u ON u.id = i.invited_by";

pub fn by_token_hash(c: &mut Sql<'_>, token_hash: &str) -> Result<Option<Invitation>> {
    let sql = format!("{SELECT} WHERE i.token_hash = $1");
    c.optional(&sql, params![token_hash])
}

/// Invitations of the organisation that can still be accepted, newest first.
pub fn open_for(c: &mut Sql<'_>, org: OrgId, now: OffsetDateTime) -> Result<Vec<Invitation>> {
    let sql = format!(
        "{SELECT} WHERE i.organisation_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL \
         AND i.expires_at > $2 ORDER BY i.created_at DESC, i.id DESC"
    );
    c.all(&sql, params![org, now])
}

/// Marks an open invitation accepted; false when it was no longer open (used twice at once).
pub fn mark_accepted(
    c: &mut Sql<'_>,
    id: InvitationId,
    user: UserId,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE invitations SET accepted_at = $3, accepted_by = $2 \
               WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3";
    Ok(c.execute(sql, params![id, user, now])? == 1)
}

/// Withdraws an open invitation of the organisation; false when there was none.
pub fn revoke(c: &mut Sql<'_>, org: OrgId, id: InvitationId, now: OffsetDateTime) -> Result<bool> {
    let sql = "UPDATE invitations SET revoked_at = $3 \
               WHERE organisation_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL";
    Ok(c.execute(sql, params![org, id, now])? == 1)
}
