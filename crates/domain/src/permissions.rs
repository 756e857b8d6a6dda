//! Who may do what. Deny by default: a permission is granted only where this table says so,
//! and every route in the web layer names the permission it needs.

use crate::organisations::OrgRole;

/// Something a person may be allowed to do within one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// See the organisation, its members and their roles.
    ViewOrganisation,
    /// Invite people, change roles, remove members, withdraw invitations.
    ManageMembers,
    /// Leave the organisation (only someone who is a member can).
    LeaveOrganisation,
}

impl Permission {
    pub const ALL: [Permission; 3] = [
        Permission::ViewOrganisation,
        Permission::ManageMembers,
        Permission::LeaveOrganisation,
    ];
}

/// What a person is, seen from one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// Their active role in the organisation, if they are a member.
    pub role: Option<OrgRole>,
    /// Platform administrators see every organisation, but do not act inside one unless they are
    /// also a member of it.
    pub platform_admin: bool,
}

impl Standing {
    pub fn allows(self, permission: Permission) -> bool {
        match (permission, self.role) {
            (Permission::ViewOrganisation, Some(_)) => true,
            (Permission::ViewOrganisation, None) => self.platform_admin,
            (Permission::ManageMembers, Some(OrgRole::Admin)) => true,
            (Permission::ManageMembers, _) => false,
            (Permission::LeaveOrganisation, role) => role.is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(role: Option<OrgRole>, platform_admin: bool) -> Standing {
        Standing {
            role,
            platform_admin,
        }
    }

    #[test]
    fn outsiders_get_nothing() {
        for p in Permission::ALL {
            assert!(!standing(None, false).allows(p), "{p:?}");
        }
    }

    #[test]
    fn members_view_and_leave_but_do_not_manage() {
        let member = standing(Some(OrgRole::Member), false);
        assert!(member.allows(Permission::ViewOrganisation));
        assert!(member.allows(Permission::LeaveOrganisation));
        assert!(!member.allows(Permission::ManageMembers));
    }

    #[test]
    fn admins_manage() {
        let admin = standing(Some(OrgRole::Admin), false);
        assert!(Permission::ALL.into_iter().all(|p| admin.allows(p)));
    }

    #[test]
    fn platform_admins_only_look() {
        let platform = standing(None, true);
        assert!(platform.allows(Permission::ViewOrganisation));
        assert!(!platform.allows(Permission::ManageMembers));
        assert!(!platform.allows(Permission::LeaveOrganisation));
    }
}
