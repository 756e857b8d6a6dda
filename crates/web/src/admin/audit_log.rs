//! The audit log page: who did what, when, from where, filtered by person, kind of change
//! and period, newest first, paged by id.

use crate::auth::Ctx;
use crate::error::AppError;
use crate::forms::FormErrors;
use crate::state::AppState;
use crate::views::{format, render_or_refuse};
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

/// Every kind of change the log records; each has a label `audit-<action>` in the locales.
pub const ACTIONS: &[&str] = &[
    "user.registered",
    "user.registration_on_taken_address",
    "user.login",
    "user.login_failed",
    "user.login_locked",
    "user.login_throttled",
    "user.login_code_failed",
    "user.two_factor_started",
    "user.two_factor_enabled",
    "user.two_factor_disabled",
    "user.logout",
    "user.profile_changed",
    "user.password_changed",
    "user.password_reset_requested",
    "user.password_reset",
    "user.created_by_admin",
    "user.blocked",
    "user.unblocked",
    "user.sessions_ended",
    "user.lockout_lifted",
    "user.two_factor_reset",
    "user.made_admin",
    "user.unmade_admin",
    "organisation.created",
    "organisation.renamed",
    "organisation.admin_appointed",
    "organisation.deleted",
    "organisation.two_factor_required",
    "invitation.created",
    "invitation.revoked",
    "membership.joined",
    "membership.role_changed",
    "membership.removed",
    "membership.left",
    "security.csrf_rejected",
    "security.cross_site_refused",
    "municipality.code_set",
    "municipality.verified",
    "municipality.rejected",
    "municipality.facilitator_added",
    "municipality.facilitator_requested",
    "municipality.facilitator_removed",
    "area.created",
    "area.renamed",
    "areas.imported",
    "initiative.mapped",
    "initiative.profile_created",
    "initiative.profile_updated",
    "initiative.verified",
    "initiative.project_added",
    "initiative.project_removed",
    "approach.created",
    "approach.updated",
    "approach.status_changed",
    "approach.method_moved",
    "approach.party_added",
    "approach.party_requested",
    "consent.accepted",
    "consent.declined",
    "approach.party_changed",
    "approach.subproject_added",
    "approach.subproject_changed",
    "approach.node_moved",
    "approach.node_parties",
    "approach.node_need",
    "approach.node_note",
    "approach.perspective_saved",
    "approach.position_changed",
    "approach.ambition_changed",
    "approach.ambition_agreed",
    "approach.goal_changed",
    "approach.public_page",
    "logbook.entry_added",
    "logbook.entry_changed",
    "logbook.action_moved",
];

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
        if ACTIONS.contains(&query.action.as_str()) {
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
        actions: ACTIONS,
    };
    Ok(render_or_refuse(&view, failed))
}
