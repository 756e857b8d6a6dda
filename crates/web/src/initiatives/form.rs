//! The profile form: its fields as sent, checking them into a [`Profile`], and what the form
//! page needs to show them again (choices, areas, errors).

use crate::areas::DistrictRow;
use crate::forms::FormErrors;
use samenspel_domain::initiatives::{
    self, Character, CoreRole, LegalForm, Profile, SupportNeed, Theme,
};
use samenspel_store::AreaId;
use samenspel_store::initiatives::ProfileRow;
use serde::Deserialize;

/// The profile form as sent. Checkbox groups repeat their name, once per ticked box.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    /// Only when mapping a new initiative.
    pub name: String,
    /// The municipality whose registry lists the initiative (chosen by its own members).
    pub municipality: String,
    /// The municipality whose areas the form showed.
    pub areas_of: String,
    /// `yes` when the button that shows the chosen municipality's areas was pressed: the form
    /// comes back with them, nothing saved.
    pub show_areas: String,
    pub description: String,
    pub legal_form: String,
    pub character: String,
    pub volunteers: String,
    pub paid_staff: String,
    pub member_count: String,
    pub themes: Vec<String>,
    pub core_roles: Vec<String>,
    pub support: Vec<String>,
    pub support_note: String,
    pub does_not_do: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    pub founded_year: String,
    pub public: String,
    pub areas: Vec<String>,
}

impl ProfileForm {
    /// The form filled in from a stored profile.
    pub fn from_row(row: &ProfileRow, areas: &[AreaId]) -> Self {
        let on = |b: bool| if b { "on".to_owned() } else { String::new() };
        let words = |s: &str| s.split_whitespace().map(str::to_owned).collect();
        ProfileForm {
            name: row.name.clone(),
            municipality: row.municipality_id.to_string(),
            areas_of: row.municipality_id.to_string(),
            show_areas: String::new(),
            description: row.description.clone(),
            legal_form: row.legal_form.clone(),
            character: row.character.clone(),
            volunteers: on(row.has_volunteers),
            paid_staff: on(row.has_paid_staff),
            member_count: row.member_count.map(|n| n.to_string()).unwrap_or_default(),
            themes: words(&row.themes),
            core_roles: words(&row.core_roles),
            support: words(&row.support_needed),
            support_note: row.support_note.clone(),
            does_not_do: row.does_not_do.clone(),
            contact_name: row.contact_name.clone(),
            contact_email: row.contact_email.clone(),
            contact_phone: row.contact_phone.clone(),
            website: row.website.clone(),
            founded_year: row.founded_year.map(|n| n.to_string()).unwrap_or_default(),
            public: on(row.is_public),
            areas: areas.iter().map(|a| a.to_string()).collect(),
        }
    }

    /// Checks every field; errors are recorded per field.
    pub fn parse(&self, this_year: i32, errors: &mut FormErrors) -> Option<(Profile, Vec<AreaId>)> {
        let description = errors.check(
            "description",
            initiatives::text(&self.description, 2000, "error-description-long"),
        );
        let legal_form = errors.check("legal_form", LegalForm::parse(&self.legal_form));
        let character = errors.check("character", Character::parse(&self.character));
        let member_count = errors.check(
            "member_count",
            initiatives::optional_number(&self.member_count, 0..=1_000_000, "error-member-count"),
        );
        let themes = errors.check("themes", initiatives::themes(&self.themes));
        let core_roles = errors.check(
            "core_roles",
            initiatives::parse_set(&self.core_roles, CoreRole::parse),
        );
        let support = errors.check(
            "support",
            initiatives::parse_set(&self.support, SupportNeed::parse),
        );
        let support_note = errors.check(
            "support_note",
            initiatives::text(&self.support_note, 1000, "error-support-note-long"),
        );
        let does_not_do = errors.check(
            "does_not_do",
            initiatives::text(&self.does_not_do, 1000, "error-does-not-do-long"),
        );
        let contact_name = errors.check(
            "contact_name",
            initiatives::text(&self.contact_name, 100, "error-contact-name").and_then(|name| {
                samenspel_domain::approaches::optional_line(&name, 100, "error-contact-name")
            }),
        );
        let contact_email = errors.check(
            "contact_email",
            initiatives::optional_email(&self.contact_email),
        );
        let contact_phone = errors.check("contact_phone", initiatives::phone(&self.contact_phone));
        let website = errors.check("website", initiatives::website(&self.website));
        let founded_year = errors.check(
            "founded_year",
            initiatives::founded_year(&self.founded_year, this_year),
        );
        let areas: Option<Vec<AreaId>> = self
            .areas
            .iter()
            .filter(|a| !a.trim().is_empty())
            .map(|a| a.trim().parse::<i64>().map(AreaId))
            .collect::<Result<_, _>>()
            .ok();
        if areas.is_none() {
            errors.add("areas", "error-area-unknown");
        }
        Some((
            Profile {
                description: description?,
                legal_form: legal_form?,
                character: character?,
                has_volunteers: !self.volunteers.is_empty(),
                has_paid_staff: !self.paid_staff.is_empty(),
                member_count: member_count?,
                themes: themes?,
                core_roles: core_roles?,
                support_needed: support?,
                support_note: support_note?,
                does_not_do: does_not_do?,
                contact_name: contact_name?,
                contact_email: contact_email?,
                contact_phone: contact_phone?,
                website: website?,
                founded_year: founded_year?,
                public: !self.public.is_empty(),
            },
            areas?,
        ))
    }

    pub fn has(&self, list: &str, key: &str) -> bool {
        let values = match list {
            "themes" => &self.themes,
            "core_roles" => &self.core_roles,
            "support" => &self.support,
            "areas" => &self.areas,
            _ => return false,
        };
        values.iter().any(|v| v == key)
    }
}

/// The closed choices the form offers, as keys.
pub struct Choices {
    pub legal_forms: Vec<&'static str>,
    pub characters: Vec<&'static str>,
    pub themes: Vec<&'static str>,
    pub core_roles: Vec<&'static str>,
    pub support: Vec<&'static str>,
}

impl Choices {
    pub fn new() -> Self {
        Choices {
            legal_forms: LegalForm::ALL.iter().map(|v| v.as_str()).collect(),
            characters: Character::ALL.iter().map(|v| v.as_str()).collect(),
            themes: Theme::ALL.iter().map(|v| v.as_str()).collect(),
            core_roles: CoreRole::ALL.iter().map(|v| v.as_str()).collect(),
            support: SupportNeed::ALL.iter().map(|v| v.as_str()).collect(),
        }
    }
}

/// The areas the form offers: the registry municipality's districts with their neighbourhoods.
pub type AreaChoices = Vec<DistrictRow>;
