//! Writing one checked row: inserted, skipped or replaced, counted, and any refusal turned
//! into a problem placed on the row's line and the column it concerns.
use rusqlite::types::Value;
use rusqlite::{Statement, Transaction};

use super::reasons::{guess_column, sqlite_reason};
use super::sql::{is_foreign_key_failure, rowid_of_id, unknown_reference};
use super::{OnConflict, Report};
use crate::error::Result;
use crate::problem::{Collector, Kind, Problem};
use crate::store::tables::Column;

pub(super) struct RowWriter<'a> {
    pub tx: &'a Transaction<'a>,
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
    /// Write one row with `stmt` (the one-row INSERT); a refusal goes to `problems`.
    pub fn one(
        &mut self,
        stmt: &mut Statement,
        line: u64,
        values: &[Value],
        problems: &mut Collector,
    ) -> Result<()> {
        let tx = self.tx;
        let before = tx.total_changes();
        // The stored row this one would replace (its rowid survives the upsert).
        let existing = match self.on_conflict {
            OnConflict::Replace => rowid_of_id(tx, self.table, self.names, values)?,
            _ => None,
        };
        // A full disk or a damaged file ends the load here; only the row's own refusals
        // go on as problems.
        let result = match stmt.execute(rusqlite::params_from_iter(values.iter())) {
            Ok(n) => Ok(n),
            Err(e) => Err(crate::store::guard::stop(tx, e)?),
        };
        match result {
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
                let (i, parent) = unknown_reference(tx, self.present, values)?;
                problems.push(self.problem(line, i, values, Kind::UnknownRef { parent }));
            }
            Err(e) => {
                crate::signals::check()?;
                let names = self.names;
                let i = guess_column(&e.to_string(), names);
                let (field, kind) = sqlite_reason(&e, names, names.get(i).zip(values.get(i)));
                // Point at the column the explanation names, when it names one.
                let i = field
                    .as_deref()
                    .and_then(|f| names.iter().position(|n| *n == f))
                    .unwrap_or(i);
                let mut p = self.problem(line, i, values, kind);
                if field.is_some() && p.field.is_none() {
                    p.field = field;
                }
                if field_less(&p.kind) {
                    p.field = None;
                }
                problems.push(p);
            }
        }
        Ok(())
    }

    /// A problem at field `i` (0-based) of the row, with its column and value.
    pub fn problem(&self, line: u64, i: usize, values: &[Value], kind: Kind) -> Problem {
        let value = match values.get(i) {
            Some(Value::Text(s)) => Some(s.clone()),
            Some(Value::Integer(n)) => Some(n.to_string()),
            _ => None,
        };
        match self.names.get(i) {
            Some(name) => Problem::field(line, i as u64 + 1, name, value.as_deref(), kind),
            None => Problem::at(line, i as u64 + 1, kind),
        }
    }
}

/// Kinds that name no single column.
fn field_less(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Duplicate { .. } | Kind::Rule(_) | Kind::Other(_)
    )
}
