//! XLSX export through rust_xlsxwriter in constant-memory mode (rows stream to a temporary file
//! beside the output, not into memory): text always as strings (never formulas), full
//! YYYY-MM-DD dates as real dates, a bold frozen header with an autofilter, and column widths
//! fitted to the content. A block longer than Excel's row limit continues on a new sheet.
use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::rows::{Cell, Sink};

/// Excel's last row index (1,048,576 rows, the header included).
const MAX_ROW: u32 = 1_048_575;
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 60.0;
const DATE_WIDTH: usize = 11;

/// A workbook being written, one sheet per block.
pub struct Xlsx {
    wb: Workbook,
    sheet: Option<usize>,
    sheets: usize,
    names: Vec<String>,
    name: String,
    part: u32,
    columns: Vec<String>,
    widths: Vec<usize>,
    row: u32,
    bold: Format,
    date: Format,
}

impl Xlsx {
    /// A new workbook whose sheets buffer their rows in temporary files in `tempdir`.
    pub fn new(tempdir: &Path) -> Result<Self> {
        let mut wb = Workbook::new();
        wb.set_tempdir(tempdir)?;
        Ok(Xlsx {
            wb,
            sheet: None,
            sheets: 0,
            names: Vec::new(),
            name: String::new(),
            part: 1,
            columns: Vec::new(),
            widths: Vec::new(),
            row: 0,
            bold: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        })
    }

    /// Write the finished workbook to `path`.
    pub fn save(&mut self, path: &Path) -> Result<()> {
        if self.sheets == 0 {
            // An empty workbook is not valid XLSX: keep one empty sheet.
            self.wb.add_worksheet();
        }
        self.wb.save(path)?;
        Ok(())
    }

    fn current(&mut self) -> Result<&mut Worksheet> {
        let i = self
            .sheet
            .ok_or_else(|| Error::Io(std::io::Error::other("xlsx: no sheet begun")))?;
        Ok(self.wb.worksheet_from_index(i)?)
    }

    /// A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique in the workbook.
    fn sheet_name(&self, base: &str) -> String {
        let clean: String = base
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
            .collect();
        let clean = clean.trim_matches('\'');
        let clean = if clean.is_empty() { "sheet" } else { clean };
        let mut n = 1;
        loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!(" ({n})")
            };
            let keep = 31 - suffix.chars().count();
            let name: String = clean.chars().take(keep).collect::<String>() + &suffix;
            if !self.names.iter().any(|x| x.eq_ignore_ascii_case(&name)) {
                return name;
            }
            n += 1;
        }
    }

    fn open_sheet(&mut self) -> Result<()> {
        let base = if self.part == 1 {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.part)
        };
        let name = self.sheet_name(&base);
        let ws = self.wb.add_worksheet_with_constant_memory()?;
        ws.set_name(name.as_str())?;
        for (c, title) in self.columns.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, title.as_str(), &self.bold)?;
        }
        self.names.push(name);
        self.sheet = Some(self.sheets);
        self.sheets += 1;
        self.row = 0;
        self.widths = self.columns.iter().map(|c| display_width(c) + 3).collect();
        Ok(())
    }

    fn close_sheet(&mut self) -> Result<()> {
        let last_row = self.row;
        let last_col = col(self.columns.len().saturating_sub(1))?;
        let widths = std::mem::take(&mut self.widths);
        let ws = self.current()?;
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(col(c)?, (*w as f64 + 1.0).clamp(MIN_WIDTH, MAX_WIDTH))?;
        }
        ws.set_freeze_panes(1, 0)?;
        if !widths.is_empty() {
            ws.autofilter(0, 0, last_row, last_col)?;
        }
        self.sheet = None;
        Ok(())
    }
}

fn col(i: usize) -> Result<u16> {
    u16::try_from(i)
        .ok()
        .filter(|c| *c < 16_384)
        .ok_or_else(|| Error::input("more than 16,384 columns: too wide for XLSX"))
}

/// Roughly how many character widths a text takes (wide scripts count double).
fn display_width(s: &str) -> usize {
    s.lines()
        .map(|l| {
            l.chars()
                .map(|c| if c as u32 >= 0x1100 { 2 } else { 1 })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
}

/// A full calendar date written as YYYY-MM-DD (partial dates are not dates).
fn full_date(s: &str) -> Option<ExcelDateTime> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) {
        return None;
    }
    if !digits(8..10) {
        return None;
    }
    let y = s[0..4].parse().ok()?;
    let m = s[5..7].parse().ok()?;
    let d = s[8..10].parse().ok()?;
    ExcelDateTime::from_ymd(y, m, d).ok()
}

fn cell_error(e: XlsxError, row: u32, column: &str) -> Error {
    match e {
        XlsxError::MaxStringLengthExceeded => Error::Io(std::io::Error::other(format!(
            "row {row}, column {column}: text longer than Excel's 32,767-character cell limit; \
             export this as CSV instead"
        ))),
        e => e.into(),
    }
}

impl Sink for Xlsx {
    fn begin(&mut self, name: &str, columns: &[String]) -> Result<()> {
        self.name = name.to_string();
        self.part = 1;
        self.columns = columns.to_vec();
        self.open_sheet()
    }

    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        if self.row == MAX_ROW {
            self.close_sheet()?;
            self.part += 1;
            self.open_sheet()?;
        }
        self.row += 1;
        let row = self.row;
        let Xlsx {
            wb,
            sheet,
            columns,
            widths,
            date,
            ..
        } = self;
        let ws = wb.worksheet_from_index(sheet.unwrap_or_default())?;
        for (c, cell) in cells.iter().enumerate() {
            let cn = col(c)?;
            let width = match cell {
                Cell::Null => 0,
                Cell::Int(i) => {
                    ws.write_number(row, cn, *i as f64)?;
                    i.to_string().len()
                }
                Cell::Real(f) => {
                    ws.write_number(row, cn, *f)?;
                    cell.text().len()
                }
                Cell::Blob(_) => {
                    let hex = cell.text();
                    ws.write_string(row, cn, hex.as_str()).map_err(|e| {
                        cell_error(e, row, columns.get(c).map_or("?", |s| s.as_str()))
                    })?;
                    hex.len()
                }
                Cell::Text(s) => {
                    if let Some(d) = full_date(s) {
                        ws.write_datetime_with_format(row, cn, d, date)?;
                        DATE_WIDTH
                    } else {
                        ws.write_string(row, cn, s.as_str()).map_err(|e| {
                            cell_error(e, row, columns.get(c).map_or("?", |s| s.as_str()))
                        })?;
                        display_width(s)
                    }
                }
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
        Ok(())
    }

    fn end(&mut self) -> Result<()> {
        self.close_sheet()
    }
}

/// A workbook for a stream that is not a file (stdout): built in a temporary file, copied out
/// when finished.
pub struct Streamed<W: std::io::Write> {
    book: Xlsx,
    path: std::path::PathBuf,
    out: W,
}

impl<W: std::io::Write> Streamed<W> {
    pub fn new(out: W) -> Result<Self> {
        let dir = std::env::temp_dir();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = dir.join(format!(".stancedb-{}-{nanos}.xlsx", std::process::id()));
        Ok(Streamed {
            book: Xlsx::new(&dir)?,
            path,
            out,
        })
    }
}

impl<W: std::io::Write> Sink for Streamed<W> {
    fn begin(&mut self, name: &str, columns: &[String]) -> Result<()> {
        self.book
            .begin(if name.is_empty() { "rows" } else { name }, columns)
    }
    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        self.book.row(cells)
    }
    fn end(&mut self) -> Result<()> {
        self.book.end()
    }
    fn finish(&mut self) -> Result<()> {
        let saved = self.book.save(&self.path);
        let copied = saved.and_then(|()| {
            let mut f = std::fs::File::open(&self.path)?;
            std::io::copy(&mut f, &mut self.out)?;
            Ok(())
        });
        let _ = std::fs::remove_file(&self.path);
        copied?;
        self.out.flush()?;
        Ok(())
    }
}
