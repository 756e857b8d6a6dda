//! The areas page (list and map), the GeoJSON behind the map, the municipality's CBS code, and
//! adding or renaming an area by hand.

use crate::audit;
use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::Ctx;
use crate::http::OrgScope;
use crate::state::AppState;
use crate::views::{render, render_or_refuse, render_status};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use samenspel_domain::areas::{
    AreaName, AreaRecord, DistrictCode, MunicipalityCode, NeighbourhoodCode,
};
use samenspel_domain::permissions::Permission;
use samenspel_store::areas::{self, Area};
use samenspel_store::initiatives::{self, Filter};
use samenspel_store::sql::Sql;
use samenspel_store::{AreaId, OrgId, organisations};
use serde::Deserialize;
use std::collections::HashMap;

/// How many areas a municipality may have for its lists to show them all at once. A larger
/// one (a city has up to a hundred districts and a thousand neighbourhoods) lists its districts,
/// and the neighbourhoods of one district when someone opens it.
pub(crate) const LISTED_IN_FULL: i64 = 200;

/// A district with its listed neighbourhoods, and how many initiatives are active in each.
pub struct DistrictRow {
    pub area: areas::Named,
    pub initiatives: i64,
    pub neighbourhoods: Vec<(areas::Named, i64)>,
}

impl DistrictRow {
    /// The district has neighbourhoods that are not listed (it is not the open one).
    pub fn closed(&self) -> bool {
        self.neighbourhoods.is_empty() && self.area.neighbourhoods > 0
    }

    /// One of its neighbourhoods is among `chosen` (area ids as a form holds them).
    pub fn holds_any(&self, chosen: &[String]) -> bool {
        self.neighbourhoods
            .iter()
            .any(|(b, _)| chosen.contains(&b.id.to_string()))
    }
}

/// A form's area choices (from [`tree`]) are too many to show open: each district folds its
/// neighbourhoods away, as the areas page lists them ([`LISTED_IN_FULL`]).
pub fn folded(rows: &[DistrictRow]) -> bool {
    let listed: usize = rows.iter().map(|d| 1 + d.neighbourhoods.len()).sum();
    listed > LISTED_IN_FULL as usize
}

/// All of the municipality's areas as districts with their neighbourhoods, in code order: the
/// choices of a form.
pub(crate) fn tree(c: &mut Sql<'_>, municipality: OrgId) -> Result<Vec<DistrictRow>, AppError> {
    grouped(c, municipality, None, i64::MAX, None)
}

/// The municipality's districts in code order with the neighbourhoods of the one `open` lies in
/// (or of all, in a municipality of at most [`LISTED_IN_FULL`] areas); with `counts`, also the
/// number of registry initiatives that match it active in each.
pub(crate) fn overview(
    c: &mut Sql<'_>,
    municipality: OrgId,
    open: Option<AreaId>,
    counts: Option<&Filter>,
) -> Result<Vec<DistrictRow>, AppError> {
    grouped(c, municipality, open, LISTED_IN_FULL, counts)
}

fn grouped(
    c: &mut Sql<'_>,
    municipality: OrgId,
    open: Option<AreaId>,
    all_up_to: i64,
    counts: Option<&Filter>,
) -> Result<Vec<DistrictRow>, AppError> {
    let listed = areas::overview(c, municipality, open, all_up_to)?;
    let counts: HashMap<AreaId, i64> = match counts {
        Some(filter) => initiatives::counts(c, municipality, filter)?
            .areas
            .into_iter()
            .collect(),
        None => HashMap::new(),
    };
    let count = |id: AreaId| counts.get(&id).copied().unwrap_or(0);
    let (districts, neighbourhoods): (Vec<areas::Named>, Vec<areas::Named>) =
        listed.into_iter().partition(|a| a.parent_id.is_none());
    let mut rows: Vec<DistrictRow> = districts
        .into_iter()
        .map(|area| DistrictRow {
            initiatives: count(area.id),
            area,
            neighbourhoods: Vec::new(),
        })
        .collect();
    let index: HashMap<AreaId, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| (row.area.id, i))
        .collect();
    for area in neighbourhoods {
        if let Some(&i) = area.parent_id.as_ref().and_then(|p| index.get(p)) {
            let n = count(area.id);
            rows[i].neighbourhoods.push((area, n));
        }
    }
    Ok(rows)
}

#[derive(Template)]
#[template(path = "areas/list.html")]
struct ListView<'a> {
    ctx: &'a Ctx,
    org: organisations::Organisation,
    code: Option<MunicipalityCode>,
    districts: Vec<DistrictRow>,
    can_manage: bool,
    can_see_registry: bool,
    map: MapSettings,
    code_input: String,
    area_code: String,
    area_name: String,
    errors: FormErrors,
}

impl ListView<'_> {
    fn neighbourhood_count(&self) -> i64 {
        self.districts.iter().map(|d| d.area.neighbourhoods).sum()
    }

    /// Some district's neighbourhoods are not listed (a large municipality).
    fn some_closed(&self) -> bool {
        self.districts.iter().any(DistrictRow::closed)
    }
}

/// What the map script needs, put on the map's element as data attributes.
pub struct MapSettings {
    pub tiles_url: String,
    pub attribution: String,
}

impl MapSettings {
    /// The configured tiles; without a configured attribution, the default tiles' own (the
    /// Kadaster's), in the reader's language.
    pub fn from_state(state: &AppState, ctx: &Ctx) -> Self {
        let attribution = match state.config.map_attribution.trim() {
            "" => ctx.t("map-attribution-kadaster"),
            configured => configured.to_owned(),
        };
        Self {
            tiles_url: state.config.map_tiles_url.clone(),
            attribution,
        }
    }
}

/// Input of the forms on the areas page, carried back when one is refused.
#[derive(Default)]
struct Rejected {
    code_input: String,
    area_code: String,
    area_name: String,
    errors: FormErrors,
}

fn render_list(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: OrgScope,
    open: Option<AreaId>,
    rejected: Option<Rejected>,
) -> Result<Response, AppError> {
    let (org, code) = {
        let org = organisations::by_id(c, scope.org)?.ok_or(AppError::NotFound)?;
        let code = areas::municipality_code(c, scope.org)?;
        (org, code)
    };
    let districts = overview(c, scope.org, open, Some(&Filter::default()))?;
    let failed = rejected.is_some();
    let rejected = rejected.unwrap_or_default();
    let view = ListView {
        ctx,
        org,
        districts,
        can_manage: scope.standing.allows(Permission::ManageAreas),
        can_see_registry: scope.standing.allows(Permission::ViewRegistry),
        map: MapSettings::from_state(state, ctx),
        code_input: if failed && !rejected.code_input.is_empty() {
            rejected.code_input
        } else {
            code.as_ref()
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default()
        },
        area_code: rejected.area_code,
        area_name: rejected.area_name,
        errors: rejected.errors,
        code,
    };
    Ok(render_or_refuse(&view, failed))
}

/// The areas page's query string: the district whose neighbourhoods to list (or one of them).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub district: String,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| list_in(c, &state, &ctx, &scope, query))
        .await
}

fn list_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &OrgScope,
    query: ListQuery,
) -> Result<Response, AppError> {
    let open = query.district.trim().parse::<i64>().ok().map(AreaId);
    render_list(c, state, ctx, *scope, open, None)
}

#[derive(Debug, Default, Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    pub code: String,
}

pub async fn set_code(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    FormData(form): FormData<CodeForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| set_code_in(c, scope, form)).await
}

fn set_code_in(c: &mut Sql<'_>, scope: OrgScope, form: CodeForm) -> Result<Outcome, AppError> {
    let mut errors = FormErrors::default();
    let refuse = |errors: FormErrors| {
        let rejected = Rejected {
            code_input: form.code.clone(),
            errors,
            ..Rejected::default()
        };
        Outcome::refused(move |c, state, ctx| {
            render_list(c, state, ctx, scope, None, Some(rejected))
        })
    };
    let Some(code) = errors.check("code", MunicipalityCode::parse(&form.code)) else {
        return Ok(refuse(errors));
    };
    let page = format!("/municipalities/{}/areas", scope.org);
    let old = areas::municipality_code(c, scope.org)?;
    if old.as_ref() == Some(&code) {
        return Ok(Done::redirect(page, "flash-code-saved").into());
    }
    // Areas already imported carry the old code's digits; changing it would orphan them.
    if old.is_some() && !areas::district_codes(c, scope.org)?.is_empty() {
        errors.add("code", "error-code-has-areas");
        return Ok(refuse(errors));
    }
    match areas::set_municipality_code(c, scope.org, &code) {
        Ok(()) => {}
        Err(samenspel_store::StoreError::Conflict(_)) => {
            errors.add("code", "error-code-taken");
            return Ok(refuse(errors));
        }
        Err(other) => return Err(other.into()),
    }
    let changes = audit::changed(&[(
        "cbs_code",
        old.as_ref().map(|c| c.as_str()).unwrap_or(""),
        code.as_str(),
    )]);
    Ok(Done::redirect(page, "flash-code-saved")
        .audit(Event::new(
            Action::MunicipalityCodeSet(scope.org),
            Some(scope.org),
            changes,
        ))
        .into())
}

/// The add-area form's fields are named apart from the code form's on the same page.
#[derive(Debug, Default, Deserialize)]
pub struct AddForm {
    #[serde(default, rename = "area_code")]
    pub code: String,
    #[serde(default, rename = "area_name")]
    pub name: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct RenameForm {
    #[serde(default)]
    pub name: String,
}

/// A district or neighbourhood code; which one follows from its prefix.
enum AreaCode {
    District(DistrictCode),
    Neighbourhood(NeighbourhoodCode),
}

impl AreaCode {
    fn parse(code: &str) -> Result<Self, &'static str> {
        let upper = code.trim().to_ascii_uppercase();
        if upper.starts_with("BU") {
            NeighbourhoodCode::parse(&upper)
                .map(AreaCode::Neighbourhood)
                .map_err(|e| e.key)
        } else if upper.starts_with("WK") {
            DistrictCode::parse(&upper)
                .map(AreaCode::District)
                .map_err(|e| e.key)
        } else if upper.is_empty() {
            Err("error-area-code-required")
        } else {
            Err("error-area-code-kind")
        }
    }

    fn into_record(self, name: AreaName) -> AreaRecord {
        match self {
            AreaCode::District(code) => AreaRecord::District {
                code,
                name,
                geometry: None,
            },
            AreaCode::Neighbourhood(code) => AreaRecord::Neighbourhood {
                code,
                name,
                geometry: None,
            },
        }
    }
}

fn code_of(record: &AreaRecord) -> &str {
    match record {
        AreaRecord::District { code, .. } => code.as_str(),
        AreaRecord::Neighbourhood { code, .. } => code.as_str(),
    }
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    FormData(form): FormData<AddForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| add_in(c, scope, form)).await
}

fn add_in(c: &mut Sql<'_>, scope: OrgScope, form: AddForm) -> Result<Outcome, AppError> {
    let mut errors = FormErrors::default();
    let name = errors.check("area_name", AreaName::parse(&form.name));
    let refuse = |errors: FormErrors| {
        let rejected = Rejected {
            area_code: form.code.clone(),
            area_name: form.name.clone(),
            errors,
            ..Rejected::default()
        };
        Outcome::refused(move |c, state, ctx| {
            render_list(c, state, ctx, scope, None, Some(rejected))
        })
    };
    let code = match AreaCode::parse(&form.code) {
        Ok(code) => Some(code),
        Err(key) => {
            errors.add("area_code", key);
            None
        }
    };
    let (Some(code), Some(name)) = (code, name) else {
        return Ok(refuse(errors));
    };
    let record = code.into_record(name);
    let Some(municipality) = areas::municipality_code(c, scope.org)? else {
        errors.add("area_code", "error-code-first");
        return Ok(refuse(errors));
    };
    let own = match &record {
        AreaRecord::District { code, .. } => code.belongs_to(&municipality),
        AreaRecord::Neighbourhood { code, .. } => code.district().belongs_to(&municipality),
    };
    let taken = match areas::by_code(c, scope.org, code_of(&record)) {
        Ok(found) => found.is_some(),
        Err(samenspel_store::StoreError::Refused(_)) => true,
        Err(other) => return Err(other.into()),
    };
    let problem = if !own {
        Some("error-import-other-municipality")
    } else if taken {
        Some("error-area-code-taken")
    } else {
        None
    };
    if let Some(key) = problem {
        errors.add("area_code", key);
        return Ok(refuse(errors));
    }
    let now = samenspel_store::now();
    match areas::upsert(c, scope.org, std::slice::from_ref(&record), now) {
        Ok(_) => {}
        Err(samenspel_store::StoreError::Refused(key)) => {
            errors.add("area_code", key);
            return Ok(refuse(errors));
        }
        Err(other) => return Err(other.into()),
    }
    let added = areas::by_code(c, scope.org, code_of(&record))?.map(|area| area.id);
    let back = match added {
        Some(id) => at_area(scope.org, id),
        None => format!("/municipalities/{}/areas", scope.org),
    };
    Ok(Done::redirect(back, "flash-area-added")
        .audit(Event::new(
            Action::AreaCreated(added),
            Some(scope.org),
            serde_json::json!({ "code": code_of(&record), "name": form.name.trim() }),
        ))
        .into())
}

/// The areas page with `area` in view: its district opened, scrolled to its row.
fn at_area(org: OrgId, area: AreaId) -> String {
    format!("/municipalities/{org}/areas?district={area}#area_{area}")
}

#[derive(Debug, Deserialize)]
pub struct AreaPath {
    pub org: i64,
    pub area: i64,
}

#[derive(Template)]
#[template(path = "areas/edit.html")]
struct EditView<'a> {
    ctx: &'a Ctx,
    org: OrgId,
    area: Area,
    name: String,
    errors: FormErrors,
}

fn find_area(c: &mut Sql<'_>, scope: OrgScope, path: &AreaPath) -> Result<Area, AppError> {
    debug_assert_eq!(path.org, scope.org.0);
    let id = path.area;
    areas::by_id(c, scope.org, AreaId(id))?.ok_or(AppError::NotFound)
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Path(path): Path<AreaPath>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| edit_in(c, &ctx, &scope, path)).await
}

fn edit_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &OrgScope,
    path: AreaPath,
) -> Result<Response, AppError> {
    let area = find_area(c, *scope, &path)?;
    Ok(render(&EditView {
        ctx,
        org: scope.org,
        name: area.name.clone(),
        area,
        errors: FormErrors::default(),
    }))
}

pub async fn rename(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Path(path): Path<AreaPath>,
    FormData(form): FormData<RenameForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| rename_in(c, &scope, path, form)).await
}

fn rename_in(
    c: &mut Sql<'_>,
    scope: &OrgScope,
    path: AreaPath,
    form: RenameForm,
) -> Result<Outcome, AppError> {
    let area = find_area(c, *scope, &path)?;
    let mut errors = FormErrors::default();
    let Some(name) = errors.check("name", AreaName::parse(&form.name)) else {
        let org = scope.org;
        return Ok(Outcome::refused(move |_, _, ctx| {
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &EditView {
                    ctx,
                    org,
                    area,
                    name: form.name,
                    errors,
                },
            ))
        }));
    };
    areas::rename(c, scope.org, area.id, &name, samenspel_store::now())?;
    let changes = audit::changed(&[("name", &area.name, name.as_str())]);
    Ok(
        Done::redirect(at_area(scope.org, area.id), "flash-area-renamed")
            .audit(Event::new(
                Action::AreaRenamed(area.id),
                Some(scope.org),
                changes,
            ))
            .into(),
    )
}

/// The municipality's areas as a GeoJSON FeatureCollection for the map: every area with an
/// outline, with its code, name, kind and the number of initiatives active in it.
pub async fn geojson(State(state): State<AppState>, scope: OrgScope) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| geojson_in(c, &scope)).await
}

fn geojson_in(c: &mut Sql<'_>, scope: &OrgScope) -> Result<Response, AppError> {
    let all = areas::with_outlines(c, scope.org)?;
    let counts: HashMap<AreaId, i64> = initiatives::counts(c, scope.org, &Filter::default())?
        .areas
        .into_iter()
        .collect();
    let mut body = String::from(r#"{"type":"FeatureCollection","features":["#);
    let mut first = true;
    for area in all {
        let Some(geometry) = &area.geometry else {
            continue;
        };
        if !first {
            body.push(',');
        }
        first = false;
        let properties = serde_json::json!({
            "id": area.id,
            "code": area.code,
            "name": area.name,
            "kind": area.kind,
            "initiatives": counts.get(&area.id).copied().unwrap_or(0),
        });
        // The outline was checked and written as GeoJSON when it was imported.
        body.push_str(r#"{"type":"Feature","properties":"#);
        body.push_str(&properties.to_string());
        body.push_str(r#","geometry":"#);
        body.push_str(geometry);
        body.push('}');
    }
    body.push_str("]}");
    Ok((
        [
            (CONTENT_TYPE, "application/geo+json"),
            (CACHE_CONTROL, "private, no-store"),
        ],
        body,
    )
        .into_response())
}
