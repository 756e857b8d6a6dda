//! Municipalities someone added wait here for a platform administrator, who verifies each one
//! or rejects it with a reason. Both are audited and mailed to the municipality's
//! administrators.

use crate::audit;
use crate::auth::{Ctx, redirect_with_flash};
use crate::error::AppError;
use crate::forms::{FormData, FormErrors};
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

pub async fn verify(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(org): Path<i64>,
) -> Result<Response, AppError> {
    decide(&state, &ctx, OrgId(org), VERIFIED, "").await
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
    match required_text(
        &form.reason,
        2000,
        "error-reject-reason-required",
        "error-reject-reason-long",
    ) {
        Ok(reason) => decide(&state, &ctx, OrgId(org), REJECTED, &reason).await,
        Err(invalid) => {
            let mut errors = FormErrors::default();
            errors.add("reason", invalid.key);
            render_requests(
                &mut state.db.conn().await?.ex(),
                &ctx,
                Some((OrgId(org), form.reason, errors)),
            )
        }
    }
}

async fn decide(
    state: &AppState,
    ctx: &Ctx,
    org: OrgId,
    decision: &str,
    reason: &str,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let now = samenspel_store::now();
    let mut tx = state.db.begin().await?;
    let name = organisations::by_id(&mut tx.ex(), org)?
        .ok_or(AppError::NotFound)?
        .name;
    match organisations::decide_verification(&mut tx.ex(), org, decision, reason, me.id, now) {
        Ok(true) => {}
        // Already decided (by someone else, or a second press): the list shows how.
        Ok(false) => {
            return Ok(redirect_with_flash(
                state,
                "/admin/municipalities",
                "flash-verification-done",
            ));
        }
        Err(StoreError::Conflict(_)) => {
            drop(tx);
            let mut errors = FormErrors::default();
            errors.add("reason", "error-municipality-name-taken");
            return render_requests(
                &mut state.db.conn().await?.ex(),
                ctx,
                Some((org, String::new(), errors)),
            );
        }
        Err(other) => return Err(other.into()),
    }
    let action = if decision == VERIFIED {
        "municipality.verified"
    } else {
        "municipality.rejected"
    };
    audit::record(
        &mut tx.ex(),
        ctx,
        action,
        ("organisation", Some(org.0)),
        Some(org),
        serde_json::json!({ "name": name, "reason": reason }),
    )?;
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
    crate::organisations::requests::mail_admins(
        &mut tx.ex(),
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
    tx.commit().await?;
    state.jobs_waiting.notify_one();
    Ok(redirect_with_flash(
        state,
        "/admin/municipalities",
        if decision == VERIFIED {
            "flash-municipality-verified"
        } else {
            "flash-municipality-rejected"
        },
    ))
}
