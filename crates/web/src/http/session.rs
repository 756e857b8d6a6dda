//! The session layer: reads the session cookie, decides the language and the CSRF token,
//! puts the request's [`Ctx`] in place, runs the request and draws error pages in the
//! reader's language.

use super::cookies::{
    CSRF_COOKIE, FLASH_COOKIE, LANG_COOKIE, SESSION_COOKIE, cookie, removal, set_cookie,
};
use super::ctx::{Ctx, CurrentUser};
use super::error::{AppError, ErrorPage};
use super::respond::redirect_with_flash;
use super::secrets::{random_token, token_hash};
use crate::i18n;
use crate::state::AppState;
use crate::views::{self, ErrorView};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_TYPE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use samenspel_domain::Language;
use samenspel_store::sessions;
use std::net::{IpAddr, SocketAddr};
use time::Duration;

/// What someone who must enrol in two-step login can still open (with what lies below).
const ENROLMENT_PATHS: &[&str] = &["/account/two-factor", "/logout", "/language", "/static"];

/// A session is extended at most this often, to keep reads from turning into writes.
const TOUCH_EVERY: Duration = Duration::minutes(5);

/// Loads the session, decides the language and the CSRF token, runs the request, and renders
/// error pages in the reader's language.
pub async fn session_layer(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let now = samenspel_store::now();
    let jar = CookieJar::from_headers(request.headers());
    let mut lang = language(request.headers(), &jar);
    let ip = client_ip(&request, state.config.trust_forwarded_for);

    let mut user = None;
    let mut session_csrf = None;
    let mut clear_session_cookie = false;
    if let Some(token) = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned()) {
        let id = token_hash(&token);
        let count_unread = !request.uri().path().starts_with("/static/");
        match load_session(&state, &id, now, count_unread).await {
            Ok(Some(found)) => {
                tracing::Span::current().record("person", found.user_id.0);
                lang = found.language;
                session_csrf = Some(found.csrf_token.clone());
                user = Some(CurrentUser {
                    id: found.user_id,
                    email: found.email,
                    name: found.name,
                    platform_admin: found.is_platform_admin,
                    session_id: id,
                    unread: found.unread,
                    must_enrol: found.must_enrol,
                });
            }
            Ok(None) => clear_session_cookie = true,
            Err(error) => {
                let error = AppError::from(error);
                return render_error(lang, &request, error.into_response());
            }
        }
    }

    let mut new_csrf_cookie = None;
    let csrf = match session_csrf {
        Some(token) => token,
        None => match jar.get(CSRF_COOKIE) {
            Some(c) if c.value().len() >= 20 => c.value().to_owned(),
            _ => {
                let token = random_token(32);
                new_csrf_cookie = Some(token.clone());
                token
            }
        },
    };

    let flash = jar
        .get(FLASH_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|key| key.starts_with("flash-") && i18n::has_key(lang, key));
    let had_flash = jar.get(FLASH_COOKIE).is_some();

    let ctx = Ctx {
        lang,
        user: user.clone(),
        csrf,
        path: request.uri().path().to_owned(),
        flash,
        ip,
        registration_open: state.config.allow_registration,
    };
    request.extensions_mut().insert(ctx.clone());
    let method_is_get = request.method() == axum::http::Method::GET;
    // Whoever must use two-step login and has not switched it on is led to enrolling first.
    let must_enrol = user.as_ref().is_some_and(|u| u.must_enrol)
        && !ENROLMENT_PATHS
            .iter()
            .any(|allowed| ctx.path == *allowed || ctx.path.starts_with(&format!("{allowed}/")));
    let mut response = if must_enrol {
        redirect_with_flash(&state, "/account/two-factor", "flash-two-factor-required")
    } else {
        next.run(request).await
    };

    response = render_error_page(&ctx, response);
    let is_page = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // The token is for forms: a feed, a file, `/health` or `/metrics` sets no cookie.
    if let Some(token) = new_csrf_cookie.filter(|_| is_page) {
        set_cookie(&mut response, &cookie(&state, CSRF_COOKIE, token, None));
    }
    // A stale cookie is cleared, unless this very response starts a new session (logging in
    // while holding an old cookie must leave the person logged in).
    if clear_session_cookie && !sets_cookie(&response, SESSION_COOKIE) {
        set_cookie(&mut response, &removal(&state, SESSION_COOKIE));
    }
    // What a page shows depends on who asks; nothing may keep a copy unless the handler said
    // so itself (static files, public feeds).
    if !response.headers().contains_key(CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    // The flash is shown by the page a GET renders; a redirect passes it on.
    if had_flash && method_is_get && !response.status().is_redirection() {
        set_cookie(&mut response, &removal(&state, FLASH_COOKIE));
    }
    response
}

/// The session and, for pages, how many notifications its person has not read (one statement).
async fn load_session(
    state: &AppState,
    id: &str,
    now: time::OffsetDateTime,
    count_unread: bool,
) -> samenspel_store::Result<Option<sessions::SessionUser>> {
    let id = id.to_owned();
    let expires = now + Duration::days(state.config.session_idle_days);
    let unread_on = count_unread.then(crate::format::today);
    let (db, key) = (state.db.clone(), id.clone());
    let found = db
        .read(move |c| sessions::find(c, &key, now, unread_on))
        .await?;
    // Extending the session is a write, so it is a unit of its own (and a rare one).
    if let Some(session) = &found
        && now - session.last_seen_at > TOUCH_EVERY
    {
        db.write(move |c| sessions::touch(c, &id, now, expires))
            .await?;
    }
    Ok(found)
}

/// True when `response` sets the cookie `name`.
fn sets_cookie(response: &Response, name: &str) -> bool {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| {
            v.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('='))
        })
}

fn client_ip(request: &Request, trust_forwarded_for: bool) -> Option<IpAddr> {
    if trust_forwarded_for {
        let forwarded = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
}

fn language(headers: &HeaderMap, jar: &CookieJar) -> Language {
    jar.get(LANG_COOKIE)
        .and_then(|c| Language::from_code(c.value()))
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Language::negotiate)
        })
        .unwrap_or_default()
}

/// An error page for a request that failed before its context was complete (the session
/// could not be read).
fn render_error(lang: Language, request: &Request, response: Response) -> Response {
    let ctx = Ctx {
        lang,
        user: None,
        csrf: String::new(),
        path: request.uri().path().to_owned(),
        flash: None,
        ip: None,
        registration_open: false,
    };
    render_error_page(&ctx, response)
}

/// Turns an [`ErrorPage`] marker (or a bare error status from a layer) into a full page.
fn render_error_page(ctx: &Ctx, response: Response) -> Response {
    let marker = response.extensions().get::<ErrorPage>().cloned();
    let marker = match marker {
        Some(marker) => marker,
        None => {
            let status = response.status();
            let bare = response
                .headers()
                .get(axum::http::header::CONTENT_TYPE)
                .is_none_or(|ct| {
                    !ct.to_str().unwrap_or("").starts_with("text/html")
                        && !ct.to_str().unwrap_or("").starts_with("application/json")
                });
            let key = match status {
                StatusCode::BAD_REQUEST => "error-bad-request",
                StatusCode::PAYLOAD_TOO_LARGE => "error-too-large",
                StatusCode::METHOD_NOT_ALLOWED => "error-method",
                StatusCode::REQUEST_TIMEOUT => "error-timeout",
                StatusCode::UNSUPPORTED_MEDIA_TYPE | StatusCode::UNPROCESSABLE_ENTITY => {
                    "error-bad-form"
                }
                s if s.is_server_error() => "error-unexpected",
                _ => return response,
            };
            if !bare {
                return response;
            }
            ErrorPage {
                status,
                message_key: key,
                error_id: None,
            }
        }
    };
    let (parts, _) = response.into_parts();
    let page = ErrorView {
        ctx,
        status: marker.status.as_u16(),
        message: ctx.t(marker.message_key),
        error_id: marker.error_id,
    };
    let mut rendered = views::render(&page).into_response();
    *rendered.status_mut() = marker.status;
    for (name, value) in parts.headers.iter() {
        if name == SET_COOKIE || name == LOCATION {
            rendered.headers_mut().append(name, value.clone());
        }
    }
    rendered
}
