//! Ambition and goals of an approach: each party's position (goals, wishes, interests,
//! expectations) item by item, which other parties share an item, the shared ambition with the
//! parties that agreed to its current version, and goals per horizon with their progress.

use crate::sql::Sql;
use crate::{
    ApproachId, Backend, GoalId, OrgId, PositionItemId, Result, StoreError, UserId, params,
};
use samenspel_domain::approaches::{Horizon, PositionKind};
use time::{Date, OffsetDateTime};

crate::row! {
    /// One item of a party's position, with the parties that share it.
    #[derive(Debug, Clone)]
    pub struct PositionItem {
        pub id: PositionItemId,
        pub organisation_id: OrgId,
        pub organisation_name: String,
        pub kind: samenspel_domain::approaches::PositionKind,
        pub body: String,
        /// Ids of the other parties that share the item, space-separated.
        pub shared_by: String,
    }
}

impl PositionItem {
    pub fn sharers(&self) -> Vec<OrgId> {
        self.shared_by
            .split_whitespace()
            .filter_map(|s| s.parse().ok().map(OrgId))
            .collect()
    }
}

pub fn positions(c: &mut Sql<'_>, approach: ApproachId) -> Result<Vec<PositionItem>> {
    let agg = match c.backend() {
        Backend::Sqlite => "group_concat(s.organisation_id, ' ')",
        Backend::Postgres => "string_agg(s.organisation_id::text, ' ')",
    };
    let sql = format!(
        "SELECT i.id, i.organisation_id, o.name AS organisation_name, i.kind, i.body, \
         COALESCE((SELECT {agg} FROM position_shares s WHERE s.item_id = i.id), '') AS shared_by \
         FROM position_items i JOIN organisations o ON o.id = i.organisation_id \
         WHERE i.approach_id = $1 ORDER BY i.kind, o.name, i.id"
    );
    c.all(&sql, params![approach])
}

pub fn add_position(
    c: &mut Sql<'_>,
    approach: ApproachId,
    organisation: OrgId,
    kind: PositionKind,
    body: &str,
    user: UserId,
    now: OffsetDateTime,
) -> Result<PositionItemId> {
    let sql = "INSERT INTO position_items (approach_id, organisation_id, kind, body, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    c.scalar(
        sql,
        params![approach, organisation, kind.as_str(), body, user, now],
    )
}

/// Removes one of the party's own items from its position. Parties taking part on `today`
/// that said the item holds for them too keep it: it passes to the first of them that shared
/// it, and only an item no such party shares is deleted. Returns the party it passed to, if
/// any. The item changes hands only if `organisation` still holds it, so of two removals at
/// once one is refused.
pub fn remove_position(
    c: &mut Sql<'_>,
    approach: ApproachId,
    organisation: OrgId,
    item: PositionItemId,
    today: Date,
) -> Result<Option<OrgId>> {
    let sql = "SELECT s.organisation_id FROM position_shares s \
               JOIN approach_parties p ON p.approach_id = $2 AND p.organisation_id = s.organisation_id \
               WHERE s.item_id = $1 AND (p.until IS NULL OR p.until >= $3) \
               ORDER BY s.created_at, s.organisation_id LIMIT 1";
    let heir: Option<OrgId> = c.optional_scalar(sql, params![item, approach, today])?;
    let changed = match heir {
        Some(heir) => {
            let sql = "UPDATE position_items SET organisation_id = $4 \
                       WHERE approach_id = $1 AND organisation_id = $2 AND id = $3";
            let changed = c.execute(sql, params![approach, organisation, item, heir])?;
            let sql = "DELETE FROM position_shares WHERE item_id = $1 AND organisation_id = $2";
            c.execute(sql, params![item, heir])?;
            changed
        }
        None => {
            let sql = "DELETE FROM position_items \
                       WHERE approach_id = $1 AND organisation_id = $2 AND id = $3";
            c.execute(sql, params![approach, organisation, item])?
        }
    };
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(heir)
}

/// Says that `organisation` shares another party's item (or no longer does). A party cannot
/// share its own item.
pub fn share_position(
    c: &mut Sql<'_>,
    approach: ApproachId,
    item: PositionItemId,
    organisation: OrgId,
    share: bool,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "SELECT organisation_id FROM position_items WHERE approach_id = $1 AND id = $2";
    let owner: Option<OrgId> = c.optional_scalar(sql, params![approach, item])?;
    match owner {
        None => return Err(StoreError::NotFound),
        Some(owner) if owner == organisation => {
            return Err(StoreError::Refused("error-position-own"));
        }
        Some(_) => {}
    }
    if share {
        let sql = "INSERT INTO position_shares (item_id, organisation_id, created_at) VALUES ($1, $2, $3) \
                   ON CONFLICT DO NOTHING";
        c.execute(sql, params![item, organisation, now])?;
    } else {
        let sql = "DELETE FROM position_shares WHERE item_id = $1 AND organisation_id = $2";
        c.execute(sql, params![item, organisation])?;
    }
    Ok(())
}

/// Replaces the shared ambition's text. A new version asks every party to agree again.
/// `expected_version` is the version the writer saw; if someone changed it since, the write is
/// refused so that nobody overwrites another's text unseen.
pub fn set_ambition(
    c: &mut Sql<'_>,
    approach: ApproachId,
    text: &str,
    expected_version: i64,
    now: OffsetDateTime,
) -> Result<i64> {
    let sql = "UPDATE approaches SET ambition = $2, ambition_version = ambition_version + 1, \
               ambition_updated_at = $3, updated_at = $3 WHERE id = $1 AND ambition_version = $4 \
               RETURNING ambition_version";
    let version: Option<i64> =
        c.optional_scalar(sql, params![approach, text, now, expected_version])?;
    version.ok_or(StoreError::Refused("error-ambition-changed"))
}

/// Records that a party agrees to a version of the shared ambition.
pub fn agree(
    c: &mut Sql<'_>,
    approach: ApproachId,
    organisation: OrgId,
    version: i64,
    user: UserId,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO ambition_agreements (approach_id, organisation_id, version, agreed_by, agreed_at) \
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT (approach_id, organisation_id) DO UPDATE \
               SET version = excluded.version, agreed_by = excluded.agreed_by, agreed_at = excluded.agreed_at";
    c.execute(sql, params![approach, organisation, version, user, now])?;
    Ok(())
}

/// The parties' agreements: (organisation, version agreed to, when).
pub fn agreements(
    c: &mut Sql<'_>,
    approach: ApproachId,
) -> Result<Vec<(OrgId, i64, OffsetDateTime)>> {
    let sql = "SELECT organisation_id, version, agreed_at FROM ambition_agreements WHERE approach_id = $1";
    c.all(sql, params![approach])
}

crate::row! {
    /// A goal with its latest progress.
    #[derive(Debug, Clone)]
    pub struct GoalRow {
        pub id: GoalId,
        pub horizon: String,
        pub title: String,
        pub indicator: String,
        pub target_value: String,
        pub target_date: Option<Date>,
        pub owner_id: Option<OrgId>,
        pub owner_name: Option<String>,
        pub achieved_on: Option<Date>,
        pub latest_value: Option<String>,
        pub latest_at: Option<OffsetDateTime>,
        /// When it was set aside (removed goals only).
        pub removed_at: Option<OffsetDateTime>,
    }
}

impl GoalRow {
    /// Past its target date and not achieved.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.achieved_on.is_none() && self.target_date.is_some_and(|d| d < today)
    }
}

const GOAL_COLUMNS: &str = "g.id, g.horizon, g.title, g.indicator, g.target_value, g.target_date, \
    g.owner_id, o.name AS owner_name, g.achieved_on, \
    (SELECT u.value FROM goal_updates u WHERE u.goal_id = g.id ORDER BY u.id DESC LIMIT 1) AS latest_value, \
    (SELECT u.at FROM goal_updates u WHERE u.goal_id = g.id ORDER BY u.id DESC LIMIT 1) AS latest_at, \
    g.removed_at";

/// The approach's goals, soonest target first; not those set aside.
pub fn goals(c: &mut Sql<'_>, approach: ApproachId) -> Result<Vec<GoalRow>> {
    let sql = format!(
        "SELECT {GOAL_COLUMNS} FROM goals g LEFT JOIN organisations o ON o.id = g.owner_id \
         WHERE g.approach_id = $1 AND g.removed_at IS NULL \
         ORDER BY g.target_date IS NULL, g.target_date, g.id"
    );
    c.all(&sql, params![approach])
}

/// The goals set aside, last removed first.
pub fn removed_goals(c: &mut Sql<'_>, approach: ApproachId) -> Result<Vec<GoalRow>> {
    let sql = format!(
        "SELECT {GOAL_COLUMNS} FROM goals g LEFT JOIN organisations o ON o.id = g.owner_id \
         WHERE g.approach_id = $1 AND g.removed_at IS NOT NULL ORDER BY g.removed_at DESC, g.id"
    );
    c.all(&sql, params![approach])
}

/// One goal of the approach, set aside or not.
pub fn goal(c: &mut Sql<'_>, approach: ApproachId, goal: GoalId) -> Result<Option<GoalRow>> {
    let sql = format!(
        "SELECT {GOAL_COLUMNS} FROM goals g LEFT JOIN organisations o ON o.id = g.owner_id \
         WHERE g.approach_id = $1 AND g.id = $2"
    );
    c.optional(&sql, params![approach, goal])
}

/// Changes what a goal is; its progress reports stay as they were.
pub fn edit_goal(c: &mut Sql<'_>, approach: ApproachId, id: GoalId, goal: &NewGoal) -> Result<()> {
    let sql = "UPDATE goals SET horizon = $3, title = $4, indicator = $5, target_value = $6, \
               target_date = $7, owner_id = $8 WHERE approach_id = $1 AND id = $2";
    let changed = c.execute(
        sql,
        params![
            approach,
            id,
            goal.horizon.as_str(),
            &goal.title,
            &goal.indicator,
            &goal.target_value,
            goal.target_date,
            goal.owner
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Sets a goal aside (`Some(now)`) or puts it back (`None`).
pub fn set_goal_removed(
    c: &mut Sql<'_>,
    approach: ApproachId,
    id: GoalId,
    removed: Option<OffsetDateTime>,
) -> Result<()> {
    let sql = "UPDATE goals SET removed_at = $3 WHERE approach_id = $1 AND id = $2";
    if c.execute(sql, params![approach, id, removed])? == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// A goal to add.
#[derive(Debug, Clone)]
pub struct NewGoal {
    pub horizon: Horizon,
    pub title: String,
    pub indicator: String,
    pub target_value: String,
    pub target_date: Option<Date>,
    pub owner: Option<OrgId>,
}

pub fn add_goal(
    c: &mut Sql<'_>,
    approach: ApproachId,
    goal: &NewGoal,
    user: UserId,
    now: OffsetDateTime,
) -> Result<GoalId> {
    let sql = "INSERT INTO goals (approach_id, horizon, title, indicator, target_value, target_date, owner_id, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
    c.scalar(
        sql,
        params![
            approach,
            goal.horizon.as_str(),
            &goal.title,
            &goal.indicator,
            &goal.target_value,
            goal.target_date,
            goal.owner,
            user,
            now
        ],
    )
}

/// The target value of one of the approach's goals; `None` when it has no such goal.
pub fn target_value(c: &mut Sql<'_>, approach: ApproachId, goal: GoalId) -> Result<Option<String>> {
    let sql =
        "SELECT target_value FROM goals WHERE approach_id = $1 AND id = $2 AND removed_at IS NULL";
    c.optional_scalar(sql, params![approach, goal])
}

/// Progress reported on a goal; `achieved` marks it reached (on `today`).
pub struct GoalUpdate<'a> {
    pub value: &'a str,
    pub note: &'a str,
    pub achieved: bool,
    pub user: UserId,
    pub organisation: Option<OrgId>,
}

pub fn update_goal(
    c: &mut Sql<'_>,
    approach: ApproachId,
    goal: GoalId,
    update: &GoalUpdate<'_>,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "UPDATE goals SET achieved_on = CASE WHEN $3 THEN COALESCE(achieved_on, $4) ELSE NULL END \
               WHERE approach_id = $1 AND id = $2";
    let changed = c.execute(sql, params![approach, goal, update.achieved, now.date()])?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    let sql = "INSERT INTO goal_updates (goal_id, value, note, user_id, organisation_id, at) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    c.execute(
        sql,
        params![
            goal,
            update.value,
            update.note,
            update.user,
            update.organisation,
            now
        ],
    )?;
    Ok(())
}

crate::row! {
    /// One progress report on a goal.
    #[derive(Debug, Clone)]
    pub struct GoalUpdateRow {
        pub goal_id: GoalId,
        pub value: String,
        pub note: String,
        pub user_name: Option<String>,
        pub organisation_name: Option<String>,
        pub at: OffsetDateTime,
    }
}

/// Every progress report of the approach's goals, oldest first.
pub fn goal_updates(c: &mut Sql<'_>, approach: ApproachId) -> Result<Vec<GoalUpdateRow>> {
    let sql = "SELECT u.goal_id, u.value, u.note, us.name AS user_name, o.name AS organisation_name, u.at \
               FROM goal_updates u JOIN goals g ON g.id = u.goal_id \
               LEFT JOIN users us ON us.id = u.user_id LEFT JOIN organisations o ON o.id = u.organisation_id \
               WHERE g.approach_id = $1 ORDER BY u.id";
    c.all(sql, params![approach])
}
