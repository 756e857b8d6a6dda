//! A municipality's registry: search, filters, sorting, pages, counts per theme and area, the
//! map, the CSV export; the facilitators who work in the municipality; and the hub that lists
//! the registries and profiles a person can reach.

use crate::areas::{DistrictRow, MapSettings, overview};
use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::confirm::{AskFirst, Confirmation};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::Ctx;
use crate::http::OrgScope;
use crate::state::AppState;
use crate::views::{PAGE_SIZE, Paging, render, render_or_refuse};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use samenspel_domain::initiatives::{Character, LegalForm, Theme};
use samenspel_domain::organisations::OrgKind;
use samenspel_domain::permissions::Permission;
use samenspel_store::initiatives::{self, Filter, Listed, Sort};
use samenspel_store::sql::Sql;
use samenspel_store::{AreaId, OrgId, organisations};
use serde::Deserialize;
use std::collections::HashMap;

/// The registry's query string: filters, order and page. Unknown values mean "any".
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct RegistryQuery {
    pub q: String,
    pub theme: String,
    pub area: String,
    pub character: String,
    pub legal_form: String,
    pub verified: String,
    pub sort: String,
    pub page: String,
}

impl RegistryQuery {
    /// The filter, keeping only values that mean something.
    fn filter(&self) -> Filter {
        Filter {
            text: self.q.trim().chars().take(100).collect(),
            theme: keep(Theme::parse(&self.theme).map(Theme::as_str)),
            area: self.area.trim().parse::<i64>().ok().map(AreaId),
            character: keep(Character::parse(&self.character).map(Character::as_str)),
            legal_form: keep(LegalForm::parse(&self.legal_form).map(LegalForm::as_str)),
            verified: match self.verified.as_str() {
                "yes" | "no" => self.verified.clone(),
                _ => String::new(),
            },
        }
    }

    /// This query with another page, as a query string.
    fn with_page(&self, filter: &Filter, sort: Sort, page: i64) -> String {
        let area = filter.area.map(|a| a.to_string()).unwrap_or_default();
        let page = page.to_string();
        let pairs = [
            ("q", filter.text.as_str()),
            ("theme", filter.theme.as_str()),
            ("area", area.as_str()),
            ("character", filter.character.as_str()),
            ("legal_form", filter.legal_form.as_str()),
            ("verified", filter.verified.as_str()),
            ("sort", sort.as_str()),
            ("page", page.as_str()),
        ];
        let kept: Vec<_> = pairs.iter().filter(|(_, v)| !v.is_empty()).collect();
        serde_urlencoded::to_string(kept).unwrap_or_default()
    }
}

fn keep(value: Result<&'static str, samenspel_domain::Invalid>) -> String {
    value.map(str::to_owned).unwrap_or_default()
}

#[derive(Template)]
#[template(path = "initiatives/registry.html")]
struct RegistryView<'a> {
    ctx: &'a Ctx,
    org: organisations::Organisation,
    filter: Filter,
    sort: Sort,
    sorts: [Sort; 4],
    rows: Vec<Listed>,
    total: i64,
    paging: Paging,
    export: String,
    theme_counts: HashMap<String, i64>,
    area_counts: HashMap<AreaId, i64>,
    districts: Vec<DistrictRow>,
    themes: &'static [Theme],
    characters: &'static [Character],
    legal_forms: &'static [LegalForm],
    can_map: bool,
    /// A member of the municipality (who also sees its approaches).
    municipal: bool,
    map: MapSettings,
}

impl RegistryView<'_> {
    fn theme_count(&self, theme: &str) -> i64 {
        self.theme_counts.get(theme).copied().unwrap_or(0)
    }

    fn area_count(&self, area: &AreaId) -> i64 {
        self.area_counts.get(area).copied().unwrap_or(0)
    }

    /// Some district's neighbourhoods are not offered (a large municipality): choosing the
    /// district opens them.
    fn some_closed(&self) -> bool {
        self.districts.iter().any(DistrictRow::closed)
    }

    fn area_selected(&self, area: &AreaId) -> bool {
        self.filter.area == Some(*area)
    }

    fn filtered(&self) -> bool {
        let f = &self.filter;
        !(f.text.is_empty()
            && f.theme.is_empty()
            && f.area.is_none()
            && f.character.is_empty()
            && f.legal_form.is_empty()
            && f.verified.is_empty())
    }

    fn words<'s>(&self, text: &'s str) -> Vec<&'s str> {
        text.split_whitespace().collect()
    }

    fn short(&self, text: &str) -> String {
        let mut short: String = text.chars().take(160).collect();
        if text.chars().count() > 160 {
            short.push('…');
        }
        short
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Query(query): Query<RegistryQuery>,
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
    query: RegistryQuery,
) -> Result<Response, AppError> {
    let filter = query.filter();
    let sort = Sort::parse(&query.sort);
    let asked = Paging::asked(&query.page);
    let org = organisations::by_id(c, scope.org)?.ok_or(AppError::NotFound)?;
    let counts = initiatives::counts(c, scope.org, &filter)?;
    let total = counts.total;
    let paging = Paging::new(asked, total);
    let rows = initiatives::search(
        c,
        scope.org,
        &filter,
        sort,
        PAGE_SIZE,
        Paging::offset_of(paging.page),
    )?;
    let paging = paging.linked(|page| {
        format!(
            "/municipalities/{}/initiatives?{}",
            org.id,
            query.with_page(&filter, sort, page)
        )
    });
    let districts = overview(c, scope.org, filter.area, None)?;
    let export = query.with_page(&filter, sort, 1);
    Ok(render(&RegistryView {
        municipal: scope.standing.allows(Permission::ManageApproaches),
        ctx,
        org,
        sort,
        sorts: Sort::ALL,
        rows,
        total,
        paging,
        export,
        theme_counts: counts.themes.into_iter().collect(),
        area_counts: counts.areas.into_iter().collect(),
        districts,
        themes: Theme::ALL,
        characters: Character::ALL,
        legal_forms: LegalForm::ALL,
        can_map: scope.standing.allows(Permission::MapInitiative),
        map: MapSettings::from_state(state, ctx),
        filter,
    }))
}

/// A cell as a spreadsheet will read it: text that a spreadsheet would take for a formula gets
/// a leading apostrophe.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Query(query): Query<RegistryQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| csv_in(c, &ctx, &scope, query)).await
}

fn csv_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &OrgScope,
    query: RegistryQuery,
) -> Result<Response, AppError> {
    let filter = query.filter();
    let rows = initiatives::export(c, scope.org, &filter)?;
    let labels = |prefix: &str, keys: &str| {
        keys.split_whitespace()
            .map(|k| ctx.t_of(prefix, k))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let yes_no = |b: bool| ctx.t(if b { "yes" } else { "no" });
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let header: Vec<String> = [
        "csv-name",
        "csv-description",
        "csv-themes",
        "csv-character",
        "csv-legal-form",
        "csv-volunteers",
        "csv-paid-staff",
        "csv-members",
        "csv-core-roles",
        "csv-support",
        "csv-support-note",
        "csv-does-not-do",
        "csv-contact-name",
        "csv-contact-email",
        "csv-contact-phone",
        "csv-website",
        "csv-founded",
        "csv-areas",
        "csv-verified",
        "csv-public",
        "csv-claimed",
    ]
    .iter()
    .map(|k| ctx.t(k))
    .collect();
    let write_error = |e: csv::Error| AppError::Unexpected(anyhow::Error::new(e));
    writer.write_record(&header).map_err(write_error)?;
    for (row, areas) in rows {
        let record = [
            cell(&row.name),
            cell(&row.description),
            labels("theme", &row.themes),
            ctx.t_of("character", &row.character),
            ctx.t_of("legal-form", &row.legal_form),
            yes_no(row.has_volunteers),
            yes_no(row.has_paid_staff),
            row.member_count.map(|n| n.to_string()).unwrap_or_default(),
            labels("core-role", &row.core_roles),
            labels("support", &row.support_needed),
            cell(&row.support_note),
            cell(&row.does_not_do),
            cell(&row.contact_name),
            cell(&row.contact_email),
            cell(&row.contact_phone),
            cell(&row.website),
            row.founded_year.map(|n| n.to_string()).unwrap_or_default(),
            areas.join(" "),
            // The day it was checked, as a spreadsheet reads a date.
            row.verified_at
                .map(|at| crate::format::local(at).date().to_string())
                .unwrap_or_default(),
            yes_no(row.is_public),
            yes_no(row.claimed),
        ];
        writer.write_record(&record).map_err(write_error)?;
    }
    let mut body = vec![0xEF, 0xBB, 0xBF]; // a byte-order mark, so spreadsheets read UTF-8
    body.extend(
        writer
            .into_inner()
            .map_err(|e| AppError::Unexpected(anyhow::anyhow!("{e}")))?,
    );
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"initiatives-{}.csv\"", scope.org),
            ),
        ],
        body,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "initiatives/facilitators.html")]
struct FacilitatorsView<'a> {
    ctx: &'a Ctx,
    org: organisations::Organisation,
    working: Vec<organisations::Organisation>,
    available: Vec<organisations::Organisation>,
    /// Facilitator organisations asked to work here that have not answered yet.
    requested: Vec<samenspel_store::consent::Request>,
    can_manage: bool,
    municipal: bool,
    errors: FormErrors,
}

fn render_facilitators(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: OrgScope,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let org = organisations::by_id(c, scope.org)?.ok_or(AppError::NotFound)?;
    let working = organisations::facilitators_of(c, scope.org)?;
    let can_manage = scope.standing.allows(Permission::ManageFacilitators);
    let requested = if can_manage {
        samenspel_store::consent::open_facilitator_requests(c, scope.org)?
    } else {
        Vec::new()
    };
    let available = if can_manage {
        organisations::of_kind(c, OrgKind::Facilitator)?
            .into_iter()
            .filter(|f| !working.iter().any(|w| w.id == f.id))
            .filter(|f| !requested.iter().any(|r| r.organisation_id == f.id))
            .collect()
    } else {
        Vec::new()
    };
    let failed = !errors.is_empty();
    let view = FacilitatorsView {
        municipal: scope.standing.allows(Permission::ManageApproaches),
        ctx,
        org,
        working,
        available,
        requested,
        can_manage,
        errors,
    };
    Ok(render_or_refuse(&view, failed))
}

pub async fn facilitators(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| facilitators_in(c, &ctx, &scope)).await
}

fn facilitators_in(c: &mut Sql<'_>, ctx: &Ctx, scope: &OrgScope) -> Result<Response, AppError> {
    render_facilitators(c, ctx, *scope, FormErrors::default())
}

#[derive(Debug, Default, Deserialize)]
pub struct FacilitatorForm {
    #[serde(default)]
    pub facilitator: String,
}

pub async fn add_facilitator(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    FormData(form): FormData<FacilitatorForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        add_facilitator_in(c, state, ctx, scope, form)
    })
    .await
}

fn add_facilitator_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: OrgScope,
    form: FacilitatorForm,
) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?.id;
    let now = samenspel_store::now();
    let chosen = form.facilitator.trim().parse::<i64>().ok().map(OrgId);
    let facilitator = match chosen {
        Some(id) => {
            organisations::by_id(c, id)?.filter(|o| o.kind == OrgKind::Facilitator && o.verified())
        }
        None => None,
    };
    let page = format!("/municipalities/{}/facilitators", scope.org);
    // Someone who administers the facilitator organisation consents by adding it; anyone else
    // asks its administrators, and it works here once one of them accepts.
    if let Some(facilitator) = &facilitator
        && !crate::organisations::consent::administers(c, facilitator.id, me)?
    {
        let request = samenspel_store::consent::NewRequest {
            kind: samenspel_store::consent::FACILITATOR,
            municipality: scope.org,
            approach: None,
            organisation: facilitator.id,
            details: "{}",
        };
        let asked = samenspel_store::consent::create(c, &request, me, now)?;
        if asked.is_some() {
            let municipality = organisations::by_id(c, scope.org)?.ok_or(AppError::NotFound)?;
            let base = state.config.base_url.trim_end_matches('/');
            crate::organisations::consent::mail_admins(
                c,
                facilitator.id,
                "mail-facilitator-request-subject",
                "mail-facilitator-request-body",
                &[
                    ("municipality", municipality.name),
                    ("organisation", facilitator.name.clone()),
                    ("link", format!("{base}/organisations/{}", facilitator.id)),
                ],
                ctx.lang,
            )?;
        }
        // Asked before and not answered yet: nothing new to record.
        let requested = asked.map(|_| {
            Event::new(
                Action::FacilitatorRequested(facilitator.id),
                Some(scope.org),
                serde_json::json!({ "facilitator": facilitator.id }),
            )
        });
        return Ok(Done::redirect(page, "flash-facilitator-requested")
            .audit_if(requested)
            .into());
    }
    let added = match facilitator {
        Some(f) => organisations::add_facilitator(c, scope.org, f.id, now)?.then_some(f.id),
        None => None,
    };
    let Some(id) = added else {
        let mut errors = FormErrors::default();
        errors.add("facilitator", "error-facilitator-choose");
        return Ok(Outcome::refused(move |c, _, ctx| {
            render_facilitators(c, ctx, scope, errors)
        }));
    };
    Ok(Done::redirect(page, "flash-facilitator-added")
        .audit(Event::new(
            Action::FacilitatorAdded(id),
            Some(scope.org),
            serde_json::json!({ "facilitator": id }),
        ))
        .into())
}

#[derive(Debug, Deserialize)]
pub struct FacilitatorPath {
    pub org: i64,
    pub facilitator: i64,
}

pub async fn remove_facilitator(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Path(path): Path<FacilitatorPath>,
    FormData(form): FormData<Confirmation>,
) -> Result<Response, AppError> {
    debug_assert_eq!(path.org, scope.org.0);
    let id = OrgId(path.facilitator);
    change(state, ctx, move |c, _, ctx| {
        remove_facilitator_in(c, ctx, &scope, id, &form)
    })
    .await
}

fn remove_facilitator_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &OrgScope,
    id: OrgId,
    form: &Confirmation,
) -> Result<Outcome, AppError> {
    if !form.given() {
        let facilitator = organisations::facilitators_of(c, scope.org)?
            .into_iter()
            .find(|f| f.id == id)
            .ok_or(AppError::NotFound)?;
        return Ok(AskFirst {
            title: ctx.t1(
                "confirm-remove-facilitator-title",
                "name",
                &facilitator.name,
            ),
            what: ctx.t1("confirm-remove-facilitator-what", "name", &facilitator.name),
            button: ctx.t1("facilitators-remove", "name", &facilitator.name),
            action: format!("/municipalities/{}/facilitators/{id}/remove", scope.org),
            fields: Vec::new(),
            back: format!("/municipalities/{}/facilitators", scope.org),
        }
        .outcome());
    }
    if !organisations::remove_facilitator(c, scope.org, id)? {
        return Err(AppError::NotFound);
    }
    Ok(Done::redirect(
        format!("/municipalities/{}/facilitators", scope.org),
        "flash-facilitator-removed",
    )
    .audit(Event::new(
        Action::FacilitatorRemoved(id),
        Some(scope.org),
        serde_json::json!({ "facilitator": id }),
    ))
    .into())
}

#[derive(Template)]
#[template(path = "initiatives/hub.html")]
struct HubView<'a> {
    ctx: &'a Ctx,
    registries: Vec<organisations::Organisation>,
    own: Vec<organisations::OrgSummary>,
}

/// The registries a person can open (their municipalities, and those where their facilitator
/// organisation works) and the initiatives they belong to.
pub async fn hub(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| hub_in(c, &ctx)).await
}

fn hub_in(c: &mut Sql<'_>, ctx: &Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let registries = organisations::registries_for(c, me.id)?;
    let own = organisations::for_user(c, me.id)?
        .into_iter()
        .filter(|o| o.kind == OrgKind::Initiative)
        .collect();
    Ok(render(&HubView {
        ctx,
        registries,
        own,
    }))
}
