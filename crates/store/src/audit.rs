//! The audit log: who did what, when, from which address, with the fields that changed. It is
//! append-only (a trigger refuses updates) and never holds secrets.

use crate::sql::Sql;
use crate::{AuditEventId, OrgId, Result, UserId, params};
use time::OffsetDateTime;

/// One thing that happened, to be recorded.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub actor: Option<UserId>,
    pub ip: Option<&'a str>,
    /// What happened, e.g. `user.login` or `membership.role_changed`.
    pub action: &'a str,
    /// What it happened to, e.g. `user` or `organisation`.
    pub subject_kind: &'a str,
    pub subject_id: Option<i64>,
    pub organisation: Option<OrgId>,
    /// Changed fields as `{"field": [old, new]}`, or other non-secret detail.
    pub changes: serde_json::Value,
}

pub fn record(c: &mut Sql<'_>, event: &NewEvent<'_>, now: OffsetDateTime) -> Result<()> {
    let sql = "INSERT INTO audit_events (at, actor_id, actor_ip, action, subject_kind, subject_id, organisation_id, changes) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    let changes = event.changes.to_string();
    c.execute(
        sql,
        params![
            now,
            event.actor,
            event.ip,
            event.action,
            event.subject_kind,
            event.subject_id,
            event.organisation,
            &changes
        ],
    )?;
    Ok(())
}

crate::row! {
    #[derive(Debug, Clone)]
    pub struct AuditRow {
        pub id: AuditEventId,
        pub at: OffsetDateTime,
        pub actor_id: Option<UserId>,
        pub actor_name: Option<String>,
        pub actor_email: Option<String>,
        pub actor_ip: Option<String>,
        pub action: String,
        pub subject_kind: String,
        pub subject_id: Option<i64>,
        pub organisation_id: Option<OrgId>,
        pub organisation_name: Option<String>,
        pub changes: String,
    }
}

/// What to show of the log. Every part is optional.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub actor: Option<UserId>,
    pub action: Option<String>,
    pub from: Option<OffsetDateTime>,
    pub until: Option<OffsetDateTime>,
    /// Keyset pagination: show the events listed after this one (older, or as old with a
    /// smaller id).
    pub before: Option<AuditEventId>,
}

enum Arg {
    Id(i64),
    Text(String),
    Time(OffsetDateTime),
}

/// The newest events that match the filter, at most `limit`, newest first by time (then by id).
pub fn list(c: &mut Sql<'_>, filter: &Filter, limit: i64) -> Result<Vec<AuditRow>> {
    // Only the conditions in use go into the SQL, so that each query can use its index: every
    // combination of who and what has one ending in `at`, which yields the rows in the order
    // listed and bounds the period (migration 0007).
    let mut conditions: Vec<String> = Vec::new();
    let mut args: Vec<Arg> = Vec::new();
    let mut add = |condition: &str, arg: Arg| {
        args.push(arg);
        conditions.push(condition.replace('?', &format!("${}", args.len())));
    };
    if let Some(actor) = filter.actor {
        add("e.actor_id = ?", Arg::Id(actor.0));
    }
    if let Some(action) = &filter.action {
        add("e.action = ?", Arg::Text(action.clone()));
    }
    if let Some(from) = filter.from {
        add("e.at >= ?", Arg::Time(from));
    }
    if let Some(until) = filter.until {
        add("e.at < ?", Arg::Time(until));
    }
    if let Some(before) = filter.before {
        // The first condition bounds the index range; the second breaks ties within a moment.
        add(
            "e.at <= (SELECT b.at FROM audit_events b WHERE b.id = ?)",
            Arg::Id(before.0),
        );
        add(
            "(e.at < (SELECT b.at FROM audit_events b WHERE b.id = ?) OR e.id < ?)",
            Arg::Id(before.0),
        );
    }
    let where_clause = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let sql = format!(
        "SELECT e.id, e.at, e.actor_id, u.name AS actor_name, u.email AS actor_email, e.actor_ip, \
         e.action, e.subject_kind, e.subject_id, e.organisation_id, o.name AS organisation_name, e.changes \
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id \
         LEFT JOIN organisations o ON o.id = e.organisation_id \
         {where_clause} ORDER BY e.at DESC, e.id DESC LIMIT {limit}"
    );
    let values: Vec<crate::sql::Value<'_>> = args
        .into_iter()
        .map(|arg| match arg {
            Arg::Id(v) => v.into(),
            Arg::Text(v) => v.into(),
            Arg::Time(v) => v.into(),
        })
        .collect();
    let rows = c.all(&sql, &values)?;
    Ok(rows)
}
