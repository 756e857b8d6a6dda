//! One person's account, for platform administrators: who they are, where they are a member,
//! and what an operator can do about their access (block, end sessions, lift a lockout). Every
//! step is audited.

use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::Ctx;
use crate::state::AppState;
use crate::views::render_or_refuse;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use samenspel_store::organisations::{self, OrgSummary};
use samenspel_store::sql::Sql;
use samenspel_store::users::{self, User};
use samenspel_store::{UserId, sessions, two_factor};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "admin/person.html")]
struct PersonView<'a> {
    ctx: &'a Ctx,
    person: User,
    two_factor: bool,
    organisations: Vec<OrgSummary>,
    now: time::OffsetDateTime,
    errors: FormErrors,
}

impl PersonView<'_> {
    fn locked(&self) -> bool {
        self.person.is_locked(self.now)
    }

    fn is_me(&self) -> bool {
        self.ctx
            .user
            .as_ref()
            .is_some_and(|u| u.id == self.person.id)
    }
}

fn render_person(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    id: UserId,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let person = users::by_id(c, id)?.ok_or(AppError::NotFound)?;
    let organisations = organisations::for_user(c, id)?;
    let two_factor = two_factor::factor(c, id)?.enabled();
    let failed = !errors.is_empty();
    let view = PersonView {
        ctx,
        person,
        two_factor,
        organisations,
        now: samenspel_store::now(),
        errors,
    };
    Ok(render_or_refuse(&view, failed))
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| page_in(c, &ctx, id)).await
}

fn page_in(c: &mut Sql<'_>, ctx: &Ctx, id: i64) -> Result<Response, AppError> {
    render_person(c, ctx, UserId(id), FormErrors::default())
}

#[derive(Debug, Default, Deserialize)]
pub struct BlockForm {
    /// The box that says the administrator knows what blocking does.
    #[serde(default)]
    pub confirm: String,
}

/// What an operator does to an account.
enum Step {
    Block,
    Unblock,
    EndSessions,
    LiftLockout,
    ResetTwoFactor,
    MakeAdmin(bool),
}

/// The person's page again, with `key` said about `field`; nothing of the step is kept.
fn refuse(id: UserId, field: &'static str, key: &'static str) -> Outcome {
    Outcome::refused(move |c, _, ctx| {
        let mut errors = FormErrors::default();
        errors.add(field, key);
        render_person(c, ctx, id, errors)
    })
}

pub async fn reset_two_factor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    FormData(form): FormData<BlockForm>,
) -> Result<Response, AppError> {
    let id = UserId(id);
    change(state, ctx, move |c, _, ctx| {
        if form.confirm != "yes" {
            return Ok(refuse(id, "reset_confirm", "error-reset-confirm"));
        }
        act(c, ctx, id, Step::ResetTwoFactor)
    })
    .await
}

#[derive(Debug, Default, Deserialize)]
pub struct AdminForm {
    /// `yes` to make the person a platform administrator, `no` to end it.
    #[serde(default)]
    pub admin: String,
}

pub async fn platform_admin(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    FormData(form): FormData<AdminForm>,
) -> Result<Response, AppError> {
    let make = match form.admin.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadRequest("admin")),
    };
    change(state, ctx, move |c, _, ctx| {
        act(c, ctx, UserId(id), Step::MakeAdmin(make))
    })
    .await
}

pub async fn block(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    FormData(form): FormData<BlockForm>,
) -> Result<Response, AppError> {
    let id = UserId(id);
    change(state, ctx, move |c, _, ctx| {
        if form.confirm != "yes" {
            return Ok(refuse(id, "confirm", "error-block-confirm"));
        }
        act(c, ctx, id, Step::Block)
    })
    .await
}

pub async fn unblock(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| {
        act(c, ctx, UserId(id), Step::Unblock)
    })
    .await
}

pub async fn end_sessions(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| {
        act(c, ctx, UserId(id), Step::EndSessions)
    })
    .await
}

pub async fn lift_lockout(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| {
        act(c, ctx, UserId(id), Step::LiftLockout)
    })
    .await
}

fn act(c: &mut Sql<'_>, ctx: &Ctx, id: UserId, step: Step) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?.id;
    let now = samenspel_store::now();
    users::by_id(c, id)?.ok_or(AppError::NotFound)?;
    // An administrator does not lock themselves out by accident.
    if id == me
        && matches!(
            step,
            Step::Block | Step::EndSessions | Step::ResetTwoFactor | Step::MakeAdmin(false)
        )
    {
        return Err(AppError::Conflict("error-not-yourself"));
    }
    let (action, flash, changes) = match step {
        Step::Block => {
            users::set_blocked(c, id, Some(now))?;
            let ended = sessions::delete_for_user(c, id, None)?;
            (
                Action::UserBlocked(id),
                "flash-user-blocked",
                serde_json::json!({ "sessions_ended": ended }),
            )
        }
        Step::Unblock => {
            users::set_blocked(c, id, None)?;
            (
                Action::UserUnblocked(id),
                "flash-user-unblocked",
                serde_json::json!({}),
            )
        }
        Step::EndSessions => {
            let ended = sessions::delete_for_user(c, id, None)?;
            (
                Action::UserSessionsEnded(id),
                "flash-user-sessions-ended",
                serde_json::json!({ "sessions_ended": ended }),
            )
        }
        Step::LiftLockout => {
            users::lift_lockout(c, id)?;
            (
                Action::UserLockoutLifted(id),
                "flash-user-lockout-lifted",
                serde_json::json!({}),
            )
        }
        Step::ResetTwoFactor => {
            two_factor::disable(c, id)?;
            (
                Action::UserTwoFactorReset(id),
                "flash-user-two-factor-reset",
                serde_json::json!({}),
            )
        }
        Step::MakeAdmin(make) => {
            // A platform administrator can reach everything: only with a second factor.
            if make && !two_factor::factor(c, id)?.enabled() {
                return Ok(refuse(id, "admin", "error-admin-needs-two-factor"));
            }
            users::set_platform_admin(c, id, make)?;
            if make {
                (
                    Action::UserMadeAdmin(id),
                    "flash-user-made-admin",
                    serde_json::json!({}),
                )
            } else {
                (
                    Action::UserUnmadeAdmin(id),
                    "flash-user-unmade-admin",
                    serde_json::json!({}),
                )
            }
        }
    };
    Ok(Done::redirect(format!("/admin/users/{id}"), flash)
        .audit(Event::new(action, None, changes))
        .into())
}
