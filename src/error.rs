//! The library's one error type; `main` alone turns it into an exit code.
use std::path::PathBuf;

use crate::problem::Report;
use crate::signals;

/// Exit code for bad input: usage, unknown or ambiguous names, invalid files, refused databases.
pub const EXIT_INPUT: u8 = 2;
/// Exit code for failures not caused by input (I/O, SQLite) and for `check --strict` findings.
pub const EXIT_FAILURE: u8 = 1;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input typed on the command line.
    #[error("{0}")]
    Input(String),
    /// Bad input from a file or from a command's flags: every problem found, each located
    /// (FILE:LINE:COLUMN, or the flag and its value), capped and sorted.
    #[error("{0}")]
    Problems(Box<Report>),
    /// SIGINT, SIGTERM or SIGHUP arrived: whatever was being written was rolled back.
    #[error("interrupted by {}; nothing was written", signals::name(*.0))]
    Interrupted(i32),
    /// A name that matches nothing.
    #[error("unknown {kind} '{}'{}", clip(.query), suggest(.suggestions))]
    NotFound {
        kind: &'static str,
        query: String,
        suggestions: Vec<String>,
    },
    /// A name that matches several records.
    #[error("ambiguous {kind} '{}': it matches {} — use an id", clip(.query), .candidates.join("; "))]
    Ambiguous {
        kind: &'static str,
        query: String,
        candidates: Vec<String>,
    },
    /// A database file we must not touch.
    #[error("{}: {message}", .path.display())]
    Refused { path: PathBuf, message: String },
    /// A refused or failed SQL query from `sql`.
    #[error("{0}")]
    Sql(String),
    /// A check that ran and found problems (`verify-quotes`, `check --strict`): exit 1.
    #[error("{0}")]
    Findings(String),
    /// SQLite gave up on a write (full disk, I/O error, out of memory, a damaged file): it was
    /// stopped at once and rolled back.
    #[error("{0}: the write was stopped and rolled back; nothing was written")]
    Stopped(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] refinery::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// At most 60 characters of what the user typed, for messages.
pub fn clip(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

/// `s` with its control and invisible format characters written as escapes (`\u{7}`, `\n`,
/// `\u{200b}`), so a value quoted in a message can neither break the line, send commands to
/// the terminal, nor hide or reorder text.
pub fn escape_controls(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else if crate::values::is_invisible(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}?", s.join(", "))
    }
}

impl Error {
    pub fn input(msg: impl Into<String>) -> Self {
        Error::Input(msg.into())
    }

    /// The message as printed on stderr: one line per problem (several only for `Many`),
    /// control characters from names, values or paths shown escaped.
    pub fn report(&self) -> String {
        match self {
            Error::Problems(report) => report.to_string(),
            other => escape_controls(&other.to_string()),
        }
    }

    /// The process exit code this error maps to.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Interrupted(signal) => u8::try_from(128 + signal).unwrap_or(EXIT_FAILURE),
            Error::Input(_)
            | Error::Problems(_)
            | Error::NotFound { .. }
            | Error::Ambiguous { .. }
            | Error::Refused { .. }
            | Error::Sql(_) => EXIT_INPUT,
            _ => EXIT_FAILURE,
        }
    }

    /// True when the error is only a closed pipe on stdout (`| head`): exit quietly.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Io(e) => e.kind() == std::io::ErrorKind::BrokenPipe,
            Error::Csv(e) => {
                matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
            }
            Error::Json(e) => e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe),
            _ => false,
        }
    }
}

impl From<rusqlite::Error> for Error {
    /// An SQLite statement stopped by a signal (the progress handler, or a busy wait given up)
    /// is the interrupt, not a database failure.
    fn from(e: rusqlite::Error) -> Self {
        match signals::received() {
            Some(signal) => Error::Interrupted(signal),
            None if crate::store::guard::is_fatal(&e) => crate::store::guard::stopped(&e),
            None => Error::Sqlite(e),
        }
    }
}

impl From<Report> for Error {
    fn from(r: Report) -> Self {
        Error::Problems(Box::new(r))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
