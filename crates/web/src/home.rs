//! The start page: what Samenspel is for visitors, one's organisations for people logged in.

use crate::http::AppError;
use crate::http::Ctx;
use crate::http::{Access, RouteTable};
use crate::state::AppState;
use crate::views::render;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use samenspel_store::organisations::{self, OrgSummary};
use samenspel_store::sql::Sql;

pub fn routes(state: AppState) -> RouteTable {
    RouteTable::new(state).route("GET", "/", Access::Public, get(home))
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomeView<'a> {
    ctx: &'a Ctx,
    organisations: Vec<OrgSummary>,
    allow_registration: bool,
}

async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| home_in(c, &state, &ctx)).await
}

fn home_in(c: &mut Sql<'_>, state: &AppState, ctx: &Ctx) -> Result<Response, AppError> {
    let organisations = match &ctx.user {
        Some(user) => organisations::for_user(c, user.id)?,
        None => Vec::new(),
    };
    Ok(render(&HomeView {
        ctx,
        organisations,
        allow_registration: state.config.allow_registration,
    }))
}
