//! Changing a member's role, removing a member, leaving. Memberships end with a date and stay
//! visible as history; the last administrator can neither go nor lose the role.

use crate::audit;
use crate::auth::{Ctx, redirect_with_flash};
use crate::error::AppError;
use crate::forms::FormData;
use crate::routes::OrgScope;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use samenspel_domain::organisations::OrgRole;
use samenspel_store::MembershipId;
use samenspel_store::organisations::{self, EndReason};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct MemberPath {
    pub org: i64,
    pub membership: i64,
}

#[derive(Debug, Default, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    pub role: String,
}

pub async fn change_role(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Path(path): Path<MemberPath>,
    FormData(form): FormData<RoleForm>,
) -> Result<Response, AppError> {
    debug_assert_eq!(path.org, scope.org.0);
    let role = OrgRole::parse(&form.role).map_err(|invalid| AppError::BadRequest(invalid.key))?;
    let mut tx = state.db.begin().await?;
    organisations::lock(&mut tx.ex(), scope.org)?;
    let member =
        organisations::active_membership(&mut tx.ex(), scope.org, MembershipId(path.membership))?
            .ok_or(AppError::NotFound)?;
    organisations::change_role(&mut tx.ex(), scope.org, &member, role)?;
    let changes = audit::changed(&[("role", &member.role, role.as_str())]);
    audit::record(
        &mut tx.ex(),
        &ctx,
        "membership.role_changed",
        ("membership", Some(path.membership)),
        Some(scope.org),
        changes,
    )?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/organisations/{}", scope.org),
        "flash-role-changed",
    ))
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Path(path): Path<MemberPath>,
) -> Result<Response, AppError> {
    debug_assert_eq!(path.org, scope.org.0);
    let mut tx = state.db.begin().await?;
    organisations::lock(&mut tx.ex(), scope.org)?;
    let member =
        organisations::active_membership(&mut tx.ex(), scope.org, MembershipId(path.membership))?
            .ok_or(AppError::NotFound)?;
    organisations::end_membership(
        &mut tx.ex(),
        scope.org,
        &member,
        EndReason::Removed,
        samenspel_store::now(),
    )?;
    audit::record(
        &mut tx.ex(),
        &ctx,
        "membership.removed",
        ("membership", Some(path.membership)),
        Some(scope.org),
        serde_json::json!({ "user": member.user_id.0, "role": member.role }),
    )?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/organisations/{}", scope.org),
        "flash-member-removed",
    ))
}

pub async fn leave(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let mut tx = state.db.begin().await?;
    organisations::lock(&mut tx.ex(), scope.org)?;
    let member = organisations::members(&mut tx.ex(), scope.org)?
        .into_iter()
        .find(|m| m.until.is_none() && m.user_id == me.id)
        .ok_or(AppError::Forbidden)?;
    organisations::end_membership(
        &mut tx.ex(),
        scope.org,
        &member,
        EndReason::Left,
        samenspel_store::now(),
    )?;
    audit::record(
        &mut tx.ex(),
        &ctx,
        "membership.left",
        ("membership", Some(member.membership_id.0)),
        Some(scope.org),
        serde_json::json!({}),
    )?;
    tx.commit().await?;
    Ok(redirect_with_flash(&state, "/organisations", "flash-left"))
}

#[derive(Debug, Default, Deserialize)]
pub struct TwoFactorForm {
    /// `yes` to require two-step login of every member, `no` to stop requiring it.
    #[serde(default)]
    pub require: String,
}

/// The administrators require two-step login of every member (who are then led through
/// enrolling before anything else), or stop requiring it.
pub async fn require_two_factor(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    FormData(form): FormData<TwoFactorForm>,
) -> Result<Response, AppError> {
    let require = match form.require.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadRequest("require")),
    };
    let mut tx = state.db.begin().await?;
    organisations::set_require_two_factor(&mut tx.ex(), scope.org, require)?;
    audit::record(
        &mut tx.ex(),
        &ctx,
        "organisation.two_factor_required",
        ("organisation", Some(scope.org.0)),
        Some(scope.org),
        serde_json::json!({ "required": require }),
    )?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &state,
        &format!("/organisations/{}", scope.org),
        if require {
            "flash-two-factor-required-by-org"
        } else {
            "flash-two-factor-not-required-by-org"
        },
    ))
}
