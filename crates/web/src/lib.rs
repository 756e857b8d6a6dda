//! Samenspel's HTTP layer: the router, the pages and forms of each capability, permissions,
//! sessions, CSRF and translations.
//!
//! One folder per capability (`accounts`, `organisations`, `admin`); each exposes a
//! [`http::RouteTable`] in which every route names who may use it.

pub mod accounts;
pub mod admin;
pub mod approaches;
pub mod areas;
pub mod audit;
pub mod calendar;
pub mod change;
pub mod config;
pub mod confirm;
pub mod csrf;
pub mod format;
pub mod forms;
pub mod home;
pub mod http;
pub mod i18n;
pub mod initiatives;
pub mod logbook;
pub mod mail;
pub mod markdown;
pub mod notifications;
pub mod ops;
pub mod organisations;
pub mod public;
pub mod state;
pub mod uploads;
pub mod views;
pub mod workspace;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use http::{RouteSpec, RouteTable};
use state::AppState;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Largest request body accepted by most routes, in bytes.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Every route of the application, with its access rule.
pub fn route_table(state: AppState) -> RouteTable {
    home::routes(state.clone())
        .merge(accounts::routes(state.clone()))
        .merge(organisations::routes(state.clone()))
        .merge(areas::routes(state.clone()))
        .merge(initiatives::routes(state.clone()))
        .merge(approaches::routes(state.clone()))
        .merge(logbook::routes(state.clone()))
        .merge(notifications::routes(state.clone()))
        .merge(public::routes(state.clone()))
        .merge(calendar::routes(state.clone()))
        .merge(admin::routes(state.clone()))
        .merge(ops::routes(state))
}

/// The route specs alone, for tests and documentation.
pub fn route_specs(state: AppState) -> Vec<RouteSpec> {
    route_table(state).into_parts().1
}

/// The Content-Security-Policy: our own scripts and styles only; images also from the map's
/// tile server, when one is configured.
fn content_security_policy(config: &config::WebConfig) -> String {
    let tiles = tile_origin(&config.map_tiles_url)
        .map(|origin| format!(" {origin}"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{tiles}; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// `https://host[:port]` of a tile URL template such as `https://tiles.example/{z}/{x}/{y}.png`.
fn tile_origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next()?;
    let safe = matches!(scheme, "https" | "http")
        && !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '{' | '}'));
    safe.then(|| format!("{scheme}://{}", host.replace("{s}", "*")))
}

/// The whole application, with its layers.
pub fn app(state: AppState) -> Router {
    let (router, _) = route_table(state.clone()).into_parts();
    let x_request_id = HeaderName::from_static("x-request-id");
    let csp = content_security_policy(&state.config);
    let mut headers = vec![
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=()",
        ),
        ("cross-origin-opener-policy", "same-origin"),
    ];
    if state.config.secure_cookies {
        headers.push((
            "strict-transport-security",
            "max-age=31536000; includeSubDomains",
        ));
    }
    let mut routed = router
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), csrf::csrf_layer))
        // Body limits are per route (see `RouteTable`), inside the session layer, so that a
        // refused body gets a page in the reader's language.
        .layer(from_fn_with_state(state.clone(), http::session_layer));
    if state.config.server_timing {
        routed = routed.layer(from_fn(ops::server_timing));
    }
    let routed = routed.layer(from_fn(ops::record_metrics)).with_state(state);
    // Around the whole router, so that a refused form's page can be asked for again.
    let mut app = Router::new()
        .fallback_service(routed)
        .layer(from_fn(csrf::reopen_expired_form))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("content-security-policy"),
            HeaderValue::from_str(&csp).unwrap_or(HeaderValue::from_static("default-src 'self'")),
        ));
    for (name, value) in headers {
        app = app.layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    app.layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .layer(PropagateRequestIdLayer::new(x_request_id.clone()))
        .layer(SetRequestIdLayer::new(x_request_id, MakeRequestUuid))
        .layer(CatchPanicLayer::custom(panic_response))
}

/// The span every request runs in. Its scope is filled in as it becomes known: the route (by
/// its pattern, so no token in a path reaches the log), the person, and the organisation or
/// approach the route is about. Whatever is logged while the request runs, also from its
/// database work, says what was being done.
fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    tracing::info_span!(
        "request",
        method = %request.method(),
        route = tracing::field::Empty,
        person = tracing::field::Empty,
        organisation = tracing::field::Empty,
        approach = tracing::field::Empty,
    )
}

async fn not_found() -> Response {
    http::AppError::NotFound.into_response()
}

fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
}
