//! The initiative registry: a municipality's registry (search, filters, counts, map, CSV),
//! mapping an initiative that has no account yet, an initiative's profile and its editing,
//! verification, claiming through an invitation, and the facilitators working in a
//! municipality.

mod form;
mod profile;
mod registry;

use crate::http::{Access, RouteTable};
use crate::state::AppState;
use axum::routing::{get, post};
use samenspel_domain::permissions::Permission;

pub fn routes(state: AppState) -> RouteTable {
    RouteTable::new(state)
        .route("GET", "/initiatives", Access::LoggedIn, get(registry::hub))
        .route(
            "GET",
            "/municipalities/{org}/initiatives",
            Access::Org(Permission::ViewRegistry),
            get(registry::list),
        )
        .route(
            "GET",
            "/municipalities/{org}/initiatives.csv",
            Access::Org(Permission::ViewRegistry),
            get(registry::csv),
        )
        .route(
            "GET",
            "/municipalities/{org}/initiatives/new",
            Access::Org(Permission::MapInitiative),
            get(profile::map_show),
        )
        .route(
            "POST",
            "/municipalities/{org}/initiatives/new",
            Access::Org(Permission::MapInitiative),
            post(profile::map_submit),
        )
        .route(
            "GET",
            "/municipalities/{org}/facilitators",
            Access::Org(Permission::ViewRegistry),
            get(registry::facilitators),
        )
        .route(
            "POST",
            "/municipalities/{org}/facilitators",
            Access::Org(Permission::ManageFacilitators),
            post(registry::add_facilitator),
        )
        .route(
            "POST",
            "/municipalities/{org}/facilitators/{facilitator}/remove",
            Access::Org(Permission::ManageFacilitators),
            post(registry::remove_facilitator),
        )
        .route(
            "GET",
            "/initiatives/{org}",
            Access::Org(Permission::ViewProfile),
            get(profile::show),
        )
        .route(
            "GET",
            "/initiatives/{org}/edit",
            Access::Org(Permission::EditProfile),
            get(profile::edit_show),
        )
        .route(
            "POST",
            "/initiatives/{org}/edit",
            Access::Org(Permission::EditProfile),
            post(profile::edit_submit),
        )
        .route(
            "POST",
            "/initiatives/{org}/verify",
            Access::Org(Permission::VerifyProfile),
            post(profile::verify),
        )
        .route(
            "POST",
            "/initiatives/{org}/claim",
            Access::Org(Permission::InviteClaimant),
            post(profile::invite_claimant),
        )
        .route(
            "POST",
            "/initiatives/{org}/projects",
            Access::Org(Permission::EditProfile),
            post(profile::add_project),
        )
        .route(
            "POST",
            "/initiatives/{org}/projects/{project}/remove",
            Access::Org(Permission::EditProfile),
            post(profile::remove_project),
        )
}
