//! Typed ids, so that a user id can never be passed where an organisation id is meant.

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $crate::sql::FromCell for $name {
            fn from_cell(cell: $crate::sql::Cell<'_>) -> Option<Self> {
                <i64 as $crate::sql::FromCell>::from_cell(cell).map($name)
            }
        }

        impl From<$name> for $crate::sql::Value<'_> {
            fn from(id: $name) -> Self {
                $crate::sql::Value::Int(id.0)
            }
        }

        impl $crate::sql::Typed for $name {
            const KIND: $crate::sql::Kind = $crate::sql::Kind::Int;
        }

        impl From<&$name> for $crate::sql::Value<'_> {
            fn from(id: &$name) -> Self {
                $crate::sql::Value::Int(id.0)
            }
        }

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
