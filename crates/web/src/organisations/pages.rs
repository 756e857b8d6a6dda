//! The list of one's organisations, creating one, and an organisation's page.

use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::Ctx;
use crate::http::OrgScope;
use crate::state::AppState;
use crate::views::{render, render_or_refuse, render_status};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_domain::organisations::{OrgKind, OrgName, OrgRole};
use samenspel_store::sql::Sql;
use samenspel_store::{invitations, organisations};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "organisations/list.html")]
struct ListView<'a> {
    ctx: &'a Ctx,
    organisations: Vec<organisations::OrgSummary>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| list_in(c, &ctx)).await
}

fn list_in(c: &mut Sql<'_>, ctx: &Ctx) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let organisations = organisations::for_user(c, me.id)?;
    Ok(render(&ListView { ctx, organisations }))
}

#[derive(Debug, Default, Deserialize)]
pub struct NewForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name: String,
}

#[derive(Template)]
#[template(path = "organisations/new.html")]
struct NewView<'a> {
    ctx: &'a Ctx,
    kind: String,
    name: String,
    errors: FormErrors,
    kinds: [&'static str; 4],
}

const KINDS: [&str; 4] = ["municipality", "initiative", "partner", "facilitator"];

pub async fn new_show(ctx: Ctx) -> Response {
    render(&NewView {
        ctx: &ctx,
        kind: String::new(),
        name: String::new(),
        errors: FormErrors::default(),
        kinds: KINDS,
    })
}

pub async fn new_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<NewForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| new_submit_in(c, ctx, form)).await
}

fn new_submit_in(c: &mut Sql<'_>, ctx: &Ctx, form: NewForm) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?;
    let refuse = |status: StatusCode, errors: FormErrors| {
        let (kind, name) = (form.kind.clone(), form.name.clone());
        Outcome::refused(move |_, _, ctx| {
            Ok(render_status(
                status,
                &NewView {
                    ctx,
                    kind,
                    name,
                    errors,
                    kinds: KINDS,
                },
            ))
        })
    };
    let mut errors = FormErrors::default();
    let kind = errors.check("kind", OrgKind::parse(&form.kind));
    let name = errors.check("name", OrgName::parse(&form.name));
    let (Some(kind), Some(name)) = (kind, name) else {
        return Ok(refuse(StatusCode::UNPROCESSABLE_ENTITY, errors));
    };
    // A verified municipality's name is its own: no one else can add a look-alike under it.
    if kind == OrgKind::Municipality
        && organisations::verified_municipality_named(c, name.as_str())?
    {
        errors.add("name", "error-municipality-name-taken");
        return Ok(refuse(StatusCode::CONFLICT, errors));
    }
    let (org, _) = organisations::create(c, kind, &name, me.id, samenspel_store::now())?;
    let flash = if kind == OrgKind::Municipality {
        "flash-municipality-pending"
    } else {
        "flash-organisation-created"
    };
    Ok(Done::redirect(format!("/organisations/{org}"), flash)
        .audit(Event::new(
            Action::OrganisationCreated(org),
            Some(org),
            serde_json::json!({ "kind": kind.as_str(), "name": name.as_str() }),
        ))
        .into())
}

#[derive(Template)]
#[template(path = "organisations/show.html")]
pub(super) struct ShowView<'a> {
    pub ctx: &'a Ctx,
    pub org: organisations::Organisation,
    pub my_role: Option<OrgRole>,
    pub members: Vec<organisations::Member>,
    pub invitations: Vec<invitations::Invitation>,
    pub invite_email: String,
    pub invite_role: String,
    /// The language the invitation mail is written in first.
    pub invite_language: String,
    pub errors: FormErrors,
    /// Requests to take part, for its administrators to answer.
    pub requests: Vec<samenspel_store::consent::Request>,
}

impl ShowView<'_> {
    fn is_admin(&self) -> bool {
        self.my_role == Some(OrgRole::Admin)
    }

    fn is_member(&self) -> bool {
        self.my_role.is_some()
    }

    fn current(&self) -> impl Iterator<Item = &organisations::Member> {
        self.members.iter().filter(|m| m.until.is_none())
    }

    fn former(&self) -> impl Iterator<Item = &organisations::Member> {
        self.members.iter().filter(|m| m.until.is_some())
    }

    fn has_former(&self) -> bool {
        self.members.iter().any(|m| m.until.is_some())
    }

    fn is_me(&self, member: &organisations::Member) -> bool {
        self.ctx
            .user
            .as_ref()
            .is_some_and(|u| u.id == member.user_id)
    }
}

/// An invitation form that was refused: the address, role and language given, and why.
pub(super) struct InviteInput {
    pub email: String,
    pub role: String,
    pub language: String,
    pub errors: FormErrors,
}

/// The organisation's page; `invite` carries a rejected invitation form back to it.
pub(super) fn render_show(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: OrgScope,
    invite: Option<InviteInput>,
) -> Result<Response, AppError> {
    let org = organisations::by_id(c, scope.org)?.ok_or(AppError::NotFound)?;
    let members = organisations::members(c, scope.org)?;
    let (invitations, requests) = if scope.role == Some(OrgRole::Admin) {
        (
            invitations::open_for(c, scope.org, samenspel_store::now())?,
            samenspel_store::consent::open_to(c, scope.org)?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let failed = invite.is_some();
    let InviteInput {
        email: invite_email,
        role: invite_role,
        language: invite_language,
        errors,
    } = invite.unwrap_or_else(|| InviteInput {
        email: String::new(),
        role: OrgRole::Member.as_str().to_owned(),
        language: ctx.lang.code().to_owned(),
        errors: FormErrors::default(),
    });
    let view = ShowView {
        ctx,
        org,
        my_role: scope.role,
        members,
        invitations,
        invite_email,
        invite_role,
        invite_language,
        errors,
        requests,
    };
    Ok(render_or_refuse(&view, failed))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| show_in(c, &ctx, &scope)).await
}

fn show_in(c: &mut Sql<'_>, ctx: &Ctx, scope: &OrgScope) -> Result<Response, AppError> {
    render_show(c, ctx, *scope, None)
}
