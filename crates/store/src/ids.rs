//! Typed ids, so that a user id can never be passed where an organisation id is meant.

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, sqlx::Type,
                 serde::Serialize, serde::Deserialize)]
        #[sqlx(transparent)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    UserId,
    OrgId,
    MembershipId,
    InvitationId,
    AuditEventId,
    AreaId,
    ProjectId,
    JobId,
    PackId,
    ApproachId,
    SubprojectId,
    PartyId,
    NeedId,
    PositionItemId,
    GoalId,
    EntryId,
);
