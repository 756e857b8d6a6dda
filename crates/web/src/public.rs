//! The public page of an approach, for residents and anyone else, once the municipality
//! switches it on: the phase and progress, the public decisions, the upcoming public meetings
//! and the contact point; a page per public logbook entry; and an Atom feed of everything
//! public in the logbook, one address per language. Only entries marked public are read,
//! through the same visibility rule as every other list.

use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::format;
use crate::forms::FormData;
use crate::http::AppError;
use crate::http::Ctx;
use crate::http::{Access, ApproachScope, RouteTable};
use crate::state::AppState;
use crate::views::render;
use askama::Template;
use atom_syndication::{Entry as AtomEntry, Feed, FixedDateTime, Link, Text};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use samenspel_domain::Language;
use samenspel_domain::logbook::EntryKind;
use samenspel_domain::permissions::ApproachPermission;
use samenspel_store::approaches::{self, ApproachRow, AreaRow};
use samenspel_store::kompas::{self, Progress};
use samenspel_store::logbook::{self, Audience, Filter, Listed};
use samenspel_store::sql::Sql;
use samenspel_store::{ApproachId, EntryId};
use serde::Deserialize;
use std::str::FromStr;

pub fn routes(state: AppState) -> RouteTable {
    RouteTable::new(state)
        .route("GET", "/p/{approach}", Access::Public, get(page))
        .route(
            "GET",
            "/p/{approach}/feed.atom",
            Access::Public,
            get(feed_nl),
        )
        .route(
            "GET",
            "/p/{approach}/feed.en.atom",
            Access::Public,
            get(feed_en),
        )
        .route(
            "GET",
            "/p/{approach}/entries/{entry}",
            Access::Public,
            get(entry),
        )
        .route(
            "POST",
            "/approaches/{approach}/public",
            Access::Approach(ApproachPermission::Manage),
            post(switch),
        )
}

/// An approach whose public page is on, or 404.
fn public_approach(c: &mut Sql<'_>, id: i64) -> Result<ApproachRow, AppError> {
    approaches::by_id(c, ApproachId(id))?
        .filter(|a| a.public_page)
        .ok_or(AppError::NotFound)
}

#[derive(Template)]
#[template(path = "public/approach.html")]
struct PageView<'a> {
    ctx: &'a Ctx,
    approach: ApproachRow,
    areas: Vec<AreaRow>,
    phase_name: String,
    phase_result: String,
    phases: Vec<(String, Progress, bool)>,
    decisions: Vec<Listed>,
    meetings: Vec<Listed>,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| page_in(c, &state, &ctx, id)).await
}

fn page_in(c: &mut Sql<'_>, state: &AppState, ctx: &Ctx, id: i64) -> Result<Response, AppError> {
    let approach = public_approach(c, id)?;
    let pack = state.methods.get_in(c, approach.pack_id)?;
    let now = samenspel_store::now();
    let areas = approaches::areas(c, approach.id)?;
    let progress = kompas::progress_by_phase(&pack, &kompas::states(c, approach.id)?);
    let decisions = Filter {
        kind: Some(EntryKind::Decision),
        ..Filter::default()
    };
    let (decisions, _) = logbook::timeline(c, approach.id, Audience::PUBLIC, &decisions, None, 30)?;
    let upcoming = Filter {
        kind: Some(EntryKind::Meeting),
        from: Some(now),
        ..Filter::default()
    };
    let (mut meetings, _) =
        logbook::timeline(c, approach.id, Audience::PUBLIC, &upcoming, None, 50)?;
    // Soonest first.
    meetings.reverse();
    meetings.truncate(10);
    let lang = ctx.lang;
    let phases = pack
        .phases
        .iter()
        .map(|p| {
            let done = progress
                .iter()
                .find(|g| g.key == p.key)
                .cloned()
                .unwrap_or_default();
            (
                p.name.get(lang).to_owned(),
                done,
                p.key == approach.phase_key,
            )
        })
        .collect();
    let phase = pack.phase(&approach.phase_key);
    let view = PageView {
        ctx,
        phase_name: phase
            .map(|p| p.name.get(lang).to_owned())
            .unwrap_or_default(),
        phase_result: phase
            .map(|p| p.result.get(lang).to_owned())
            .unwrap_or_default(),
        phases,
        areas,
        decisions,
        meetings,
        approach,
    };
    Ok(render(&view))
}

/// An Atom timestamp of a moment.
fn atom_time(at: time::OffsetDateTime) -> FixedDateTime {
    let text = format::iso(&at);
    FixedDateTime::from_str(&text).unwrap_or_default()
}

#[derive(Debug, Deserialize)]
pub struct EntryPath {
    pub approach: i64,
    pub entry: i64,
}

#[derive(Template)]
#[template(path = "public/entry.html")]
struct EntryView<'a> {
    ctx: &'a Ctx,
    approach: ApproachRow,
    entry: logbook::Entry,
}

/// One public entry of the logbook, as the feed links to it: what the public page lists, read
/// in full.
pub async fn entry(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(path): Path<EntryPath>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| {
        let approach = public_approach(c, path.approach)?;
        let entry = logbook::get(c, approach.id, EntryId(path.entry), Audience::PUBLIC)?
            .ok_or(AppError::NotFound)?;
        Ok(render(&EntryView {
            ctx: &ctx,
            approach,
            entry,
        }))
    })
    .await
}

/// The address of a language's feed: Dutch at `feed.atom`, English at `feed.en.atom`.
pub fn feed_path(approach: ApproachId, lang: Language) -> String {
    match lang {
        Language::Nl => format!("/p/{approach}/feed.atom"),
        Language::En => format!("/p/{approach}/feed.en.atom"),
    }
}

/// The Atom feed in Dutch: the newest fifty public entries.
pub async fn feed_nl(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    feed(state, ctx, id, Language::Nl).await
}

/// The Atom feed in English.
pub async fn feed_en(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    feed(state, ctx, id, Language::En).await
}

/// A feed's language is its address's, whatever the feed reader asks for: a reader keeps one
/// address and should not get another language when its settings change.
async fn feed(
    state: AppState,
    mut ctx: Ctx,
    id: i64,
    lang: Language,
) -> Result<Response, AppError> {
    ctx.lang = lang;
    let db = state.db.clone();
    db.read(move |c| feed_in(c, &state, &ctx, id)).await
}

fn feed_in(c: &mut Sql<'_>, state: &AppState, ctx: &Ctx, id: i64) -> Result<Response, AppError> {
    let approach = public_approach(c, id)?;
    let (entries, _) = logbook::timeline(
        c,
        approach.id,
        Audience::PUBLIC,
        &Filter::default(),
        None,
        50,
    )?;
    let base = &state.config.base_url;
    let page = format!("{base}/p/{}", approach.id);
    let link = |href: String, rel: &str| {
        let mut link = Link::default();
        link.set_href(href);
        link.set_rel(rel.to_owned());
        link
    };
    let items: Vec<AtomEntry> = entries
        .iter()
        .map(|e| {
            let address = format!("{page}/entries/{}", e.id);
            let mut item = AtomEntry::default();
            item.set_id(address.clone());
            item.set_title(Text::plain(e.title.clone()));
            // When it last changed: a planned meeting's date is still to come.
            item.set_updated(atom_time(e.updated_at));
            let mut links = vec![link(address, "alternate")];
            if !e.url.is_empty() {
                links.push(link(e.url.clone(), "related"));
            }
            item.set_links(links);
            let kind = match &e.meeting_kind {
                Some(kind) => ctx.t_of("meeting-kind", kind),
                None => ctx.t_of("entry-kind", e.kind),
            };
            let when = if e.kind == EntryKind::Meeting {
                ctx.datetime(&e.happened_at)
            } else {
                ctx.date(&e.happened_at)
            };
            item.set_summary(Some(Text::plain(format!(
                "{kind} · {when} · {}",
                e.organisation_name
            ))));
            item
        })
        .collect();
    let own = format!("{base}{}", feed_path(approach.id, ctx.lang));
    let mut feed = Feed::default();
    feed.set_id(own.clone());
    feed.set_title(Text::plain(ctx.t1(
        "public-feed-title",
        "name",
        &approach.name,
    )));
    feed.set_lang(Some(ctx.lang.code().to_owned()));
    feed.set_updated(atom_time(
        entries
            .iter()
            .map(|e| e.updated_at)
            .max()
            .unwrap_or(approach.updated_at)
            .max(approach.updated_at),
    ));
    feed.set_links(vec![link(page.clone(), "alternate"), link(own, "self")]);
    feed.set_entries(items);
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.to_string(),
    )
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SwitchForm {
    pub on: String,
}

/// Switches the public page on or off.
pub async fn switch(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    FormData(form): FormData<SwitchForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| switch_in(c, &scope, form)).await
}

fn switch_in(
    c: &mut Sql<'_>,
    scope: &ApproachScope,
    form: SwitchForm,
) -> Result<Outcome, AppError> {
    let on = match form.on.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadRequest("error-bad-form")),
    };
    approaches::set_public_page(c, scope.id, on, samenspel_store::now())?;
    let flash = if on {
        "flash-public-page-on"
    } else {
        "flash-public-page-off"
    };
    Ok(
        Done::redirect(format!("/approaches/{}/settings#public", scope.id), flash)
            .audit(Event::new(
                Action::PublicPage(scope.id),
                Some(scope.municipality),
                serde_json::json!({ "on": on }),
            ))
            .into(),
    )
}
