//! The timeline of an approach's logbook: every entry the visitor may see, newest first,
//! filtered by kind, party, knooppunt, period and words, 25 at a time.

use super::audience::audience;
use super::form::period;
use crate::format;
use crate::forms::FormErrors;
use crate::http::AppError;
use crate::http::ApproachScope;
use crate::http::Ctx;
use crate::state::AppState;
use crate::views::render_or_refuse;
use crate::workspace::{Workspace, parse_org};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use samenspel_domain::approaches::optional_date;
use samenspel_domain::logbook::{EntryKind, search_terms};
use samenspel_domain::method::Phase;
use samenspel_domain::permissions::ApproachPermission;
use samenspel_store::logbook::{self, Cursor, Filter, Listed};
use samenspel_store::sql::Sql;
use serde::{Deserialize, Serialize};

const PAGE: i64 = 25;

/// The timeline's filters as the query string has them; anything unknown means "all".
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct TimelineQuery {
    pub q: String,
    pub kind: String,
    pub party: String,
    pub node: String,
    pub from: String,
    pub until: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub before: String,
}

impl TimelineQuery {
    /// Whether any filter is set.
    fn filtered(&self) -> bool {
        [
            &self.q,
            &self.kind,
            &self.party,
            &self.node,
            &self.from,
            &self.until,
        ]
        .iter()
        .any(|v| !v.trim().is_empty())
    }
}

#[derive(Template)]
#[template(path = "logbook/timeline.html")]
struct TimelineView<'a> {
    ctx: &'a Ctx,
    ws: &'a Workspace,
    query: TimelineQuery,
    errors: FormErrors,
    entries: Vec<Listed>,
    /// The link to the next (older) page.
    older: Option<String>,
    /// This is not the first page.
    paged: bool,
    filtered: bool,
    kinds: &'static [EntryKind],
    phases: Vec<(&'a Phase, Vec<(String, String)>)>,
    today: time::Date,
    can_contribute: bool,
    can_manage: bool,
}

impl TimelineView<'_> {
    /// Whether a filter besides the words is set, so that they show.
    fn more_filters(&self) -> bool {
        let q = &self.query;
        [&q.kind, &q.party, &q.node, &q.from, &q.until]
            .iter()
            .any(|v| !v.trim().is_empty())
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Query(query): Query<TimelineQuery>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| show_in(c, &state, &ctx, &scope, query))
        .await
}

fn show_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    query: TimelineQuery,
) -> Result<Response, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let mut errors = FormErrors::default();
    let from = errors.check("from", optional_date(&query.from)).flatten();
    let until = errors.check("until", optional_date(&query.until)).flatten();
    if let (Some(f), Some(u)) = (from, until)
        && u < f
    {
        errors.add("until", "error-period-order");
    }
    let (from, until) = period(from, until);
    let node = query.node.trim();
    let filter = Filter {
        kind: EntryKind::parse(&query.kind).ok(),
        party: parse_org(&query.party),
        node: (!node.is_empty()).then(|| node.to_owned()),
        from,
        until,
        terms: search_terms(&query.q),
    };
    let cursor = Cursor::decode(&query.before);
    let (entries, more) = if errors.is_empty() {
        logbook::timeline(c, scope.id, audience(ctx, scope), &filter, cursor, PAGE)?
    } else {
        (Vec::new(), false)
    };
    let older = match entries.last() {
        Some(last) if more => {
            let next = TimelineQuery {
                before: Cursor {
                    at: last.happened_at,
                    id: last.id,
                }
                .encode(),
                ..query.clone()
            };
            Some(format!(
                "/approaches/{}/logbook?{}",
                scope.id,
                serde_urlencoded::to_string(&next).unwrap_or_default()
            ))
        }
        _ => None,
    };
    let phases = ws.nodes_by_phase(ctx.lang);
    let failed = !errors.is_empty();
    let view = TimelineView {
        ctx,
        ws: &ws,
        filtered: query.filtered(),
        paged: cursor.is_some(),
        query,
        errors,
        entries,
        older,
        kinds: EntryKind::ALL,
        phases,
        today: format::today(),
        can_contribute: scope.standing.allows(ApproachPermission::Contribute),
        can_manage: scope.standing.allows(ApproachPermission::Manage),
    };
    Ok(render_or_refuse(&view, failed))
}
