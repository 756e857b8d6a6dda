//! One organisation, for platform administrators: rename it, appoint an administrator when it
//! has none left, or delete it while it holds nothing of the collaboration yet. Audited.

use crate::audit;
use crate::auth::{Ctx, redirect_with_flash};
use crate::error::AppError;
use crate::forms::{FormData, FormErrors};
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
fn back(state: &AppState, org: OrgId, flash: &'static str) -> Response {
    redirect_with_flash(state, &format!("/admin/organisations/{org}"), flash)
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
    let org = OrgId(org);
    let mut errors = FormErrors::default();
    let Some(name) = errors.check("name", OrgName::parse(&form.name)) else {
        return render_page(
            &mut state.db.conn().await?.ex(),
            &ctx,
            org,
            Some(form),
            errors,
        );
    };
    let mut tx = state.db.begin().await?;
    let before = organisations::by_id(&mut tx.ex(), org)?.ok_or(AppError::NotFound)?;
    match organisations::rename(&mut tx.ex(), org, &name, samenspel_store::now()) {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => {
            drop(tx);
            errors.add("name", "error-municipality-name-taken");
            return render_page(
                &mut state.db.conn().await?.ex(),
                &ctx,
                org,
                Some(form),
                errors,
            );
        }
        Err(other) => return Err(other.into()),
    }
    audit::record(
        &mut tx.ex(),
        &ctx,
        "organisation.renamed",
        ("organisation", Some(org.0)),
        Some(org),
        audit::changed(&[("name", before.name.as_str(), name.as_str())]),
    )?;
    tx.commit().await?;
    Ok(back(&state, org, "flash-organisation-renamed"))
}

pub async fn appoint(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(org): Path<i64>,
    FormData(form): FormData<OrganisationForm>,
) -> Result<Response, AppError> {
    let org = OrgId(org);
    let mut errors = FormErrors::default();
    let Some(email) = errors.check("email", Email::parse(&form.email)) else {
        return render_page(
            &mut state.db.conn().await?.ex(),
            &ctx,
            org,
            Some(form),
            errors,
        );
    };
    let now = samenspel_store::now();
    let mut tx = state.db.begin().await?;
    organisations::by_id(&mut tx.ex(), org)?.ok_or(AppError::NotFound)?;
    // Only where no one is left to appoint one: otherwise its own administrators decide.
    if organisations::admin_count(&mut tx.ex(), org)? > 0 {
        return Err(AppError::Conflict("error-organisation-has-admin"));
    }
    let Some(person) = users::by_email(&mut tx.ex(), &email)? else {
        drop(tx);
        errors.add("email", "error-appoint-no-account");
        return render_page(
            &mut state.db.conn().await?.ex(),
            &ctx,
            org,
            Some(form),
            errors,
        );
    };
    let membership = organisations::members(&mut tx.ex(), org)?
        .into_iter()
        .find(|m| m.user_id == person.id && m.until.is_none());
    match membership {
        Some(member) => organisations::change_role(&mut tx.ex(), org, &member, OrgRole::Admin)?,
        None => {
            organisations::add_member(&mut tx.ex(), org, person.id, OrgRole::Admin, now)?;
        }
    }
    audit::record(
        &mut tx.ex(),
        &ctx,
        "organisation.admin_appointed",
        ("user", Some(person.id.0)),
        Some(org),
        serde_json::json!({ "email": email.as_str() }),
    )?;
    tx.commit().await?;
    Ok(back(&state, org, "flash-admin-appointed"))
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(org): Path<i64>,
    FormData(form): FormData<OrganisationForm>,
) -> Result<Response, AppError> {
    let org = OrgId(org);
    if form.confirm != "yes" {
        let mut errors = FormErrors::default();
        errors.add("confirm", "error-delete-confirm");
        return render_page(&mut state.db.conn().await?.ex(), &ctx, org, None, errors);
    }
    let mut tx = state.db.begin().await?;
    let found = organisations::by_id(&mut tx.ex(), org)?.ok_or(AppError::NotFound)?;
    if organisations::holds_anything(&mut tx.ex(), org)? {
        return Err(AppError::Conflict("error-organisation-holds-something"));
    }
    audit::record(
        &mut tx.ex(),
        &ctx,
        "organisation.deleted",
        ("organisation", Some(org.0)),
        None,
        serde_json::json!({ "name": found.name, "kind": found.kind }),
    )?;
    organisations::delete(&mut tx.ex(), org)?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &state,
        "/admin/organisations",
        "flash-organisation-deleted",
    ))
}
