//! Problems found in input, kept as data — where (line, field number), which field, what value,
//! what kind — and put into words only when shown, by the context they came from:
//! FILE:LINE:COLUMN for a file, the flag and its value for a command line. One collector caps
//! and sorts them, so a million bad rows make a short report in constant memory.
use std::collections::HashMap;
use std::fmt;

use crate::error::{clip, escape_controls};

mod kind;
use kind::Layout;
pub use kind::{HeaderIssue, Kind};

/// Show at most this many problems of one kind (the rest are counted).
pub const MAX_PER_KIND: usize = 5;
/// Show at most this many problems in all (the rest are counted).
pub const MAX_SHOWN: usize = 50;

/// One thing wrong with the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The line the record starts on (1-based; 0 when the problem is the whole input's).
    pub line: u64,
    /// The field number (1-based).
    pub column: u64,
    /// The column the problem concerns, when it concerns one.
    pub field: Option<String>,
    /// The value at fault (at most 61 characters are kept), when there is one.
    pub value: Option<String>,
    pub kind: Kind,
}

impl Problem {
    /// A problem with no field or value.
    pub fn at(line: u64, column: u64, kind: Kind) -> Problem {
        Problem {
            line,
            column,
            field: None,
            value: None,
            kind,
        }
    }

    /// A problem of one field, with the value given for it.
    pub fn field(line: u64, column: u64, field: &str, value: Option<&str>, kind: Kind) -> Problem {
        Problem {
            line,
            column,
            field: Some(field.to_string()),
            // Enough to show (clip keeps 60 characters), never the whole of a huge value.
            value: value.map(|v| v.chars().take(61).collect()),
            kind,
        }
    }

    /// The words after the place, as a file reports them: `field: 'value' reason`.
    fn in_file(&self) -> String {
        let value = self.value.as_deref().unwrap_or_default();
        let words = self.kind.words(value, true);
        match (self.kind.layout(), &self.field) {
            (Layout::Field, Some(f)) => format!("{f}: {words}"),
            (Layout::FieldValue, Some(f)) if self.value.is_some() => {
                format!("{f}: '{}' {words}", clip(value))
            }
            (Layout::FieldValue, Some(f)) => format!("{f}: {words}"),
            _ => words,
        }
    }

    /// The words as a command line reports them: `--flag 'value' reason` (the flag that set
    /// the field, `flag` empty when no flag did).
    fn on_command_line(&self, flag: &str, typed: Option<&str>) -> String {
        let value = self.value.as_deref().unwrap_or_default();
        let words = self.kind.words(value, false);
        let typed = typed.filter(|v| !v.is_empty());
        match (self.kind.layout(), flag, typed) {
            (Layout::Bare, "", _) => words,
            (_, "", _) => match &self.field {
                Some(f) => format!("{f}: {words}"),
                None => words,
            },
            (Layout::FieldValue, _, Some(v)) => format!("--{flag} '{}' {words}", clip(v)),
            (_, _, Some(v)) => format!("--{flag} '{}': {words}", clip(v)),
            (_, _, None) => format!("--{flag}: {words}"),
        }
    }
}

/// Where problems came from, which decides how they are placed.
#[derive(Clone, Debug)]
pub enum Source {
    /// A file (or standard input), by the name to show.
    File(String),
    /// A command's flags: the command (`add org`) and, for each field number, the column, the
    /// flag that set it ("" for none) and the value typed.
    Flags {
        command: String,
        fields: Vec<(String, &'static str, Option<String>)>,
    },
}

/// The problems of one input, capped and sorted: what `Error::Problems` carries.
#[derive(Clone, Debug)]
pub struct Report {
    pub source: Source,
    pub shown: Vec<Problem>,
    /// How many more were found but not kept.
    pub more: u64,
}

impl Report {
    /// Each problem on its own line, control and invisible characters escaped.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.shown.iter().map(|p| self.line_of(p)).collect();
        if self.more > 0 {
            let label = match &self.source {
                Source::File(file) => format!("{file}: "),
                Source::Flags { command, .. } => format!("{command}: "),
            };
            out.push(format!("{label}… and {} more problems", self.more));
        }
        out.into_iter().map(|l| escape_controls(&l)).collect()
    }

    fn line_of(&self, p: &Problem) -> String {
        match &self.source {
            Source::File(file) => format!("{file}:{}:{}: {}", p.line, p.column, p.in_file()),
            Source::Flags { command, fields } => {
                let at = usize::try_from(p.column)
                    .ok()
                    .and_then(|c| c.checked_sub(1))
                    .and_then(|i| fields.get(i))
                    .filter(|(column, _, _)| p.field.as_deref().is_none_or(|f| f == column));
                let words = match at {
                    Some((_, flag, typed)) => p.on_command_line(flag, typed.as_deref()),
                    None => p.on_command_line("", None),
                };
                format!("{command}: {words}")
            }
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.lines().join("\n"))
    }
}

/// Gathers problems as they are found: keeps a few of each kind, counts the rest.
#[derive(Debug, Default)]
pub struct Collector {
    shown: Vec<Problem>,
    per_kind: HashMap<std::mem::Discriminant<Kind>, usize>,
    more: u64,
}

impl Collector {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, p: Problem) {
        let seen = self.per_kind.entry(p.kind.class()).or_default();
        *seen += 1;
        if *seen > MAX_PER_KIND || self.shown.len() >= MAX_SHOWN {
            self.more += 1;
        } else {
            self.shown.push(p);
        }
    }

    /// Count `n` problems found but not kept.
    pub fn count_more(&mut self, n: u64) {
        self.more += n;
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty() && self.more == 0
    }

    /// The problems found, sorted by place, as the report of `source`; None when there were none.
    pub fn finish(mut self, source: Source) -> Option<Report> {
        if self.is_empty() {
            return None;
        }
        self.shown
            .sort_by_key(|p| (if p.line == 0 { u64::MAX } else { p.line }, p.column));
        Some(Report {
            source,
            shown: self.shown,
            more: self.more,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short_row(line: u64) -> Problem {
        Problem::at(
            line,
            3,
            Kind::FieldCount {
                expected: 3,
                found: 2,
            },
        )
    }

    #[test]
    fn the_collector_keeps_a_few_of_each_kind_sorted_and_counts_the_rest() {
        let mut c = Collector::new();
        for line in (2..100).rev() {
            c.push(short_row(line));
        }
        c.push(Problem::field(1, 2, "name", Some("x"), Kind::Nul));
        let r = c.finish(Source::File("f.csv".into())).expect("problems");
        let lines: Vec<u64> = r.shown.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 95, 96, 97, 98, 99]);
        assert_eq!(r.more, 93);
        assert_eq!(
            r.lines().last().map(String::as_str),
            Some("f.csv: … and 93 more problems")
        );
    }

    #[test]
    fn no_problem_is_no_report() {
        assert!(Collector::new().finish(Source::File("f".into())).is_none());
    }

    #[test]
    fn one_problem_is_worded_by_its_source() {
        let p = Problem::field(
            2,
            1,
            "value",
            Some("maybe"),
            Kind::NotOneOf(vec!["a".into(), "b".into()]),
        );
        let file = Report {
            source: Source::File("f.csv".into()),
            shown: vec![p.clone()],
            more: 0,
        };
        assert_eq!(
            file.to_string(),
            "f.csv:2:1: value: 'maybe' is not one of: a, b"
        );
        let flags = Report {
            source: Source::Flags {
                command: "add stance".into(),
                fields: vec![("value".into(), "value", Some("maybe".into()))],
            },
            shown: vec![p],
            more: 0,
        };
        assert_eq!(
            flags.to_string(),
            "add stance: --value 'maybe' is not one of: a, b"
        );
    }

    #[test]
    fn invisible_and_control_characters_are_escaped_when_shown() {
        let p = Problem::field(1, 1, "name", Some("a\u{200b}\u{7}"), Kind::NotId);
        let r = Report {
            source: Source::File("f.csv".into()),
            shown: vec![p],
            more: 0,
        };
        assert!(r.to_string().contains("'a\\u{200b}\\u{7}'"), "{r}");
    }
}
