//! A municipality's districts (wijken) and neighbourhoods (buurten): the list and the map,
//! adding and renaming them by hand, and importing the CBS/PDOK files.

mod import;
mod pages;

pub(crate) use pages::{DistrictRow, MapSettings, folded, overview, tree};

use crate::http::{Access, RouteTable};
use crate::state::AppState;
use axum::routing::{get, post};
use samenspel_domain::permissions::Permission;

/// The largest area file accepted: a whole country's GeoJSON with outlines.
pub const IMPORT_LIMIT: usize = 64 * 1024 * 1024;

pub fn routes(state: AppState) -> RouteTable {
    RouteTable::new(state)
        .route(
            "GET",
            "/municipalities/{org}/areas",
            Access::Org(Permission::ViewAreas),
            get(pages::list),
        )
        .route(
            "POST",
            "/municipalities/{org}/areas",
            Access::Org(Permission::ManageAreas),
            post(pages::add),
        )
        .route(
            "GET",
            "/municipalities/{org}/areas.geojson",
            Access::Org(Permission::ViewAreas),
            get(pages::geojson),
        )
        .route(
            "POST",
            "/municipalities/{org}/code",
            Access::Org(Permission::ManageAreas),
            post(pages::set_code),
        )
        .route(
            "GET",
            "/municipalities/{org}/areas/{area}",
            Access::Org(Permission::ManageAreas),
            get(pages::edit),
        )
        .route(
            "POST",
            "/municipalities/{org}/areas/{area}",
            Access::Org(Permission::ManageAreas),
            post(pages::rename),
        )
        .route(
            "GET",
            "/municipalities/{org}/import",
            Access::Org(Permission::ManageAreas),
            get(import::form),
        )
        .route_with_limit(
            "POST",
            "/municipalities/{org}/import",
            Access::Org(Permission::ManageAreas),
            IMPORT_LIMIT,
            post(import::upload),
        )
        .route(
            "GET",
            "/admin/areas/import",
            Access::PlatformAdmin,
            get(import::national_form),
        )
        .route_with_limit(
            "POST",
            "/admin/areas/import",
            Access::PlatformAdmin,
            IMPORT_LIMIT,
            post(import::national_upload),
        )
}
