//! Creating an account. The address is confirmed first: the account exists only once the link
//! in the mail has been opened (an open invitation to the same address counts as that proof).
//! Registering an address that has an account answers exactly the same, and mails its owner.
//! Self-registration can be switched off; people with an open invitation can always register
//! with the address it was sent to.

use super::{start_session, within_address_limit};
use crate::audit;
use crate::auth::{
    Ctx, LANG_COOKIE, cookie, hash_password, random_token, redirect, safe_next, set_cookie,
    token_hash,
};
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
use samenspel_domain::Language;
use samenspel_domain::accounts::{Email, NewPassword, PersonName};
use samenspel_store::invitations::{self, InvitationState};
use samenspel_store::registrations::{self, Registration};
use samenspel_store::{StoreError, users};
use serde::Deserialize;
use time::Duration;

/// How long the link that activates a new account works.
const LINK_VALID: Duration = Duration::hours(24);
/// At most one mail about an address in this period.
const ONE_MAIL_PER: Duration = Duration::minutes(2);

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
    let found = invitations::by_token_hash(&mut conn.ex(), &token_hash(token))?;
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
    // An open invitation to this very address has proved it: the account starts at once.
    if invitation.is_some_and(|i| i.email == email.as_str()) {
        let mut tx = state.db.begin().await?;
        if users::by_email(&mut tx.ex(), &email)?.is_none() {
            let new = users::NewUser {
                email: &email,
                name: &name,
                password_hash: &hash,
                language,
                platform_admin: false,
            };
            return start_account(&state, &ctx, tx, &new, &next).await;
        }
    }

    // Otherwise the address is confirmed by a link first, and the answer is the same whether
    // or not it already belongs to an account: its owner gets a mail that someone tried.
    let now = samenspel_store::now();
    let mut tx = state.db.begin().await?;
    let recently = registrations::last_mailed(&mut tx.ex(), email.as_str())?
        .is_some_and(|at| now - at < ONE_MAIL_PER);
    if !recently {
        let token = random_token(32);
        let base = state.config.base_url.trim_end_matches('/');
        let owner = users::by_email(&mut tx.ex(), &email)?;
        let (mail, password_hash) = match &owner {
            Some(owner) => {
                let lang = owner.language();
                let body = i18n::t_args(
                    lang,
                    "mail-register-taken-body",
                    &[
                        ("name", owner.name.clone()),
                        ("login", format!("{base}/login")),
                        ("forgot", format!("{base}/password/forgot")),
                    ],
                );
                let subject = i18n::t(lang, "mail-register-taken-subject");
                ((subject, body), "")
            }
            None => {
                let body = i18n::t_args(
                    language,
                    "mail-register-body",
                    &[
                        ("name", name.as_str().to_owned()),
                        ("link", format!("{base}/register/confirm?token={token}")),
                    ],
                );
                let subject = i18n::t(language, "mail-register-subject");
                ((subject, body), hash.as_str())
            }
        };
        registrations::create(
            &mut tx.ex(),
            &registrations::NewRegistration {
                email: email.as_str(),
                token_hash: &token_hash(&token),
                name: name.as_str(),
                password_hash,
                language: language.code(),
                next: &next,
            },
            now,
            now + LINK_VALID,
        )?;
        let (subject, body) = mail;
        mail::enqueue(
            &mut tx.ex(),
            &OutgoingMail {
                to: email.as_str().to_owned(),
                subject,
                body,
                ..OutgoingMail::default()
            },
        )?;
        if let Some(owner) = owner {
            audit::record(
                &mut tx.ex(),
                &ctx,
                "user.registration_on_taken_address",
                ("user", Some(owner.id.0)),
                None,
                serde_json::json!({}),
            )?;
        }
    }
    tx.commit().await?;
    state.jobs_waiting.notify_one();
    Ok(render(&SentView {
        ctx: &ctx,
        email: email.as_str().to_owned(),
    }))
}

#[derive(Template)]
#[template(path = "accounts/register_sent.html")]
struct SentView<'a> {
    ctx: &'a Ctx,
    email: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    pub token: String,
}

#[derive(Template)]
#[template(path = "accounts/register_confirm.html")]
struct ConfirmView<'a> {
    ctx: &'a Ctx,
    token: String,
    /// The registration behind the link; `None` when the link no longer works.
    registration: Option<Registration>,
    /// The address got an account meanwhile.
    exists: bool,
}

/// The link from the mail shows what it activates and asks for one press: a mail scanner that
/// opens links creates no account.
pub async fn confirm_show(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ConfirmForm>,
) -> Result<Response, AppError> {
    let mut conn = state.db.conn().await?;
    let registration = registrations::usable_by_token_hash(
        &mut conn.ex(),
        &token_hash(&query.token),
        samenspel_store::now(),
    )?;
    let status = if registration.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    Ok(render_status(
        status,
        &ConfirmView {
            ctx: &ctx,
            token: query.token,
            registration,
            exists: false,
        },
    ))
}

pub async fn confirm_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<ConfirmForm>,
) -> Result<Response, AppError> {
    let mut tx = state.db.begin().await?;
    let found = registrations::usable_by_token_hash(
        &mut tx.ex(),
        &token_hash(&form.token),
        samenspel_store::now(),
    )?;
    let view = |registration, exists| ConfirmView {
        ctx: &ctx,
        token: String::new(),
        registration,
        exists,
    };
    let Some(registration) = found else {
        return Ok(render_status(StatusCode::NOT_FOUND, &view(None, false)));
    };
    let (Ok(email), Ok(name)) = (
        Email::parse(&registration.email),
        PersonName::parse(&registration.name),
    ) else {
        return Ok(render_status(StatusCode::NOT_FOUND, &view(None, false)));
    };
    registrations::forget(&mut tx.ex(), email.as_str())?;
    if users::by_email(&mut tx.ex(), &email)?.is_some() {
        tx.commit().await?;
        return Ok(render_status(StatusCode::CONFLICT, &view(None, true)));
    }
    let new = users::NewUser {
        email: &email,
        name: &name,
        password_hash: &registration.password_hash,
        language: Language::from_code(&registration.language).unwrap_or(ctx.lang),
        platform_admin: false,
    };
    let next = safe_next(&registration.next).unwrap_or("").to_owned();
    start_account(&state, &ctx, tx, &new, &next).await
}

/// Creates the account, logs the person in and sends them on to `next`.
async fn start_account(
    state: &AppState,
    ctx: &Ctx,
    mut tx: samenspel_store::Tx,
    new: &users::NewUser<'_>,
    next: &str,
) -> Result<Response, AppError> {
    let now = samenspel_store::now();
    let user = match users::create(&mut tx.ex(), new, now) {
        Ok(id) => id,
        // Two presses at once: the other one made the account.
        Err(StoreError::Conflict(_)) => return Ok(redirect("/login")),
        Err(other) => return Err(other.into()),
    };
    let session = start_session(state, &mut tx.ex(), user)?;
    audit::record_as(
        &mut tx.ex(),
        ctx,
        Some(user),
        "user.registered",
        ("user", Some(user.0)),
        None,
        serde_json::json!({ "email": new.email.as_str(), "name": new.name.as_str() }),
    )?;
    tx.commit().await?;

    let mut response = redirect(if next.is_empty() { "/" } else { next });
    set_cookie(&mut response, &session);
    set_cookie(
        &mut response,
        &cookie(
            state,
            LANG_COOKIE,
            new.language.code().to_owned(),
            Some(time::Duration::days(365)),
        ),
    );
    Ok(response)
}
