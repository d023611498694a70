//! The kinds of problem, and their words: what is wrong, without where. How the words attach
//! to the field and value is each kind's layout; the context adds the place.
use std::fmt;

use crate::error::clip;

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
pub(super) enum Layout {
    /// The words stand alone (they say what they concern).
    Bare,
    /// `field: words`.
    Field,
    /// `field: 'value' words`.
    FieldValue,
}

impl Kind {
    pub(super) fn layout(&self) -> Layout {
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
    pub(super) fn words(&self, value: &str, in_file: bool) -> String {
        self.input_words()
            .unwrap_or_else(|| self.value_words(value, in_file))
    }

    /// The words of a problem with the input as a whole (its encoding, shape or quoting).
    fn input_words(&self) -> Option<String> {
        Some(match self {
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
            _ => return None,
        })
    }

    /// The words of a problem with one value.
    fn value_words(&self, value: &str, in_file: bool) -> String {
        match self {
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
            _ => String::new(),
        }
    }

    /// Kinds counted together by the collector's per-kind cap.
    pub(super) fn class(&self) -> std::mem::Discriminant<Kind> {
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
