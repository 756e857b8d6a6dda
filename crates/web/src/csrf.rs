//! CSRF protection on every state-changing request. A form carries the session's token in a
//! hidden `csrf` field (anonymous visitors get theirs in a cookie); other requests carry it in
//! an `X-CSRF-Token` header. Tokens are compared in constant time.
//!
//! When a form's token no longer matches (the session ended or rotated while the form was
//! open), the visitor gets a page that keeps their input — every field except passwords — and
//! lets them send it again with a fresh token.

use crate::auth::Ctx;
use crate::state::AppState;
use crate::views;
use askama::Template;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use samenspel_store::audit;
use subtle::ConstantTimeEq;

/// The largest form body read here: every form route takes at most this much.
const FORM_LIMIT: usize = crate::BODY_LIMIT;

pub fn tokens_match(expected: &str, given: &str) -> bool {
    !expected.is_empty() && expected.as_bytes().ct_eq(given.as_bytes()).into()
}

#[derive(Template)]
#[template(path = "csrf.html")]
struct ResubmitView<'a> {
    ctx: &'a Ctx,
    action: String,
    fields: Vec<(String, String)>,
    dropped_password: bool,
}

pub async fn csrf_layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    // A one-click unsubscribe (RFC 8058) comes from a mail program, without a session: the
    // secret token in its address is the proof (ADR 0007).
    if request.uri().path().starts_with("/unsubscribe/") {
        return next.run(request).await;
    }
    let Some(ctx) = request.extensions().get::<Ctx>().cloned() else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let is_form = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));

    if !is_form {
        let header_ok = request
            .headers()
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|given| tokens_match(&ctx.csrf, given));
        // A file upload (multipart) from a page without script carries the token in its
        // action's query string: the body is not read here (see ADR 0005).
        let query_ok = is_multipart(&request)
            && request
                .uri()
                .query()
                .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
                .is_some_and(|pairs| {
                    pairs
                        .iter()
                        .any(|(name, given)| name == "csrf" && tokens_match(&ctx.csrf, given))
                });
        if header_ok || query_ok {
            return next.run(request).await;
        }
        record_rejection(&state, &ctx, request.uri().path()).await;
        return rejected_page(&ctx, request.uri().path().to_owned(), Vec::new());
    }

    // A body announced as too large is refused before it is read.
    let announced = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|length| length > FORM_LIMIT) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, FORM_LIMIT).await {
        Ok(bytes) => bytes,
        Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
    };
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let given = fields
        .iter()
        .find(|(name, _)| name == "csrf")
        .map(|(_, v)| v.as_str());
    if given.is_some_and(|given| tokens_match(&ctx.csrf, given)) {
        return next
            .run(Request::from_parts(parts, Body::from(bytes)))
            .await;
    }
    let action = parts
        .uri
        .path_and_query()
        .map(|pq| pq.as_str().to_owned())
        .unwrap_or_else(|| "/".to_owned());
    record_rejection(&state, &ctx, parts.uri.path()).await;
    rejected_page(&ctx, action, fields)
}

fn is_multipart(request: &Request) -> bool {
    request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

fn rejected_page(ctx: &Ctx, action: String, fields: Vec<(String, String)>) -> Response {
    let dropped_password = fields.iter().any(|(name, _)| name.contains("password"));
    let fields = fields
        .into_iter()
        .filter(|(name, _)| name != "csrf" && !name.contains("password"))
        .collect();
    let view = ResubmitView {
        ctx,
        action,
        fields,
        dropped_password,
    };
    views::render_status(StatusCode::FORBIDDEN, &view)
}

async fn record_rejection(state: &AppState, ctx: &Ctx, path: &str) {
    let ip = ctx.ip_text();
    let event = audit::NewEvent {
        actor: ctx.user.as_ref().map(|u| u.id),
        ip: ip.as_deref(),
        action: "security.csrf_rejected",
        subject_kind: "request",
        subject_id: None,
        organisation: None,
        changes: serde_json::json!({ "path": path }),
    };
    let result = async {
        let mut conn = state.db.conn().await?;
        audit::record(conn.ex(), &event, samenspel_store::now()).await
    }
    .await;
    if let Err(error) = result {
        tracing::warn!(%error, "could not record a CSRF rejection");
    }
}
