//! The initiative registry: what a municipality wants to know about a resident initiative —
//! its themes, character, legal form, people, what it does not do, the support it asks for and
//! its track record.
//!
//! Every enumerated value has a stable key (stored, and used in message keys such as
//! `theme-heat`) and is parsed at the edge.

use crate::Invalid;
use crate::accounts::Email;

keyed!(
    /// What an initiative works on. Energy themes first; many initiatives also do other things.
    Theme, "error-theme-invalid" {
        Heat = "heat",
        Solar = "solar",
        Wind = "wind",
        Saving = "saving",
        Mobility = "mobility",
        Greenery = "greenery",
        Care = "care",
        Sport = "sport",
        Culture = "culture",
        Social = "social",
    }
);

keyed!(
    /// The legal form, or none for an informal group.
    LegalForm, "error-legal-form-invalid" {
        None = "none",
        Association = "association",
        Cooperative = "cooperative",
        Foundation = "foundation",
        OwnersAssociation = "owners-association",
        Company = "company",
        Other = "other",
    }
);

keyed!(
    /// Whether an initiative develops a technical solution itself, mainly brings residents
    /// together, or both.
    Character, "error-character-invalid" {
        Technical = "technical",
        Participation = "participation",
        Both = "both",
    }
);

keyed!(
    /// Roles present in the core team.
    CoreRole, "error-core-role-invalid" {
        Entrepreneurs = "entrepreneurs",
        Connectors = "connectors",
        Technical = "technical",
        Communicators = "communicators",
        Organisers = "organisers",
        Finance = "finance",
    }
);

keyed!(
    /// Support an initiative asks for.
    SupportNeed, "error-support-invalid" {
        Knowledge = "knowledge",
        Budget = "budget",
        Capacity = "capacity",
        Premises = "premises",
        Contacts = "contacts",
        Communication = "communication",
        Process = "process",
    }
);

/// Parses a set of keys (from checkboxes), without duplicates, in declaration order.
pub fn parse_set<T: Copy + Ord>(
    inputs: &[String],
    parse: impl Fn(&str) -> Result<T, Invalid>,
) -> Result<Vec<T>, Invalid> {
    let mut values = inputs
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| parse(s))
        .collect::<Result<Vec<T>, Invalid>>()?;
    values.sort();
    values.dedup();
    Ok(values)
}

/// Keys of a set as stored: separated by spaces.
pub fn join_keys<T: Copy>(values: &[T], key: impl Fn(T) -> &'static str) -> String {
    values.iter().map(|v| key(*v)).collect::<Vec<_>>().join(" ")
}

/// Optional free text of at most `max` characters; control characters other than line breaks
/// are refused.
pub fn text(input: &str, max: usize, key: &'static str) -> Result<String, Invalid> {
    let text = input.trim().replace("\r\n", "\n");
    let bad = text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t');
    if bad || text.chars().count() > max {
        return Err(Invalid::new(key));
    }
    Ok(text)
}

/// A whole number in `range`, or nothing when the input is empty.
pub fn optional_number(
    input: &str,
    range: std::ops::RangeInclusive<i32>,
    key: &'static str,
) -> Result<Option<i32>, Invalid> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    match input.parse::<i32>() {
        Ok(n) if range.contains(&n) => Ok(Some(n)),
        _ => Err(Invalid::new(key)),
    }
}

/// A web address: `http://` or `https://` and a host, no spaces. A bare `example.nl` gets
/// `https://` in front.
pub fn website(input: &str) -> Result<String, Invalid> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(String::new());
    }
    let url = if input.starts_with("http://") || input.starts_with("https://") {
        input.to_owned()
    } else {
        format!("https://{input}")
    };
    let host = url
        .split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(""))
        .unwrap_or("");
    let valid = url.len() <= 300
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<');
    if valid {
        Ok(url)
    } else {
        Err(Invalid::new("error-website-invalid"))
    }
}

/// An optional contact e-mail address.
pub fn optional_email(input: &str) -> Result<String, Invalid> {
    if input.trim().is_empty() {
        return Ok(String::new());
    }
    Email::parse(input).map(|e| e.as_str().to_owned())
}

/// An optional telephone number: digits, spaces, `+`, `-`, `(`, `)`; 6 to 20 digits.
pub fn phone(input: &str) -> Result<String, Invalid> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(String::new());
    }
    let allowed = input
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'));
    let digits = input.chars().filter(char::is_ascii_digit).count();
    if allowed && (6..=20).contains(&digits) {
        Ok(input.to_owned())
    } else {
        Err(Invalid::new("error-phone-invalid"))
    }
}

/// Everything of a profile except its areas and track record, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub description: String,
    pub legal_form: LegalForm,
    pub character: Character,
    pub has_volunteers: bool,
    pub has_paid_staff: bool,
    pub member_count: Option<i32>,
    pub themes: Vec<Theme>,
    pub core_roles: Vec<CoreRole>,
    pub support_needed: Vec<SupportNeed>,
    pub support_note: String,
    pub does_not_do: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    pub founded_year: Option<i32>,
    pub public: bool,
}

/// The year an initiative was founded: from 1800 up to this year.
pub fn founded_year(input: &str, this_year: i32) -> Result<Option<i32>, Invalid> {
    optional_number(input, 1800..=this_year, "error-founded-invalid")
}

/// At least one theme.
pub fn themes(inputs: &[String]) -> Result<Vec<Theme>, Invalid> {
    let themes = parse_set(inputs, Theme::parse)?;
    if themes.is_empty() {
        Err(Invalid::new("error-themes-required"))
    } else {
        Ok(themes)
    }
}

/// One earlier project of an initiative's track record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub year: i32,
    pub title: String,
    pub result: String,
}

impl Project {
    /// Checks a project; errors come back per field (`year`, `title`, `result`).
    pub fn parse(
        year: &str,
        title: &str,
        result: &str,
        this_year: i32,
    ) -> Result<Self, Vec<(&'static str, Invalid)>> {
        let mut errors = Vec::new();
        let year = match optional_number(year, 1900..=this_year + 5, "error-project-year") {
            Ok(Some(year)) => Some(year),
            Ok(None) => {
                errors.push(("year", Invalid::new("error-project-year")));
                None
            }
            Err(invalid) => {
                errors.push(("year", invalid));
                None
            }
        };
        let title = match text(title, 200, "error-project-title-long") {
            Ok(t) if t.is_empty() => {
                errors.push(("title", Invalid::new("error-project-title-required")));
                None
            }
            Ok(t) => Some(t),
            Err(invalid) => {
                errors.push(("title", invalid));
                None
            }
        };
        let result = match text(result, 500, "error-project-result-long") {
            Ok(r) => Some(r),
            Err(invalid) => {
                errors.push(("result", invalid));
                None
            }
        };
        match (year, title, result) {
            (Some(year), Some(title), Some(result)) if errors.is_empty() => Ok(Project {
                year,
                title,
                result,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.as_str()), Ok(*t));
        }
        for l in LegalForm::ALL {
            assert_eq!(LegalForm::parse(l.as_str()), Ok(*l));
        }
        assert!(Theme::parse("coal").is_err());
    }

    #[test]
    fn sets_are_sorted_without_duplicates() {
        let input: Vec<String> = ["wind", "heat", "wind", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            parse_set(&input, Theme::parse),
            Ok(vec![Theme::Heat, Theme::Wind])
        );
        assert_eq!(
            join_keys(&[Theme::Heat, Theme::Wind], Theme::as_str),
            "heat wind"
        );
        assert!(themes(&[]).is_err());
        assert!(parse_set(&["nope".to_string()], Theme::parse).is_err());
    }

    #[test]
    fn websites_phones_and_years() {
        assert_eq!(
            website("zonnedalenergie.example").unwrap(),
            "https://zonnedalenergie.example"
        );
        assert_eq!(website("").unwrap(), "");
        assert!(website("javascript:alert(1)").is_err());
        assert!(website("https://nohost").is_err());
        assert!(website("https://a.nl/\"><script>").is_err());
        assert_eq!(phone("+31 (0)6-1234 5678").unwrap(), "+31 (0)6-1234 5678");
        assert!(phone("bel me").is_err());
        assert_eq!(founded_year("2011", 2026), Ok(Some(2011)));
        assert_eq!(founded_year(" ", 2026), Ok(None));
        assert!(founded_year("2030", 2026).is_err());
        assert!(text("a\u{0}b", 10, "k").is_err());
        assert_eq!(text(" a\r\nb ", 10, "k").unwrap(), "a\nb");
    }

    #[test]
    fn projects_report_every_field() {
        let errors = Project::parse("19x", "", &"x".repeat(501), 2026).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec!["year", "title", "result"]);
        let ok = Project::parse("2019", "Zonnedak op de sporthal", "120 panelen", 2026).unwrap();
        assert_eq!(ok.year, 2019);
    }
}
