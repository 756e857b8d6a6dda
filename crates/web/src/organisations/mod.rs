//! Organisations of the four kinds, their members and invitations.

pub(crate) mod consent;
pub(crate) mod invitations;
mod members;
mod pages;
pub(crate) mod requests;

use crate::http::{Access, RouteTable};
use crate::state::AppState;
use axum::routing::{get, post};
use samenspel_domain::permissions::Permission;

pub fn routes(state: AppState) -> RouteTable {
    RouteTable::new(state)
        .route("GET", "/organisations", Access::LoggedIn, get(pages::list))
        .route(
            "GET",
            "/organisations/new",
            Access::LoggedIn,
            get(pages::new_show),
        )
        .route(
            "POST",
            "/organisations/new",
            Access::LoggedIn,
            post(pages::new_submit),
        )
        .route(
            "GET",
            "/organisations/{org}",
            Access::Org(Permission::ViewOrganisation),
            get(pages::show),
        )
        .route(
            "POST",
            "/organisations/{org}/invitations",
            Access::Org(Permission::ManageMembers),
            post(invitations::invite),
        )
        .route(
            "POST",
            "/organisations/{org}/invitations/{invitation}/revoke",
            Access::Org(Permission::ManageMembers),
            post(invitations::revoke),
        )
        .route(
            "POST",
            "/organisations/{org}/members/{membership}/role",
            Access::Org(Permission::ManageMembers),
            post(members::change_role),
        )
        .route(
            "POST",
            "/organisations/{org}/members/{membership}/remove",
            Access::Org(Permission::ManageMembers),
            post(members::remove),
        )
        .route(
            "POST",
            "/organisations/{org}/requests/{request}",
            Access::Org(Permission::ManageMembers),
            post(requests::answer),
        )
        .route(
            "POST",
            "/organisations/{org}/two-factor",
            Access::Org(Permission::ManageMembers),
            post(members::require_two_factor),
        )
        .route(
            "POST",
            "/organisations/{org}/leave",
            Access::Org(Permission::LeaveOrganisation),
            post(members::leave),
        )
        .route(
            "GET",
            "/invitations/{token}",
            Access::Public,
            get(invitations::show),
        )
        .route(
            "POST",
            "/invitations/{token}",
            Access::LoggedIn,
            post(invitations::accept),
        )
}
