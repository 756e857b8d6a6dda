//! Changing a member's role, removing a member, leaving. Memberships end with a date and stay
//! visible as history; the last administrator can neither go nor lose the role.

use crate::audit;
use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::confirm::{AskFirst, Confirmation};
use crate::forms::FormData;
use crate::http::AppError;
use crate::http::Ctx;
use crate::http::OrgScope;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use samenspel_domain::organisations::OrgRole;
use samenspel_store::MembershipId;
use samenspel_store::organisations::{self, EndReason};
use samenspel_store::sql::Sql;
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
    let membership = MembershipId(path.membership);
    change(state, ctx, move |c, _, _| {
        change_role_in(c, &scope, membership, role)
    })
    .await
}

fn change_role_in(
    c: &mut Sql<'_>,
    scope: &OrgScope,
    membership: MembershipId,
    role: OrgRole,
) -> Result<Outcome, AppError> {
    organisations::lock(c, scope.org)?;
    let member =
        organisations::active_membership(c, scope.org, membership)?.ok_or(AppError::NotFound)?;
    organisations::change_role(c, scope.org, &member, role)?;
    let changes = audit::changed(&[("role", member.role.as_str(), role.as_str())]);
    Ok(Done::redirect(
        format!("/organisations/{}", scope.org),
        "flash-role-changed",
    )
    .audit(Event::new(
        Action::MembershipRoleChanged(membership),
        Some(scope.org),
        changes,
    ))
    .into())
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Path(path): Path<MemberPath>,
    FormData(form): FormData<Confirmation>,
) -> Result<Response, AppError> {
    debug_assert_eq!(path.org, scope.org.0);
    let membership = MembershipId(path.membership);
    change(state, ctx, move |c, _, ctx| {
        remove_in(c, ctx, &scope, membership, &form)
    })
    .await
}

/// The name `org` goes by, for a question about it.
fn org_name(c: &mut Sql<'_>, scope: &OrgScope) -> Result<String, AppError> {
    Ok(organisations::by_id(c, scope.org)?
        .ok_or(AppError::NotFound)?
        .name)
}

fn remove_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &OrgScope,
    membership: MembershipId,
    form: &Confirmation,
) -> Result<Outcome, AppError> {
    organisations::lock(c, scope.org)?;
    let member =
        organisations::active_membership(c, scope.org, membership)?.ok_or(AppError::NotFound)?;
    if !form.given() {
        organisations::may_end(c, scope.org, &member)?;
        let org = org_name(c, scope)?;
        return Ok(AskFirst {
            title: ctx.t2(
                "confirm-remove-member-title",
                "name",
                &member.name,
                "org",
                &org,
            ),
            what: ctx.t2(
                "confirm-remove-member-what",
                "name",
                &member.name,
                "org",
                &org,
            ),
            button: ctx.t1("org-remove-member", "name", &member.name),
            action: format!("/organisations/{}/members/{membership}/remove", scope.org),
            fields: Vec::new(),
            back: format!("/organisations/{}", scope.org),
        }
        .outcome());
    }
    organisations::end_membership(
        c,
        scope.org,
        &member,
        EndReason::Removed,
        samenspel_store::now(),
    )?;
    let changes = serde_json::json!({ "user": member.user_id.0, "role": member.role.as_str() });
    Ok(Done::redirect(
        format!("/organisations/{}", scope.org),
        "flash-member-removed",
    )
    .audit(Event::new(
        Action::MembershipRemoved(membership),
        Some(scope.org),
        changes,
    ))
    .into())
}

pub async fn leave(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    FormData(form): FormData<Confirmation>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| leave_in(c, ctx, &scope, &form)).await
}

fn leave_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &OrgScope,
    form: &Confirmation,
) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?;
    organisations::lock(c, scope.org)?;
    let member = organisations::members(c, scope.org)?
        .into_iter()
        .find(|m| m.until.is_none() && m.user_id == me.id)
        .ok_or(AppError::Forbidden)?;
    if !form.given() {
        organisations::may_end(c, scope.org, &member)?;
        let org = org_name(c, scope)?;
        return Ok(AskFirst {
            title: ctx.t1("confirm-leave-org-title", "org", &org),
            what: ctx.t1("confirm-leave-org-what", "org", &org),
            button: ctx.t("org-leave"),
            action: format!("/organisations/{}/leave", scope.org),
            fields: Vec::new(),
            back: format!("/organisations/{}", scope.org),
        }
        .outcome());
    }
    organisations::end_membership(
        c,
        scope.org,
        &member,
        EndReason::Left,
        samenspel_store::now(),
    )?;
    Ok(Done::redirect("/organisations", "flash-left")
        .audit(Event::new(
            Action::MembershipLeft(member.membership_id),
            Some(scope.org),
            serde_json::json!({}),
        ))
        .into())
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
    change(state, ctx, move |c, _, _| {
        require_two_factor_in(c, &scope, require)
    })
    .await
}

fn require_two_factor_in(
    c: &mut Sql<'_>,
    scope: &OrgScope,
    require: bool,
) -> Result<Outcome, AppError> {
    organisations::set_require_two_factor(c, scope.org, require)?;
    let flash = if require {
        "flash-two-factor-required-by-org"
    } else {
        "flash-two-factor-not-required-by-org"
    };
    Ok(
        Done::redirect(format!("/organisations/{}", scope.org), flash)
            .audit(Event::new(
                Action::OrganisationTwoFactorRequired(scope.org),
                Some(scope.org),
                serde_json::json!({ "required": require }),
            ))
            .into(),
    )
}
