//! Organisations and their memberships. Every organisation keeps at least one administrator;
//! a membership that ends is kept with its end date, as history.

use crate::{Exec, MembershipId, OrgId, Result, StoreError, UserId, dispatch};
use samenspel_domain::organisations::{OrgKind, OrgName, OrgRole};
use samenspel_domain::permissions::Standing;
use time::OffsetDateTime;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Organisation {
    pub id: OrgId,
    pub kind: String,
    pub name: String,
    pub created_at: OffsetDateTime,
    /// `verified`, or for a municipality someone added: `pending` or `rejected`.
    pub verification: String,
    /// Why a platform administrator rejected it.
    pub verification_note: String,
    /// Its administrators require two-step login of every member.
    pub require_two_factor: bool,
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

/// A municipality waiting for a platform administrator, with who added it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VerificationRequest {
    pub id: OrgId,
    pub name: String,
    pub created_at: OffsetDateTime,
    pub verification: String,
    pub verification_note: String,
    pub creator_name: Option<String>,
    pub creator_email: Option<String>,
}

/// An organisation as seen from one person, with their role in it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrgSummary {
    pub id: OrgId,
    pub kind: String,
    pub name: String,
    pub role: Option<String>,
    pub members: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Member {
    pub membership_id: MembershipId,
    pub user_id: UserId,
    pub name: String,
    pub email: String,
    pub role: String,
    pub since: OffsetDateTime,
    pub until: Option<OffsetDateTime>,
    pub ended_reason: Option<String>,
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
pub async fn create(
    ex: Exec<'_>,
    kind: OrgKind,
    name: &OrgName,
    creator: UserId,
    now: OffsetDateTime,
) -> Result<(OrgId, MembershipId)> {
    dispatch!(ex, c => {
        let org: OrgId = sqlx::query_scalar(
            "INSERT INTO organisations (kind, name, created_by, created_at, updated_at, verification) \
             VALUES ($1, $2, $3, $4, $4, $5) RETURNING id",
        )
        .bind(kind.as_str()).bind(name.as_str()).bind(creator).bind(now)
        .bind(if kind == OrgKind::Municipality { PENDING } else { VERIFIED })
        .fetch_one(&mut *c).await?;
        let membership: MembershipId = sqlx::query_scalar(
            "INSERT INTO memberships (organisation_id, user_id, role, since) VALUES ($1, $2, $3, $4) \
             RETURNING id",
        )
        .bind(org).bind(creator).bind(OrgRole::Admin.as_str()).bind(now)
        .fetch_one(&mut *c).await?;
        Ok((org, membership))
    })
}

pub async fn by_id(ex: Exec<'_>, id: OrgId) -> Result<Option<Organisation>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ORG_COLUMNS} FROM organisations o WHERE o.id = $1"
    ));
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(id).fetch_optional(c).await?))
}

/// Whether a verified municipality already carries this name (compared without case).
pub async fn verified_municipality_named(ex: Exec<'_>, name: &str) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM organisations WHERE kind = 'municipality' \
               AND verification = 'verified' AND lower(name) = lower($1)";
    let count: i64 = dispatch!(ex, c => sqlx::query_scalar(sql).bind(name).fetch_one(c).await?);
    Ok(count > 0)
}

/// The municipalities waiting for a platform administrator, oldest first, then those rejected
/// (most recent first).
pub async fn verification_requests(ex: Exec<'_>) -> Result<Vec<VerificationRequest>> {
    let sql = "SELECT o.id, o.name, o.created_at, o.verification, o.verification_note, \
               u.name AS creator_name, u.email AS creator_email \
               FROM organisations o LEFT JOIN users u ON u.id = o.created_by \
               WHERE o.verification <> 'verified' \
               ORDER BY CASE o.verification WHEN 'pending' THEN 0 ELSE 1 END, \
               CASE o.verification WHEN 'pending' THEN o.created_at END, o.verified_at DESC, o.id";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).fetch_all(c).await?))
}

/// Records a platform administrator's decision on a pending municipality: `VERIFIED` or
/// `REJECTED` with a note. False when it was not waiting for one. Verifying a name another
/// verified municipality carries gives [`StoreError::Conflict`].
pub async fn decide_verification(
    ex: Exec<'_>,
    org: OrgId,
    decision: &str,
    note: &str,
    by: UserId,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE organisations SET verification = $2, verification_note = $3, \
               verified_by = $4, verified_at = $5, updated_at = $5 \
               WHERE id = $1 AND kind = 'municipality' AND verification = 'pending'";
    let changed = dispatch!(ex, c => sqlx::query(sql).bind(org).bind(decision).bind(note).bind(by).bind(now).execute(c).await?.rows_affected());
    Ok(changed == 1)
}

/// Marks an organisation verified without a person's decision (demo data).
pub async fn mark_verified(ex: Exec<'_>, org: OrgId, now: OffsetDateTime) -> Result<()> {
    let sql = "UPDATE organisations SET verification = 'verified', verified_at = $2 WHERE id = $1";
    dispatch!(ex, c => sqlx::query(sql).bind(org).bind(now).execute(c).await?.rows_affected());
    Ok(())
}

/// The person's active role in the organisation, if any.
pub async fn role_of(ex: Exec<'_>, org: OrgId, user: UserId) -> Result<Option<OrgRole>> {
    let sql = "SELECT role FROM memberships WHERE organisation_id = $1 AND user_id = $2 AND until IS NULL";
    let role: Option<String> =
        dispatch!(ex, c => sqlx::query_scalar(sql).bind(org).bind(user).fetch_optional(c).await?);
    Ok(role.and_then(|r| OrgRole::parse(&r).ok()))
}

/// The organisations a person is an active member of, by name.
pub async fn for_user(ex: Exec<'_>, user: UserId) -> Result<Vec<OrgSummary>> {
    let sql = "SELECT o.id, o.kind, o.name, m.role AS role, \
               (SELECT COUNT(*) FROM memberships a WHERE a.organisation_id = o.id AND a.until IS NULL) AS members \
               FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
               WHERE m.user_id = $1 AND m.until IS NULL ORDER BY o.name, o.id";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(user).fetch_all(c).await?))
}

/// A page of all organisations, by name then id, for platform administrators.
pub async fn list_all(
    ex: Exec<'_>,
    after: Option<(&str, OrgId)>,
    limit: i64,
) -> Result<Vec<OrgSummary>> {
    let (after_name, after_id) = after.unwrap_or(("", OrgId(0)));
    let sql = "SELECT o.id, o.kind, o.name, NULL AS role, \
               (SELECT COUNT(*) FROM memberships a WHERE a.organisation_id = o.id AND a.until IS NULL) AS members \
               FROM organisations o WHERE o.name > $1 OR (o.name = $1 AND o.id > $2) \
               ORDER BY o.name, o.id LIMIT $3";
    Ok(
        dispatch!(ex, c => sqlx::query_as(sql).bind(after_name).bind(after_id).bind(limit).fetch_all(c).await?),
    )
}

pub async fn count(ex: Exec<'_>) -> Result<i64> {
    Ok(
        dispatch!(ex, c => sqlx::query_scalar("SELECT COUNT(*) FROM organisations").fetch_one(c).await?),
    )
}

const MEMBER_COLUMNS: &str = "m.id AS membership_id, u.id AS user_id, u.name, u.email, m.role, \
                              m.since, m.until, m.ended_reason";

/// Current members first (by name), then former members (most recently ended first).
pub async fn members(ex: Exec<'_>, org: OrgId) -> Result<Vec<Member>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = $1 \
         ORDER BY CASE WHEN m.until IS NULL THEN 0 ELSE 1 END, m.until DESC, u.name, m.id"
    ));
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(org).fetch_all(c).await?))
}

/// An active membership of the organisation.
pub async fn active_membership(
    ex: Exec<'_>,
    org: OrgId,
    id: MembershipId,
) -> Result<Option<Member>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = $1 AND m.id = $2 AND m.until IS NULL"
    ));
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(org).bind(id).fetch_optional(c).await?))
}

/// Takes the organisation's row lock, so that concurrent changes to its memberships are
/// serialised (the last-administrator rule depends on it). SQLite's `BEGIN IMMEDIATE`
/// already serialises writers; PostgreSQL needs `FOR UPDATE`.
pub async fn lock(ex: Exec<'_>, org: OrgId) -> Result<()> {
    let found: Option<OrgId> = match ex {
        Exec::Sqlite(c) => {
            sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
                .bind(org)
                .fetch_optional(c)
                .await?
        }
        // Backend-specific: row lock on PostgreSQL.
        Exec::Postgres(c) => {
            sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1 FOR UPDATE")
                .bind(org)
                .fetch_optional(c)
                .await?
        }
    };
    found.map(|_| ()).ok_or(StoreError::NotFound)
}

/// Adds an active membership. Someone who is already a member gives a conflict.
pub async fn add_member(
    ex: Exec<'_>,
    org: OrgId,
    user: UserId,
    role: OrgRole,
    now: OffsetDateTime,
) -> Result<MembershipId> {
    let sql = "INSERT INTO memberships (organisation_id, user_id, role, since) VALUES ($1, $2, $3, $4) RETURNING id";
    Ok(
        dispatch!(ex, c => sqlx::query_scalar(sql).bind(org).bind(user).bind(role.as_str()).bind(now).fetch_one(c).await?),
    )
}

async fn other_admins(ex: Exec<'_>, org: OrgId, except: MembershipId) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM memberships WHERE organisation_id = $1 AND id <> $2 \
               AND until IS NULL AND role = 'admin'";
    Ok(dispatch!(ex, c => sqlx::query_scalar(sql).bind(org).bind(except).fetch_one(c).await?))
}

/// Changes a member's role. Call inside a transaction after [`lock`]; refuses to take the
/// last administrator's role away.
pub async fn change_role(
    mut ex: Exec<'_>,
    org: OrgId,
    membership: &Member,
    role: OrgRole,
) -> Result<()> {
    if membership.role == OrgRole::Admin.as_str()
        && role != OrgRole::Admin
        && other_admins(ex.reborrow(), org, membership.membership_id).await? == 0
    {
        return Err(StoreError::Refused("error-last-admin"));
    }
    let sql =
        "UPDATE memberships SET role = $3 WHERE organisation_id = $1 AND id = $2 AND until IS NULL";
    dispatch!(ex, c => sqlx::query(sql).bind(org).bind(membership.membership_id).bind(role.as_str()).execute(c).await?.rows_affected());
    Ok(())
}

/// Ends a membership (removed by an administrator, or left). Call inside a transaction after
/// [`lock`]; the last administrator can neither leave nor be removed.
pub async fn end_membership(
    mut ex: Exec<'_>,
    org: OrgId,
    membership: &Member,
    reason: EndReason,
    now: OffsetDateTime,
) -> Result<()> {
    if membership.role == OrgRole::Admin.as_str()
        && other_admins(ex.reborrow(), org, membership.membership_id).await? == 0
    {
        return Err(StoreError::Refused("error-last-admin"));
    }
    let sql = "UPDATE memberships SET until = $3, ended_reason = $4 WHERE organisation_id = $1 AND id = $2 AND until IS NULL";
    dispatch!(ex, c => sqlx::query(sql).bind(org).bind(membership.membership_id).bind(now).bind(reason.as_str()).execute(c).await?.rows_affected());
    Ok(())
}

#[derive(sqlx::FromRow)]
struct StandingRow {
    kind: String,
    verified: bool,
    role: Option<String>,
    municipal: bool,
    facilitating: bool,
    public_profile: bool,
    claimed: bool,
}

/// How a person (or an anonymous visitor, `None`) stands towards an organisation: their own
/// role, and for a municipality or an initiative in its registry, whether they are one of the
/// municipality's people or a facilitator working there. `None` when there is no such
/// organisation.
pub async fn standing(
    ex: Exec<'_>,
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
    let row: Option<StandingRow> =
        dispatch!(ex, c => sqlx::query_as(sql).bind(org).bind(user).fetch_optional(c).await?);
    Ok(row.and_then(|row| {
        Some(Standing {
            kind: OrgKind::parse(&row.kind).ok()?,
            verified: row.verified,
            role: row.role.and_then(|r| OrgRole::parse(&r).ok()),
            platform_admin,
            municipal: row.municipal,
            facilitating: row.facilitating,
            public_profile: row.public_profile,
            claimed: row.claimed,
        })
    }))
}

/// The facilitator organisations that work in a municipality, by name.
pub async fn facilitators_of(ex: Exec<'_>, municipality: OrgId) -> Result<Vec<Organisation>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ORG_COLUMNS} FROM municipality_facilitators f \
         JOIN organisations o ON o.id = f.facilitator_id \
         WHERE f.municipality_id = $1 ORDER BY o.name, o.id"
    ));
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(municipality).fetch_all(c).await?))
}

/// Every verified organisation of a kind, by name (for choosing one from a list).
pub async fn of_kind(ex: Exec<'_>, kind: OrgKind) -> Result<Vec<Organisation>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ORG_COLUMNS} FROM organisations o WHERE o.kind = $1 \
         AND o.verification = 'verified' ORDER BY o.name, o.id"
    ));
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(kind.as_str()).fetch_all(c).await?))
}

/// Lets a facilitator organisation work in a municipality. Adding it twice changes nothing;
/// an organisation of another kind is refused.
pub async fn add_facilitator(
    ex: Exec<'_>,
    municipality: OrgId,
    facilitator: OrgId,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "INSERT INTO municipality_facilitators (municipality_id, facilitator_id, since) \
               SELECT $1, id, $3 FROM organisations WHERE id = $2 AND kind = 'facilitator' \
               ON CONFLICT DO NOTHING";
    let added = dispatch!(ex, c => sqlx::query(sql).bind(municipality).bind(facilitator).bind(now).execute(c).await?.rows_affected());
    Ok(added == 1)
}

pub async fn remove_facilitator(
    ex: Exec<'_>,
    municipality: OrgId,
    facilitator: OrgId,
) -> Result<bool> {
    let sql =
        "DELETE FROM municipality_facilitators WHERE municipality_id = $1 AND facilitator_id = $2";
    let removed = dispatch!(ex, c => sqlx::query(sql).bind(municipality).bind(facilitator).execute(c).await?.rows_affected());
    Ok(removed == 1)
}

/// The organisation a person acts for in a municipality's registry: the municipality itself
/// when they are one of its members, otherwise the first facilitator organisation of theirs
/// that works there.
pub async fn acting_for(ex: Exec<'_>, municipality: OrgId, user: UserId) -> Result<Option<OrgId>> {
    let sql = "SELECT org FROM ( \
                 SELECT m.organisation_id AS org, 0 AS pref FROM memberships m \
                 WHERE m.organisation_id = $1 AND m.user_id = $2 AND m.until IS NULL \
                 UNION ALL \
                 SELECT f.facilitator_id AS org, 1 AS pref FROM municipality_facilitators f \
                 JOIN memberships m ON m.organisation_id = f.facilitator_id AND m.until IS NULL \
                 WHERE f.municipality_id = $1 AND m.user_id = $2 \
               ) acting ORDER BY pref, org LIMIT 1";
    Ok(
        dispatch!(ex, c => sqlx::query_scalar(sql).bind(municipality).bind(user).fetch_optional(c).await?),
    )
}

/// The municipalities whose registry a person can open: those they are a member of, and those
/// where a facilitator organisation of theirs works. By name.
pub async fn registries_for(ex: Exec<'_>, user: UserId) -> Result<Vec<Organisation>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ORG_COLUMNS} FROM organisations o \
         WHERE o.kind = 'municipality' AND ( \
           EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = o.id AND m.user_id = $1 AND m.until IS NULL) \
           OR EXISTS (SELECT 1 FROM municipality_facilitators f \
                      JOIN memberships m ON m.organisation_id = f.facilitator_id AND m.until IS NULL \
                      WHERE f.municipality_id = o.id AND m.user_id = $1)) \
         ORDER BY o.name, o.id"
    ));
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(user).fetch_all(c).await?))
}

/// An organisation of a kind by its exact name (the first, when several share it).
pub async fn find_by_name(ex: Exec<'_>, kind: OrgKind, name: &str) -> Result<Option<OrgId>> {
    let sql = "SELECT id FROM organisations WHERE kind = $1 AND name = $2 ORDER BY id LIMIT 1";
    Ok(
        dispatch!(ex, c => sqlx::query_scalar(sql).bind(kind.as_str()).bind(name).fetch_optional(c).await?),
    )
}

/// Requires two-step login of every member, or no longer.
pub async fn set_require_two_factor(ex: Exec<'_>, org: OrgId, require: bool) -> Result<()> {
    let sql = "UPDATE organisations SET require_two_factor = $2 WHERE id = $1";
    dispatch!(ex, c => sqlx::query(sql).bind(org).bind(require).execute(c).await?.rows_affected());
    Ok(())
}

/// Renames an organisation. A verified municipality's name that another one carries gives
/// [`StoreError::Conflict`].
pub async fn rename(ex: Exec<'_>, org: OrgId, name: &OrgName, now: OffsetDateTime) -> Result<()> {
    let sql = "UPDATE organisations SET name = $2, updated_at = $3 WHERE id = $1";
    dispatch!(ex, c => sqlx::query(sql).bind(org).bind(name.as_str()).bind(now).execute(c).await?.rows_affected());
    Ok(())
}

/// How many administrators the organisation has now.
pub async fn admin_count(ex: Exec<'_>, org: OrgId) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM memberships WHERE organisation_id = $1 AND role = 'admin' \
               AND until IS NULL";
    Ok(dispatch!(ex, c => sqlx::query_scalar(sql).bind(org).fetch_one(c).await?))
}

/// Whether the organisation holds anything of the collaboration: areas, approaches, a place as
/// a party or facilitator, an initiative profile (its own or in its registry), logbook
/// entries. Only an organisation that holds nothing may be deleted.
pub async fn holds_anything(ex: Exec<'_>, org: OrgId) -> Result<bool> {
    let sql = "SELECT \
                 EXISTS (SELECT 1 FROM areas WHERE municipality_id = $1) \
              OR EXISTS (SELECT 1 FROM approaches WHERE municipality_id = $1) \
              OR EXISTS (SELECT 1 FROM approach_parties WHERE organisation_id = $1) \
              OR EXISTS (SELECT 1 FROM municipality_facilitators \
                         WHERE municipality_id = $1 OR facilitator_id = $1) \
              OR EXISTS (SELECT 1 FROM initiative_profiles \
                         WHERE organisation_id = $1 OR municipality_id = $1) \
              OR EXISTS (SELECT 1 FROM log_entries WHERE organisation_id = $1)";
    Ok(dispatch!(ex, c => sqlx::query_scalar(sql).bind(org).fetch_one(c).await?))
}

/// Deletes an organisation with its memberships, invitations and requests.
pub async fn delete(ex: Exec<'_>, org: OrgId) -> Result<()> {
    dispatch!(ex, c => sqlx::query("DELETE FROM organisations WHERE id = $1").bind(org).execute(c).await?.rows_affected());
    Ok(())
}
