//! The wijkaanpak workspace: a municipality's approaches, the project page, settings and
//! status, parties and sub-projects, the kompas with its knooppunten, each party's
//! perspective, positions, the shared ambition and goals.

mod ambition;
mod kompas;
mod overview;
mod page;
pub(crate) mod parties;
mod settings;

use crate::admin::audit_log::action_key;
use crate::audit::Action;
use crate::http::Ctx;
use crate::http::{Access, RouteTable};
use crate::state::AppState;
use crate::workspace::Workspace;
use axum::routing::{get, post};
use samenspel_domain::permissions::{ApproachPermission as P, Permission};
use samenspel_store::ApproachId;
use samenspel_store::approaches::Change;

pub fn routes(state: AppState) -> RouteTable {
    let a = Access::Approach;
    RouteTable::new(state)
        .route("GET", "/approaches", Access::LoggedIn, get(overview::hub))
        .route(
            "GET",
            "/municipalities/{org}/approaches",
            Access::Org(Permission::ManageApproaches),
            get(overview::list),
        )
        .route(
            "GET",
            "/municipalities/{org}/approaches/new",
            Access::Org(Permission::ManageApproaches),
            get(overview::new_show),
        )
        .route(
            "POST",
            "/municipalities/{org}/approaches/new",
            Access::Org(Permission::ManageApproaches),
            post(overview::new_submit),
        )
        .route("GET", "/approaches/{approach}", a(P::View), get(page::show))
        .route(
            "GET",
            "/approaches/{approach}/settings",
            a(P::Manage),
            get(settings::show),
        )
        .route(
            "POST",
            "/approaches/{approach}/settings",
            a(P::Manage),
            post(settings::submit),
        )
        .route(
            "POST",
            "/approaches/{approach}/status",
            a(P::Manage),
            post(settings::status),
        )
        .route(
            "POST",
            "/approaches/{approach}/method",
            a(P::Manage),
            post(settings::move_method),
        )
        .route(
            "GET",
            "/approaches/{approach}/parties",
            a(P::View),
            get(parties::show),
        )
        .route(
            "POST",
            "/approaches/{approach}/parties",
            a(P::Manage),
            post(parties::add),
        )
        .route(
            "GET",
            "/approaches/{approach}/parties/{party}",
            a(P::Manage),
            get(parties::edit),
        )
        .route(
            "POST",
            "/approaches/{approach}/parties/{party}",
            a(P::Manage),
            post(parties::update),
        )
        .route(
            "GET",
            "/approaches/{approach}/leave",
            a(P::Contribute),
            get(parties::leave_page),
        )
        .route(
            "POST",
            "/approaches/{approach}/leave",
            a(P::Contribute),
            post(parties::leave),
        )
        .route(
            "POST",
            "/approaches/{approach}/subprojects",
            a(P::Manage),
            post(parties::add_subproject),
        )
        .route(
            "GET",
            "/approaches/{approach}/subprojects/{subproject}",
            a(P::Manage),
            get(parties::edit_subproject),
        )
        .route(
            "POST",
            "/approaches/{approach}/subprojects/{subproject}",
            a(P::Manage),
            post(parties::update_subproject),
        )
        .route(
            "GET",
            "/approaches/{approach}/kompas",
            a(P::View),
            get(kompas::matrix),
        )
        .route(
            "GET",
            "/approaches/{approach}/kompas/{node}",
            a(P::View),
            get(kompas::node),
        )
        .route(
            "POST",
            "/approaches/{approach}/kompas/{node}/status",
            a(P::Work),
            post(kompas::move_node),
        )
        .route(
            "POST",
            "/approaches/{approach}/kompas/{node}/parties",
            a(P::Work),
            post(kompas::set_parties),
        )
        .route(
            "POST",
            "/approaches/{approach}/kompas/{node}/needs",
            a(P::Contribute),
            post(kompas::add_need),
        )
        .route(
            "POST",
            "/approaches/{approach}/kompas/{node}/needs/{need}/resolve",
            a(P::Contribute),
            post(kompas::resolve_need),
        )
        .route(
            "POST",
            "/approaches/{approach}/kompas/{node}/notes",
            a(P::Contribute),
            post(kompas::add_note),
        )
        .route(
            "GET",
            "/approaches/{approach}/perspectives",
            a(P::View),
            get(kompas::perspectives),
        )
        .route(
            "POST",
            "/approaches/{approach}/perspectives",
            a(P::Contribute),
            post(kompas::save_perspective),
        )
        .route(
            "GET",
            "/approaches/{approach}/ambition",
            a(P::View),
            get(ambition::show),
        )
        .route(
            "POST",
            "/approaches/{approach}/positions",
            a(P::Contribute),
            post(ambition::add_position),
        )
        .route(
            "POST",
            "/approaches/{approach}/positions/{item}/remove",
            a(P::Contribute),
            post(ambition::remove_position),
        )
        .route(
            "POST",
            "/approaches/{approach}/positions/{item}/share",
            a(P::Contribute),
            post(ambition::share_position),
        )
        .route(
            "POST",
            "/approaches/{approach}/ambition",
            a(P::Work),
            post(ambition::save_ambition),
        )
        .route(
            "POST",
            "/approaches/{approach}/ambition/agree",
            a(P::Contribute),
            post(ambition::agree),
        )
        .route(
            "POST",
            "/approaches/{approach}/goals",
            a(P::Work),
            post(ambition::add_goal),
        )
        .route(
            "POST",
            "/approaches/{approach}/goals/{goal}/progress",
            a(P::Contribute),
            post(ambition::update_goal),
        )
        .route(
            "GET",
            "/approaches/{approach}/goals/{goal}/edit",
            a(P::Work),
            get(ambition::edit_goal_page),
        )
        .route(
            "POST",
            "/approaches/{approach}/goals/{goal}/edit",
            a(P::Work),
            post(ambition::edit_goal),
        )
        .route(
            "POST",
            "/approaches/{approach}/goals/{goal}/remove",
            a(P::Work),
            post(ambition::remove_goal),
        )
        .route(
            "POST",
            "/approaches/{approach}/goals/{goal}/restore",
            a(P::Work),
            post(ambition::restore_goal),
        )
}

/// A line of "what changed", in the reader's language.
pub(crate) struct ChangeLine {
    pub at: String,
    pub text: String,
}

/// Describes audit events of an approach in words: who, what (the audit log's label), and the
/// node or party it concerned.
pub(crate) fn describe(ctx: &Ctx, ws: &Workspace, changes: &[Change]) -> Vec<ChangeLine> {
    changes
        .iter()
        .map(|c| {
            let detail: serde_json::Value = serde_json::from_str(&c.changes).unwrap_or_default();
            let field = |name: &str| detail.get(name).and_then(|v| v.as_str()).unwrap_or("");
            let who = c
                .actor_name
                .clone()
                .unwrap_or_else(|| ctx.t("change-someone"));
            let mut text = format!("{who}: {}", ctx.t(&change_key(&c.action, &detail)));
            if !field("node").is_empty() {
                text.push_str(&format!(" — {}", ws.node_title(ctx.lang, field("node"))));
            }
            if !field("to").is_empty() {
                text.push_str(&format!(" ({})", ctx.t_of("node-status", field("to"))));
            }
            if !field("party_name").is_empty() {
                text.push_str(&format!(" — {}", field("party_name")));
            }
            ChangeLine {
                at: ctx.datetime(&c.at),
                text,
            }
        })
        .collect()
}

/// The words for what an audit event did. Where one action name covers two things (a help
/// request asked for or resolved; a goal added or its progress reported), the event's details
/// say which.
fn change_key(action: &str, detail: &serde_json::Value) -> String {
    let has = |field: &str| detail.get(field).is_some();
    let need = Action::NodeNeed(ApproachId(0)).name();
    let goal = Action::GoalChanged(ApproachId(0)).name();
    match action {
        a if a == need && has("resolved") => "change-need-resolved".to_owned(),
        a if a == need => "change-need-asked".to_owned(),
        a if a == goal && has("value") => "change-goal-progress".to_owned(),
        a if a == goal && has("goal_change") => format!(
            "change-goal-{}",
            detail["goal_change"].as_str().unwrap_or("edited")
        ),
        a if a == goal => "change-goal-added".to_owned(),
        _ => action_key(action),
    }
}
