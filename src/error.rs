//! The library's one error type; `main` alone turns it into an exit code.
use std::path::PathBuf;

/// Exit code for bad input: usage, unknown or ambiguous names, invalid files, refused databases.
pub const EXIT_INPUT: u8 = 2;
/// Exit code for failures not caused by input (I/O, SQLite) and for `check --strict` findings.
pub const EXIT_FAILURE: u8 = 1;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input typed on the command line.
    #[error("{0}")]
    Input(String),
    /// Bad input from a file, located precisely.
    #[error("{file}:{line}:{column}: {message}")]
    FileInput {
        file: String,
        line: u64,
        column: u64,
        message: String,
    },
    /// Several problems in one file (reported all at once).
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Many(Vec<Error>),
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
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
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

/// `s` with its control characters written as escapes (`\u{7}`, `\n`), so a value quoted in a
/// message can neither break the line nor send commands to the terminal.
pub fn escape_controls(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
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
            Error::Many(all) => all.iter().map(Error::report).collect::<Vec<_>>().join("\n"),
            other => escape_controls(&other.to_string()),
        }
    }

    /// The process exit code this error maps to.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Input(_)
            | Error::FileInput { .. }
            | Error::Many(_)
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

pub type Result<T, E = Error> = std::result::Result<T, E>;
