//! The route table. Every route states who may use it ([`Access`]); the table builds the axum
//! router and enforces that before the handler runs. A route cannot be added without an
//! access rule, and a test walks the whole table for every kind of visitor.

use crate::http::AppError;
use crate::http::Ctx;
use crate::state::AppState;
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequestParts, RawPathParams, Request, State};
use axum::http::request::Parts;
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use samenspel_domain::approaches::PartyRole;
use samenspel_domain::organisations::OrgRole;
use samenspel_domain::permissions::{ApproachPermission, ApproachStanding, Permission, Standing};
use samenspel_store::{ApproachId, OrgId, approaches, organisations};
use tower_http::limit::RequestBodyLimitLayer;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, logged in or not.
    Public,
    /// Anyone who is logged in.
    LoggedIn,
    /// Someone whose standing towards the organisation named by the `{org}` path segment grants
    /// the permission (which can include visitors who are not logged in, for a public profile).
    Org(Permission),
    /// Someone whose standing in the approach named by the `{approach}` path segment grants
    /// the permission.
    Approach(ApproachPermission),
    /// Platform administrators only.
    PlatformAdmin,
}

/// One row of the route table, kept for the permission test and the documentation.
#[derive(Debug, Clone)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

/// The organisation a request is scoped to, after its access was checked.
#[derive(Debug, Clone, Copy)]
pub struct OrgScope {
    pub org: OrgId,
    pub role: Option<OrgRole>,
    /// Everything the access check knew about the visitor's standing.
    pub standing: Standing,
}

impl<S: Send + Sync> FromRequestParts<S> for OrgScope {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<OrgScope>()
            .copied()
            .ok_or(AppError::Forbidden)
    }
}

/// The approach a request is scoped to, after its access was checked.
#[derive(Debug, Clone)]
pub struct ApproachScope {
    pub id: ApproachId,
    pub municipality: OrgId,
    pub standing: ApproachStanding,
    /// The visitor's organisations that are a party today, with their role.
    pub parties: Vec<(OrgId, PartyRole)>,
}

impl ApproachScope {
    /// The organisation the visitor acts for: the one they chose if it is theirs, else their
    /// first party, else the municipality (for its members).
    pub fn acting_for(&self, chosen: Option<OrgId>) -> Option<OrgId> {
        let mine = |org: OrgId| {
            self.parties.iter().any(|(p, _)| *p == org)
                || (org == self.municipality && self.standing.municipal.is_some())
        };
        chosen
            .filter(|org| mine(*org))
            .or_else(|| self.parties.first().map(|(org, _)| *org))
            .or_else(|| self.standing.municipal.map(|_| self.municipality))
    }

    /// The organisations the visitor may act for in this approach.
    pub fn own_parties(&self) -> Vec<OrgId> {
        let mut own: Vec<OrgId> = self.parties.iter().map(|(org, _)| *org).collect();
        if self.standing.municipal.is_some() && !own.contains(&self.municipality) {
            own.push(self.municipality);
        }
        own
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ApproachScope {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<ApproachScope>()
            .cloned()
            .ok_or(AppError::Forbidden)
    }
}

pub struct RouteTable {
    state: AppState,
    router: Router<AppState>,
    specs: Vec<RouteSpec>,
}

impl RouteTable {
    pub fn new(state: AppState) -> Self {
        Self {
            state,
            router: Router::new(),
            specs: Vec::new(),
        }
    }

    /// Adds `method path`, usable by `access`, handled by `handler`, taking request bodies of
    /// up to [`crate::BODY_LIMIT`] bytes.
    pub fn route(
        self,
        method: &'static str,
        path: &'static str,
        access: Access,
        handler: MethodRouter<AppState>,
    ) -> Self {
        self.route_with_limit(method, path, access, crate::BODY_LIMIT, handler)
    }

    /// Like [`RouteTable::route`], for a route that takes larger bodies (file uploads).
    pub fn route_with_limit(
        mut self,
        method: &'static str,
        path: &'static str,
        access: Access,
        body_limit: usize,
        handler: MethodRouter<AppState>,
    ) -> Self {
        self.specs.push(RouteSpec {
            method,
            path,
            access,
        });
        let guarded = handler
            .route_layer(from_fn_with_state((self.state.clone(), access), enforce))
            // Both: tower-http's refuses an announced body up front, axum's bounds extractors.
            .layer::<_, std::convert::Infallible>(DefaultBodyLimit::max(body_limit))
            .layer::<_, std::convert::Infallible>(RequestBodyLimitLayer::new(body_limit));
        self.router = self.router.route(path, guarded);
        self
    }

    pub fn merge(mut self, other: RouteTable) -> Self {
        self.specs.extend(other.specs);
        self.router = self.router.merge(other.router);
        self
    }

    pub fn specs(&self) -> &[RouteSpec] {
        &self.specs
    }

    pub fn into_parts(self) -> (Router<AppState>, Vec<RouteSpec>) {
        (self.router, self.specs)
    }
}

/// Checks the route's access rule. Visitors who are not logged in are sent to the login page
/// when logging in could help; logged-in people without the permission get 403; an unknown
/// organisation is 404.
async fn enforce(
    State((state, access)): State<(AppState, Access)>,
    params: RawPathParams,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(ctx) = request.extensions().get::<Ctx>().cloned() else {
        return AppError::Forbidden.into_response();
    };
    let allowed = match access {
        Access::Public => true,
        Access::LoggedIn => ctx.user.is_some(),
        Access::PlatformAdmin => ctx.user.as_ref().is_some_and(|u| u.platform_admin),
        Access::Org(permission) => {
            let org = params
                .iter()
                .find(|(name, _)| *name == "org")
                .and_then(|(_, value)| value.parse::<i64>().ok())
                .map(OrgId);
            let Some(org) = org else {
                return AppError::NotFound.into_response();
            };
            let standing = match standing(&state, org, &ctx).await {
                Ok(Some(standing)) => standing,
                Ok(None) => return AppError::NotFound.into_response(),
                Err(error) => return error.into_response(),
            };
            tracing::Span::current().record("organisation", org.0);
            let allowed = standing.allows(permission);
            if allowed {
                request.extensions_mut().insert(OrgScope {
                    org,
                    role: standing.role,
                    standing,
                });
            }
            allowed
        }
        Access::Approach(permission) => {
            let id = params
                .iter()
                .find(|(name, _)| *name == "approach")
                .and_then(|(_, value)| value.parse::<i64>().ok())
                .map(ApproachId);
            let Some(id) = id else {
                return AppError::NotFound.into_response();
            };
            let access = match approach_access(&state, id, &ctx).await {
                Ok(Some(access)) => access,
                Ok(None) => return AppError::NotFound.into_response(),
                Err(error) => return error.into_response(),
            };
            tracing::Span::current().record("approach", id.0);
            tracing::Span::current().record("organisation", access.municipality.0);
            let allowed = access.standing.allows(permission);
            if allowed {
                request.extensions_mut().insert(ApproachScope {
                    id,
                    municipality: access.municipality,
                    standing: access.standing,
                    parties: access.parties,
                });
            }
            allowed
        }
    };
    if allowed {
        return next.run(request).await;
    }
    if ctx.user.is_some() {
        return AppError::Forbidden.into_response();
    }
    let here = request
        .uri()
        .path_and_query()
        .map(|pq| pq.as_str().to_owned())
        .unwrap_or_default();
    let next_param = serde_urlencoded::to_string([("next", here)]).unwrap_or_default();
    crate::http::redirect(&format!("/login?{next_param}"))
}

async fn standing(state: &AppState, org: OrgId, ctx: &Ctx) -> Result<Option<Standing>, AppError> {
    let user = ctx.user.as_ref().map(|u| (u.id, u.platform_admin));
    let standing = state
        .db
        .read(move |c| {
            organisations::standing(
                c,
                org,
                user.map(|(id, _)| id),
                user.is_some_and(|(_, admin)| admin),
            )
        })
        .await?;
    Ok(standing)
}

async fn approach_access(
    state: &AppState,
    id: ApproachId,
    ctx: &Ctx,
) -> Result<Option<approaches::Access>, AppError> {
    let today = crate::format::today();
    let user = ctx.user.as_ref().map(|u| u.id);
    let access = state
        .db
        .read(move |c| approaches::access(c, id, user, today))
        .await?;
    Ok(access)
}
