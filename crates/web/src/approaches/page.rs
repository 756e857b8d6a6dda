//! The project page of an approach: at a glance, which phase, who takes part and as what, the
//! contact point, progress on the kompas, the shared ambition, the next knooppunten and what
//! changed since the reader's last visit.

use super::{ChangeLine, describe};
use crate::http::AppError;
use crate::http::ApproachScope;
use crate::http::Ctx;
use crate::state::AppState;
use crate::views::render;
use crate::workspace::Workspace;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use samenspel_domain::approaches::NodeStatus;
use samenspel_domain::method::Node;
use samenspel_domain::permissions::ApproachPermission;
use samenspel_store::ambition;
use samenspel_store::approaches::{self, AreaRow, PartyRow, SubprojectRow};
use samenspel_store::kompas::{self, Progress};
use samenspel_store::logbook::{self, Listed};
use samenspel_store::sql::Sql;
use samenspel_store::{ApproachId, UserId};
use std::collections::HashMap;

/// A node to work on next, with its status.
pub(crate) struct NextNode<'a> {
    pub node: &'a Node,
    pub status: NodeStatus,
}

/// Progress of a phase, named.
pub(crate) struct Named {
    pub key: String,
    pub name: String,
    pub progress: Progress,
}

#[derive(Template)]
#[template(path = "approaches/show.html")]
struct ShowView<'a> {
    ctx: &'a Ctx,
    ws: &'a Workspace,
    areas: Vec<AreaRow>,
    parties: Vec<&'a PartyRow>,
    subprojects: Vec<SubprojectRow>,
    phases: Vec<Named>,
    next: Vec<NextNode<'a>>,
    agreed: usize,
    goals_overdue: usize,
    goals_total: usize,
    changes: Vec<ChangeLine>,
    /// The newest logbook entries the reader sees, and how many actions are overdue.
    logbook: Vec<Listed>,
    actions_overdue: i64,
    today: time::Date,
    /// The reader's previous visit, if any.
    last_visit: Option<String>,
    can_manage: bool,
}

impl ShowView<'_> {
    fn phase_name(&self) -> String {
        self.ws
            .phase_name(self.ctx.lang, &self.ws.approach.phase_key)
    }

    fn phase_result(&self) -> String {
        self.ws
            .pack
            .phase(&self.ws.approach.phase_key)
            .map(|p| p.result.get(self.ctx.lang).to_owned())
            .unwrap_or_default()
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    let (page, visit) = db.read(move |c| show_in(c, &state, &ctx, &scope)).await?;
    // Remembering the visit is a write, so it is a unit of its own, after the page's reads.
    if let Some((approach, user)) = visit {
        let now = samenspel_store::now();
        db.write(move |c| approaches::record_visit(c, approach, user, now))
            .await?;
    }
    Ok(page)
}

/// The page, and the visit to remember (approach and person) when this one starts a new visit.
fn show_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
) -> Result<(Response, Option<(ApproachId, UserId)>), AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let now = samenspel_store::now();
    let today = crate::format::today();
    let areas = approaches::areas(c, scope.id)?;
    let subprojects = approaches::subprojects(c, scope.id)?;
    let states = kompas::states(c, scope.id)?;
    let by_phase = kompas::progress_by_phase(&ws.pack, &states);
    let agreements = ambition::agreements(c, scope.id)?;
    let goals = ambition::goals(c, scope.id)?;
    let mut visit = None;
    let last_visit = match &ctx.user {
        Some(user) => {
            let last = approaches::last_visit(c, scope.id, user.id)?;
            // A reload within ten minutes is the same visit: it stays a read.
            if last.is_none_or(|at| now - at >= time::Duration::minutes(10)) {
                visit = Some((scope.id, user.id));
            }
            last
        }
        None => None,
    };
    let changes = approaches::changes(c, scope.id, last_visit, 30)?;
    let reader = crate::logbook::audience::audience(ctx, scope);
    let (logbook, _) =
        logbook::timeline(c, scope.id, reader, &logbook::Filter::default(), None, 5)?;
    let actions_overdue = logbook::overdue_actions(c, scope.id, reader, today)?;
    let by_phase: HashMap<String, Progress> =
        by_phase.into_iter().map(|p| (p.key.clone(), p)).collect();
    let phases = ws
        .pack
        .phases
        .iter()
        .map(|p| Named {
            key: p.key.clone(),
            name: p.name.get(ctx.lang).to_owned(),
            progress: by_phase.get(&p.key).cloned().unwrap_or_default(),
        })
        .collect();
    let status: HashMap<&str, NodeStatus> = states
        .iter()
        .map(|s| (s.node_key.as_str(), s.status))
        .collect();
    // Next: the open nodes of the approach's phase, those under way first.
    let mut next: Vec<NextNode> = ws
        .pack
        .nodes
        .iter()
        .filter(|n| n.phase == ws.approach.phase_key)
        .map(|node| NextNode {
            node,
            status: status
                .get(node.key.as_str())
                .copied()
                .unwrap_or(NodeStatus::NotStarted),
        })
        .filter(|n| !n.status.is_done())
        .collect();
    next.sort_by_key(|n| match n.status {
        NodeStatus::Started | NodeStatus::Revised => 0,
        NodeStatus::Paused => 1,
        _ => 2,
    });
    next.truncate(6);
    let current: Vec<_> = ws
        .current_parties()
        .iter()
        .map(|p| p.organisation_id)
        .collect();
    let agreed = agreements
        .iter()
        .filter(|(org, version, _)| {
            *version == ws.approach.ambition_version && current.contains(org)
        })
        .count();
    let changes = describe(ctx, &ws, &changes);
    let view = ShowView {
        ctx,
        ws: &ws,
        areas,
        parties: ws.current_parties(),
        subprojects,
        phases,
        next,
        agreed,
        goals_overdue: goals.iter().filter(|g| g.is_overdue(today)).count(),
        goals_total: goals.len(),
        changes,
        logbook,
        actions_overdue,
        today,
        last_visit: last_visit.map(|at| ctx.datetime(&at)),
        can_manage: scope.standing.allows(ApproachPermission::Manage),
    };
    Ok((render(&view), visit))
}
