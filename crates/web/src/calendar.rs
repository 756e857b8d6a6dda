//! Meetings in a person's own calendar: secret feed addresses (iCalendar) for one approach or
//! for every approach they take part in, made and revoked on one page. A feed lists only the
//! meetings its person may see on the day it is read.

use crate::change::{Done, Outcome, change};
use crate::confirm::AskFirst;
use crate::format;
use crate::forms::FormData;
use crate::http::AppError;
use crate::http::{Access, RouteTable};
use crate::http::{Ctx, random_token, token_hash};
use crate::state::AppState;
use crate::views::render;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use icalendar::{Calendar, Component, Event, EventLike};
use samenspel_domain::Language;
use samenspel_store::approaches::{self, Named};
use samenspel_store::calendar::{self, Link, Meeting};
use samenspel_store::sql::Sql;
use samenspel_store::{ApproachId, users};
use serde::Deserialize;
use time::Duration;

pub fn routes(state: AppState) -> RouteTable {
    RouteTable::new(state)
        .route("GET", "/calendar-links", Access::LoggedIn, get(show))
        .route("POST", "/calendar-links", Access::LoggedIn, post(create))
        .route(
            "POST",
            "/calendar-links/revoke",
            Access::LoggedIn,
            post(revoke),
        )
        .route("GET", "/calendar/{token}", Access::Public, get(feed))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ShowQuery {
    /// The approach to offer first.
    pub approach: String,
}

/// The address of a link just made, shown once to the person who made it.
struct Created {
    /// For copying into a calendar program.
    https: String,
    /// Opens the calendar program and subscribes with one tap.
    webcal: String,
}

#[derive(Template)]
#[template(path = "calendar/links.html")]
struct LinksView<'a> {
    ctx: &'a Ctx,
    links: Vec<Link>,
    approaches: Vec<Named>,
    chosen: String,
    created: Option<Created>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ShowQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| page(c, &ctx, query.approach, None)).await
}

/// The page of a person's calendar links; with `created`, the address of the one just made.
fn page(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    chosen: String,
    created: Option<Created>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.id;
    let links = calendar::of_user(c, user)?;
    let approaches = approaches::named_of_user(c, user, format::today())?;
    let view = LinksView {
        ctx,
        links,
        approaches,
        chosen,
        created,
    };
    Ok(render(&view))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CreateForm {
    /// An approach's id, or empty for all of them.
    pub approach: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<CreateForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        create_in(c, state, ctx, form)
    })
    .await
}

fn create_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    form: CreateForm,
) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    let approach = match form.approach.trim() {
        "" => None,
        input => {
            let id = input
                .parse::<i64>()
                .map(ApproachId)
                .map_err(|_| AppError::BadRequest("error-calendar-approach"))?;
            let mine = approaches::named_of_user(c, user, format::today())?;
            if !mine.iter().any(|a| a.id == id) {
                return Err(AppError::BadRequest("error-calendar-approach"));
            }
            Some(id)
        }
    };
    let token = random_token(24);
    calendar::create(
        c,
        &token_hash(&token),
        user,
        approach,
        samenspel_store::now(),
    )?;
    // The address holds the secret, so it is shown in this answer only: never in an address
    // of ours, where it would stay in the browser's history.
    let https = format!("{}/calendar/{token}.ics", state.config.base_url);
    let webcal = format!(
        "webcal://{}",
        https
            .split_once("://")
            .map_or(https.as_str(), |(_, rest)| rest)
    );
    let created = Created { https, webcal };
    Ok(Done::respond(page(c, ctx, form.approach, Some(created))?).into())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RevokeForm {
    pub link: String,
    #[serde(default)]
    pub confirm: String,
}

pub async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<RevokeForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| revoke_in(c, ctx, form)).await
}

fn revoke_in(c: &mut Sql<'_>, ctx: &Ctx, form: RevokeForm) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    if form.confirm != "yes" {
        let link = calendar::of_user(c, user)?
            .into_iter()
            .find(|l| l.token_hash == form.link)
            .ok_or(AppError::NotFound)?;
        let name = link
            .approach_name
            .unwrap_or_else(|| ctx.t("calendar-all-approaches"));
        return Ok(AskFirst {
            title: ctx.t("confirm-calendar-revoke-title"),
            what: ctx.t2(
                "confirm-calendar-revoke-what",
                "name",
                name,
                "made",
                ctx.date(&link.created_at),
            ),
            button: ctx.t("calendar-revoke"),
            action: "/calendar-links/revoke".to_owned(),
            fields: vec![("link", form.link)],
            back: "/calendar-links".to_owned(),
        }
        .outcome());
    }
    if !calendar::revoke(c, user, &form.link, samenspel_store::now())? {
        return Err(AppError::NotFound);
    }
    Ok(Done::redirect("/calendar-links", "flash-calendar-revoked").into())
}

/// `20261201T183000Z`.
fn ical_time(at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// The feed: meetings from three months back on.
pub async fn feed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| feed_in(c, &state, token)).await
}

fn feed_in(c: &mut Sql<'_>, state: &AppState, token: String) -> Result<Response, AppError> {
    let token = token.strip_suffix(".ics").unwrap_or(&token);
    let (user, approach) = calendar::by_token(c, &token_hash(token))?.ok_or(AppError::NotFound)?;
    let lang = users::by_id(c, user)?.map_or(Language::default(), |u| u.language);
    let now = samenspel_store::now();
    let meetings =
        calendar::meetings(c, user, approach, format::today(), now - Duration::days(90))?;
    let base = &state.config.base_url;
    let host = base
        .split("://")
        .nth(1)
        .unwrap_or(base)
        .trim_end_matches('/');
    let mut calendar = Calendar::new();
    calendar.name(&crate::i18n::t(lang, "calendar-name"));
    for meeting in &meetings {
        calendar.push(event(lang, base, host, meeting));
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        calendar.done().to_string(),
    )
        .into_response())
}

fn event(lang: Language, base: &str, host: &str, meeting: &Meeting) -> Event {
    let url = format!(
        "{base}/approaches/{}/logbook/{}",
        meeting.approach_id, meeting.id
    );
    let kind = meeting
        .meeting_kind
        .as_deref()
        .map(|k| crate::i18n::t(lang, &format!("meeting-kind-{k}")))
        .unwrap_or_default();
    let ends = meeting
        .ends_at
        .unwrap_or(meeting.happened_at + Duration::hours(1));
    let mut event = Event::new();
    event
        .uid(&format!("meeting-{}@{host}", meeting.id))
        .summary(&meeting.title)
        .description(&format!("{kind} · {}\n{url}", meeting.approach_name))
        .url(&url)
        .add_property("DTSTART", ical_time(meeting.happened_at))
        .add_property("DTEND", ical_time(ends))
        .add_property("DTSTAMP", ical_time(meeting.updated_at));
    let place = [meeting.place.as_str(), meeting.online_url.as_str()]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    if !place.is_empty() {
        event.location(&place);
    }
    event.done()
}
