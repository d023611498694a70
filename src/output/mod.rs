//! The one output layer: every command hands rows to an `Output`, which renders them in the
//! format chosen with `--format` (table, csv, tsv, json, jsonl, md).
mod render;
pub mod sink;
pub mod xlsx;

use std::io::{IsTerminal, Write};

use crate::error::Result;

/// Output formats every command supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned table for reading in a terminal.
    Table,
    /// RFC 4180 CSV, UTF-8, header row.
    Csv,
    /// Tab-separated; tab, newline, CR and backslash in values escaped as \t \n \r \\.
    Tsv,
    /// One JSON array of objects (one object keyed by section for multi-section output).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// GitHub-flavoured Markdown table.
    Md,
    /// Excel workbook (a sheet per block; strings stay strings, dates are dates); binary, so
    /// stdout must be redirected (`export -o FILE.xlsx` writes a file).
    Xlsx,
}

/// One value in a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Int(i64),
    Real(f64),
}

impl Cell {
    /// The value as text; NULL is the empty string.
    pub fn text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Real(f) => format_real(*f),
        }
    }
}

fn format_real(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.1}")
    } else {
        let s = format!("{f:.4}");
        s.trim_end_matches('0').to_string()
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}
impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}
impl From<Option<String>> for Cell {
    fn from(s: Option<String>) -> Self {
        s.map_or(Cell::Null, Cell::Text)
    }
}
impl From<i64> for Cell {
    fn from(i: i64) -> Self {
        Cell::Int(i)
    }
}
impl From<Option<i64>> for Cell {
    fn from(i: Option<i64>) -> Self {
        i.map_or(Cell::Null, Cell::Int)
    }
}
impl From<f64> for Cell {
    fn from(f: f64) -> Self {
        Cell::Real(f)
    }
}
impl From<Option<f64>> for Cell {
    fn from(f: Option<f64>) -> Self {
        f.map_or(Cell::Null, Cell::Real)
    }
}

impl From<rusqlite::types::Value> for Cell {
    fn from(v: rusqlite::types::Value) -> Self {
        use rusqlite::types::Value;
        match v {
            Value::Null => Cell::Null,
            Value::Integer(i) => Cell::Int(i),
            Value::Real(f) => Cell::Real(f),
            Value::Text(s) => Cell::Text(s),
            Value::Blob(b) => Cell::Text(String::from_utf8_lossy(&b).into_owned()),
        }
    }
}

/// A named block of rows with its column names.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Rows {
    pub fn new(name: &str, columns: &[&str]) -> Self {
        Rows {
            name: name.to_string(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len(), "row width for {}", self.name);
        self.rows.push(row);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Where rows go: stdout in the chosen format, notices to stderr.
pub struct Output {
    pub format: Format,
    out: Box<dyn Write>,
    styled: bool,
    /// stdout is a terminal (no binary formats there).
    tty: bool,
}

impl Output {
    /// Output to stdout. Table headers are bold only on a terminal and when NO_COLOR is unset.
    pub fn stdout(format: Format) -> Self {
        let stdout = std::io::stdout();
        let tty = stdout.is_terminal();
        let styled = tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Output {
            format,
            out: Box::new(std::io::BufWriter::new(stdout)),
            styled,
            tty,
        }
    }

    /// Output into any writer (tests, files).
    pub fn to_writer(format: Format, out: Box<dyn Write>) -> Self {
        Output {
            format,
            out,
            styled: false,
            tty: false,
        }
    }

    /// Emit one block of rows. When it is empty, `empty` is said on stderr (exit stays 0);
    /// csv/tsv/md still print the header and json an empty array, so scripts see the shape.
    pub fn rows(&mut self, rows: &Rows, empty: &str) -> Result<()> {
        self.binary_ok()?;
        if rows.is_empty() {
            self.notice(empty);
            if self.format == Format::Table || self.format == Format::Jsonl {
                return self.flush();
            }
        }
        render::one(&mut self.out, self.format, rows, self.styled)?;
        self.flush()
    }

    /// Emit several named blocks (e.g. everything about one organisation).
    pub fn sections(&mut self, blocks: &[Rows]) -> Result<()> {
        self.binary_ok()?;
        render::many(&mut self.out, self.format, blocks, self.styled)?;
        self.flush()
    }

    /// Refuse to pour a binary workbook onto a terminal.
    fn binary_ok(&self) -> Result<()> {
        if self.format == Format::Xlsx && self.tty {
            return Err(crate::error::Error::input(
                "--format xlsx writes a binary workbook: redirect it (… > file.xlsx) or use `export -o FILE.xlsx`",
            ));
        }
        Ok(())
    }

    /// A line for the person, not for the pipe: goes to stderr.
    pub fn notice(&self, msg: &str) {
        eprintln!("{msg}");
    }

    /// Raw text to stdout (reports).
    pub fn line(&mut self, text: &str) -> Result<()> {
        writeln!(self.out, "{text}")?;
        Ok(())
    }

    pub fn flush(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}
