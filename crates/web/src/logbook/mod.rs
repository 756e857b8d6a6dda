//! The logbook of an approach: what was discussed (meetings), decided (decisions, never edited:
//! a later decision supersedes one), agreed to do (actions with an owner and a due date) and
//! where to read more (links); each visible to its own organisation, to every party, or to
//! anyone. The timeline lists them newest first with filters, keyset paging and search.

mod document;
mod entry;
mod form;
mod timeline;

pub(crate) use form::dutch_moment;

use crate::audit::{Action, Event};
use crate::auth::Ctx;
use crate::error::AppError;
use crate::routes::{Access, ApproachScope, RouteTable};
use axum::routing::{get, post};
use samenspel_domain::permissions::ApproachPermission as P;
use samenspel_store::logbook::Audience;
use samenspel_store::sql::Sql;
use samenspel_store::{EntryId, OrgId, notifications};

pub fn routes(state: crate::state::AppState) -> RouteTable {
    let a = Access::Approach;
    RouteTable::new(state)
        .route(
            "GET",
            "/approaches/{approach}/logbook",
            a(P::View),
            get(timeline::show),
        )
        .route(
            "GET",
            "/approaches/{approach}/logbook/new/{kind}",
            a(P::Contribute),
            get(entry::new_show),
        )
        .route(
            "POST",
            "/approaches/{approach}/logbook/new/{kind}",
            a(P::Contribute),
            post(entry::new_submit),
        )
        .route_with_limit(
            "POST",
            "/approaches/{approach}/logbook/upload",
            a(P::Contribute),
            samenspel_domain::logbook::MAX_DOCUMENT_BYTES + 64 * 1024,
            post(document::upload),
        )
        .route(
            "GET",
            "/approaches/{approach}/logbook/{entry}",
            a(P::View),
            get(entry::show),
        )
        .route(
            "GET",
            "/approaches/{approach}/logbook/{entry}/file",
            a(P::View),
            get(document::download),
        )
        .route(
            "GET",
            "/approaches/{approach}/logbook/{entry}/edit",
            a(P::Contribute),
            get(entry::edit_show),
        )
        .route(
            "POST",
            "/approaches/{approach}/logbook/{entry}/edit",
            a(P::Contribute),
            post(entry::edit_submit),
        )
        .route(
            "POST",
            "/approaches/{approach}/logbook/{entry}/status",
            a(P::Contribute),
            post(entry::set_status),
        )
}

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
    let today = crate::views::format::today();
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
