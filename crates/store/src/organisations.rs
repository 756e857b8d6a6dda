//! Organisations and their memberships. Every organisation keeps at least one administrator;
//! a membership that ends is kept with its end date, as history.

use crate::sql::Sql;
use crate::{Backend, MembershipId, OrgId, Result, StoreError, UserId, params};
use samenspel_domain::organisations::{OrgKind, OrgName, OrgRole};
use samenspel_domain::permissions::Standing;
use time::OffsetDateTime;

crate::row! {
    #[derive(Debug, Clone)]
    pub struct Organisation {
        pub id: OrgId,
        pub kind: samenspel_domain::organisations::OrgKind,
        pub name: String,
        pub created_at: OffsetDateTime,
        /// `verified`, or for a municipality someone added: `pending` or `rejected`.
        pub verification: String,
        /// Why a platform administrator rejected it.
        pub verification_note: String,
        /// Its administrators require two-step login of every member.
        pub require_two_factor: bool,
    }
}

impl Organisation {
    /// Verified by a platform administrator (every organisation but a municipality is).
    pub fn verified(&self) -> bool {
        self.verification == VERIFIED
    }
}

pub const VERIFIED: &str = "verified";
pub const PENDING: &str = "pending";
pub const REJECTED: &str = "rejected";

const ORG_COLUMNS: &str = "o.id, o.kind, o.name, o.created_at, o.verification, \
                           o.verification_note, o.require_two_factor";

crate::row! {
    /// A municipality waiting for a platform administrator, with who added it.
    #[derive(Debug, Clone)]
    pub struct VerificationRequest {
        pub id: OrgId,
        pub name: String,
        pub created_at: OffsetDateTime,
        pub verification: String,
        pub verification_note: String,
        pub creator_name: Option<String>,
        pub creator_email: Option<String>,
    }
}

crate::row! {
    /// An organisation as seen from one person, with their role in it.
    #[derive(Debug, Clone)]
    pub struct OrgSummary {
        pub id: OrgId,
        pub kind: samenspel_domain::organisations::OrgKind,
        pub name: String,
        pub role: Option<samenspel_domain::organisations::OrgRole>,
        pub members: i64,
    }
}

crate::row! {
    #[derive(Debug, Clone)]
    pub struct Member {
        pub membership_id: MembershipId,
        pub user_id: UserId,
        pub name: String,
        pub email: String,
        pub role: samenspel_domain::organisations::OrgRole,
        pub since: OffsetDateTime,
        pub until: Option<OffsetDateTime>,
        pub ended_reason: Option<String>,
    }
}

/// Why a membership ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason {
    Removed,
    Left,
}

impl EndReason {
    pub fn as_str(self) -> &'static str {
        match self {
            EndReason::Removed => "removed",
            EndReason::Left => "left",
        }
    }
}

/// Creates an organisation with its creator as the first administrator. A municipality starts
/// pending, until a platform administrator verifies it.
pub fn create(
    c: &mut Sql<'_>,
    kind: OrgKind,
    name: &OrgName,
    creator: UserId,
    now: OffsetDateTime,
) -> Result<(OrgId, MembershipId)> {
    let org: OrgId = c.scalar(
        "INSERT INTO organisations (kind, name, created_by, created_at, updated_at, verification) \
         VALUES ($1, $2, $3, $4, $4, $5) RETURNING id",
        params![
            kind.as_str(),
            name.as_str(),
            creator,
            now,
            if kind == OrgKind::Municipality {
                PENDING
            } else {
                VERIFIED
            }
        ],
    )?;
    let membership: MembershipId = c.scalar(
        "INSERT INTO memberships (organisation_id, user_id, role, since) VALUES ($1, $2, $3, $4) \
         RETURNING id",
        params![org, creator, OrgRole::Admin.as_str(), now],
    )?;
    Ok((org, membership))
}

pub fn by_id(c: &mut Sql<'_>, id: OrgId) -> Result<Option<Organisation>> {
    let sql = format!("SELECT {ORG_COLUMNS} FROM organisations o WHERE o.id = $1");
    c.optional(&sql, params![id])
}

/// Whether a verified municipality already carries this name (compared without case).
pub fn verified_municipality_named(c: &mut Sql<'_>, name: &str) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM organisations WHERE kind = 'municipality' \
               AND verification = 'verified' AND lower(name) = lower($1)";
    let count: i64 = c.scalar(sql, params![name])?;
    Ok(count > 0)
}

/// The municipalities waiting for a platform administrator, oldest first, then those rejected
/// (most recent first).
pub fn verification_requests(c: &mut Sql<'_>) -> Result<Vec<VerificationRequest>> {
    let sql = "SELECT o.id, o.name, o.created_at, o.verification, o.verification_note, \
               u.name AS creator_name, u.email AS creator_email \
               FROM organisations o LEFT JOIN users u ON u.id = o.created_by \
               WHERE o.verification <> 'verified' \
               ORDER BY CASE o.verification WHEN 'pending' THEN 0 ELSE 1 END, \
               CASE o.verification WHEN 'pending' THEN o.created_at END, o.verified_at DESC, o.id";
    c.all(sql, &[])
}

/// Records a platform administrator's decision on a pending municipality: `VERIFIED` or
/// `REJECTED` with a note. False when it was not waiting for one. Verifying a name another
/// verified municipality carries gives [`StoreError::Conflict`].
pub fn decide_verification(
    c: &mut Sql<'_>,
    org: OrgId,
    decision: &str,
    note: &str,
    by: UserId,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE organisations SET verification = $2, verification_note = $3, \
               verified_by = $4, verified_at = $5, updated_at = $5 \
               WHERE id = $1 AND kind = 'municipality' AND verification = 'pending'";
    let changed = c.execute(sql, params![org, decision, note, by, now])?;
    Ok(changed == 1)
}

/// Marks an organisation verified without a person's decision (demo data).
pub fn mark_verified(c: &mut Sql<'_>, org: OrgId, now: OffsetDateTime) -> Result<()> {
    let sql = "UPDATE organisations SET verification = 'verified', verified_at = $2 WHERE id = $1";
    c.execute(sql, params![org, now])?;
    Ok(())
}

/// The person's active role in the organisation, if any.
pub fn role_of(c: &mut Sql<'_>, org: OrgId, user: UserId) -> Result<Option<OrgRole>> {
    let sql = "SELECT role FROM memberships WHERE organisation_id = $1 AND user_id = $2 AND until IS NULL";
    let role: Option<String> = c.optional_scalar(sql, params![org, user])?;
    Ok(role.and_then(|r| OrgRole::parse(&r).ok()))
}

/// The organisations a person is an active member of, by name.
pub fn for_user(c: &mut Sql<'_>, user: UserId) -> Result<Vec<OrgSummary>> {
    let sql = "SELECT o.id, o.kind, o.name, m.role AS role, \
               (SELECT COUNT(*) FROM memberships a WHERE a.organisation_id = o.id AND a.until IS NULL) AS members \
               FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
               WHERE m.user_id = $1 AND m.until IS NULL ORDER BY o.name, o.id";
    c.all(sql, params![user])
}

/// A page of all organisations, by name then id, for platform administrators.
pub fn list_all(
    c: &mut Sql<'_>,
    after: Option<(&str, OrgId)>,
    limit: i64,
) -> Result<Vec<OrgSummary>> {
    let (after_name, after_id) = after.unwrap_or(("", OrgId(0)));
    let sql = "SELECT o.id, o.kind, o.name, NULL AS role, \
               (SELECT COUNT(*) FROM memberships a WHERE a.organisation_id = o.id AND a.until IS NULL) AS members \
               FROM organisations o WHERE o.name > $1 OR (o.name = $1 AND o.id > $2) \
               ORDER BY o.name, o.id LIMIT $3";
    c.all(sql, params![after_name, after_id, limit])
}

pub fn count(c: &mut Sql<'_>) -> Result<i64> {
    c.scalar("SELECT COUNT(*) FROM organisations", &[])
}

const MEMBER_COLUMNS: &str = "m.id AS membership_id, u.id AS user_id, u.name, u.email, m.role, \
                              m.since, m.until, m.ended_reason";

/// Current members first (by name), then former members (most recently ended first).
pub fn members(c: &mut Sql<'_>, org: OrgId) -> Result<Vec<Member>> {
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = $1 \
         ORDER BY CASE WHEN m.until IS NULL THEN 0 ELSE 1 END, m.until DESC, u.name, m.id"
    );
    c.all(&sql, params![org])
}

/// An active membership of the organisation.
pub fn active_membership(c: &mut Sql<'_>, org: OrgId, id: MembershipId) -> Result<Option<Member>> {
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = $1 AND m.id = $2 AND m.until IS NULL"
    );
    c.optional(&sql, params![org, id])
}

/// Takes the organisation's row lock, so that concurrent changes to its memberships are
/// serialised (the last-administrator rule depends on it). SQLite's `BEGIN IMMEDIATE`
/// already serialises writers; PostgreSQL needs `FOR UPDATE`.
pub fn lock(c: &mut Sql<'_>, org: OrgId) -> Result<()> {
    let sql = match c.backend() {
        Backend::Sqlite => "SELECT id FROM organisations WHERE id = $1",
        // Backend-specific: row lock on PostgreSQL.
        Backend::Postgres => "SELECT id FROM organisations WHERE id = $1 FOR UPDATE",
    };
    let found: Option<OrgId> = c.optional_scalar(sql, params![org])?;
    found.map(|_| ()).ok_or(StoreError::NotFound)
}

/// Adds an active membership. Someone who is already a member gives a conflict.
pub fn add_member(
    c: &mut Sql<'_>,
    org: OrgId,
    user: UserId,
    role: OrgRole,
    now: OffsetDateTime,
) -> Result<MembershipId> {
    let sql = "INSERT INTO memberships (organisation_id, user_id, role, since) VALUES ($1, $2, $3, $4) RETURNING id";
    c.scalar(sql, params![org, user, role.as_str(), now])
}

fn other_admins(c: &mut Sql<'_>, org: OrgId, except: MembershipId) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM memberships WHERE organisation_id = $1 AND id <> $2 \
               AND until IS NULL AND role = 'admin'";
    c.scalar(sql, params![org, except])
}

/// Changes a member's role. Call inside a transaction after [`lock`]; refuses to take the
/// last administrator's role away.
pub fn change_role(c: &mut Sql<'_>, org: OrgId, membership: &Member, role: OrgRole) -> Result<()> {
    if membership.role == OrgRole::Admin
        && role != OrgRole::Admin
        && other_admins(c, org, membership.membership_id)? == 0
    {
        return Err(StoreError::Refused("error-last-admin"));
    }
    let sql =
        "UPDATE memberships SET role = $3 WHERE organisation_id = $1 AND id = $2 AND until IS NULL";
    c.execute(sql, params![org, membership.membership_id, role.as_str()])?;
    Ok(())
}

/// Refuses ending `membership` when it is the organisation's last administrator (who can
/// neither leave nor be removed). Call after [`lock`].
pub fn may_end(c: &mut Sql<'_>, org: OrgId, membership: &Member) -> Result<()> {
    if membership.role == OrgRole::Admin && other_admins(c, org, membership.membership_id)? == 0 {
        return Err(StoreError::Refused("error-last-admin"));
    }
    Ok(())
}

/// Ends a membership (removed by an administrator, or left). Call inside a transaction after
/// [`lock`]; the last administrator can neither leave nor be removed.
pub fn end_membership(
    c: &mut Sql<'_>,
    org: OrgId,
    membership: &Member,
    reason: EndReason,
    now: OffsetDateTime,
) -> Result<()> {
    may_end(c, org, membership)?;
    let sql = "UPDATE memberships SET until = $3, ended_reason = $4 WHERE organisation_id = $1 AND id = $2 AND until IS NULL";
    c.execute(
        sql,
        params![org, membership.membership_id, now, reason.as_str()],
    )?;
    Ok(())
}

crate::row! {
    struct StandingRow {
        kind: OrgKind,
        verified: bool,
        role: Option<OrgRole>,
        municipal: bool,
        facilitating: bool,
        public_profile: bool,
        claimed: bool,
    }
}

/// How a person (or an anonymous visitor, `None`) stands towards an organisation: their own
/// role, and for a municipality or an initiative in its registry, whether they are one of the
/// municipality's people or a facilitator working there. `None` when there is no such
/// organisation.
pub fn standing(
    c: &mut Sql<'_>,
    org: OrgId,
    user: Option<UserId>,
    platform_admin: bool,
) -> Result<Option<Standing>> {
    // The municipality is the organisation itself, or the one whose registry lists it.
    let sql = "SELECT o.kind, o.verification = 'verified' AS verified, \
               (SELECT m.role FROM memberships m WHERE m.organisation_id = o.id AND m.user_id = $2 AND m.until IS NULL) AS role, \
               EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = p.municipality_id \
                       AND m.user_id = $2 AND m.until IS NULL) AS municipal, \
               EXISTS (SELECT 1 FROM municipality_facilitators f \
                       JOIN memberships m ON m.organisation_id = f.facilitator_id AND m.until IS NULL \
                       WHERE f.municipality_id = COALESCE(p.municipality_id, o.id) AND m.user_id = $2) AS facilitating, \
               COALESCE(p.is_public, FALSE) AS public_profile, \
               EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = o.id AND m.until IS NULL) AS claimed \
               FROM organisations o LEFT JOIN initiative_profiles p ON p.organisation_id = o.id \
               WHERE o.id = $1";
    let user = user.unwrap_or(UserId(0));
    let row: Option<StandingRow> = c.optional(sql, params![org, user])?;
    Ok(row.map(|row| Standing {
        kind: row.kind,
        verified: row.verified,
        role: row.role,
        platform_admin,
        municipal: row.municipal,
        facilitating: row.facilitating,
        public_profile: row.public_profile,
        claimed: row.claimed,
    }))
}

/// The facilitator organisations that work in a municipality, by name.
pub fn facilitators_of(c: &mut Sql<'_>, municipality: OrgId) -> Result<Vec<Organisation>> {
    let sql = format!(
        "SELECT {ORG_COLUMNS} FROM municipality_facilitators f \
         JOIN organisations o ON o.id = f.facilitator_id \
         WHERE f.municipality_id = $1 ORDER BY o.name, o.id"
    );
    c.all(&sql, params![municipality])
}

/// Every verified organisation of a kind, by name (for choosing one from a list).
pub fn of_kind(c: &mut Sql<'_>, kind: OrgKind) -> Result<Vec<Organisation>> {
    let sql = format!(
        "SELECT {ORG_COLUMNS} FROM organisations o WHERE o.kind = $1 \
         AND o.verification = 'verified' ORDER BY o.name, o.id"
    );
    c.all(&sql, params![kind.as_str()])
}

/// Lets a facilitator organisation work in a municipality. Adding it twice changes nothing;
/// an organisation of another kind is refused.
pub fn add_facilitator(
    c: &mut Sql<'_>,
    municipality: OrgId,
    facilitator: OrgId,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "INSERT INTO municipality_facilitators (municipality_id, facilitator_id, since) \
               SELECT $1, id, $3 FROM organisations WHERE id = $2 AND kind = 'facilitator' \
               ON CONFLICT DO NOTHING";
    let added = c.execute(sql, params![municipality, facilitator, now])?;
    Ok(added == 1)
}

pub fn remove_facilitator(
    c: &mut Sql<'_>,
    municipality: OrgId,
    facilitator: OrgId,
) -> Result<bool> {
    let sql =
        "DELETE FROM municipality_facilitators WHERE municipality_id = $1 AND facilitator_id = $2";
    let removed = c.execute(sql, params![municipality, facilitator])?;
    Ok(removed == 1)
}

/// The organisation a person acts for in a municipality's registry: the municipality itself
/// when they are one of its members, otherwise the first facilitator organisation of theirs
/// that works there.
pub fn acting_for(c: &mut Sql<'_>, municipality: OrgId, user: UserId) -> Result<Option<OrgId>> {
    let sql = "SELECT org FROM ( \
                 SELECT m.organisation_id AS org, 0 AS pref FROM memberships m \
                 WHERE m.organisation_id = $1 AND m.user_id = $2 AND m.until IS NULL \
                 UNION ALL \
                 SELECT f.facilitator_id AS org, 1 AS pref FROM municipality_facilitators f \
                 JOIN memberships m ON m.organisation_id = f.facilitator_id AND m.until IS NULL \
                 WHERE f.municipality_id = $1 AND m.user_id = $2 \
               ) acting ORDER BY pref, org LIMIT 1";
    c.optional_scalar(sql, params![municipality, user])
}

/// The municipalities whose registry a person can open: those they are a member of, and those
/// where a facilitator organisation of theirs works. By name.
pub fn registries_for(c: &mut Sql<'_>, user: UserId) -> Result<Vec<Organisation>> {
    let sql = format!(
        "SELECT {ORG_COLUMNS} FROM organisations o \
         WHERE o.kind = 'municipality' AND ( \
           EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = o.id AND m.user_id = $1 AND m.until IS NULL) \
           OR EXISTS (SELECT 1 FROM municipality_facilitators f \
                      JOIN memberships m ON m.organisation_id = f.facilitator_id AND m.until IS NULL \
                      WHERE f.municipality_id = o.id AND m.user_id = $1)) \
         ORDER BY o.name, o.id"
    );
    c.all(&sql, params![user])
}

/// An organisation of a kind by its exact name (the first, when several share it).
pub fn find_by_name(c: &mut Sql<'_>, kind: OrgKind, name: &str) -> Result<Option<OrgId>> {
    let sql = "SELECT id FROM organisations WHERE kind = $1 AND name = $2 ORDER BY id LIMIT 1";
    c.optional_scalar(sql, params![kind.as_str(), name])
}

/// Requires two-step login of every member, or no longer.
pub fn set_require_two_factor(c: &mut Sql<'_>, org: OrgId, require: bool) -> Result<()> {
    let sql = "UPDATE organisations SET require_two_factor = $2 WHERE id = $1";
    c.execute(sql, params![org, require])?;
    Ok(())
}

/// Renames an organisation. A verified municipality's name that another one carries gives
/// [`StoreError::Conflict`].
pub fn rename(c: &mut Sql<'_>, org: OrgId, name: &OrgName, now: OffsetDateTime) -> Result<()> {
    let sql = "UPDATE organisations SET name = $2, updated_at = $3 WHERE id = $1";
    c.execute(sql, params![org, name.as_str(), now])?;
    // The actions the organisation owns are found by the new name.
    crate::logbook::refresh_owned(c, crate::logbook::Owner::Party(org))
}

/// How many administrators the organisation has now.
pub fn admin_count(c: &mut Sql<'_>, org: OrgId) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM memberships WHERE organisation_id = $1 AND role = 'admin' \
               AND until IS NULL";
    c.scalar(sql, params![org])
}

/// Whether the organisation holds anything of the collaboration: areas, approaches, a place as
/// a party or facilitator, an initiative profile (its own or in its registry), logbook
/// entries. Only an organisation that holds nothing may be deleted.
pub fn holds_anything(c: &mut Sql<'_>, org: OrgId) -> Result<bool> {
    let sql = "SELECT \
                 EXISTS (SELECT 1 FROM areas WHERE municipality_id = $1) \
              OR EXISTS (SELECT 1 FROM approaches WHERE municipality_id = $1) \
              OR EXISTS (SELECT 1 FROM approach_parties WHERE organisation_id = $1) \
              OR EXISTS (SELECT 1 FROM municipality_facilitators \
                         WHERE municipality_id = $1 OR facilitator_id = $1) \
              OR EXISTS (SELECT 1 FROM initiative_profiles \
                         WHERE organisation_id = $1 OR municipality_id = $1) \
              OR EXISTS (SELECT 1 FROM log_entries WHERE organisation_id = $1)";
    c.scalar(sql, params![org])
}

/// Deletes an organisation with its memberships, invitations and requests.
pub fn delete(c: &mut Sql<'_>, org: OrgId) -> Result<()> {
    c.execute("DELETE FROM organisations WHERE id = $1", params![org])?;
    Ok(())
}
