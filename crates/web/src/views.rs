//! Rendering: the shared page layout's data, the error page, and turning a template into a
//! response.

use crate::auth::Ctx;
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

/// Dates and times as people in the Netherlands read them: Dutch local time (CET/CEST), with
/// month names in the reader's language.
pub mod format {
    use crate::auth::Ctx;
    use time::{Month, OffsetDateTime, UtcOffset, Weekday};

    /// The offset of Dutch local time at `utc`: +02:00 from the last Sunday of March 01:00 UTC
    /// to the last Sunday of October 01:00 UTC (the EU rule), +01:00 otherwise.
    pub fn dutch_offset(utc: OffsetDateTime) -> UtcOffset {
        let year = utc.year();
        let start = last_sunday_1am(year, Month::March);
        let end = last_sunday_1am(year, Month::October);
        let hours = if utc >= start && utc < end { 2 } else { 1 };
        UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC)
    }

    fn last_sunday_1am(year: i32, month: Month) -> OffsetDateTime {
        let last_day = time::util::days_in_month(month, year);
        let mut date =
            time::Date::from_calendar_date(year, month, last_day).unwrap_or(time::Date::MIN);
        while date.weekday() != Weekday::Sunday {
            date = date.previous_day().unwrap_or(date);
        }
        date.with_hms(1, 0, 0)
            .unwrap_or(time::PrimitiveDateTime::MIN)
            .assume_utc()
    }

    pub fn local(utc: OffsetDateTime) -> OffsetDateTime {
        utc.to_offset(dutch_offset(utc))
    }

    /// Today's date in the Netherlands.
    pub fn today() -> time::Date {
        local(samenspel_store::now()).date()
    }

    /// A calendar date, "22 november 2026".
    pub fn day(ctx: &Ctx, date: &time::Date) -> String {
        day_in(ctx.lang, date)
    }

    fn day_in(lang: samenspel_domain::Language, date: &time::Date) -> String {
        let month = crate::i18n::t(lang, &format!("month-{}", u8::from(date.month())));
        format!("{} {} {}", date.day(), month, date.year())
    }

    /// "22 november 2026" / "22 November 2026".
    pub fn date(ctx: &Ctx, at: &OffsetDateTime) -> String {
        day_in(ctx.lang, &local(*at).date())
    }

    /// "22 november 2026, 14:05".
    pub fn datetime(ctx: &Ctx, at: &OffsetDateTime) -> String {
        datetime_in(ctx.lang, at)
    }

    /// [`datetime`] in a language of choice (for e-mail, which has no request).
    pub fn datetime_in(lang: samenspel_domain::Language, at: &OffsetDateTime) -> String {
        let local = local(*at);
        format!(
            "{}, {:02}:{:02}",
            day_in(lang, &local.date()),
            local.hour(),
            local.minute()
        )
    }

    /// The machine-readable form for `<time datetime="…">`.
    pub fn iso(at: &OffsetDateTime) -> String {
        at.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use time::macros::datetime;

        #[test]
        fn summer_and_winter_time() {
            assert_eq!(
                dutch_offset(datetime!(2026-07-01 12:00 UTC)).whole_hours(),
                2
            );
            assert_eq!(
                dutch_offset(datetime!(2026-01-15 12:00 UTC)).whole_hours(),
                1
            );
            // 2026: summer time from 29 March 01:00 UTC until 25 October 01:00 UTC.
            assert_eq!(
                dutch_offset(datetime!(2026-03-29 00:59 UTC)).whole_hours(),
                1
            );
            assert_eq!(
                dutch_offset(datetime!(2026-03-29 01:00 UTC)).whole_hours(),
                2
            );
            assert_eq!(
                dutch_offset(datetime!(2026-10-25 00:59 UTC)).whole_hours(),
                2
            );
            assert_eq!(
                dutch_offset(datetime!(2026-10-25 01:00 UTC)).whole_hours(),
                1
            );
        }
    }
}
