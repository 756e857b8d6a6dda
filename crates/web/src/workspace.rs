//! What every page of an approach works with: the approach, its method version and its
//! parties ([`Workspace`]), and the organisation a visitor acts for in a form. Shared by the
//! approach's pages and its logbook.

use crate::http::{AppError, ApproachScope};
use crate::state::AppState;
use samenspel_domain::Language;
use samenspel_domain::method::{Pack, Phase};
use samenspel_store::OrgId;
use samenspel_store::approaches::{self, ApproachRow, PartyRow};
use samenspel_store::sql::Sql;
use std::borrow::Borrow;
use std::sync::Arc;

/// What every page of an approach shows: the approach, its method version and its parties.
pub struct Workspace {
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
        let today = crate::format::today();
        self.parties
            .iter()
            .filter(|p| p.is_current(today))
            .collect()
    }

    /// Whether the organisation is a party today.
    pub fn is_current_party(&self, org: OrgId) -> bool {
        let today = crate::format::today();
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

/// The organisation the visitor acts for in a form: the posted `party` if it is one of theirs,
/// else their first. A posted party that is not theirs is refused rather than replaced.
pub fn acting(scope: &ApproachScope, posted: &str) -> Result<OrgId, AppError> {
    let chosen = parse_org(posted);
    if let Some(org) = chosen
        && !scope.own_parties().contains(&org)
    {
        return Err(AppError::Forbidden);
    }
    scope.acting_for(chosen).ok_or(AppError::Forbidden)
}

/// Parses an organisation id from a form field.
pub fn parse_org(input: &str) -> Option<OrgId> {
    input.trim().parse::<i64>().ok().map(OrgId)
}
