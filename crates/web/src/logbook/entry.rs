//! One logbook entry: recording it, reading it, changing a meeting, action or link, superseding
//! a decision with a later one, and moving an action along.

use super::audience::{Announcement, announce, audience, visible_entry};
use super::document::DocumentForm;
use super::form::{self, Choices, EntryForm};
use crate::audit::Action;
use crate::change::{Done, Outcome, change};
use crate::format;
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::ApproachScope;
use crate::http::Ctx;
use crate::state::AppState;
use crate::views::{render, render_or_refuse};
use crate::workspace::{Workspace, acting};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use samenspel_domain::logbook::{ActionStatus, EntryKind, MeetingKind, Visibility, overdue};
use samenspel_domain::method::Phase;
use samenspel_domain::permissions::ApproachPermission;
use samenspel_store::logbook::{self, Entry, Listed, StoredFile};
use samenspel_store::notifications;
use samenspel_store::sql::Sql;
use samenspel_store::{EntryId, OrgId, StoreError};
use serde::Deserialize;

pub(super) fn load_choices(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    ws: &Workspace,
) -> Result<Choices, AppError> {
    let who = audience(ctx, scope);
    let people = logbook::people(c, scope.id, format::today())?;
    let meetings = logbook::choices(c, scope.id, EntryKind::Meeting, who)?;
    let decisions = logbook::choices(c, scope.id, EntryKind::Decision, who)?;
    Ok(Choices {
        parties: ws
            .current_parties()
            .iter()
            .map(|p| (p.organisation_id, p.name.clone()))
            .collect(),
        people: people
            .into_iter()
            .map(|(user, name, org)| (user, name, org, ws.party_name(org)))
            .collect(),
        meetings,
        decisions,
    })
}

/// Whether the visitor records for the organisation that recorded the entry.
fn records_for(scope: &ApproachScope, entry: &Entry) -> bool {
    scope.own_parties().contains(&entry.organisation_id)
}

/// Whether the visitor may move the action: its recorder, its owner party or its owner.
fn may_move(ctx: &Ctx, scope: &ApproachScope, entry: &Entry) -> bool {
    let own = scope.own_parties();
    records_for(scope, entry)
        || entry.owner_org_id.is_some_and(|o| own.contains(&o))
        || ctx
            .user
            .as_ref()
            .is_some_and(|u| Some(u.id) == entry.owner_user_id)
}

#[derive(Template)]
#[template(path = "logbook/form.html")]
struct FormView<'a> {
    ctx: &'a Ctx,
    ws: &'a Workspace,
    kind: EntryKind,
    /// The entry being edited.
    editing: Option<&'a Entry>,
    /// The decision a new decision supersedes.
    supersedes: Option<&'a Entry>,
    form: EntryForm,
    errors: FormErrors,
    own: Vec<(OrgId, String)>,
    choices: Choices,
    phases: Vec<(&'a Phase, Vec<(String, String)>)>,
    visibilities: &'static [Visibility],
    meeting_kinds: &'static [MeetingKind],
    statuses: &'static [ActionStatus],
    can_manage: bool,
}

impl FormView<'_> {
    fn action(&self) -> String {
        match self.editing {
            Some(entry) => format!(
                "/approaches/{}/logbook/{}/edit",
                self.ws.approach.id, entry.id
            ),
            None => format!(
                "/approaches/{}/logbook/new/{}",
                self.ws.approach.id,
                self.kind.as_str()
            ),
        }
    }

    fn heading(&self) -> String {
        let key = match self.editing {
            Some(_) => format!("logbook-edit-{}", self.kind.as_str()),
            None if self.supersedes.is_some() => "logbook-supersede".to_owned(),
            None => format!("logbook-new-{}", self.kind.as_str()),
        };
        self.ctx.t(&key)
    }

    fn title_label(&self) -> String {
        self.ctx.t_of("label-entry-title", self.kind.as_str())
    }

    fn body_label(&self) -> String {
        self.ctx.t_of("label-entry-body", self.kind.as_str())
    }
}

#[allow(clippy::too_many_arguments)]
fn render_form(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    ws: &Workspace,
    kind: EntryKind,
    editing: Option<&Entry>,
    supersedes: Option<&Entry>,
    form: EntryForm,
    errors: Option<FormErrors>,
) -> Result<Response, AppError> {
    let choices = load_choices(c, ctx, scope, ws)?;
    let phases = ws.nodes_by_phase(ctx.lang);
    let own = scope
        .own_parties()
        .into_iter()
        .map(|org| (org, ws.party_name(org)))
        .collect();
    let failed = errors.is_some();
    let view = FormView {
        ctx,
        ws,
        kind,
        editing,
        supersedes,
        form,
        errors: errors.unwrap_or_default(),
        own,
        choices,
        phases,
        visibilities: Visibility::ALL,
        meeting_kinds: MeetingKind::ALL,
        statuses: ActionStatus::ALL,
        can_manage: scope.standing.allows(ApproachPermission::Manage),
    };
    Ok(render_or_refuse(&view, failed))
}

/// What a new entry may be started with: the decision it supersedes, the meeting or decision
/// it follows from, a knooppunt.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Start {
    pub supersedes: String,
    pub meeting: String,
    pub decision: String,
    pub node: String,
}

fn kind_of(input: &str) -> Result<EntryKind, AppError> {
    EntryKind::parse(input).map_err(|_| AppError::NotFound)
}

/// Who may supersede a decision: the municipality's members, and the parties that took it (the
/// organisation that recorded it and those it names). A party that only sees it may not.
fn may_supersede(scope: &ApproachScope, decision: &Entry, takers: &[(OrgId, String)]) -> bool {
    scope.standing.municipal.is_some()
        || scope.parties.iter().any(|(org, _)| {
            *org == decision.organisation_id || takers.iter().any(|(taker, _)| taker == org)
        })
}

/// The decision a new decision would supersede: one the visitor sees, that nothing superseded,
/// and that the visitor's side took.
fn superseded(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    kind: EntryKind,
    input: &str,
) -> Result<Option<Entry>, AppError> {
    let input = input.trim();
    if input.is_empty() || kind != EntryKind::Decision {
        return Ok(None);
    }
    let id = input.parse::<i64>().map_err(|_| AppError::NotFound)?;
    let earlier = visible_entry(c, ctx, scope, id)?;
    if earlier.kind != EntryKind::Decision {
        return Err(AppError::NotFound);
    }
    let takers = logbook::parties(c, earlier.id)?;
    if !may_supersede(scope, &earlier, &takers) {
        return Err(AppError::Forbidden);
    }
    Ok(Some(earlier))
}

pub async fn new_show(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, kind)): Path<(i64, String)>,
    Query(start): Query<Start>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| new_show_in(c, &state, &ctx, &scope, kind, start))
        .await
}

fn new_show_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    kind: String,
    start: Start,
) -> Result<Response, AppError> {
    let kind = kind_of(&kind)?;
    let ws = Workspace::load_in(c, state, scope)?;
    if kind == EntryKind::Document {
        let form = DocumentForm {
            meeting: start.meeting.trim().to_owned(),
            ..DocumentForm::default()
        };
        return super::document::render_form(c, ctx, scope, &ws, form, None);
    }
    let earlier = superseded(c, ctx, scope, kind, &start.supersedes)?;
    let mut form = EntryForm {
        visibility: Visibility::Parties.as_str().to_owned(),
        meeting: start.meeting.trim().to_owned(),
        decision: start.decision.trim().to_owned(),
        date: format::today().to_string(),
        ..EntryForm::default()
    };
    if ws.pack.node(start.node.trim()).is_some() {
        form.nodes.push(start.node.trim().to_owned());
    }
    // A decision or action taken at a meeting happened on the meeting's day, not today.
    if let Ok(id) = start.meeting.trim().parse::<i64>()
        && let Some(meeting) = logbook::get(c, scope.id, EntryId(id), audience(ctx, scope))?
        && meeting.kind == EntryKind::Meeting
    {
        form.date = format::local(meeting.happened_at).date().to_string();
    }
    if let Some(earlier) = &earlier {
        form.supersedes = earlier.id.to_string();
        form.visibility = earlier.visibility.to_string();
        form.parties = logbook::parties(c, earlier.id)?
            .iter()
            .map(|(o, _)| o.to_string())
            .collect();
        form.nodes = logbook::nodes(c, earlier.id)?;
    }
    render_form(c, ctx, scope, &ws, kind, None, earlier.as_ref(), form, None)
}

pub async fn new_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, kind)): Path<(i64, String)>,
    FormData(form): FormData<EntryForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        new_submit_in(c, state, ctx, &scope, &kind, form)
    })
    .await
}

fn new_submit_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    kind: &str,
    form: EntryForm,
) -> Result<Outcome, AppError> {
    let kind = kind_of(kind)?;
    if kind == EntryKind::Document {
        // Documents come as a file upload, to their own address.
        return Err(AppError::NotFound);
    }
    let user = ctx.require_user()?.id;
    let ws = Workspace::load_in(c, state, scope)?;
    let earlier = superseded(c, ctx, scope, kind, &form.supersedes)?;
    let choices = load_choices(c, ctx, scope, &ws)?;
    let now = samenspel_store::now();
    let refuse =
        move |ws: Workspace, earlier: Option<Entry>, form: EntryForm, errors: FormErrors| {
            let scope = scope.clone();
            Outcome::refused(move |c, _, ctx| {
                render_form(
                    c,
                    ctx,
                    &scope,
                    &ws,
                    kind,
                    None,
                    earlier.as_ref(),
                    form,
                    Some(errors),
                )
            })
        };
    let (party, mut fields) = match form::parse(kind, &form, scope, &ws, &choices, None, now)? {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(refuse(ws, earlier, form, errors)),
    };
    fields.supersedes = earlier.as_ref().map(|e| e.id);
    let id = match logbook::create(c, scope.id, kind, party, &fields, user, now) {
        Ok(id) => id,
        Err(StoreError::Refused(reason)) => {
            let mut errors = FormErrors::default();
            errors.add("title", reason);
            return Ok(refuse(ws, earlier, form, errors));
        }
        Err(other) => return Err(other.into()),
    };
    let event = announce(
        c,
        ctx,
        scope,
        Announcement {
            entry: id,
            event: notifications::ADDED,
            action: Action::LogEntryAdded(id),
            party: Some(party),
            details: serde_json::json!({
                "approach": scope.id,
                "kind": kind.as_str(),
                "visibility": fields.visibility.as_str(),
                "supersedes": earlier.as_ref().map(|e| e.id),
            }),
        },
        now,
    )?;
    Ok(Done::redirect(
        format!("/approaches/{}/logbook/{id}", scope.id),
        "flash-entry-added",
    )
    .audit(event)
    .into())
}

#[derive(Template)]
#[template(path = "logbook/entry.html")]
struct EntryView<'a> {
    ctx: &'a Ctx,
    ws: &'a Workspace,
    entry: &'a Entry,
    parties: Vec<(OrgId, String)>,
    nodes: Vec<(String, String)>,
    linked: Vec<Listed>,
    /// The meeting and the decision the entry follows from, and the decisions it supersedes or
    /// is superseded by, as far as the visitor sees them: (id, title).
    meeting: Option<(EntryId, String)>,
    decision: Option<(EntryId, String)>,
    supersedes: Option<(EntryId, String)>,
    superseded_by: Option<(EntryId, String)>,
    minutes: String,
    agenda: String,
    overdue: bool,
    can_contribute: bool,
    can_edit: bool,
    can_move: bool,
    /// A decision this visitor's side took (or the municipality's) may be superseded.
    can_supersede: bool,
    can_manage: bool,
    statuses: &'static [ActionStatus],
    today: time::Date,
}

impl EntryView<'_> {
    /// "1,4 MB" / "1.4 MB", "12 kB".
    fn file_size(&self) -> String {
        let bytes = self.entry.file_size.unwrap_or(0) as f64;
        let (value, unit) = if bytes >= 1024.0 * 1024.0 {
            (bytes / (1024.0 * 1024.0), "MB")
        } else {
            ((bytes / 1024.0).max(1.0), "kB")
        };
        let text = if unit == "MB" {
            format!("{value:.1}")
        } else {
            format!("{value:.0}")
        };
        let text = match self.ctx.lang {
            samenspel_domain::Language::Nl => text.replace('.', ","),
            samenspel_domain::Language::En => text,
        };
        format!("{text} {unit}")
    }

    /// A meeting still to come.
    fn upcoming(&self) -> bool {
        self.entry.happened_at > samenspel_store::now()
    }

    /// "21:30", Dutch time.
    fn clock(&self, at: &time::OffsetDateTime) -> String {
        let local = format::local(*at);
        format!("{:02}:{:02}", local.hour(), local.minute())
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| show_in(c, &state, &ctx, &scope, id)).await
}

fn show_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    id: i64,
) -> Result<Response, AppError> {
    let entry = visible_entry(c, ctx, scope, id)?;
    let ws = Workspace::load_in(c, state, scope)?;
    let who = audience(ctx, scope);
    let parties = logbook::parties(c, entry.id)?;
    let nodes = logbook::nodes(c, entry.id)?;
    let linked = logbook::linked(c, scope.id, entry.id, who)?;
    let mut title_of = |id: Option<EntryId>| -> Result<Option<(EntryId, String)>, AppError> {
        let Some(id) = id else { return Ok(None) };
        Ok(logbook::get(c, scope.id, id, who)?.map(|e| (e.id, e.title)))
    };
    let meeting = title_of(entry.meeting_id)?;
    let decision = title_of(entry.decision_id)?;
    let supersedes = title_of(entry.supersedes_id)?;
    let superseded_by = title_of(entry.superseded_by)?;
    let today = format::today();
    let is_overdue = entry
        .action_status
        .is_some_and(|s| overdue(s, entry.due_on, today));
    let can_contribute = scope.standing.allows(ApproachPermission::Contribute);
    let can_supersede = can_contribute
        && entry.kind == EntryKind::Decision
        && may_supersede(scope, &entry, &parties);
    let view = EntryView {
        ctx,
        ws: &ws,
        parties,
        nodes: nodes
            .into_iter()
            .map(|key| {
                let title = ws.node_title(ctx.lang, &key);
                (key, title)
            })
            .collect(),
        linked,
        meeting,
        decision,
        supersedes,
        superseded_by,
        minutes: crate::markdown::to_html(&entry.body),
        agenda: crate::markdown::to_html(&entry.agenda),
        overdue: is_overdue,
        can_contribute,
        can_edit: can_contribute && entry.kind != EntryKind::Decision && records_for(scope, &entry),
        can_move: can_contribute && entry.kind == EntryKind::Action && may_move(ctx, scope, &entry),
        can_supersede,
        can_manage: scope.standing.allows(ApproachPermission::Manage),
        statuses: ActionStatus::ALL,
        today,
        entry: &entry,
    };
    Ok(render(&view))
}

/// An entry the visitor may change: not a decision, and recorded by one of their organisations.
fn editable(c: &mut Sql<'_>, ctx: &Ctx, scope: &ApproachScope, id: i64) -> Result<Entry, AppError> {
    let entry = visible_entry(c, ctx, scope, id)?;
    if entry.kind == EntryKind::Decision || !records_for(scope, &entry) {
        return Err(AppError::Forbidden);
    }
    Ok(entry)
}

pub async fn edit_show(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| edit_show_in(c, &state, &ctx, &scope, id))
        .await
}

fn edit_show_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    id: i64,
) -> Result<Response, AppError> {
    let entry = editable(c, ctx, scope, id)?;
    let ws = Workspace::load_in(c, state, scope)?;
    let parties = logbook::parties(c, entry.id)?;
    let nodes = logbook::nodes(c, entry.id)?;
    let form = EntryForm::of(&entry, &parties, &nodes);
    render_form(
        c,
        ctx,
        scope,
        &ws,
        entry.kind,
        Some(&entry),
        None,
        form,
        None,
    )
}

pub async fn edit_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, id)): Path<(i64, i64)>,
    FormData(form): FormData<EntryForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        edit_submit_in(c, state, ctx, &scope, id, form)
    })
    .await
}

fn edit_submit_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    id: i64,
    mut form: EntryForm,
) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    let entry = editable(c, ctx, scope, id)?;
    let kind = entry.kind;
    let ws = Workspace::load_in(c, state, scope)?;
    let choices = load_choices(c, ctx, scope, &ws)?;
    // The entry stays with the organisation that recorded it.
    form.party = entry.organisation_id.to_string();
    let now = samenspel_store::now();
    let mut fields = match form::parse(kind, &form, scope, &ws, &choices, Some(&entry), now)? {
        Ok((_, fields)) => fields,
        Err(errors) => {
            let scope = scope.clone();
            return Ok(Outcome::refused(move |c, _, ctx| {
                render_form(
                    c,
                    ctx,
                    &scope,
                    &ws,
                    kind,
                    Some(&entry),
                    None,
                    form,
                    Some(errors),
                )
            }));
        }
    };
    // A document keeps its file (and is still found by its name).
    fields.file = entry.file_key.as_ref().map(|key| StoredFile {
        key: key.clone(),
        name: entry.file_name.clone(),
        size: entry.file_size.unwrap_or(0),
        content_type: entry.file_type.clone(),
    });
    logbook::update(c, scope.id, entry.id, &fields, user, now)?;
    let event = announce(
        c,
        ctx,
        scope,
        Announcement {
            entry: entry.id,
            event: notifications::CHANGED,
            action: Action::LogEntryChanged(entry.id),
            party: Some(entry.organisation_id),
            details: serde_json::json!({
                "approach": scope.id,
                "kind": kind.as_str(),
                "visibility": { "from": entry.visibility.as_str(), "to": fields.visibility.as_str() },
            }),
        },
        now,
    )?;
    Ok(Done::redirect(
        format!("/approaches/{}/logbook/{}", scope.id, entry.id),
        "flash-entry-changed",
    )
    .audit(event)
    .into())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    pub status: String,
    pub party: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, id)): Path<(i64, i64)>,
    FormData(form): FormData<StatusForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| {
        set_status_in(c, ctx, &scope, id, form)
    })
    .await
}

fn set_status_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    id: i64,
    form: StatusForm,
) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    let entry = visible_entry(c, ctx, scope, id)?;
    if entry.kind != EntryKind::Action || !may_move(ctx, scope, &entry) {
        return Err(AppError::Forbidden);
    }
    let Ok(status) = ActionStatus::parse(&form.status) else {
        return Err(AppError::BadRequest("error-action-status-invalid"));
    };
    let party = acting(scope, &form.party).ok();
    let now = samenspel_store::now();
    let from = logbook::set_action_status(c, scope.id, entry.id, status, user, now)?;
    let event = announce(
        c,
        ctx,
        scope,
        Announcement {
            entry: entry.id,
            event: notifications::MOVED,
            action: Action::LogActionMoved(entry.id),
            party,
            details: serde_json::json!({ "approach": scope.id, "from": from, "to": status.as_str() }),
        },
        now,
    )?;
    Ok(Done::redirect(
        format!("/approaches/{}/logbook/{}", scope.id, entry.id),
        "flash-action-moved",
    )
    .audit(event)
    .into())
}
