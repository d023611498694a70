//! Writing one checked row: inserted, skipped or replaced, counted, and any refusal turned
//! into a problem placed on the row's line and the column it concerns.
use rusqlite::types::Value;
use rusqlite::{Statement, Transaction};

use super::reasons::{guess_column, sqlite_reason};
use super::sql::{is_foreign_key_failure, rowid_of_id, unknown_reference};
use super::{OnConflict, Report, problem};
use crate::error::{Error, Result};
use crate::store::tables::Column;

pub(super) struct RowWriter<'a> {
    pub tx: &'a Transaction<'a>,
    pub file: &'a str,
    pub table: &'static str,
    pub names: &'a [&'a str],
    pub present: &'a [&'a Column],
    pub on_conflict: OnConflict,
    pub self_referring: bool,
    pub report: Report,
    /// (rowid, line) of rows whose references are checked after the whole file is in.
    pub rowid_lines: Vec<(i64, u64)>,
}

impl RowWriter<'_> {
    /// Write one row with `stmt` (the one-row INSERT); a problem goes to `report`.
    pub fn one(
        &mut self,
        stmt: &mut Statement,
        line: u64,
        values: &[Value],
        report: &mut dyn FnMut(Error),
    ) -> Result<()> {
        let tx = self.tx;
        let before = tx.total_changes();
        // The stored row this one would replace (its rowid survives the upsert).
        let existing = match self.on_conflict {
            OnConflict::Replace => rowid_of_id(tx, self.table, self.names, values)?,
            _ => None,
        };
        match stmt.execute(rusqlite::params_from_iter(values.iter())) {
            Ok(_) => {
                if tx.total_changes() == before {
                    self.report.skipped += 1;
                } else if let Some(rowid) = existing {
                    self.report.replaced += 1;
                    // So a broken reference in a replaced row is reported on its line too.
                    self.rowid_lines.push((rowid, line));
                } else {
                    self.report.inserted += 1;
                    if self.self_referring {
                        self.rowid_lines.push((tx.last_insert_rowid(), line));
                    }
                }
            }
            Err(e) if is_foreign_key_failure(&e) => {
                let (col, reason) = unknown_reference(tx, self.present, values)?;
                report(problem(self.file, line, col, reason));
            }
            Err(e) => {
                let names = self.names;
                let mut col = guess_column(&e.to_string(), names);
                let i = usize::try_from(col).unwrap_or(1).saturating_sub(1);
                let reason = sqlite_reason(&e, names, names.get(i).zip(values.get(i)));
                // Point at the column the explanation names, when it names one.
                if let Some(j) = names
                    .iter()
                    .position(|n| reason.starts_with(&format!("{n}: ")))
                {
                    col = j as u64 + 1;
                }
                report(problem(self.file, line, col, reason));
            }
        }
        Ok(())
    }
}
