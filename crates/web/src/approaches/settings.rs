//! What the municipality decides about an approach: its name and areas, the contact point, its
//! own role, the intensity of the partnership and the phase (the same form starts a new
//! approach); the status with its reason; moving to a newer version of the method.

use crate::areas::DistrictRow;
use crate::areas::tree;
use crate::audit;
use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::ApproachScope;
use crate::http::Ctx;
use crate::state::AppState;
use crate::views::render_or_refuse;
use crate::workspace::Workspace;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use samenspel_domain::approaches::{
    ApproachStatus, DirectorRole, Intensity, SteeringForm, optional_line, optional_text,
    required_line,
};
use samenspel_domain::method::Pack;
use samenspel_store::approaches::{self, Settings};
use samenspel_store::sql::Sql;
use samenspel_store::{AreaId, OrgId, StoreError, UserId, organisations};
use serde::Deserialize;

/// The settings form's input, kept as typed when it is refused.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub name: String,
    pub description: String,
    pub phase: String,
    pub steering_form: String,
    pub director_role: String,
    pub intensity: String,
    pub contact: String,
    pub contact_phone: String,
    pub areas: Vec<String>,
}

impl SettingsForm {
    pub fn from_row(row: &approaches::ApproachRow, areas: &[approaches::AreaRow]) -> Self {
        SettingsForm {
            name: row.name.clone(),
            description: row.description.clone(),
            phase: row.phase_key.clone(),
            steering_form: row.steering_form.map(|s| s.to_string()).unwrap_or_default(),
            director_role: row.director_role.map(|r| r.to_string()).unwrap_or_default(),
            intensity: row.intensity.to_string(),
            contact: row
                .contact_user_id
                .map(|u| u.to_string())
                .unwrap_or_default(),
            contact_phone: row.contact_phone.clone(),
            areas: areas.iter().map(|a| a.id.to_string()).collect(),
        }
    }

    pub fn has(&self, list: &str, key: &str) -> bool {
        list == "areas" && self.areas.iter().any(|v| v == key)
    }

    /// Checks the input against the method and the municipality's members.
    fn parse(&self, pack: &Pack, members: &[UserId], errors: &mut FormErrors) -> Option<Settings> {
        let name = errors.check(
            "name",
            required_line(
                &self.name,
                150,
                "error-approach-name-required",
                "error-approach-name-long",
            ),
        );
        let description = errors.check(
            "description",
            optional_text(&self.description, 4000, "error-approach-description-long"),
        );
        if pack.phase(&self.phase).is_none() {
            errors.add("phase", "error-phase-invalid");
        }
        let steering_form = match self.steering_form.trim() {
            "" => Some(None),
            s => errors
                .check("steering_form", SteeringForm::parse(s))
                .map(|f| Some(f.as_str().to_owned())),
        };
        let director_role = match self.director_role.trim() {
            "" => Some(None),
            s => errors
                .check("director_role", DirectorRole::parse(s))
                .map(|r| Some(r.as_str().to_owned())),
        };
        let intensity = errors.check("intensity", Intensity::parse(&self.intensity));
        let contact = match self.contact.trim() {
            "" => Some(None),
            s => match s.parse::<i64>().ok().map(UserId) {
                Some(u) if members.contains(&u) => Some(Some(u)),
                _ => {
                    errors.add("contact", "error-contact-invalid");
                    None
                }
            },
        };
        let contact_phone = errors.check(
            "contact_phone",
            optional_line(&self.contact_phone, 40, "error-phone-long"),
        );
        let mut areas = Vec::new();
        for a in &self.areas {
            match a.trim().parse::<i64>() {
                Ok(id) => areas.push(AreaId(id)),
                Err(_) => errors.add("areas", "error-area-unknown"),
            }
        }
        if self.areas.is_empty() {
            errors.add("areas", "error-approach-areas-required");
        }
        Some(Settings {
            name: name?,
            description: description?,
            phase_key: self.phase.clone(),
            steering_form: steering_form?,
            director_role: director_role?,
            intensity: intensity?,
            contact_user: contact?,
            contact_phone: contact_phone?,
            areas,
        })
        .filter(|_| errors.is_empty())
    }
}

#[derive(Template)]
#[template(path = "approaches/settings.html")]
struct SettingsView<'a> {
    ctx: &'a Ctx,
    /// Starting a new approach (else: changing one).
    new: bool,
    action: String,
    title: String,
    municipality: organisations::Organisation,
    pack: &'a Pack,
    areas: Vec<DistrictRow>,
    members: Vec<organisations::Member>,
    form: SettingsForm,
    errors: FormErrors,
    /// The approach being changed, with its status form.
    approach: Option<approaches::ApproachRow>,
    status_form: StatusForm,
    status_errors: FormErrors,
    /// A newer version of the method this approach can move to.
    newer_method: bool,
    steering_forms: &'static [SteeringForm],
    director_roles: &'static [DirectorRole],
    intensities: &'static [Intensity],
    statuses: &'static [ApproachStatus],
}

/// What a settings page is about.
pub(crate) struct Page {
    pub municipality: OrgId,
    pub approach: Option<approaches::ApproachRow>,
    pub pack: std::sync::Arc<Pack>,
    pub newer_method: bool,
}

impl Page {
    /// The settings page of an existing approach.
    fn of(ws: Workspace) -> Self {
        Page {
            municipality: ws.approach.municipality_id,
            newer_method: !ws.current_method,
            approach: Some(ws.approach),
            pack: ws.pack,
        }
    }
}

pub(crate) fn render_settings(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    page: Page,
    form: SettingsForm,
    errors: FormErrors,
    status: (StatusForm, FormErrors),
) -> Result<Response, AppError> {
    let municipality = organisations::by_id(c, page.municipality)?.ok_or(AppError::NotFound)?;
    let members: Vec<_> = organisations::members(c, page.municipality)?
        .into_iter()
        .filter(|m| m.until.is_none())
        .collect();
    let areas = tree(c, page.municipality)?;
    let failed = !errors.is_empty() || !status.1.is_empty();
    let (new, action, title) = match &page.approach {
        Some(a) => (
            false,
            format!("/approaches/{}/settings", a.id),
            ctx.t1("approach-settings-title", "name", &a.name),
        ),
        None => (
            true,
            format!("/municipalities/{}/approaches/new", page.municipality),
            ctx.t("approach-new-title"),
        ),
    };
    let view = SettingsView {
        ctx,
        new,
        action,
        title,
        municipality,
        pack: &page.pack,
        areas,
        members,
        form,
        errors,
        approach: page.approach,
        status_form: status.0,
        status_errors: status.1,
        newer_method: page.newer_method,
        steering_forms: SteeringForm::ALL,
        director_roles: DirectorRole::ALL,
        intensities: Intensity::ALL,
        statuses: ApproachStatus::ALL,
    };
    Ok(render_or_refuse(&view, failed))
}

/// Checks a submitted settings form. `Err` carries the errors to show with the form again.
pub(crate) fn check_in(
    c: &mut Sql<'_>,
    municipality: OrgId,
    pack: &Pack,
    form: &SettingsForm,
) -> Result<Result<Settings, FormErrors>, AppError> {
    let members: Vec<UserId> = organisations::members(c, municipality)?
        .into_iter()
        .filter(|m| m.until.is_none())
        .map(|m| m.user_id)
        .collect();
    let mut errors = FormErrors::default();
    Ok(match form.parse(pack, &members, &mut errors) {
        Some(settings) => Ok(settings),
        None => Err(errors),
    })
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
    let ws = Workspace::load_in(c, state, scope)?;
    let areas = approaches::areas(c, scope.id)?;
    let form = SettingsForm::from_row(&ws.approach, &areas);
    let status = StatusForm {
        status: ws.approach.status.to_string(),
        reason: ws.approach.status_reason.clone(),
        together: if ws.approach.ended_together {
            "on".into()
        } else {
            String::new()
        },
    };
    let page = Page::of(ws);
    render_settings(
        c,
        ctx,
        page,
        form,
        FormErrors::default(),
        (status, FormErrors::default()),
    )
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    FormData(form): FormData<SettingsForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, _| {
        submit_in(c, state, &scope, form)
    })
    .await
}

fn submit_in(
    c: &mut Sql<'_>,
    state: &AppState,
    scope: &ApproachScope,
    form: SettingsForm,
) -> Result<Outcome, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let before = SettingsForm::from_row(&ws.approach, &approaches::areas(c, scope.id)?);
    let refuse = |ws: Workspace, form: SettingsForm, errors: FormErrors| {
        Outcome::refused(move |c, _, ctx| {
            render_settings(c, ctx, Page::of(ws), form, errors, Default::default())
        })
    };
    let settings = match check_in(c, scope.municipality, &ws.pack, &form)? {
        Ok(settings) => settings,
        Err(errors) => return Ok(refuse(ws, form, errors)),
    };
    match approaches::update(
        c,
        scope.id,
        scope.municipality,
        &settings,
        samenspel_store::now(),
    ) {
        Ok(()) => {}
        Err(StoreError::Refused(key)) => {
            let mut errors = FormErrors::default();
            errors.add("areas", key);
            return Ok(refuse(ws, form, errors));
        }
        Err(other) => return Err(other.into()),
    }
    let mut before_areas: Vec<_> = before.areas.clone();
    let mut after_areas: Vec<_> = form.areas.clone();
    before_areas.sort();
    after_areas.sort();
    let changes = audit::changed(&[
        ("name", &before.name, settings.name.as_str()),
        ("phase", &before.phase, &form.phase),
        ("steering_form", &before.steering_form, &form.steering_form),
        ("director_role", &before.director_role, &form.director_role),
        ("intensity", &before.intensity, &form.intensity),
        ("contact", &before.contact, &form.contact),
        (
            "areas",
            &before_areas.join(" "),
            after_areas.join(" ").as_str(),
        ),
    ]);
    Ok(
        Done::redirect(format!("/approaches/{}", scope.id), "flash-approach-saved")
            .audit(Event::new(
                Action::ApproachUpdated(scope.id),
                Some(scope.municipality),
                changes,
            ))
            .into(),
    )
}

/// The status form's input.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    pub status: String,
    pub reason: String,
    pub together: String,
}

pub async fn status(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    FormData(input): FormData<StatusForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, _| {
        status_in(c, state, &scope, input)
    })
    .await
}

fn status_in(
    c: &mut Sql<'_>,
    state: &AppState,
    scope: &ApproachScope,
    input: StatusForm,
) -> Result<Outcome, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let mut errors = FormErrors::default();
    let current = ws.approach.status;
    let to = errors.check("status", ApproachStatus::parse(&input.status));
    if let Some(to) = to {
        errors.check("status", current.check_move(to));
    }
    let reason = errors.check(
        "reason",
        optional_text(&input.reason, 2000, "error-status-reason-long"),
    );
    if let (Some(to), Some(reason)) = (to, &reason)
        && ApproachStatus::needs_reason(to)
        && reason.is_empty()
    {
        errors.add("reason", "error-status-reason-required");
    }
    let (Some(to), Some(reason), true) = (to, reason, errors.is_empty()) else {
        let form = SettingsForm::from_row(&ws.approach, &approaches::areas(c, scope.id)?);
        return Ok(Outcome::refused(move |c, _, ctx| {
            let page = Page::of(ws);
            render_settings(c, ctx, page, form, FormErrors::default(), (input, errors))
        }));
    };
    let together = input.together == "on";
    approaches::set_status(
        c,
        scope.id,
        current,
        to,
        &reason,
        together,
        samenspel_store::now(),
    )?;
    let changes = serde_json::json!({
        "status": [current.as_str(), to.as_str()],
        "together": together && to == ApproachStatus::Stopped,
    });
    Ok(
        Done::redirect(format!("/approaches/{}", scope.id), "flash-approach-status")
            .audit(Event::new(
                Action::ApproachStatusChanged(scope.id),
                Some(scope.municipality),
                changes,
            ))
            .into(),
    )
}

/// Moves the approach to the current version of the method.
pub async fn move_method(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, _| {
        move_method_in(c, state, &scope)
    })
    .await
}

fn move_method_in(
    c: &mut Sql<'_>,
    state: &AppState,
    scope: &ApproachScope,
) -> Result<Outcome, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let (current, pack) = state.methods.current_in(c)?;
    if current == ws.approach.pack_id {
        return Err(AppError::Conflict("error-method-current"));
    }
    let added = pack
        .nodes
        .iter()
        .filter(|n| ws.pack.node(&n.key).is_none())
        .count();
    let removed = ws
        .pack
        .nodes
        .iter()
        .filter(|n| pack.node(&n.key).is_none())
        .count();
    approaches::set_pack(c, scope.id, current, samenspel_store::now())?;
    let changes = serde_json::json!({
        "from_version": ws.pack.pack.version, "to_version": pack.pack.version,
        "nodes_added": added, "nodes_removed": removed,
    });
    Ok(Done::redirect(
        format!("/approaches/{}/kompas", scope.id),
        "flash-method-moved",
    )
    .audit(Event::new(
        Action::ApproachMethodMoved(scope.id),
        Some(scope.municipality),
        changes,
    ))
    .into())
}
