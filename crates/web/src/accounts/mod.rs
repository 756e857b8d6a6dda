//! Accounts: registering, logging in and out, resetting a forgotten password, and a person's
//! own settings (name, language, password).

mod login;
mod password;
mod register;
mod session;
mod settings;
pub(crate) mod two_factor;

use crate::http::{Access, RouteTable};
use crate::state::AppState;
use axum::routing::{get, post};

pub fn routes(state: AppState) -> RouteTable {
    RouteTable::new(state)
        .route("GET", "/register", Access::Public, get(register::show))
        .route("POST", "/register", Access::Public, post(register::submit))
        .route(
            "GET",
            "/register/confirm",
            Access::Public,
            get(register::confirm_show),
        )
        .route(
            "POST",
            "/register/confirm",
            Access::Public,
            post(register::confirm_submit),
        )
        .route("GET", "/login", Access::Public, get(login::show))
        .route("POST", "/login", Access::Public, post(login::submit))
        .route("POST", "/logout", Access::LoggedIn, post(login::logout))
        .route(
            "GET",
            "/login/code",
            Access::Public,
            get(two_factor::code_show),
        )
        .route(
            "POST",
            "/login/code",
            Access::Public,
            post(two_factor::code_submit),
        )
        .route(
            "GET",
            "/account/two-factor",
            Access::LoggedIn,
            get(two_factor::settings),
        )
        .route(
            "POST",
            "/account/two-factor",
            Access::LoggedIn,
            post(two_factor::start),
        )
        .route(
            "POST",
            "/account/two-factor/confirm",
            Access::LoggedIn,
            post(two_factor::confirm),
        )
        .route(
            "POST",
            "/account/two-factor/disable",
            Access::LoggedIn,
            post(two_factor::disable),
        )
        .route(
            "GET",
            "/password/forgot",
            Access::Public,
            get(password::forgot_show),
        )
        .route(
            "POST",
            "/password/forgot",
            Access::Public,
            post(password::forgot_submit),
        )
        .route(
            "GET",
            "/password/reset",
            Access::Public,
            get(password::reset_show),
        )
        .route(
            "POST",
            "/password/reset",
            Access::Public,
            post(password::reset_submit),
        )
        .route("GET", "/account", Access::LoggedIn, get(settings::show))
        .route(
            "POST",
            "/account",
            Access::LoggedIn,
            post(settings::save_profile),
        )
        .route(
            "POST",
            "/account/password",
            Access::LoggedIn,
            post(settings::change_password),
        )
        .route(
            "POST",
            "/language",
            Access::Public,
            post(settings::switch_language),
        )
}

/// Checks the per-address limit for login, registration and reset; true when allowed.
pub(crate) fn within_address_limit(state: &AppState, ctx: &crate::http::Ctx) -> bool {
    ctx.ip
        .is_none_or(|ip| state.auth_limiter.check_key(&ip).is_ok())
}
