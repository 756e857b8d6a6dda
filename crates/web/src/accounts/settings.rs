//! A person's own settings: name, language and password; and the language switch that every
//! page offers.

use crate::audit;
use crate::auth::{
    Ctx, LANG_COOKIE, cookie, hash_password, redirect, redirect_with_flash, safe_next, set_cookie,
    verify_password,
};
use crate::error::AppError;
use crate::forms::{FormData, FormErrors};
use crate::state::AppState;
use crate::views::{render, render_status};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_domain::Language;
use samenspel_domain::accounts::{Email, NewPassword, PersonName};
use samenspel_store::{sessions, users};
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
    let me = ctx.require_user()?;
    let mut conn = state.db.conn().await?;
    let user = users::by_id(&mut conn.ex(), me.id)?.ok_or(AppError::NotFound)?;
    Ok(render(&AccountView {
        ctx: &ctx,
        name: user.name,
        email: user.email,
        language: user.language,
        profile_errors: FormErrors::default(),
        password_errors: FormErrors::default(),
    }))
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
    let now = samenspel_store::now();
    let mut tx = state.db.begin().await?;
    let before = users::by_id(&mut tx.ex(), me.id)?.ok_or(AppError::NotFound)?;
    users::update_profile(&mut tx.ex(), me.id, &name, language, now)?;
    let changes = audit::changed(&[
        ("name", &before.name, name.as_str()),
        ("language", &before.language, language.code()),
    ]);
    audit::record(
        &mut tx.ex(),
        &ctx,
        "user.profile_changed",
        ("user", Some(me.id.0)),
        None,
        changes,
    )?;
    tx.commit().await?;
    let mut response = redirect_with_flash(&state, "/account", "flash-saved");
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
    let me = ctx.require_user()?;
    let user = {
        let mut conn = state.db.conn().await?;
        users::by_id(&mut conn.ex(), me.id)?.ok_or(AppError::NotFound)?
    };
    let mut errors = FormErrors::default();
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
                language: user.language,
                profile_errors: FormErrors::default(),
                password_errors: errors,
            },
        ));
    };
    let hash = hash_password(new.expose().to_owned()).await?;
    let now = samenspel_store::now();
    let mut tx = state.db.begin().await?;
    users::set_password(&mut tx.ex(), me.id, &hash, now)?;
    // Other devices logged in with the old password are logged out; this one stays.
    let ended = sessions::delete_for_user(&mut tx.ex(), me.id, Some(&me.session_id))?;
    audit::record(
        &mut tx.ex(),
        &ctx,
        "user.password_changed",
        ("user", Some(me.id.0)),
        None,
        serde_json::json!({ "other_sessions_ended": ended }),
    )?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &state,
        "/account",
        "flash-password-changed",
    ))
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
    if let Some(user) = &ctx.user {
        let mut conn = state.db.conn().await?;
        users::set_language(&mut conn.ex(), user.id, language, samenspel_store::now())?;
    }
    let mut response = redirect(safe_next(&form.back).unwrap_or("/"));
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
