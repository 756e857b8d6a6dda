//! In-app notifications: when a logbook entry is added or changed, or an action moves, every
//! person who may see the entry (except who did it) is told. Whether they may still see it is
//! checked again whenever notifications are counted or listed, so a notification never shows
//! what its reader may no longer open (an entry made private, a party that left).

use crate::logbook::visible_to;
use crate::sql::Sql;
use crate::{ApproachId, EntryId, Result, UserId, params};
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
pub fn notify(
    c: &mut Sql<'_>,
    approach: ApproachId,
    entry: EntryId,
    event: &str,
    actor: UserId,
    today: Date,
    now: OffsetDateTime,
) -> Result<u64> {
    // The candidates are the members of the municipality and of today's parties; the entry's
    // visibility then narrows them (for "own", to the members of the recording organisation).
    let sql = format!(
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
    );
    c.execute(&sql, params![entry, event, actor, today, now, approach])
}

/// The conditions under which notification `n` (of entry `e`, approach `a`) shows to its
/// person, `$1`, on the day `$2`.
fn shows() -> String {
    shows_to("$1", "$2")
}

/// [`shows`] for the person `user` on the day `today`, both SQL expressions.
fn shows_to(user: &str, today: &str) -> String {
    format!(
        "n.user_id = {user} AND {} AND {}",
        opens_approach(user, today),
        visible_to("TRUE", user)
    )
}

/// A subquery counting the unread notifications of `user` on `today` (SQL expressions), for a
/// query that reads them with other things (the session of a request).
pub(crate) fn unread_subquery(user: &str, today: &str) -> String {
    format!(
        "(SELECT COUNT(*) FROM notifications n JOIN log_entries e ON e.id = n.entry_id \
         JOIN approaches a ON a.id = n.approach_id WHERE n.read_at IS NULL AND {})",
        shows_to(user, today)
    )
}

/// How many unread notifications the person has.
pub fn unread(c: &mut Sql<'_>, user: UserId, today: Date) -> Result<i64> {
    let sql = format!("SELECT {}", unread_subquery("$1", "$2"));
    c.scalar(&sql, params![user, today])
}

crate::row! {
    /// A notification as the list shows it.
    #[derive(Debug, Clone)]
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
}

/// The person's newest notifications, up to `limit`.
pub fn list(c: &mut Sql<'_>, user: UserId, today: Date, limit: i64) -> Result<Vec<Notice>> {
    let sql = format!(
        "SELECT n.id, n.event, n.created_at, n.read_at, e.id AS entry_id, e.kind AS entry_kind, \
         e.title AS entry_title, a.id AS approach_id, a.name AS approach_name, u.name AS actor_name \
         FROM notifications n JOIN log_entries e ON e.id = n.entry_id \
         JOIN approaches a ON a.id = n.approach_id LEFT JOIN users u ON u.id = n.actor_id \
         WHERE {} ORDER BY n.id DESC LIMIT $3",
        shows()
    );
    c.all(&sql, params![user, today, limit])
}

/// Marks one of the person's notifications read, and returns where it leads, if they may
/// still see it.
pub fn open(
    c: &mut Sql<'_>,
    user: UserId,
    id: i64,
    today: Date,
    now: OffsetDateTime,
) -> Result<Option<(ApproachId, EntryId)>> {
    let sql = format!(
        "SELECT a.id, e.id FROM notifications n JOIN log_entries e ON e.id = n.entry_id \
         JOIN approaches a ON a.id = n.approach_id WHERE n.id = $3 AND {}",
        shows()
    );
    let target: Option<(ApproachId, EntryId)> = c.optional(&sql, params![user, today, id])?;
    let sql =
        "UPDATE notifications SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL";
    c.execute(sql, params![id, user, now])?;
    Ok(target)
}

/// Marks all of the person's notifications read.
pub fn read_all(c: &mut Sql<'_>, user: UserId, now: OffsetDateTime) -> Result<u64> {
    let sql = "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL";
    c.execute(sql, params![user, now])
}

crate::row! {
    /// A person's choice of how often to get e-mail about an approach.
    #[derive(Debug, Clone)]
    pub struct MailSetting {
        pub approach_id: ApproachId,
        pub frequency: samenspel_domain::logbook::MailFrequency,
    }
}

pub fn mail_settings(c: &mut Sql<'_>, user: UserId) -> Result<Vec<MailSetting>> {
    let sql = "SELECT approach_id, frequency FROM mail_settings WHERE user_id = $1";
    c.all(sql, params![user])
}

/// Sets how often the person gets e-mail about the approach. `token` becomes the unsubscribe
/// token when there was no setting yet.
pub fn set_frequency(
    c: &mut Sql<'_>,
    user: UserId,
    approach: ApproachId,
    frequency: MailFrequency,
    token: &str,
) -> Result<()> {
    let sql = "INSERT INTO mail_settings (user_id, approach_id, frequency, unsubscribe_token) \
               VALUES ($1, $2, $3, $4) \
               ON CONFLICT (user_id, approach_id) DO UPDATE SET frequency = excluded.frequency";
    c.execute(sql, params![user, approach, frequency.as_str(), token])?;
    Ok(())
}

/// The person's unsubscribe token for the approach; `fresh` becomes it (with the default
/// frequency) when there is none yet.
pub fn unsubscribe_token(
    c: &mut Sql<'_>,
    user: UserId,
    approach: ApproachId,
    fresh: &str,
) -> Result<String> {
    let sql = "INSERT INTO mail_settings (user_id, approach_id, frequency, unsubscribe_token) \
               VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, approach_id) DO NOTHING";
    c.execute(
        sql,
        params![user, approach, MailFrequency::DEFAULT.as_str(), fresh],
    )?;
    let sql = "SELECT unsubscribe_token FROM mail_settings WHERE user_id = $1 AND approach_id = $2";
    c.scalar(sql, params![user, approach])
}

/// Whose unsubscribe token it is: (person, approach, approach's name, frequency).
pub fn by_unsubscribe_token(
    c: &mut Sql<'_>,
    token: &str,
) -> Result<
    Option<(
        UserId,
        ApproachId,
        String,
        samenspel_domain::logbook::MailFrequency,
    )>,
> {
    let sql = "SELECT s.user_id, s.approach_id, a.name, s.frequency FROM mail_settings s \
               JOIN approaches a ON a.id = s.approach_id WHERE s.unsubscribe_token = $1";
    c.optional(sql, params![token])
}

crate::row! {
    /// A person and approach with notifications waiting for their e-mail.
    #[derive(Debug, Clone)]
    pub struct Waiting {
        pub user_id: UserId,
        pub approach_id: ApproachId,
        pub frequency: samenspel_domain::logbook::MailFrequency,
    }
}

/// People and approaches with unread notifications from the last eight days that have not gone
/// out by e-mail and whose e-mail is not "never"; at most 500.
pub fn waiting_for_mail(c: &mut Sql<'_>, now: OffsetDateTime) -> Result<Vec<Waiting>> {
    let sql = "SELECT DISTINCT n.user_id, n.approach_id, COALESCE(s.frequency, $2) AS frequency \
               FROM notifications n LEFT JOIN mail_settings s \
                 ON s.user_id = n.user_id AND s.approach_id = n.approach_id \
               WHERE n.mailed_at IS NULL AND n.read_at IS NULL AND n.created_at > $1 \
                 AND COALESCE(s.frequency, $2) <> 'never' \
               ORDER BY n.user_id, n.approach_id LIMIT 500";
    c.all(
        sql,
        params![
            now - time::Duration::days(8),
            MailFrequency::DEFAULT.as_str()
        ],
    )
}

/// Claims the person's waiting notifications about the approach from before `cutoff` for one
/// e-mail, marking them mailed at `now`, and returns the ones they may still see. Of two
/// workers claiming at once, only one gets them.
pub fn claim_for_mail(
    c: &mut Sql<'_>,
    user: UserId,
    approach: ApproachId,
    cutoff: OffsetDateTime,
    today: Date,
    now: OffsetDateTime,
) -> Result<Vec<Notice>> {
    let sql = "UPDATE notifications SET mailed_at = $4 WHERE user_id = $1 AND approach_id = $2 \
               AND mailed_at IS NULL AND read_at IS NULL AND created_at > $5 AND created_at <= $3";
    c.execute(
        sql,
        params![user, approach, cutoff, now, now - time::Duration::days(8)],
    )?;
    let sql = format!(
        "SELECT n.id, n.event, n.created_at, n.read_at, e.id AS entry_id, e.kind AS entry_kind, \
         e.title AS entry_title, a.id AS approach_id, a.name AS approach_name, u.name AS actor_name \
         FROM notifications n JOIN log_entries e ON e.id = n.entry_id \
         JOIN approaches a ON a.id = n.approach_id LEFT JOIN users u ON u.id = n.actor_id \
         WHERE {} AND n.approach_id = $3 AND n.mailed_at = $4 ORDER BY n.id",
        shows()
    );
    c.all(&sql, params![user, today, approach, now])
}

/// Reminds, once: the owner of each open action past its due date (the owner person, or else
/// the members of the owner party), and the members of the parties that took each decision
/// whose review date has come (unless a later decision superseded it). Claims the entries
/// first, so that two workers do not both remind. Returns how many reminders were made.
pub fn remind(c: &mut Sql<'_>, today: Date, now: OffsetDateTime) -> Result<u64> {
    let sql = "UPDATE log_entries SET reminded_on = $1 WHERE reminded_on IS NULL AND (\
               (kind = 'action' AND action_status IN ('open', 'in-progress') AND due_on < $1) \
               OR (kind = 'decision' AND review_on <= $1 \
                   AND NOT EXISTS (SELECT 1 FROM log_entries l WHERE l.supersedes_id = log_entries.id))) \
               RETURNING id, kind";
    let due: Vec<(EntryId, String)> = c.all(sql, params![today])?;
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
        let sql = format!(
            "INSERT INTO notifications (user_id, approach_id, entry_id, event, actor_id, created_at) \
             SELECT DISTINCT m.user_id, e.approach_id, e.id, $2, CAST(NULL AS BIGINT), $4 \
             FROM log_entries e JOIN approaches a ON a.id = e.approach_id \
             JOIN memberships m ON m.until IS NULL AND ({people}) \
             WHERE e.id = $1 AND {opens} AND {visible}",
            opens = opens_approach("m.user_id", "$3"),
            visible = visible_to("TRUE", "m.user_id"),
        );
        made += c.execute(&sql, params![entry, event, today, now])?;
    }
    Ok(made)
}
