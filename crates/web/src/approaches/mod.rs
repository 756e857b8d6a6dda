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
use crate::auth::Ctx;
use crate::error::AppError;
use crate::routes::{Access, ApproachScope, RouteTable};
use crate::state::AppState;
use axum::routing::{get, post};
use samenspel_domain::Language;
use samenspel_domain::method::{Pack, Phase};
use samenspel_domain::permissions::{ApproachPermission as P, Permission};
use samenspel_store::approaches::{self, ApproachRow, PartyRow};
use samenspel_store::sql::Sql;
use samenspel_store::{OrgId, approaches::Change};
use std::borrow::Borrow;
use std::sync::Arc;

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
}

/// What every page of an approach shows: the approach, its method version and its parties.
pub(crate) struct Workspace {
    pub approach: ApproachRow,
    pub pack: Arc<Pack>,
    pub parties: Vec<PartyRow>,
    /// Whether the approach uses the current version of the method.
    pub current_method: bool,
}

impl Workspace {
    /// Reads the workspace of the approach in `scope` on `c`.
    pub fn load_in(
        c: &mut Sql<'_>,
        state: &AppState,
        scope: &ApproachScope,
    ) -> Result<Self, AppError> {
        let approach = approaches::by_id(c, scope.id)?.ok_or(AppError::NotFound)?;
        let parties = approaches::parties(c, scope.id)?;
        let (current, _) = state.methods.current_in(c)?;
        let pack = state.methods.get_in(c, approach.pack_id)?;
        Ok(Workspace {
            current_method: current == approach.pack_id,
            approach,
            pack,
            parties,
        })
    }

    /// The parties of today.
    pub fn current_parties(&self) -> Vec<&PartyRow> {
        let today = crate::views::format::today();
        self.parties
            .iter()
            .filter(|p| p.is_current(today))
            .collect()
    }

    /// Whether the organisation is a party today.
    pub fn is_current_party(&self, org: OrgId) -> bool {
        let today = crate::views::format::today();
        self.parties
            .iter()
            .any(|p| p.organisation_id == org && p.is_current(today))
    }

    pub fn party_name(&self, org: impl Borrow<OrgId>) -> String {
        let org = *org.borrow();
        self.parties
            .iter()
            .find(|p| p.organisation_id == org)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    }

    pub fn phase_name(&self, lang: impl Borrow<Language>, key: &str) -> String {
        let lang = *lang.borrow();
        self.pack
            .phase(key)
            .map(|p| p.name.get(lang).to_owned())
            .unwrap_or_else(|| key.to_owned())
    }

    pub fn track_name(&self, lang: impl Borrow<Language>, key: &str) -> String {
        let lang = *lang.borrow();
        self.pack
            .track(key)
            .map(|t| t.name.get(lang).to_owned())
            .unwrap_or_else(|| key.to_owned())
    }

    /// The method's phases, each with its nodes as (key, title).
    pub fn nodes_by_phase(&self, lang: Language) -> Vec<(&Phase, Vec<(String, String)>)> {
        self.pack
            .phases
            .iter()
            .map(|phase| {
                let nodes = self
                    .pack
                    .nodes
                    .iter()
                    .filter(|n| n.phase == phase.key)
                    .map(|n| (n.key.clone(), n.title.get(lang).to_owned()))
                    .collect();
                (phase, nodes)
            })
            .collect()
    }

    pub fn node_title(&self, lang: impl Borrow<Language>, key: &str) -> String {
        let lang = *lang.borrow();
        self.pack
            .node(key)
            .map(|n| n.title.get(lang).to_owned())
            .unwrap_or_else(|| key.to_owned())
    }
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
            let mut text = format!("{who}: {}", ctx.t(&action_key(&c.action)));
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

/// The organisation the visitor acts for in a form: the posted `party` if it is one of theirs,
/// else their first. A posted party that is not theirs is refused rather than replaced.
pub(crate) fn acting(scope: &ApproachScope, posted: &str) -> Result<OrgId, AppError> {
    let chosen = parse_org(posted);
    if let Some(org) = chosen
        && !scope.own_parties().contains(&org)
    {
        return Err(AppError::Forbidden);
    }
    scope.acting_for(chosen).ok_or(AppError::Forbidden)
}

/// Parses an organisation id from a form field.
pub(crate) fn parse_org(input: &str) -> Option<OrgId> {
    input.trim().parse::<i64>().ok().map(OrgId)
}
