//! Logging in and out.

use super::{start_session, within_address_limit};
use crate::audit;
use crate::auth::{
    Ctx, DEVICE_COOKIE, SESSION_COOKIE, random_token, redirect, redirect_with_flash, removal,
    safe_next, set_cookie, token_hash, verify_password,
};
use crate::error::AppError;
use crate::forms::{FormData, FormErrors};
use crate::state::AppState;
use crate::views::{render, render_status};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::cookie::CookieJar;
use samenspel_domain::accounts::Email;
use samenspel_store::{UserId, login_devices, sessions, two_factor, users};
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

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    FormData(form): FormData<LoginForm>,
) -> Result<Response, AppError> {
    let next = safe_next(&form.next).unwrap_or("").to_owned();
    let refuse = |status: StatusCode, field: &'static str, key: &'static str| {
        let mut errors = FormErrors::default();
        errors.add(field, key);
        render_status(
            status,
            &LoginView {
                ctx: &ctx,
                email: form.email.trim().to_owned(),
                next: next.clone(),
                errors,
                allow_registration: state.config.allow_registration,
            },
        )
    };

    if !within_address_limit(&state, &ctx) {
        let mut conn = state.db.conn().await?;
        audit::record(
            &mut conn.ex(),
            &ctx,
            "user.login_throttled",
            ("user", None),
            None,
            serde_json::json!({}),
        )?;
        return Ok(refuse(
            StatusCode::TOO_MANY_REQUESTS,
            "email",
            "error-too-many-attempts",
        ));
    }
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(invalid) => {
            return Ok(refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "email",
                invalid.key,
            ));
        }
    };
    if form.password.is_empty() {
        return Ok(refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "password",
            "error-password-required",
        ));
    }

    let now = samenspel_store::now();
    let device_token = jar.get(DEVICE_COOKIE).map(|c| c.value().to_owned());
    let (user, device) = {
        let mut conn = state.db.conn().await?;
        let user = users::by_email(&mut conn.ex(), &email)?;
        let device = match (&user, &device_token) {
            (Some(user), Some(token)) => {
                login_devices::find(&mut conn.ex(), user.id, &token_hash(token))?
            }
            _ => None,
        };
        (user, device)
    };
    // A browser the person logged in with before has its own lock; any other browser shares
    // the account's. The password is checked either way, so a locked account, a wrong password
    // and an unknown address all take as long and get the same answer.
    let locked = match (&user, &device) {
        (Some(_), Some(device)) => device.is_locked(now),
        (Some(user), None) => user.is_locked(now),
        (None, _) => false,
    };
    let valid = verify_password(
        form.password.clone(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    // A blocked account is told so, but only to whoever knows its password.
    if valid && !locked && user.as_ref().is_some_and(|u| u.blocked_at.is_some()) {
        return Ok(refuse(
            StatusCode::FORBIDDEN,
            "password",
            "error-account-blocked",
        ));
    }
    let user = match user {
        Some(user) if valid && !locked => user,
        user => {
            let mut tx = state.db.begin().await?;
            let subject = user.as_ref().map(|u| u.id.0);
            match (&user, &device) {
                _ if locked => {}
                (Some(_), Some(device)) => {
                    login_devices::login_failed(&mut tx.ex(), device.id, now)?
                }
                (Some(user), None) => {
                    users::login_failed(&mut tx.ex(), user.id, now)?;
                }
                (None, _) => {}
            }
            audit::record(
                &mut tx.ex(),
                &ctx,
                if locked {
                    "user.login_locked"
                } else {
                    "user.login_failed"
                },
                ("user", subject),
                None,
                serde_json::json!({ "email": email.as_str() }),
            )?;
            tx.commit().await?;
            return Ok(refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "password",
                "error-login-failed",
            ));
        }
    };

    // With a second factor, the password only opens the step that asks for the code.
    if two_factor::factor(&mut state.db.conn().await?.ex(), user.id)?.enabled() {
        return super::two_factor::challenge(&state, user.id, &next).await;
    }
    finish_login(&state, &ctx, &jar, user.id, &next, "password").await
}

/// Starts the session of a person whose password (and code, when they use a second factor)
/// was right: a fresh session, the browser remembered, the counters reset, the login audited
/// with how it was made (`method`).
pub(crate) async fn finish_login(
    state: &AppState,
    ctx: &Ctx,
    jar: &CookieJar,
    user: UserId,
    next: &str,
    method: &str,
) -> Result<Response, AppError> {
    let now = samenspel_store::now();
    let device = match jar.get(DEVICE_COOKIE) {
        Some(token) => {
            let mut conn = state.db.conn().await?;
            login_devices::find(&mut conn.ex(), user, &token_hash(token.value()))?
        }
        None => None,
    };
    let mut tx = state.db.begin().await?;
    if let Some(old) = &ctx.user {
        sessions::delete(&mut tx.ex(), &old.session_id)?;
    }
    let cookie = start_session(state, &mut tx.ex(), user)?;
    // Failures from unknown browsers keep counting when the person logs in with a known one,
    // so that guessing elsewhere stays slow.
    users::login_succeeded(&mut tx.ex(), user, now, device.is_none())?;
    let new_device = match &device {
        Some(device) => {
            login_devices::login_succeeded(&mut tx.ex(), device.id, now)?;
            None
        }
        None => {
            let token = random_token(32);
            login_devices::remember(&mut tx.ex(), user, &token_hash(&token), now)?;
            Some(token)
        }
    };
    audit::record_as(
        &mut tx.ex(),
        ctx,
        Some(user),
        "user.login",
        ("user", Some(user.0)),
        None,
        serde_json::json!({ "method": method }),
    )?;
    tx.commit().await?;

    let mut response = redirect(if next.is_empty() { "/" } else { next });
    set_cookie(&mut response, &cookie);
    if let Some(token) = new_device {
        set_cookie(
            &mut response,
            &crate::auth::cookie(state, DEVICE_COOKIE, token, Some(time::Duration::days(365))),
        );
    }
    Ok(response)
}

pub async fn logout(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let mut tx = state.db.begin().await?;
    sessions::delete(&mut tx.ex(), &user.session_id)?;
    audit::record(
        &mut tx.ex(),
        &ctx,
        "user.logout",
        ("user", Some(user.id.0)),
        None,
        serde_json::json!({}),
    )?;
    tx.commit().await?;
    let mut response = redirect_with_flash(&state, "/", "flash-logged-out");
    set_cookie(&mut response, &removal(&state, SESSION_COOKIE));
    Ok(response)
}
