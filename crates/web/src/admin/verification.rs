//! Municipalities someone added wait here for a platform administrator, who verifies each one
//! or rejects it with a reason. Both are audited and mailed to the municipality's
//! administrators.

use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::Ctx;
use crate::state::AppState;
use crate::views::{render, render_status};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_domain::approaches::required_text;
use samenspel_store::organisations::{self, REJECTED, VERIFIED, VerificationRequest};
use samenspel_store::sql::Sql;
use samenspel_store::{OrgId, StoreError};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "admin/municipalities.html")]
struct RequestsView<'a> {
    ctx: &'a Ctx,
    requests: Vec<VerificationRequest>,
    /// The request whose form was refused, with what was typed and why.
    refused: Option<(OrgId, String, FormErrors)>,
}

impl RequestsView<'_> {
    fn pending(&self) -> impl Iterator<Item = &VerificationRequest> {
        self.requests.iter().filter(|r| r.verification != REJECTED)
    }

    fn rejected(&self) -> impl Iterator<Item = &VerificationRequest> {
        self.requests.iter().filter(|r| r.verification == REJECTED)
    }

    fn has_rejected(&self) -> bool {
        self.rejected().next().is_some()
    }

    /// The reason typed into `request`'s reject form, when it came back.
    fn reason_for(&self, request: &VerificationRequest) -> &str {
        match &self.refused {
            Some((id, reason, _)) if *id == request.id => reason,
            _ => "",
        }
    }

    fn error_for(&self, request: &VerificationRequest) -> Option<&str> {
        match &self.refused {
            Some((id, _, errors)) if *id == request.id => errors.get("reason"),
            _ => None,
        }
    }
}

fn render_requests(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    refused: Option<(OrgId, String, FormErrors)>,
) -> Result<Response, AppError> {
    let requests = organisations::verification_requests(c)?;
    let status = match &refused {
        Some((_, _, errors)) if errors.get("reason") == Some("error-municipality-name-taken") => {
            StatusCode::CONFLICT
        }
        Some(_) => StatusCode::UNPROCESSABLE_ENTITY,
        None => StatusCode::OK,
    };
    let view = RequestsView {
        ctx,
        requests,
        refused,
    };
    Ok(if status == StatusCode::OK {
        render(&view)
    } else {
        render_status(status, &view)
    })
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| page_in(c, &ctx)).await
}

fn page_in(c: &mut Sql<'_>, ctx: &Ctx) -> Result<Response, AppError> {
    render_requests(c, ctx, None)
}

/// The list again, with the reject form of `org` showing what was typed and why it was
/// refused.
fn refuse(org: OrgId, reason: String, errors: FormErrors) -> Outcome {
    Outcome::refused(move |c, _, ctx| render_requests(c, ctx, Some((org, reason, errors))))
}

pub async fn verify(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(org): Path<i64>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        decide(c, state, ctx, OrgId(org), VERIFIED, "")
    })
    .await
}

#[derive(Debug, Default, Deserialize)]
pub struct RejectForm {
    #[serde(default)]
    pub reason: String,
}

pub async fn reject(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(org): Path<i64>,
    FormData(form): FormData<RejectForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        reject_in(c, state, ctx, OrgId(org), form)
    })
    .await
}

fn reject_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    org: OrgId,
    form: RejectForm,
) -> Result<Outcome, AppError> {
    match required_text(
        &form.reason,
        2000,
        "error-reject-reason-required",
        "error-reject-reason-long",
    ) {
        Ok(reason) => decide(c, state, ctx, org, REJECTED, &reason),
        Err(invalid) => {
            let mut errors = FormErrors::default();
            errors.add("reason", invalid.key);
            Ok(refuse(org, form.reason, errors))
        }
    }
}

fn decide(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    org: OrgId,
    decision: &str,
    reason: &str,
) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?;
    let now = samenspel_store::now();
    let name = organisations::by_id(c, org)?
        .ok_or(AppError::NotFound)?
        .name;
    match organisations::decide_verification(c, org, decision, reason, me.id, now) {
        Ok(true) => {}
        // Already decided (by someone else, or a second press): the list shows how.
        Ok(false) => {
            return Ok(Done::redirect("/admin/municipalities", "flash-verification-done").into());
        }
        Err(StoreError::Conflict(_)) => {
            let mut errors = FormErrors::default();
            errors.add("reason", "error-municipality-name-taken");
            return Ok(refuse(org, String::new(), errors));
        }
        Err(other) => return Err(other.into()),
    }
    let action = if decision == VERIFIED {
        Action::MunicipalityVerified(org)
    } else {
        Action::MunicipalityRejected(org)
    };
    let decided = Event::new(
        action,
        Some(org),
        serde_json::json!({ "name": name, "reason": reason }),
    );
    let base = state.config.base_url.trim_end_matches('/');
    let (subject, body) = if decision == VERIFIED {
        (
            "mail-municipality-verified-subject",
            "mail-municipality-verified-body",
        )
    } else {
        (
            "mail-municipality-rejected-subject",
            "mail-municipality-rejected-body",
        )
    };
    crate::organisations::consent::mail_admins(
        c,
        org,
        subject,
        body,
        &[
            ("municipality", name),
            ("reason", reason.to_owned()),
            ("link", format!("{base}/organisations/{org}")),
        ],
        ctx.lang,
    )?;
    let flash = if decision == VERIFIED {
        "flash-municipality-verified"
    } else {
        "flash-municipality-rejected"
    };
    Ok(Done::redirect("/admin/municipalities", flash)
        .audit(decided)
        .into())
}
