//! An initiative's profile: the page, editing it, mapping a new initiative into a registry,
//! verification, inviting the initiative to claim it, and its track record.

use super::form::{AreaChoices, Choices, ProfileForm};
use crate::areas::tree;
use crate::audit;
use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::confirm::{AskFirst, Confirmation};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::Ctx;
use crate::http::OrgScope;
use crate::organisations::invitations;
use crate::state::AppState;
use crate::views::render_or_refuse;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use samenspel_domain::accounts::Email;
use samenspel_domain::initiatives::Project;
use samenspel_domain::organisations::{OrgKind, OrgName, OrgRole};
use samenspel_domain::permissions::Permission;
use samenspel_store::initiatives::{self, ActiveArea, ProfileRow, ProjectRow};
use samenspel_store::sql::Sql;
use samenspel_store::{OrgId, ProjectId, StoreError, organisations};
use serde::Deserialize;

fn this_year() -> i32 {
    samenspel_store::now().year()
}

#[derive(Template)]
#[template(path = "initiatives/show.html")]
struct ShowView<'a> {
    ctx: &'a Ctx,
    org: organisations::Organisation,
    profile: Option<ProfileRow>,
    areas: Vec<ActiveArea>,
    projects: Vec<ProjectRow>,
    can_edit: bool,
    can_verify: bool,
    /// The visitor's organisation mapped the profile, so someone else checks it.
    verify_elsewhere: bool,
    can_invite: bool,
    can_see_registry: bool,
    is_member: bool,
    claim_email: String,
    project: ProjectInput,
    errors: FormErrors,
}

impl ShowView<'_> {
    fn words<'s>(&self, text: &'s str) -> Vec<&'s str> {
        text.split_whitespace().collect()
    }
}

/// A project form's input, kept when it is refused.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ProjectInput {
    #[serde(rename = "project-year")]
    pub year: String,
    #[serde(rename = "project-title")]
    pub title: String,
    #[serde(rename = "project-result")]
    pub result: String,
}

/// Input of a refused form on the profile page.
#[derive(Default)]
struct Rejected {
    claim_email: String,
    project: ProjectInput,
    errors: FormErrors,
}

fn render_show(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: OrgScope,
    rejected: Option<Rejected>,
) -> Result<Response, AppError> {
    let org = organisations::by_id(c, scope.org)?.ok_or(AppError::NotFound)?;
    let profile = initiatives::profile(c, scope.org)?;
    let areas = initiatives::areas_of(c, scope.org)?;
    let projects = initiatives::projects(c, scope.org)?;
    let standing = scope.standing;
    let failed = rejected.is_some();
    let rejected = rejected.unwrap_or_default();
    // The contact person is the one to invite, unless a refused address comes back.
    let claim_email = if failed {
        rejected.claim_email
    } else {
        profile
            .as_ref()
            .map(|p| p.contact_email.clone())
            .unwrap_or_default()
    };
    // Who mapped a profile does not check it too: the button goes to the others.
    let mut can_verify = false;
    let mut verify_elsewhere = false;
    if let (Some(p), Some(user)) = (&profile, &ctx.user)
        && standing.allows(Permission::VerifyProfile)
    {
        let acting = organisations::acting_for(c, p.municipality_id, user.id)?;
        can_verify = acting.is_some_and(|a| p.may_be_verified_by(a));
        verify_elsewhere = !can_verify && acting.is_some();
    }
    let view = ShowView {
        ctx,
        can_edit: standing.allows(Permission::EditProfile),
        can_verify,
        verify_elsewhere,
        can_invite: standing.allows(Permission::InviteClaimant) && profile.is_some(),
        can_see_registry: standing.municipal || standing.facilitating,
        is_member: standing.role.is_some(),
        org,
        profile,
        areas,
        projects,
        claim_email,
        project: rejected.project,
        errors: rejected.errors,
    };
    Ok(render_or_refuse(&view, failed))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| show_in(c, &ctx, &scope)).await
}

fn show_in(c: &mut Sql<'_>, ctx: &Ctx, scope: &OrgScope) -> Result<Response, AppError> {
    render_show(c, ctx, *scope, None)
}

#[derive(Template)]
#[template(path = "initiatives/form.html")]
struct FormView<'a> {
    ctx: &'a Ctx,
    /// Where the form posts to.
    action: String,
    /// Mapping a new initiative (the form then asks for its name).
    mapping: bool,
    /// The initiative's own members may choose the municipality and the visibility.
    owner: bool,
    title: String,
    form: ProfileForm,
    municipalities: Vec<organisations::Organisation>,
    /// The municipality whose areas are offered, if one is chosen.
    areas_of: Option<OrgId>,
    areas: AreaChoices,
    choices: Choices,
    errors: FormErrors,
}

impl FormView<'_> {
    fn is(&self, value: &str, key: &str) -> bool {
        value == key
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct EditQuery {
    #[serde(default)]
    pub municipality: String,
}

/// What a profile form page is: where it posts, whose form it is, and which municipality's
/// areas it offers.
struct FormPage {
    action: String,
    /// Mapping a new initiative (the form then asks for its name).
    mapping: bool,
    /// The initiative's own members choose the municipality and the visibility.
    owner: bool,
    title: String,
    areas_of: Option<OrgId>,
}

impl FormPage {
    fn mapping(ctx: &Ctx, municipality: OrgId) -> Self {
        FormPage {
            action: format!("/municipalities/{municipality}/initiatives/new"),
            mapping: true,
            owner: false,
            title: ctx.t("map-title"),
            areas_of: Some(municipality),
        }
    }

    fn editing(ctx: &Ctx, org: &organisations::Organisation, owner: bool) -> Self {
        FormPage {
            action: format!("/initiatives/{}/edit", org.id),
            mapping: false,
            owner,
            title: ctx.t1("profile-edit-title", "name", &org.name),
            areas_of: None,
        }
    }

    fn with_areas_of(mut self, municipality: Option<OrgId>) -> Self {
        self.areas_of = municipality;
        self
    }
}

fn render_form(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    page: FormPage,
    mut form: ProfileForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let municipalities = if page.owner {
        organisations::of_kind(c, OrgKind::Municipality)?
    } else {
        Vec::new()
    };
    let areas = match page.areas_of {
        Some(m) => tree(c, m)?,
        None => Vec::new(),
    };
    let failed = !errors.is_empty();
    form.areas_of = page.areas_of.map(|m| m.to_string()).unwrap_or_default();
    let view = FormView {
        ctx,
        action: page.action,
        mapping: page.mapping,
        owner: page.owner,
        title: page.title,
        form,
        municipalities,
        areas_of: page.areas_of,
        areas,
        choices: Choices::new(),
        errors,
    };
    Ok(render_or_refuse(&view, failed))
}

fn parse_org(input: &str) -> Option<OrgId> {
    input.trim().parse::<i64>().ok().map(OrgId)
}

pub async fn edit_show(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Query(query): Query<EditQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| edit_show_in(c, &ctx, &scope, query)).await
}

fn edit_show_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &OrgScope,
    query: EditQuery,
) -> Result<Response, AppError> {
    let org = organisations::by_id(c, scope.org)?.ok_or(AppError::NotFound)?;
    let profile = initiatives::profile(c, scope.org)?;
    let area_ids: Vec<_> = initiatives::areas_of(c, scope.org)?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let owner = scope.role.is_some();
    let mut form = match &profile {
        Some(row) => ProfileForm::from_row(row, &area_ids),
        None => ProfileForm {
            name: org.name.clone(),
            legal_form: "none".into(),
            character: "participation".into(),
            volunteers: "on".into(),
            ..ProfileForm::default()
        },
    };
    // Its own members may move the profile to another municipality's registry; the areas
    // offered follow the municipality chosen.
    let chosen = parse_org(&query.municipality).filter(|_| owner);
    if let Some(chosen) = chosen {
        form.municipality = chosen.to_string();
    }
    let areas_of = chosen.or(profile.as_ref().map(|p| p.municipality_id));
    let page = FormPage::editing(ctx, &org, owner).with_areas_of(areas_of);
    render_form(c, ctx, page, form, FormErrors::default())
}

pub async fn edit_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    FormData(form): FormData<ProfileForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| {
        edit_submit_in(c, ctx, &scope, form)
    })
    .await
}

fn edit_submit_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &OrgScope,
    mut form: ProfileForm,
) -> Result<Outcome, AppError> {
    let org = organisations::by_id(c, scope.org)?.ok_or(AppError::NotFound)?;
    let existing = initiatives::profile(c, scope.org)?;
    let owner = scope.role.is_some();
    // Only the initiative's own members choose the municipality and whether the profile is
    // public; a municipality or facilitator editing a mapped profile keeps both as they are.
    let municipality = if owner {
        parse_org(&form.municipality)
    } else {
        existing.as_ref().map(|p| p.municipality_id)
    };
    if !owner {
        form.public = if existing.as_ref().is_some_and(|p| p.is_public) {
            "on".into()
        } else {
            String::new()
        };
    }
    let mut errors = FormErrors::default();
    let municipality = match municipality {
        Some(m) if is_municipality(c, m)? => Some(m),
        _ => {
            errors.add("municipality", "error-municipality-required");
            None
        }
    };
    let shown = parse_org(&form.areas_of);
    let page = FormPage::editing(ctx, &org, owner);
    if owner && form.show_areas == "yes" {
        // Only the areas on offer change; what was typed stays, and nothing is saved.
        if municipality.is_some() && shown != municipality {
            form.areas.clear();
        }
        form.show_areas.clear();
        let page = page.with_areas_of(municipality.or(shown));
        return Ok(Outcome::refused(move |c, _, ctx| {
            render_form(c, ctx, page, form, errors)
        }));
    }
    if municipality.is_some() && shown != municipality && !form.areas.is_empty() {
        // The areas ticked belong to the municipality the form showed before.
        form.areas.clear();
        errors.add("areas", "error-areas-choose-again");
    }
    let parsed = form.parse(this_year(), &mut errors);
    let (Some(municipality), Some((profile, areas)), true) =
        (municipality, parsed, errors.is_empty())
    else {
        let page = page.with_areas_of(municipality.or(shown));
        return Ok(Outcome::refused(move |c, _, ctx| {
            render_form(c, ctx, page, form, errors)
        }));
    };
    let now = samenspel_store::now();
    match initiatives::save(c, scope.org, municipality, &profile, &areas, now) {
        Ok(()) => {}
        Err(StoreError::Refused(key)) => {
            errors.add("areas", key);
            let page = page.with_areas_of(Some(municipality));
            return Ok(Outcome::refused(move |c, _, ctx| {
                render_form(c, ctx, page, form, errors)
            }));
        }
        Err(other) => return Err(other.into()),
    }
    let before = existing
        .as_ref()
        .map(|p| ProfileForm::from_row(p, &[]))
        .unwrap_or_default();
    let action = if existing.is_some() {
        Action::InitiativeProfileUpdated(scope.org)
    } else {
        Action::InitiativeProfileCreated(scope.org)
    };
    Ok(
        Done::redirect(format!("/initiatives/{}", scope.org), "flash-profile-saved")
            .audit(Event::new(
                action,
                Some(scope.org),
                profile_changes(&before, &form),
            ))
            .into(),
    )
}

/// The fields that changed, for the audit log (contact details are named, not copied).
fn profile_changes(before: &ProfileForm, after: &ProfileForm) -> serde_json::Value {
    let join = |v: &Vec<String>| {
        let mut v = v.clone();
        v.sort();
        v.join(" ")
    };
    let (bt, at) = (join(&before.themes), join(&after.themes));
    let (br, ar) = (join(&before.core_roles), join(&after.core_roles));
    let (bs, as_) = (join(&before.support), join(&after.support));
    let changed = |b: &str, a: &str| if b == a { "" } else { "changed" };
    audit::changed(&[
        ("municipality", &before.municipality, &after.municipality),
        ("legal_form", &before.legal_form, &after.legal_form),
        ("character", &before.character, &after.character),
        ("member_count", &before.member_count, &after.member_count),
        ("themes", &bt, &at),
        ("core_roles", &br, &ar),
        ("support", &bs, &as_),
        ("public", &before.public, &after.public),
        ("founded_year", &before.founded_year, &after.founded_year),
        ("website", &before.website, &after.website),
        (
            "contact",
            "",
            changed(
                &format!(
                    "{}{}{}",
                    before.contact_name, before.contact_email, before.contact_phone
                ),
                &format!(
                    "{}{}{}",
                    after.contact_name, after.contact_email, after.contact_phone
                ),
            ),
        ),
        (
            "texts",
            "",
            changed(
                &format!(
                    "{}{}{}",
                    before.description, before.does_not_do, before.support_note
                ),
                &format!(
                    "{}{}{}",
                    after.description, after.does_not_do, after.support_note
                ),
            ),
        ),
    ])
}

fn is_municipality(c: &mut Sql<'_>, org: OrgId) -> Result<bool, AppError> {
    Ok(organisations::by_id(c, org)?.is_some_and(|o| o.kind == OrgKind::Municipality))
}

pub async fn map_show(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| map_show_in(c, &ctx, &scope)).await
}

fn map_show_in(c: &mut Sql<'_>, ctx: &Ctx, scope: &OrgScope) -> Result<Response, AppError> {
    let form = ProfileForm {
        legal_form: "none".into(),
        character: "participation".into(),
        volunteers: "on".into(),
        municipality: scope.org.to_string(),
        ..ProfileForm::default()
    };
    let page = FormPage::mapping(ctx, scope.org);
    render_form(c, ctx, page, form, FormErrors::default())
}

pub async fn map_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    FormData(form): FormData<ProfileForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| {
        map_submit_in(c, ctx, &scope, form)
    })
    .await
}

fn map_submit_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &OrgScope,
    mut form: ProfileForm,
) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?;
    // A mapped profile is not public until the initiative itself decides so.
    form.public = String::new();
    form.municipality = scope.org.to_string();
    let mut errors = FormErrors::default();
    let name = errors.check("name", OrgName::parse(&form.name));
    let parsed = form.parse(this_year(), &mut errors);
    let page = FormPage::mapping(ctx, scope.org);
    let (Some(name), Some((profile, areas)), true) = (name, parsed, errors.is_empty()) else {
        return Ok(Outcome::refused(move |c, _, ctx| {
            render_form(c, ctx, page, form, errors)
        }));
    };
    let now = samenspel_store::now();
    let acting = organisations::acting_for(c, scope.org, me.id)?.ok_or(AppError::Forbidden)?;
    let mapping = initiatives::Mapping {
        name: &name,
        municipality: scope.org,
        mapped_by: acting,
        creator: me.id,
        profile: &profile,
        areas: &areas,
    };
    let org = match initiatives::map(c, &mapping, now) {
        Ok(org) => org,
        Err(StoreError::Refused(key)) => {
            errors.add("areas", key);
            return Ok(Outcome::refused(move |c, _, ctx| {
                render_form(c, ctx, page, form, errors)
            }));
        }
        Err(other) => return Err(other.into()),
    };
    Ok(
        Done::redirect(format!("/initiatives/{org}"), "flash-initiative-mapped")
            .audit(Event::new(
                Action::InitiativeMapped(org),
                Some(scope.org),
                serde_json::json!({ "name": name.as_str(), "mapped_by": acting }),
            ))
            .into(),
    )
}

pub async fn verify(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| verify_in(c, ctx, &scope)).await
}

fn verify_in(c: &mut Sql<'_>, ctx: &Ctx, scope: &OrgScope) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?;
    let profile = initiatives::profile(c, scope.org)?.ok_or(AppError::NotFound)?;
    let acting =
        organisations::acting_for(c, profile.municipality_id, me.id)?.ok_or(AppError::Forbidden)?;
    if !profile.may_be_verified_by(acting) {
        return Err(AppError::Forbidden);
    }
    initiatives::verify(c, scope.org, acting, samenspel_store::now())?;
    Ok(Done::redirect(
        format!("/initiatives/{}", scope.org),
        "flash-profile-verified",
    )
    .audit(Event::new(
        Action::InitiativeVerified(scope.org),
        Some(scope.org),
        serde_json::json!({ "verified_by": acting }),
    ))
    .into())
}

#[derive(Debug, Default, Deserialize)]
pub struct ClaimForm {
    #[serde(default)]
    pub email: String,
}

pub async fn invite_claimant(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    FormData(form): FormData<ClaimForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        invite_claimant_in(c, state, ctx, scope, form)
    })
    .await
}

fn invite_claimant_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: OrgScope,
    form: ClaimForm,
) -> Result<Outcome, AppError> {
    let mut errors = FormErrors::default();
    let Some(email) = errors.check("email", Email::parse(&form.email)) else {
        let rejected = Rejected {
            claim_email: form.email,
            errors,
            ..Rejected::default()
        };
        return Ok(Outcome::refused(move |c, _, ctx| {
            render_show(c, ctx, scope, Some(rejected))
        }));
    };
    let now = samenspel_store::now();
    let org = organisations::by_id(c, scope.org)?.ok_or(AppError::NotFound)?;
    // Whoever accepts first becomes the initiative's administrator and owns its profile.
    let invited = invitations::send(c, state, ctx, &org, &email, OrgRole::Admin, ctx.lang, now)?;
    Ok(
        Done::redirect(format!("/initiatives/{}", scope.org), "flash-claim-invited")
            .audit(invited)
            .into(),
    )
}

pub async fn add_project(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    FormData(input): FormData<ProjectInput>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| add_project_in(c, scope, input)).await
}

fn add_project_in(
    c: &mut Sql<'_>,
    scope: OrgScope,
    input: ProjectInput,
) -> Result<Outcome, AppError> {
    let project = match Project::parse(&input.year, &input.title, &input.result, this_year()) {
        Ok(project) => project,
        Err(invalid) => {
            let mut errors = FormErrors::default();
            for (field, error) in invalid {
                errors.add(
                    match field {
                        "year" => "project-year",
                        "title" => "project-title",
                        _ => "project-result",
                    },
                    error.key,
                );
            }
            let rejected = Rejected {
                project: input,
                errors,
                ..Rejected::default()
            };
            return Ok(Outcome::refused(move |c, _, ctx| {
                render_show(c, ctx, scope, Some(rejected))
            }));
        }
    };
    if initiatives::profile(c, scope.org)?.is_none() {
        return Err(AppError::Conflict("error-profile-first"));
    }
    let id = initiatives::add_project(c, scope.org, &project, samenspel_store::now())?;
    Ok(Done::redirect(
        format!("/initiatives/{}#track-record", scope.org),
        "flash-project-added",
    )
    .audit(Event::new(
        Action::InitiativeProjectAdded(id),
        Some(scope.org),
        serde_json::json!({ "year": project.year, "title": project.title }),
    ))
    .into())
}

#[derive(Debug, Deserialize)]
pub struct ProjectPath {
    pub org: i64,
    pub project: i64,
}

pub async fn remove_project(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Path(path): Path<ProjectPath>,
    FormData(form): FormData<Confirmation>,
) -> Result<Response, AppError> {
    debug_assert_eq!(path.org, scope.org.0);
    let id = ProjectId(path.project);
    change(state, ctx, move |c, _, ctx| {
        remove_project_in(c, ctx, &scope, id, &form)
    })
    .await
}

fn remove_project_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &OrgScope,
    id: ProjectId,
    form: &Confirmation,
) -> Result<Outcome, AppError> {
    if !form.given() {
        let project = initiatives::projects(c, scope.org)?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or(AppError::NotFound)?;
        return Ok(AskFirst {
            title: ctx.t1("confirm-remove-project-title", "title", &project.title),
            what: ctx.t("confirm-remove-project-what"),
            button: ctx.t1("profile-remove-project", "title", &project.title),
            action: format!("/initiatives/{}/projects/{id}/remove", scope.org),
            fields: Vec::new(),
            back: format!("/initiatives/{}#track-record", scope.org),
        }
        .outcome());
    }
    if !initiatives::remove_project(c, scope.org, id)? {
        return Err(AppError::NotFound);
    }
    Ok(Done::redirect(
        format!("/initiatives/{}#track-record", scope.org),
        "flash-project-removed",
    )
    .audit(Event::new(
        Action::InitiativeProjectRemoved(id),
        Some(scope.org),
        serde_json::json!({}),
    ))
    .into())
}
