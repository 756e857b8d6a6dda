//! Requests to an organisation to take part (as a party in an approach, or as a facilitator in
//! a municipality), answered by its administrators. Nothing of the organisation is drawn in
//! before one of them accepts.

use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::FormData;
use crate::http::AppError;
use crate::http::Ctx;
use crate::http::OrgScope;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use samenspel_store::consent::{self, ACCEPTED, DECLINED, FACILITATOR, PARTY};
use samenspel_store::organisations;
use samenspel_store::sql::Sql;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    pub answer: String,
}

pub async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: OrgScope,
    Path((_, id)): Path<(i64, i64)>,
    FormData(form): FormData<AnswerForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| {
        answer_in(c, ctx, &scope, id, form)
    })
    .await
}

fn answer_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &OrgScope,
    id: i64,
    form: AnswerForm,
) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?.id;
    let accept = match form.answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::BadRequest("answer")),
    };
    let now = samenspel_store::now();
    let page = format!("/organisations/{}", scope.org);
    // A request answered or withdrawn meanwhile leaves nothing to change.
    let Some(request) = consent::open_request(c, scope.org, id)? else {
        return Ok(Done::redirect(page, "flash-request-gone").into());
    };
    let answer = if accept { ACCEPTED } else { DECLINED };
    if !consent::answer(c, request.id, answer, me, now)? {
        return Ok(Done::redirect(page, "flash-request-gone").into());
    }
    let joined = if accept {
        // Recorded as the municipality's own change too, where its log shows its parties and
        // facilitators coming and going.
        let action = match request.kind.as_str() {
            PARTY => {
                crate::approaches::parties::join(c, &request, now)?;
                Action::PartyAdded(request.approach_id.ok_or(AppError::NotFound)?)
            }
            FACILITATOR => {
                organisations::add_facilitator(
                    c,
                    request.municipality_id,
                    request.organisation_id,
                    now,
                )?;
                Action::FacilitatorAdded(request.organisation_id)
            }
            _ => return Err(AppError::NotFound),
        };
        Some(Event::new(
            action,
            Some(request.municipality_id),
            serde_json::json!({
                "party": request.organisation_id,
                "party_name": request.organisation_name,
                "accepted": true,
            }),
        ))
    } else {
        None
    };
    let answered = Event::new(
        if accept {
            Action::ConsentAccepted(scope.org)
        } else {
            Action::ConsentDeclined(scope.org)
        },
        Some(scope.org),
        serde_json::json!({
            "kind": request.kind,
            "municipality": request.municipality_id,
            "approach": request.approach_id,
        }),
    );
    let flash = if accept {
        "flash-request-accepted"
    } else {
        "flash-request-declined"
    };
    Ok(Done::redirect(page, flash)
        .audit_if(joined)
        .audit(answered)
        .into())
}
