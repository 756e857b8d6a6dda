//! The one way a request changes data. [`change`] runs a handler's work as one unit on one
//! pooled connection, off the async threads: it opens the transaction, lets the work read,
//! check and write, records the audit events the work reports, commits, wakes the job worker
//! (mail queued by the change goes out at once) and answers with the redirect and its flash
//! message. When the work refuses (a form with errors), nothing it wrote is kept: the
//! transaction rolls back and the page the refusal renders is the answer.
//!
//! ```ignore
//! change(state, ctx, move |c, state, ctx| {
//!     let settings = match check(c, &form) {
//!         Ok(settings) => settings,
//!         Err(errors) => return Ok(Outcome::refused(move |c, _, ctx| render(c, ctx, form, errors))),
//!     };
//!     approaches::update(c, id, &settings, samenspel_store::now())?;
//!     Ok(Done::redirect(format!("/approaches/{id}"), "flash-approach-saved")
//!         .audit(Event::new(Action::ApproachUpdated(id), Some(municipality), changes))
//!         .into())
//! })
//! .await
//! ```

use crate::audit::{self, Event};
use crate::http::AppError;
use crate::http::{Ctx, redirect, redirect_with_flash, set_cookie};
use crate::state::AppState;
use axum::response::Response;
use axum_extra::extract::cookie::Cookie;
use samenspel_store::sql::Sql;

/// Renders the answer to a refused change, after its writes were rolled back.
type Render = Box<dyn FnOnce(&mut Sql<'_>, &AppState, &Ctx) -> Result<Response, AppError>>;

/// How a change's work ended.
pub enum Outcome {
    /// Kept: commit, record the events, answer.
    Done(Done),
    /// Not kept: roll back, then answer with the page this renders.
    Refused(Render),
}

impl Outcome {
    /// Nothing is kept; `render` draws the answer (usually the form again, with its errors and
    /// the input) on the same connection once the transaction is rolled back.
    pub fn refused(
        render: impl FnOnce(&mut Sql<'_>, &AppState, &Ctx) -> Result<Response, AppError> + 'static,
    ) -> Self {
        Outcome::Refused(Box::new(render))
    }

    /// Nothing is kept, and `response` (already drawn) is the answer.
    pub fn refused_with(response: Response) -> Self {
        Outcome::refused(move |_, _, _| Ok(response))
    }
}

impl From<Done> for Outcome {
    fn from(done: Done) -> Self {
        Outcome::Done(done)
    }
}

/// A kept change: the events to record and the answer.
pub struct Done {
    events: Vec<Event>,
    answer: Answer,
    cookies: Vec<Cookie<'static>>,
}

enum Answer {
    Redirect {
        to: String,
        flash: Option<&'static str>,
    },
    Response(Response),
}

impl Done {
    /// Answers with a redirect to `to` and the flash message `flash` shown there.
    pub fn redirect(to: impl Into<String>, flash: &'static str) -> Self {
        Self::answer(Answer::Redirect {
            to: to.into(),
            flash: Some(flash),
        })
    }

    /// Answers with a redirect to `to`, without a flash message.
    pub fn see(to: impl Into<String>) -> Self {
        Self::answer(Answer::Redirect {
            to: to.into(),
            flash: None,
        })
    }

    /// Answers with `response` as it is (a page, or a redirect carrying a cookie).
    pub fn respond(response: Response) -> Self {
        Self::answer(Answer::Response(response))
    }

    fn answer(answer: Answer) -> Self {
        Done {
            events: Vec::new(),
            answer,
            cookies: Vec::new(),
        }
    }

    /// Sets (or, with [`crate::http::removal`], removes) `cookie` with the answer.
    pub fn cookie(mut self, cookie: Cookie<'static>) -> Self {
        self.cookies.push(cookie);
        self
    }

    /// Records `event` with the change.
    pub fn audit(mut self, event: Event) -> Self {
        self.events.push(event);
        self
    }

    /// Records `event`, when there is one, with the change.
    pub fn audit_if(mut self, event: Option<Event>) -> Self {
        self.events.extend(event);
        self
    }
}

/// Runs `work` as the request's one unit of work; see the module's description.
pub async fn change<F>(state: AppState, ctx: Ctx, work: F) -> Result<Response, AppError>
where
    F: FnOnce(&mut Sql<'_>, &AppState, &Ctx) -> Result<Outcome, AppError> + Send + 'static,
{
    let db = state.db.clone();
    db.work(move |c| {
        c.begin()?;
        let outcome = work(c, &state, &ctx).and_then(|outcome| match outcome {
            Outcome::Done(mut done) => {
                for event in std::mem::take(&mut done.events) {
                    audit::record(c, &ctx, event)?;
                }
                Ok(Outcome::Done(done))
            }
            refused => Ok(refused),
        });
        let kept = matches!(outcome, Ok(Outcome::Done(_)));
        let end = c.finish(kept);
        let outcome = outcome?;
        end?;
        Ok(match outcome {
            Outcome::Done(done) => {
                state.jobs_waiting.notify_one();
                let mut response = match done.answer {
                    Answer::Redirect {
                        to,
                        flash: Some(flash),
                    } => redirect_with_flash(&state, &to, flash),
                    Answer::Redirect { to, flash: None } => redirect(&to),
                    Answer::Response(response) => response,
                };
                for cookie in &done.cookies {
                    set_cookie(&mut response, cookie);
                }
                response
            }
            Outcome::Refused(render) => render(c, &state, &ctx)?,
        })
    })
    .await
}
