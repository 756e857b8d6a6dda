//! Who is asking: sessions (cookie → database), the language of the reply, the CSRF token of
//! the session, and password hashing.
//!
//! Every request passes [`session_layer`], which puts a [`Ctx`] into the request. It also
//! renders error pages (it knows the reader's language) and keeps the flash message.

use crate::error::{AppError, ErrorPage};
use crate::i18n;
use crate::state::AppState;
use crate::views::{self, ErrorView};
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Argon2, PasswordHash};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_TYPE, LOCATION, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use samenspel_domain::Language;
use samenspel_store::{UserId, sessions};
use sha2::{Digest, Sha256};
use std::net::{IpAddr, SocketAddr};
use time::Duration;

pub const SESSION_COOKIE: &str = "samenspel_session";
pub const CSRF_COOKIE: &str = "samenspel_csrf";
pub const LANG_COOKIE: &str = "samenspel_lang";
pub const FLASH_COOKIE: &str = "samenspel_flash";
/// Marks a browser in which its person logged in before (see `store::login_devices`).
pub const DEVICE_COOKIE: &str = "samenspel_device";

/// What someone who must enrol in two-step login can still open (with what lies below).
const ENROLMENT_PATHS: &[&str] = &["/account/two-factor", "/logout", "/language", "/static"];

/// A session is extended at most this often, to keep reads from turning into writes.
const TOUCH_EVERY: Duration = Duration::minutes(5);

/// The person behind a request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub platform_admin: bool,
    /// SHA-256 of the session token (the session's id in the database).
    pub session_id: String,
    /// Notifications not read yet (not counted for static files).
    pub unread: i64,
    /// Two-step login is required of them and not on yet: every page leads to enrolling.
    pub must_enrol: bool,
}

/// Everything a page needs to know about its request.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Language,
    pub user: Option<CurrentUser>,
    /// The CSRF token to put in forms.
    pub csrf: String,
    /// The request's path, to mark the current page in the navigation.
    pub path: String,
    /// A message key to show once, set by the previous request.
    pub flash: Option<String>,
    pub ip: Option<IpAddr>,
    /// Anyone may create an account (otherwise only with an invitation).
    pub registration_open: bool,
}

impl Ctx {
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    /// The label of an enumerated value, e.g. `t_of("org-kind", "partner")` → `org-kind-partner`.
    pub fn t_of(&self, prefix: &str, value: &str) -> String {
        i18n::t(self.lang, &format!("{prefix}-{value}"))
    }

    pub fn t1(&self, key: &str, name: &'static str, value: impl ToString) -> String {
        i18n::t_args(self.lang, key, &[(name, value.to_string())])
    }

    pub fn t2(
        &self,
        key: &str,
        name1: &'static str,
        value1: impl ToString,
        name2: &'static str,
        value2: impl ToString,
    ) -> String {
        i18n::t_args(
            self.lang,
            key,
            &[(name1, value1.to_string()), (name2, value2.to_string())],
        )
    }

    pub fn date(&self, at: &time::OffsetDateTime) -> String {
        views::format::date(self, at)
    }

    /// A calendar date in the reader's language.
    pub fn day(&self, date: &time::Date) -> String {
        views::format::day(self, date)
    }

    pub fn datetime(&self, at: &time::OffsetDateTime) -> String {
        views::format::datetime(self, at)
    }

    pub fn iso(&self, at: &time::OffsetDateTime) -> String {
        views::format::iso(at)
    }

    /// The Dutch calendar day of a moment, for `<time datetime="…">` of a date.
    pub fn iso_day(&self, at: &time::OffsetDateTime) -> String {
        views::format::local(*at).date().to_string()
    }

    pub fn ip_text(&self) -> Option<String> {
        self.ip.map(|ip| ip.to_string())
    }

    pub fn require_user(&self) -> Result<&CurrentUser, AppError> {
        self.user.as_ref().ok_or(AppError::Forbidden)
    }

    /// True when the navigation item for `prefix` is the current section.
    pub fn in_section(&self, prefix: &str) -> bool {
        if prefix == "/" {
            self.path == "/"
        } else {
            self.path == prefix || self.path.starts_with(&format!("{prefix}/"))
        }
    }

    pub fn other_lang(&self) -> Language {
        match self.lang {
            Language::Nl => Language::En,
            Language::En => Language::Nl,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("session layer missing")))
    }
}

/// A random token of `bytes` bytes, URL-safe base64.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the operating system's random source is available");
    URL_SAFE_NO_PAD.encode(buf)
}

/// SHA-256 of a token, hex: what the database keeps instead of the token.
pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hashes a password with Argon2id, off the async threads.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|hash| hash.to_string())
            .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
    })
    .await
    .map_err(anyhow::Error::new)?
    .map_err(AppError::Unexpected)
}

/// Checks a password against a stored hash, off the async threads. With no hash (unknown
/// address) it checks against a fixed hash, so both cases take as long.
pub async fn verify_password(password: String, hash: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.clone());
        let Ok(parsed) = PasswordHash::new(&hash) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
    .await
    .map_err(|e| AppError::Unexpected(anyhow::Error::new(e)))
}

/// An Argon2id hash of a random string nobody knows, made once per process.
static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    Argon2::default()
        .hash_password(random_token(24).as_bytes())
        .map(|hash| hash.to_string())
        .unwrap_or_default()
});

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
            Ok(Some((found, unread))) => {
                tracing::Span::current().record("person", found.user_id.0);
                if let Some(l) = Language::from_code(&found.language) {
                    lang = l;
                }
                session_csrf = Some(found.csrf_token.clone());
                user = Some(CurrentUser {
                    id: found.user_id,
                    email: found.email,
                    name: found.name,
                    platform_admin: found.is_platform_admin,
                    session_id: id,
                    unread,
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

/// The session and, for pages, how many notifications its person has not read.
async fn load_session(
    state: &AppState,
    id: &str,
    now: time::OffsetDateTime,
    count_unread: bool,
) -> samenspel_store::Result<Option<(sessions::SessionUser, i64)>> {
    let id = id.to_owned();
    let expires = now + Duration::days(state.config.session_idle_days);
    let today = crate::views::format::today();
    state
        .db
        .read(move |c| {
            let Some(found) = sessions::find(c, &id, now)? else {
                return Ok(None);
            };
            if now - found.last_seen_at > TOUCH_EVERY {
                sessions::touch(c, &id, now, expires)?;
            }
            let unread = if count_unread {
                samenspel_store::notifications::unread(c, found.user_id, today)?
            } else {
                0
            };
            Ok(Some((found, unread)))
        })
        .await
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

pub fn removal(state: &AppState, name: &'static str) -> Cookie<'static> {
    cookie(state, name, String::new(), Some(Duration::ZERO))
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
