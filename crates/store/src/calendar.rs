//! Calendar feeds of meetings: a person's secret links (for one approach, or for every approach
//! they take part in), and the meetings such a feed lists. Whether the person may still open
//! the approach and see each meeting is checked every time the feed is read.

use crate::logbook::visible_to;
use crate::notifications::opens_approach;
use crate::sql::Sql;
use crate::{ApproachId, EntryId, Result, UserId, params};
use time::{Date, OffsetDateTime};

crate::row! {
    /// One of a person's links.
    #[derive(Debug, Clone)]
    pub struct Link {
        pub token_hash: String,
        pub approach_id: Option<ApproachId>,
        pub approach_name: Option<String>,
        pub created_at: OffsetDateTime,
    }
}

pub fn create(
    c: &mut Sql<'_>,
    token_hash: &str,
    user: UserId,
    approach: Option<ApproachId>,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO calendar_links (token_hash, user_id, approach_id, created_at) VALUES ($1, $2, $3, $4)";
    c.execute(sql, params![token_hash, user, approach, now])?;
    Ok(())
}

/// The person's links that still work, newest first.
pub fn of_user(c: &mut Sql<'_>, user: UserId) -> Result<Vec<Link>> {
    let sql = "SELECT l.token_hash, l.approach_id, a.name AS approach_name, l.created_at \
               FROM calendar_links l LEFT JOIN approaches a ON a.id = l.approach_id \
               WHERE l.user_id = $1 AND l.revoked_at IS NULL ORDER BY l.created_at DESC";
    c.all(sql, params![user])
}

/// Stops one of the person's links. Returns whether there was one.
pub fn revoke(
    c: &mut Sql<'_>,
    user: UserId,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE calendar_links SET revoked_at = $3 WHERE token_hash = $1 AND user_id = $2 \
               AND revoked_at IS NULL";
    let done = c.execute(sql, params![token_hash, user, now])?;
    Ok(done > 0)
}

/// Whose link it is and for which approach, if it still works.
pub fn by_token(c: &mut Sql<'_>, token_hash: &str) -> Result<Option<(UserId, Option<ApproachId>)>> {
    let sql = "SELECT user_id, approach_id FROM calendar_links WHERE token_hash = $1 AND revoked_at IS NULL";
    c.optional(sql, params![token_hash])
}

crate::row! {
    /// A meeting in a feed.
    #[derive(Debug, Clone)]
    pub struct Meeting {
        pub id: EntryId,
        pub approach_id: ApproachId,
        pub approach_name: String,
        pub title: String,
        pub meeting_kind: Option<String>,
        pub happened_at: OffsetDateTime,
        pub ends_at: Option<OffsetDateTime>,
        pub place: String,
        pub online_url: String,
        pub updated_at: OffsetDateTime,
    }
}

/// The meetings from `since` on that the person may see today, of one approach or of all
/// they take part in, soonest first, at most 500.
pub fn meetings(
    c: &mut Sql<'_>,
    user: UserId,
    approach: Option<ApproachId>,
    today: Date,
    since: OffsetDateTime,
) -> Result<Vec<Meeting>> {
    let sql = format!(
        "SELECT e.id, a.id AS approach_id, a.name AS approach_name, e.title, e.meeting_kind, \
         e.happened_at, e.ends_at, e.place, e.online_url, e.updated_at \
         FROM log_entries e JOIN approaches a ON a.id = e.approach_id \
         WHERE e.kind = 'meeting' AND e.happened_at >= $3 AND ($4 IS NULL OR a.id = $4) \
         AND a.id IN (SELECT ap.approach_id FROM approach_parties ap JOIN memberships pm \
             ON pm.organisation_id = ap.organisation_id WHERE pm.user_id = $1 AND pm.until IS NULL \
             UNION SELECT ma.id FROM approaches ma JOIN memberships mm ON mm.organisation_id = ma.municipality_id \
             WHERE mm.user_id = $1 AND mm.until IS NULL) \
         AND {opens} AND {visible} ORDER BY e.happened_at, e.id LIMIT 500",
        opens = opens_approach("$1", "$2"),
        visible = visible_to("TRUE", "$1"),
    );
    c.all(&sql, params![user, today, since, approach])
}
