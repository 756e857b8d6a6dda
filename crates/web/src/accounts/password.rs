//! A forgotten password: a link by e-mail that works once, for an hour.

use super::within_address_limit;
use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::{Ctx, hash_password, random_token, token_hash};
use crate::i18n;
use crate::mail::{self, OutgoingMail};
use crate::state::AppState;
use crate::views::{render, render_status};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_domain::accounts::{Email, NewPassword};
use samenspel_store::sql::Sql;
use samenspel_store::users::{self, User};
use samenspel_store::{UserId, password_resets, sessions};
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

    change(state, ctx, move |c, state, ctx| {
        forgot_submit_in(c, state, ctx, email)
    })
    .await
}

fn forgot_submit_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    email: Email,
) -> Result<Outcome, AppError> {
    // The answer is the same whether or not the address is known, so the form does not tell
    // who has an account.
    let requested = match users::by_email(c, &email)? {
        Some(user) => send_link(c, state, &user)?,
        None => None,
    };
    let page = render(&ForgotView {
        ctx,
        email: email.as_str().to_owned(),
        errors: FormErrors::default(),
        sent: true,
    });
    Ok(Done::respond(page).audit_if(requested).into())
}

/// Mails the person a reset link, unless one went out just before; returns the event of a
/// link sent.
fn send_link(c: &mut Sql<'_>, state: &AppState, user: &User) -> Result<Option<Event>, AppError> {
    let now = samenspel_store::now();
    let recent = password_resets::last_requested(c, user.id)?;
    if recent.is_some_and(|at| now - at < ONE_MAIL_PER) {
        return Ok(None);
    }
    let token = random_token(32);
    password_resets::create(c, user.id, &token_hash(&token), now, now + LINK_VALID)?;
    let lang = user.language;
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
    mail::enqueue(c, &mail)?;
    Ok(Some(Event::new(
        Action::UserPasswordResetRequested(user.id),
        None,
        serde_json::json!({}),
    )))
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

/// The reset behind the link's `token`, while it can still be used.
fn usable_reset(
    c: &mut Sql<'_>,
    token: &str,
) -> Result<Option<password_resets::PasswordReset>, AppError> {
    if token.is_empty() {
        return Ok(None);
    }
    let found = password_resets::by_token_hash(c, &token_hash(token))?;
    Ok(found.filter(|r| r.usable(samenspel_store::now())))
}

/// The usable reset behind `token`, with the person it is for.
fn reset_for(
    c: &mut Sql<'_>,
    token: &str,
) -> Result<Option<(password_resets::PasswordReset, User)>, AppError> {
    let Some(reset) = usable_reset(c, token)? else {
        return Ok(None);
    };
    let user = users::by_id(c, reset.user_id)?.ok_or(AppError::NotFound)?;
    Ok(Some((reset, user)))
}

pub async fn reset_show(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ResetQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| reset_show_in(c, &ctx, query)).await
}

fn reset_show_in(c: &mut Sql<'_>, ctx: &Ctx, query: ResetQuery) -> Result<Response, AppError> {
    let invalid = usable_reset(c, &query.token)?.is_none();
    let view = ResetView {
        ctx,
        token: query.token,
        invalid,
        errors: FormErrors::default(),
    };
    Ok(if invalid {
        render_status(StatusCode::GONE, &view)
    } else {
        render(&view)
    })
}

/// The reset page for a link that is unknown, used or expired.
fn gone(ctx: &Ctx, token: String) -> Response {
    render_status(
        StatusCode::GONE,
        &ResetView {
            ctx,
            token,
            invalid: true,
            errors: FormErrors::default(),
        },
    )
}

pub async fn reset_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<ResetForm>,
) -> Result<Response, AppError> {
    let view = |errors| ResetView {
        ctx: &ctx,
        token: form.token.clone(),
        invalid: false,
        errors,
    };
    if !within_address_limit(&state, &ctx) {
        let mut errors = FormErrors::default();
        errors.add("password", "error-too-many-attempts");
        return Ok(render_status(StatusCode::TOO_MANY_REQUESTS, &view(errors)));
    }
    let found = {
        let db = state.db.clone();
        let token = form.token.clone();
        db.read(move |c| reset_for(c, &token)).await?
    };
    let Some((reset, user)) = found else {
        return Ok(gone(&ctx, form.token.clone()));
    };
    let email = Email::parse(&user.email).ok();
    let password = match NewPassword::parse(&form.password, email.as_ref()) {
        Ok(password) => password,
        Err(invalid) => {
            let mut errors = FormErrors::default();
            errors.add("password", invalid.key);
            return Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &view(errors),
            ));
        }
    };
    // Hashed before the change: the slow hash does not hold the transaction open.
    let hash = hash_password(password.expose().to_owned()).await?;
    let (reset, user) = (reset.id, user.id);
    change(state, ctx, move |c, _, ctx| {
        reset_submit_in(c, ctx, reset, user, &hash, form.token)
    })
    .await
}

fn reset_submit_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    reset: i64,
    user: UserId,
    hash: &str,
    token: String,
) -> Result<Outcome, AppError> {
    let now = samenspel_store::now();
    // Used meanwhile, by a second press or another tab.
    if !password_resets::mark_used(c, reset, now)? {
        return Ok(Outcome::refused_with(gone(ctx, token)));
    }
    users::set_password(c, user, hash, now)?;
    // Whoever had a session with the old password loses it.
    sessions::delete_for_user(c, user, None)?;
    Ok(Done::redirect("/login", "flash-password-reset")
        .audit(
            Event::new(Action::UserPasswordReset(user), None, serde_json::json!({})).by(Some(user)),
        )
        .into())
}
