//! Recording what people do, from a request: the actor and their address come from the
//! request's [`Ctx`]. The audit page itself lives in `admin`.

use crate::auth::Ctx;
use samenspel_store::sql::Sql;
use samenspel_store::{OrgId, UserId, audit};

/// Records one event in the same transaction as the change it describes.
pub fn record(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    action: &str,
    subject: (&str, Option<i64>),
    organisation: Option<OrgId>,
    changes: serde_json::Value,
) -> samenspel_store::Result<()> {
    let actor = ctx.user.as_ref().map(|u| u.id);
    record_as(c, ctx, actor, action, subject, organisation, changes)
}

/// Like [`record`], for the moment someone becomes the actor (registering, logging in).
pub fn record_as(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    actor: Option<UserId>,
    action: &str,
    subject: (&str, Option<i64>),
    organisation: Option<OrgId>,
    changes: serde_json::Value,
) -> samenspel_store::Result<()> {
    let ip = ctx.ip_text();
    let event = audit::NewEvent {
        actor,
        ip: ip.as_deref(),
        action,
        subject_kind: subject.0,
        subject_id: subject.1,
        organisation,
        changes,
    };
    audit::record(c, &event, samenspel_store::now())
}

/// `{"field": [old, new]}` for each field whose value changed.
pub fn changed(fields: &[(&str, &str, &str)]) -> serde_json::Value {
    let map = fields
        .iter()
        .filter(|(_, old, new)| old != new)
        .map(|(name, old, new)| ((*name).to_owned(), serde_json::json!([old, new])))
        .collect::<serde_json::Map<_, _>>();
    serde_json::Value::Object(map)
}
