//! Logging in and out.

use super::{start_session, within_address_limit};
use crate::audit;
use crate::auth::{
    Ctx, SESSION_COOKIE, redirect, redirect_with_flash, removal, safe_next, set_cookie,
    verify_password,
};
use crate::error::AppError;
use crate::forms::{FormData, FormErrors};
use crate::state::AppState;
use crate::views::{render, render_status};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_domain::accounts::Email;
use samenspel_store::{sessions, users};
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
            conn.ex(),
            &ctx,
            "user.login_throttled",
            ("user", None),
            None,
            serde_json::json!({}),
        )
        .await?;
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
    let user = {
        let mut conn = state.db.conn().await?;
        users::by_email(conn.ex(), &email).await?
    };
    if let Some(user) = &user
        && user.is_locked(now)
    {
        let mut conn = state.db.conn().await?;
        audit::record(
            conn.ex(),
            &ctx,
            "user.login_locked",
            ("user", Some(user.id.0)),
            None,
            serde_json::json!({}),
        )
        .await?;
        return Ok(refuse(
            StatusCode::TOO_MANY_REQUESTS,
            "email",
            "error-account-locked",
        ));
    }
    let valid = verify_password(
        form.password.clone(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    let user = match user {
        Some(user) if valid => user,
        user => {
            let mut tx = state.db.begin().await?;
            let subject = user.as_ref().map(|u| u.id.0);
            if let Some(user) = &user {
                users::login_failed(tx.ex(), user.id, now).await?;
            }
            audit::record(
                tx.ex(),
                &ctx,
                "user.login_failed",
                ("user", subject),
                None,
                serde_json::json!({ "email": email.as_str() }),
            )
            .await?;
            tx.commit().await?;
            return Ok(refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "password",
                "error-login-failed",
            ));
        }
    };

    let mut tx = state.db.begin().await?;
    if let Some(old) = &ctx.user {
        sessions::delete(tx.ex(), &old.session_id).await?;
    }
    let cookie = start_session(&state, tx.ex(), user.id).await?;
    users::login_succeeded(tx.ex(), user.id, now).await?;
    audit::record_as(
        tx.ex(),
        &ctx,
        Some(user.id),
        "user.login",
        ("user", Some(user.id.0)),
        None,
        serde_json::json!({}),
    )
    .await?;
    tx.commit().await?;

    let mut response = redirect(if next.is_empty() { "/" } else { &next });
    set_cookie(&mut response, &cookie);
    Ok(response)
}

pub async fn logout(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let mut tx = state.db.begin().await?;
    sessions::delete(tx.ex(), &user.session_id).await?;
    audit::record(
        tx.ex(),
        &ctx,
        "user.logout",
        ("user", Some(user.id.0)),
        None,
        serde_json::json!({}),
    )
    .await?;
    tx.commit().await?;
    let mut response = redirect_with_flash(&state, "/", "flash-logged-out");
    set_cookie(&mut response, &removal(&state, SESSION_COOKIE));
    Ok(response)
}
