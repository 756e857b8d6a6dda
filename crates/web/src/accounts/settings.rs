//! A person's own settings: name, language and password; and the language switch that every
//! page offers.

use crate::audit::{self, Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::{
    Ctx, LANG_COOKIE, cookie, hash_password, redirect, safe_next, set_cookie, verify_password,
};
use crate::state::AppState;
use crate::views::{render, render_status};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_domain::Language;
use samenspel_domain::accounts::{Email, NewPassword, PersonName};
use samenspel_store::sql::Sql;
use samenspel_store::users::{self, User};
use samenspel_store::{UserId, sessions};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "accounts/account.html")]
struct AccountView<'a> {
    ctx: &'a Ctx,
    name: String,
    email: String,
    language: String,
    profile_errors: FormErrors,
    password_errors: FormErrors,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| show_in(c, &ctx)).await
}

fn show_in(c: &mut Sql<'_>, ctx: &Ctx) -> Result<Response, AppError> {
    let user = user_in(c, ctx.require_user()?.id)?;
    Ok(render(&AccountView {
        ctx,
        name: user.name,
        email: user.email,
        language: user.language.code().to_owned(),
        profile_errors: FormErrors::default(),
        password_errors: FormErrors::default(),
    }))
}

fn user_in(c: &mut Sql<'_>, id: UserId) -> Result<User, AppError> {
    users::by_id(c, id)?.ok_or(AppError::NotFound)
}

/// The cookie that keeps the chosen language in the browser.
fn language_cookie(
    state: &AppState,
    language: Language,
) -> axum_extra::extract::cookie::Cookie<'static> {
    cookie(
        state,
        LANG_COOKIE,
        language.code().to_owned(),
        Some(time::Duration::days(365)),
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub language: String,
}

pub async fn save_profile(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<ProfileForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let mut errors = FormErrors::default();
    let name = errors.check("name", PersonName::parse(&form.name));
    let language = Language::from_code(&form.language);
    if language.is_none() {
        errors.add("language", "error-language-invalid");
    }
    let (Some(name), Some(language)) = (name, language) else {
        return Ok(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &AccountView {
                ctx: &ctx,
                name: form.name.clone(),
                email: me.email.clone(),
                language: form.language.clone(),
                profile_errors: errors,
                password_errors: FormErrors::default(),
            },
        ));
    };
    change(state, ctx, move |c, state, ctx| {
        save_profile_in(c, state, ctx, name, language)
    })
    .await
}

fn save_profile_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    name: PersonName,
    language: Language,
) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?;
    let before = user_in(c, me.id)?;
    users::update_profile(c, me.id, &name, language, samenspel_store::now())?;
    let changes = audit::changed(&[
        ("name", &before.name, name.as_str()),
        ("language", before.language.code(), language.code()),
    ]);
    Ok(Done::redirect("/account", "flash-saved")
        .cookie(language_cookie(state, language))
        .audit(Event::new(Action::UserProfileChanged(me.id), None, changes))
        .into())
}

#[derive(Debug, Default, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    pub current_password: String,
    #[serde(default)]
    pub new_password: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<PasswordForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?.id;
    let user = {
        let db = state.db.clone();
        db.read(move |c| user_in(c, me)).await?
    };
    let mut errors = FormErrors::default();
    // Checked and hashed before the change: the slow hash does not hold the transaction open.
    if !verify_password(
        form.current_password.clone(),
        Some(user.password_hash.clone()),
    )
    .await?
    {
        errors.add("current_password", "error-current-password");
    }
    let email = Email::parse(&user.email).ok();
    let new = errors.check(
        "new_password",
        NewPassword::parse(&form.new_password, email.as_ref()),
    );
    let Some(new) = new.filter(|_| errors.is_empty()) else {
        return Ok(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &AccountView {
                ctx: &ctx,
                name: user.name,
                email: user.email,
                language: user.language.code().to_owned(),
                profile_errors: FormErrors::default(),
                password_errors: errors,
            },
        ));
    };
    let hash = hash_password(new.expose().to_owned()).await?;
    change(state, ctx, move |c, _, ctx| {
        change_password_in(c, ctx, &hash)
    })
    .await
}

fn change_password_in(c: &mut Sql<'_>, ctx: &Ctx, hash: &str) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?;
    users::set_password(c, me.id, hash, samenspel_store::now())?;
    // Other devices logged in with the old password are logged out; this one stays.
    let ended = sessions::delete_for_user(c, me.id, Some(&me.session_id))?;
    Ok(Done::redirect("/account", "flash-password-changed")
        .audit(Event::new(
            Action::UserPasswordChanged(me.id),
            None,
            serde_json::json!({ "other_sessions_ended": ended }),
        ))
        .into())
}

#[derive(Debug, Default, Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub back: String,
}

pub async fn switch_language(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<LanguageForm>,
) -> Result<Response, AppError> {
    let language =
        Language::from_code(&form.lang).ok_or(AppError::BadRequest("error-language-invalid"))?;
    let mut response = redirect(safe_next(&form.back).unwrap_or("/"));
    set_cookie(&mut response, &language_cookie(&state, language));
    let Some(user) = ctx.user.as_ref().map(|u| u.id) else {
        // Nobody to remember it for: the cookie is all.
        return Ok(response);
    };
    change(state, ctx, move |c, _, _| {
        users::set_language(c, user, language, samenspel_store::now())?;
        Ok(Done::respond(response).into())
    })
    .await
}
