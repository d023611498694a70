//! The one output layer: every command hands rows to an `Output`, which sends them through
//! the one encoder of the format chosen with `--format` (table and md for people; csv, tsv,
//! json, jsonl and xlsx for programs), laid out for the terminal context of the run.
pub mod encode;
pub mod layout;
pub mod parts;
pub mod people;
pub mod pressure;
pub mod progress;
pub mod text;
pub mod xlsx;

use std::io::Write;

use crate::error::{Error, Result};
pub use crate::rows::{Cell, Role, Rows, Sink};
use crate::term::Term;
use encode::{Delimited, Json, JsonShape};
pub use layout::Shape;

/// Output formats every command supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned table for reading in a terminal.
    Table,
    /// RFC 4180 CSV, UTF-8, header row.
    Csv,
    /// Tab-separated; tab, newline, CR and backslash in values escaped as \t \n \r \\.
    Tsv,
    /// One JSON array of objects; without --section, a multi-section command writes one
    /// object whose keys are the section names, each an array of objects.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// GitHub-flavoured Markdown table.
    Md,
    /// Excel workbook (a sheet per block; strings stay strings, dates are dates); binary, so
    /// stdout must be redirected (`export -o FILE.xlsx` writes a file).
    Xlsx,
}

/// `--section NAME` of the commands whose answer has several sections.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct SectionArg {
    /// Only this section (by the name shown above it in the table). csv, tsv and jsonl write
    /// one rectangular table, so they need it; json without it is one object of sections
    #[arg(long, value_name = "NAME")]
    pub section: Option<String>,
}

/// Where rows go: stdout in the chosen format, notices to stderr.
pub struct Output {
    pub format: Format,
    out: Box<dyn Write>,
    term: Term,
}

impl Output {
    /// Output to stdout, laid out for `term`.
    pub fn stdout(format: Format, term: Term) -> Self {
        Output {
            format,
            out: Box::new(std::io::BufWriter::new(std::io::stdout())),
            term,
        }
    }

    /// Output into any writer (tests, files), laid out for `term`.
    pub fn to_writer(format: Format, out: Box<dyn Write>, term: Term) -> Self {
        Output { format, out, term }
    }

    /// The terminal context of this run.
    pub fn term(&self) -> &Term {
        &self.term
    }

    /// Emit a list. When it is empty, `empty` is said on stderr (exit stays 0); csv/tsv/md
    /// still print the header and json an empty array, so scripts see the shape.
    pub fn rows(&mut self, rows: &Rows, empty: &str) -> Result<()> {
        self.one(rows, empty, Shape::List)
    }

    /// Emit one thing (or a few): a record layout for people when a table would cut it.
    pub fn record(&mut self, rows: &Rows, empty: &str) -> Result<()> {
        self.one(rows, empty, Shape::Record)
    }

    fn one(&mut self, rows: &Rows, empty: &str, shape: Shape) -> Result<()> {
        self.binary_ok()?;
        if rows.is_empty() {
            self.notice(empty);
            if self.format == Format::Table || self.format == Format::Jsonl {
                return self.flush();
            }
        }
        self.emit(std::slice::from_ref(rows), shape, false)
    }

    /// Emit several named blocks, lists under their names; `pick` (--section) keeps one.
    pub fn sections(&mut self, blocks: &[Rows], pick: &SectionArg) -> Result<()> {
        self.pick(blocks, pick, Shape::List)
    }

    /// Emit several named blocks about one thing (records where a table would cut).
    pub fn record_sections(&mut self, blocks: &[Rows], pick: &SectionArg) -> Result<()> {
        self.pick(blocks, pick, Shape::Record)
    }

    /// Several blocks a command cannot choose between (what `add` stored): csv, tsv and jsonl
    /// get one sheet with a `section` column and the union of the columns.
    pub fn sections_merged(&mut self, blocks: &[Rows]) -> Result<()> {
        self.binary_ok()?;
        match self.format {
            Format::Csv | Format::Tsv | Format::Jsonl => {
                self.emit(&[crate::rows::merge(blocks)], Shape::List, false)
            }
            _ => self.emit(blocks, Shape::List, true),
        }
    }

    fn pick(&mut self, blocks: &[Rows], pick: &SectionArg, shape: Shape) -> Result<()> {
        self.binary_ok()?;
        let names = || {
            let n: Vec<&str> = blocks.iter().map(|b| b.name.as_str()).collect();
            n.join(", ")
        };
        if let Some(want) = pick.section.as_deref() {
            let Some(b) = blocks
                .iter()
                .find(|b| b.name.eq_ignore_ascii_case(want.trim()))
            else {
                return Err(Error::input(format!(
                    "no section '{want}': the sections are {}",
                    names()
                )));
            };
            return self.emit(std::slice::from_ref(b), shape, false);
        }
        if matches!(self.format, Format::Csv | Format::Tsv | Format::Jsonl) && blocks.len() > 1 {
            return Err(Error::input(format!(
                "--format {} writes one table, and this answer has {}: choose one with --section NAME (sections: {})",
                self.format.name(),
                blocks.len(),
                names()
            )));
        }
        self.emit(blocks, shape, true)
    }

    /// The encoder of the chosen format over stdout; `sections`: blocks under their names.
    pub fn sink(&mut self, shape: Shape, sections: bool) -> Result<Box<dyn Sink + '_>> {
        let out = &mut self.out;
        let term = self.term.clone();
        Ok(match self.format {
            Format::Table => Box::new(people::TableSink::new(out, term, shape, sections)),
            Format::Md => Box::new(people::Markdown::new(out, sections)),
            Format::Csv => Box::new(Delimited::csv(out, false)?),
            Format::Tsv => Box::new(Delimited::tsv(out, false)?),
            Format::Json if sections => Box::new(Json::new(out, JsonShape::Sections)),
            Format::Json => Box::new(Json::new(out, JsonShape::Array)),
            Format::Jsonl => Box::new(Json::new(out, JsonShape::Lines)),
            Format::Xlsx => Box::new(xlsx::Streamed::new(out)?),
        })
    }

    fn emit(&mut self, blocks: &[Rows], shape: Shape, sections: bool) -> Result<()> {
        let mut sink = self.sink(shape, sections)?;
        for b in blocks {
            sink.begin(&b.name, &b.columns)?;
            for r in &b.rows {
                sink.row(r)?;
            }
            sink.end()?;
        }
        sink.finish()?;
        drop(sink);
        self.flush()
    }

    /// Refuse to pour a binary workbook onto a terminal.
    pub fn binary_ok(&self) -> Result<()> {
        if self.format == Format::Xlsx && self.term.stdout_tty {
            return Err(Error::input(
                "--format xlsx writes a binary workbook: redirect it (… > file.xlsx) or use `export -o FILE.xlsx`",
            ));
        }
        Ok(())
    }

    /// A line for the person, not for the pipe: goes to stderr (not with --quiet).
    pub fn notice(&self, msg: &str) {
        if !self.term.quiet && !msg.is_empty() {
            eprintln!("{msg}");
        }
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

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Md => "md",
            Format::Xlsx => "xlsx",
        }
    }
}
