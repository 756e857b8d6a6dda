//! The parties of an approach with their role and dates, and its sub-projects. The
//! municipality asks organisations to take part (their administrators accept or decline, see
//! `organisations::requests`) and changes their role and dates; everyone in the approach sees
//! them.

use crate::audit;
use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::ApproachScope;
use crate::http::Ctx;
use crate::state::AppState;
use crate::views::render_or_refuse;
use crate::workspace::{Workspace, parse_org};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use samenspel_domain::approaches::{PartyRole, optional_text, period, required_line};
use samenspel_domain::organisations::OrgRole;
use samenspel_domain::permissions::ApproachPermission;
use samenspel_store::approaches::{self, NewParty, PartyRow, SubprojectRow};
use samenspel_store::consent::{self, PARTY, Request};
use samenspel_store::organisations::{self, Organisation};
use samenspel_store::sql::Sql;
use samenspel_store::{OrgId, StoreError, SubprojectId};
use serde::{Deserialize, Serialize};

/// What the municipality filled in for a party it asks, kept with the request until the
/// organisation accepts.
#[derive(Debug, Default, Serialize, Deserialize)]
struct PartyDetails {
    role: String,
    subproject: Option<i64>,
    since: Option<time::Date>,
    until: Option<time::Date>,
}

impl PartyDetails {
    fn of(party: &NewParty) -> Self {
        PartyDetails {
            role: party.role.as_str().to_owned(),
            subproject: party.subproject.map(|s| s.0),
            since: party.since,
            until: party.until,
        }
    }
}

/// The party role a request asks for, as its label key's value ("" when unreadable).
pub(crate) fn requested_role(request: &Request) -> String {
    serde_json::from_str::<PartyDetails>(&request.details)
        .map(|d| d.role)
        .unwrap_or_default()
}

/// Makes an accepted request's organisation a party, with what the municipality asked. An
/// organisation that became a party meanwhile stays as it is.
pub(crate) fn join(
    c: &mut Sql<'_>,
    request: &Request,
    now: time::OffsetDateTime,
) -> Result<(), AppError> {
    let Some(approach) = request.approach_id else {
        return Err(AppError::NotFound);
    };
    let details: PartyDetails =
        serde_json::from_str(&request.details).map_err(|_| AppError::BadRequest("details"))?;
    let party = NewParty {
        organisation: request.organisation_id,
        role: PartyRole::parse(&details.role).map_err(|_| AppError::BadRequest("role"))?,
        subproject: details.subproject.map(SubprojectId),
        since: details.since,
        until: details.until,
    };
    match approaches::add_party(c, approach, &party, now) {
        Ok(_) | Err(StoreError::Refused(_)) => Ok(()),
        Err(other) => Err(other.into()),
    }
}

/// A party form's input.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct PartyForm {
    pub organisation: String,
    pub role: String,
    pub subproject: String,
    pub since: String,
    pub until: String,
}

impl PartyForm {
    fn from_row(row: &PartyRow) -> Self {
        let day = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        PartyForm {
            organisation: row.organisation_id.to_string(),
            role: row.role.to_string(),
            subproject: row.subproject_id.map(|s| s.to_string()).unwrap_or_default(),
            since: day(row.since),
            until: day(row.until),
        }
    }

    fn parse(
        &self,
        organisation: Option<OrgId>,
        subprojects: &[SubprojectRow],
        errors: &mut FormErrors,
    ) -> Option<NewParty> {
        if organisation.is_none() {
            errors.add("organisation", "error-party-organisation");
        }
        let role = errors.check("role", PartyRole::parse(&self.role));
        let subproject = match self.subproject.trim() {
            "" => Some(None),
            s => match s.parse::<i64>().ok().map(SubprojectId) {
                Some(id) if subprojects.iter().any(|p| p.id == id) => Some(Some(id)),
                _ => {
                    errors.add("subproject", "error-subproject-unknown");
                    None
                }
            },
        };
        let dates = errors.check("until", period(&self.since, &self.until));
        let (since, until) = dates?;
        Some(NewParty {
            organisation: organisation?,
            role: role?,
            subproject: subproject?,
            since,
            until,
        })
        .filter(|_| errors.is_empty())
    }
}

/// A sub-project form's input.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct SubprojectForm {
    #[serde(rename = "sub_name")]
    pub name: String,
    #[serde(rename = "sub_description")]
    pub description: String,
    #[serde(rename = "sub_lead")]
    pub lead: String,
}

#[derive(Template)]
#[template(path = "approaches/parties.html")]
struct PartiesView<'a> {
    ctx: &'a Ctx,
    ws: &'a Workspace,
    today: time::Date,
    subprojects: Vec<SubprojectRow>,
    candidates: Vec<Organisation>,
    can_manage: bool,
    form: PartyForm,
    errors: FormErrors,
    sub_form: SubprojectForm,
    sub_errors: FormErrors,
    roles: &'static [PartyRole],
    /// The visitor's own parties (not the municipality) that they administer, and may end.
    leavable: Vec<(OrgId, String)>,
    /// Organisations asked to take part that have not answered yet.
    requested: Vec<Request>,
}

impl PartiesView<'_> {
    fn day(&self, date: &Option<time::Date>) -> String {
        date.map(|d| self.ctx.day(&d)).unwrap_or_default()
    }
}

#[derive(Default)]
struct Rejected {
    form: PartyForm,
    errors: FormErrors,
    sub_form: SubprojectForm,
    sub_errors: FormErrors,
}

fn render_page(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    rejected: Option<Rejected>,
) -> Result<Response, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let can_manage = scope.standing.allows(ApproachPermission::Manage);
    let subprojects = approaches::subprojects(c, scope.id)?;
    let requested = if can_manage {
        consent::open_for_approach(c, scope.id)?
    } else {
        Vec::new()
    };
    // Parties taking part are changed from their own page instead; those asked already wait
    // for their answer. A party that left can be asked again.
    let today = crate::format::today();
    let candidates = if can_manage {
        approaches::candidates(c, scope.municipality)?
            .into_iter()
            .filter(|c| {
                !ws.parties
                    .iter()
                    .any(|p| p.organisation_id == c.id && !has_left(p, today))
            })
            .filter(|c| !requested.iter().any(|r| r.organisation_id == c.id))
            .collect()
    } else {
        Vec::new()
    };
    // The visitor's own parties (not the municipality) that they administer.
    let administered: Vec<OrgId> = match &ctx.user {
        Some(user) => approaches::administered_parties(c, scope.id, user.id)?,
        None => Vec::new(),
    };
    let leavable = scope
        .parties
        .iter()
        .map(|(org, _)| *org)
        .filter(|org| *org != scope.municipality && administered.contains(org))
        .map(|org| (org, ws.party_name(org)))
        .collect();
    let failed = rejected.is_some();
    let rejected = rejected.unwrap_or_else(|| Rejected {
        form: PartyForm {
            role: PartyRole::ProjectTeam.as_str().into(),
            since: crate::format::today().to_string(),
            ..PartyForm::default()
        },
        ..Rejected::default()
    });
    let view = PartiesView {
        ctx,
        ws: &ws,
        today: crate::format::today(),
        subprojects,
        candidates,
        can_manage,
        form: rejected.form,
        errors: rejected.errors,
        sub_form: rejected.sub_form,
        sub_errors: rejected.sub_errors,
        roles: PartyRole::ALL,
        leavable,
        requested,
    };
    Ok(render_or_refuse(&view, failed))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| show_in(c, &state, &ctx, &scope)).await
}

fn show_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
) -> Result<Response, AppError> {
    render_page(c, state, ctx, scope, None)
}

/// Whether a party's part ended before `today` (it left, or its period ran out).
fn has_left(party: &PartyRow, today: time::Date) -> bool {
    party.until.is_some_and(|until| until < today)
}

/// The page again, with what a refused form held.
fn refuse(scope: &ApproachScope, rejected: Rejected) -> Outcome {
    let scope = scope.clone();
    Outcome::refused(move |c, state, ctx| render_page(c, state, ctx, &scope, Some(rejected)))
}

/// The page again, with `key` refusing the organisation chosen in `form`.
fn refuse_organisation(scope: &ApproachScope, form: PartyForm, key: &'static str) -> Outcome {
    let mut errors = FormErrors::default();
    errors.add("organisation", key);
    let rejected = Rejected {
        form,
        errors,
        ..Rejected::default()
    };
    refuse(scope, rejected)
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    FormData(form): FormData<PartyForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        add_in(c, state, ctx, &scope, form)
    })
    .await
}

fn add_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    form: PartyForm,
) -> Result<Outcome, AppError> {
    let candidates = approaches::candidates(c, scope.municipality)?;
    let subprojects = approaches::subprojects(c, scope.id)?;
    let parties = approaches::parties(c, scope.id)?;
    let chosen = parse_org(&form.organisation).and_then(|o| candidates.iter().find(|c| c.id == o));
    let mut errors = FormErrors::default();
    let today = crate::format::today();
    let existing = chosen.is_some_and(|c| {
        parties
            .iter()
            .any(|p| p.organisation_id == c.id && !has_left(p, today))
    });
    let party = if existing {
        errors.add("organisation", "error-party-exists");
        None
    } else {
        // A party that left comes back from a day on: today, unless the form says otherwise.
        form.parse(chosen.map(|c| c.id), &subprojects, &mut errors)
            .map(|mut p| {
                p.since.get_or_insert(today);
                p
            })
    };
    let (Some(party), Some(chosen)) = (party, chosen) else {
        let rejected = Rejected {
            form,
            errors,
            ..Rejected::default()
        };
        return Ok(refuse(scope, rejected));
    };
    let me = ctx.require_user()?.id;
    let now = samenspel_store::now();
    // Someone who administers the organisation consents by adding it; anyone else asks its
    // administrators, and it takes part once one of them accepts.
    let (action, flash) = if crate::organisations::consent::administers(c, chosen.id, me)? {
        match approaches::add_party(c, scope.id, &party, now) {
            Ok(_) => {}
            Err(StoreError::Refused(key)) => return Ok(refuse_organisation(scope, form, key)),
            Err(other) => return Err(other.into()),
        }
        (Action::PartyAdded(scope.id), "flash-party-added")
    } else {
        let details = serde_json::to_string(&PartyDetails::of(&party)).unwrap_or_default();
        let request = consent::NewRequest {
            kind: PARTY,
            municipality: scope.municipality,
            approach: Some(scope.id),
            organisation: chosen.id,
            details: &details,
        };
        if consent::create(c, &request, me, now)?.is_none() {
            return Ok(refuse_organisation(scope, form, "error-party-requested"));
        }
        let approach = approaches::by_id(c, scope.id)?.ok_or(AppError::NotFound)?;
        let base = state.config.base_url.trim_end_matches('/');
        crate::organisations::consent::mail_admins(
            c,
            chosen.id,
            "mail-party-request-subject",
            "mail-party-request-body",
            &[
                ("municipality", approach.municipality_name.clone()),
                ("organisation", chosen.name.clone()),
                ("approach", approach.name.clone()),
                ("link", format!("{base}/organisations/{}", chosen.id)),
            ],
            ctx.lang,
        )?;
        (Action::PartyRequested(scope.id), "flash-party-requested")
    };
    let changes = serde_json::json!({
        "party": chosen.id, "party_name": chosen.name, "role": party.role.as_str(),
    });
    Ok(
        Done::redirect(format!("/approaches/{}/parties", scope.id), flash)
            .audit(Event::new(action, Some(scope.municipality), changes))
            .into(),
    )
}

#[derive(Template)]
#[template(path = "approaches/party.html")]
struct PartyView<'a> {
    ctx: &'a Ctx,
    ws: &'a Workspace,
    party: &'a PartyRow,
    subprojects: Vec<SubprojectRow>,
    form: PartyForm,
    errors: FormErrors,
    roles: &'static [PartyRole],
}

fn render_party(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    party: OrgId,
    form: Option<(PartyForm, FormErrors)>,
) -> Result<Response, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let row = ws
        .parties
        .iter()
        .find(|p| p.organisation_id == party)
        .ok_or(AppError::NotFound)?;
    let subprojects = approaches::subprojects(c, scope.id)?;
    let failed = form.is_some();
    let (form, errors) = form.unwrap_or_else(|| (PartyForm::from_row(row), FormErrors::default()));
    let view = PartyView {
        ctx,
        ws: &ws,
        party: row,
        subprojects,
        form,
        errors,
        roles: PartyRole::ALL,
    };
    Ok(render_or_refuse(&view, failed))
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, party)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| edit_in(c, &state, &ctx, &scope, party))
        .await
}

fn edit_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    party: i64,
) -> Result<Response, AppError> {
    render_party(c, state, ctx, scope, OrgId(party), None)
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, party)): Path<(i64, i64)>,
    FormData(form): FormData<PartyForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| {
        update_in(c, &scope, OrgId(party), form)
    })
    .await
}

fn update_in(
    c: &mut Sql<'_>,
    scope: &ApproachScope,
    party: OrgId,
    form: PartyForm,
) -> Result<Outcome, AppError> {
    let parties = approaches::parties(c, scope.id)?;
    let subprojects = approaches::subprojects(c, scope.id)?;
    let row = parties
        .iter()
        .find(|p| p.organisation_id == party)
        .ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::default();
    let Some(new) = form.parse(Some(party), &subprojects, &mut errors) else {
        let scope = scope.clone();
        return Ok(Outcome::refused(move |c, state, ctx| {
            render_party(c, state, ctx, &scope, party, Some((form, errors)))
        }));
    };
    // A party that left comes back only with its consent, by being added again: its period
    // cannot be reopened here.
    let today = crate::format::today();
    if has_left(row, today) && new.until.is_none_or(|until| until >= today) {
        errors.add("until", "error-party-left-rejoin");
        let scope = scope.clone();
        return Ok(Outcome::refused(move |c, state, ctx| {
            render_party(c, state, ctx, &scope, party, Some((form, errors)))
        }));
    }
    let before = PartyForm::from_row(row);
    approaches::update_party(c, scope.id, &new)?;
    let mut changes = audit::changed(&[
        ("role", &before.role, new.role.as_str()),
        ("subproject", &before.subproject, &form.subproject),
        ("since", &before.since, &form.since),
        ("until", &before.until, &form.until),
    ]);
    if let Some(map) = changes.as_object_mut() {
        map.insert("party_name".into(), row.name.clone().into());
    }
    Ok(Done::redirect(
        format!("/approaches/{}/parties", scope.id),
        "flash-party-changed",
    )
    .audit(Event::new(
        Action::PartyChanged(scope.id),
        Some(scope.municipality),
        changes,
    ))
    .into())
}

/// Checks a sub-project form: a name, an optional description, and a lead that is a party.
fn parse_subproject(
    form: &SubprojectForm,
    parties: &[PartyRow],
    errors: &mut FormErrors,
) -> Option<(String, String, Option<OrgId>)> {
    let name = errors.check(
        "sub_name",
        required_line(
            &form.name,
            150,
            "error-subproject-name-required",
            "error-subproject-name-long",
        ),
    );
    let description = errors.check(
        "sub_description",
        optional_text(&form.description, 2000, "error-subproject-description-long"),
    );
    let lead = match form.lead.trim() {
        "" => Some(None),
        s => match parse_org(s) {
            Some(org) if parties.iter().any(|p| p.organisation_id == org) => Some(Some(org)),
            _ => {
                errors.add("sub_lead", "error-party-organisation");
                None
            }
        },
    };
    Some((name?, description?, lead?)).filter(|_| errors.is_empty())
}

pub async fn add_subproject(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    FormData(form): FormData<SubprojectForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| {
        add_subproject_in(c, &scope, form)
    })
    .await
}

fn add_subproject_in(
    c: &mut Sql<'_>,
    scope: &ApproachScope,
    form: SubprojectForm,
) -> Result<Outcome, AppError> {
    let parties = approaches::parties(c, scope.id)?;
    let mut errors = FormErrors::default();
    let Some((name, description, lead)) = parse_subproject(&form, &parties, &mut errors) else {
        let rejected = Rejected {
            sub_form: form,
            sub_errors: errors,
            ..Rejected::default()
        };
        return Ok(refuse(scope, rejected));
    };
    let now = samenspel_store::now();
    let id = approaches::add_subproject(c, scope.id, &name, &description, lead, now)?;
    Ok(Done::redirect(
        format!("/approaches/{}/parties", scope.id),
        "flash-subproject-added",
    )
    .audit(Event::new(
        Action::SubprojectAdded(scope.id),
        Some(scope.municipality),
        serde_json::json!({ "subproject": id, "name": name }),
    ))
    .into())
}

#[derive(Template)]
#[template(path = "approaches/subproject.html")]
struct SubprojectView<'a> {
    ctx: &'a Ctx,
    ws: &'a Workspace,
    subproject: SubprojectRow,
    sub_form: SubprojectForm,
    sub_errors: FormErrors,
}

fn render_subproject(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    id: SubprojectId,
    form: Option<(SubprojectForm, FormErrors)>,
) -> Result<Response, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let subproject = approaches::subprojects(c, scope.id)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(AppError::NotFound)?;
    let failed = form.is_some();
    let (form, errors) = form.unwrap_or_else(|| {
        (
            SubprojectForm {
                name: subproject.name.clone(),
                description: subproject.description.clone(),
                lead: subproject
                    .lead_id
                    .map(|l| l.to_string())
                    .unwrap_or_default(),
            },
            FormErrors::default(),
        )
    });
    let view = SubprojectView {
        ctx,
        ws: &ws,
        subproject,
        sub_form: form,
        sub_errors: errors,
    };
    Ok(render_or_refuse(&view, failed))
}

pub async fn edit_subproject(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| edit_subproject_in(c, &state, &ctx, &scope, id))
        .await
}

fn edit_subproject_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    id: i64,
) -> Result<Response, AppError> {
    render_subproject(c, state, ctx, scope, SubprojectId(id), None)
}

pub async fn update_subproject(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, id)): Path<(i64, i64)>,
    FormData(form): FormData<SubprojectForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| {
        update_subproject_in(c, &scope, SubprojectId(id), form)
    })
    .await
}

fn update_subproject_in(
    c: &mut Sql<'_>,
    scope: &ApproachScope,
    id: SubprojectId,
    form: SubprojectForm,
) -> Result<Outcome, AppError> {
    let parties = approaches::parties(c, scope.id)?;
    let mut errors = FormErrors::default();
    let Some((name, description, lead)) = parse_subproject(&form, &parties, &mut errors) else {
        let scope = scope.clone();
        return Ok(Outcome::refused(move |c, state, ctx| {
            render_subproject(c, state, ctx, &scope, id, Some((form, errors)))
        }));
    };
    approaches::update_subproject(c, scope.id, id, &name, &description, lead)?;
    Ok(Done::redirect(
        format!("/approaches/{}/parties", scope.id),
        "flash-subproject-changed",
    )
    .audit(Event::new(
        Action::SubprojectChanged(scope.id),
        Some(scope.municipality),
        serde_json::json!({ "subproject": id, "name": name }),
    ))
    .into())
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct LeaveForm {
    pub party: String,
    /// "yes" when the box that confirms leaving is ticked.
    pub confirm: String,
}

/// Which of the visitor's parties would leave (`posted`, else their first), with its name.
/// The municipality cannot leave its own approach (it stops the approach instead), and only
/// an administrator of the party decides for it.
fn leaving(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    posted: &str,
) -> Result<(OrgId, String), AppError> {
    let user = ctx.require_user()?.id;
    let party = scope
        .parties
        .iter()
        .map(|(org, _)| *org)
        .find(|org| Some(*org) == parse_org(posted))
        .or_else(|| scope.parties.first().map(|(org, _)| *org))
        .ok_or(AppError::Forbidden)?;
    if party == scope.municipality {
        return Err(AppError::Conflict("error-municipality-leave"));
    }
    if organisations::role_of(c, party, user)? != Some(OrgRole::Admin) {
        return Err(AppError::Conflict("error-party-leave-admin"));
    }
    let name = approaches::parties(c, scope.id)?
        .into_iter()
        .find(|p| p.organisation_id == party)
        .map(|p| p.name)
        .ok_or(AppError::NotFound)?;
    Ok((party, name))
}

#[derive(Template)]
#[template(path = "approaches/leave.html")]
struct LeaveView<'a> {
    ctx: &'a Ctx,
    ws: Workspace,
    party: OrgId,
    name: String,
    can_manage: bool,
    errors: FormErrors,
}

fn render_leave(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    posted: &str,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let (party, name) = leaving(c, ctx, scope, posted)?;
    let ws = Workspace::load_in(c, state, scope)?;
    let refused = !errors.is_empty();
    let view = LeaveView {
        ctx,
        ws,
        party,
        name,
        can_manage: scope.standing.allows(ApproachPermission::Manage),
        errors,
    };
    Ok(render_or_refuse(&view, refused))
}

/// Asks first: what leaving means, and a box to tick that says so.
pub async fn leave_page(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Query(query): Query<LeaveForm>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| render_leave(c, &state, &ctx, &scope, &query.party, FormErrors::default()))
        .await
}

/// An administrator of a party ends its part in the approach (from today), once they have
/// confirmed it. The municipality cannot leave its own approach; it stops the approach instead.
pub async fn leave(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    FormData(form): FormData<LeaveForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| leave_in(c, ctx, &scope, form)).await
}

fn leave_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    form: LeaveForm,
) -> Result<Outcome, AppError> {
    let (party, name) = leaving(c, ctx, scope, &form.party)?;
    if form.confirm != "yes" {
        let scope = scope.clone();
        return Ok(Outcome::refused(move |c, state, ctx| {
            let mut errors = FormErrors::default();
            errors.add("confirm", "error-party-leave-confirm");
            render_leave(c, state, ctx, &scope, &form.party, errors)
        }));
    }
    let yesterday = crate::format::today()
        .previous_day()
        .unwrap_or(time::Date::MIN);
    approaches::end_party(c, scope.id, party, yesterday)?;
    Ok(Done::redirect("/approaches", "flash-party-left")
        .audit(Event::new(
            Action::PartyChanged(scope.id),
            Some(party),
            serde_json::json!({ "party_name": name, "left": true }),
        ))
        .into())
}
