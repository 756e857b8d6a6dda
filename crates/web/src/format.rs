//! Dates and times as people in the Netherlands read them: Dutch local time (CET/CEST), with
//! month names in the reader's language.

use samenspel_domain::Language;
use time::{Month, OffsetDateTime, UtcOffset, Weekday};

/// The offset of Dutch local time at `utc`: +02:00 from the last Sunday of March 01:00 UTC
/// to the last Sunday of October 01:00 UTC (the EU rule), +01:00 otherwise.
pub fn dutch_offset(utc: OffsetDateTime) -> UtcOffset {
    let year = utc.year();
    let start = last_sunday_1am(year, Month::March);
    let end = last_sunday_1am(year, Month::October);
    let hours = if utc >= start && utc < end { 2 } else { 1 };
    UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC)
}

fn last_sunday_1am(year: i32, month: Month) -> OffsetDateTime {
    let last_day = time::util::days_in_month(month, year);
    let mut date = time::Date::from_calendar_date(year, month, last_day).unwrap_or(time::Date::MIN);
    while date.weekday() != Weekday::Sunday {
        date = date.previous_day().unwrap_or(date);
    }
    date.with_hms(1, 0, 0)
        .unwrap_or(time::PrimitiveDateTime::MIN)
        .assume_utc()
}

pub fn local(utc: OffsetDateTime) -> OffsetDateTime {
    utc.to_offset(dutch_offset(utc))
}

/// Today's date in the Netherlands.
pub fn today() -> time::Date {
    local(samenspel_store::now()).date()
}

/// A calendar date, "22 november 2026".
pub fn day(lang: Language, date: &time::Date) -> String {
    let month = crate::i18n::t(lang, &format!("month-{}", u8::from(date.month())));
    format!("{} {} {}", date.day(), month, date.year())
}

/// "22 november 2026" / "22 November 2026".
pub fn date(lang: Language, at: &OffsetDateTime) -> String {
    day(lang, &local(*at).date())
}

/// "22 november 2026, 14:05".
pub fn datetime(lang: Language, at: &OffsetDateTime) -> String {
    let local = local(*at);
    format!(
        "{}, {:02}:{:02}",
        day(lang, &local.date()),
        local.hour(),
        local.minute()
    )
}

/// The machine-readable form for `<time datetime="…">`, to the second (HTML allows at most
/// three digits of a fraction; nobody reads more than seconds).
pub fn iso(at: &OffsetDateTime) -> String {
    at.replace_nanosecond(0)
        .unwrap_or(*at)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// A phone number as a `tel:` address: its digits, with a leading `+` kept ("06 12 34 56 78"
/// → "0612345678"); spaces are not allowed there.
pub fn tel(phone: &str) -> String {
    let phone = phone.trim();
    let plus = if phone.starts_with('+') { "+" } else { "" };
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("{plus}{digits}")
}

/// Names as a sentence lists them: "A", "A en B", "A, B en C" ("and" in English).
pub fn list(lang: Language, names: &[String]) -> String {
    let and = match lang {
        Language::Nl => "en",
        Language::En => "and",
    };
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn addresses_for_machines() {
        assert_eq!(tel(" +31 (0)6 12 34-56 78 "), "+310612345678");
        assert_eq!(tel("06 12 34 56 78"), "0612345678");
        assert_eq!(
            iso(&datetime!(2026-07-01 12:00:05.123456 UTC)),
            "2026-07-01T12:00:05Z"
        );
    }

    #[test]
    fn summer_and_winter_time() {
        assert_eq!(
            dutch_offset(datetime!(2026-07-01 12:00 UTC)).whole_hours(),
            2
        );
        assert_eq!(
            dutch_offset(datetime!(2026-01-15 12:00 UTC)).whole_hours(),
            1
        );
        // 2026: summer time from 29 March 01:00 UTC until 25 October 01:00 UTC.
        assert_eq!(
            dutch_offset(datetime!(2026-03-29 00:59 UTC)).whole_hours(),
            1
        );
        assert_eq!(
            dutch_offset(datetime!(2026-03-29 01:00 UTC)).whole_hours(),
            2
        );
        assert_eq!(
            dutch_offset(datetime!(2026-10-25 00:59 UTC)).whole_hours(),
            2
        );
        assert_eq!(
            dutch_offset(datetime!(2026-10-25 01:00 UTC)).whole_hours(),
            1
        );
    }

    #[test]
    fn names_are_listed_as_a_sentence_does() {
        let names = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(list(Language::Nl, &names(&[])), "");
        assert_eq!(list(Language::Nl, &names(&["De Linde"])), "De Linde");
        assert_eq!(
            list(Language::Nl, &names(&["De Linde", "Beekveld", "RegioNet"])),
            "De Linde, Beekveld en RegioNet"
        );
        assert_eq!(
            list(Language::En, &names(&["De Linde", "Beekveld"])),
            "De Linde and Beekveld"
        );
    }
}
