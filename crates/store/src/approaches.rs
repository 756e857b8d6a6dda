//! Approaches (wijkaanpakken): the workspace a municipality opens for one or more of its areas,
//! with its parties, sub-projects, contact point, the municipality's chosen role, intensity,
//! phase and status, and who may see it.

use crate::sql::Sql;
use crate::{
    ApproachId, AreaId, OrgId, PackId, PartyId, Result, StoreError, SubprojectId, UserId, params,
};
use samenspel_domain::approaches::{ApproachStatus, Intensity, PartyRole};
use samenspel_domain::organisations::OrgRole;
use samenspel_domain::permissions::ApproachStanding;
use time::{Date, OffsetDateTime};

crate::row! {
    /// An approach as stored, with the names that go with it.
    #[derive(Debug, Clone)]
    pub struct ApproachRow {
        pub id: ApproachId,
        pub municipality_id: OrgId,
        pub municipality_name: String,
        pub name: String,
        pub description: String,
        pub pack_id: PackId,
        pub phase_key: String,
        pub steering_form: Option<samenspel_domain::approaches::SteeringForm>,
        pub director_role: Option<samenspel_domain::approaches::DirectorRole>,
        pub intensity: samenspel_domain::approaches::Intensity,
        pub status: samenspel_domain::approaches::ApproachStatus,
        pub status_reason: String,
        pub ended_together: bool,
        pub contact_user_id: Option<UserId>,
        pub contact_name: Option<String>,
        pub contact_email: Option<String>,
        pub contact_phone: String,
        pub ambition: String,
        pub ambition_version: i64,
        pub ambition_updated_at: Option<OffsetDateTime>,
        /// Whether the approach has a public page.
        pub public_page: bool,
        pub created_at: OffsetDateTime,
        pub updated_at: OffsetDateTime,
    }
}

const SELECT: &str = "SELECT a.id, a.municipality_id, mo.name AS municipality_name, a.name, a.description, \
     a.pack_id, a.phase_key, a.steering_form, a.director_role, a.intensity, a.status, a.status_reason, \
     a.ended_together, a.contact_user_id, cu.name AS contact_name, cu.email AS contact_email, \
     a.contact_phone, a.ambition, a.ambition_version, a.ambition_updated_at, a.public_page, a.created_at, \
     a.updated_at \
     FROM approaches a JOIN organisations mo ON mo.id = a.municipality_id \
     LEFT JOIN users cu ON cu.id = a.contact_user_id";

/// What the municipality decides about an approach: everything but its parties and status.
#[derive(Debug, Clone)]
pub struct Settings {
    pub name: String,
    pub description: String,
    pub phase_key: String,
    pub steering_form: Option<String>,
    pub director_role: Option<String>,
    pub intensity: Intensity,
    pub contact_user: Option<UserId>,
    pub contact_phone: String,
    pub areas: Vec<AreaId>,
}

/// Creates an approach on the method version `pack`. The municipality becomes its first party,
/// in the project team.
pub fn create(
    c: &mut Sql<'_>,
    municipality: OrgId,
    pack: PackId,
    settings: &Settings,
    creator: UserId,
    now: OffsetDateTime,
) -> Result<ApproachId> {
    let sql = "INSERT INTO approaches (municipality_id, name, description, pack_id, phase_key, steering_form, \
               director_role, intensity, status, contact_user_id, contact_phone, created_by, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $10, $11, $12, $12) RETURNING id";
    let id: ApproachId = c.scalar(
        sql,
        params![
            municipality,
            &settings.name,
            &settings.description,
            pack,
            &settings.phase_key,
            &settings.steering_form,
            &settings.director_role,
            settings.intensity.as_str(),
            settings.contact_user,
            &settings.contact_phone,
            creator,
            now
        ],
    )?;
    set_areas(c, id, municipality, &settings.areas)?;
    let party = NewParty {
        organisation: municipality,
        role: PartyRole::ProjectTeam,
        subproject: None,
        since: Some(now.date()),
        until: None,
    };
    add_party(c, id, &party, now)?;
    Ok(id)
}

pub fn by_id(c: &mut Sql<'_>, id: ApproachId) -> Result<Option<ApproachRow>> {
    let sql = format!("{SELECT} WHERE a.id = $1");
    c.optional(&sql, params![id])
}

/// Switches the approach's public page on or off.
pub fn set_public_page(
    c: &mut Sql<'_>,
    id: ApproachId,
    on: bool,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "UPDATE approaches SET public_page = $2, updated_at = $3 WHERE id = $1";
    c.execute(sql, params![id, on, now])?;
    Ok(())
}

/// Changes what the municipality decides about an approach.
pub fn update(
    c: &mut Sql<'_>,
    id: ApproachId,
    municipality: OrgId,
    settings: &Settings,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "UPDATE approaches SET name = $2, description = $3, phase_key = $4, steering_form = $5, \
               director_role = $6, intensity = $7, contact_user_id = $8, contact_phone = $9, updated_at = $10 \
               WHERE id = $1";
    c.execute(
        sql,
        params![
            id,
            &settings.name,
            &settings.description,
            &settings.phase_key,
            &settings.steering_form,
            &settings.director_role,
            settings.intensity.as_str(),
            settings.contact_user,
            &settings.contact_phone,
            now
        ],
    )?;
    set_areas(c, id, municipality, &settings.areas)
}

/// Replaces the approach's areas. Every area must belong to the municipality.
fn set_areas(c: &mut Sql<'_>, id: ApproachId, municipality: OrgId, areas: &[AreaId]) -> Result<()> {
    let sql = "DELETE FROM approach_areas WHERE approach_id = $1";
    c.execute(sql, params![id])?;
    for area in areas {
        let sql = "INSERT INTO approach_areas (approach_id, area_id) \
                   SELECT $1, id FROM areas WHERE id = $2 AND municipality_id = $3 \
                   ON CONFLICT DO NOTHING";
        let added = c.execute(sql, params![id, area, municipality])?;
        if added == 0 {
            return Err(StoreError::Refused("error-area-unknown"));
        }
    }
    Ok(())
}

/// Sets the status. A reason goes with pausing and stopping; `together` says the parties
/// ended the approach together.
/// The move is made only from `from`, the status it was checked against; if someone changed
/// the status since, it is refused.
pub fn set_status(
    c: &mut Sql<'_>,
    id: ApproachId,
    from: ApproachStatus,
    status: ApproachStatus,
    reason: &str,
    together: bool,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "UPDATE approaches SET status = $2, status_reason = $3, ended_together = $4, updated_at = $5 \
               WHERE id = $1 AND status = $6";
    let changed = c.execute(
        sql,
        params![
            id,
            status.as_str(),
            reason,
            together && status == ApproachStatus::Stopped,
            now,
            from.as_str()
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::Refused("error-approach-changed"));
    }
    Ok(())
}

/// Moves the approach to another version of the method. Progress is kept by node key, so
/// nodes that the new version no longer has keep their history.
pub fn set_pack(c: &mut Sql<'_>, id: ApproachId, pack: PackId, now: OffsetDateTime) -> Result<()> {
    let sql = "UPDATE approaches SET pack_id = $2, updated_at = $3 WHERE id = $1";
    c.execute(sql, params![id, pack, now])?;
    Ok(())
}

crate::row! {
    /// An area of an approach.
    #[derive(Debug, Clone)]
    pub struct AreaRow {
        pub id: AreaId,
        pub code: String,
        pub name: String,
        pub kind: samenspel_domain::areas::AreaKind,
    }
}

pub fn areas(c: &mut Sql<'_>, id: ApproachId) -> Result<Vec<AreaRow>> {
    let sql = "SELECT ar.id, ar.code, ar.name, ar.kind FROM approach_areas aa \
               JOIN areas ar ON ar.id = aa.area_id WHERE aa.approach_id = $1 ORDER BY ar.code";
    c.all(sql, params![id])
}

crate::row! {
    /// One line of a municipality's overview: the approach with its progress.
    #[derive(Debug, Clone)]
    pub struct Summary {
        pub id: ApproachId,
        pub name: String,
        pub municipality_id: OrgId,
        pub municipality_name: String,
        pub pack_id: PackId,
        pub phase_key: String,
        pub status: samenspel_domain::approaches::ApproachStatus,
        pub ended_together: bool,
        pub nodes: i64,
        pub applicable: i64,
        pub completed: i64,
        pub parties: i64,
        pub updated_at: OffsetDateTime,
    }
}

/// One page of the approaches that match `condition` (on `approaches a`), by municipality and
/// name, with their progress, in one statement. The page is chosen first (`LIMIT $3 OFFSET
/// $4`), so only its approaches are counted. Each count is a subquery on the approach's own
/// rows by index (its knooppunten, their progress, today's parties): aggregating each table
/// once over all chosen approaches instead made SQLite scan or index the whole `node_progress`
/// table on every call (12 ms for a city's 140 approaches in the national data set). `$2` is
/// today's date.
fn summary_select(condition: &str) -> String {
    let progress = |status: &str| {
        format!(
            "(SELECT COUNT(*) FROM node_progress np JOIN method_nodes mn \
              ON mn.pack_id = a.pack_id AND mn.node_key = np.node_key \
              WHERE np.approach_id = a.id AND np.status = '{status}')"
        )
    };
    format!(
        "SELECT a.id, a.name, a.municipality_id, mo.name AS municipality_name, a.pack_id, a.phase_key, \
         a.status, a.ended_together, nodes, nodes - not_applicable AS applicable, completed, parties, \
         a.updated_at FROM (SELECT a.*, \
            (SELECT COUNT(*) FROM method_nodes mn WHERE mn.pack_id = a.pack_id) AS nodes, \
            {completed} AS completed, {not_applicable} AS not_applicable, \
            (SELECT COUNT(*) FROM approach_parties p WHERE p.approach_id = a.id \
              AND (p.since IS NULL OR p.since <= $2) AND (p.until IS NULL OR p.until >= $2)) AS parties \
            FROM (SELECT a.id FROM approaches a JOIN organisations mo ON mo.id = a.municipality_id \
                  WHERE {condition} ORDER BY mo.name, a.name, a.id LIMIT $3 OFFSET $4) page \
            JOIN approaches a ON a.id = page.id) a \
         JOIN organisations mo ON mo.id = a.municipality_id \
         ORDER BY mo.name, a.name, a.id",
        completed = progress("completed"),
        not_applicable = progress("not-applicable"),
    )
}

/// A municipality's approaches, by name: `limit` of them after skipping `offset`.
pub fn of_municipality(
    c: &mut Sql<'_>,
    municipality: OrgId,
    today: Date,
    limit: i64,
    offset: i64,
) -> Result<Vec<Summary>> {
    let sql = summary_select("a.municipality_id = $1");
    c.all(&sql, params![municipality, today, limit, offset])
}

/// How many approaches the municipality has.
pub fn count_of_municipality(c: &mut Sql<'_>, municipality: OrgId) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM approaches WHERE municipality_id = $1";
    c.scalar(sql, params![municipality])
}

/// Which approaches person `$1` can open on day `$2`, as a condition on `approaches a`: those of
/// municipalities they are a member of, and those in which one of their organisations is a
/// party that day. Starts from the person's memberships, so it reads only their approaches.
const OPENED_BY: &str = "(a.municipality_id IN (SELECT m.organisation_id FROM memberships m \
      WHERE m.user_id = $1 AND m.until IS NULL) \
  OR a.id IN (SELECT p.approach_id FROM memberships m JOIN approach_parties p \
      ON p.organisation_id = m.organisation_id \
      WHERE m.user_id = $1 AND m.until IS NULL \
      AND (p.since IS NULL OR p.since <= $2) AND (p.until IS NULL OR p.until >= $2)))";

/// The approaches a person can open (see [`OPENED_BY`]), with their progress: `limit` of them
/// after skipping `offset`.
pub fn of_user(
    c: &mut Sql<'_>,
    user: UserId,
    today: Date,
    limit: i64,
    offset: i64,
) -> Result<Vec<Summary>> {
    let sql = summary_select(OPENED_BY);
    c.all(&sql, params![user, today, limit, offset])
}

/// How many approaches the person can open on day `today`.
pub fn count_of_user(c: &mut Sql<'_>, user: UserId, today: Date) -> Result<i64> {
    let sql = format!("SELECT COUNT(*) FROM approaches a WHERE {OPENED_BY}");
    c.scalar(&sql, params![user, today])
}

crate::row! {
    /// An approach by its name, for choosing one.
    #[derive(Debug, Clone)]
    pub struct Named {
        pub id: ApproachId,
        pub name: String,
    }
}

/// The approaches a person can open, in the order of [`of_user`], without counting their
/// progress: for lists that only name them (mail settings, calendar links).
pub fn named_of_user(c: &mut Sql<'_>, user: UserId, today: Date) -> Result<Vec<Named>> {
    let sql = format!(
        "SELECT a.id, a.name FROM approaches a JOIN organisations mo ON mo.id = a.municipality_id \
         WHERE {OPENED_BY} ORDER BY mo.name, a.name, a.id"
    );
    c.all(&sql, params![user, today])
}

/// What the visitor is in an approach, and which of their organisations are a party today.
#[derive(Debug, Clone)]
pub struct Access {
    pub municipality: OrgId,
    pub standing: ApproachStanding,
    /// The visitor's organisations that are a party today, with their role.
    pub parties: Vec<(OrgId, PartyRole)>,
}

crate::row! {
    /// The approach's municipality and the person's role there, with one of their
    /// organisations that is a party today (none: `party` is NULL).
    struct AccessRow {
        municipality_id: OrgId,
        municipal_role: Option<OrgRole>,
        party: Option<OrgId>,
        party_role: Option<PartyRole>,
    }
}

/// `None` when there is no such approach. One statement: every page of an approach asks it.
pub fn access(
    c: &mut Sql<'_>,
    id: ApproachId,
    user: Option<UserId>,
    today: Date,
) -> Result<Option<Access>> {
    let user = user.unwrap_or(UserId(0));
    let sql = "SELECT a.municipality_id, \
               (SELECT m.role FROM memberships m WHERE m.organisation_id = a.municipality_id \
                AND m.user_id = $2 AND m.until IS NULL) AS municipal_role, \
               p.organisation_id AS party, p.role AS party_role \
               FROM approaches a LEFT JOIN approach_parties p ON p.approach_id = a.id \
                AND (p.since IS NULL OR p.since <= $3) AND (p.until IS NULL OR p.until >= $3) \
                AND EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = p.organisation_id \
                            AND m.user_id = $2 AND m.until IS NULL) \
               WHERE a.id = $1 ORDER BY p.id";
    let rows: Vec<AccessRow> = c.all(sql, params![id, user, today])?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let (municipality, municipal) = (first.municipality_id, first.municipal_role);
    let parties: Vec<(OrgId, PartyRole)> = rows
        .into_iter()
        .filter_map(|row| row.party.zip(row.party_role))
        .collect();
    let standing = ApproachStanding {
        municipal,
        party: !parties.is_empty(),
        working_party: parties.iter().any(|(_, role)| role.works()),
    };
    Ok(Some(Access {
        municipality,
        standing,
        parties,
    }))
}

crate::row! {
    /// A party of an approach, with its organisation and perspective.
    #[derive(Debug, Clone)]
    pub struct PartyRow {
        pub id: PartyId,
        pub organisation_id: OrgId,
        pub name: String,
        pub kind: samenspel_domain::organisations::OrgKind,
        pub role: samenspel_domain::approaches::PartyRole,
        pub subproject_id: Option<SubprojectId>,
        pub subproject_name: Option<String>,
        pub since: Option<Date>,
        pub until: Option<Date>,
        pub tracks: String,
        pub believed_phase: Option<String>,
        pub next_year: String,
        pub perspective_at: Option<OffsetDateTime>,
    }
}

impl PartyRow {
    pub fn is_current(&self, today: impl std::borrow::Borrow<Date>) -> bool {
        samenspel_domain::approaches::current(self.since, self.until, *today.borrow())
    }

    pub fn track_keys(&self) -> Vec<&str> {
        self.tracks.split_whitespace().collect()
    }
}

/// Every party the approach has had, current ones first, then by name.
pub fn parties(c: &mut Sql<'_>, id: ApproachId) -> Result<Vec<PartyRow>> {
    let sql = "SELECT p.id, p.organisation_id, o.name, o.kind, p.role, p.subproject_id, s.name AS subproject_name, \
               p.since, p.until, p.tracks, p.believed_phase, p.next_year, p.perspective_at \
               FROM approach_parties p JOIN organisations o ON o.id = p.organisation_id \
               LEFT JOIN subprojects s ON s.id = p.subproject_id \
               WHERE p.approach_id = $1 ORDER BY (p.until IS NOT NULL), o.name, p.id";
    c.all(sql, params![id])
}

/// A party to add, or a party's new role and dates.
#[derive(Debug, Clone)]
pub struct NewParty {
    pub organisation: OrgId,
    pub role: PartyRole,
    pub subproject: Option<SubprojectId>,
    pub since: Option<Date>,
    pub until: Option<Date>,
}

/// Adds a party, or takes back one that left before `party.since`. An organisation that
/// takes part already is refused: its role and dates are changed with [`update_party`].
pub fn add_party(
    c: &mut Sql<'_>,
    id: ApproachId,
    party: &NewParty,
    now: OffsetDateTime,
) -> Result<PartyId> {
    // A party that left before the new period begins takes part again (its earlier period is
    // in the audit log); a party that takes part now is refused.
    let sql = "INSERT INTO approach_parties (approach_id, organisation_id, role, subproject_id, since, until, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) \
               ON CONFLICT (approach_id, organisation_id) DO UPDATE SET role = excluded.role, \
               subproject_id = excluded.subproject_id, since = excluded.since, until = excluded.until \
               WHERE approach_parties.until IS NOT NULL AND approach_parties.until < excluded.since \
               RETURNING id";
    let added: Option<PartyId> = c.optional_scalar(
        sql,
        params![
            id,
            party.organisation,
            party.role.as_str(),
            party.subproject,
            party.since,
            party.until,
            now
        ],
    )?;
    added.ok_or(StoreError::Refused("error-party-exists"))
}

/// Ends a party's part in the approach after `last_day`, keeping everything else.
pub fn end_party(
    c: &mut Sql<'_>,
    id: ApproachId,
    organisation: OrgId,
    last_day: Date,
) -> Result<()> {
    let sql = "UPDATE approach_parties SET until = $3, \
               since = CASE WHEN since > $3 THEN $3 ELSE since END \
               WHERE approach_id = $1 AND organisation_id = $2";
    let changed = c.execute(sql, params![id, organisation, last_day])?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Changes a party's role, sub-project and dates.
pub fn update_party(c: &mut Sql<'_>, id: ApproachId, party: &NewParty) -> Result<()> {
    let sql = "UPDATE approach_parties SET role = $3, subproject_id = $4, since = $5, until = $6 \
               WHERE approach_id = $1 AND organisation_id = $2";
    let changed = c.execute(
        sql,
        params![
            id,
            party.organisation,
            party.role.as_str(),
            party.subproject,
            party.since,
            party.until
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// A party's own view of the kompas: its tracks, the phase it believes it is in, and what it
/// wants to work on next year.
pub fn set_perspective(
    c: &mut Sql<'_>,
    id: ApproachId,
    organisation: OrgId,
    tracks: &[String],
    believed_phase: Option<&str>,
    next_year: &str,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "UPDATE approach_parties SET tracks = $3, believed_phase = $4, next_year = $5, perspective_at = $6 \
               WHERE approach_id = $1 AND organisation_id = $2";
    let changed = c.execute(
        sql,
        params![
            id,
            organisation,
            tracks.join(" "),
            believed_phase,
            next_year,
            now
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

crate::row! {
    /// A sub-project (deelproject) of an approach.
    #[derive(Debug, Clone)]
    pub struct SubprojectRow {
        pub id: SubprojectId,
        pub name: String,
        pub description: String,
        pub lead_id: Option<OrgId>,
        pub lead_name: Option<String>,
    }
}

pub fn subprojects(c: &mut Sql<'_>, id: ApproachId) -> Result<Vec<SubprojectRow>> {
    let sql = "SELECT s.id, s.name, s.description, s.lead_id, o.name AS lead_name FROM subprojects s \
               LEFT JOIN organisations o ON o.id = s.lead_id WHERE s.approach_id = $1 ORDER BY s.name, s.id";
    c.all(sql, params![id])
}

pub fn add_subproject(
    c: &mut Sql<'_>,
    id: ApproachId,
    name: &str,
    description: &str,
    lead: Option<OrgId>,
    now: OffsetDateTime,
) -> Result<SubprojectId> {
    let sql = "INSERT INTO subprojects (approach_id, name, description, lead_id, created_at) \
               VALUES ($1, $2, $3, $4, $5) RETURNING id";
    c.scalar(sql, params![id, name, description, lead, now])
}

pub fn update_subproject(
    c: &mut Sql<'_>,
    id: ApproachId,
    subproject: SubprojectId,
    name: &str,
    description: &str,
    lead: Option<OrgId>,
) -> Result<()> {
    let sql = "UPDATE subprojects SET name = $3, description = $4, lead_id = $5 \
               WHERE approach_id = $1 AND id = $2";
    let changed = c.execute(sql, params![id, subproject, name, description, lead])?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// When the person last opened the approach's project page.
pub fn last_visit(c: &mut Sql<'_>, id: ApproachId, user: UserId) -> Result<Option<OffsetDateTime>> {
    let sql = "SELECT seen_at FROM approach_visits WHERE approach_id = $1 AND user_id = $2";
    c.optional_scalar(sql, params![id, user])
}

/// Records that the person opens the approach's project page now.
pub fn record_visit(
    c: &mut Sql<'_>,
    id: ApproachId,
    user: UserId,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO approach_visits (approach_id, user_id, seen_at) VALUES ($1, $2, $3) \
               ON CONFLICT (approach_id, user_id) DO UPDATE SET seen_at = excluded.seen_at";
    c.execute(sql, params![id, user, now])?;
    Ok(())
}

crate::row! {
    /// One thing that happened in an approach, from the audit log.
    #[derive(Debug, Clone)]
    pub struct Change {
        pub at: OffsetDateTime,
        pub action: String,
        pub actor_name: Option<String>,
        pub organisation_name: Option<String>,
        pub changes: String,
    }
}

/// What happened in the approach after `since` (or ever), newest first, at most `limit`.
pub fn changes(
    c: &mut Sql<'_>,
    id: ApproachId,
    since: Option<OffsetDateTime>,
    limit: i64,
) -> Result<Vec<Change>> {
    let sql = format!(
        "SELECT e.at, e.action, u.name AS actor_name, o.name AS organisation_name, e.changes \
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id \
         LEFT JOIN organisations o ON o.id = e.organisation_id \
         WHERE e.subject_kind = 'approach' AND e.subject_id = $1 AND ($2 IS NULL OR e.at > $2) \
         ORDER BY e.id DESC LIMIT {limit}"
    );
    c.all(&sql, params![id, since])
}

/// Which of the approach's parties the person administers (one query, whatever the number of
/// organisations they belong to).
pub fn administered_parties(c: &mut Sql<'_>, id: ApproachId, user: UserId) -> Result<Vec<OrgId>> {
    let sql = "SELECT p.organisation_id FROM approach_parties p JOIN memberships m \
               ON m.organisation_id = p.organisation_id AND m.user_id = $2 AND m.until IS NULL \
               AND m.role = 'admin' WHERE p.approach_id = $1";
    c.column(sql, params![id, user])
}

/// The organisations a municipality can add as a party: the initiatives in its registry, and
/// every partner and facilitator organisation.
pub fn candidates(
    c: &mut Sql<'_>,
    municipality: OrgId,
) -> Result<Vec<crate::organisations::Organisation>> {
    // Two index reads (by kind; by the registry's municipality) instead of one pass over
    // every organisation in the country.
    let sql = "SELECT o.id, o.kind, o.name, o.created_at, o.verification, o.verification_note, o.require_two_factor \
               FROM organisations o WHERE o.kind IN ('partner', 'facilitator') \
               UNION ALL \
               SELECT o.id, o.kind, o.name, o.created_at, o.verification, o.verification_note, o.require_two_factor \
               FROM initiative_profiles p \
               JOIN organisations o ON o.id = p.organisation_id \
               WHERE p.municipality_id = $1 AND o.kind = 'initiative' \
               ORDER BY kind, name, id";
    c.all(sql, params![municipality])
}
