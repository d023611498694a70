//! The one output layer: every command hands rows to an `Output`, which renders them in the
//! format chosen with `--format` (table, csv, tsv, json, jsonl, md).
pub mod encode;
mod people;
pub mod xlsx;

use std::io::{IsTerminal, Write};

use crate::error::Result;
pub use crate::rows::{Cell, Role, Rows, Sink};
use encode::{Delimited, Json, JsonShape};

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
        self.encode(std::slice::from_ref(rows), false)?;
        self.flush()
    }

    /// Emit several named blocks (e.g. everything about one organisation).
    pub fn sections(&mut self, blocks: &[Rows]) -> Result<()> {
        self.binary_ok()?;
        self.encode(blocks, true)?;
        self.flush()
    }

    /// Blocks in the chosen format, through the one encoder of each format.
    fn encode(&mut self, blocks: &[Rows], sections: bool) -> Result<()> {
        let out = &mut self.out;
        match self.format {
            Format::Table | Format::Md if sections => {
                people::sections(out, blocks, self.format == Format::Md, self.styled)
            }
            Format::Table => blocks
                .iter()
                .try_for_each(|b| people::table(out, b, self.styled)),
            Format::Md => blocks.iter().try_for_each(|b| people::markdown(out, b)),
            Format::Xlsx => workbook(out, blocks),
            Format::Json => {
                let shape = if sections {
                    JsonShape::Sections
                } else {
                    JsonShape::Array
                };
                let mut json = Json::new(out, shape);
                feed(&mut json, blocks)?;
                json.finish()
            }
            format => {
                let merged = if sections {
                    Some(people::merged(blocks))
                } else {
                    None
                };
                let blocks = merged.as_ref().map_or(blocks, std::slice::from_ref);
                match format {
                    Format::Csv => feed(&mut Delimited::csv(out, false)?, blocks),
                    Format::Tsv => feed(&mut Delimited::tsv(out, false)?, blocks),
                    _ => feed(&mut Json::new(out, JsonShape::Lines), blocks),
                }
            }
        }
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

/// Every row of every block into one sink.
fn feed(sink: &mut dyn Sink, blocks: &[Rows]) -> Result<()> {
    for b in blocks {
        sink.begin(&b.name, &b.columns)?;
        for r in &b.rows {
            sink.row(r)?;
        }
        sink.end()?;
    }
    Ok(())
}

/// An XLSX workbook with one sheet per block, through the same writer `export` uses, built
/// in a temporary file and then copied to `out`.
fn workbook(out: &mut dyn Write, blocks: &[Rows]) -> Result<()> {
    let dir = std::env::temp_dir();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let path = dir.join(format!(".stancedb-{}-{nanos}.xlsx", std::process::id()));
    let result = (|| -> Result<Vec<u8>> {
        let mut book = xlsx::Xlsx::new(&dir)?;
        for b in blocks {
            book.begin(if b.name.is_empty() { "rows" } else { &b.name }, &b.columns)?;
            for r in &b.rows {
                book.row(r)?;
            }
            book.end()?;
        }
        book.save(&path)?;
        Ok(std::fs::read(&path)?)
    })();
    let _ = std::fs::remove_file(&path);
    out.write_all(&result?)?;
    Ok(())
}
