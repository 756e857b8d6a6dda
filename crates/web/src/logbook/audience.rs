//! The logbook's readers: who sees which entries, and telling them what changed.

use crate::audit::{Action, Event};
use crate::http::{AppError, ApproachScope, Ctx};
use samenspel_domain::permissions::ApproachPermission as P;
use samenspel_store::logbook::{self, Audience, Entry};
use samenspel_store::sql::Sql;
use samenspel_store::{EntryId, OrgId, notifications};

/// What happened to an entry: told to everyone who may see it (notifications) and written to
/// the audit log, in the transaction of the change.
pub(crate) struct Announcement {
    pub entry: EntryId,
    /// One of the events of [`notifications`].
    pub event: &'static str,
    /// The audit log's action.
    pub action: Action,
    pub party: Option<OrgId>,
    pub details: serde_json::Value,
}

/// Writes the notifications of `what` in the change's transaction and returns its audit event,
/// for the change to record with it (`.audit(...)` on its [`crate::change::Done`]).
pub(crate) fn announce(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    what: Announcement,
    now: time::OffsetDateTime,
) -> Result<Event, AppError> {
    let user = ctx.require_user()?.id;
    let today = crate::format::today();
    notifications::notify(c, scope.id, what.entry, what.event, user, today, now)?;
    Ok(Event::new(what.action, what.party, what.details))
}

/// Who reads the logbook on an approach's pages: a person who may open the approach.
pub(crate) fn audience(ctx: &Ctx, scope: &ApproachScope) -> Audience {
    Audience {
        user: ctx.user.as_ref().map(|u| u.id),
        party: scope.standing.allows(P::View),
    }
}

/// An entry the visitor may see, or 404.
pub(crate) fn visible_entry(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    id: i64,
) -> Result<Entry, AppError> {
    logbook::get(c, scope.id, EntryId(id), audience(ctx, scope))?.ok_or(AppError::NotFound)
}
