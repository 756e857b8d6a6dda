//! The wijkaanpak (approach): the parties and their roles, the municipality's chosen role, the
//! intensity of the partnership, its status, the status of each knooppunt with the moves between
//! them, goals by horizon and each party's position.
//!
//! Phases, tracks and nodes are not here: they are data of the method pack ([`crate::method`]).

use crate::Invalid;
use time::Date;

keyed!(
    /// What a party is in an approach.
    PartyRole, "error-party-role-invalid" {
        ProjectTeam = "project-team",
        SubTeam = "sub-team",
        SoundingBoard = "sounding-board",
        Adviser = "adviser",
        Executor = "executor",
    }
);

impl PartyRole {
    /// Whether the party does the work of the approach (and so moves its knooppunten), rather
    /// than advising on it.
    pub fn works(self) -> bool {
        matches!(
            self,
            PartyRole::ProjectTeam | PartyRole::SubTeam | PartyRole::Executor
        )
    }
}

keyed!(
    /// The four forms of government steering a municipality can choose for a wijk.
    SteeringForm, "error-steering-form-invalid" {
        Lawful = "lawful",
        Performing = "performing",
        Networking = "networking",
        Participating = "participating",
    }
);

keyed!(
    /// The director roles a municipality can take.
    DirectorRole, "error-director-role-invalid" {
        Waiting = "waiting",
        Integral = "integral",
        Process = "process",
        Steering = "steering",
    }
);

keyed!(
    /// How intense the partnership is.
    Intensity, "error-intensity-invalid" {
        Light = "light",
        Project = "project",
        Formal = "formal",
    }
);

keyed!(
    /// Whether the parties are working on the approach.
    ApproachStatus, "error-approach-status-invalid" {
        Active = "active",
        Paused = "paused",
        Stopped = "stopped",
    }
);

impl ApproachStatus {
    /// Whether a move to `to` needs a reason (pausing and stopping do).
    pub fn needs_reason(to: ApproachStatus) -> bool {
        to != ApproachStatus::Active
    }

    pub fn check_move(self, to: ApproachStatus) -> Result<(), Invalid> {
        if self == to {
            return Err(Invalid::new("error-approach-same-status"));
        }
        Ok(())
    }
}

keyed!(
    /// Where a knooppunt stands in one approach.
    NodeStatus, "error-node-status-invalid" {
        NotStarted = "not-started",
        Started = "started",
        Paused = "paused",
        Completed = "completed",
        Revised = "revised",
        NotApplicable = "not-applicable",
    }
);

impl NodeStatus {
    /// Whether the node counts as done in the progress figures.
    pub fn is_done(self) -> bool {
        matches!(self, NodeStatus::Completed | NodeStatus::NotApplicable)
    }

    /// The statuses a node can move to from this one.
    pub fn next(self) -> &'static [NodeStatus] {
        use NodeStatus::*;
        match self {
            NotStarted => &[Started, Completed, NotApplicable],
            Started => &[Paused, Completed, NotApplicable],
            Paused => &[Started, NotApplicable],
            Completed => &[Revised],
            Revised => &[Started, Paused, Completed],
            NotApplicable => &[NotStarted, Started],
        }
    }

    /// Refuses a move that makes no sense, with the reason.
    pub fn check_move(self, to: NodeStatus) -> Result<(), Invalid> {
        use NodeStatus::*;
        if self == to {
            return Err(Invalid::new("error-node-same-status"));
        }
        if self.next().contains(&to) {
            return Ok(());
        }
        Err(Invalid::new(match (self, to) {
            (_, Paused) => "error-node-pause-not-started",
            (_, Revised) => "error-node-revise-not-completed",
            (Completed, _) => "error-node-completed-revise",
            _ => "error-node-move",
        }))
    }
}

keyed!(
    /// How far ahead a goal looks.
    Horizon, "error-horizon-invalid" {
        Short = "short",
        Middle = "middle",
        Long = "long",
    }
);

keyed!(
    /// What a party brings to the table: the four parts of its position.
    PositionKind, "error-position-kind-invalid" {
        Goals = "goals",
        Wishes = "wishes",
        Interests = "interests",
        Expectations = "expectations",
    }
);

/// A required text of at most `max` characters, trimmed, without control characters other than
/// line breaks and tabs.
pub fn required_text(
    input: &str,
    max: usize,
    missing: &'static str,
    too_long: &'static str,
) -> Result<String, Invalid> {
    let text = input.trim();
    if text.is_empty() {
        return Err(Invalid::new(missing));
    }
    optional_text(text, max, too_long)
}

/// An optional text of at most `max` characters; empty is allowed.
pub fn optional_text(input: &str, max: usize, too_long: &'static str) -> Result<String, Invalid> {
    let text = input.trim();
    if text.chars().count() > max {
        return Err(Invalid::new(too_long));
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(Invalid::new("error-text-control"));
    }
    Ok(text.replace("\r\n", "\n"))
}

/// A required single line (a name, a title): like [`required_text`], and a line break is
/// refused rather than kept in a place that shows one line.
pub fn required_line(
    input: &str,
    max: usize,
    missing: &'static str,
    too_long: &'static str,
) -> Result<String, Invalid> {
    required_text(input, max, missing, too_long).and_then(one_line)
}

/// An optional single line of at most `max` characters; empty is allowed.
pub fn optional_line(input: &str, max: usize, too_long: &'static str) -> Result<String, Invalid> {
    optional_text(input, max, too_long).and_then(one_line)
}

fn one_line(text: String) -> Result<String, Invalid> {
    if text.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        Err(Invalid::new("error-text-line-break"))
    } else {
        Ok(text)
    }
}

/// The years a date in a form may fall in: a neighbourhood's move away from natural gas is
/// planned, recorded and reviewed within them, and a date outside is a typing error.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A date as a form sends it (`YYYY-MM-DD`), in one of [`YEARS`]; empty means none.
pub fn optional_date(input: &str) -> Result<Option<Date>, Invalid> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = Date::parse(input, &format).map_err(|_| Invalid::new("error-date-invalid"))?;
    if !YEARS.contains(&date.year()) {
        return Err(Invalid::new("error-date-out-of-range"));
    }
    Ok(Some(date))
}

/// A goal's reported value: a goal whose target is a number ("150 woningen", "60%") is
/// measured in numbers, so its value starts with one too.
pub fn goal_value(input: &str, target: &str) -> Result<String, Invalid> {
    let value = required_line(
        input,
        100,
        "error-goal-value-required",
        "error-goal-value-long",
    )?;
    let numeric = |text: &str| text.trim_start().starts_with(|c: char| c.is_ascii_digit());
    if numeric(target) && !numeric(&value) {
        return Err(Invalid::new("error-goal-value-number"));
    }
    Ok(value)
}

/// A party's from/until dates: until, when given, is not before from.
pub fn period(from: &str, until: &str) -> Result<(Option<Date>, Option<Date>), Invalid> {
    let from = optional_date(from)?;
    let until = optional_date(until)?;
    if let (Some(f), Some(u)) = (from, until)
        && u < f
    {
        return Err(Invalid::new("error-period-order"));
    }
    Ok((from, until))
}

/// Whether a period holds on `day`.
pub fn current(from: Option<Date>, until: Option<Date>, day: Date) -> bool {
    from.is_none_or(|f| f <= day) && until.is_none_or(|u| u >= day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use NodeStatus::*;

    #[test]
    fn node_moves_follow_the_work() {
        assert!(NotStarted.check_move(Started).is_ok());
        assert!(Started.check_move(Completed).is_ok());
        assert!(Completed.check_move(Revised).is_ok());
        assert!(Revised.check_move(Completed).is_ok());
        assert!(NotApplicable.check_move(NotStarted).is_ok());
        assert_eq!(
            NotStarted.check_move(Paused).unwrap_err().key,
            "error-node-pause-not-started"
        );
        assert_eq!(
            Started.check_move(Revised).unwrap_err().key,
            "error-node-revise-not-completed"
        );
        assert_eq!(
            Completed.check_move(Started).unwrap_err().key,
            "error-node-completed-revise"
        );
        assert_eq!(
            Started.check_move(Started).unwrap_err().key,
            "error-node-same-status"
        );
        assert_eq!(
            Paused.check_move(Completed).unwrap_err().key,
            "error-node-move"
        );
        // Every status can be left, and every status but "not started" can be reached.
        for s in NodeStatus::ALL {
            assert!(!s.next().is_empty());
            if *s != NotStarted {
                assert!(NodeStatus::ALL.iter().any(|f| f.next().contains(s)));
            }
        }
    }

    #[test]
    fn periods_and_texts() {
        let day = |s| optional_date(s).unwrap().unwrap();
        assert_eq!(optional_date("").unwrap(), None);
        assert!(optional_date("2026-02-30").is_err());
        assert!(optional_date("morgen").is_err());
        for typo in ["0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01"] {
            assert_eq!(
                optional_date(typo).unwrap_err().key,
                "error-date-out-of-range"
            );
        }
        assert_eq!(
            goal_value("heel veel", "150 woningen").unwrap_err().key,
            "error-goal-value-number"
        );
        assert_eq!(goal_value(" 45% ", "60%").unwrap(), "45%");
        assert_eq!(
            goal_value("heel veel", "zoveel mogelijk").unwrap(),
            "heel veel"
        );
        assert_eq!(
            goal_value(" ", "60%").unwrap_err().key,
            "error-goal-value-required"
        );
        assert_eq!(day("2000-01-01").year(), 2000);
        assert_eq!(day("2100-12-31").year(), 2100);
        assert_eq!(
            period("2026-05-01", "2026-04-01").unwrap_err().key,
            "error-period-order"
        );
        let (from, until) = period("2026-01-01", "2026-12-31").unwrap();
        assert!(current(from, until, day("2026-06-01")));
        assert!(!current(from, until, day("2027-01-01")));
        assert!(current(None, None, day("2027-01-01")));
        assert_eq!(
            required_text("  ", 10, "missing", "long").unwrap_err().key,
            "missing"
        );
        assert_eq!(
            required_text("elf tekens!", 10, "missing", "long")
                .unwrap_err()
                .key,
            "long"
        );
        assert_eq!(optional_text("a\r\nb", 10, "long").unwrap(), "a\nb");
        assert!(optional_text("a\u{0}b", 10, "long").is_err());
        assert_eq!(
            required_line("Wijk\r\nNoord", 20, "missing", "long")
                .unwrap_err()
                .key,
            "error-text-line-break"
        );
        assert_eq!(optional_line(" Noord ", 20, "long").unwrap(), "Noord");
    }

    #[test]
    fn who_works_and_who_advises() {
        assert!(PartyRole::ProjectTeam.works());
        assert!(PartyRole::Executor.works());
        assert!(!PartyRole::SoundingBoard.works());
        assert!(!PartyRole::Adviser.works());
        assert_eq!(PartyRole::parse("sub-team"), Ok(PartyRole::SubTeam));
        assert!(Intensity::parse("heavy").is_err());
    }
}
