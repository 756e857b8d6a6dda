//! Creating an account. The address is confirmed first: the account exists only once the link
//! in the mail has been opened (an open invitation to the same address counts as that proof).
//! Registering an address that has an account answers exactly the same, and mails its owner.
//! Self-registration can be switched off; people with an open invitation can always register
//! with the address it was sent to.

use super::session::start_session;
use super::within_address_limit;
use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::{
    Ctx, LANG_COOKIE, cookie, hash_password, random_token, redirect, safe_next, set_cookie,
    token_hash,
};
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
use samenspel_store::sql::Sql;
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
fn open_invitation(
    c: &mut Sql<'_>,
    next: &str,
) -> Result<Option<invitations::Invitation>, AppError> {
    let Some(token) = next.strip_prefix("/invitations/") else {
        return Ok(None);
    };
    let found = invitations::by_token_hash(c, &token_hash(token))?;
    Ok(found.filter(|i| i.state(samenspel_store::now()) == InvitationState::Open))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<RegisterQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| show_in(c, &state, &ctx, query)).await
}

fn show_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    query: RegisterQuery,
) -> Result<Response, AppError> {
    let next = safe_next(&query.next).unwrap_or("").to_owned();
    let invitation = open_invitation(c, &next)?;
    let closed = !state.config.allow_registration && invitation.is_none();
    let email = invitation.map(|i| i.email).unwrap_or(query.email);
    Ok(render(&RegisterView {
        ctx,
        name: String::new(),
        email,
        language: ctx.lang.code().to_owned(),
        next,
        errors: FormErrors::default(),
        closed,
    }))
}

/// A registration that passed its checks, its password already hashed.
struct Applicant {
    name: PersonName,
    email: Email,
    password_hash: String,
    language: Language,
    next: String,
}

impl Applicant {
    fn new_user(&self) -> users::NewUser<'_> {
        users::NewUser {
            email: &self.email,
            name: &self.name,
            password_hash: &self.password_hash,
            language: self.language,
            platform_admin: false,
        }
    }
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<RegisterForm>,
) -> Result<Response, AppError> {
    let next = safe_next(&form.next).unwrap_or("").to_owned();
    let invitation = {
        let db = state.db.clone();
        let next = next.clone();
        db.read(move |c| open_invitation(c, &next)).await?
    };
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

    // Hashed before the change: the slow hash does not hold the transaction open.
    let password_hash = hash_password(password.expose().to_owned()).await?;
    let invited = invitation.is_some_and(|i| i.email == email.as_str());
    let applicant = Applicant {
        name,
        email,
        password_hash,
        language,
        next,
    };
    change(state, ctx, move |c, state, ctx| {
        submit_in(c, state, ctx, invited, applicant)
    })
    .await
}

/// `invited`: an open invitation was sent to the applicant's very address.
fn submit_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    invited: bool,
    applicant: Applicant,
) -> Result<Outcome, AppError> {
    // An open invitation to this very address has proved it: the account starts at once.
    if invited && users::by_email(c, &applicant.email)?.is_none() {
        return start_account(c, state, &applicant.new_user(), &applicant.next);
    }

    // Otherwise the address is confirmed by a link first, and the answer is the same whether
    // or not it already belongs to an account: its owner gets a mail that someone tried.
    let now = samenspel_store::now();
    let recently = registrations::last_mailed(c, applicant.email.as_str())?
        .is_some_and(|at| now - at < ONE_MAIL_PER);
    let taken = if recently {
        None
    } else {
        send_link(c, state, &applicant, now)?
    };
    let page = render(&SentView {
        ctx,
        email: applicant.email.as_str().to_owned(),
    });
    Ok(Done::respond(page).audit_if(taken).into())
}

/// Stores the registration and mails the address: the link that activates the account, or,
/// when the address has an account, a note to its owner. Returns the event of the latter.
fn send_link(
    c: &mut Sql<'_>,
    state: &AppState,
    applicant: &Applicant,
    now: time::OffsetDateTime,
) -> Result<Option<Event>, AppError> {
    let Applicant {
        name,
        email,
        password_hash: hash,
        language,
        next,
    } = applicant;
    let language = *language;
    let token = random_token(32);
    let base = state.config.base_url.trim_end_matches('/');
    let owner = users::by_email(c, email)?;
    let (mail, password_hash) = match &owner {
        Some(owner) => {
            let lang = owner.language;
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
        c,
        &registrations::NewRegistration {
            email: email.as_str(),
            token_hash: &token_hash(&token),
            name: name.as_str(),
            password_hash,
            language: language.code(),
            next: next.as_str(),
        },
        now,
        now + LINK_VALID,
    )?;
    let (subject, body) = mail;
    mail::enqueue(
        c,
        &OutgoingMail {
            to: email.as_str().to_owned(),
            subject,
            body,
            ..OutgoingMail::default()
        },
    )?;
    Ok(owner.map(|owner| {
        Event::new(
            Action::UserRegistrationOnTakenAddress(owner.id),
            None,
            serde_json::json!({}),
        )
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
    let db = state.db.clone();
    db.read(move |c| confirm_show_in(c, &ctx, query)).await
}

fn confirm_show_in(c: &mut Sql<'_>, ctx: &Ctx, query: ConfirmForm) -> Result<Response, AppError> {
    let registration =
        registrations::usable_by_token_hash(c, &token_hash(&query.token), samenspel_store::now())?;
    let status = if registration.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    Ok(render_status(
        status,
        &ConfirmView {
            ctx,
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
    change(state, ctx, move |c, state, ctx| {
        confirm_submit_in(c, state, ctx, &form)
    })
    .await
}

fn confirm_submit_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    form: &ConfirmForm,
) -> Result<Outcome, AppError> {
    let found =
        registrations::usable_by_token_hash(c, &token_hash(&form.token), samenspel_store::now())?;
    let view = |registration, exists| ConfirmView {
        ctx,
        token: String::new(),
        registration,
        exists,
    };
    let Some(registration) = found else {
        return Ok(Outcome::refused_with(render_status(
            StatusCode::NOT_FOUND,
            &view(None, false),
        )));
    };
    let (Ok(email), Ok(name)) = (
        Email::parse(&registration.email),
        PersonName::parse(&registration.name),
    ) else {
        return Ok(Outcome::refused_with(render_status(
            StatusCode::NOT_FOUND,
            &view(None, false),
        )));
    };
    registrations::forget(c, email.as_str())?;
    if users::by_email(c, &email)?.is_some() {
        // The registration is forgotten all the same.
        let page = render_status(StatusCode::CONFLICT, &view(None, true));
        return Ok(Done::respond(page).into());
    }
    let new = users::NewUser {
        email: &email,
        name: &name,
        password_hash: &registration.password_hash,
        language: registration.language,
        platform_admin: false,
    };
    let next = safe_next(&registration.next).unwrap_or("").to_owned();
    start_account(c, state, &new, &next)
}

/// Creates the account and logs the person in; the answer sends them on to `next` with the
/// session's and the language's cookies.
fn start_account(
    c: &mut Sql<'_>,
    state: &AppState,
    new: &users::NewUser<'_>,
    next: &str,
) -> Result<Outcome, AppError> {
    let now = samenspel_store::now();
    let user = match users::create(c, new, now) {
        Ok(id) => id,
        // Two presses at once: the other one made the account. Nothing of this one is kept.
        Err(StoreError::Conflict(_)) => return Ok(Outcome::refused_with(redirect("/login"))),
        Err(other) => return Err(other.into()),
    };
    let session = start_session(state, c, user)?;

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
    Ok(Done::respond(response)
        .audit(
            Event::new(
                Action::UserRegistered(user),
                None,
                serde_json::json!({ "email": new.email.as_str(), "name": new.name.as_str() }),
            )
            .by(Some(user)),
        )
        .into())
}
