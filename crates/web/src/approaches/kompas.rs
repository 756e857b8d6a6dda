//! The kompas: the method's phases × tracks with this approach's knooppunten and their status,
//! progress per phase and track, a knooppunt's page (status with history, lead and involved
//! parties, needs, notes), and each party's perspective side by side.

use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::ApproachScope;
use crate::http::Ctx;
use crate::state::AppState;
use crate::views::{render, render_or_refuse};
use crate::workspace::{Workspace, acting, parse_org};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use samenspel_domain::approaches::{NodeStatus, optional_text, required_text};
use samenspel_domain::method::{Node, Phase, Track};
use samenspel_domain::permissions::ApproachPermission;
use samenspel_store::kompas::{self, NodeState, Progress};
use samenspel_store::sql::Sql;
use samenspel_store::{NeedId, OrgId, StoreError, approaches};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// The matrix's filters, from the query string; anything unknown means "all".
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct MatrixQuery {
    pub track: String,
    pub party: String,
    pub status: String,
}

/// A node in a cell, with its state.
pub(crate) struct Item<'a> {
    pub node: &'a Node,
    pub status: NodeStatus,
    pub lead: Option<String>,
    pub needs: i64,
}

pub(crate) struct Cell<'a> {
    pub track: &'a Track,
    pub items: Vec<Item<'a>>,
}

pub(crate) struct Row<'a> {
    pub phase: &'a Phase,
    pub progress: Progress,
    pub cells: Vec<Cell<'a>>,
}

/// Progress on a node that the approach's version of the method no longer has.
pub(crate) struct Retired {
    pub key: String,
    pub title: String,
    pub status: NodeStatus,
}

#[derive(Template)]
#[template(path = "approaches/kompas.html")]
struct MatrixView<'a> {
    ctx: &'a Ctx,
    ws: &'a Workspace,
    query: MatrixQuery,
    tracks: Vec<&'a Track>,
    rows: Vec<Row<'a>>,
    track_progress: Vec<(&'a Track, Progress)>,
    total: Progress,
    retired: Vec<Retired>,
    statuses: &'static [NodeStatus],
    filtered: bool,
    can_manage: bool,
}

pub async fn matrix(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Query(query): Query<MatrixQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| matrix_in(c, &state, &ctx, &scope, query))
        .await
}

fn matrix_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    query: MatrixQuery,
) -> Result<Response, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let states = kompas::states(c, scope.id)?;
    let involved = kompas::involved(c, scope.id)?;
    let needs: HashMap<String, i64> = kompas::open_needs(c, scope.id)?.into_iter().collect();
    let by_phase = kompas::progress_by_phase(&ws.pack, &states);
    let by_track = kompas::progress_by_track(&ws.pack, &states);
    let pack = ws.pack.clone();
    let state_of: HashMap<&str, &NodeState> =
        states.iter().map(|s| (s.node_key.as_str(), s)).collect();
    let party = parse_org(&query.party);
    let party_nodes: HashSet<&str> = involved
        .iter()
        .filter(|(_, org)| Some(*org) == party)
        .map(|(key, _)| key.as_str())
        .collect();
    let status_filter = NodeStatus::parse(&query.status).ok();
    let track_filter = pack.track(&query.track).map(|t| t.key.clone());
    let tracks: Vec<&Track> = pack
        .tracks
        .iter()
        .filter(|t| track_filter.as_ref().is_none_or(|k| *k == t.key))
        .collect();
    let status_of = |key: &str| {
        state_of
            .get(key)
            .map(|s| s.status)
            .unwrap_or(NodeStatus::NotStarted)
    };
    let by_phase: HashMap<String, Progress> =
        by_phase.into_iter().map(|p| (p.key.clone(), p)).collect();
    let by_track: HashMap<String, Progress> =
        by_track.into_iter().map(|p| (p.key.clone(), p)).collect();
    let rows = pack
        .phases
        .iter()
        .map(|phase| Row {
            phase,
            progress: by_phase.get(&phase.key).cloned().unwrap_or_default(),
            cells: tracks
                .iter()
                .map(|track| Cell {
                    track,
                    items: pack
                        .nodes_in(&phase.key, &track.key)
                        .filter(|n| party.is_none() || party_nodes.contains(n.key.as_str()))
                        .map(|node| Item {
                            node,
                            status: status_of(&node.key),
                            lead: state_of
                                .get(node.key.as_str())
                                .and_then(|s| s.lead_name.clone()),
                            needs: needs.get(&node.key).copied().unwrap_or(0),
                        })
                        .filter(|i| status_filter.is_none_or(|s| s == i.status))
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let track_progress = pack
        .tracks
        .iter()
        .map(|t| (t, by_track.get(&t.key).cloned().unwrap_or_default()))
        .collect();
    let total = by_phase.values().fold(Progress::default(), |mut sum, p| {
        sum.total += p.total;
        sum.completed += p.completed;
        sum.not_applicable += p.not_applicable;
        sum.underway += p.underway;
        sum.paused += p.paused;
        sum
    });
    let mut retired = Vec::new();
    for s in states.iter().filter(|s| pack.node(&s.node_key).is_none()) {
        let title = state
            .methods
            .find_node_in(c, &s.node_key)?
            .map(|n| n.title.get(ctx.lang).to_owned())
            .unwrap_or_else(|| s.node_key.clone());
        retired.push(Retired {
            key: s.node_key.clone(),
            title,
            status: s.status,
        });
    }
    let filtered = track_filter.is_some() || party.is_some() || status_filter.is_some();
    let view = MatrixView {
        ctx,
        ws: &ws,
        query,
        tracks,
        rows,
        track_progress,
        total,
        retired,
        statuses: NodeStatus::ALL,
        filtered,
        can_manage: scope.standing.allows(ApproachPermission::Manage),
    };
    Ok(render(&view))
}

/// The forms on a node's page, with what a refused one held.
#[derive(Default)]
struct NodeForms {
    status: StatusForm,
    status_errors: FormErrors,
    parties: PartiesForm,
    parties_errors: FormErrors,
    need: NeedForm,
    need_errors: FormErrors,
    note: NoteForm,
    note_errors: FormErrors,
}

#[derive(Template)]
#[template(path = "approaches/node.html")]
struct NodeView<'a> {
    ctx: &'a Ctx,
    ws: &'a Workspace,
    node: Node,
    /// The approach's version of the method no longer has this node.
    retired: bool,
    status: NodeStatus,
    state: Option<NodeState>,
    involved: Vec<OrgId>,
    history: Vec<kompas::StatusChange>,
    needs: Vec<kompas::Need>,
    notes: Vec<kompas::Note>,
    /// The visitor's own parties, to act for.
    own: Vec<(OrgId, String)>,
    can_work: bool,
    can_contribute: bool,
    can_manage: bool,
    forms: NodeForms,
}

impl NodeView<'_> {
    fn is_involved(&self, org: impl std::borrow::Borrow<OrgId>) -> bool {
        self.involved.contains(org.borrow())
    }

    fn is_own(&self, org: impl std::borrow::Borrow<OrgId>) -> bool {
        self.own.iter().any(|(o, _)| o == org.borrow())
    }

    fn party_kind_name(&self, key: &str) -> String {
        self.ws
            .pack
            .party_kind(key)
            .map(|k| k.name.get(self.ctx.lang).to_owned())
            .unwrap_or_else(|| key.to_owned())
    }

    fn wijkkompas_name(&self, letter: &str) -> String {
        self.ws
            .pack
            .wijkkompas_track(letter)
            .map(|w| w.name.get(self.ctx.lang).to_owned())
            .unwrap_or_default()
    }
}

fn render_node(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    key: &str,
    forms: Option<NodeForms>,
) -> Result<Response, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let node_state = kompas::state(c, scope.id, key)?;
    let involved = kompas::involved(c, scope.id)?
        .into_iter()
        .filter(|(k, _)| k == key)
        .map(|(_, org)| org)
        .collect();
    let history = kompas::history(c, scope.id, key)?;
    let needs = kompas::needs(c, scope.id, key)?;
    let notes = kompas::notes(c, scope.id, key)?;
    let (node, retired) = match ws.pack.node(key) {
        Some(node) => (node.clone(), false),
        None if node_state.is_some() => (
            state
                .methods
                .find_node_in(c, key)?
                .ok_or(AppError::NotFound)?,
            true,
        ),
        None => return Err(AppError::NotFound),
    };
    let status = node_state
        .as_ref()
        .map(|s| s.status)
        .unwrap_or(NodeStatus::NotStarted);
    let own = scope
        .own_parties()
        .into_iter()
        .map(|org| (org, ws.party_name(org)))
        .collect();
    let failed = forms.is_some();
    let mut forms = forms.unwrap_or_default();
    if !failed {
        forms.parties.lead = node_state
            .as_ref()
            .and_then(|s| s.lead_id)
            .map(|l| l.to_string())
            .unwrap_or_default();
    }
    let view = NodeView {
        ctx,
        can_work: scope.standing.allows(ApproachPermission::Work) && !retired,
        can_contribute: scope.standing.allows(ApproachPermission::Contribute),
        can_manage: scope.standing.allows(ApproachPermission::Manage),
        ws: &ws,
        node,
        retired,
        status,
        state: node_state,
        involved,
        history,
        needs,
        notes,
        own,
        forms,
    };
    Ok(render_or_refuse(&view, failed))
}

pub async fn node(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, key)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| node_in(c, &state, &ctx, &scope, key))
        .await
}

fn node_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    key: String,
) -> Result<Response, AppError> {
    render_node(c, state, ctx, scope, &key, None)
}

/// The workspace, if the approach's version of the method has the node (only those can be
/// worked on).
fn with_node_in(
    c: &mut Sql<'_>,
    state: &AppState,
    scope: &ApproachScope,
    key: &str,
) -> Result<Workspace, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    match ws.pack.node(key) {
        Some(_) => Ok(ws),
        None => Err(AppError::NotFound),
    }
}

/// The node's page again, with what a refused form held.
fn refuse_node(scope: &ApproachScope, key: &str, forms: NodeForms) -> Outcome {
    let (scope, key) = (scope.clone(), key.to_owned());
    Outcome::refused(move |c, state, ctx| render_node(c, state, ctx, &scope, &key, Some(forms)))
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    pub status: String,
    pub note: String,
    pub party: String,
}

pub async fn move_node(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, key)): Path<(i64, String)>,
    FormData(form): FormData<StatusForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        move_node_in(c, state, ctx, &scope, &key, form)
    })
    .await
}

fn move_node_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    key: &str,
    form: StatusForm,
) -> Result<Outcome, AppError> {
    with_node_in(c, state, scope, key)?;
    let user = ctx.require_user()?.id;
    let mut errors = FormErrors::default();
    let to = errors.check("status", NodeStatus::parse(&form.status));
    let note = errors.check(
        "note",
        optional_text(&form.note, 2000, "error-node-status-note-long"),
    );
    let refuse = |errors: FormErrors, form: StatusForm| NodeForms {
        status: form,
        status_errors: errors,
        ..NodeForms::default()
    };
    let (Some(to), Some(note)) = (to, note) else {
        return Ok(refuse_node(scope, key, refuse(errors, form)));
    };
    let party = Some(acting(scope, &form.party)?);
    let now = samenspel_store::now();
    let step = kompas::Move {
        node: key,
        to,
        note: &note,
        user,
        organisation: party,
    };
    let from = match kompas::move_node(c, scope.id, &step, now) {
        Ok(from) => from,
        Err(StoreError::Refused(reason)) => {
            errors.add("status", reason);
            return Ok(refuse_node(scope, key, refuse(errors, form)));
        }
        Err(other) => return Err(other.into()),
    };
    Ok(Done::redirect(
        format!("/approaches/{}/kompas/{key}", scope.id),
        "flash-node-moved",
    )
    .audit(Event::new(
        Action::NodeMoved(scope.id),
        party,
        serde_json::json!({ "node": key, "from": from.as_str(), "to": to.as_str() }),
    ))
    .into())
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct PartiesForm {
    pub lead: String,
    pub involved: Vec<String>,
}

pub async fn set_parties(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, key)): Path<(i64, String)>,
    FormData(form): FormData<PartiesForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, _| {
        set_parties_in(c, state, &scope, &key, form)
    })
    .await
}

fn set_parties_in(
    c: &mut Sql<'_>,
    state: &AppState,
    scope: &ApproachScope,
    key: &str,
    form: PartiesForm,
) -> Result<Outcome, AppError> {
    let ws = with_node_in(c, state, scope, key)?;
    let mut errors = FormErrors::default();
    let lead = match form.lead.trim() {
        "" => None,
        s => match parse_org(s).filter(|o| ws.is_current_party(*o)) {
            Some(org) => Some(org),
            None => {
                errors.add("lead", "error-party-organisation");
                None
            }
        },
    };
    let mut involved = Vec::new();
    for s in &form.involved {
        match parse_org(s).filter(|o| ws.is_current_party(*o)) {
            Some(org) => involved.push(org),
            None => errors.add("involved", "error-party-organisation"),
        }
    }
    if !errors.is_empty() {
        let forms = NodeForms {
            parties: form,
            parties_errors: errors,
            ..NodeForms::default()
        };
        return Ok(refuse_node(scope, key, forms));
    }
    let now = samenspel_store::now();
    kompas::set_parties(c, scope.id, key, lead, &involved, now)?;
    Ok(Done::redirect(
        format!("/approaches/{}/kompas/{key}", scope.id),
        "flash-node-parties",
    )
    .audit(Event::new(
        Action::NodeParties(scope.id),
        scope.acting_for(None),
        serde_json::json!({ "node": key, "lead": lead, "involved": involved }),
    ))
    .into())
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct NeedForm {
    /// The party that needs the other (one of the visitor's own).
    pub party: String,
    pub needs: String,
    pub need_note: String,
}

pub async fn add_need(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, key)): Path<(i64, String)>,
    FormData(form): FormData<NeedForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        add_need_in(c, state, ctx, &scope, &key, form)
    })
    .await
}

fn add_need_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    key: &str,
    form: NeedForm,
) -> Result<Outcome, AppError> {
    let ws = with_node_in(c, state, scope, key)?;
    let user = ctx.require_user()?.id;
    let mut errors = FormErrors::default();
    let from = Some(acting(scope, &form.party)?);
    let to = parse_org(&form.needs).filter(|o| ws.is_current_party(*o));
    if to.is_none() {
        errors.add("needs", "error-party-organisation");
    }
    if to.is_some() && to == from {
        errors.add("needs", "error-need-self");
    }
    let note = errors.check(
        "need_note",
        optional_text(&form.need_note, 1000, "error-need-note-long"),
    );
    let (Some(from), Some(to), Some(note), true) = (from, to, note, errors.is_empty()) else {
        let forms = NodeForms {
            need: form,
            need_errors: errors,
            ..NodeForms::default()
        };
        return Ok(refuse_node(scope, key, forms));
    };
    let now = samenspel_store::now();
    let need = kompas::NewNeed {
        node: key,
        from,
        to,
        note: &note,
        user,
    };
    kompas::add_need(c, scope.id, &need, now)?;
    Ok(Done::redirect(
        format!("/approaches/{}/kompas/{key}", scope.id),
        "flash-need-added",
    )
    .audit(Event::new(
        Action::NodeNeed(scope.id),
        Some(from),
        serde_json::json!({ "node": key, "from": from, "to": to }),
    ))
    .into())
}

pub async fn resolve_need(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, key, need)): Path<(i64, String, i64)>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| {
        resolve_need_in(c, &scope, &key, need)
    })
    .await
}

fn resolve_need_in(
    c: &mut Sql<'_>,
    scope: &ApproachScope,
    key: &str,
    need: i64,
) -> Result<Outcome, AppError> {
    // A need is met by the parties it is between, or by someone who does the work.
    let found = kompas::needs(c, scope.id, key)?
        .into_iter()
        .find(|n| n.id == NeedId(need))
        .ok_or(AppError::NotFound)?;
    let own = scope.own_parties();
    if !scope.standing.allows(ApproachPermission::Work)
        && !own.contains(&found.from_id)
        && !own.contains(&found.to_id)
    {
        return Err(AppError::Forbidden);
    }
    let now = samenspel_store::now();
    if !kompas::resolve_need(c, scope.id, key, NeedId(need), now)? {
        return Err(AppError::Conflict("error-need-resolved"));
    }
    Ok(Done::redirect(
        format!("/approaches/{}/kompas/{key}", scope.id),
        "flash-need-resolved",
    )
    .audit(Event::new(
        Action::NodeNeed(scope.id),
        scope.acting_for(None),
        serde_json::json!({ "node": key, "resolved": need }),
    ))
    .into())
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct NoteForm {
    pub party: String,
    pub body: String,
}

pub async fn add_note(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, key)): Path<(i64, String)>,
    FormData(form): FormData<NoteForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        add_note_in(c, state, ctx, &scope, &key, form)
    })
    .await
}

fn add_note_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    key: &str,
    form: NoteForm,
) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    let ws = Workspace::load_in(c, state, scope)?;
    // Notes may still be added to a node the method no longer has, as long as it has progress.
    let known = ws.pack.node(key).is_some() || kompas::state(c, scope.id, key)?.is_some();
    if !known {
        return Err(AppError::NotFound);
    }
    let mut errors = FormErrors::default();
    let body = errors.check(
        "body",
        required_text(
            &form.body,
            4000,
            "error-note-required",
            "error-node-note-long",
        ),
    );
    let Some(body) = body else {
        let forms = NodeForms {
            note: form,
            note_errors: errors,
            ..NodeForms::default()
        };
        return Ok(refuse_node(scope, key, forms));
    };
    let party = Some(acting(scope, &form.party)?);
    let now = samenspel_store::now();
    kompas::add_note(c, scope.id, key, &body, user, party, now)?;
    Ok(Done::redirect(
        format!("/approaches/{}/kompas/{key}", scope.id),
        "flash-note-added",
    )
    .audit(Event::new(
        Action::NodeNote(scope.id),
        party,
        serde_json::json!({ "node": key }),
    ))
    .into())
}

/// Where parties agree and differ on a track or on the phase.
pub(crate) struct TrackLine<'a> {
    pub track: &'a Track,
    /// For each current party (in the table's order): active on this track.
    pub active: Vec<bool>,
}

#[derive(Template)]
#[template(path = "approaches/perspectives.html")]
struct PerspectivesView<'a> {
    ctx: &'a Ctx,
    ws: &'a Workspace,
    parties: Vec<&'a approaches::PartyRow>,
    tracks: Vec<TrackLine<'a>>,
    /// The phases parties believe they are in (distinct), with the parties.
    phase_views: Vec<(String, Vec<String>)>,
    phases_agree: bool,
    own: Vec<(OrgId, String)>,
    form: PerspectiveForm,
    errors: FormErrors,
    can_contribute: bool,
    can_manage: bool,
}

impl PerspectivesView<'_> {
    fn has_track(&self, track: &str) -> bool {
        self.form.tracks.iter().any(|t| t == track)
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct PerspectiveForm {
    pub party: String,
    pub tracks: Vec<String>,
    pub phase: String,
    pub next_year: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PerspectiveQuery {
    pub party: String,
}

fn render_perspectives(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    chosen: Option<OrgId>,
    rejected: Option<(PerspectiveForm, FormErrors)>,
) -> Result<Response, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let parties = ws.current_parties();
    let tracks = ws
        .pack
        .tracks
        .iter()
        .map(|track| TrackLine {
            track,
            active: parties
                .iter()
                .map(|p| p.track_keys().contains(&track.key.as_str()))
                .collect(),
        })
        .collect();
    let mut phase_views: Vec<(String, Vec<String>)> = Vec::new();
    for p in &parties {
        if let Some(phase) = &p.believed_phase {
            let name = ws.phase_name(ctx.lang, phase);
            match phase_views.iter_mut().find(|(n, _)| *n == name) {
                Some((_, names)) => names.push(p.name.clone()),
                None => phase_views.push((name, vec![p.name.clone()])),
            }
        }
    }
    let own: Vec<(OrgId, String)> = scope
        .own_parties()
        .into_iter()
        .map(|org| (org, ws.party_name(org)))
        .collect();
    let failed = rejected.is_some();
    let (form, errors) = match rejected {
        Some(r) => r,
        None => {
            let acting = scope.acting_for(chosen);
            let row = parties.iter().find(|p| Some(p.organisation_id) == acting);
            (
                PerspectiveForm {
                    party: acting.map(|o| o.to_string()).unwrap_or_default(),
                    tracks: row
                        .map(|r| r.track_keys().iter().map(|s| s.to_string()).collect())
                        .unwrap_or_default(),
                    phase: row
                        .and_then(|r| r.believed_phase.clone())
                        .unwrap_or_default(),
                    next_year: row.map(|r| r.next_year.clone()).unwrap_or_default(),
                },
                FormErrors::default(),
            )
        }
    };
    let view = PerspectivesView {
        ctx,
        ws: &ws,
        phases_agree: phase_views.len() <= 1,
        parties,
        tracks,
        phase_views,
        own,
        form,
        errors,
        can_contribute: scope.standing.allows(ApproachPermission::Contribute),
        can_manage: scope.standing.allows(ApproachPermission::Manage),
    };
    Ok(render_or_refuse(&view, failed))
}

pub async fn perspectives(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Query(query): Query<PerspectiveQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| perspectives_in(c, &state, &ctx, &scope, query))
        .await
}

fn perspectives_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    query: PerspectiveQuery,
) -> Result<Response, AppError> {
    render_perspectives(c, state, ctx, scope, parse_org(&query.party), None)
}

pub async fn save_perspective(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    FormData(form): FormData<PerspectiveForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, _| {
        save_perspective_in(c, state, &scope, form)
    })
    .await
}

fn save_perspective_in(
    c: &mut Sql<'_>,
    state: &AppState,
    scope: &ApproachScope,
    form: PerspectiveForm,
) -> Result<Outcome, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let mut errors = FormErrors::default();
    let party = Some(acting(scope, &form.party)?);
    let is_party = party.is_some_and(|org| ws.is_current_party(org));
    if !is_party {
        errors.add("party", "error-party-organisation");
    }
    let mut tracks = Vec::new();
    for t in &form.tracks {
        match ws.pack.track(t) {
            Some(track) => tracks.push(track.key.clone()),
            None => errors.add("tracks", "error-track-invalid"),
        }
    }
    let phase = match form.phase.trim() {
        "" => None,
        p => match ws.pack.phase(p) {
            Some(phase) => Some(phase.key.clone()),
            None => {
                errors.add("phase", "error-phase-invalid");
                None
            }
        },
    };
    let next_year = errors.check(
        "next_year",
        optional_text(&form.next_year, 2000, "error-next-year-long"),
    );
    let (Some(party), Some(next_year), true) = (party, next_year, errors.is_empty()) else {
        let scope = scope.clone();
        return Ok(Outcome::refused(move |c, state, ctx| {
            render_perspectives(c, state, ctx, &scope, None, Some((form, errors)))
        }));
    };
    let now = samenspel_store::now();
    approaches::set_perspective(
        c,
        scope.id,
        party,
        &tracks,
        phase.as_deref(),
        &next_year,
        now,
    )?;
    let changes = serde_json::json!({
        "party_name": ws.party_name(party), "tracks": tracks, "phase": phase,
    });
    Ok(Done::redirect(
        format!("/approaches/{}/perspectives?party={party}", scope.id),
        "flash-perspective-saved",
    )
    .audit(Event::new(
        Action::PerspectiveSaved(scope.id),
        Some(party),
        changes,
    ))
    .into())
}
