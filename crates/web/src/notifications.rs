//! In-app notifications: the count in the header, the list of what happened in the logbooks a
//! person takes part in, opening one (which marks it read) and marking all read.

use crate::auth::{Ctx, redirect, redirect_with_flash};
use crate::error::AppError;
use crate::routes::{Access, RouteTable};
use crate::state::AppState;
use crate::views::{format, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use samenspel_store::notifications::{self, Notice};

const SHOWN: i64 = 100;

pub fn routes(state: AppState) -> RouteTable {
    RouteTable::new(state)
        .route("GET", "/notifications", Access::LoggedIn, get(list))
        .route("GET", "/notifications/{id}", Access::LoggedIn, get(open))
        .route(
            "POST",
            "/notifications/read",
            Access::LoggedIn,
            post(read_all),
        )
}

#[derive(Template)]
#[template(path = "notifications/list.html")]
struct ListView<'a> {
    ctx: &'a Ctx,
    notices: Vec<Notice>,
    unread: usize,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?.id;
    let mut conn = state.db.conn().await?;
    let notices = notifications::list(conn.ex(), user, format::today(), SHOWN).await?;
    drop(conn);
    let view = ListView {
        ctx: &ctx,
        unread: notices.iter().filter(|n| n.read_at.is_none()).count(),
        notices,
    };
    Ok(render(&view))
}

/// Marks the notification read and goes to its entry.
pub async fn open(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.id;
    let mut tx = state.db.begin().await?;
    let target =
        notifications::open(tx.ex(), user, id, format::today(), samenspel_store::now()).await?;
    tx.commit().await?;
    let (approach, entry) = target.ok_or(AppError::NotFound)?;
    Ok(redirect(&format!("/approaches/{approach}/logbook/{entry}")))
}

pub async fn read_all(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?.id;
    let mut tx = state.db.begin().await?;
    notifications::read_all(tx.ex(), user, samenspel_store::now()).await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &state,
        "/notifications",
        "flash-notifications-read",
    ))
}
