//! Ambition and goals: each party's goals, wishes, interests and expectations with the overlap
//! (items other parties share) and the differences, the shared ambition that parties agree to
//! version by version, and goals per horizon with their progress.

use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::confirm::{AskFirst, Confirmation};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::ApproachScope;
use crate::http::Ctx;
use crate::state::AppState;
use crate::views::render_or_refuse;
use crate::workspace::{Workspace, acting, parse_org};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use samenspel_domain::approaches::{
    Horizon, PositionKind, goal_value, optional_date, optional_line, optional_text, required_line,
    required_text,
};
use samenspel_domain::permissions::ApproachPermission;
use samenspel_store::ambition::{self, GoalRow, GoalUpdateRow, PositionItem};
use samenspel_store::sql::Sql;
use samenspel_store::{GoalId, OrgId, PositionItemId, StoreError};
use serde::Deserialize;

/// One kind of position: the items more than one party holds, and each party's own.
pub(crate) struct KindView {
    pub kind: PositionKind,
    pub shared: Vec<ItemView>,
    pub own: Vec<(String, Vec<ItemView>)>,
}

pub(crate) struct ItemView {
    pub item: PositionItem,
    /// Names of the other parties that share it.
    pub sharers: Vec<String>,
    /// The visitor's party holds it.
    pub mine: bool,
    /// The visitor's party shares it.
    pub shared_by_me: bool,
}

/// A party and whether it agreed to the current shared ambition.
pub(crate) struct Agreement {
    pub name: String,
    /// `Some(true)`: the current version; `Some(false)`: an earlier one.
    pub agreed: Option<bool>,
}

pub(crate) struct GoalView {
    pub goal: GoalRow,
    pub overdue: bool,
    pub updates: Vec<GoalUpdateRow>,
}

#[derive(Default)]
struct Forms {
    position: PositionForm,
    position_errors: FormErrors,
    ambition: AmbitionForm,
    ambition_errors: FormErrors,
    goal: GoalForm,
    goal_errors: FormErrors,
    /// The goal whose progress form was refused.
    progress_goal: Option<GoalId>,
    progress: ProgressForm,
    progress_errors: FormErrors,
}

#[derive(Template)]
#[template(path = "approaches/ambition.html")]
struct AmbitionView<'a> {
    ctx: &'a Ctx,
    ws: &'a Workspace,
    kinds: Vec<KindView>,
    agreements: Vec<Agreement>,
    /// The visitor's party agreed to the current version.
    i_agreed: bool,
    horizons: Vec<(Horizon, Vec<GoalView>)>,
    /// Goals set aside, which can be put back.
    removed_goals: Vec<GoalRow>,
    own: Vec<(OrgId, String)>,
    acting: Option<OrgId>,
    can_work: bool,
    can_contribute: bool,
    can_manage: bool,
    forms: Forms,
    all_kinds: &'static [PositionKind],
    all_horizons: &'static [Horizon],
}

impl AmbitionView<'_> {
    fn progress_form_for(&self, goal: &GoalId) -> Option<(&ProgressForm, &FormErrors)> {
        (self.forms.progress_goal == Some(*goal))
            .then_some((&self.forms.progress, &self.forms.progress_errors))
    }
}

fn render_page(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    forms: Option<Forms>,
) -> Result<Response, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let items = ambition::positions(c, scope.id)?;
    let agreed = ambition::agreements(c, scope.id)?;
    let goals = ambition::goals(c, scope.id)?;
    let removed_goals = ambition::removed_goals(c, scope.id)?;
    let updates = ambition::goal_updates(c, scope.id)?;
    let acting = scope.acting_for(None);
    let today = crate::format::today();
    let kinds = PositionKind::ALL
        .iter()
        .map(|kind| {
            let mut shared = Vec::new();
            let mut own: Vec<(String, Vec<ItemView>)> = Vec::new();
            for item in items.iter().filter(|i| i.kind == *kind) {
                let sharer_ids = item.sharers();
                let view = ItemView {
                    sharers: sharer_ids.iter().map(|o| ws.party_name(*o)).collect(),
                    mine: Some(item.organisation_id) == acting,
                    shared_by_me: acting.is_some_and(|a| sharer_ids.contains(&a)),
                    item: item.clone(),
                };
                if sharer_ids.is_empty() {
                    match own.iter_mut().find(|(n, _)| *n == item.organisation_name) {
                        Some((_, list)) => list.push(view),
                        None => own.push((item.organisation_name.clone(), vec![view])),
                    }
                } else {
                    shared.push(view);
                }
            }
            KindView {
                kind: *kind,
                shared,
                own,
            }
        })
        .collect();
    let version = ws.approach.ambition_version;
    let agreements = ws
        .current_parties()
        .iter()
        .map(|p| Agreement {
            name: p.name.clone(),
            agreed: agreed
                .iter()
                .find(|(org, _, _)| *org == p.organisation_id)
                .map(|(_, v, _)| *v == version),
        })
        .collect();
    let i_agreed = agreed
        .iter()
        .any(|(org, v, _)| Some(*org) == acting && *v == version);
    let horizons = Horizon::ALL
        .iter()
        .map(|h| {
            (
                *h,
                goals
                    .iter()
                    .filter(|g| g.horizon == h.as_str())
                    .map(|g| GoalView {
                        overdue: g.is_overdue(today),
                        updates: updates
                            .iter()
                            .filter(|u| u.goal_id == g.id)
                            .cloned()
                            .collect(),
                        goal: g.clone(),
                    })
                    .collect(),
            )
        })
        .collect();
    let own = scope
        .own_parties()
        .into_iter()
        .map(|org| (org, ws.party_name(org)))
        .collect();
    let failed = forms.is_some();
    let mut forms = forms.unwrap_or_default();
    if !failed {
        forms.ambition = AmbitionForm {
            ambition: ws.approach.ambition.clone(),
            version: version.to_string(),
        };
    }
    let view = AmbitionView {
        ctx,
        ws: &ws,
        kinds,
        agreements,
        i_agreed,
        horizons,
        removed_goals,
        own,
        acting,
        can_work: scope.standing.allows(ApproachPermission::Work),
        can_contribute: scope.standing.allows(ApproachPermission::Contribute),
        can_manage: scope.standing.allows(ApproachPermission::Manage),
        forms,
        all_kinds: PositionKind::ALL,
        all_horizons: Horizon::ALL,
    };
    Ok(render_or_refuse(&view, failed))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| show_in(c, &state, &ctx, &scope)).await
}

fn show_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
) -> Result<Response, AppError> {
    render_page(c, state, ctx, scope, None)
}

fn back(scope: &ApproachScope, anchor: &str) -> String {
    format!("/approaches/{}/ambition#{anchor}", scope.id)
}

/// The page again, with what a refused form held.
fn refuse(scope: &ApproachScope, forms: Forms) -> Outcome {
    let scope = scope.clone();
    Outcome::refused(move |c, state, ctx| render_page(c, state, ctx, &scope, Some(forms)))
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct PositionForm {
    pub party: String,
    pub kind: String,
    pub body: String,
}

pub async fn add_position(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    FormData(form): FormData<PositionForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| {
        add_position_in(c, ctx, &scope, form)
    })
    .await
}

fn add_position_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    form: PositionForm,
) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    let mut errors = FormErrors::default();
    let party = Some(acting(scope, &form.party)?);
    if party.is_none() {
        errors.add("party", "error-party-organisation");
    }
    let kind = errors.check("kind", PositionKind::parse(&form.kind));
    let body = errors.check(
        "body",
        required_text(
            &form.body,
            500,
            "error-position-required",
            "error-position-long",
        ),
    );
    let (Some(party), Some(kind), Some(body)) = (party, kind, body) else {
        let forms = Forms {
            position: form,
            position_errors: errors,
            ..Forms::default()
        };
        return Ok(refuse(scope, forms));
    };
    let now = samenspel_store::now();
    ambition::add_position(c, scope.id, party, kind, &body, user, now)?;
    Ok(
        Done::redirect(back(scope, "positions"), "flash-position-added")
            .audit(Event::new(
                Action::PositionChanged(scope.id),
                Some(party),
                serde_json::json!({ "kind": kind.as_str(), "added": true }),
            ))
            .into(),
    )
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct PartyChoice {
    pub party: String,
    pub share: String,
    /// `yes` once the party confirmed removing its item.
    pub confirm: String,
}

pub async fn remove_position(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, item)): Path<(i64, i64)>,
    FormData(form): FormData<PartyChoice>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        remove_position_in(c, state, ctx, &scope, item, form)
    })
    .await
}

/// Removes an item from the party's own position, after asking; parties that share the item
/// keep it (see [`ambition::remove_position`]), and the question says so.
fn remove_position_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    item: i64,
    form: PartyChoice,
) -> Result<Outcome, AppError> {
    let party = acting(scope, &form.party)?;
    let found = ambition::positions(c, scope.id)?
        .into_iter()
        .find(|i| i.id.0 == item && i.organisation_id == party)
        .ok_or(AppError::NotFound)?;
    if form.confirm != "yes" {
        let ws = Workspace::load_in(c, state, scope)?;
        // Only parties taking part keep the item.
        let sharers: Vec<String> = found
            .sharers()
            .into_iter()
            .filter(|o| ws.is_current_party(*o))
            .map(|o| ws.party_name(o))
            .collect();
        let what = if sharers.is_empty() {
            ctx.t1("confirm-remove-position-what", "body", &found.body)
        } else {
            ctx.t2(
                "confirm-remove-position-shared",
                "body",
                &found.body,
                "parties",
                crate::format::list(ctx.lang, &sharers),
            )
        };
        return Ok(AskFirst {
            title: ctx.t("confirm-remove-position-title"),
            what,
            button: ctx.t("position-remove"),
            action: format!("/approaches/{}/positions/{item}/remove", scope.id),
            fields: vec![("party", party.to_string())],
            back: back(scope, "positions"),
        }
        .outcome());
    }
    let today = crate::format::today();
    let heir = ambition::remove_position(c, scope.id, party, PositionItemId(item), today)?;
    let flash = if heir.is_some() {
        "flash-position-removed-kept"
    } else {
        "flash-position-removed"
    };
    Ok(Done::redirect(back(scope, "positions"), flash)
        .audit(Event::new(
            Action::PositionChanged(scope.id),
            Some(party),
            serde_json::json!({ "removed": item, "body": found.body, "passed_to": heir }),
        ))
        .into())
}

pub async fn share_position(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, item)): Path<(i64, i64)>,
    FormData(form): FormData<PartyChoice>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| {
        share_position_in(c, &scope, item, form)
    })
    .await
}

fn share_position_in(
    c: &mut Sql<'_>,
    scope: &ApproachScope,
    item: i64,
    form: PartyChoice,
) -> Result<Outcome, AppError> {
    let party = acting(scope, &form.party)?;
    let share = form.share != "no";
    let now = samenspel_store::now();
    ambition::share_position(c, scope.id, PositionItemId(item), party, share, now)?;
    let flash = if share {
        "flash-position-shared"
    } else {
        "flash-position-unshared"
    };
    Ok(Done::redirect(back(scope, "positions"), flash)
        .audit(Event::new(
            Action::PositionChanged(scope.id),
            Some(party),
            serde_json::json!({ "item": item, "shared": share }),
        ))
        .into())
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct AmbitionForm {
    pub ambition: String,
    /// The version the writer started from.
    pub version: String,
}

pub async fn save_ambition(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    FormData(form): FormData<AmbitionForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, _| save_ambition_in(c, &scope, form)).await
}

fn save_ambition_in(
    c: &mut Sql<'_>,
    scope: &ApproachScope,
    form: AmbitionForm,
) -> Result<Outcome, AppError> {
    let mut errors = FormErrors::default();
    let text = errors.check(
        "ambition",
        required_text(
            &form.ambition,
            4000,
            "error-ambition-required",
            "error-ambition-long",
        ),
    );
    let version = form.version.trim().parse::<i64>().ok();
    if version.is_none() {
        errors.add("ambition", "error-ambition-changed");
    }
    let forms = |form: AmbitionForm, errors: FormErrors| Forms {
        ambition: form,
        ambition_errors: errors,
        ..Forms::default()
    };
    let (Some(text), Some(version)) = (text, version) else {
        return Ok(refuse(scope, forms(form, errors)));
    };
    let now = samenspel_store::now();
    let new_version = match ambition::set_ambition(c, scope.id, &text, version, now) {
        Ok(v) => v,
        Err(StoreError::Refused(key)) => {
            errors.add("ambition", key);
            return Ok(refuse(scope, forms(form, errors)));
        }
        Err(other) => return Err(other.into()),
    };
    Ok(
        Done::redirect(back(scope, "ambition"), "flash-ambition-saved")
            .audit(Event::new(
                Action::AmbitionChanged(scope.id),
                scope.acting_for(None),
                serde_json::json!({ "version": new_version }),
            ))
            .into(),
    )
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct AgreeForm {
    pub party: String,
    pub version: String,
}

pub async fn agree(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    FormData(form): FormData<AgreeForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        agree_in(c, state, ctx, &scope, form)
    })
    .await
}

fn agree_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    form: AgreeForm,
) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    let ws = Workspace::load_in(c, state, scope)?;
    let party = acting(scope, &form.party)?;
    // Agreeing is to the text the reader saw; if it changed since, they must read it again.
    let version = form.version.trim().parse::<i64>().ok();
    if version != Some(ws.approach.ambition_version) || ws.approach.ambition.is_empty() {
        return Err(AppError::Conflict("error-ambition-changed"));
    }
    let now = samenspel_store::now();
    ambition::agree(c, scope.id, party, ws.approach.ambition_version, user, now)?;
    let changes = serde_json::json!({
        "version": ws.approach.ambition_version, "party_name": ws.party_name(party),
    });
    Ok(
        Done::redirect(back(scope, "ambition"), "flash-ambition-agreed")
            .audit(Event::new(
                Action::AmbitionAgreed(scope.id),
                Some(party),
                changes,
            ))
            .into(),
    )
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct GoalForm {
    pub horizon: String,
    pub title: String,
    pub indicator: String,
    pub target_value: String,
    pub target_date: String,
    pub owner: String,
}

pub async fn add_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    FormData(form): FormData<GoalForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, ctx| {
        add_goal_in(c, state, ctx, &scope, form)
    })
    .await
}

/// The goal a form describes, or the form's errors. A new goal's target date may not have
/// passed; an edited goal may keep the date it had.
fn goal_of(
    ws: &Workspace,
    form: &GoalForm,
    earlier_date: Option<time::Date>,
) -> Result<ambition::NewGoal, FormErrors> {
    let mut errors = FormErrors::default();
    let horizon = errors.check("horizon", Horizon::parse(&form.horizon));
    let title = errors.check(
        "title",
        required_line(
            &form.title,
            200,
            "error-goal-title-required",
            "error-goal-title-long",
        ),
    );
    let indicator = errors.check(
        "indicator",
        optional_line(&form.indicator, 200, "error-goal-indicator-long"),
    );
    let target_value = errors.check(
        "target_value",
        optional_line(&form.target_value, 100, "error-goal-target-value-long"),
    );
    let target_date = errors.check("target_date", optional_date(&form.target_date));
    if let Some(Some(day)) = target_date
        && day < crate::format::today()
        && Some(day) != earlier_date
    {
        errors.add("target_date", "error-goal-target-past");
    }
    let owner = match form.owner.trim() {
        "" => Some(None),
        s => match parse_org(s).filter(|o| ws.is_current_party(*o)) {
            Some(o) => Some(Some(o)),
            None => {
                errors.add("owner", "error-party-organisation");
                None
            }
        },
    };
    match (horizon, title, indicator, target_value, target_date, owner) {
        (
            Some(horizon),
            Some(title),
            Some(indicator),
            Some(target_value),
            Some(target_date),
            Some(owner),
        ) if errors.is_empty() => Ok(ambition::NewGoal {
            horizon,
            title,
            indicator,
            target_value,
            target_date,
            owner,
        }),
        _ => Err(errors),
    }
}

fn add_goal_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    form: GoalForm,
) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    let ws = Workspace::load_in(c, state, scope)?;
    let goal = match goal_of(&ws, &form, None) {
        Ok(goal) => goal,
        Err(errors) => {
            let forms = Forms {
                goal: form,
                goal_errors: errors,
                ..Forms::default()
            };
            return Ok(refuse(scope, forms));
        }
    };
    let now = samenspel_store::now();
    let id = ambition::add_goal(c, scope.id, &goal, user, now)?;
    let changes = serde_json::json!({
        "goal": id, "title": goal.title, "horizon": goal.horizon.as_str(),
    });
    Ok(Done::redirect(back(scope, "goals"), "flash-goal-added")
        .audit(Event::new(
            Action::GoalChanged(scope.id),
            scope.acting_for(None),
            changes,
        ))
        .into())
}

impl GoalForm {
    fn of(goal: &GoalRow) -> Self {
        GoalForm {
            horizon: goal.horizon.clone(),
            title: goal.title.clone(),
            indicator: goal.indicator.clone(),
            target_value: goal.target_value.clone(),
            target_date: goal.target_date.map(|d| d.to_string()).unwrap_or_default(),
            owner: goal.owner_id.map(|o| o.to_string()).unwrap_or_default(),
        }
    }
}

#[derive(Template)]
#[template(path = "approaches/goal.html")]
struct GoalEditView<'a> {
    ctx: &'a Ctx,
    ws: Workspace,
    goal: GoalRow,
    goal_form: GoalForm,
    goal_errors: FormErrors,
    all_horizons: &'static [Horizon],
    can_manage: bool,
}

fn render_goal_edit(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    scope: &ApproachScope,
    goal: GoalId,
    form: Option<(GoalForm, FormErrors)>,
) -> Result<Response, AppError> {
    let ws = Workspace::load_in(c, state, scope)?;
    let goal = ambition::goal(c, scope.id, goal)?
        .filter(|g| g.removed_at.is_none())
        .ok_or(AppError::NotFound)?;
    let (goal_form, goal_errors) =
        form.unwrap_or_else(|| (GoalForm::of(&goal), FormErrors::default()));
    let refused = !goal_errors.is_empty();
    let view = GoalEditView {
        ctx,
        ws,
        goal,
        goal_form,
        goal_errors,
        all_horizons: Horizon::ALL,
        can_manage: scope.standing.allows(ApproachPermission::Manage),
    };
    Ok(render_or_refuse(&view, refused))
}

/// The form that changes a goal: its title, horizon, indicator, target and owner.
pub async fn edit_goal_page(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, goal)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| render_goal_edit(c, &state, &ctx, &scope, GoalId(goal), None))
        .await
}

pub async fn edit_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, goal)): Path<(i64, i64)>,
    FormData(form): FormData<GoalForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, state, _| {
        edit_goal_in(c, state, &scope, GoalId(goal), form)
    })
    .await
}

fn edit_goal_in(
    c: &mut Sql<'_>,
    state: &AppState,
    scope: &ApproachScope,
    id: GoalId,
    form: GoalForm,
) -> Result<Outcome, AppError> {
    let before = ambition::goal(c, scope.id, id)?
        .filter(|g| g.removed_at.is_none())
        .ok_or(AppError::NotFound)?;
    let ws = Workspace::load_in(c, state, scope)?;
    let goal = match goal_of(&ws, &form, before.target_date) {
        Ok(goal) => goal,
        Err(errors) => {
            let scope = scope.clone();
            return Ok(Outcome::refused(move |c, state, ctx| {
                render_goal_edit(c, state, ctx, &scope, id, Some((form, errors)))
            }));
        }
    };
    ambition::edit_goal(c, scope.id, id, &goal)?;
    let after = GoalForm::of(&ambition::goal(c, scope.id, id)?.ok_or(AppError::NotFound)?);
    let earlier = GoalForm::of(&before);
    let mut changes = crate::audit::changed(&[
        ("horizon", &earlier.horizon, &after.horizon),
        ("title", &earlier.title, &after.title),
        ("indicator", &earlier.indicator, &after.indicator),
        ("target_value", &earlier.target_value, &after.target_value),
        ("target_date", &earlier.target_date, &after.target_date),
        ("owner", &earlier.owner, &after.owner),
    ]);
    changes["goal"] = serde_json::json!(id);
    changes["goal_change"] = serde_json::json!("edited");
    Ok(Done::redirect(back(scope, "goals"), "flash-goal-saved")
        .audit(Event::new(
            Action::GoalChanged(scope.id),
            scope.acting_for(None),
            changes,
        ))
        .into())
}

/// Sets a goal aside, after asking: it leaves the list, its progress reports stay, and it can
/// be put back.
pub async fn remove_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, goal)): Path<(i64, i64)>,
    FormData(form): FormData<Confirmation>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| {
        set_aside_in(c, ctx, &scope, GoalId(goal), Some(form))
    })
    .await
}

/// Puts a goal that was set aside back in the list.
pub async fn restore_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, goal)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| {
        set_aside_in(c, ctx, &scope, GoalId(goal), None)
    })
    .await
}

/// Removes (`removing` is the form that asked for it) or restores (`None`) a goal.
fn set_aside_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    id: GoalId,
    removing: Option<Confirmation>,
) -> Result<Outcome, AppError> {
    let goal = ambition::goal(c, scope.id, id)?.ok_or(AppError::NotFound)?;
    let removed = goal.removed_at.is_some();
    if removing.is_some() == removed {
        // Already as asked: nothing to do, and nothing to record.
        return Ok(Done::see(back(scope, "goals")).into());
    }
    if let Some(form) = &removing
        && !form.given()
    {
        return Ok(AskFirst {
            title: ctx.t1("confirm-remove-goal-title", "title", &goal.title),
            what: ctx.t("confirm-remove-goal-what"),
            button: ctx.t("goal-remove"),
            action: format!("/approaches/{}/goals/{id}/remove", scope.id),
            fields: Vec::new(),
            back: format!("/approaches/{}/goals/{id}/edit", scope.id),
        }
        .outcome());
    }
    let now = samenspel_store::now();
    let (at, flash, word) = if removing.is_some() {
        (Some(now), "flash-goal-removed", "removed")
    } else {
        (None, "flash-goal-restored", "restored")
    };
    ambition::set_goal_removed(c, scope.id, id, at)?;
    let changes = serde_json::json!({ "goal": id, "title": goal.title, "goal_change": word });
    Ok(Done::redirect(back(scope, "goals"), flash)
        .audit(Event::new(
            Action::GoalChanged(scope.id),
            scope.acting_for(None),
            changes,
        ))
        .into())
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ProgressForm {
    pub party: String,
    pub value: String,
    pub note: String,
    pub achieved: String,
}

pub async fn update_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, goal)): Path<(i64, i64)>,
    FormData(form): FormData<ProgressForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| {
        update_goal_in(c, ctx, &scope, GoalId(goal), form)
    })
    .await
}

fn update_goal_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    goal: GoalId,
    form: ProgressForm,
) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    let mut errors = FormErrors::default();
    let target = ambition::target_value(c, scope.id, goal)?.ok_or(AppError::NotFound)?;
    let value = errors.check("value", goal_value(&form.value, &target));
    let note = errors.check(
        "note",
        optional_text(&form.note, 2000, "error-goal-note-long"),
    );
    let (Some(value), Some(note)) = (value, note) else {
        let forms = Forms {
            progress_goal: Some(goal),
            progress: form,
            progress_errors: errors,
            ..Forms::default()
        };
        return Ok(refuse(scope, forms));
    };
    let party = Some(acting(scope, &form.party)?);
    let update = ambition::GoalUpdate {
        value: &value,
        note: &note,
        achieved: form.achieved == "on",
        user,
        organisation: party,
    };
    let now = samenspel_store::now();
    ambition::update_goal(c, scope.id, goal, &update, now)?;
    let changes = serde_json::json!({ "goal": goal, "value": value, "achieved": update.achieved });
    Ok(Done::redirect(back(scope, "goals"), "flash-goal-progress")
        .audit(Event::new(Action::GoalChanged(scope.id), party, changes))
        .into())
}
