//! For operators and browsers: `/health`, `/metrics`, and the stylesheets and scripts.

use crate::http::{Access, RouteTable};
use crate::state::AppState;
use axum::extract::{MatchedPath, Path, Request, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::time::Instant;

const UTRECHT_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/utrecht.css"));
const SAMENSPEL_CSS: &str = include_str!("../static/samenspel.css");
const LEAFLET_JS: &str = include_str!(concat!(env!("OUT_DIR"), "/leaflet.js"));
const LEAFLET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/leaflet.css"));
const MAP_JS: &str = include_str!("../static/map.js");

pub fn routes(state: AppState) -> RouteTable {
    RouteTable::new(state)
        .route("GET", "/health", Access::Public, get(health))
        .route("GET", "/metrics", Access::Public, get(metrics))
        .route("GET", "/static/{file}", Access::Public, get(asset))
}

/// 200 when the database answers, 503 when it does not.
async fn health(State(state): State<AppState>) -> Response {
    if state.db.ping().await {
        (StatusCode::OK, "ok").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
    }
}

async fn metrics(State(state): State<AppState>) -> Response {
    let body = state
        .metrics
        .as_ref()
        .map(|m| m.render())
        .unwrap_or_default();
    ([(CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response()
}

async fn asset(Path(file): Path<String>) -> Response {
    const CSS: &str = "text/css; charset=utf-8";
    const JS: &str = "text/javascript; charset=utf-8";
    let (body, content_type) = match file.as_str() {
        "utrecht.css" => (UTRECHT_CSS, CSS),
        "samenspel.css" => (SAMENSPEL_CSS, CSS),
        "leaflet.css" => (LEAFLET_CSS, CSS),
        "leaflet.js" => (LEAFLET_JS, JS),
        "map.js" => (MAP_JS, JS),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (CONTENT_TYPE, content_type),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// Counts requests and their duration per route and status, for `/metrics`.
pub async fn record_metrics(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = route_of(&request);
    tracing::Span::current().record("route", route.as_str());
    let method = request.method().to_string();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("http_request_duration_seconds", "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

/// Tells the client how long the server spent on the response and for which route
/// (`Server-Timing: app;dur=1.234;desc="/approaches/{approach}"`, in milliseconds), when the
/// installation asks for it: the benchmarks read it under load.
pub async fn server_timing(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = route_of(&request);
    let mut response = next.run(request).await;
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    let value = format!("app;dur={millis:.3};desc=\"{route}\"");
    if let Ok(value) = axum::http::HeaderValue::from_str(&value) {
        response.headers_mut().insert("server-timing", value);
    }
    response
}

/// The route a request matched, as its template (`/approaches/{approach}`).
fn route_of(request: &Request) -> String {
    request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned())
}
