//! The kompas of one approach: the status of each knooppunt with its history, its lead and
//! involved parties, what one party needs from another there, notes, and progress counted per
//! phase and per track.
//!
//! Progress is kept by node key. A node without a row has not started.

use crate::sql::Sql;
use crate::{ApproachId, NeedId, OrgId, Result, StoreError, UserId, params};
use samenspel_domain::approaches::NodeStatus;
use samenspel_domain::method::{Node, Pack};
use std::collections::HashMap;
use time::OffsetDateTime;

crate::row! {
    /// A node's state in the approach.
    #[derive(Debug, Clone)]
    pub struct NodeState {
        pub node_key: String,
        pub status: samenspel_domain::approaches::NodeStatus,
        pub lead_id: Option<OrgId>,
        pub lead_name: Option<String>,
        pub updated_at: OffsetDateTime,
    }
}

/// Every node of the approach that has a state, including nodes that its method version no
/// longer has.
pub fn states(c: &mut Sql<'_>, approach: ApproachId) -> Result<Vec<NodeState>> {
    let sql = "SELECT np.node_key, np.status, np.lead_id, o.name AS lead_name, np.updated_at \
               FROM node_progress np LEFT JOIN organisations o ON o.id = np.lead_id \
               WHERE np.approach_id = $1";
    c.all(sql, params![approach])
}

pub fn state(c: &mut Sql<'_>, approach: ApproachId, node: &str) -> Result<Option<NodeState>> {
    let sql = "SELECT np.node_key, np.status, np.lead_id, o.name AS lead_name, np.updated_at \
               FROM node_progress np LEFT JOIN organisations o ON o.id = np.lead_id \
               WHERE np.approach_id = $1 AND np.node_key = $2";
    c.optional(sql, params![approach, node])
}

/// The organisations involved in each node: (node key, organisation).
pub fn involved(c: &mut Sql<'_>, approach: ApproachId) -> Result<Vec<(String, OrgId)>> {
    let sql = "SELECT node_key, organisation_id FROM node_involved WHERE approach_id = $1";
    c.all(sql, params![approach])
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
pub fn move_node(
    c: &mut Sql<'_>,
    approach: ApproachId,
    change: &Move<'_>,
    now: OffsetDateTime,
) -> Result<NodeStatus> {
    let existing = state(c, approach, change.node)?;
    let from = existing
        .as_ref()
        .map_or(NodeStatus::NotStarted, |s| s.status);
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
    let written = c.execute(
        sql,
        params![
            approach,
            change.node,
            change.to.as_str(),
            now,
            from.as_str()
        ],
    )?;
    if written == 0 {
        return Err(StoreError::Refused("error-node-changed"));
    }
    let sql = "INSERT INTO node_status_changes (approach_id, node_key, from_status, to_status, note, user_id, organisation_id, at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    c.execute(
        sql,
        params![
            approach,
            change.node,
            from.as_str(),
            change.to.as_str(),
            change.note,
            change.user,
            change.organisation,
            now
        ],
    )?;
    Ok(from)
}

crate::row! {
    /// One status change, for a node's history.
    #[derive(Debug, Clone)]
    pub struct StatusChange {
        pub from_status: String,
        pub to_status: String,
        pub note: String,
        pub user_name: Option<String>,
        pub organisation_name: Option<String>,
        pub at: OffsetDateTime,
    }
}

pub fn history(c: &mut Sql<'_>, approach: ApproachId, node: &str) -> Result<Vec<StatusChange>> {
    let sql = "SELECT h.from_status, h.to_status, h.note, u.name AS user_name, o.name AS organisation_name, h.at \
               FROM node_status_changes h LEFT JOIN users u ON u.id = h.user_id \
               LEFT JOIN organisations o ON o.id = h.organisation_id \
               WHERE h.approach_id = $1 AND h.node_key = $2 ORDER BY h.id DESC";
    c.all(sql, params![approach, node])
}

/// Sets who leads a node and who else is involved. The lead is also counted as involved.
pub fn set_parties(
    c: &mut Sql<'_>,
    approach: ApproachId,
    node: &str,
    lead: Option<OrgId>,
    involved: &[OrgId],
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO node_progress (approach_id, node_key, status, lead_id, updated_at) \
               VALUES ($1, $2, 'not-started', $3, $4) \
               ON CONFLICT (approach_id, node_key) DO UPDATE SET lead_id = excluded.lead_id, updated_at = excluded.updated_at";
    c.execute(sql, params![approach, node, lead, now])?;
    let sql = "DELETE FROM node_involved WHERE approach_id = $1 AND node_key = $2";
    c.execute(sql, params![approach, node])?;
    for org in involved.iter().chain(lead.iter()) {
        let sql = "INSERT INTO node_involved (approach_id, node_key, organisation_id) VALUES ($1, $2, $3) \
                   ON CONFLICT DO NOTHING";
        c.execute(sql, params![approach, node, org])?;
    }
    Ok(())
}

crate::row! {
    /// "Party X needs party Y here."
    #[derive(Debug, Clone)]
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
}

pub fn needs(c: &mut Sql<'_>, approach: ApproachId, node: &str) -> Result<Vec<Need>> {
    let sql = "SELECT n.id, n.from_id, f.name AS from_name, n.to_id, t.name AS to_name, n.note, n.created_at, n.resolved_at \
               FROM node_needs n JOIN organisations f ON f.id = n.from_id JOIN organisations t ON t.id = n.to_id \
               WHERE n.approach_id = $1 AND n.node_key = $2 ORDER BY (n.resolved_at IS NOT NULL), n.id";
    c.all(sql, params![approach, node])
}

/// Open needs per node: (node key, count), for the matrix.
pub fn open_needs(c: &mut Sql<'_>, approach: ApproachId) -> Result<Vec<(String, i64)>> {
    let sql = "SELECT node_key, COUNT(*) FROM node_needs WHERE approach_id = $1 AND resolved_at IS NULL \
               GROUP BY node_key";
    c.all(sql, params![approach])
}

pub struct NewNeed<'a> {
    pub node: &'a str,
    pub from: OrgId,
    pub to: OrgId,
    pub note: &'a str,
    pub user: UserId,
}

pub fn add_need(
    c: &mut Sql<'_>,
    approach: ApproachId,
    need: &NewNeed<'_>,
    now: OffsetDateTime,
) -> Result<NeedId> {
    let sql = "INSERT INTO node_needs (approach_id, node_key, from_id, to_id, note, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    c.scalar(
        sql,
        params![
            approach, need.node, need.from, need.to, need.note, need.user, now
        ],
    )
}

/// Marks a need as met. Returns false when there was no such open need.
pub fn resolve_need(
    c: &mut Sql<'_>,
    approach: ApproachId,
    node: &str,
    need: NeedId,
    now: OffsetDateTime,
) -> Result<bool> {
    let sql = "UPDATE node_needs SET resolved_at = $4 \
               WHERE approach_id = $1 AND node_key = $2 AND id = $3 AND resolved_at IS NULL";
    let changed = c.execute(sql, params![approach, node, need, now])?;
    Ok(changed > 0)
}

crate::row! {
    /// A note on a node.
    #[derive(Debug, Clone)]
    pub struct Note {
        pub body: String,
        pub user_name: Option<String>,
        pub organisation_name: Option<String>,
        pub created_at: OffsetDateTime,
    }
}

pub fn notes(c: &mut Sql<'_>, approach: ApproachId, node: &str) -> Result<Vec<Note>> {
    let sql = "SELECT n.body, u.name AS user_name, o.name AS organisation_name, n.created_at \
               FROM node_notes n LEFT JOIN users u ON u.id = n.user_id \
               LEFT JOIN organisations o ON o.id = n.organisation_id \
               WHERE n.approach_id = $1 AND n.node_key = $2 ORDER BY n.id DESC";
    c.all(sql, params![approach, node])
}

pub fn add_note(
    c: &mut Sql<'_>,
    approach: ApproachId,
    node: &str,
    body: &str,
    user: UserId,
    organisation: Option<OrgId>,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO node_notes (approach_id, node_key, body, user_id, organisation_id, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    c.execute(sql, params![approach, node, body, user, organisation, now])?;
    Ok(())
}

crate::row! {
    /// Progress of one group of nodes (a phase or a track).
    #[derive(Debug, Clone, Default)]
    pub struct Progress {
        pub key: String,
        pub total: i64,
        pub completed: i64,
        pub not_applicable: i64,
        /// Started or being revised.
        pub underway: i64,
        pub paused: i64,
    }
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

/// Progress per phase of the approach's method version, counted from the approach's node
/// states ([`states`]); the pack is in memory, so this needs no statement of its own.
pub fn progress_by_phase(pack: &Pack, states: &[NodeState]) -> Vec<Progress> {
    progress(pack, states, |node| std::slice::from_ref(&node.phase))
}

/// Progress per track; a node on two tracks counts for both.
pub fn progress_by_track(pack: &Pack, states: &[NodeState]) -> Vec<Progress> {
    progress(pack, states, |node| &node.tracks)
}

/// Counts the pack's nodes in each of their groups by the state they are in, in the order the
/// groups first appear; a node without a state has not started.
fn progress<'p>(
    pack: &'p Pack,
    states: &[NodeState],
    groups: impl Fn(&'p Node) -> &'p [String],
) -> Vec<Progress> {
    let status: HashMap<&str, NodeStatus> = states
        .iter()
        .map(|s| (s.node_key.as_str(), s.status))
        .collect();
    let mut counted: Vec<Progress> = Vec::new();
    for node in &pack.nodes {
        for key in groups(node) {
            let at = match counted.iter().position(|p| &p.key == key) {
                Some(at) => at,
                None => {
                    counted.push(Progress {
                        key: key.clone(),
                        ..Progress::default()
                    });
                    counted.len() - 1
                }
            };
            let group = &mut counted[at];
            group.total += 1;
            match status.get(node.key.as_str()) {
                Some(NodeStatus::Completed) => group.completed += 1,
                Some(NodeStatus::NotApplicable) => group.not_applicable += 1,
                Some(NodeStatus::Started | NodeStatus::Revised) => group.underway += 1,
                Some(NodeStatus::Paused) => group.paused += 1,
                Some(NodeStatus::NotStarted) | None => {}
            }
        }
    }
    counted
}
