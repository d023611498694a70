//! Validated values, one definition each, used by the loader and every command: a country code,
//! a partial date that is a real calendar date, integer ranges, and text that does not lie
//! (no invisible format characters, not made only of combining marks).
use std::fmt;

use crate::problem::Kind;

/// The characters that make a spreadsheet read a cell as a formula (or mangle it): OWASP's
/// CSV-injection list plus their full-width forms. `export --excel` puts a `'` before a cell
/// that starts with one; `import` takes it off again.
pub const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];

/// Columns holding a partial date (YYYY, YYYY-MM or YYYY-MM-DD).
pub const DATE_COLUMNS: &[&str] = &[
    "founded",
    "dissolved",
    "date",
    "start",
    "end",
    "signed_on",
    "as_of",
];

/// The allowed range of an integer column, when it has one beyond the schema's.
pub fn integer_range(column: &str) -> Option<(i64, i64)> {
    match column {
        // A printed list is never a million long; `sign` numbers on from the highest.
        "position" => Some((1, 1_000_000)),
        // Room for every record, and for the next one after the highest.
        "id" => Some((1, 1_000_000_000_000)),
        _ => None,
    }
}

/// A two-letter upper-case country code (ISO 3166-1 alpha-2 shape, e.g. KZ).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country(String);

impl Country {
    pub fn parse(s: &str) -> Result<Country, Kind> {
        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Country(s.to_string()))
        } else {
            Err(Kind::NotCountry)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A date known to the year, the month or the day: a real calendar date from year 0001 on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn parse(s: &str) -> Result<PartialDate, Kind> {
        let parts: Vec<&str> = s.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let ok = match parts.as_slice() {
            [y] => digits(y, 4),
            [y, m] => digits(y, 4) && digits(m, 2),
            [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
            _ => false,
        };
        if !ok {
            return Err(Kind::NotDate);
        }
        let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u16>().ok());
        let year = num(0).filter(|y| *y >= 1).ok_or(Kind::NotDate)?;
        let month = num(1).map(|m| m as u8);
        let day = num(2).map(|d| d as u8);
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(Kind::NotDate);
        }
        if let (Some(m), Some(d)) = (month, day)
            && (d == 0 || d > days_in_month(year, m))
        {
            return Err(Kind::NotDate);
        }
        Ok(PartialDate { year, month, day })
    }

    /// The first day the date may mean (for "is this after that").
    pub fn earliest(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date may mean.
    pub fn latest(&self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or(days_in_month(self.year, month)),
        )
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Today (UTC) as (year, month, day), from the system clock.
pub fn today() -> (u16, u8, u8) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Civil from days (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    (year, month, day)
}

/// Unicode format characters (general category Cf): zero-width spaces and joiners, direction
/// marks and embeddings, the byte-order mark, invisible operators, tags. They change how text
/// looks or is ordered without being seen.
const FORMAT_CHARS: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
];

/// Combining marks (the main blocks): they attach to the letter before them.
const COMBINING: &[(u32, u32)] = &[
    (0x0300, 0x036F),
    (0x0483, 0x0489),
    (0x0591, 0x05BD),
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0E31, 0x0E31),
    (0x0E34, 0x0E3A),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0x3099, 0x309A),
    (0xFE20, 0xFE2F),
];

fn within(c: char, table: &[(u32, u32)]) -> bool {
    let c = c as u32;
    table.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// An invisible format character (category Cf).
pub fn is_invisible(c: char) -> bool {
    within(c, FORMAT_CHARS)
}

/// Text that lies in an id, name, title or code: an invisible format character, or nothing
/// but combining marks (and blanks).
pub fn check_visible(text: &str) -> Result<(), Kind> {
    if let Some(c) = text.chars().find(|c| is_invisible(*c)) {
        return Err(Kind::Invisible { code: c as u32 });
    }
    let mut letters = text.chars().filter(|c| !c.is_whitespace()).peekable();
    if letters.peek().is_some() && letters.all(|c| within(c, COMBINING)) {
        return Err(Kind::OnlyMarks);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_calendar_dates_only() {
        for ok in ["2022", "2022-01", "2022-01-31", "2024-02-29", "0001"] {
            assert!(PartialDate::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "0000",
            "0000-01-01",
            "2022-02-30",
            "2023-02-29",
            "2022-13",
            "2022-00",
            "22-01-01",
            "2022-1-1",
            "tomorrow",
            "",
            "2022-01-01-01",
        ] {
            assert_eq!(PartialDate::parse(bad), Err(Kind::NotDate), "{bad}");
        }
    }

    #[test]
    fn a_partial_date_spans_its_month_or_year() {
        let d = PartialDate::parse("2024-02").unwrap();
        assert_eq!((d.earliest(), d.latest()), ((2024, 2, 1), (2024, 2, 29)));
        assert_eq!(d.to_string(), "2024-02");
    }

    #[test]
    fn country_codes_are_two_upper_case_letters() {
        assert_eq!(Country::parse("KZ").unwrap().as_str(), "KZ");
        for bad in ["kz", "KAZ", "K", "Kz", "К З"] {
            assert_eq!(Country::parse(bad), Err(Kind::NotCountry), "{bad}");
        }
    }

    #[test]
    fn invisible_and_mark_only_text_is_caught() {
        assert_eq!(
            check_visible("K\u{200B}PRF"),
            Err(Kind::Invisible { code: 0x200B })
        );
        assert_eq!(
            check_visible("\u{202E}FRPK"),
            Err(Kind::Invisible { code: 0x202E })
        );
        assert_eq!(check_visible("\u{0301}\u{0308}"), Err(Kind::OnlyMarks));
        assert!(check_visible("Café").is_ok());
        assert!(check_visible("Ко\u{0301}ммунист").is_ok());
    }

    #[test]
    fn today_is_a_plausible_date() {
        let (y, m, d) = today();
        assert!(y >= 2024 && (1..=12).contains(&m) && (1..=31).contains(&d));
    }
}
