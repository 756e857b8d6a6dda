//! Starting a session: after a right password (and code), after confirming an address.

use crate::audit::{Action, Event};
use crate::http::{
    AppError, Ctx, DEVICE_COOKIE, SESSION_COOKIE, cookie, random_token, redirect, set_cookie,
    token_hash,
};
use crate::state::AppState;
use axum::response::Response;
use axum_extra::extract::cookie::Cookie;
use samenspel_store::sql::Sql;
use samenspel_store::{UserId, login_devices, sessions, users};

/// Starts a fresh session for the person (a new token, so a token planted before login is
/// useless) and returns the cookie that carries it.
pub(crate) fn start_session(
    state: &AppState,
    c: &mut Sql<'_>,
    user: UserId,
) -> Result<Cookie<'static>, AppError> {
    let token = random_token(32);
    let now = samenspel_store::now();
    let expires = now + time::Duration::days(state.config.session_idle_days);
    sessions::create(
        c,
        &token_hash(&token),
        user,
        &random_token(32),
        now,
        expires,
    )?;
    Ok(cookie(state, SESSION_COOKIE, token, None))
}

/// Starts the session of a person whose password (and code, when they use a second factor)
/// was right: a fresh session, the browser (known by the device cookie's `device_token`)
/// remembered, the counters reset. Returns the redirect to `next` that carries the cookies,
/// and the login's event, with how it was made (`method`), for the change to record.
pub(crate) fn finish_login(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    device_token: Option<&str>,
    user: UserId,
    next: &str,
    method: &str,
) -> Result<(Response, Event), AppError> {
    let now = samenspel_store::now();
    let device = match device_token {
        Some(token) => login_devices::find(c, user, &token_hash(token))?,
        None => None,
    };
    if let Some(old) = &ctx.user {
        sessions::delete(c, &old.session_id)?;
    }
    let session = start_session(state, c, user)?;
    // Failures from unknown browsers keep counting when the person logs in with a known one,
    // so that guessing elsewhere stays slow.
    users::login_succeeded(c, user, now, device.is_none())?;
    let new_device = match &device {
        Some(device) => {
            login_devices::login_succeeded(c, device.id, now)?;
            None
        }
        None => {
            let token = random_token(32);
            login_devices::remember(c, user, &token_hash(&token), now)?;
            Some(token)
        }
    };

    let mut response = redirect(if next.is_empty() { "/" } else { next });
    set_cookie(&mut response, &session);
    if let Some(token) = new_device {
        set_cookie(
            &mut response,
            &cookie(state, DEVICE_COOKIE, token, Some(time::Duration::days(365))),
        );
    }
    let login = Event::new(
        Action::UserLogin(user),
        None,
        serde_json::json!({ "method": method }),
    )
    .by(Some(user));
    Ok((response, login))
}
