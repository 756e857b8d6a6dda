//! CSRF protection on every state-changing request, in two lines of defence (ADR 0003):
//!
//! 1. Where it came from. A request whose `Sec-Fetch-Site` or `Origin` header says another site
//!    sent it is refused outright, and nothing of it is carried anywhere.
//! 2. The token. A form carries the session's token in a hidden `csrf` field (anonymous
//!    visitors get theirs in a cookie); other requests carry it in an `X-CSRF-Token` header.
//!    Tokens are compared in constant time.
//!
//! When a form from this site no longer has a matching token (the session ended or rotated
//! while the form was open), the form is opened again with the input filled in where the person
//! can see it (see [`refill`]); never as fields that post by themselves.

pub mod refill;

use crate::audit::{self, Action, Event};
use crate::http::Ctx;
use crate::state::AppState;
use crate::views;
use askama::Template;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, HOST, ORIGIN, REFERER};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use subtle::ConstantTimeEq;

pub use refill::reopen_expired_form;

/// The largest form body read here: every form route takes at most this much.
const FORM_LIMIT: usize = crate::BODY_LIMIT;

pub fn tokens_match(expected: &str, given: &str) -> bool {
    !expected.is_empty() && expected.as_bytes().ct_eq(given.as_bytes()).into()
}

/// Where a request came from, as the browser tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sender {
    /// A page of this site.
    ThisSite,
    /// Another site (or an opaque origin, such as a sandboxed frame).
    OtherSite,
    /// The request does not say (an old browser, a script, a mail program).
    Unknown,
}

/// Reads `Sec-Fetch-Site` and `Origin`. Either one naming another site is enough to refuse:
/// browsers set both themselves, and no page can forge them.
pub fn sender(headers: &HeaderMap, base_url: &str) -> Sender {
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if matches!(fetch_site, Some("cross-site" | "same-site")) {
        return Sender::OtherSite;
    }
    let origin = headers.get(ORIGIN).and_then(|v| v.to_str().ok());
    match origin {
        Some(origin) if !is_this_site(origin, headers, base_url) => Sender::OtherSite,
        Some(_) => Sender::ThisSite,
        None if fetch_site == Some("same-origin") => Sender::ThisSite,
        None => Sender::Unknown,
    }
}

/// True when `origin` (`scheme://host[:port]`) is this installation: its configured public
/// address, or the host the request was sent to.
fn is_this_site(origin: &str, headers: &HeaderMap, base_url: &str) -> bool {
    let origin = origin.trim_end_matches('/');
    if origin.eq_ignore_ascii_case(origin_of(base_url)) {
        return true;
    }
    let host = headers.get(HOST).and_then(|v| v.to_str().ok());
    let authority = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    matches!((authority, host), (Some(a), Some(h)) if a.eq_ignore_ascii_case(h))
}

/// `scheme://host[:port]` of an address.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    let end = url[after_scheme..]
        .find('/')
        .map(|i| after_scheme + i)
        .unwrap_or(url.len());
    &url[..end]
}

/// The path and query of a `Referer` on this site, if it is one.
fn page_on_this_site(headers: &HeaderMap, base_url: &str) -> Option<String> {
    let referer = headers.get(REFERER)?.to_str().ok()?;
    let start = referer.find("://")? + 3;
    let path_start = referer[start..].find('/').map(|i| start + i)?;
    let origin = &referer[..path_start];
    if !is_this_site(origin, headers, base_url) {
        return None;
    }
    let page = referer[path_start..].split('#').next().unwrap_or("/");
    crate::http::safe_next(page).map(str::to_owned)
}

#[derive(Template)]
#[template(path = "csrf.html")]
struct ExpiredView<'a> {
    ctx: &'a Ctx,
    /// What was typed, to copy by hand when the form could not be opened again.
    fields: Vec<(String, String)>,
    dropped_password: bool,
    back: Option<String>,
}

#[derive(Template)]
#[template(path = "csrf_other_site.html")]
struct OtherSiteView<'a> {
    ctx: &'a Ctx,
}

/// Asks the layer around the router ([`reopen_expired_form`]) to open `page` again with the
/// input of the refused form posted to `action` filled in.
#[derive(Debug, Clone)]
pub struct ReopenForm {
    pub page: String,
    pub action: String,
    pub fields: Vec<(String, String)>,
    pub dropped_password: bool,
    pub lang: samenspel_domain::Language,
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
    let sender = sender(request.headers(), &state.config.base_url);
    if sender == Sender::OtherSite {
        record(
            &state,
            &ctx,
            Action::CrossSiteRefused(audit::Request),
            request.uri().path(),
        )
        .await;
        return views::render_status(StatusCode::FORBIDDEN, &OtherSiteView { ctx: &ctx });
    }
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
        if header_ok {
            return next.run(request).await;
        }
        // A file upload (multipart) from a page without script carries the token as the first
        // field of its body; only that field is read here (see ADR 0019).
        let request = if is_multipart(&request) {
            let (token, request) = first_multipart_field(request).await;
            if token.is_some_and(|given| tokens_match(&ctx.csrf, &given)) {
                return next.run(request).await;
            }
            request
        } else {
            request
        };
        record(
            &state,
            &ctx,
            Action::CsrfRejected(audit::Request),
            request.uri().path(),
        )
        .await;
        return expired_page(&ctx, Vec::new(), None);
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
    record(
        &state,
        &ctx,
        Action::CsrfRejected(audit::Request),
        parts.uri.path(),
    )
    .await;
    let page = page_on_this_site(&parts.headers, &state.config.base_url);
    let mut response = expired_page(&ctx, fields.clone(), page.clone());
    // Only a form this site sent is opened again with its input: the browser said so.
    if sender == Sender::ThisSite {
        let action = parts
            .uri
            .path_and_query()
            .map(|pq| pq.as_str().to_owned())
            .unwrap_or_else(|| "/".to_owned());
        let (fields, dropped_password) = kept(fields);
        response.extensions_mut().insert(ReopenForm {
            page: page.unwrap_or_else(|| parts.uri.path().to_owned()),
            action,
            fields,
            dropped_password,
            lang: ctx.lang,
        });
    }
    response
}

/// How much of a multipart body is read to find its first field, the token.
const FIRST_FIELD_LIMIT: usize = 8 * 1024;

/// Reads no more of a multipart body than its first part (at most [`FIRST_FIELD_LIMIT`]
/// bytes) and returns that part's value when it is the `csrf` field, with the request whose
/// body is whole again: what was read, then the rest as it arrives.
async fn first_multipart_field(request: Request) -> (Option<String>, Request) {
    let boundary = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok());
    let Some(boundary) = boundary else {
        return (None, request);
    };
    let (parts, body) = request.into_parts();
    let mut rest = body.into_data_stream();
    let delimiter = format!("--{boundary}").into_bytes();
    let mut head = bytes::BytesMut::new();
    let mut failed = None;
    // The first part ends where the second delimiter begins.
    while head.len() < FIRST_FIELD_LIMIT
        && head
            .windows(delimiter.len())
            .filter(|w| *w == delimiter.as_slice())
            .count()
            < 2
    {
        match rest.next().await {
            Some(Ok(chunk)) => head.extend_from_slice(&chunk),
            Some(Err(error)) => {
                failed = Some(error);
                break;
            }
            None => break,
        }
    }
    let head = head.freeze();
    let token = csrf_field(head.clone(), boundary).await;
    let read =
        futures_util::stream::iter([Ok(head)]).chain(futures_util::stream::iter(failed.map(Err)));
    let body = Body::from_stream(read.chain(rest));
    (token, Request::from_parts(parts, body))
}

/// The value of the first field of a multipart body's beginning, when that field is `csrf`.
async fn csrf_field(head: bytes::Bytes, boundary: String) -> Option<String> {
    let head = futures_util::stream::iter([Ok::<_, std::io::Error>(head)]);
    let mut multipart = multer::Multipart::new(head, boundary);
    let field = multipart.next_field().await.ok()??;
    if field.name() != Some("csrf") {
        return None;
    }
    field.text().await.ok()
}

fn is_multipart(request: &Request) -> bool {
    request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

/// The fields worth giving back: not the token, never a password. Also says whether a
/// password was left out.
fn kept(fields: Vec<(String, String)>) -> (Vec<(String, String)>, bool) {
    let dropped_password = fields.iter().any(|(name, _)| name.contains("password"));
    let fields = fields
        .into_iter()
        .filter(|(name, _)| name != "csrf" && !name.contains("password"))
        .collect();
    (fields, dropped_password)
}

/// The page for a refused form that cannot be opened again: what was typed, as text to copy,
/// and a link back to the form's page.
fn expired_page(ctx: &Ctx, fields: Vec<(String, String)>, back: Option<String>) -> Response {
    let (fields, dropped_password) = kept(fields);
    let fields = fields
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .collect();
    let view = ExpiredView {
        ctx,
        fields,
        dropped_password,
        back,
    };
    views::render_status(StatusCode::FORBIDDEN, &view)
}

async fn record(state: &AppState, ctx: &Ctx, action: Action, path: &str) {
    let event = Event::new(action, None, serde_json::json!({ "path": path }));
    let ctx = ctx.clone();
    let result = state.db.write(move |c| audit::record(c, &ctx, event)).await;
    if let Err(error) = result {
        tracing::warn!(%error, "could not record a refused request");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    const BASE: &str = "https://samenspel.zonnedal.nl";

    #[test]
    fn another_site_is_told_by_either_header() {
        assert_eq!(
            sender(&headers(&[("sec-fetch-site", "cross-site")]), BASE),
            Sender::OtherSite
        );
        assert_eq!(
            sender(&headers(&[("sec-fetch-site", "same-site")]), BASE),
            Sender::OtherSite
        );
        assert_eq!(
            sender(&headers(&[("origin", "https://evil.example")]), BASE),
            Sender::OtherSite
        );
        assert_eq!(
            sender(&headers(&[("origin", "null")]), BASE),
            Sender::OtherSite
        );
        // A forged "same-origin" cannot outvote the origin.
        assert_eq!(
            sender(
                &headers(&[
                    ("sec-fetch-site", "same-origin"),
                    ("origin", "https://evil.example")
                ]),
                BASE
            ),
            Sender::OtherSite
        );
    }

    #[test]
    fn this_site_is_its_address_or_the_host_asked_for() {
        assert_eq!(
            sender(
                &headers(&[("origin", "https://samenspel.zonnedal.nl")]),
                BASE
            ),
            Sender::ThisSite
        );
        assert_eq!(
            sender(
                &headers(&[
                    ("origin", "http://localhost:8080"),
                    ("host", "localhost:8080")
                ]),
                BASE
            ),
            Sender::ThisSite
        );
        assert_eq!(
            sender(&headers(&[("sec-fetch-site", "same-origin")]), BASE),
            Sender::ThisSite
        );
        assert_eq!(sender(&headers(&[]), BASE), Sender::Unknown);
    }

    #[test]
    fn only_a_referer_on_this_site_names_the_page() {
        let ours = headers(&[("referer", "https://samenspel.zonnedal.nl/organisations/4#x")]);
        assert_eq!(
            page_on_this_site(&ours, BASE).as_deref(),
            Some("/organisations/4")
        );
        let theirs = headers(&[("referer", "https://evil.example/organisations/4")]);
        assert_eq!(page_on_this_site(&theirs, BASE), None);
    }

    fn upload(body: &'static str) -> Request {
        axum::http::Request::post("/approaches/1/logbook/upload")
            .header(CONTENT_TYPE, "multipart/form-data; boundary=XyZ")
            .body(Body::from(body.replace('\n', "\r\n")))
            .expect("request")
    }

    async fn body_of(request: Request) -> String {
        let bytes = to_bytes(request.into_body(), usize::MAX)
            .await
            .expect("body");
        String::from_utf8(bytes.to_vec()).expect("utf-8")
    }

    const TOKEN_FIRST: &str = "--XyZ\nContent-Disposition: form-data; name=\"csrf\"\n\ngeheim-token\n\
        --XyZ\nContent-Disposition: form-data; name=\"title\"\n\nVerslag\n\
        --XyZ\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\n\nhallo\n--XyZ--\n";

    #[tokio::test]
    async fn an_uploads_token_is_its_first_field_and_the_body_stays_whole() {
        let (token, request) = first_multipart_field(upload(TOKEN_FIRST)).await;
        assert_eq!(token.as_deref(), Some("geheim-token"));
        assert_eq!(body_of(request).await, TOKEN_FIRST.replace('\n', "\r\n"));
    }

    #[tokio::test]
    async fn a_token_after_other_fields_is_not_looked_for() {
        let body = "--XyZ\nContent-Disposition: form-data; name=\"title\"\n\nVerslag\n\
            --XyZ\nContent-Disposition: form-data; name=\"csrf\"\n\ngeheim-token\n--XyZ--\n";
        let (token, request) = first_multipart_field(upload(body)).await;
        assert_eq!(token, None);
        assert_eq!(body_of(request).await, body.replace('\n', "\r\n"));
    }
}
