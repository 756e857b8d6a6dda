//! In-app notifications: when a logbook entry is added or changed, or an action moves, every
//! person who may see the entry (except who did it) is told. Whether they may still see it is
//! checked again whenever notifications are counted or listed, so a notification never shows
//! what its reader may no longer open (an entry made private, a party that left).

use crate::logbook::visible_to;
use crate::{ApproachId, EntryId, Exec, Result, UserId, dispatch};
use samenspel_domain::logbook::MailFrequency;
use time::{Date, OffsetDateTime};

/// What happened to the entry.
pub const ADDED: &str = "added";
pub const CHANGED: &str = "changed";
pub const MOVED: &str = "moved";
/// A reminder: an action is past its due date.
pub const OVERDUE: &str = "overdue";
/// A reminder: a decision's review date has come.
pub const REVIEW: &str = "review";

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

/// A person's choice of how often to get e-mail about an approach.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MailSetting {
    pub approach_id: ApproachId,
    pub frequency: String,
}

pub async fn mail_settings(ex: Exec<'_>, user: UserId) -> Result<Vec<MailSetting>> {
    let sql = "SELECT approach_id, frequency FROM mail_settings WHERE user_id = $1";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(user).fetch_all(c).await?))
}

/// Sets how often the person gets e-mail about the approach. `token` becomes the unsubscribe
/// token when there was no setting yet.
pub async fn set_frequency(
    ex: Exec<'_>,
    user: UserId,
    approach: ApproachId,
    frequency: MailFrequency,
    token: &str,
) -> Result<()> {
    let sql = "INSERT INTO mail_settings (user_id, approach_id, frequency, unsubscribe_token) \
               VALUES ($1, $2, $3, $4) \
               ON CONFLICT (user_id, approach_id) DO UPDATE SET frequency = excluded.frequency";
    dispatch!(ex, c => sqlx::query(sql).bind(user).bind(approach).bind(frequency.as_str())
        .bind(token).execute(c).await?.rows_affected());
    Ok(())
}

/// The person's unsubscribe token for the approach; `fresh` becomes it (with the default
/// frequency) when there is none yet.
pub async fn unsubscribe_token(
    mut ex: Exec<'_>,
    user: UserId,
    approach: ApproachId,
    fresh: &str,
) -> Result<String> {
    let sql = "INSERT INTO mail_settings (user_id, approach_id, frequency, unsubscribe_token) \
               VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, approach_id) DO NOTHING";
    dispatch!(ex.reborrow(), c => sqlx::query(sql).bind(user).bind(approach)
        .bind(MailFrequency::DEFAULT.as_str()).bind(fresh).execute(c).await?.rows_affected());
    let sql = "SELECT unsubscribe_token FROM mail_settings WHERE user_id = $1 AND approach_id = $2";
    Ok(dispatch!(ex, c => sqlx::query_scalar(sql).bind(user).bind(approach).fetch_one(c).await?))
}

/// Whose unsubscribe token it is: (person, approach, approach's name, frequency).
pub async fn by_unsubscribe_token(
    ex: Exec<'_>,
    token: &str,
) -> Result<Option<(UserId, ApproachId, String, String)>> {
    let sql = "SELECT s.user_id, s.approach_id, a.name, s.frequency FROM mail_settings s \
               JOIN approaches a ON a.id = s.approach_id WHERE s.unsubscribe_token = $1";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(token).fetch_optional(c).await?))
}

/// A person and approach with notifications waiting for their e-mail.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Waiting {
    pub user_id: UserId,
    pub approach_id: ApproachId,
    pub frequency: String,
}

/// People and approaches with unread notifications from the last eight days that have not gone
/// out by e-mail and whose e-mail is not "never"; at most 500.
pub async fn waiting_for_mail(ex: Exec<'_>, now: OffsetDateTime) -> Result<Vec<Waiting>> {
    let sql = "SELECT DISTINCT n.user_id, n.approach_id, COALESCE(s.frequency, $2) AS frequency \
               FROM notifications n LEFT JOIN mail_settings s \
                 ON s.user_id = n.user_id AND s.approach_id = n.approach_id \
               WHERE n.mailed_at IS NULL AND n.read_at IS NULL AND n.created_at > $1 \
                 AND COALESCE(s.frequency, $2) <> 'never' \
               ORDER BY n.user_id, n.approach_id LIMIT 500";
    Ok(
        dispatch!(ex, c => sqlx::query_as(sql).bind(now - time::Duration::days(8))
        .bind(MailFrequency::DEFAULT.as_str()).fetch_all(c).await?),
    )
}

/// Claims the person's waiting notifications about the approach from before `cutoff` for one
/// e-mail, marking them mailed at `now`, and returns the ones they may still see. Of two
/// workers claiming at once, only one gets them.
pub async fn claim_for_mail(
    mut ex: Exec<'_>,
    user: UserId,
    approach: ApproachId,
    cutoff: OffsetDateTime,
    today: Date,
    now: OffsetDateTime,
) -> Result<Vec<Notice>> {
    let sql = "UPDATE notifications SET mailed_at = $4 WHERE user_id = $1 AND approach_id = $2 \
               AND mailed_at IS NULL AND read_at IS NULL AND created_at > $5 AND created_at <= $3";
    dispatch!(ex.reborrow(), c => sqlx::query(sql).bind(user).bind(approach).bind(cutoff)
        .bind(now).bind(now - time::Duration::days(8)).execute(c).await?.rows_affected());
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT n.id, n.event, n.created_at, n.read_at, e.id AS entry_id, e.kind AS entry_kind, \
         e.title AS entry_title, a.id AS approach_id, a.name AS approach_name, u.name AS actor_name \
         FROM notifications n JOIN log_entries e ON e.id = n.entry_id \
         JOIN approaches a ON a.id = n.approach_id LEFT JOIN users u ON u.id = n.actor_id \
         WHERE {} AND n.approach_id = $3 AND n.mailed_at = $4 ORDER BY n.id",
        shows()
    ));
    Ok(
        dispatch!(ex, c => sqlx::query_as(sql).bind(user).bind(today).bind(approach).bind(now)
        .fetch_all(c).await?),
    )
}

/// Reminds, once: the owner of each open action past its due date (the owner person, or else
/// the members of the owner party), and the members of the parties that took each decision
/// whose review date has come (unless a later decision superseded it). Claims the entries
/// first, so that two workers do not both remind. Returns how many reminders were made.
pub async fn remind(mut ex: Exec<'_>, today: Date, now: OffsetDateTime) -> Result<u64> {
    let sql = "UPDATE log_entries SET reminded_on = $1 WHERE reminded_on IS NULL AND (\
               (kind = 'action' AND action_status IN ('open', 'in-progress') AND due_on < $1) \
               OR (kind = 'decision' AND review_on <= $1 \
                   AND NOT EXISTS (SELECT 1 FROM log_entries l WHERE l.supersedes_id = log_entries.id))) \
               RETURNING id, kind";
    let due: Vec<(EntryId, String)> =
        dispatch!(ex.reborrow(), c => sqlx::query_as(sql).bind(today).fetch_all(c).await?);
    let mut made = 0;
    for (entry, kind) in due {
        let (event, people) = if kind == "action" {
            (
                OVERDUE,
                "m.user_id = e.owner_user_id OR (e.owner_user_id IS NULL AND m.organisation_id = e.owner_org_id)",
            )
        } else {
            (
                REVIEW,
                "m.organisation_id IN (SELECT lp.organisation_id FROM log_entry_parties lp WHERE lp.entry_id = e.id)",
            )
        };
        let sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO notifications (user_id, approach_id, entry_id, event, actor_id, created_at) \
             SELECT DISTINCT m.user_id, e.approach_id, e.id, $2, CAST(NULL AS BIGINT), $4 \
             FROM log_entries e JOIN approaches a ON a.id = e.approach_id \
             JOIN memberships m ON m.until IS NULL AND ({people}) \
             WHERE e.id = $1 AND {opens} AND {visible}",
            opens = opens_approach("m.user_id", "$3"),
            visible = visible_to("TRUE", "m.user_id"),
        ));
        made += dispatch!(ex.reborrow(), c => sqlx::query(sql).bind(entry).bind(event).bind(today)
            .bind(now).execute(c).await?.rows_affected());
    }
    Ok(made)
}
