//! The logbook of an approach: meetings, decisions, actions and links, who may see each of
//! them, and the words the logbook's search finds them by.
//!
//! Visibility is one rule ([`Visibility::shows`]) that the store repeats in SQL for every list,
//! search and feed; a test in the store checks the two agree.

use crate::Invalid;
use time::{Date, PrimitiveDateTime, Time};

keyed!(
    /// What a logbook entry is.
    EntryKind, "error-entry-kind-invalid" {
        Meeting = "meeting",
        Decision = "decision",
        Action = "action",
        Link = "link",
        Document = "document",
    }
);

/// The largest document that can be uploaded.
pub const MAX_DOCUMENT_BYTES: usize = 20 * 1024 * 1024;

/// The kinds of document that can be uploaded, by extension, with the type they are served as
/// (always as a download).
const DOCUMENT_TYPES: &[(&str, &str)] = &[
    ("pdf", "application/pdf"),
    ("odt", "application/vnd.oasis.opendocument.text"),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ("odp", "application/vnd.oasis.opendocument.presentation"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("doc", "application/msword"),
    ("xls", "application/vnd.ms-excel"),
    ("ppt", "application/vnd.ms-powerpoint"),
    ("txt", "text/plain"),
    ("csv", "text/csv"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
];

/// The extensions that can be uploaded, for the form's hint.
pub fn document_extensions() -> String {
    DOCUMENT_TYPES
        .iter()
        .map(|(ext, _)| *ext)
        .collect::<Vec<_>>()
        .join(", ")
}

/// An uploaded file's name as it will be shown and offered for download: without folders or
/// control characters, at most 150 characters; and the type it is served as. A kind of file
/// that is not on the list is refused.
pub fn document(name: &str, size: usize) -> Result<(String, &'static str), Invalid> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("").trim();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>'))
        .collect();
    if clean.is_empty() || size == 0 {
        return Err(Invalid::new("error-file-required"));
    }
    if size > MAX_DOCUMENT_BYTES {
        return Err(Invalid::new("error-file-too-large"));
    }
    let extension = clean
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    let kind = DOCUMENT_TYPES
        .iter()
        .find(|(ext, _)| *ext == extension)
        .map(|(_, kind)| *kind)
        .ok_or(Invalid::new("error-file-type"))?;
    let shown: String = if clean.chars().count() > 150 {
        let keep: String = clean.chars().take(140).collect();
        format!("{keep}….{extension}")
    } else {
        clean
    };
    Ok((shown, kind))
}

keyed!(
    /// The kinds of meeting the method distinguishes.
    MeetingKind, "error-meeting-kind-invalid" {
        Acquaintance = "acquaintance",
        InDepth = "in-depth",
        ProjectTeam = "project-team",
        Neighbourhood = "neighbourhood",
        CoCreation = "co-creation",
        Learning = "learning",
        Other = "other",
    }
);

keyed!(
    /// Who may see an entry: the members of the organisation that recorded it, everyone who
    /// takes part in the approach, or anyone.
    Visibility, "error-visibility-invalid" {
        Own = "own",
        Parties = "parties",
        Public = "public",
    }
);

impl Visibility {
    /// Whether a person sees an entry of this visibility. `party`: they may open the approach
    /// (a member of the municipality or of a party of today); `owner_member`: they are a member
    /// of the organisation that recorded the entry.
    pub fn shows(self, party: bool, owner_member: bool) -> bool {
        match self {
            Visibility::Public => true,
            Visibility::Parties => party,
            Visibility::Own => party && owner_member,
        }
    }
}

keyed!(
    /// Where an action stands.
    ActionStatus, "error-action-status-invalid" {
        Open = "open",
        InProgress = "in-progress",
        Done = "done",
        Cancelled = "cancelled",
    }
);

impl ActionStatus {
    /// Done or cancelled: nothing more is expected.
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::Cancelled)
    }
}

/// Whether an action with this status and due date is overdue on `today`.
pub fn overdue(status: ActionStatus, due: Option<Date>, today: Date) -> bool {
    !status.is_closed() && due.is_some_and(|d| d < today)
}

/// A date and an optional time of day as forms send them (`YYYY-MM-DD`, `HH:MM`), as a local
/// date-time; no time means the start of the day.
pub fn local_moment(date: &str, time: &str) -> Result<PrimitiveDateTime, Invalid> {
    let date =
        crate::approaches::optional_date(date)?.ok_or(Invalid::new("error-date-required"))?;
    let time = time.trim();
    let time = if time.is_empty() {
        Time::MIDNIGHT
    } else {
        let format = time::macros::format_description!("[hour]:[minute]");
        let seconds = time::macros::format_description!("[hour]:[minute]:[second]");
        Time::parse(time, &format)
            .or_else(|_| Time::parse(time, &seconds))
            .map_err(|_| Invalid::new("error-time-invalid"))?
    };
    Ok(PrimitiveDateTime::new(date, time))
}

/// The words an entry is found by: its texts lower-cased, accents and other marks removed,
/// everything but letters and digits made a space. The store indexes this on both databases,
/// so that SQLite and PostgreSQL find the same entries.
pub fn search_document<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut document = String::new();
    for text in texts {
        for word in words(text) {
            if !document.is_empty() {
                document.push(' ');
            }
            document.push_str(&word);
        }
    }
    document
}

/// The terms of a search query, as [`search_document`] writes words: at most eight, each found
/// anywhere inside the words (a part of a compound finds the compound).
pub fn search_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in words(query) {
        if !terms.contains(&word) && terms.len() < 8 {
            terms.push(word);
        }
    }
    terms
}

fn words(text: &str) -> Vec<String> {
    deunicode::deunicode(text)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().take(60).collect())
        .collect()
}

/// The names of attendees without an account, one per line: trimmed, empty lines dropped,
/// each at most 200 characters, at most 100 names.
pub fn attendee_names(input: &str) -> Result<Vec<String>, Invalid> {
    let names: Vec<String> = input
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if names.len() > 100 || names.iter().any(|n| n.chars().count() > 200) {
        return Err(Invalid::new("error-attendees-long"));
    }
    if names.iter().any(|n| n.chars().any(char::is_control)) {
        return Err(Invalid::new("error-text-control"));
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visibility_follows_the_reader() {
        use Visibility::*;
        assert!(Public.shows(false, false));
        assert!(!Parties.shows(false, false));
        assert!(Parties.shows(true, false));
        assert!(!Own.shows(true, false));
        assert!(Own.shows(true, true));
        // A member of an organisation that is no longer a party sees no more than anyone.
        assert!(!Own.shows(false, true));
    }

    #[test]
    fn overdue_needs_an_open_action_past_its_date() {
        let today = time::macros::date!(2026 - 11 - 23);
        let yesterday = time::macros::date!(2026 - 11 - 22);
        assert!(overdue(ActionStatus::Open, Some(yesterday), today));
        assert!(overdue(ActionStatus::InProgress, Some(yesterday), today));
        assert!(!overdue(ActionStatus::Done, Some(yesterday), today));
        assert!(!overdue(ActionStatus::Open, Some(today), today));
        assert!(!overdue(ActionStatus::Open, None, today));
    }

    #[test]
    fn search_words_lose_case_and_accents() {
        assert_eq!(
            search_document(["Coöperatie: wárm-tenet!", "Één 2e keer"]),
            "cooperatie warm tenet een 2e keer"
        );
        assert_eq!(
            search_terms("  \"Warmte\"* OR net "),
            ["warmte", "or", "net"]
        );
        assert_eq!(search_terms("a b c d e f g h i j").len(), 8);
        assert!(search_terms("*** ---").is_empty());
    }

    #[test]
    fn documents_of_known_kinds_and_size() {
        assert_eq!(
            document("C:\\Users\\x\\Verslag juni.PDF", 10).expect("pdf"),
            ("Verslag juni.PDF".to_owned(), "application/pdf")
        );
        assert_eq!(
            document("../../etc/plan.docx", 10).expect("docx").0,
            "plan.docx"
        );
        assert_eq!(
            document("virus.exe", 10).unwrap_err().key,
            "error-file-type"
        );
        assert_eq!(
            document("leeg.pdf", 0).unwrap_err().key,
            "error-file-required"
        );
        assert_eq!(
            document("groot.pdf", MAX_DOCUMENT_BYTES + 1)
                .unwrap_err()
                .key,
            "error-file-too-large"
        );
        assert!(
            document(&format!("{}.pdf", "a".repeat(300)), 1)
                .expect("long")
                .0
                .ends_with(".pdf")
        );
    }

    #[test]
    fn moments_and_names() {
        let at = local_moment("2026-11-23", "19:30").expect("moment");
        assert_eq!((at.hour(), at.minute()), (19, 30));
        assert_eq!(
            local_moment("2026-11-23", "").expect("day").time(),
            Time::MIDNIGHT
        );
        assert_eq!(
            local_moment("", "19:30").unwrap_err().key,
            "error-date-required"
        );
        assert_eq!(
            local_moment("2026-11-23", "25:00").unwrap_err().key,
            "error-time-invalid"
        );
        assert_eq!(
            attendee_names(" Anna \n\n  Bert (bewoner)\n").expect("names"),
            ["Anna", "Bert (bewoner)"]
        );
        assert!(attendee_names(&"x\n".repeat(101)).is_err());
    }
}

keyed!(
    /// How often a person gets e-mail about an approach.
    MailFrequency, "error-mail-frequency-invalid" {
        Immediately = "immediately",
        Daily = "daily",
        Weekly = "weekly",
        Never = "never",
    }
);

impl MailFrequency {
    /// What a person gets without having chosen.
    pub const DEFAULT: MailFrequency = MailFrequency::Daily;

    /// At local time `now`, the moment before which notifications go out in this frequency's
    /// mail: now for immediately, the last 08:00 for a daily digest, the last Monday 08:00 for
    /// a weekly one, none for never.
    pub fn cutoff(self, now: PrimitiveDateTime) -> Option<PrimitiveDateTime> {
        let eight = Time::from_hms(8, 0, 0).unwrap_or(Time::MIDNIGHT);
        let today = PrimitiveDateTime::new(now.date(), eight);
        let last_eight = if now >= today {
            today
        } else {
            today - time::Duration::days(1)
        };
        match self {
            MailFrequency::Immediately => Some(now),
            MailFrequency::Daily => Some(last_eight),
            MailFrequency::Weekly => {
                let back = i64::from(last_eight.weekday().number_days_from_monday());
                Some(last_eight - time::Duration::days(back))
            }
            MailFrequency::Never => None,
        }
    }
}

#[cfg(test)]
mod mail_tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn digests_go_out_at_eight() {
        // Monday 23 November 2026.
        let morning = datetime!(2026-11-23 07:59);
        let later = datetime!(2026-11-23 08:00);
        assert_eq!(MailFrequency::Immediately.cutoff(morning), Some(morning));
        assert_eq!(
            MailFrequency::Daily.cutoff(morning),
            Some(datetime!(2026-11-22 08:00))
        );
        assert_eq!(MailFrequency::Daily.cutoff(later), Some(later));
        assert_eq!(
            MailFrequency::Weekly.cutoff(morning),
            Some(datetime!(2026-11-16 08:00))
        );
        assert_eq!(MailFrequency::Weekly.cutoff(later), Some(later));
        assert_eq!(
            MailFrequency::Weekly.cutoff(datetime!(2026-11-26 12:00)),
            Some(later)
        );
        assert_eq!(MailFrequency::Never.cutoff(later), None);
    }
}
