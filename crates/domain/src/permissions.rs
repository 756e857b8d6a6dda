//! Who may do what. Deny by default: a permission is granted only where this table says so,
//! and every route in the web layer names the permission it needs.

use crate::organisations::{OrgKind, OrgRole};

/// Something a person may be allowed to do within, or towards, one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// See the organisation, its members and their roles.
    ViewOrganisation,
    /// Invite people, change roles, remove members, withdraw invitations.
    ManageMembers,
    /// Leave the organisation (only someone who is a member can).
    LeaveOrganisation,
    /// See a municipality's districts and neighbourhoods.
    ViewAreas,
    /// Add, rename and import a municipality's areas, and set its CBS code.
    ManageAreas,
    /// See a municipality's initiative registry.
    ViewRegistry,
    /// Map an initiative that has no account yet into a municipality's registry.
    MapInitiative,
    /// Choose which facilitator organisations work in the municipality.
    ManageFacilitators,
    /// See an initiative's profile.
    ViewProfile,
    /// Change an initiative's profile.
    EditProfile,
    /// Mark an initiative's profile as checked, for the municipality or a facilitator.
    VerifyProfile,
    /// Invite the people of a mapped initiative to take over its profile.
    InviteClaimant,
    /// See a municipality's approaches (wijkaanpakken) and start a new one.
    ManageApproaches,
}

impl Permission {
    pub const ALL: [Permission; 13] = [
        Permission::ViewOrganisation,
        Permission::ManageMembers,
        Permission::LeaveOrganisation,
        Permission::ViewAreas,
        Permission::ManageAreas,
        Permission::ViewRegistry,
        Permission::MapInitiative,
        Permission::ManageFacilitators,
        Permission::ViewProfile,
        Permission::EditProfile,
        Permission::VerifyProfile,
        Permission::InviteClaimant,
        Permission::ManageApproaches,
    ];
}

/// What a person is, seen from one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// The kind of the organisation.
    pub kind: OrgKind,
    /// A municipality someone added is not verified until a platform administrator says so;
    /// until then it keeps no areas, maps no initiatives, runs no approaches and asks no
    /// facilitators in. Every other organisation is verified.
    pub verified: bool,
    /// Their active role in the organisation, if they are a member.
    pub role: Option<OrgRole>,
    /// Platform administrators see every organisation, but do not act inside one unless they are
    /// also a member of it.
    pub platform_admin: bool,
    /// For an initiative: they are a member of the municipality whose registry lists it.
    pub municipal: bool,
    /// They are a member of a facilitator organisation that works in the municipality (for an
    /// initiative: in the municipality whose registry lists it).
    pub facilitating: bool,
    /// For an initiative: its profile is public.
    pub public_profile: bool,
    /// For an initiative: it has members of its own, who then own its profile.
    pub claimed: bool,
}

impl Standing {
    /// A standing with nothing but a kind and a role; the other facts default to false.
    pub fn new(kind: OrgKind, role: Option<OrgRole>) -> Self {
        Standing {
            kind,
            verified: true,
            role,
            platform_admin: false,
            municipal: false,
            facilitating: false,
            public_profile: false,
            claimed: false,
        }
    }

    pub fn allows(self, permission: Permission) -> bool {
        use OrgKind::{Initiative, Municipality};
        let member = self.role.is_some();
        let steward = self.municipal || self.facilitating;
        match permission {
            Permission::ViewOrganisation => member || self.platform_admin,
            Permission::ManageMembers => self.role == Some(OrgRole::Admin),
            Permission::LeaveOrganisation => member,
            Permission::ViewAreas | Permission::ViewRegistry => {
                self.kind == Municipality && (member || self.facilitating || self.platform_admin)
            }
            Permission::ManageAreas | Permission::ManageApproaches => {
                self.kind == Municipality && self.verified && member
            }
            Permission::MapInitiative => {
                self.kind == Municipality && self.verified && (member || self.facilitating)
            }
            Permission::ManageFacilitators => {
                self.kind == Municipality && self.verified && self.role == Some(OrgRole::Admin)
            }
            Permission::ViewProfile => {
                self.kind == Initiative
                    && (member || steward || self.public_profile || self.platform_admin)
            }
            Permission::EditProfile => {
                self.kind == Initiative && (member || (!self.claimed && steward))
            }
            Permission::VerifyProfile => self.kind == Initiative && steward,
            Permission::InviteClaimant => self.kind == Initiative && !self.claimed && steward,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(kind: OrgKind, role: Option<OrgRole>) -> Standing {
        Standing::new(kind, role)
    }

    #[test]
    fn outsiders_get_nothing() {
        for kind in OrgKind::ALL {
            for p in Permission::ALL {
                assert!(!standing(kind, None).allows(p), "{kind:?} {p:?}");
            }
        }
    }

    #[test]
    fn members_view_and_leave_but_do_not_manage() {
        let member = standing(OrgKind::Partner, Some(OrgRole::Member));
        assert!(member.allows(Permission::ViewOrganisation));
        assert!(member.allows(Permission::LeaveOrganisation));
        assert!(!member.allows(Permission::ManageMembers));
    }

    #[test]
    fn municipality_members_keep_areas_and_registry() {
        let member = standing(OrgKind::Municipality, Some(OrgRole::Member));
        for p in [
            Permission::ViewAreas,
            Permission::ManageAreas,
            Permission::ViewRegistry,
            Permission::MapInitiative,
        ] {
            assert!(member.allows(p), "{p:?}");
        }
        assert!(!member.allows(Permission::ManageFacilitators));
        let admin = standing(OrgKind::Municipality, Some(OrgRole::Admin));
        assert!(admin.allows(Permission::ManageFacilitators));
        // The same role in another kind of organisation grants none of it.
        let partner = standing(OrgKind::Partner, Some(OrgRole::Admin));
        assert!(!partner.allows(Permission::ViewRegistry));
        assert!(!partner.allows(Permission::ManageAreas));
    }

    #[test]
    fn a_municipality_waiting_for_verification_keeps_no_areas_and_runs_nothing() {
        let pending = Standing {
            verified: false,
            ..standing(OrgKind::Municipality, Some(OrgRole::Admin))
        };
        for p in [
            Permission::ManageAreas,
            Permission::ManageApproaches,
            Permission::MapInitiative,
            Permission::ManageFacilitators,
        ] {
            assert!(!pending.allows(p), "{p:?}");
        }
        assert!(pending.allows(Permission::ViewOrganisation));
        assert!(pending.allows(Permission::ManageMembers));
    }

    #[test]
    fn facilitators_working_there_see_and_map_but_do_not_manage_areas() {
        let facilitator = Standing {
            facilitating: true,
            ..standing(OrgKind::Municipality, None)
        };
        assert!(facilitator.allows(Permission::ViewRegistry));
        assert!(facilitator.allows(Permission::MapInitiative));
        assert!(facilitator.allows(Permission::ViewAreas));
        assert!(!facilitator.allows(Permission::ManageAreas));
        assert!(!facilitator.allows(Permission::ViewOrganisation));
    }

    #[test]
    fn a_claimed_profile_belongs_to_the_initiative() {
        let unclaimed = Standing {
            municipal: true,
            ..standing(OrgKind::Initiative, None)
        };
        assert!(unclaimed.allows(Permission::EditProfile));
        assert!(unclaimed.allows(Permission::InviteClaimant));
        assert!(unclaimed.allows(Permission::VerifyProfile));
        let claimed = Standing {
            claimed: true,
            ..unclaimed
        };
        assert!(!claimed.allows(Permission::EditProfile));
        assert!(!claimed.allows(Permission::InviteClaimant));
        assert!(claimed.allows(Permission::VerifyProfile));
        assert!(claimed.allows(Permission::ViewProfile));
        let own = Standing {
            claimed: true,
            ..standing(OrgKind::Initiative, Some(OrgRole::Member))
        };
        assert!(own.allows(Permission::EditProfile));
        assert!(!own.allows(Permission::VerifyProfile));
    }

    #[test]
    fn public_profiles_are_seen_by_anyone_private_ones_not() {
        let public = Standing {
            public_profile: true,
            ..standing(OrgKind::Initiative, None)
        };
        assert!(public.allows(Permission::ViewProfile));
        assert!(!public.allows(Permission::EditProfile));
        assert!(!standing(OrgKind::Initiative, None).allows(Permission::ViewProfile));
    }

    #[test]
    fn platform_admins_only_look() {
        for kind in OrgKind::ALL {
            let platform = Standing {
                platform_admin: true,
                ..standing(kind, None)
            };
            assert!(platform.allows(Permission::ViewOrganisation));
            for p in [
                Permission::ManageMembers,
                Permission::LeaveOrganisation,
                Permission::ManageAreas,
                Permission::MapInitiative,
                Permission::EditProfile,
                Permission::VerifyProfile,
            ] {
                assert!(!platform.allows(p), "{kind:?} {p:?}");
            }
        }
    }
}

/// Something a person may be allowed to do in one approach (wijkaanpak).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApproachPermission {
    /// See the project page, the kompas, the parties, positions and goals.
    View,
    /// Change the approach itself: name, areas, contact point, the municipality's role,
    /// intensity, phase, status, parties, sub-projects and the method version.
    Manage,
    /// Move knooppunten, choose their lead and involved parties, set goals and the shared
    /// ambition.
    Work,
    /// Add notes, say what a party needs from another, write one's own party's position and
    /// perspective, report progress on a goal.
    Contribute,
}

impl ApproachPermission {
    pub const ALL: [ApproachPermission; 4] = [
        ApproachPermission::View,
        ApproachPermission::Manage,
        ApproachPermission::Work,
        ApproachPermission::Contribute,
    ];
}

/// What a person is, seen from one approach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ApproachStanding {
    /// Their role in the municipality that runs the approach, if they are a member of it.
    pub municipal: Option<OrgRole>,
    /// They are a member of an organisation that is a party today.
    pub party: bool,
    /// One of those parties does the work (project team, sub-team, executor), rather than
    /// advising.
    pub working_party: bool,
}

impl ApproachStanding {
    pub fn allows(self, permission: ApproachPermission) -> bool {
        let municipal = self.municipal.is_some();
        match permission {
            ApproachPermission::View | ApproachPermission::Contribute => municipal || self.party,
            ApproachPermission::Manage => municipal,
            ApproachPermission::Work => municipal || self.working_party,
        }
    }
}

#[cfg(test)]
mod approach_tests {
    use super::*;
    use ApproachPermission::*;

    #[test]
    fn approach_rights_follow_the_party() {
        let outsider = ApproachStanding::default();
        for p in ApproachPermission::ALL {
            assert!(!outsider.allows(p));
        }
        let municipal = ApproachStanding {
            municipal: Some(OrgRole::Member),
            ..outsider
        };
        for p in ApproachPermission::ALL {
            assert!(municipal.allows(p));
        }
        let adviser = ApproachStanding {
            party: true,
            ..outsider
        };
        assert!(adviser.allows(View) && adviser.allows(Contribute));
        assert!(!adviser.allows(Work) && !adviser.allows(Manage));
        let worker = ApproachStanding {
            party: true,
            working_party: true,
            ..outsider
        };
        assert!(worker.allows(Work));
        assert!(!worker.allows(Manage));
    }
}
