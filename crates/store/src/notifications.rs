//! In-app notifications: when a logbook entry is added or changed, or an action moves, every
//! person who may see the entry (except who did it) is told. Whether they may still see it is
//! checked again whenever notifications are counted or listed, so a notification never shows
//! what its reader may no longer open (an entry made private, a party that left).

use crate::logbook::visible_to;
use crate::{ApproachId, EntryId, Exec, Result, UserId, dispatch};
use time::{Date, OffsetDateTime};

/// What happened to the entry.
pub const ADDED: &str = "added";
pub const CHANGED: &str = "changed";
pub const MOVED: &str = "moved";

/// Whether the person `user` (an SQL expression) may open approach `a` today (`today` an SQL
/// expression): a member of its municipality or of one of today's parties.
pub(crate) fn opens_approach(user: &str, today: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM memberships om WHERE om.user_id = {user} AND om.until IS NULL \
         AND (om.organisation_id = a.municipality_id OR om.organisation_id IN (\
             SELECT ap.organisation_id FROM approach_parties ap WHERE ap.approach_id = a.id \
             AND (ap.since IS NULL OR ap.since <= {today}) AND (ap.until IS NULL OR ap.until >= {today}))))"
    )
}

/// Tells everyone who may see entry `entry` today that `event` happened to it, except `actor`.
/// Returns how many people were told.
pub async fn notify(
    ex: Exec<'_>,
    approach: ApproachId,
    entry: EntryId,
    event: &str,
    actor: UserId,
    today: Date,
    now: OffsetDateTime,
) -> Result<u64> {
    // The candidates are the members of the municipality and of today's parties; the entry's
    // visibility then narrows them (for "own", to the members of the recording organisation).
    let sql = sqlx::AssertSqlSafe(format!(
        "INSERT INTO notifications (user_id, approach_id, entry_id, event, actor_id, created_at) \
         SELECT people.user_id, e.approach_id, e.id, $2, $3, $5 \
         FROM log_entries e JOIN approaches a ON a.id = e.approach_id \
         JOIN (SELECT DISTINCT m.user_id FROM memberships m WHERE m.until IS NULL AND m.organisation_id IN \
               (SELECT municipality_id FROM approaches WHERE id = $6 \
                UNION SELECT organisation_id FROM approach_parties WHERE approach_id = $6)) people \
           ON people.user_id <> $3 \
         WHERE e.id = $1 AND e.approach_id = $6 AND {opens} AND {visible}",
        opens = opens_approach("people.user_id", "$4"),
        visible = visible_to("TRUE", "people.user_id"),
    ));
    Ok(
        dispatch!(ex, c => sqlx::query(sql).bind(entry).bind(event).bind(actor).bind(today)
        .bind(now).bind(approach).execute(c).await?.rows_affected()),
    )
}

/// The conditions under which notification `n` (of entry `e`, approach `a`) shows to its
/// person, `$1`, on the day `$2`.
fn shows() -> String {
    format!(
        "n.user_id = $1 AND {} AND {}",
        opens_approach("$1", "$2"),
        visible_to("TRUE", "$1")
    )
}

/// How many unread notifications the person has.
pub async fn unread(ex: Exec<'_>, user: UserId, today: Date) -> Result<i64> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM notifications n JOIN log_entries e ON e.id = n.entry_id \
         JOIN approaches a ON a.id = n.approach_id WHERE n.read_at IS NULL AND {}",
        shows()
    ));
    Ok(dispatch!(ex, c => sqlx::query_scalar(sql).bind(user).bind(today).fetch_one(c).await?))
}

/// A notification as the list shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Notice {
    pub id: i64,
    pub event: String,
    pub created_at: OffsetDateTime,
    pub read_at: Option<OffsetDateTime>,
    pub entry_id: EntryId,
    pub entry_kind: String,
    pub entry_title: String,
    pub approach_id: ApproachId,
    pub approach_name: String,
    pub actor_name: Option<String>,
}

/// The person's newest notifications, up to `limit`.
pub async fn list(ex: Exec<'_>, user: UserId, today: Date, limit: i64) -> Result<Vec<Notice>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT n.id, n.event, n.created_at, n.read_at, e.id AS entry_id, e.kind AS entry_kind, \
         e.title AS entry_title, a.id AS approach_id, a.name AS approach_name, u.name AS actor_name \
         FROM notifications n JOIN log_entries e ON e.id = n.entry_id \
         JOIN approaches a ON a.id = n.approach_id LEFT JOIN users u ON u.id = n.actor_id \
         WHERE {} ORDER BY n.id DESC LIMIT $3",
        shows()
    ));
    Ok(
        dispatch!(ex, c => sqlx::query_as(sql).bind(user).bind(today).bind(limit).fetch_all(c).await?),
    )
}

/// Marks one of the person's notifications read, and returns where it leads, if they may
/// still see it.
pub async fn open(
    mut ex: Exec<'_>,
    user: UserId,
    id: i64,
    today: Date,
    now: OffsetDateTime,
) -> Result<Option<(ApproachId, EntryId)>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT a.id, e.id FROM notifications n JOIN log_entries e ON e.id = n.entry_id \
         JOIN approaches a ON a.id = n.approach_id WHERE n.id = $3 AND {}",
        shows()
    ));
    let target: Option<(ApproachId, EntryId)> = dispatch!(ex.reborrow(), c => sqlx::query_as(sql)
        .bind(user).bind(today).bind(id).fetch_optional(c).await?);
    let sql =
        "UPDATE notifications SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL";
    dispatch!(ex, c => sqlx::query(sql).bind(id).bind(user).bind(now).execute(c).await?.rows_affected());
    Ok(target)
}

/// Marks all of the person's notifications read.
pub async fn read_all(ex: Exec<'_>, user: UserId, now: OffsetDateTime) -> Result<u64> {
    let sql = "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL";
    Ok(dispatch!(ex, c => sqlx::query(sql).bind(user).bind(now).execute(c).await?.rows_affected()))
}
