//! The logbook of an approach: what was discussed (meetings), decided (decisions, never edited:
//! a later decision supersedes one), agreed to do (actions with an owner and a due date) and
//! where to read more (links); each visible to its own organisation, to every party, or to
//! anyone. The timeline lists them newest first with filters, keyset paging and search.

pub(crate) mod audience;
mod document;
mod entry;
mod form;
mod timeline;

pub(crate) use form::dutch_moment;

use crate::http::{Access, RouteTable};
use axum::routing::{get, post};
use samenspel_domain::permissions::ApproachPermission as P;

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
            document::UPLOAD_BODY_LIMIT,
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
