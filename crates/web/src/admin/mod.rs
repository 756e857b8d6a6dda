//! Platform administration: every user, every organisation, municipalities waiting for
//! verification, and the audit log.

pub mod audit_log;
mod organisation;
mod people;
mod verification;

use crate::http::AppError;
use crate::http::Ctx;
use crate::http::{Access, RouteTable};
use crate::state::AppState;
use crate::views::render;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use samenspel_store::sql::Sql;
use samenspel_store::{OrgId, organisations, users};
use serde::Deserialize;

pub use audit_log::action_key;

const PAGE: i64 = 50;

pub fn routes(state: AppState) -> RouteTable {
    RouteTable::new(state)
        .route(
            "GET",
            "/admin/users",
            Access::PlatformAdmin,
            get(users_page),
        )
        .route(
            "GET",
            "/admin/users/{user}",
            Access::PlatformAdmin,
            get(people::page),
        )
        .route(
            "POST",
            "/admin/users/{user}/block",
            Access::PlatformAdmin,
            post(people::block),
        )
        .route(
            "POST",
            "/admin/users/{user}/unblock",
            Access::PlatformAdmin,
            post(people::unblock),
        )
        .route(
            "POST",
            "/admin/users/{user}/end-sessions",
            Access::PlatformAdmin,
            post(people::end_sessions),
        )
        .route(
            "POST",
            "/admin/users/{user}/reset-two-factor",
            Access::PlatformAdmin,
            post(people::reset_two_factor),
        )
        .route(
            "POST",
            "/admin/users/{user}/platform-admin",
            Access::PlatformAdmin,
            post(people::platform_admin),
        )
        .route(
            "POST",
            "/admin/users/{user}/lift-lockout",
            Access::PlatformAdmin,
            post(people::lift_lockout),
        )
        .route(
            "GET",
            "/admin/organisations",
            Access::PlatformAdmin,
            get(organisations_page),
        )
        .route(
            "GET",
            "/admin/organisations/{org}",
            Access::PlatformAdmin,
            get(organisation::page),
        )
        .route(
            "POST",
            "/admin/organisations/{org}/rename",
            Access::PlatformAdmin,
            post(organisation::rename),
        )
        .route(
            "POST",
            "/admin/organisations/{org}/appoint",
            Access::PlatformAdmin,
            post(organisation::appoint),
        )
        .route(
            "POST",
            "/admin/organisations/{org}/delete",
            Access::PlatformAdmin,
            post(organisation::delete),
        )
        .route(
            "GET",
            "/admin/municipalities",
            Access::PlatformAdmin,
            get(verification::page),
        )
        .route(
            "POST",
            "/admin/municipalities/{org}/verify",
            Access::PlatformAdmin,
            post(verification::verify),
        )
        .route(
            "POST",
            "/admin/municipalities/{org}/reject",
            Access::PlatformAdmin,
            post(verification::reject),
        )
        .route(
            "GET",
            "/admin/audit",
            Access::PlatformAdmin,
            get(audit_log::page),
        )
}

#[derive(Debug, Default, Deserialize)]
pub struct AfterQuery {
    #[serde(default)]
    pub after: String,
    /// A search in the list of users.
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub after_id: Option<i64>,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersView<'a> {
    ctx: &'a Ctx,
    users: Vec<users::UserSummary>,
    total: i64,
    next: Option<String>,
    /// What was searched for; empty for the whole list.
    query: String,
}

async fn users_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<AfterQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| users_page_in(c, &ctx, query)).await
}

fn users_page_in(c: &mut Sql<'_>, ctx: &Ctx, query: AfterQuery) -> Result<Response, AppError> {
    let search = query.q.trim().to_owned();
    let total = users::count(c)?;
    // A search shows its first page of matches; the whole list pages by address.
    let (users, next) = if search.is_empty() {
        let after = (!query.after.is_empty()).then_some(query.after.as_str());
        let mut users = users::list(c, after, PAGE + 1)?;
        let next = (users.len() as i64 > PAGE).then(|| {
            users.truncate(PAGE as usize);
            let last = users.last().map(|u| u.email.clone()).unwrap_or_default();
            serde_urlencoded::to_string([("after", last)]).unwrap_or_default()
        });
        (users, next)
    } else {
        (users::search(c, &search, PAGE)?, None)
    };
    Ok(render(&UsersView {
        ctx,
        users,
        total,
        next,
        query: search,
    }))
}

#[derive(Template)]
#[template(path = "admin/organisations.html")]
struct OrganisationsView<'a> {
    ctx: &'a Ctx,
    organisations: Vec<organisations::OrgSummary>,
    total: i64,
    next: Option<String>,
}

async fn organisations_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<AfterQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| organisations_page_in(c, &ctx, query))
        .await
}

fn organisations_page_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    query: AfterQuery,
) -> Result<Response, AppError> {
    let after = query.after_id.map(|id| (query.after.as_str(), OrgId(id)));
    let mut organisations = organisations::list_all(c, after, PAGE + 1)?;
    let next = (organisations.len() as i64 > PAGE).then(|| {
        organisations.truncate(PAGE as usize);
        let last = organisations
            .last()
            .map(|o| (o.name.clone(), o.id.0.to_string()))
            .unwrap_or_default();
        serde_urlencoded::to_string([("after", last.0), ("after_id", last.1)]).unwrap_or_default()
    });
    let total = organisations::count(c)?;
    Ok(render(&OrganisationsView {
        ctx,
        organisations,
        total,
        next,
    }))
}
