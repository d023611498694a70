//! Loading CSV into a table, row by row inside the caller's transaction: used for the embedded
//! seed, for `import`, and for the one-row records of `add` and `sign`. Every problem is kept
//! as data (line, field number, column, value, kind) in one collector and reported all at
//! once, capped; the caller rolls back on any error, so a file loads whole or not at all.
use std::io::{BufReader, Read};

use csv::ByteRecord;
use rusqlite::Transaction;
use rusqlite::types::Value;

use super::tables::{self, Column};
use crate::error::Result;
use crate::problem::{Collector, Kind, Problem, Source};
use crate::signals;

mod fields;
mod header;
mod reasons;
mod recompute;
mod rows;
mod scan;
mod sql;
pub(crate) mod stale;
use fields::field_value;
use header::{map_header, sniff};
use rows::RowWriter;
use scan::Scanned;
use sql::{foreign_key_problems, insert_sql};

/// What to do when a row's id (or another unique key) is already present.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OnConflict {
    /// Report the row as an error (default).
    Error,
    /// Keep the existing row, skip the new one.
    Skip,
    /// Overwrite the existing row with the same id.
    Replace,
}

/// How a file is read.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub on_conflict: OnConflict,
    /// The file is a spreadsheet export (`export --excel`): take off the `'` that neutralised
    /// formula-like text. Also assumed for a file that starts with a BOM and ends lines CRLF.
    pub excel: bool,
}

impl Options {
    pub fn new(on_conflict: OnConflict) -> Options {
        Options {
            on_conflict,
            excel: false,
        }
    }
}

impl From<OnConflict> for Options {
    fn from(on_conflict: OnConflict) -> Options {
        Options::new(on_conflict)
    }
}

/// What a load did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Report {
    pub inserted: usize,
    pub skipped: usize,
    pub replaced: usize,
    /// The rowid of the last row inserted (recording a quote's proof inserts too).
    pub last_rowid: Option<i64>,
}

/// Load the embedded seed into an empty, migrated database.
pub fn seed(tx: &Transaction) -> Result<()> {
    for (table, text) in tables::SEED {
        let table = tables::table(table)?;
        let file = format!("seed/{table}.csv");
        load_csv(
            tx,
            table,
            &file,
            text.as_bytes(),
            Options::new(OnConflict::Error),
        )?;
    }
    tables::refresh_search_keys(tx)?;
    Ok(())
}

/// Load `input` (CSV with a header row) into `table`; `file` names it in problems. The caller
/// owns the transaction.
pub fn load_csv<R: Read>(
    tx: &Transaction,
    table: &'static str,
    file: &str,
    input: R,
    options: impl Into<Options>,
) -> Result<Report> {
    let options = options.into();
    let mut aside = stale::SetAside::begin(table);
    let mut problems = Collector::new();
    let result = load_rows(tx, table, input, options, &mut aside, &mut problems);
    // Put back on every path; the load's own error, if any, is the one to report (the
    // caller then rolls back, which restores the trigger in any case).
    let ended = aside.end(tx, result.is_ok());
    let report = result?;
    ended?;
    signals::check()?;
    match problems.finish(Source::File(file.to_string())) {
        None => Ok(report),
        Some(found) => Err(found.into()),
    }
}

/// Turn `PRAGMA defer_foreign_keys` on or off, only when it changes: setting a flag pragma
/// expires every prepared statement of the connection (each would be compiled again, the
/// triggers it fires and all).
fn defer_foreign_keys(tx: &Transaction, on: bool) -> Result<()> {
    let deferred: bool = tx
        .prepare_cached("PRAGMA defer_foreign_keys")?
        .query_row([], |r| r.get(0))?;
    if deferred != on {
        tx.execute_batch(if on {
            "PRAGMA defer_foreign_keys = ON;"
        } else {
            "PRAGMA defer_foreign_keys = OFF;"
        })?;
    }
    Ok(())
}

/// The row loop's fixed parts.
struct Body<'a, 'w> {
    writer: &'a mut RowWriter<'w>,
    stmt: &'a mut rusqlite::Statement<'w>,
    aside: &'a mut stale::SetAside,
    org_refs: fields::OrgRefs,
    /// The column the positions bookkeeping needs from each row (see stale.rs).
    key_column: Option<usize>,
    width: usize,
    excel: bool,
    /// Proves verbatim words against their source's stored text (quotes::prove).
    prover: crate::quotes::Prover,
}

fn load_rows<R: Read>(
    tx: &Transaction,
    table: &'static str,
    input: R,
    options: Options,
    aside: &mut stale::SetAside,
    problems: &mut Collector,
) -> Result<Report> {
    // Streamed: only a buffer of the file is in memory at a time, whatever its size.
    let mut input = BufReader::with_capacity(1 << 16, input);
    let Some(excel_profile) = sniff(&mut input, problems)? else {
        return Ok(Report::default());
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(Scanned::new(input));
    let Some((header, line)) = read_header(&mut rdr, problems)? else {
        return Ok(Report::default());
    };
    let cols = tables::columns(tx, table)?;
    let mapping = match map_header(&header, &cols) {
        Ok(m) => m,
        Err((column, kind)) => {
            problems.push(Problem::at(line, column, kind));
            return Ok(Report::default());
        }
    };
    let present: Vec<&Column> = mapping.iter().map(|&i| &cols[i]).collect();
    let names: Vec<&str> = present.iter().map(|c| c.name.as_str()).collect();
    // References are checked row by row as the row goes in, except in a table that refers to
    // itself (documents.cited_in_id), whose rows may refer to later rows: there they are
    // checked once the whole file is in.
    let self_referring = present
        .iter()
        .any(|c| c.references.as_deref() == Some(table));
    defer_foreign_keys(tx, self_referring)?;
    // Cached: a process loading many files (tests, the fuzzer) compiles the INSERT and the
    // triggers it fires once per header.
    let mut stmt = tx.prepare_cached(&insert_sql(table, &names, options.on_conflict))?;
    let mut writer = RowWriter {
        tx,
        table,
        names: &names,
        present: &present,
        on_conflict: options.on_conflict,
        self_referring,
        report: Report::default(),
        rowid_lines: Vec::new(),
    };
    let key_column = aside
        .column()
        .and_then(|c| names.iter().position(|n| *n == c));
    let mut body = Body {
        writer: &mut writer,
        stmt: &mut stmt,
        aside,
        org_refs: fields::OrgRefs::new(),
        key_column,
        width: header.len(),
        excel: options.excel || excel_profile,
        prover: crate::quotes::Prover::new(tx, table, &names)?,
    };
    read_body(&mut rdr, &mut body, problems)?;
    drop(stmt);
    if quoting_failed(&mut rdr.get_mut().scan, problems) {
        return Ok(Report::default());
    }
    if self_referring {
        late_references(tx, table, &writer, problems)?;
    }
    Ok(writer.report)
}

/// Quoting problems alone: with them, the rows read are not what the file says, so they
/// replace every other problem. True when there are any.
fn quoting_failed(scan: &mut scan::Scan, problems: &mut Collector) -> bool {
    scan.finish();
    if scan.quoting.is_empty() {
        return false;
    }
    *problems = Collector::new();
    for p in scan.quoting.drain(..) {
        problems.push(p);
    }
    problems.count_more(scan.quoting_more);
    true
}

/// A line with nothing on it but blanks.
fn blank(rec: &ByteRecord) -> bool {
    rec.len() == 1 && rec.get(0).is_some_and(|f| f.trim_ascii().is_empty())
}

/// The header row (the first line that is not blank) and its line.
fn read_header<R: Read>(
    rdr: &mut csv::Reader<Scanned<R>>,
    problems: &mut Collector,
) -> Result<Option<(ByteRecord, u64)>> {
    let mut rec = ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) if blank(&rec) => continue,
            Ok(true) => {
                let line = rdr.get_mut().scan.line_at(position(&rec));
                return Ok(Some((rec, line)));
            }
            Ok(false) => {
                problems.push(Problem::at(1, 1, Kind::EmptyFile));
                return Ok(None);
            }
            Err(e) => {
                read_problem(rdr, &e, problems)?;
                return Ok(None);
            }
        }
    }
}

fn position(rec: &ByteRecord) -> u64 {
    rec.position().map_or(0, csv::Position::byte)
}

/// Every data row: checked, then written (or reported).
fn read_body<R: Read>(
    rdr: &mut csv::Reader<Scanned<R>>,
    body: &mut Body,
    problems: &mut Collector,
) -> Result<()> {
    let mut rec = ByteRecord::new();
    loop {
        signals::check()?;
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(e) => {
                if read_problem(rdr, &e, problems)? {
                    return Ok(());
                }
                continue;
            }
        }
        let line = rdr.get_mut().scan.line_at(position(&rec));
        if blank(&rec) {
            continue;
        }
        if rec.len() != body.width {
            let column = rec.len().min(body.width) as u64 + 1;
            let kind = Kind::FieldCount {
                expected: body.width,
                found: rec.len(),
            };
            problems.push(Problem::at(line, column, kind));
            continue;
        }
        let Some(values) = row_values(body, line, &rec, problems) else {
            continue;
        };
        if body.aside.row(body.writer.tx)?
            && let Some(Value::Text(key)) = body.key_column.and_then(|i| values.get(i))
        {
            body.aside.key(body.writer.tx, key)?;
        }
        let Some(proof) = body.prover.check(body.writer.tx, line, &values, problems)? else {
            continue;
        };
        let inserted = body.writer.report.inserted;
        body.writer.one(body.stmt, line, &values, problems)?;
        if body.writer.report.inserted > inserted {
            let rowid = body.writer.tx.last_insert_rowid();
            body.writer.report.last_rowid = Some(rowid);
            body.prover.record(body.writer.tx, rowid, proof)?;
        }
    }
}

/// The row's values to bind, or None when a field is refused (each reported).
fn row_values(
    body: &mut Body,
    line: u64,
    rec: &ByteRecord,
    problems: &mut Collector,
) -> Option<Vec<Value>> {
    let present = body.writer.present;
    let mut values: Vec<Value> = Vec::with_capacity(present.len());
    let mut bad = false;
    for (i, col) in present.iter().enumerate() {
        let raw = rec.get(i).unwrap_or_default();
        match field_value(body.writer.tx, &mut body.org_refs, raw, col, body.excel) {
            Ok(v) => values.push(v),
            Err(kind) => {
                let shown = String::from_utf8_lossy(raw);
                let value = (!shown.is_empty()).then_some(shown.as_ref());
                problems.push(Problem::field(line, i as u64 + 1, &col.name, value, kind));
                bad = true;
            }
        }
    }
    (!bad).then_some(values)
}

/// A read error as a problem; true when reading must stop.
fn read_problem<R: Read>(
    rdr: &mut csv::Reader<Scanned<R>>,
    e: &csv::Error,
    problems: &mut Collector,
) -> Result<bool> {
    signals::check()?;
    let scan = &mut rdr.get_mut().scan;
    if let Some(limit) = scan.limit.take() {
        problems.push(limit);
        return Ok(true);
    }
    let line = scan.line_at(e.position().map_or(0, csv::Position::byte));
    match e.kind() {
        csv::ErrorKind::Io(io) => {
            problems.push(Problem::at(line, 1, Kind::Unreadable(io.to_string())));
            Ok(true)
        }
        _ => {
            problems.push(Problem::at(line, 1, Kind::Malformed(e.to_string())));
            Ok(false)
        }
    }
}

/// A self-referring table's references, checked now that every row is in.
fn late_references(
    tx: &Transaction,
    table: &'static str,
    writer: &RowWriter,
    problems: &mut Collector,
) -> Result<()> {
    for (rowid, column, parent) in foreign_key_problems(tx, table)? {
        if let Some(&(_, line)) = writer.rowid_lines.iter().find(|(r, _)| *r == rowid) {
            let i = writer.names.iter().position(|n| *n == column).unwrap_or(0);
            let kind = Kind::UnknownRef { parent };
            problems.push(Problem::field(line, i as u64 + 1, &column, None, kind));
        }
    }
    Ok(())
}
