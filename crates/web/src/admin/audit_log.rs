//! The audit log page: who did what, when, from where, filtered by person, kind of change
//! and period, newest first, paged by id.

use crate::format;
use crate::forms::FormErrors;
use crate::http::AppError;
use crate::http::Ctx;
use crate::state::AppState;
use crate::views::render_or_refuse;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use samenspel_domain::accounts::Email;
use samenspel_store::audit::{self, AuditRow, Filter};
use samenspel_store::sql::Sql;
use samenspel_store::{AuditEventId, users};
use serde::Deserialize;
use time::{Date, OffsetDateTime};

const PAGE: i64 = 50;

/// The message key that names an action.
pub fn action_key(action: &str) -> String {
    format!("audit-{}", action.replace(['.', '_'], "-"))
}

#[derive(Debug, Default, Deserialize, Clone)]
pub struct AuditQuery {
    #[serde(default)]
    pub who: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub until: String,
    #[serde(default)]
    pub before: Option<i64>,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditView<'a> {
    ctx: &'a Ctx,
    query: AuditQuery,
    rows: Vec<AuditRow>,
    errors: FormErrors,
    older: Option<String>,
    actions: &'static [&'static str],
}

impl AuditView<'_> {
    fn action_label(&self, action: &str) -> String {
        self.ctx.t(&action_key(action))
    }
}

/// A `yyyy-mm-dd` date as the start of that day in Dutch local time.
fn day_start(input: &str) -> Option<OffsetDateTime> {
    let date = Date::parse(
        input.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()?;
    let noon = date.with_hms(12, 0, 0).ok()?.assume_utc();
    let offset = format::dutch_offset(noon);
    Some(
        date.midnight()
            .assume_offset(offset)
            .to_offset(time::UtcOffset::UTC),
    )
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<AuditQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| page_in(c, &ctx, query)).await
}

fn page_in(c: &mut Sql<'_>, ctx: &Ctx, query: AuditQuery) -> Result<Response, AppError> {
    let mut errors = FormErrors::default();
    let mut filter = Filter {
        before: query.before.map(AuditEventId),
        ..Filter::default()
    };
    let mut nobody = false;

    if !query.who.trim().is_empty() {
        match Email::parse(&query.who) {
            Ok(email) => match users::by_email(c, &email)? {
                Some(user) => filter.actor = Some(user.id),
                None => {
                    errors.add("who", "error-audit-unknown-person");
                    nobody = true;
                }
            },
            Err(invalid) => errors.add("who", invalid.key),
        }
    }
    if !query.action.is_empty() {
        if crate::audit::Action::NAMES.contains(&query.action.as_str()) {
            filter.action = Some(query.action.clone());
        } else {
            errors.add("action", "error-audit-action");
        }
    }
    if !query.from.trim().is_empty() {
        filter.from = day_start(&query.from);
        if filter.from.is_none() {
            errors.add("from", "error-date-invalid");
        }
    }
    if !query.until.trim().is_empty() {
        // Up to and including the given day.
        filter.until = day_start(&query.until).map(|d| d + time::Duration::days(1));
        if filter.until.is_none() {
            errors.add("until", "error-date-invalid");
        }
    }
    if let (Some(from), Some(until)) = (filter.from, filter.until)
        && until <= from
    {
        errors.add("until", "error-period-order");
    }

    let mut rows = if errors.is_empty() && !nobody {
        audit::list(c, &filter, PAGE + 1)?
    } else {
        Vec::new()
    };
    let older = (rows.len() as i64 > PAGE).then(|| {
        rows.truncate(PAGE as usize);
        let last = rows.last().map(|r| r.id.0).unwrap_or_default();
        serde_urlencoded::to_string([
            ("who", query.who.clone()),
            ("action", query.action.clone()),
            ("from", query.from.clone()),
            ("until", query.until.clone()),
            ("before", last.to_string()),
        ])
        .unwrap_or_default()
    });
    let failed = !errors.is_empty();
    let view = AuditView {
        ctx,
        query,
        rows,
        errors,
        older,
        actions: crate::audit::Action::NAMES,
    };
    Ok(render_or_refuse(&view, failed))
}
