//! Problems found in input, kept as data — where (line, field number), which field, what value,
//! what kind — and put into words only when shown, by the context they came from:
//! FILE:LINE:COLUMN for a file, the flag and its value for a command line. One collector caps
//! and sorts them, so a million bad rows make a short report in constant memory.
use std::collections::HashMap;
use std::fmt;

use crate::error::{clip, escape_controls};

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

/// What is wrong, without where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    EmptyFile,
    Utf16 {
        bom: Option<&'static str>,
        endian: &'static str,
    },
    Separator(&'static str),
    TooManyFields {
        limit: usize,
    },
    RecordTooLong {
        limit: usize,
    },
    Header(Vec<HeaderIssue>),
    FieldCount {
        expected: usize,
        found: usize,
    },
    Malformed(String),
    Unreadable(String),
    Unclosed,
    AfterQuote,
    NotUtf8 {
        byte: usize,
    },
    Nul,
    TooManyBytes {
        len: usize,
        limit: usize,
    },
    TooManyChars {
        len: usize,
        limit: usize,
    },
    Control {
        code: u32,
        one_line: bool,
    },
    Invisible {
        code: u32,
    },
    OnlyMarks,
    Blank,
    Required,
    NotInteger,
    OutOfRange {
        min: i64,
        max: i64,
    },
    NotDate,
    NotCountry,
    NotId,
    NotUrl,
    NotOneOf(Vec<String>),
    SpreadsheetFormula,
    UnknownOrg,
    AmbiguousOrg(Vec<String>),
    UnknownRef {
        parent: String,
    },
    Duplicate {
        key: String,
    },
    Combination(&'static str),
    Rule(String),
    FieldRule(String),
    Other(String),
    /// Verbatim words not found in their source's stored text (quotes::prove).
    NotInText {
        document: String,
        nearest: Option<String>,
    },
    /// At entry, a source with no stored text to prove words against (quotes::prove).
    NoStoredText,
}

/// One problem of a header row (a header's problems are reported as one line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderIssue {
    NotUtf8,
    Twice(String),
    Unknown { name: String, expected: String },
    Missing(String),
}

/// How a kind's words attach to the field and its value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// The words stand alone (they say what they concern).
    Bare,
    /// `field: words`.
    Field,
    /// `field: 'value' words`.
    FieldValue,
}

impl Kind {
    fn layout(&self) -> Layout {
        match self {
            Kind::NotInteger
            | Kind::OutOfRange { .. }
            | Kind::NotDate
            | Kind::NotCountry
            | Kind::NotId
            | Kind::NotUrl
            | Kind::NotOneOf(_)
            | Kind::FieldRule(_)
            | Kind::NotInText { .. }
            | Kind::NoStoredText => Layout::FieldValue,
            Kind::NotUtf8 { .. }
            | Kind::Nul
            | Kind::TooManyBytes { .. }
            | Kind::TooManyChars { .. }
            | Kind::Control { .. }
            | Kind::Invisible { .. }
            | Kind::OnlyMarks
            | Kind::Blank
            | Kind::Required
            | Kind::SpreadsheetFormula
            | Kind::UnknownRef { .. }
            | Kind::Combination(_) => Layout::Field,
            _ => Layout::Bare,
        }
    }

    /// The words, given the value at fault (for the kinds that quote it themselves).
    fn words(&self, value: &str, in_file: bool) -> String {
        match self {
            Kind::EmptyFile => "the file is empty: expected a header row of column names".into(),
            Kind::Utf16 { bom: Some(bom), .. } => format!(
                "the file is UTF-16 (it starts with the byte-order mark {bom}); save it as UTF-8"
            ),
            Kind::Utf16 { bom: None, endian } => format!(
                "the file is UTF-16 ({endian}, without a byte-order mark); save it as UTF-8"
            ),
            Kind::Separator(sep) => format!(
                "the header is separated by {sep}, not commas: save the file as CSV with commas \
                 (in a spreadsheet: CSV UTF-8, comma-separated)"
            ),
            Kind::TooManyFields { limit } => format!(
                "more than {limit} fields in one row; no table has that many columns (reading stopped here)"
            ),
            Kind::RecordTooLong { limit } => format!(
                "the row is longer than {limit} bytes without ending (reading stopped here)"
            ),
            Kind::Header(issues) => issues
                .iter()
                .map(HeaderIssue::to_string)
                .collect::<Vec<_>>()
                .join("; "),
            Kind::FieldCount { expected, found } => {
                format!("expected {expected} fields like the header, found {found}")
            }
            Kind::Malformed(e) => format!("malformed CSV: {e}"),
            Kind::Unreadable(e) => format!("cannot read: {e}"),
            Kind::Unclosed => {
                "malformed CSV: the quoted field that starts here is never closed".into()
            }
            Kind::AfterQuote => "malformed CSV: text after the closing quote (a quote inside a \
                                 quoted field is written twice: \"\")"
                .into(),
            Kind::NotUtf8 { byte } => {
                format!("not valid UTF-8 (byte {byte}); save the file as UTF-8")
            }
            Kind::Nul => "contains a NUL byte".into(),
            Kind::TooManyBytes { len, limit } => {
                format!("the value is {len} bytes long; the limit is {limit}")
            }
            Kind::TooManyChars { len, limit } => {
                format!("the value is {len} characters long; the limit is {limit}")
            }
            Kind::Control { code, one_line } => format!(
                "contains the control character U+{code:04X}{}",
                if *one_line {
                    " (names, titles and codes are one line of text)"
                } else {
                    ""
                }
            ),
            Kind::Invisible { code } => format!(
                "contains the invisible format character U+{code:04X} (zero-width, direction \
                 or byte-order mark); remove it"
            ),
            Kind::OnlyMarks => {
                "is made only of combining marks (nothing to read); write the letters too".into()
            }
            Kind::Blank => "the value is only blanks".into(),
            Kind::Required => "a value is required".into(),
            Kind::NotInteger => "is not a whole number".into(),
            Kind::OutOfRange { min, max } => format!("is out of range ({min} to {max})"),
            Kind::NotDate => "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)".into(),
            Kind::NotCountry => "is not a two-letter upper-case country code (e.g. KZ)".into(),
            Kind::NotId => "is not a valid id (1 to 80 lowercase letters, digits and hyphens, \
                            not starting with a hyphen)"
                .into(),
            Kind::NotUrl => "is not a URL (http://…, https://… or www.…)".into(),
            Kind::NotOneOf(choices) => format!("is not one of: {}", choices.join(", ")),
            Kind::SpreadsheetFormula => "starts with ' before a formula character, as a \
                                         spreadsheet export neutralises it; import the file \
                                         with --excel to take the apostrophe off"
                .into(),
            Kind::UnknownOrg => format!("unknown organisation '{}'", clip(value)),
            Kind::AmbiguousOrg(ids) => format!(
                "ambiguous organisation '{}': matches {} — use an id",
                clip(value),
                ids.join(", ")
            ),
            Kind::UnknownRef { parent } => format!("no such {parent} row (unknown id)"),
            Kind::Duplicate { key } => format!(
                "duplicate: a row with the same {key} already exists{}",
                if in_file {
                    " (use --on-conflict skip or replace)"
                } else {
                    ""
                }
            ),
            Kind::Combination(words) => (*words).to_string(),
            Kind::Rule(rule) => format!("invalid combination of values (rule: {rule})"),
            Kind::FieldRule(rule) => format!("is invalid (rule: {rule})"),
            Kind::Other(text) => text.clone(),
            Kind::NotInText { document, nearest } => format!(
                "is not in the stored text of {document}; {}",
                match nearest {
                    Some(p) => format!("nearest passage: “{p}”"),
                    None => "no passage of it is alike".to_string(),
                }
            ),
            Kind::NoStoredText => format!(
                "has no stored text to prove the words against: store it with `stancedb add \
                 text {} FILE`, or pass --unverified to record them as unverified",
                clip(value)
            ),
        }
    }

    /// Kinds counted together by the collector's per-kind cap.
    fn class(&self) -> std::mem::Discriminant<Kind> {
        std::mem::discriminant(self)
    }
}

impl fmt::Display for HeaderIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderIssue::NotUtf8 => write!(f, "header is not valid UTF-8"),
            HeaderIssue::Twice(name) => write!(f, "column '{}' appears twice", clip(name)),
            HeaderIssue::Unknown { name, expected } => {
                write!(f, "unknown column '{}' (expected: {expected})", clip(name))
            }
            HeaderIssue::Missing(name) => write!(f, "missing required column '{name}'"),
        }
    }
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
