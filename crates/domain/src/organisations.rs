//! Organisations: the four kinds, their names, and the roles a member can have.

use crate::Invalid;

/// The four kinds of organisation that work together in Samenspel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgKind {
    /// gemeente
    Municipality,
    /// bewonersinitiatief
    Initiative,
    /// partner: housing corporation, grid operator, heat company, advisory firm, …
    Partner,
    /// begeleider: a support organisation whose facilitators guide initiatives
    Facilitator,
}

impl OrgKind {
    pub const ALL: [OrgKind; 4] = [
        OrgKind::Municipality,
        OrgKind::Initiative,
        OrgKind::Partner,
        OrgKind::Facilitator,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Municipality => "municipality",
            OrgKind::Initiative => "initiative",
            OrgKind::Partner => "partner",
            OrgKind::Facilitator => "facilitator",
        }
    }

    pub fn parse(input: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == input)
            .ok_or(Invalid::new("error-org-kind-invalid"))
    }
}

/// A member's role within one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgRole {
    /// Manages the organisation and its members. Every organisation has at least one.
    Admin,
    /// Takes part in the organisation's work.
    Member,
}

impl OrgRole {
    pub const ALL: [OrgRole; 2] = [OrgRole::Admin, OrgRole::Member];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgRole::Admin => "admin",
            OrgRole::Member => "member",
        }
    }

    pub fn parse(input: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == input)
            .ok_or(Invalid::new("error-role-invalid"))
    }
}

/// An organisation's name: trimmed, 2 to 150 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgName(String);

impl OrgName {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let name = input.trim();
        if name.is_empty() {
            return Err(Invalid::new("error-org-name-required"));
        }
        let chars = name.chars().count();
        if !(2..=150).contains(&chars) {
            return Err(Invalid::new("error-org-name-length"));
        }
        if name.chars().any(char::is_control) {
            return Err(Invalid::new("error-org-name-invalid"));
        }
        Ok(OrgName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Writes the key, as forms post it and the database keeps it.
impl std::fmt::Display for OrgKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Writes the key, as forms post it and the database keeps it.
impl std::fmt::Display for OrgRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_roles_round_trip() {
        for kind in OrgKind::ALL {
            assert_eq!(OrgKind::parse(kind.as_str()), Ok(kind));
        }
        for role in OrgRole::ALL {
            assert_eq!(OrgRole::parse(role.as_str()), Ok(role));
        }
        assert!(OrgKind::parse("club").is_err());
        assert!(OrgRole::parse("owner").is_err());
    }

    #[test]
    fn names() {
        assert_eq!(
            OrgName::parse(" Gemeente Zonnedal ").unwrap().as_str(),
            "Gemeente Zonnedal"
        );
        assert!(OrgName::parse("x").is_err());
        assert!(OrgName::parse("").is_err());
    }
}
