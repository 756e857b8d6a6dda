//! Creating an account. Self-registration can be switched off; people with an open invitation
//! can always register with the address it was sent to.

use super::{start_session, within_address_limit};
use crate::audit;
use crate::auth::{
    Ctx, LANG_COOKIE, cookie, hash_password, redirect, safe_next, set_cookie, token_hash,
};
use crate::error::AppError;
use crate::forms::{FormData, FormErrors};
use crate::state::AppState;
use crate::views::{render, render_status};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_domain::Language;
use samenspel_domain::accounts::{Email, NewPassword, PersonName};
use samenspel_store::invitations::{self, InvitationState};
use samenspel_store::{StoreError, users};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub next: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct RegisterQuery {
    #[serde(default)]
    pub next: String,
    #[serde(default)]
    pub email: String,
}

#[derive(Template)]
#[template(path = "accounts/register.html")]
struct RegisterView<'a> {
    ctx: &'a Ctx,
    name: String,
    email: String,
    language: String,
    next: String,
    errors: FormErrors,
    /// Registration is closed and no invitation opens it.
    closed: bool,
}

/// The invitation behind a `/invitations/{token}` next-link, if it is still open.
async fn open_invitation(
    state: &AppState,
    next: &str,
) -> Result<Option<invitations::Invitation>, AppError> {
    let Some(token) = next.strip_prefix("/invitations/") else {
        return Ok(None);
    };
    let mut conn = state.db.conn().await?;
    let found = invitations::by_token_hash(conn.ex(), &token_hash(token)).await?;
    Ok(found.filter(|i| i.state(samenspel_store::now()) == InvitationState::Open))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<RegisterQuery>,
) -> Result<Response, AppError> {
    let next = safe_next(&query.next).unwrap_or("").to_owned();
    let invitation = open_invitation(&state, &next).await?;
    let closed = !state.config.allow_registration && invitation.is_none();
    let email = invitation.map(|i| i.email).unwrap_or(query.email);
    Ok(render(&RegisterView {
        ctx: &ctx,
        name: String::new(),
        email,
        language: ctx.lang.code().to_owned(),
        next,
        errors: FormErrors::default(),
        closed,
    }))
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<RegisterForm>,
) -> Result<Response, AppError> {
    let next = safe_next(&form.next).unwrap_or("").to_owned();
    let invitation = open_invitation(&state, &next).await?;
    let view = |errors: FormErrors, closed: bool| RegisterView {
        ctx: &ctx,
        name: form.name.trim().to_owned(),
        email: form.email.trim().to_owned(),
        language: form.language.clone(),
        next: next.clone(),
        errors,
        closed,
    };
    if !state.config.allow_registration && invitation.is_none() {
        return Ok(render_status(
            StatusCode::FORBIDDEN,
            &view(FormErrors::default(), true),
        ));
    }
    if !within_address_limit(&state, &ctx) {
        let mut errors = FormErrors::default();
        errors.add("email", "error-too-many-attempts");
        return Ok(render_status(
            StatusCode::TOO_MANY_REQUESTS,
            &view(errors, false),
        ));
    }

    let mut errors = FormErrors::default();
    let name = errors.check("name", PersonName::parse(&form.name));
    let email = errors.check("email", Email::parse(&form.email));
    let password = errors.check(
        "password",
        NewPassword::parse(&form.password, email.as_ref()),
    );
    let language = Language::from_code(&form.language).unwrap_or(ctx.lang);
    if let (Some(invitation), Some(email)) = (&invitation, &email)
        && !state.config.allow_registration
        && invitation.email != email.as_str()
    {
        errors.add("email", "error-invitation-other-email");
    }
    let (Some(name), Some(email), Some(password)) = (name, email, password) else {
        return Ok(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &view(errors, false),
        ));
    };
    if !errors.is_empty() {
        return Ok(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &view(errors, false),
        ));
    }

    let hash = hash_password(password.expose().to_owned()).await?;
    let now = samenspel_store::now();
    let mut tx = state.db.begin().await?;
    let new = users::NewUser {
        email: &email,
        name: &name,
        password_hash: &hash,
        language,
        platform_admin: false,
    };
    let user = match users::create(tx.ex(), &new, now).await {
        Ok(id) => id,
        Err(StoreError::Conflict(_)) => {
            let mut errors = FormErrors::default();
            errors.add("email", "error-email-taken");
            return Ok(render_status(StatusCode::CONFLICT, &view(errors, false)));
        }
        Err(other) => return Err(other.into()),
    };
    let session = start_session(&state, tx.ex(), user).await?;
    audit::record_as(
        tx.ex(),
        &ctx,
        Some(user),
        "user.registered",
        ("user", Some(user.0)),
        None,
        serde_json::json!({ "email": email.as_str(), "name": name.as_str() }),
    )
    .await?;
    tx.commit().await?;

    let mut response = redirect(if next.is_empty() { "/" } else { &next });
    set_cookie(&mut response, &session);
    set_cookie(
        &mut response,
        &cookie(
            &state,
            LANG_COOKIE,
            language.code().to_owned(),
            Some(time::Duration::days(365)),
        ),
    );
    Ok(response)
}
