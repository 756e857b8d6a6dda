//! Lists of approaches: the ones a person can open, and a municipality's overview with phase,
//! status and progress; starting a new approach.

use super::settings::{Page, SettingsForm, check_in, render_settings};
use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::Ctx;
use crate::http::OrgScope;
use crate::state::AppState;
use crate::views::{PAGE_SIZE, Paging, render};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use samenspel_domain::method::Pack;
use samenspel_domain::organisations::OrgKind;
use samenspel_store::approaches::{self, Summary};
use samenspel_store::sql::Sql;
use samenspel_store::{PackId, StoreError, organisations};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

/// A list's query string: which page (from 1; anything else means the first).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    pub page: String,
}

/// An approach in a list, with the names of its method version.
pub(crate) struct Line {
    pub summary: Summary,
    pub phase: String,
    pub percent: i64,
}

fn lines(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    summaries: Vec<Summary>,
) -> Result<Vec<Line>, AppError> {
    let mut packs: HashMap<PackId, Arc<Pack>> = HashMap::new();
    let mut lines = Vec::with_capacity(summaries.len());
    for summary in summaries {
        let pack = match packs.get(&summary.pack_id) {
            Some(pack) => pack.clone(),
            None => {
                let pack = state.methods.get_in(c, summary.pack_id)?;
                packs.insert(summary.pack_id, pack.clone());
                pack
            }
        };
        let phase = pack
            .phase(&summary.phase_key)
            .map(|p| p.name.get(ctx.lang).to_owned())
            .unwrap_or_else(|| summary.phase_key.clone());
        let percent = if summary.applicable > 0 {
            summary.completed * 100 / summary.applicable
        } else {
            0
        };
        lines.push(Line {
            summary,
            phase,
            percent,
        });
    }
    Ok(lines)
}

#[derive(Template)]
#[template(path = "approaches/hub.html")]
struct HubView<'a> {
    ctx: &'a Ctx,
    lines: Vec<Line>,
    paging: Paging,
    /// Municipalities in which the person may start an approach.
    municipalities: Vec<organisations::OrgSummary>,
}

pub async fn hub(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<PageQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| hub_in(c, &state, &ctx, query)).await
}

fn hub_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    query: PageQuery,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.id;
    let today = crate::format::today();
    let paging = Paging::new(
        Paging::asked(&query.page),
        approaches::count_of_user(c, user, today)?,
    )
    .linked(|page| format!("/approaches?page={page}"));
    let summaries = approaches::of_user(c, user, today, PAGE_SIZE, paging.offset())?;
    let municipalities: Vec<_> = organisations::for_user(c, user)?
        .into_iter()
        .filter(|o| o.kind == OrgKind::Municipality)
        .collect();
    let lines = lines(c, state, ctx, summaries)?;
    Ok(render(&HubView {
        ctx,
        lines,
        paging,
        municipalities,
    }))
}

#[derive(Template)]
#[template(path = "approaches/list.html")]
struct ListView<'a> {
    ctx: &'a Ctx,
    org: organisations::Organisation,
    lines: Vec<Line>,
    paging: Paging,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Query(query): Query<PageQuery>,
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
    query: PageQuery,
) -> Result<Response, AppError> {
    let today = crate::format::today();
    let org = organisations::by_id(c, scope.org)?.ok_or(AppError::NotFound)?;
    let total = approaches::count_of_municipality(c, scope.org)?;
    let paging = Paging::new(Paging::asked(&query.page), total)
        .linked(|page| format!("/municipalities/{}/approaches?page={page}", org.id));
    let summaries = approaches::of_municipality(c, scope.org, today, PAGE_SIZE, paging.offset())?;
    let lines = lines(c, state, ctx, summaries)?;
    Ok(render(&ListView {
        ctx,
        org,
        lines,
        paging,
    }))
}

fn new_page(c: &mut Sql<'_>, state: &AppState, scope: &OrgScope) -> Result<Page, AppError> {
    let (_, pack) = state.methods.current_in(c)?;
    Ok(Page {
        municipality: scope.org,
        approach: None,
        pack,
        newer_method: false,
    })
}

pub async fn new_show(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| new_show_in(c, &state, &ctx, &scope)).await
}

fn new_show_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &OrgScope,
) -> Result<Response, AppError> {
    let page = new_page(c, state, scope)?;
    let form = SettingsForm {
        phase: page
            .pack
            .phases
            .first()
            .map(|p| p.key.clone())
            .unwrap_or_default(),
        intensity: "light".into(),
        contact: ctx
            .user
            .as_ref()
            .map(|u| u.id.to_string())
            .unwrap_or_default(),
        ..SettingsForm::default()
    };
    render_settings(
        c,
        ctx,
        page,
        form,
        FormErrors::default(),
        Default::default(),
    )
}

pub async fn new_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    FormData(form): FormData<SettingsForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        new_submit_in(c, state, ctx, &scope, form)
    })
    .await
}

fn new_submit_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &OrgScope,
    form: SettingsForm,
) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    let (pack_id, pack) = state.methods.current_in(c)?;
    let refuse = |page: Page, form: SettingsForm, errors: FormErrors| {
        Outcome::refused(move |c, _, ctx| {
            render_settings(c, ctx, page, form, errors, Default::default())
        })
    };
    let settings = match check_in(c, scope.org, &pack, &form)? {
        Ok(settings) => settings,
        Err(errors) => return Ok(refuse(new_page(c, state, scope)?, form, errors)),
    };
    let id = match approaches::create(
        c,
        scope.org,
        pack_id,
        &settings,
        user,
        samenspel_store::now(),
    ) {
        Ok(id) => id,
        Err(StoreError::Refused(key)) => {
            let mut errors = FormErrors::default();
            errors.add("areas", key);
            return Ok(refuse(new_page(c, state, scope)?, form, errors));
        }
        Err(other) => return Err(other.into()),
    };
    let changes = serde_json::json!({ "name": settings.name, "method": pack.pack.version });
    Ok(
        Done::redirect(format!("/approaches/{id}"), "flash-approach-created")
            .audit(Event::new(
                Action::ApproachCreated(id),
                Some(scope.org),
                changes,
            ))
            .into(),
    )
}
