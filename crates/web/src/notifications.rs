//! Notifications: the count in the header, the list of what happened in the logbooks a person
//! takes part in, opening one (which marks it read) and marking all read; e-mail about them
//! per approach (immediately, a daily or weekly digest, or never), sent by the job worker, with
//! a one-click unsubscribe link in every mail.

use crate::change::{Done, Outcome, change};
use crate::format;
use crate::forms::FormData;
use crate::http::AppError;
use crate::http::{Access, RouteTable};
use crate::http::{Ctx, random_token};
use crate::i18n;
use crate::mail::{self, OutgoingMail};
use crate::state::AppState;
use crate::views::render;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use samenspel_domain::Language;
use samenspel_domain::logbook::MailFrequency;
use samenspel_store::approaches::{self, Named};
use samenspel_store::notifications::{self, Notice};
use samenspel_store::sql::Sql;
use samenspel_store::{ApproachId, Db, users};
use serde::Deserialize;

const SHOWN: i64 = 100;

pub fn routes(state: AppState) -> RouteTable {
    RouteTable::new(state)
        .route("GET", "/notifications", Access::LoggedIn, get(list))
        .route("GET", "/notifications/{id}", Access::LoggedIn, get(open))
        .route(
            "POST",
            "/notifications/read",
            Access::LoggedIn,
            post(read_all),
        )
        .route(
            "POST",
            "/notifications/mail",
            Access::LoggedIn,
            post(save_mail),
        )
        .route(
            "GET",
            "/unsubscribe/{token}",
            Access::Public,
            get(unsubscribe_show),
        )
        .route(
            "POST",
            "/unsubscribe/{token}",
            Access::Public,
            post(unsubscribe),
        )
}

#[derive(Template)]
#[template(path = "notifications/list.html")]
struct ListView<'a> {
    ctx: &'a Ctx,
    notices: Vec<Notice>,
    unread: usize,
    /// Each approach of the person with how often they get e-mail about it.
    mail: Vec<(Named, MailFrequency)>,
    frequencies: &'static [MailFrequency],
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| list_in(c, &ctx)).await
}

fn list_in(c: &mut Sql<'_>, ctx: &Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?.id;
    let today = format::today();
    let notices = notifications::list(c, user, today, SHOWN)?;
    let settings = notifications::mail_settings(c, user)?;
    let mine = approaches::named_of_user(c, user, today)?;
    let mail = mine
        .into_iter()
        .map(|a| {
            let frequency = settings
                .iter()
                .find(|s| s.approach_id == a.id)
                .map(|s| s.frequency)
                .unwrap_or(MailFrequency::DEFAULT);
            (a, frequency)
        })
        .collect();
    let view = ListView {
        ctx,
        unread: notices.iter().filter(|n| n.read_at.is_none()).count(),
        notices,
        mail,
        frequencies: MailFrequency::ALL,
    };
    Ok(render(&view))
}

/// The mail form: for each approach (in order), how often.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MailForm {
    pub approach: Vec<String>,
    pub frequency: Vec<String>,
}

pub async fn save_mail(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<MailForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| save_mail_in(c, ctx, form)).await
}

fn save_mail_in(c: &mut Sql<'_>, ctx: &Ctx, form: MailForm) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    let mine = approaches::named_of_user(c, user, format::today())?;
    let mut choices = Vec::new();
    for (approach, frequency) in form.approach.iter().zip(&form.frequency) {
        let approach = approach
            .trim()
            .parse::<i64>()
            .ok()
            .map(ApproachId)
            .filter(|id| mine.iter().any(|a| a.id == *id));
        let (Some(approach), Ok(frequency)) = (approach, MailFrequency::parse(frequency)) else {
            return Err(AppError::BadRequest("error-mail-frequency-invalid"));
        };
        choices.push((approach, frequency));
    }
    for (approach, frequency) in choices {
        notifications::set_frequency(c, user, approach, frequency, &random_token(24))?;
    }
    Ok(Done::redirect("/notifications#mail", "flash-mail-saved").into())
}

#[derive(Template)]
#[template(path = "notifications/unsubscribe.html")]
struct UnsubscribeView<'a> {
    ctx: &'a Ctx,
    token: String,
    approach: String,
    done: bool,
}

/// Asks to confirm (a link in a mail may be opened by a scanner, which must not unsubscribe).
pub async fn unsubscribe_show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| unsubscribe_show_in(c, &ctx, token)).await
}

fn unsubscribe_show_in(c: &mut Sql<'_>, ctx: &Ctx, token: String) -> Result<Response, AppError> {
    let (_, _, approach, frequency) =
        notifications::by_unsubscribe_token(c, &token)?.ok_or(AppError::NotFound)?;
    let view = UnsubscribeView {
        ctx,
        token,
        approach,
        done: frequency == MailFrequency::Never,
    };
    Ok(render(&view))
}

/// Stops the mail about one approach: from the confirmation page, or in one click from a mail
/// program (RFC 8058), which posts without a session (the token is the proof; see ADR 0007).
pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| unsubscribe_in(c, ctx, token)).await
}

fn unsubscribe_in(c: &mut Sql<'_>, ctx: &Ctx, token: String) -> Result<Outcome, AppError> {
    let (user, approach_id, approach, _) =
        notifications::by_unsubscribe_token(c, &token)?.ok_or(AppError::NotFound)?;
    notifications::set_frequency(c, user, approach_id, MailFrequency::Never, &token)?;
    let view = UnsubscribeView {
        ctx,
        token,
        approach,
        done: true,
    };
    Ok(Done::respond(render(&view)).into())
}

/// Sends the e-mail that is due: for each person and approach with notifications waiting, one
/// mail once their frequency's moment has come (see [`MailFrequency::cutoff`]). The
/// notifications are claimed in the same transaction that queues the mail, so each goes out
/// once, however many workers run. Returns how many mails were queued.
pub async fn mail_due(db: &Db, base_url: &str) -> samenspel_store::Result<usize> {
    let base_url = base_url.to_owned();
    db.work(move |c| mail_due_in(c, &base_url)).await
}

fn mail_due_in(c: &mut Sql<'_>, base_url: &str) -> samenspel_store::Result<usize> {
    let now = samenspel_store::now();
    let local = format::local(now);
    let local = time::PrimitiveDateTime::new(local.date(), local.time());
    let today = format::today();
    // Reminders first, so that they go out with the rest.
    c.transaction(|c| notifications::remind(c, today, now))?;
    let waiting = notifications::waiting_for_mail(c, now)?;
    let mut queued = 0;
    for group in waiting {
        let frequency = group.frequency;
        let Some(cutoff) = frequency.cutoff(local) else {
            continue;
        };
        let cutoff = if frequency == MailFrequency::Immediately {
            now
        } else {
            crate::logbook::dutch_moment(cutoff)
        };
        // One transaction per mail: the notifications it claims go out with it, or not at all.
        if c.transaction(|c| queue_mail(c, base_url, &group, frequency, cutoff, today, now))? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// Claims the person's notifications about the approach up to `cutoff` and queues one mail
/// about them; false when there was nothing (left) to send.
fn queue_mail(
    c: &mut Sql<'_>,
    base_url: &str,
    group: &notifications::Waiting,
    frequency: MailFrequency,
    cutoff: time::OffsetDateTime,
    today: time::Date,
    now: time::OffsetDateTime,
) -> samenspel_store::Result<bool> {
    let Some(person) = users::by_id(c, group.user_id)? else {
        return Ok(false);
    };
    let notices =
        notifications::claim_for_mail(c, group.user_id, group.approach_id, cutoff, today, now)?;
    if notices.is_empty() {
        return Ok(false);
    }
    let token =
        notifications::unsubscribe_token(c, group.user_id, group.approach_id, &random_token(24))?;
    let lang = person.language;
    let mail = compose(
        lang,
        base_url,
        &person.name,
        &person.email,
        frequency,
        &notices,
        &token,
    );
    mail::enqueue(c, &mail)?;
    Ok(true)
}

fn compose(
    lang: Language,
    base_url: &str,
    name: &str,
    email: &str,
    frequency: MailFrequency,
    notices: &[Notice],
    token: &str,
) -> OutgoingMail {
    let t = |key: &str| i18n::t(lang, key);
    let approach = notices
        .first()
        .map(|n| n.approach_name.clone())
        .unwrap_or_default();
    let mut body = format!(
        "{}\n\n{}\n\n",
        i18n::t_args(lang, "mail-notify-hello", &[("name", name.to_owned())]),
        i18n::t_args(lang, "mail-notify-intro", &[("approach", approach.clone())]),
    );
    for n in notices {
        let when = format::datetime(lang, &n.created_at);
        let by = match &n.actor_name {
            Some(who) => format!("{who} · {when}"),
            None => when,
        };
        body.push_str(&format!(
            "- {} ({}): {}\n  {by}\n  {base_url}/approaches/{}/logbook/{}\n",
            t(&format!("entry-kind-{}", n.entry_kind)),
            t(&format!("notification-event-{}", n.event)).to_lowercase(),
            n.entry_title,
            n.approach_id,
            n.entry_id,
        ));
    }
    let unsubscribe = format!("{base_url}/unsubscribe/{token}");
    body.push_str(&format!(
        "\n{}\n{base_url}/notifications#mail\n\n{}\n{unsubscribe}\n",
        t(&format!("mail-notify-frequency-{}", frequency.as_str())),
        t("mail-notify-unsubscribe"),
    ));
    OutgoingMail {
        to: email.to_owned(),
        subject: i18n::t_args(
            lang,
            "mail-notify-subject",
            &[("approach", approach.clone())],
        ),
        body,
        unsubscribe: Some(unsubscribe),
    }
}

/// Marks the notification read and goes to its entry.
pub async fn open(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| open_in(c, ctx, id)).await
}

fn open_in(c: &mut Sql<'_>, ctx: &Ctx, id: i64) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    let target = notifications::open(c, user, id, format::today(), samenspel_store::now())?;
    let done = match target {
        Some((approach, entry)) => Done::see(format!("/approaches/{approach}/logbook/{entry}")),
        // A notification of an entry the person no longer sees is still marked read: kept,
        // and answered as not found.
        None => Done::respond(AppError::NotFound.into_response()),
    };
    Ok(done.into())
}

pub async fn read_all(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| read_all_in(c, ctx)).await
}

fn read_all_in(c: &mut Sql<'_>, ctx: &Ctx) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    notifications::read_all(c, user, samenspel_store::now())?;
    Ok(Done::redirect("/notifications", "flash-notifications-read").into())
}
