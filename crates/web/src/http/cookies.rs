//! The cookies Samenspel sets, all with the same attributes.

use crate::state::AppState;
use axum::http::HeaderValue;
use axum::http::header::SET_COOKIE;
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, SameSite};
use time::Duration;

pub const SESSION_COOKIE: &str = "samenspel_session";
pub const CSRF_COOKIE: &str = "samenspel_csrf";
pub const LANG_COOKIE: &str = "samenspel_lang";
pub const FLASH_COOKIE: &str = "samenspel_flash";
/// Marks a browser in which its person logged in before (see `store::login_devices`).
pub const DEVICE_COOKIE: &str = "samenspel_device";

/// Builds a cookie with the attributes all of ours share.
pub fn cookie(
    state: &AppState,
    name: &'static str,
    value: String,
    max_age: Option<Duration>,
) -> Cookie<'static> {
    let mut builder = Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies);
    if let Some(age) = max_age {
        builder = builder.max_age(age);
    }
    builder.build()
}

pub fn set_cookie(response: &mut Response, cookie: &Cookie<'_>) {
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(SET_COOKIE, value);
    }
}

/// A cookie that removes the cookie `name`.
pub fn removal(state: &AppState, name: &'static str) -> Cookie<'static> {
    cookie(state, name, String::new(), Some(Duration::ZERO))
}
