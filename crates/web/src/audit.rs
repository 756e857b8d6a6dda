//! What people do, as typed events: every action the audit log knows, each with the kind of
//! thing it was done to. A handler describes its change with an [`Event`] and the change's
//! unit of work ([`crate::change`]) records it in the same transaction. The actor and their
//! address come from the request's [`Ctx`]. The audit page itself lives in `admin`.

use crate::http::Ctx;
use samenspel_store::sql::Sql;
use samenspel_store::{
    ApproachId, AreaId, EntryId, InvitationId, MembershipId, OrgId, ProjectId, UserId, audit,
};

/// The kind of thing an action is done to, as the audit log names it.
pub trait Subject: Copy {
    const KIND: &'static str;
    fn id(self) -> Option<i64>;
}

macro_rules! subjects {
    ($($ty:ty => $kind:literal),* $(,)?) => {$(
        impl Subject for $ty {
            const KIND: &'static str = $kind;
            fn id(self) -> Option<i64> {
                Some(self.0)
            }
        }
    )*};
}

subjects!(
    UserId => "user",
    OrgId => "organisation",
    ApproachId => "approach",
    AreaId => "area",
    InvitationId => "invitation",
    MembershipId => "membership",
    ProjectId => "initiative_project",
    EntryId => "log_entry",
);

/// A subject that may not be known (a login attempt for an address nobody has).
impl<T: Subject> Subject for Option<T> {
    const KIND: &'static str = T::KIND;
    fn id(self) -> Option<i64> {
        self.and_then(Subject::id)
    }
}

/// A request refused before it reached a handler; the changes say which path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request;

impl Subject for Request {
    const KIND: &'static str = "request";
    fn id(self) -> Option<i64> {
        None
    }
}

macro_rules! actions {
    ($($variant:ident($subject:ty) = $name:literal,)*) => {
        /// Everything the audit log records, with what it was done to.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Action {
            $($variant($subject),)*
        }

        impl Action {
            /// The names of all actions, in the order the audit page offers them as a filter;
            /// each has a label `audit-<action>` in the locales.
            pub const NAMES: &[&str] = &[$($name,)*];

            /// The name the audit log stores, such as `approach.updated`.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Action::$variant(_) => $name,)*
                }
            }

            /// The kind and id of what the action was done to.
            pub fn subject(&self) -> (&'static str, Option<i64>) {
                match self {
                    $(Action::$variant(subject) => (<$subject as Subject>::KIND, subject.id()),)*
                }
            }
        }
    };
}

actions! {
    UserRegistered(UserId) = "user.registered",
    UserRegistrationOnTakenAddress(UserId) = "user.registration_on_taken_address",
    UserLogin(UserId) = "user.login",
    UserLoginFailed(Option<UserId>) = "user.login_failed",
    UserLoginLocked(Option<UserId>) = "user.login_locked",
    UserLoginThrottled(Option<UserId>) = "user.login_throttled",
    UserLoginCodeFailed(UserId) = "user.login_code_failed",
    UserTwoFactorStarted(UserId) = "user.two_factor_started",
    UserTwoFactorEnabled(UserId) = "user.two_factor_enabled",
    UserTwoFactorDisabled(UserId) = "user.two_factor_disabled",
    UserLogout(UserId) = "user.logout",
    UserProfileChanged(UserId) = "user.profile_changed",
    UserPasswordChanged(UserId) = "user.password_changed",
    UserPasswordResetRequested(UserId) = "user.password_reset_requested",
    UserPasswordReset(UserId) = "user.password_reset",
    UserCreatedByAdmin(UserId) = "user.created_by_admin",
    UserBlocked(UserId) = "user.blocked",
    UserUnblocked(UserId) = "user.unblocked",
    UserSessionsEnded(UserId) = "user.sessions_ended",
    UserLockoutLifted(UserId) = "user.lockout_lifted",
    UserTwoFactorReset(UserId) = "user.two_factor_reset",
    UserMadeAdmin(UserId) = "user.made_admin",
    UserUnmadeAdmin(UserId) = "user.unmade_admin",
    OrganisationCreated(OrgId) = "organisation.created",
    OrganisationRenamed(OrgId) = "organisation.renamed",
    OrganisationAdminAppointed(UserId) = "organisation.admin_appointed",
    OrganisationDeleted(OrgId) = "organisation.deleted",
    OrganisationTwoFactorRequired(OrgId) = "organisation.two_factor_required",
    InvitationCreated(InvitationId) = "invitation.created",
    InvitationRevoked(InvitationId) = "invitation.revoked",
    MembershipJoined(MembershipId) = "membership.joined",
    MembershipRoleChanged(MembershipId) = "membership.role_changed",
    MembershipRemoved(MembershipId) = "membership.removed",
    MembershipLeft(MembershipId) = "membership.left",
    CsrfRejected(Request) = "security.csrf_rejected",
    CrossSiteRefused(Request) = "security.cross_site_refused",
    MunicipalityCodeSet(OrgId) = "municipality.code_set",
    MunicipalityVerified(OrgId) = "municipality.verified",
    MunicipalityRejected(OrgId) = "municipality.rejected",
    FacilitatorAdded(OrgId) = "municipality.facilitator_added",
    FacilitatorRequested(OrgId) = "municipality.facilitator_requested",
    FacilitatorRemoved(OrgId) = "municipality.facilitator_removed",
    AreaCreated(Option<AreaId>) = "area.created",
    AreaRenamed(AreaId) = "area.renamed",
    AreasImported(Option<OrgId>) = "areas.imported",
    InitiativeMapped(OrgId) = "initiative.mapped",
    InitiativeProfileCreated(OrgId) = "initiative.profile_created",
    InitiativeProfileUpdated(OrgId) = "initiative.profile_updated",
    InitiativeVerified(OrgId) = "initiative.verified",
    InitiativeProjectAdded(ProjectId) = "initiative.project_added",
    InitiativeProjectRemoved(ProjectId) = "initiative.project_removed",
    ApproachCreated(ApproachId) = "approach.created",
    ApproachUpdated(ApproachId) = "approach.updated",
    ApproachStatusChanged(ApproachId) = "approach.status_changed",
    ApproachMethodMoved(ApproachId) = "approach.method_moved",
    PartyAdded(ApproachId) = "approach.party_added",
    PartyRequested(ApproachId) = "approach.party_requested",
    ConsentAccepted(OrgId) = "consent.accepted",
    ConsentDeclined(OrgId) = "consent.declined",
    PartyChanged(ApproachId) = "approach.party_changed",
    SubprojectAdded(ApproachId) = "approach.subproject_added",
    SubprojectChanged(ApproachId) = "approach.subproject_changed",
    NodeMoved(ApproachId) = "approach.node_moved",
    NodeParties(ApproachId) = "approach.node_parties",
    NodeNeed(ApproachId) = "approach.node_need",
    NodeNote(ApproachId) = "approach.node_note",
    PerspectiveSaved(ApproachId) = "approach.perspective_saved",
    PositionChanged(ApproachId) = "approach.position_changed",
    AmbitionChanged(ApproachId) = "approach.ambition_changed",
    AmbitionAgreed(ApproachId) = "approach.ambition_agreed",
    GoalChanged(ApproachId) = "approach.goal_changed",
    PublicPage(ApproachId) = "approach.public_page",
    LogEntryAdded(EntryId) = "logbook.entry_added",
    LogEntryChanged(EntryId) = "logbook.entry_changed",
    LogActionMoved(EntryId) = "logbook.action_moved",
}

/// One thing done: the action with its subject, the organisation it happened in, and what
/// changed. The actor is the request's person unless [`Event::by`] says otherwise.
#[derive(Debug, Clone)]
pub struct Event {
    pub action: Action,
    pub organisation: Option<OrgId>,
    pub changes: serde_json::Value,
    actor: Option<Option<UserId>>,
}

impl Event {
    pub fn new(action: Action, organisation: Option<OrgId>, changes: serde_json::Value) -> Self {
        Event {
            action,
            organisation,
            changes,
            actor: None,
        }
    }

    /// The event's actor when it is not the request's person: someone who is becoming the
    /// actor (registering, logging in), or nobody.
    pub fn by(mut self, actor: Option<UserId>) -> Self {
        self.actor = Some(actor);
        self
    }
}

/// Records `event` in the transaction of the change it describes.
pub fn record(c: &mut Sql<'_>, ctx: &Ctx, event: Event) -> samenspel_store::Result<()> {
    let actor = event
        .actor
        .unwrap_or_else(|| ctx.user.as_ref().map(|u| u.id));
    let ip = ctx.ip_text();
    let (subject_kind, subject_id) = event.action.subject();
    let stored = audit::NewEvent {
        actor,
        ip: ip.as_deref(),
        action: event.action.name(),
        subject_kind,
        subject_id,
        organisation: event.organisation,
        changes: event.changes,
    };
    audit::record(c, &stored, samenspel_store::now())
}

/// `{"field": [old, new]}` for each field whose value changed.
pub fn changed(fields: &[(&str, &str, &str)]) -> serde_json::Value {
    let map = fields
        .iter()
        .filter(|(_, old, new)| old != new)
        .map(|(name, old, new)| ((*name).to_owned(), serde_json::json!([old, new])))
        .collect::<serde_json::Map<_, _>>();
    serde_json::Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_name_and_its_subject() {
        let mut names = Action::NAMES.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::NAMES.len(), "a name is used twice");
        assert_eq!(
            Action::ApproachUpdated(ApproachId(7)).subject(),
            ("approach", Some(7))
        );
        assert_eq!(Action::UserLoginThrottled(None).subject(), ("user", None));
        assert_eq!(
            Action::CsrfRejected(Request).name(),
            "security.csrf_rejected"
        );
    }
}
