//! The kompas of one approach: the status of each knooppunt with its history, its lead and
//! involved parties, what one party needs from another there, notes, and progress counted per
//! phase and per track.
//!
//! Progress is kept by node key. A node without a row has not started.

use crate::{ApproachId, Exec, NeedId, OrgId, PackId, Result, StoreError, UserId, dispatch};
use samenspel_domain::approaches::NodeStatus;
use time::OffsetDateTime;

/// A node's state in the approach.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NodeState {
    pub node_key: String,
    pub status: String,
    pub lead_id: Option<OrgId>,
    pub lead_name: Option<String>,
    pub updated_at: OffsetDateTime,
}

/// Every node of the approach that has a state, including nodes that its method version no
/// longer has.
pub async fn states(ex: Exec<'_>, approach: ApproachId) -> Result<Vec<NodeState>> {
    let sql = "SELECT np.node_key, np.status, np.lead_id, o.name AS lead_name, np.updated_at \
               FROM node_progress np LEFT JOIN organisations o ON o.id = np.lead_id \
               WHERE np.approach_id = $1";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(approach).fetch_all(c).await?))
}

pub async fn state(ex: Exec<'_>, approach: ApproachId, node: &str) -> Result<Option<NodeState>> {
    let sql = "SELECT np.node_key, np.status, np.lead_id, o.name AS lead_name, np.updated_at \
               FROM node_progress np LEFT JOIN organisations o ON o.id = np.lead_id \
               WHERE np.approach_id = $1 AND np.node_key = $2";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(approach).bind(node).fetch_optional(c).await?))
}

/// The organisations involved in each node: (node key, organisation).
pub async fn involved(ex: Exec<'_>, approach: ApproachId) -> Result<Vec<(String, OrgId)>> {
    let sql = "SELECT node_key, organisation_id FROM node_involved WHERE approach_id = $1";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(approach).fetch_all(c).await?))
}

/// A status change to record.
pub struct Move<'a> {
    pub node: &'a str,
    pub to: NodeStatus,
    pub note: &'a str,
    pub user: UserId,
    /// The party on whose behalf the change was made.
    pub organisation: Option<OrgId>,
}

/// Moves a node to a new status and records the change. The move is checked against the status
/// read in the same transaction and written only if that status still holds, so two people
/// moving the same node cannot both succeed. Returns the status it came from.
pub async fn move_node(
    mut ex: Exec<'_>,
    approach: ApproachId,
    change: &Move<'_>,
    now: OffsetDateTime,
) -> Result<NodeStatus> {
    let existing = state(ex.reborrow(), approach, change.node).await?;
    let from = existing
        .as_ref()
        .and_then(|s| NodeStatus::parse(&s.status).ok())
        .unwrap_or(NodeStatus::NotStarted);
    if let Err(invalid) = from.check_move(change.to) {
        return Err(StoreError::Refused(invalid.key));
    }
    // The write holds only if the status is still the one checked: of two people moving the
    // same node at once, the second is told that it changed (PostgreSQL does not queue writers
    // the way SQLite's BEGIN IMMEDIATE does).
    let sql = if existing.is_some() {
        "UPDATE node_progress SET status = $3, updated_at = $4 \
         WHERE approach_id = $1 AND node_key = $2 AND status = $5"
    } else {
        "INSERT INTO node_progress (approach_id, node_key, status, updated_at) \
         SELECT $1, $2, $3, $4 WHERE $5 = $5 ON CONFLICT (approach_id, node_key) DO NOTHING"
    };
    let written = dispatch!(ex.reborrow(), c => sqlx::query(sql).bind(approach).bind(change.node)
        .bind(change.to.as_str()).bind(now).bind(from.as_str()).execute(c).await?.rows_affected());
    if written == 0 {
        return Err(StoreError::Refused("error-node-changed"));
    }
    let sql = "INSERT INTO node_status_changes (approach_id, node_key, from_status, to_status, note, user_id, organisation_id, at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    dispatch!(ex, c => sqlx::query(sql).bind(approach).bind(change.node).bind(from.as_str())
        .bind(change.to.as_str()).bind(change.note).bind(change.user).bind(change.organisation)
        .bind(now).execute(c).await?.rows_affected());
    Ok(from)
}

/// One status change, for a node's history.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StatusChange {
    pub from_status: String,
    pub to_status: String,
    pub note: String,
    pub user_name: Option<String>,
    pub organisation_name: Option<String>,
    pub at: OffsetDateTime,
}

pub async fn history(ex: Exec<'_>, approach: ApproachId, node: &str) -> Result<Vec<StatusChange>> {
    let sql = "SELECT h.from_status, h.to_status, h.note, u.name AS user_name, o.name AS organisation_name, h.at \
               FROM node_status_changes h LEFT JOIN users u ON u.id = h.user_id \
               LEFT JOIN organisations o ON o.id = h.organisation_id \
               WHERE h.approach_id = $1 AND h.node_key = $2 ORDER BY h.id DESC";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(approach).bind(node).fetch_all(c).await?))
}

/// Sets who leads a node and who else is involved. The lead is also counted as involved.
pub async fn set_parties(
    mut ex: Exec<'_>,
    approach: ApproachId,
    node: &str,
    lead: Option<OrgId>,
    involved: &[OrgId],
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO node_progress (approach_id, node_key, status, lead_id, updated_at) \
               VALUES ($1, $2, 'not-started', $3, $4) \
               ON CONFLICT (approach_id, node_key) DO UPDATE SET lead_id = excluded.lead_id, updated_at = excluded.updated_at";
    dispatch!(ex.reborrow(), c => sqlx::query(sql).bind(approach).bind(node).bind(lead).bind(now)
        .execute(c).await?.rows_affected());
    let sql = "DELETE FROM node_involved WHERE approach_id = $1 AND node_key = $2";
    dispatch!(ex.reborrow(), c => sqlx::query(sql).bind(approach).bind(node).execute(c).await?.rows_affected());
    for org in involved.iter().chain(lead.iter()) {
        let sql = "INSERT INTO node_involved (approach_id, node_key, organisation_id) VALUES ($1, $2, $3) \
                   ON CONFLICT DO NOTHING";
        dispatch!(ex.reborrow(), c => sqlx::query(sql).bind(approach).bind(node).bind(org)
            .execute(c).await?.rows_affected());
    }
    Ok(())
}

/// "Party X needs party Y here."
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Need {
    pub id: NeedId,
    pub from_id: OrgId,
    pub from_name: String,
    pub to_id: OrgId,
    pub to_name: String,
    pub note: String,
    pub created_at: OffsetDateTime,
    pub resolved_at: Option<OffsetDateTime>,
}

pub async fn needs(ex: Exec<'_>, approach: ApproachId, node: &str) -> Result<Vec<Need>> {
    let sql = "SELECT n.id, n.from_id, f.name AS from_name, n.to_id, t.name AS to_name, n.note, n.created_at, n.resolved_at \
               FROM node_needs n JOIN organisations f ON f.id = n.from_id JOIN organisations t ON t.id = n.to_id \
               WHERE n.approach_id = $1 AND n.node_key = $2 ORDER BY (n.resolved_at IS NOT NULL), n.id";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(approach).bind(node).fetch_all(c).await?))
}

/// Open needs per node: (node key, count), for the matrix.
pub async fn open_needs(ex: Exec<'_>, approach: ApproachId) -> Result<Vec<(String, i64)>> {
    let sql = "SELECT node_key, COUNT(*) FROM node_needs WHERE approach_id = $1 AND resolved_at IS NULL \
               GROUP BY node_key";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(approach).fetch_all(c).await?))
}

pub struct NewNeed<'a> {
    pub node: &'a str,
    pub from: OrgId,
    pub to: OrgId,
    pub note: &'a str,
    pub user: UserId,
}

pub async fn add_need(
    ex: Exec<'_>,
    approach: ApproachId,
    need: &NewNeed<'_>,
    now: OffsetDateTime,
) -> Result<NeedId> {
    let sql = "INSERT INTO node_needs (approach_id, node_key, from_id, to_id, note, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    Ok(
        dispatch!(ex, c => sqlx::query_scalar(sql).bind(approach).bind(need.node).bind(need.from)
        .bind(need.to).bind(need.note).bind(need.user).bind(now).fetch_one(c).await?),
    )
}

/// Marks a need as met. Returns false when there was no such open need.
pub async fn resolve_need(
    ex: Exec<'_>,
    approach: ApproachId,
    node: &str,
    need: NeedId,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE node_needs SET resolved_at = $4 \
               WHERE approach_id = $1 AND node_key = $2 AND id = $3 AND resolved_at IS NULL";
    let changed = dispatch!(ex, c => sqlx::query(sql).bind(approach).bind(node).bind(need)
        .bind(now).execute(c).await?.rows_affected());
    Ok(changed > 0)
}

/// A note on a node.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Note {
    pub body: String,
    pub user_name: Option<String>,
    pub organisation_name: Option<String>,
    pub created_at: OffsetDateTime,
}

pub async fn notes(ex: Exec<'_>, approach: ApproachId, node: &str) -> Result<Vec<Note>> {
    let sql = "SELECT n.body, u.name AS user_name, o.name AS organisation_name, n.created_at \
               FROM node_notes n LEFT JOIN users u ON u.id = n.user_id \
               LEFT JOIN organisations o ON o.id = n.organisation_id \
               WHERE n.approach_id = $1 AND n.node_key = $2 ORDER BY n.id DESC";
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(approach).bind(node).fetch_all(c).await?))
}

pub async fn add_note(
    ex: Exec<'_>,
    approach: ApproachId,
    node: &str,
    body: &str,
    user: UserId,
    organisation: Option<OrgId>,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO node_notes (approach_id, node_key, body, user_id, organisation_id, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    dispatch!(ex, c => sqlx::query(sql).bind(approach).bind(node).bind(body).bind(user)
        .bind(organisation).bind(now).execute(c).await?.rows_affected());
    Ok(())
}

/// Progress of one group of nodes (a phase or a track).
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct Progress {
    pub key: String,
    pub total: i64,
    pub completed: i64,
    pub not_applicable: i64,
    /// Started or being revised.
    pub underway: i64,
    pub paused: i64,
}

impl Progress {
    /// Completed nodes as a share of the nodes that apply, in whole percent.
    pub fn percent(&self) -> i64 {
        let applicable = self.total - self.not_applicable;
        if applicable <= 0 {
            return 0;
        }
        self.completed * 100 / applicable
    }
}

const COUNTS: &str = "COUNT(*) AS total, \
     SUM(CASE WHEN np.status = 'completed' THEN 1 ELSE 0 END) AS completed, \
     SUM(CASE WHEN np.status = 'not-applicable' THEN 1 ELSE 0 END) AS not_applicable, \
     SUM(CASE WHEN np.status IN ('started', 'revised') THEN 1 ELSE 0 END) AS underway, \
     SUM(CASE WHEN np.status = 'paused' THEN 1 ELSE 0 END) AS paused";

/// Progress per phase of the approach's method version.
pub async fn progress_by_phase(
    ex: Exec<'_>,
    approach: ApproachId,
    pack: PackId,
) -> Result<Vec<Progress>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT mn.phase_key AS key, {COUNTS} FROM method_nodes mn \
         LEFT JOIN node_progress np ON np.approach_id = $1 AND np.node_key = mn.node_key \
         WHERE mn.pack_id = $2 GROUP BY mn.phase_key"
    ));
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(approach).bind(pack).fetch_all(c).await?))
}

/// Progress per track; a node on two tracks counts for both.
pub async fn progress_by_track(
    ex: Exec<'_>,
    approach: ApproachId,
    pack: PackId,
) -> Result<Vec<Progress>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT mt.track_key AS key, {COUNTS} FROM method_node_tracks mt \
         LEFT JOIN node_progress np ON np.approach_id = $1 AND np.node_key = mt.node_key \
         WHERE mt.pack_id = $2 GROUP BY mt.track_key"
    ));
    Ok(dispatch!(ex, c => sqlx::query_as(sql).bind(approach).bind(pack).fetch_all(c).await?))
}
