//! What a handler knows about its request: the language, the person, the CSRF token, the
//! path, a flash message; put in the request by the session layer.

use super::error::AppError;
use crate::format;
use crate::i18n;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use samenspel_domain::Language;
use samenspel_store::UserId;
use std::net::IpAddr;

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
    pub fn t_of(&self, prefix: &str, value: impl std::fmt::Display) -> String {
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
        format::date(self.lang, at)
    }

    /// Text people wrote in Markdown, as cleaned HTML (for `|safe`).
    pub fn markdown(&self, text: &str) -> String {
        crate::markdown::to_html(text)
    }

    /// A phone number as a `tel:` address.
    pub fn tel(&self, phone: &str) -> String {
        format::tel(phone)
    }

    /// A calendar date in the reader's language.
    pub fn day(&self, date: &time::Date) -> String {
        format::day(self.lang, date)
    }

    pub fn datetime(&self, at: &time::OffsetDateTime) -> String {
        format::datetime(self.lang, at)
    }

    pub fn iso(&self, at: &time::OffsetDateTime) -> String {
        format::iso(at)
    }

    /// The Dutch calendar day of a moment, for `<time datetime="…">` of a date.
    pub fn iso_day(&self, at: &time::OffsetDateTime) -> String {
        format::local(*at).date().to_string()
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
