//! Row-at-a-time writers for the text formats: CSV (raw, or the `--excel` spreadsheet profile),
//! TSV, JSON and JSON Lines. Nothing is collected: each row is written as it arrives.
use std::borrow::Cow;
use std::io::Write;

use crate::error::Result;
use crate::output::Cell;
use crate::values::FORMULA_STARTS;

/// Where exported rows go, one block (file or sheet) at a time.
pub trait Sink {
    /// Start a block: its name (table, view or "query") and column names.
    fn begin(&mut self, name: &str, columns: &[String]) -> Result<()>;
    /// One row, as wide as the columns.
    fn row(&mut self, cells: &[Cell]) -> Result<()>;
    /// End the block (and flush what is buffered).
    fn end(&mut self) -> Result<()>;
}

/// A text cell made safe for a spreadsheet: a leading `'` when it begins like a formula.
pub fn neutralize(s: &str) -> Cow<'_, str> {
    if s.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// CSV (RFC 4180, minimal quoting, NULL = empty field) or TSV (backslash escapes).
///
/// Raw, it is exactly the seed/ format: UTF-8, LF. The Excel profile adds a UTF-8 BOM, CRLF
/// line ends and neutralises text cells that begin like a formula.
pub struct Delimited {
    csv: Option<csv::Writer<Box<dyn Write>>>,
    tsv: Option<Box<dyn Write>>,
    excel: bool,
}

impl Delimited {
    pub fn csv(mut out: Box<dyn Write>, excel: bool) -> Result<Self> {
        if excel {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        let terminator = if excel {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let w = csv::WriterBuilder::new()
            .terminator(terminator)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(out);
        Ok(Delimited {
            csv: Some(w),
            tsv: None,
            excel,
        })
    }

    pub fn tsv(mut out: Box<dyn Write>, excel: bool) -> Result<Self> {
        if excel {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        Ok(Delimited {
            csv: None,
            tsv: Some(out),
            excel,
        })
    }

    fn text<'a>(&self, cell: &'a Cell) -> Cow<'a, str> {
        match cell {
            Cell::Text(s) if self.excel => neutralize(s),
            Cell::Text(s) => Cow::Borrowed(s),
            other => Cow::Owned(other.text()),
        }
    }

    fn write_tsv_line<'a>(&mut self, fields: impl Iterator<Item = Cow<'a, str>>) -> Result<()> {
        let end: &[u8] = if self.excel { b"\r\n" } else { b"\n" };
        if let Some(out) = self.tsv.as_mut() {
            for (i, f) in fields.enumerate() {
                if i > 0 {
                    out.write_all(b"\t")?;
                }
                out.write_all(tsv_escape(&f).as_bytes())?;
            }
            out.write_all(end)?;
        }
        Ok(())
    }
}

/// Backslash, tab, newline and CR become \\ \t \n \r (as `--format tsv` everywhere else).
pub(crate) fn tsv_escape(s: &str) -> Cow<'_, str> {
    if !s.contains(['\\', '\t', '\n', '\r']) {
        return Cow::Borrowed(s);
    }
    let mut o = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '\t' => o.push_str("\\t"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            c => o.push(c),
        }
    }
    Cow::Owned(o)
}

impl Sink for Delimited {
    fn begin(&mut self, _name: &str, columns: &[String]) -> Result<()> {
        if let Some(w) = self.csv.as_mut() {
            w.write_record(columns)?;
            return Ok(());
        }
        self.write_tsv_line(columns.iter().map(|c| Cow::Borrowed(c.as_str())))
    }

    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        if self.csv.is_some() {
            let fields: Vec<Cow<'_, str>> = cells.iter().map(|c| self.text(c)).collect();
            if let Some(w) = self.csv.as_mut() {
                w.write_record(fields.iter().map(|f| f.as_bytes()))?;
            }
            return Ok(());
        }
        let fields: Vec<Cow<'_, str>> = cells.iter().map(|c| self.text(c)).collect();
        self.write_tsv_line(fields.into_iter())
    }

    fn end(&mut self) -> Result<()> {
        if let Some(w) = self.csv.as_mut() {
            w.flush()?;
        }
        if let Some(out) = self.tsv.as_mut() {
            out.flush()?;
        }
        Ok(())
    }
}

/// A JSON array of objects (pretty, like `--format json`) or JSON Lines; keys in column order.
pub struct Json {
    out: Box<dyn Write>,
    lines: bool,
    columns: Vec<String>,
    rows: u64,
}

impl Json {
    pub fn new(out: Box<dyn Write>, lines: bool) -> Self {
        Json {
            out,
            lines,
            columns: Vec::new(),
            rows: 0,
        }
    }
}

fn json_value(out: &mut dyn Write, cell: &Cell) -> Result<()> {
    match cell {
        Cell::Null => out.write_all(b"null")?,
        Cell::Int(i) => write!(out, "{i}")?,
        Cell::Real(f) => match serde_json::Number::from_f64(*f) {
            Some(n) => write!(out, "{n}")?,
            None => out.write_all(b"null")?,
        },
        Cell::Text(s) => serde_json::to_writer(&mut *out, s)?,
    }
    Ok(())
}

impl Sink for Json {
    fn begin(&mut self, _name: &str, columns: &[String]) -> Result<()> {
        self.columns = columns.to_vec();
        self.rows = 0;
        if !self.lines {
            self.out.write_all(b"[")?;
        }
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        let out = &mut self.out;
        if self.lines {
            out.write_all(b"{")?;
            for (i, (c, v)) in self.columns.iter().zip(cells).enumerate() {
                if i > 0 {
                    out.write_all(b",")?;
                }
                serde_json::to_writer(&mut *out, c)?;
                out.write_all(b":")?;
                json_value(out, v)?;
            }
            out.write_all(b"}\n")?;
        } else {
            out.write_all(if self.rows == 0 { b"\n  {" } else { b",\n  {" })?;
            for (i, (c, v)) in self.columns.iter().zip(cells).enumerate() {
                out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
                serde_json::to_writer(&mut *out, c)?;
                out.write_all(b": ")?;
                json_value(out, v)?;
            }
            out.write_all(if cells.is_empty() { b"}" } else { b"\n  }" })?;
        }
        self.rows += 1;
        Ok(())
    }

    fn end(&mut self) -> Result<()> {
        if !self.lines {
            self.out
                .write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(())
    }
}
