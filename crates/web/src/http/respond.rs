//! Redirects: to a page of this site, with a message shown once there.

use super::cookies::{FLASH_COOKIE, cookie, set_cookie};
use crate::state::AppState;
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// A 303 redirect that shows `flash_key` once on the next page.
pub fn redirect_with_flash(state: &AppState, to: &str, flash_key: &'static str) -> Response {
    let mut response = redirect(to);
    set_cookie(
        &mut response,
        &cookie(state, FLASH_COOKIE, flash_key.to_owned(), None),
    );
    response
}

/// A 303 redirect to a path on this site.
pub fn redirect(to: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(to) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
}

/// Only local paths are followed after login, so a link cannot send people elsewhere.
pub fn safe_next(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    ok.then_some(next)
}
