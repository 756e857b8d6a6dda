//! Requests to an organisation to take part: as a party in an approach, or as a facilitator
//! working in a municipality. The organisation is drawn in only when one of its administrators
//! accepts; until then it is not a party and not a facilitator anywhere.

use crate::sql::Sql;
use crate::{ApproachId, OrgId, Result, UserId, params};
use time::OffsetDateTime;

/// Asked to be a party in an approach.
pub const PARTY: &str = "party";
/// Asked to work in a municipality as its facilitator.
pub const FACILITATOR: &str = "facilitator";
pub const ACCEPTED: &str = "accepted";
pub const DECLINED: &str = "declined";

crate::row! {
    /// A request as the asked organisation sees it.
    #[derive(Debug, Clone)]
    pub struct Request {
        pub id: i64,
        pub kind: String,
        pub municipality_id: OrgId,
        pub municipality_name: String,
        pub approach_id: Option<ApproachId>,
        pub approach_name: Option<String>,
        pub organisation_id: OrgId,
        pub organisation_name: String,
        pub details: String,
        pub requested_at: OffsetDateTime,
    }
}

pub struct NewRequest<'a> {
    pub kind: &'a str,
    pub municipality: OrgId,
    pub approach: Option<ApproachId>,
    pub organisation: OrgId,
    pub details: &'a str,
}

const COLUMNS: &str = "r.id, r.kind, r.municipality_id, m.name AS municipality_name, \
                       r.approach_id, a.name AS approach_name, r.organisation_id, \
                       o.name AS organisation_name, r.details, r.requested_at \
                       FROM consent_requests r \
                       JOIN organisations m ON m.id = r.municipality_id \
                       JOIN organisations o ON o.id = r.organisation_id \
                       LEFT JOIN approaches a ON a.id = r.approach_id";

/// Asks the organisation; `None` when the same question is open already.
pub fn create(
    c: &mut Sql<'_>,
    new: &NewRequest<'_>,
    by: UserId,
    now: OffsetDateTime,
) -> Result<Option<i64>> {
    let open = "SELECT COUNT(*) FROM consent_requests WHERE kind = $1 AND municipality_id = $2 \
                AND organisation_id = $3 AND answered_at IS NULL \
                AND (approach_id = $4 OR (approach_id IS NULL AND $4 IS NULL))";
    let insert = "INSERT INTO consent_requests (kind, municipality_id, approach_id, organisation_id, \
                  details, requested_by, requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    let existing: i64 = c.scalar(
        open,
        params![new.kind, new.municipality, new.organisation, new.approach],
    )?;
    if existing > 0 {
        return Ok(None);
    }
    let id: i64 = c.scalar(
        insert,
        params![
            new.kind,
            new.municipality,
            new.approach,
            new.organisation,
            new.details,
            by,
            now
        ],
    )?;
    Ok(Some(id))
}

/// The open requests to an organisation, oldest first.
pub fn open_to(c: &mut Sql<'_>, organisation: OrgId) -> Result<Vec<Request>> {
    let sql = format!(
        "SELECT {COLUMNS} WHERE r.organisation_id = $1 AND r.answered_at IS NULL \
         ORDER BY r.requested_at, r.id"
    );
    c.all(&sql, params![organisation])
}

/// The open party requests of an approach, for its parties page.
pub fn open_for_approach(c: &mut Sql<'_>, approach: ApproachId) -> Result<Vec<Request>> {
    let sql = format!(
        "SELECT {COLUMNS} WHERE r.approach_id = $1 AND r.kind = 'party' \
         AND r.answered_at IS NULL ORDER BY o.name, r.id"
    );
    c.all(&sql, params![approach])
}

/// The open facilitator requests of a municipality.
pub fn open_facilitator_requests(c: &mut Sql<'_>, municipality: OrgId) -> Result<Vec<Request>> {
    let sql = format!(
        "SELECT {COLUMNS} WHERE r.municipality_id = $1 AND r.kind = 'facilitator' \
         AND r.answered_at IS NULL ORDER BY o.name, r.id"
    );
    c.all(&sql, params![municipality])
}

/// An open request to the organisation.
pub fn open_request(c: &mut Sql<'_>, organisation: OrgId, id: i64) -> Result<Option<Request>> {
    let sql = format!(
        "SELECT {COLUMNS} WHERE r.id = $1 AND r.organisation_id = $2 AND r.answered_at IS NULL"
    );
    c.optional(&sql, params![id, organisation])
}

/// Records the answer; false when the request had been answered already.
pub fn answer(
    c: &mut Sql<'_>,
    id: i64,
    answer: &str,
    by: UserId,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE consent_requests SET answer = $2, answered_by = $3, answered_at = $4 \
               WHERE id = $1 AND answered_at IS NULL";
    let changed = c.execute(sql, params![id, answer, by, now])?;
    Ok(changed == 1)
}
