//! Inviting someone by e-mail link, withdrawing an invitation, and accepting one.

use super::pages::{InviteInput, render_show};
use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::confirm::{AskFirst, Confirmation};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::OrgScope;
use crate::http::{Ctx, random_token, token_hash};
use crate::i18n;
use crate::mail::{self, OutgoingMail};
use crate::state::AppState;
use crate::views::render_status;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_domain::Language;
use samenspel_domain::accounts::Email;
use samenspel_domain::organisations::OrgRole;
use samenspel_store::invitations::{self, Invitation, InvitationState, NewInvitation};
use samenspel_store::sql::Sql;
use samenspel_store::{InvitationId, StoreError, organisations};
use serde::Deserialize;
use time::Duration;

/// How long an invitation link works.
const VALID_FOR: Duration = Duration::days(14);

#[derive(Debug, Default, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
    /// The language the mail is written in first (`nl` or `en`); the other follows below.
    #[serde(default)]
    pub language: String,
}

pub async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    FormData(form): FormData<InviteForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        invite_in(c, state, ctx, scope, form)
    })
    .await
}

fn invite_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: OrgScope,
    form: InviteForm,
) -> Result<Outcome, AppError> {
    let mut errors = FormErrors::default();
    let email = errors.check("email", Email::parse(&form.email));
    let role = errors.check("role", OrgRole::parse(&form.role));
    // Without a choice, the inviter's own language.
    let language = match form.language.trim() {
        "" => Some(ctx.lang),
        code => Language::from_code(code),
    };
    if language.is_none() {
        errors.add("language", "error-invite-language");
    }
    let back = |errors: FormErrors| {
        let invite = Some(InviteInput {
            email: form.email.trim().to_owned(),
            role: form.role.clone(),
            language: form.language.clone(),
            errors,
        });
        Outcome::refused(move |c, _, ctx| render_show(c, ctx, scope, invite))
    };
    let (Some(email), Some(role), Some(language)) = (email, role, language) else {
        return Ok(back(errors));
    };

    let now = samenspel_store::now();
    let org = organisations::by_id(c, scope.org)?.ok_or(AppError::NotFound)?;
    let already = organisations::members(c, scope.org)?
        .into_iter()
        .any(|m| m.until.is_none() && m.email == email.as_str());
    if already {
        let mut errors = FormErrors::default();
        errors.add("email", "error-already-member");
        return Ok(back(errors));
    }
    let sent = send(c, state, ctx, &org, &email, role, language, now)?;
    Ok(Done::redirect(
        format!("/organisations/{}", scope.org),
        "flash-invitation-sent",
    )
    .audit(sent)
    .into())
}

/// Creates an invitation into `org` and queues its e-mail, in the caller's change: written in
/// `language` (the inviter's choice; the invitee may have no account to tell us theirs), with
/// the other language below. The answer is the event for the change to record in the audit log.
#[allow(clippy::too_many_arguments)]
pub(crate) fn send(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    org: &organisations::Organisation,
    email: &Email,
    role: OrgRole,
    language: Language,
    now: time::OffsetDateTime,
) -> Result<Event, AppError> {
    let me = ctx.require_user()?;
    let token = random_token(32);
    let new = NewInvitation {
        organisation: org.id,
        email,
        role,
        token_hash: &token_hash(&token),
        invited_by: me.id,
        expires_at: now + VALID_FOR,
    };
    let invitation = invitations::create(c, &new, now)?;
    let link = format!(
        "{}/invitations/{token}",
        state.config.base_url.trim_end_matches('/')
    );
    let other = match language {
        Language::Nl => Language::En,
        Language::En => Language::Nl,
    };
    let args = |lang| {
        i18n::t_args(
            lang,
            "mail-invitation-body",
            &[
                ("inviter", me.name.clone()),
                ("organisation", org.name.clone()),
                ("link", link.clone()),
            ],
        )
    };
    let subject = i18n::t_args(
        language,
        "mail-invitation-subject",
        &[("organisation", org.name.clone())],
    );
    let body = format!(
        "{}\n\n-- {} --\n\n{}",
        args(language),
        i18n::t(other, "mail-in-this-language"),
        args(other)
    );
    mail::enqueue(
        c,
        &OutgoingMail {
            to: email.as_str().to_owned(),
            subject,
            body,
            ..OutgoingMail::default()
        },
    )?;
    Ok(Event::new(
        Action::InvitationCreated(invitation),
        Some(org.id),
        serde_json::json!({ "email": email.as_str(), "role": role.as_str() }),
    ))
}

#[derive(Debug, Deserialize)]
pub struct InvitationPath {
    pub org: i64,
    pub invitation: i64,
}

pub async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Path(path): Path<InvitationPath>,
    FormData(form): FormData<Confirmation>,
) -> Result<Response, AppError> {
    debug_assert_eq!(path.org, scope.org.0);
    let id = InvitationId(path.invitation);
    change(state, ctx, move |c, _, ctx| {
        revoke_in(c, ctx, &scope, id, &form)
    })
    .await
}

fn revoke_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &OrgScope,
    id: InvitationId,
    form: &Confirmation,
) -> Result<Outcome, AppError> {
    if !form.given() {
        let invitation = invitations::open_for(c, scope.org, samenspel_store::now())?
            .into_iter()
            .find(|i| i.id == id)
            .ok_or(AppError::NotFound)?;
        return Ok(AskFirst {
            title: ctx.t1(
                "confirm-revoke-invitation-title",
                "email",
                &invitation.email,
            ),
            what: ctx.t1("confirm-revoke-invitation-what", "email", &invitation.email),
            button: ctx.t1("org-revoke-invitation", "email", &invitation.email),
            action: format!("/organisations/{}/invitations/{id}/revoke", scope.org),
            fields: Vec::new(),
            back: format!("/organisations/{}", scope.org),
        }
        .outcome());
    }
    if !invitations::revoke(c, scope.org, id, samenspel_store::now())? {
        return Err(AppError::NotFound);
    }
    Ok(Done::redirect(
        format!("/organisations/{}", scope.org),
        "flash-invitation-revoked",
    )
    .audit(Event::new(
        Action::InvitationRevoked(id),
        Some(scope.org),
        serde_json::json!({}),
    ))
    .into())
}

#[derive(Template)]
#[template(path = "organisations/invitation.html")]
struct InvitationView<'a> {
    ctx: &'a Ctx,
    token: String,
    invitation: Option<Invitation>,
    /// One of open, accepted, revoked, expired, unknown.
    status: &'static str,
    /// A message key explaining why it cannot be accepted by this person now.
    problem: Option<&'static str>,
}

impl InvitationView<'_> {
    fn next_link(&self) -> String {
        serde_urlencoded::to_string([("next", format!("/invitations/{}", self.token))])
            .unwrap_or_default()
    }

    fn register_link(&self) -> String {
        let email = self
            .invitation
            .as_ref()
            .map(|i| i.email.clone())
            .unwrap_or_default();
        serde_urlencoded::to_string([
            ("next", format!("/invitations/{}", self.token)),
            ("email", email),
        ])
        .unwrap_or_default()
    }
}

fn find(c: &mut Sql<'_>, token: &str) -> Result<(Option<Invitation>, &'static str), AppError> {
    let invitation = invitations::by_token_hash(c, &token_hash(token))?;
    let status = match invitation.as_ref().map(|i| i.state(samenspel_store::now())) {
        None => "unknown",
        Some(InvitationState::Open) => "open",
        Some(InvitationState::Accepted) => "accepted",
        Some(InvitationState::Revoked) => "revoked",
        Some(InvitationState::Expired) => "expired",
    };
    Ok((invitation, status))
}

fn problem_for(ctx: &Ctx, invitation: Option<&Invitation>, status: &str) -> Option<&'static str> {
    match status {
        "unknown" => Some("invitation-unknown"),
        "accepted" => Some("invitation-used"),
        "revoked" => Some("invitation-revoked"),
        "expired" => Some("invitation-expired"),
        _ => match (&ctx.user, invitation) {
            (Some(user), Some(invitation)) if user.email != invitation.email => {
                Some("error-invitation-other-email")
            }
            _ => None,
        },
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| show_in(c, &ctx, token)).await
}

fn show_in(c: &mut Sql<'_>, ctx: &Ctx, token: String) -> Result<Response, AppError> {
    let (invitation, status) = find(c, &token)?;
    let problem = problem_for(ctx, invitation.as_ref(), status);
    let code = match status {
        "open" => StatusCode::OK,
        "unknown" => StatusCode::NOT_FOUND,
        _ => StatusCode::GONE,
    };
    Ok(render_status(
        code,
        &InvitationView {
            ctx,
            token,
            invitation,
            status,
            problem,
        },
    ))
}

pub async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| accept_in(c, ctx, token)).await
}

fn accept_in(c: &mut Sql<'_>, ctx: &Ctx, token: String) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?;
    let (invitation, status) = find(c, &token)?;
    // A refusal keeps nothing (a marked acceptance is rolled back); the page says why.
    let refuse = |invitation: Option<Invitation>,
                  status: &'static str,
                  problem: &'static str,
                  code: StatusCode| {
        let token = token.clone();
        Outcome::refused(move |_, _, ctx| {
            Ok(render_status(
                code,
                &InvitationView {
                    ctx,
                    token,
                    invitation,
                    status,
                    problem: Some(problem),
                },
            ))
        })
    };
    if let Some(problem) = problem_for(ctx, invitation.as_ref(), status) {
        let code = if status == "open" {
            StatusCode::CONFLICT
        } else {
            StatusCode::GONE
        };
        return Ok(refuse(invitation, status, problem, code));
    }
    let Some(invitation) = invitation else {
        return Err(AppError::NotFound);
    };
    let role = invitation.role;
    let now = samenspel_store::now();
    if !invitations::mark_accepted(c, invitation.id, me.id, now)? {
        return Ok(refuse(
            Some(invitation),
            "accepted",
            "invitation-used",
            StatusCode::GONE,
        ));
    }
    let joined = organisations::add_member(c, invitation.organisation_id, me.id, role, now);
    let membership = match joined {
        Ok(id) => id,
        Err(StoreError::Conflict(_)) => {
            return Ok(refuse(
                Some(invitation),
                "open",
                "error-already-member",
                StatusCode::CONFLICT,
            ));
        }
        Err(other) => return Err(other.into()),
    };
    let changes = serde_json::json!({ "role": role.as_str(), "invitation": invitation.id.0 });
    Ok(Done::redirect(
        format!("/organisations/{}", invitation.organisation_id),
        "flash-invitation-accepted",
    )
    .audit(Event::new(
        Action::MembershipJoined(membership),
        Some(invitation.organisation_id),
        changes,
    ))
    .into())
}
