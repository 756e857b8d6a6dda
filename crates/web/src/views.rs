//! Rendering: the shared page layout's data, the error page, and turning a template into a
//! response.

use crate::http::Ctx;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

/// Renders a template into an HTML response; a template error is logged and becomes a 500.
pub fn render<T: Template>(template: &T) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(error) => {
            tracing::error!(%error, "template failed to render");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

/// Renders a form page again with the status that says why (usually 422).
pub fn render_status<T: Template>(status: StatusCode, template: &T) -> Response {
    let mut response = render(template);
    if response.status().is_success() {
        *response.status_mut() = status;
    }
    response
}

/// Renders a form page: with 422 when its submission was refused, else as usual.
pub fn render_or_refuse<T: Template>(template: &T, refused: bool) -> Response {
    if refused {
        render_status(StatusCode::UNPROCESSABLE_ENTITY, template)
    } else {
        render(template)
    }
}

/// Rows per page of a paged list.
pub const PAGE_SIZE: i64 = 25;

/// Which page of a list is shown, how many there are, and the addresses of the pages before
/// and after it (for the `pagination` macro).
pub struct Paging {
    pub page: i64,
    pub pages: i64,
    pub previous: Option<String>,
    pub next: Option<String>,
}

impl Paging {
    /// The page a query string asks for: a number from 1; anything else means the first.
    pub fn asked(value: &str) -> i64 {
        value.trim().parse::<i64>().unwrap_or(1).clamp(1, 1_000_000)
    }

    /// Page `asked` of a list of `total` rows; the last page when `asked` lies past the end (an
    /// old link, a list that has become shorter).
    pub fn new(asked: i64, total: i64) -> Self {
        let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
        Paging {
            page: asked.clamp(1, pages),
            pages,
            previous: None,
            next: None,
        }
    }

    /// Where the rows of page `page` start.
    pub fn offset_of(page: i64) -> i64 {
        (page - 1) * PAGE_SIZE
    }

    /// Where this page's rows start.
    pub fn offset(&self) -> i64 {
        Self::offset_of(self.page)
    }

    /// This page with links to the ones before and after it; `address` gives a page's address.
    pub fn linked(mut self, address: impl Fn(i64) -> String) -> Self {
        self.previous = (self.page > 1).then(|| address(self.page - 1));
        self.next = (self.page < self.pages).then(|| address(self.page + 1));
        self
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorView<'a> {
    pub ctx: &'a Ctx,
    pub status: u16,
    pub message: String,
    pub error_id: Option<String>,
}
