//! Logging in and out.

use super::session::finish_login;
use super::within_address_limit;
use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::{
    Ctx, DEVICE_COOKIE, SESSION_COOKIE, removal, safe_next, token_hash, verify_password,
};
use crate::state::AppState;
use crate::views::{render, render_status};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::cookie::CookieJar;
use samenspel_domain::accounts::Email;
use samenspel_store::login_devices::{self, Device};
use samenspel_store::sql::Sql;
use samenspel_store::users::{self, User};
use samenspel_store::{UserId, sessions, two_factor};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub next: String,
}

#[derive(Template)]
#[template(path = "accounts/login.html")]
struct LoginView<'a> {
    ctx: &'a Ctx,
    email: String,
    next: String,
    errors: FormErrors,
    allow_registration: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    pub next: String,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<NextQuery>,
) -> Response {
    render(&LoginView {
        ctx: &ctx,
        email: String::new(),
        next: safe_next(&query.next).unwrap_or("").to_owned(),
        errors: FormErrors::default(),
        allow_registration: state.config.allow_registration,
    })
}

/// What the login form shows again when it refuses: the address as typed, and where the
/// person was going.
struct Retry {
    email: String,
    next: String,
}

impl Retry {
    /// The form again with `status`, and `key` said about `field`.
    fn refuse(
        &self,
        state: &AppState,
        ctx: &Ctx,
        status: StatusCode,
        field: &'static str,
        key: &'static str,
    ) -> Response {
        let mut errors = FormErrors::default();
        errors.add(field, key);
        render_status(
            status,
            &LoginView {
                ctx,
                email: self.email.clone(),
                next: self.next.clone(),
                errors,
                allow_registration: state.config.allow_registration,
            },
        )
    }
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    FormData(form): FormData<LoginForm>,
) -> Result<Response, AppError> {
    let retry = Retry {
        email: form.email.trim().to_owned(),
        next: safe_next(&form.next).unwrap_or("").to_owned(),
    };

    if !within_address_limit(&state, &ctx) {
        // The refusal is audited, so it is a change that is kept.
        return change(state, ctx, move |_, state, ctx| {
            let page = retry.refuse(
                state,
                ctx,
                StatusCode::TOO_MANY_REQUESTS,
                "email",
                "error-too-many-attempts",
            );
            Ok(Done::respond(page)
                .audit(Event::new(
                    Action::UserLoginThrottled(None),
                    None,
                    serde_json::json!({}),
                ))
                .into())
        })
        .await;
    }
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(invalid) => {
            return Ok(retry.refuse(
                &state,
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                "email",
                invalid.key,
            ));
        }
    };
    if form.password.is_empty() {
        return Ok(retry.refuse(
            &state,
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            "password",
            "error-password-required",
        ));
    }

    let now = samenspel_store::now();
    let device_token = jar.get(DEVICE_COOKIE).map(|c| c.value().to_owned());
    let (user, device) = {
        let db = state.db.clone();
        let email = email.clone();
        let token = device_token.clone();
        db.read(move |c| known_in(c, &email, token.as_deref()))
            .await?
    };
    // A browser the person logged in with before has its own lock; any other browser shares
    // the account's. The password is checked either way, so a locked account, a wrong password
    // and an unknown address all take as long and get the same answer.
    let locked = match (&user, &device) {
        (Some(_), Some(device)) => device.is_locked(now),
        (Some(user), None) => user.is_locked(now),
        (None, _) => false,
    };
    // Checked before the change: the slow hash does not hold the transaction open.
    let valid = verify_password(
        form.password.clone(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    // A blocked account is told so, but only to whoever knows its password.
    if valid && !locked && user.as_ref().is_some_and(|u| u.blocked_at.is_some()) {
        return Ok(retry.refuse(
            &state,
            &ctx,
            StatusCode::FORBIDDEN,
            "password",
            "error-account-blocked",
        ));
    }
    let user = match user {
        Some(user) if valid && !locked => user.id,
        user => {
            let failure = Failure {
                user: user.map(|u| u.id),
                device: device.map(|d| d.id),
                locked,
                email,
            };
            return change(state, ctx, move |c, state, ctx| {
                failed_in(c, state, ctx, failure, &retry, now)
            })
            .await;
        }
    };

    change(state, ctx, move |c, state, ctx| {
        // With a second factor, the password only opens the step that asks for the code.
        if two_factor::factor(c, user)?.enabled() {
            let response = super::two_factor::challenge(c, state, user, &retry.next)?;
            return Ok(Done::respond(response).into());
        }
        let (response, login) = finish_login(
            c,
            state,
            ctx,
            device_token.as_deref(),
            user,
            &retry.next,
            "password",
        )?;
        Ok(Done::respond(response).audit(login).into())
    })
    .await
}

/// The account with the address, and the browser it knows by the device cookie's `token`.
fn known_in(
    c: &mut Sql<'_>,
    email: &Email,
    token: Option<&str>,
) -> Result<(Option<User>, Option<Device>), AppError> {
    let user = users::by_email(c, email)?;
    let device = match (&user, token) {
        (Some(user), Some(token)) => login_devices::find(c, user.id, &token_hash(token))?,
        _ => None,
    };
    Ok((user, device))
}

/// A login that failed: whose it was (if anyone's), from which known browser, and whether
/// the account or browser was already locked.
struct Failure {
    user: Option<UserId>,
    device: Option<i64>,
    locked: bool,
    email: Email,
}

/// Counts the failure against the browser or the account and audits it; the counter and the
/// event are kept while the form answers with the refusal.
fn failed_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    failure: Failure,
    retry: &Retry,
    now: time::OffsetDateTime,
) -> Result<Outcome, AppError> {
    match (failure.user, failure.device) {
        _ if failure.locked => {}
        (Some(_), Some(device)) => login_devices::login_failed(c, device, now)?,
        (Some(user), None) => {
            users::login_failed(c, user, now)?;
        }
        (None, _) => {}
    }
    let action = if failure.locked {
        Action::UserLoginLocked(failure.user)
    } else {
        Action::UserLoginFailed(failure.user)
    };
    let page = retry.refuse(
        state,
        ctx,
        StatusCode::UNPROCESSABLE_ENTITY,
        "password",
        "error-login-failed",
    );
    Ok(Done::respond(page)
        .audit(Event::new(
            action,
            None,
            serde_json::json!({ "email": failure.email.as_str() }),
        ))
        .into())
}

pub async fn logout(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    change(state, ctx, logout_in).await
}

fn logout_in(c: &mut Sql<'_>, state: &AppState, ctx: &Ctx) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?;
    sessions::delete(c, &user.session_id)?;
    Ok(Done::redirect("/", "flash-logged-out")
        .cookie(removal(state, SESSION_COOKIE))
        .audit(Event::new(
            Action::UserLogout(user.id),
            None,
            serde_json::json!({}),
        ))
        .into())
}
