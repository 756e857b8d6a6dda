//! A forgotten password: a link by e-mail that works once, for an hour.

use super::within_address_limit;
use crate::audit;
use crate::auth::{Ctx, hash_password, random_token, redirect_with_flash, token_hash};
use crate::error::AppError;
use crate::forms::{FormData, FormErrors};
use crate::i18n;
use crate::mail::{self, OutgoingMail};
use crate::state::AppState;
use crate::views::{render, render_status};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_domain::accounts::{Email, NewPassword};
use samenspel_store::{password_resets, sessions, users};
use serde::Deserialize;
use time::Duration;

/// How long a reset link works.
const LINK_VALID: Duration = Duration::hours(1);
/// At most one reset mail per account in this period.
const ONE_MAIL_PER: Duration = Duration::minutes(2);

#[derive(Debug, Default, Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    pub email: String,
}

#[derive(Template)]
#[template(path = "accounts/forgot.html")]
struct ForgotView<'a> {
    ctx: &'a Ctx,
    email: String,
    errors: FormErrors,
    sent: bool,
}

pub async fn forgot_show(ctx: Ctx) -> Response {
    render(&ForgotView {
        ctx: &ctx,
        email: String::new(),
        errors: FormErrors::default(),
        sent: false,
    })
}

pub async fn forgot_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<ForgotForm>,
) -> Result<Response, AppError> {
    let refuse = |status, key| {
        let mut errors = FormErrors::default();
        errors.add("email", key);
        render_status(
            status,
            &ForgotView {
                ctx: &ctx,
                email: form.email.trim().to_owned(),
                errors,
                sent: false,
            },
        )
    };
    if !within_address_limit(&state, &ctx) {
        return Ok(refuse(
            StatusCode::TOO_MANY_REQUESTS,
            "error-too-many-attempts",
        ));
    }
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(invalid) => return Ok(refuse(StatusCode::UNPROCESSABLE_ENTITY, invalid.key)),
    };

    let now = samenspel_store::now();
    let mut tx = state.db.begin().await?;
    // The answer is the same whether or not the address is known, so the form does not tell
    // who has an account.
    if let Some(user) = users::by_email(&mut tx.ex(), &email)? {
        let recent = password_resets::last_requested(&mut tx.ex(), user.id)?;
        if recent.is_none_or(|at| now - at >= ONE_MAIL_PER) {
            let token = random_token(32);
            password_resets::create(
                &mut tx.ex(),
                user.id,
                &token_hash(&token),
                now,
                now + LINK_VALID,
            )?;
            let lang = user.language();
            let link = format!(
                "{}/password/reset?token={token}",
                state.config.base_url.trim_end_matches('/')
            );
            let body = i18n::t_args(
                lang,
                "mail-reset-body",
                &[("name", user.name.clone()), ("link", link)],
            );
            let mail = OutgoingMail {
                to: user.email.clone(),
                subject: i18n::t(lang, "mail-reset-subject"),
                body,
                ..OutgoingMail::default()
            };
            mail::enqueue(&mut tx.ex(), &mail)?;
            audit::record(
                &mut tx.ex(),
                &ctx,
                "user.password_reset_requested",
                ("user", Some(user.id.0)),
                None,
                serde_json::json!({}),
            )?;
        }
    }
    tx.commit().await?;
    state.jobs_waiting.notify_one();
    Ok(render(&ForgotView {
        ctx: &ctx,
        email: email.as_str().to_owned(),
        errors: FormErrors::default(),
        sent: true,
    }))
}

#[derive(Debug, Default, Deserialize)]
pub struct ResetQuery {
    #[serde(default)]
    pub token: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub password: String,
}

#[derive(Template)]
#[template(path = "accounts/reset.html")]
struct ResetView<'a> {
    ctx: &'a Ctx,
    token: String,
    /// The link is unknown, used or expired.
    invalid: bool,
    errors: FormErrors,
}

async fn usable_reset(
    state: &AppState,
    token: &str,
) -> Result<Option<password_resets::PasswordReset>, AppError> {
    if token.is_empty() {
        return Ok(None);
    }
    let mut conn = state.db.conn().await?;
    let found = password_resets::by_token_hash(&mut conn.ex(), &token_hash(token))?;
    Ok(found.filter(|r| r.usable(samenspel_store::now())))
}

pub async fn reset_show(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ResetQuery>,
) -> Result<Response, AppError> {
    let invalid = usable_reset(&state, &query.token).await?.is_none();
    let view = ResetView {
        ctx: &ctx,
        token: query.token.clone(),
        invalid,
        errors: FormErrors::default(),
    };
    Ok(if invalid {
        render_status(StatusCode::GONE, &view)
    } else {
        render(&view)
    })
}

pub async fn reset_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<ResetForm>,
) -> Result<Response, AppError> {
    let view = |invalid, errors| ResetView {
        ctx: &ctx,
        token: form.token.clone(),
        invalid,
        errors,
    };
    if !within_address_limit(&state, &ctx) {
        let mut errors = FormErrors::default();
        errors.add("password", "error-too-many-attempts");
        return Ok(render_status(
            StatusCode::TOO_MANY_REQUESTS,
            &view(false, errors),
        ));
    }
    let Some(reset) = usable_reset(&state, &form.token).await? else {
        return Ok(render_status(
            StatusCode::GONE,
            &view(true, FormErrors::default()),
        ));
    };
    let user = {
        let mut conn = state.db.conn().await?;
        users::by_id(&mut conn.ex(), reset.user_id)?.ok_or(AppError::NotFound)?
    };
    let email = Email::parse(&user.email).ok();
    let password = match NewPassword::parse(&form.password, email.as_ref()) {
        Ok(password) => password,
        Err(invalid) => {
            let mut errors = FormErrors::default();
            errors.add("password", invalid.key);
            return Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &view(false, errors),
            ));
        }
    };
    let hash = hash_password(password.expose().to_owned()).await?;
    let now = samenspel_store::now();
    let mut tx = state.db.begin().await?;
    if !password_resets::mark_used(&mut tx.ex(), reset.id, now)? {
        return Ok(render_status(
            StatusCode::GONE,
            &view(true, FormErrors::default()),
        ));
    }
    users::set_password(&mut tx.ex(), user.id, &hash, now)?;
    // Whoever had a session with the old password loses it.
    sessions::delete_for_user(&mut tx.ex(), user.id, None)?;
    audit::record_as(
        &mut tx.ex(),
        &ctx,
        Some(user.id),
        "user.password_reset",
        ("user", Some(user.id.0)),
        None,
        serde_json::json!({}),
    )?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &state,
        "/login",
        "flash-password-reset",
    ))
}
