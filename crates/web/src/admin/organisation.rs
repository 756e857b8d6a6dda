//! One organisation, for platform administrators: rename it, appoint an administrator when it
//! has none left, or delete it while it holds nothing of the collaboration yet. Audited.

use crate::audit::{self, Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::Ctx;
use crate::state::AppState;
use crate::views::render_or_refuse;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use samenspel_domain::accounts::Email;
use samenspel_domain::organisations::{OrgName, OrgRole};
use samenspel_store::organisations::{self, Organisation};
use samenspel_store::sql::Sql;
use samenspel_store::{OrgId, StoreError, users};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "admin/organisation.html")]
struct OrganisationView<'a> {
    ctx: &'a Ctx,
    org: Organisation,
    admins: i64,
    holds_anything: bool,
    name: String,
    email: String,
    errors: FormErrors,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OrganisationForm {
    pub name: String,
    pub email: String,
    pub confirm: String,
}

fn render_page(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    org: OrgId,
    form: Option<OrganisationForm>,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let found = organisations::by_id(c, org)?.ok_or(AppError::NotFound)?;
    let admins = organisations::admin_count(c, org)?;
    let holds_anything = organisations::holds_anything(c, org)?;
    let form = form.unwrap_or_else(|| OrganisationForm {
        name: found.name.clone(),
        ..OrganisationForm::default()
    });
    let failed = !errors.is_empty();
    let view = OrganisationView {
        ctx,
        org: found,
        admins,
        holds_anything,
        name: form.name,
        email: form.email,
        errors,
    };
    Ok(render_or_refuse(&view, failed))
}

/// Back to the organisation's page, saying what was done.
fn back(org: OrgId, flash: &'static str) -> Done {
    Done::redirect(format!("/admin/organisations/{org}"), flash)
}

/// The organisation's page again, with what was typed (`form`) and why it was refused.
fn refuse(org: OrgId, form: Option<OrganisationForm>, errors: FormErrors) -> Outcome {
    Outcome::refused(move |c, _, ctx| render_page(c, ctx, org, form, errors))
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(org): Path<i64>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| page_in(c, &ctx, org)).await
}

fn page_in(c: &mut Sql<'_>, ctx: &Ctx, org: i64) -> Result<Response, AppError> {
    render_page(c, ctx, OrgId(org), None, FormErrors::default())
}

pub async fn rename(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(org): Path<i64>,
    FormData(form): FormData<OrganisationForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| rename_in(c, OrgId(org), form)).await
}

fn rename_in(c: &mut Sql<'_>, org: OrgId, form: OrganisationForm) -> Result<Outcome, AppError> {
    let mut errors = FormErrors::default();
    let Some(name) = errors.check("name", OrgName::parse(&form.name)) else {
        return Ok(refuse(org, Some(form), errors));
    };
    let before = organisations::by_id(c, org)?.ok_or(AppError::NotFound)?;
    match organisations::rename(c, org, &name, samenspel_store::now()) {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => {
            errors.add("name", "error-municipality-name-taken");
            return Ok(refuse(org, Some(form), errors));
        }
        Err(other) => return Err(other.into()),
    }
    let changes = audit::changed(&[("name", before.name.as_str(), name.as_str())]);
    Ok(back(org, "flash-organisation-renamed")
        .audit(Event::new(
            Action::OrganisationRenamed(org),
            Some(org),
            changes,
        ))
        .into())
}

pub async fn appoint(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(org): Path<i64>,
    FormData(form): FormData<OrganisationForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| appoint_in(c, OrgId(org), form)).await
}

fn appoint_in(c: &mut Sql<'_>, org: OrgId, form: OrganisationForm) -> Result<Outcome, AppError> {
    let mut errors = FormErrors::default();
    let Some(email) = errors.check("email", Email::parse(&form.email)) else {
        return Ok(refuse(org, Some(form), errors));
    };
    let now = samenspel_store::now();
    organisations::by_id(c, org)?.ok_or(AppError::NotFound)?;
    // Only where no one is left to appoint one: otherwise its own administrators decide.
    if organisations::admin_count(c, org)? > 0 {
        return Err(AppError::Conflict("error-organisation-has-admin"));
    }
    let Some(person) = users::by_email(c, &email)? else {
        errors.add("email", "error-appoint-no-account");
        return Ok(refuse(org, Some(form), errors));
    };
    let membership = organisations::members(c, org)?
        .into_iter()
        .find(|m| m.user_id == person.id && m.until.is_none());
    match membership {
        Some(member) => organisations::change_role(c, org, &member, OrgRole::Admin)?,
        None => {
            organisations::add_member(c, org, person.id, OrgRole::Admin, now)?;
        }
    }
    Ok(back(org, "flash-admin-appointed")
        .audit(Event::new(
            Action::OrganisationAdminAppointed(person.id),
            Some(org),
            serde_json::json!({ "email": email.as_str() }),
        ))
        .into())
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(org): Path<i64>,
    FormData(form): FormData<OrganisationForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| delete_in(c, OrgId(org), &form)).await
}

fn delete_in(c: &mut Sql<'_>, org: OrgId, form: &OrganisationForm) -> Result<Outcome, AppError> {
    if form.confirm != "yes" {
        let mut errors = FormErrors::default();
        errors.add("confirm", "error-delete-confirm");
        return Ok(refuse(org, None, errors));
    }
    let found = organisations::by_id(c, org)?.ok_or(AppError::NotFound)?;
    if organisations::holds_anything(c, org)? {
        return Err(AppError::Conflict("error-organisation-holds-something"));
    }
    // What it was, for the log, taken before the row goes.
    let deleted = Event::new(
        Action::OrganisationDeleted(org),
        None,
        serde_json::json!({ "name": found.name, "kind": found.kind.as_str() }),
    );
    organisations::delete(c, org)?;
    Ok(
        Done::redirect("/admin/organisations", "flash-organisation-deleted")
            .audit(deleted)
            .into(),
    )
}
