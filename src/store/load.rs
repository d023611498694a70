//! Loading CSV into a table, row by row inside the caller's transaction: used for the embedded
//! seed and for `import`. Every problem is reported as FILE:LINE:COLUMN (COLUMN = field number),
//! all of them at once; the caller rolls back on any error, so a file loads whole or not at all.
use std::io::{BufRead, Read};

use rusqlite::Transaction;
use rusqlite::types::Value;

use super::tables::{self, Column};
use crate::error::{Error, Result};

mod fields;
mod rows;
mod sql;
mod stale;
use sql::{foreign_key_problems, insert_sql};
mod quoting;
mod reasons;
use fields::field_value;
use reasons::clip;

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

/// What a load did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Report {
    pub inserted: usize,
    pub skipped: usize,
    pub replaced: usize,
    /// The rowid of the last row inserted (recording a quote's proof inserts too).
    pub last_rowid: Option<i64>,
}

/// Stop collecting after this many problems (the count of the rest is still reported).
const MAX_PROBLEMS: usize = 200;

/// Load the embedded seed into an empty, migrated database.
pub fn seed(tx: &Transaction) -> Result<()> {
    for (table, text) in tables::SEED {
        let table = tables::table(table)?;
        load_csv(
            tx,
            table,
            &format!("seed/{table}.csv"),
            text.as_bytes(),
            OnConflict::Error,
        )?;
    }
    tables::refresh_search_keys(tx)?;
    Ok(())
}

fn problem(file: &str, line: u64, column: u64, message: impl Into<String>) -> Error {
    Error::FileInput {
        file: file.to_string(),
        line,
        column,
        message: message.into(),
    }
}

/// Load `input` (CSV with a header row) into `table`. The caller owns the transaction.
pub fn load_csv<R: Read>(
    tx: &Transaction,
    table: &'static str,
    file: &str,
    input: R,
    on_conflict: OnConflict,
) -> Result<Report> {
    let mut aside = stale::SetAside::begin(tx, table)?;
    let result = load_rows(tx, table, file, input, on_conflict, &mut aside);
    // Put back on every path; the load's own error, if any, is the one to report (the
    // caller then rolls back, which restores the trigger in any case).
    let ended = aside.end(tx);
    let report = result?;
    ended?;
    Ok(report)
}

fn load_rows<R: Read>(
    tx: &Transaction,
    table: &'static str,
    file: &str,
    input: R,
    on_conflict: OnConflict,
    aside: &mut stale::SetAside,
) -> Result<Report> {
    // Streamed: only a buffer of the file is in memory at a time, whatever its size.
    let mut input = std::io::BufReader::with_capacity(1 << 16, input);
    let head = input.fill_buf()?;
    for (bom, name) in [(b"\xFF\xFE", "FF FE"), (b"\xFE\xFF", "FE FF")] {
        if head.starts_with(bom) {
            return Err(problem(
                file,
                1,
                1,
                format!(
                    "the file is UTF-16 (it starts with the byte-order mark {name}); save it as UTF-8"
                ),
            ));
        }
    }
    if head.starts_with(b"\xEF\xBB\xBF") {
        input.consume(3);
    }
    let empty = || {
        problem(
            file,
            1,
            1,
            "the file is empty: expected a header row of column names",
        )
    };
    let head = input.fill_buf()?;
    let body: Box<dyn Read + '_> = if head.iter().all(u8::is_ascii_whitespace) {
        // Nothing but blanks so far: look at the rest (a file like this is small or empty).
        let mut rest = Vec::new();
        input.read_to_end(&mut rest)?;
        if rest.iter().all(u8::is_ascii_whitespace) {
            return Err(empty());
        }
        Box::new(std::io::Cursor::new(rest))
    } else {
        Box::new(input)
    };
    let cols = tables::columns(tx, table)?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(quoting::Checked::new(body, file));
    let mut records = rdr.byte_records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(csv_problem(file, &e)),
        None => {
            return Err(problem(
                file,
                1,
                1,
                "the file is empty: expected a header row",
            ));
        }
    };
    let mapping = map_header(file, &header, &cols)?;
    let present: Vec<&Column> = mapping.iter().map(|&i| &cols[i]).collect();
    let names: Vec<&str> = present.iter().map(|c| c.name.as_str()).collect();
    let sql = insert_sql(table, &names, on_conflict);

    // References are checked row by row as the row goes in, except in a table that refers to
    // itself (documents.cited_in_id), whose rows may refer to later rows: there they are
    // checked once the whole file is in.
    let self_referring = present
        .iter()
        .any(|c| c.references.as_deref() == Some(table));
    tx.execute_batch(if self_referring {
        "PRAGMA defer_foreign_keys = ON;"
    } else {
        "PRAGMA defer_foreign_keys = OFF;"
    })?;
    let mut problems: Vec<Error> = Vec::new();
    let mut extra = 0usize;
    let mut org_refs = fields::OrgRefs::new();
    let mut stmt = tx.prepare(&sql)?;
    let org_column = names.iter().position(|n| *n == "org_id");
    let mut prover = crate::quotes::Prover::new(tx, table, &names)?;
    let mut writer = rows::RowWriter {
        tx,
        file,
        table,
        names: &names,
        present: &present,
        on_conflict,
        self_referring,
        report: Report::default(),
        rowid_lines: Vec::new(),
    };
    let mut push = |problems: &mut Vec<Error>, e: Error| {
        if problems.len() < MAX_PROBLEMS {
            problems.push(e);
        } else {
            extra += 1;
        }
    };
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                push(&mut problems, csv_problem(file, &e));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        if rec.len() == 1 && rec.get(0).is_some_and(|f| f.is_empty()) {
            continue; // a blank line
        }
        if rec.len() != header.len() {
            push(
                &mut problems,
                problem(
                    file,
                    line,
                    rec.len().min(header.len()) as u64 + 1,
                    format!(
                        "expected {} fields like the header, found {}",
                        header.len(),
                        rec.len()
                    ),
                ),
            );
            continue;
        }
        let mut values: Vec<Value> = Vec::with_capacity(present.len());
        let mut bad = false;
        for (i, col) in present.iter().enumerate() {
            match field_value(tx, &mut org_refs, rec.get(i).unwrap_or_default(), col) {
                Ok(v) => values.push(v),
                Err(msg) => {
                    push(&mut problems, problem(file, line, i as u64 + 1, msg));
                    bad = true;
                }
            }
        }
        if bad {
            continue;
        }
        if aside.active()
            && let Some(Value::Text(org)) = org_column.and_then(|i| values.get(i))
        {
            aside.orgs.insert(org.clone());
        }
        // Verbatim words are proven against their source's stored text (quotes::prove).
        let proof = match prover.check(tx, &values)? {
            Ok(p) => p,
            Err((i, msg)) => {
                push(&mut problems, problem(file, line, i as u64 + 1, msg));
                continue;
            }
        };
        let inserted = writer.report.inserted;
        writer.one(&mut stmt, line, &values, &mut |e| push(&mut problems, e))?;
        if writer.report.inserted > inserted {
            let rowid = tx.last_insert_rowid();
            writer.report.last_rowid = Some(rowid);
            prover.record(tx, rowid, proof)?;
        }
    }
    let rows::RowWriter {
        report,
        rowid_lines,
        ..
    } = writer;
    drop(stmt);
    // Quoting problems come first: with them, the rows read are not what the file says.
    rdr.into_inner().quoting.finish(file)?;
    // A self-referring table's references, checked now that every row is in.
    let late = if self_referring {
        foreign_key_problems(tx, table)?
    } else {
        Vec::new()
    };
    for (rowid, column, parent) in late {
        if let Some(&(_, line)) = rowid_lines.iter().find(|(r, _)| *r == rowid) {
            let idx = names
                .iter()
                .position(|n| *n == column)
                .map_or(1, |i| i as u64 + 1);
            push(
                &mut problems,
                problem(
                    file,
                    line,
                    idx,
                    format!("{column}: no such {parent} row (unknown id)"),
                ),
            );
        }
    }
    if extra > 0 {
        problems.push(problem(file, 0, 0, format!("… and {extra} more problems")));
    }
    match problems.len() {
        0 => Ok(report),
        1 => Err(problems.remove(0)),
        _ => {
            problems.sort_by_key(|e| match e {
                Error::FileInput { line, column, .. } => {
                    (if *line == 0 { u64::MAX } else { *line }, *column)
                }
                _ => (u64::MAX, 0),
            });
            Err(Error::Many(problems))
        }
    }
}

fn csv_problem(file: &str, e: &csv::Error) -> Error {
    let line = e.position().map_or(0, |p| p.line());
    match e.kind() {
        csv::ErrorKind::Io(io) => problem(file, line, 1, format!("cannot read: {io}")),
        _ => problem(file, line, 1, format!("malformed CSV: {e}")),
    }
}

/// Map header fields to schema columns; reject unknown, duplicate and missing required ones.
fn map_header(file: &str, header: &csv::ByteRecord, cols: &[Column]) -> Result<Vec<usize>> {
    let line = header.position().map_or(1, |p| p.line());
    let mut mapping = Vec::with_capacity(header.len());
    let mut problems = Vec::new();
    for (i, raw) in header.iter().enumerate() {
        let pos = i as u64 + 1;
        let Ok(name) = std::str::from_utf8(raw) else {
            problems.push((pos, "header is not valid UTF-8".to_string()));
            continue;
        };
        let name = name.trim();
        match cols.iter().position(|c| c.name == name) {
            Some(idx) if mapping.contains(&idx) => {
                problems.push((pos, format!("column '{}' appears twice", clip(name))));
            }
            Some(idx) => mapping.push(idx),
            None => problems.push((
                pos,
                format!(
                    "unknown column '{}' (expected: {})",
                    clip(name),
                    cols.iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }
    for (idx, c) in cols.iter().enumerate() {
        if c.required && !mapping.contains(&idx) {
            problems.push((1, format!("missing required column '{}'", c.name)));
        }
    }
    // The header is one line: its problems (a misspelt column is both unknown and missing)
    // are one message, at the first place at fault.
    let mut problems = problems.into_iter();
    match problems.next() {
        None => Ok(mapping),
        Some((column, first)) => {
            let message = std::iter::once(first)
                .chain(problems.map(|(_, m)| m))
                .collect::<Vec<_>>()
                .join("; ");
            Err(problem(file, line, column, message))
        }
    }
}
