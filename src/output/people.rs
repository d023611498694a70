//! The renderers for people, as sinks like every encoder: the terminal table (laid out by
//! `layout` from the first rows, then streamed) and GitHub Markdown. With headings, each block
//! is shown under its name, and an empty one as "(none)".
use std::io::Write;

use super::layout::{self, Shape};
use crate::error::Result;
use crate::rows::{self, Cell, Role, Sink};
use crate::term::Term;

/// Rows a table waits for before its layout is fixed (the rest stream at those widths).
const LAYOUT_ROWS: usize = 256;
/// …or for this many bytes of text, whichever comes first (memory stays bounded).
const LAYOUT_BYTES: usize = 4_000_000;

enum Mode {
    Table(layout::Fit, Vec<Role>),
    Records,
}

/// The terminal table.
pub struct TableSink<W: Write> {
    out: W,
    term: Term,
    shape: Shape,
    headings: bool,
    blocks: usize,
    columns: Vec<String>,
    cells: Vec<Vec<Cell>>,
    mode: Option<Mode>,
    bytes: usize,
    /// Said under the table: shortened headers' full names, the columns it hides.
    notes: Vec<String>,
}

impl<W: Write> TableSink<W> {
    pub fn new(out: W, term: Term, shape: Shape, headings: bool) -> Self {
        TableSink {
            out,
            term,
            shape,
            headings,
            blocks: 0,
            columns: Vec::new(),
            cells: Vec::new(),
            mode: None,
            bytes: 0,
            notes: Vec::new(),
        }
    }

    /// Fix the layout from the rows seen so far and write them.
    fn settle(&mut self) -> Result<()> {
        let roles = rows::roles(&self.columns, &self.cells);
        let text: Vec<Vec<String>> = self
            .cells
            .drain(..)
            .map(|r| r.iter().map(layout::display).collect())
            .collect();
        let lines = match layout::fit(&self.columns, &text, &roles, self.shape, &self.term) {
            Some(f) => {
                let shown_roles = f.project(&roles);
                let mut lines = layout::header(&f.project(&self.columns), &f.widths, &self.term);
                lines.extend(
                    text.iter()
                        .map(|r| layout::line(&f.project(r), &f.widths, &shown_roles, &f.cuts)),
                );
                self.notes = layout::notes(&self.columns, &f, &self.term);
                self.mode = Some(Mode::Table(f, shown_roles));
                lines
            }
            None => {
                self.mode = Some(Mode::Records);
                layout::records(&self.columns, &text, &self.term)
            }
        };
        for l in lines {
            writeln!(self.out, "{l}")?;
        }
        Ok(())
    }
}

impl<W: Write> Sink for TableSink<W> {
    fn begin(&mut self, name: &str, columns: &[String]) -> Result<()> {
        if self.headings {
            if self.blocks > 0 {
                writeln!(self.out)?;
            }
            let title = if self.term.color {
                format!("\x1b[1m{name}\x1b[0m")
            } else {
                name.to_string()
            };
            writeln!(self.out, "{title}")?;
        }
        self.blocks += 1;
        self.columns = columns.to_vec();
        self.cells.clear();
        self.bytes = 0;
        self.mode = None;
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        match &self.mode {
            None => {
                self.cells.push(cells.to_vec());
                self.bytes += cells.iter().map(|c| c.text().len()).sum::<usize>();
                if self.cells.len() >= LAYOUT_ROWS || self.bytes >= LAYOUT_BYTES {
                    self.settle()?;
                }
            }
            Some(Mode::Table(f, roles)) => {
                let text: Vec<String> = f.project(cells).iter().map(layout::display).collect();
                writeln!(
                    self.out,
                    "{}",
                    layout::line(&text, &f.widths, roles, &f.cuts)
                )?;
            }
            Some(Mode::Records) => {
                let text: Vec<String> = cells.iter().map(layout::display).collect();
                writeln!(self.out)?;
                for l in layout::records(&self.columns, &[text], &self.term) {
                    writeln!(self.out, "{l}")?;
                }
            }
        }
        Ok(())
    }

    fn end(&mut self) -> Result<()> {
        if self.mode.is_none() {
            if self.cells.is_empty() && self.headings {
                writeln!(self.out, "(none)")?;
            } else if !self.cells.is_empty() {
                self.settle()?;
            }
        }
        for note in std::mem::take(&mut self.notes) {
            writeln!(self.out, "{note}")?;
        }
        self.out.flush()?;
        Ok(())
    }
}

fn md_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
}

/// GitHub-flavoured Markdown tables ("## name" above each block with headings).
pub struct Markdown<W: Write> {
    out: W,
    headings: bool,
    blocks: usize,
}

impl<W: Write> Markdown<W> {
    pub fn new(out: W, headings: bool) -> Self {
        Markdown {
            out,
            headings,
            blocks: 0,
        }
    }
}

impl<W: Write> Sink for Markdown<W> {
    fn begin(&mut self, name: &str, columns: &[String]) -> Result<()> {
        if self.headings {
            if self.blocks > 0 {
                writeln!(self.out)?;
            }
            writeln!(self.out, "## {name}\n")?;
        }
        self.blocks += 1;
        let header: Vec<String> = columns.iter().map(|c| md_escape(c)).collect();
        writeln!(self.out, "| {} |", header.join(" | "))?;
        writeln!(self.out, "|{}", "---|".repeat(columns.len()))?;
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        let line: Vec<String> = cells.iter().map(|c| md_escape(&c.text())).collect();
        writeln!(self.out, "| {} |", line.join(" | "))?;
        Ok(())
    }

    fn end(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}
