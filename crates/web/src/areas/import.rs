//! Importing the CBS/PDOK neighbourhood files: a municipality imports its own file; a platform
//! administrator imports a file of the whole country into every municipality that has its CBS
//! code. A file with any bad row imports nothing and lists every bad row.

use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::http::AppError;
use crate::http::Ctx;
use crate::http::OrgScope;
use crate::state::AppState;
use crate::views::{render, render_status};
use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_domain::areas::AreaRecord;
use samenspel_domain::areas::import::{self, RowError, Scope};
use samenspel_store::areas::{self, ImportOutcome};
use samenspel_store::sql::Sql;
use samenspel_store::{OrgId, StoreError, organisations};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// At most this many bad rows are listed; the rest are counted.
const ROWS_SHOWN: usize = 500;

/// What the import page shows: the form, and after an upload its outcome or its errors.
#[derive(Template)]
#[template(path = "areas/import.html")]
struct ImportView<'a> {
    ctx: &'a Ctx,
    /// `None` for the national import.
    org: Option<organisations::Organisation>,
    action: String,
    has_code: bool,
    /// A message about the upload as a whole (no file, unreadable).
    problem: Option<&'static str>,
    rows: Vec<RowError>,
    more_rows: usize,
    outcome: Option<ImportOutcome>,
    municipalities: usize,
    skipped: usize,
}

impl ImportView<'_> {
    fn failed(&self) -> bool {
        self.problem.is_some() || !self.rows.is_empty()
    }

    fn error_count(&self) -> usize {
        self.rows.len() + self.more_rows
    }
}

fn view<'a>(
    ctx: &'a Ctx,
    org: Option<organisations::Organisation>,
    has_code: bool,
) -> ImportView<'a> {
    let action = match &org {
        Some(org) => format!("/municipalities/{}/import", org.id),
        None => "/admin/areas/import".to_owned(),
    };
    ImportView {
        ctx,
        org,
        action,
        has_code,
        problem: None,
        rows: Vec::new(),
        more_rows: 0,
        outcome: None,
        municipalities: 0,
        skipped: 0,
    }
}

fn refused(
    mut page: ImportView<'_>,
    problem: Option<&'static str>,
    mut rows: Vec<RowError>,
) -> Response {
    page.problem = problem;
    page.more_rows = rows.len().saturating_sub(ROWS_SHOWN);
    rows.truncate(ROWS_SHOWN);
    page.rows = rows;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

fn municipality(
    c: &mut Sql<'_>,
    org: OrgId,
) -> Result<
    (
        organisations::Organisation,
        Option<samenspel_domain::areas::MunicipalityCode>,
    ),
    AppError,
> {
    let found = organisations::by_id(c, org)?.ok_or(AppError::NotFound)?;
    let code = areas::municipality_code(c, org)?;
    Ok((found, code))
}

pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| form_in(c, &ctx, &scope)).await
}

fn form_in(c: &mut Sql<'_>, ctx: &Ctx, scope: &OrgScope) -> Result<Response, AppError> {
    let (org, code) = municipality(c, scope.org)?;
    Ok(render(&view(ctx, Some(org), code.is_some())))
}

pub async fn national_form(ctx: Ctx) -> Response {
    render(&view(&ctx, None, true))
}

/// The uploaded file's text, or the key of what is wrong with the upload.
async fn read_upload(mut multipart: Multipart) -> Result<String, &'static str> {
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Err("error-import-no-file"),
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err("error-import-too-large");
            }
            Err(_) => return Err("error-import-unreadable-upload"),
        };
        if field.name() != Some("file") {
            continue;
        }
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes,
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err("error-import-too-large");
            }
            Err(_) => return Err("error-import-unreadable-upload"),
        };
        if bytes.is_empty() {
            return Err("error-import-no-file");
        }
        return String::from_utf8(bytes.to_vec()).map_err(|_| "error-import-encoding");
    }
}

/// Reads a CSV or GeoJSON file (GeoJSON when it starts with `{`).
fn read(
    content: &str,
    scope: Scope<'_>,
    known: &BTreeSet<String>,
) -> Result<Vec<AreaRecord>, Vec<RowError>> {
    if content
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        import::read_geojson(content, scope, known)
    } else {
        import::read_csv(content, scope, known)
    }
}

pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    multipart: Multipart,
) -> Result<Response, AppError> {
    // Receiving the file is no database work; what it holds goes into the change.
    let content = read_upload(multipart).await;
    change(state, ctx, move |c, _, ctx| {
        upload_in(c, ctx, &scope, content)
    })
    .await
}

fn upload_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &OrgScope,
    content: Result<String, &'static str>,
) -> Result<Outcome, AppError> {
    let (org, code) = municipality(c, scope.org)?;
    let mut page = view(ctx, Some(org), code.is_some());
    let refuse = |page, problem, rows| Outcome::refused_with(refused(page, problem, rows));
    let Some(code) = code else {
        return Ok(refuse(page, Some("error-code-first"), Vec::new()));
    };
    let content = match content {
        Ok(content) => content,
        Err(key) => return Ok(refuse(page, Some(key), Vec::new())),
    };
    let known: BTreeSet<String> = areas::district_codes(c, scope.org)?.into_iter().collect();
    let records = match read(&content, Scope::One(&code), &known) {
        Ok(records) => records,
        Err(rows) => return Ok(refuse(page, None, rows)),
    };
    let outcome = match areas::upsert(c, scope.org, &records, samenspel_store::now()) {
        Ok(outcome) => outcome,
        Err(StoreError::Refused(key)) => return Ok(refuse(page, Some(key), Vec::new())),
        Err(other) => return Err(other.into()),
    };
    page.outcome = Some(outcome);
    page.municipalities = 1;
    Ok(Done::respond(render(&page))
        .audit(imported(Some(scope.org), outcome, 1, 0))
        .into())
}

pub async fn national_upload(
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let page = view(&ctx, None, true);
    let content = match read_upload(multipart).await {
        Ok(content) => content,
        Err(key) => return Ok(refused(page, Some(key), Vec::new())),
    };
    // The country's file is large: it is read and checked before the change, which then holds
    // the write lock only while the areas are written.
    let db = state.db.clone();
    let (known, by_code) = db.read(national_codes).await?;
    let records = match read(&content, Scope::All, &known) {
        Ok(records) => records,
        Err(rows) => return Ok(refused(page, None, rows)),
    };
    let mut per_municipality: BTreeMap<OrgId, Vec<AreaRecord>> = BTreeMap::new();
    let mut skipped = 0;
    for record in records {
        match by_code.get(record.municipality().as_str()) {
            Some(org) => per_municipality.entry(*org).or_default().push(record),
            None => skipped += 1,
        }
    }
    change(state, ctx, move |c, _, ctx| {
        national_upload_in(c, ctx, per_municipality, skipped)
    })
    .await
}

/// The district codes of every municipality, and the municipalities by their CBS code.
fn national_codes(c: &mut Sql<'_>) -> Result<(BTreeSet<String>, HashMap<String, OrgId>), AppError> {
    let known = areas::all_district_codes(c)?.into_iter().collect();
    Ok((known, areas::municipalities_by_code(c)?))
}

fn national_upload_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    per_municipality: BTreeMap<OrgId, Vec<AreaRecord>>,
    skipped: usize,
) -> Result<Outcome, AppError> {
    let mut page = view(ctx, None, true);
    let now = samenspel_store::now();
    let mut total = ImportOutcome::default();
    for (org, records) in &per_municipality {
        let outcome = match areas::upsert(c, *org, records, now) {
            Ok(outcome) => outcome,
            Err(StoreError::Refused(key)) => {
                return Ok(Outcome::refused_with(refused(page, Some(key), Vec::new())));
            }
            Err(other) => return Err(other.into()),
        };
        total.created += outcome.created;
        total.updated += outcome.updated;
        total.unchanged += outcome.unchanged;
    }
    page.outcome = Some(total);
    page.municipalities = per_municipality.len();
    page.skipped = skipped;
    Ok(Done::respond(render(&page))
        .audit(imported(None, total, per_municipality.len(), skipped))
        .into())
}

/// The audit event of an import.
fn imported(
    org: Option<OrgId>,
    outcome: ImportOutcome,
    municipalities: usize,
    skipped: usize,
) -> Event {
    Event::new(
        Action::AreasImported(org),
        org,
        serde_json::json!({
            "created": outcome.created,
            "updated": outcome.updated,
            "unchanged": outcome.unchanged,
            "municipalities": municipalities,
            "skipped": skipped,
        }),
    )
}
