//! Single-record writes (`add`, `sign`). Each record is handed to the import loader as a
//! one-row CSV, so its checks (types, vocabularies, dates, references) and their wording are
//! exactly import's; each command's records go in one transaction, all or nothing.
use rusqlite::{OptionalExtension, Transaction, params};

use super::load::{self, OnConflict, Options};
use super::plausible::{self, Insist};
use super::{Store, query_rows, tables};
use crate::error::{Error, Result};
use crate::problem::Source;
use crate::rows::Rows;

/// One field of a record: its column, the command-line flag it came from, and its value.
#[derive(Clone, Debug)]
pub struct Field {
    pub column: &'static str,
    pub flag: &'static str,
    pub value: Option<String>,
}

/// One row for one table, built from command-line flags.
#[derive(Clone, Debug)]
pub struct Record {
    pub table: &'static str,
    pub fields: Vec<Field>,
}

impl Record {
    pub fn new(table: &'static str) -> Self {
        Record {
            table,
            fields: Vec::new(),
        }
    }

    /// Add a field; `flag` names the option it came from in error messages ("" for none).
    pub fn field(
        mut self,
        column: &'static str,
        flag: &'static str,
        value: Option<String>,
    ) -> Self {
        self.fields.push(Field {
            column,
            flag,
            value,
        });
        self
    }

    /// The value given for `column`, if any.
    pub fn value(&self, column: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.column == column)
            .and_then(|f| f.value.as_deref())
    }

    fn to_csv(&self) -> Result<Vec<u8>> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        w.write_record(self.fields.iter().map(|f| f.column))?;
        w.write_record(self.fields.iter().map(|f| f.value.as_deref().unwrap_or("")))?;
        w.into_inner()
            .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
    }
}

/// Store `records` in order, in one transaction; what was stored, one block per record. An
/// implausible record is refused unless the user insists (`plausible`).
pub fn insert(store: &Store, what: &str, records: &[Record], insist: Insist) -> Result<Vec<Rows>> {
    insert_then(store, what, records, insist, |_| Ok(()))
}

/// `insert`, then `then` in the same transaction (e.g. storing the document's text).
pub fn insert_then(
    store: &Store,
    what: &str,
    records: &[Record],
    insist: Insist,
    then: impl FnOnce(&Transaction) -> Result<()>,
) -> Result<Vec<Rows>> {
    let tx = store.write_tx()?;
    let mut stored = Vec::with_capacity(records.len());
    for rec in records {
        plausible::check(&tx, what, rec, insist)?;
        stored.push((rec.table, insert_tx(&tx, what, rec)?));
    }
    then(&tx)?;
    tables::refresh_search_keys(&tx)?;
    crate::signals::check()?;
    tx.commit()?;
    stored
        .into_iter()
        .map(|(table, rowid)| stored_row(store, table, rowid))
        .collect()
}

/// Insert one record through the loader inside `tx`; its rowid.
fn insert_tx(tx: &Transaction, what: &str, rec: &Record) -> Result<i64> {
    let table = tables::table(rec.table)?;
    let csv = rec.to_csv()?;
    load::load_csv(
        tx,
        table,
        what,
        csv.as_slice(),
        Options::new(OnConflict::Error),
    )
    .map_err(|e| on_command_line(e, what, rec))
    .map(|report| report.last_rowid.unwrap_or_else(|| tx.last_insert_rowid()))
}

/// The loader's problems, placed by the flags that gave each field instead of a file's
/// line and column (the problems themselves are not touched).
fn on_command_line(e: Error, what: &str, rec: &Record) -> Error {
    match e {
        Error::Problems(mut report) => {
            report.source = Source::Flags {
                command: what.to_string(),
                fields: rec
                    .fields
                    .iter()
                    .map(|f| (f.column.to_string(), f.flag, f.value.clone()))
                    .collect(),
            };
            Error::Problems(report)
        }
        other => other,
    }
}

/// One stored row, as its table's CSV columns.
fn stored_row(store: &Store, table: &'static str, rowid: i64) -> Result<Rows> {
    let cols = tables::columns(store.conn(), table)?;
    let names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
    let sql = format!(
        "SELECT {} FROM {table} WHERE rowid = ?1",
        tables::quoted(&names)
    );
    query_rows(store, table, &sql, [rowid])
}

/// A signature to add; ids already resolved. Unset fields take their defaults: the name as
/// printed is the organisation's display name, the position the next in its group, the
/// source the statement itself.
#[derive(Clone, Debug, Default)]
pub struct Signature {
    pub document_id: String,
    pub org_id: String,
    pub name_as_printed: Option<String>,
    pub printed_group: Option<String>,
    pub signed_on: Option<String>,
    pub source_id: Option<String>,
    pub note: Option<String>,
    /// Store it even when implausible (a date before the statement's, in the future).
    pub insist: Insist,
    /// The printed position [default: the next in its group].
    pub position: Option<i64>,
}

const EXISTING: &str =
    "SELECT id, name_as_printed FROM signatures WHERE document_id = ?1 AND org_id = ?2";
const DISPLAY_NAME: &str = "SELECT name FROM organisations WHERE id = ?1";
const GROUP_SPELLING: &str = "SELECT printed_group FROM signatures \
     WHERE document_id = ?1 AND printed_group = ?2 COLLATE NOCASE ORDER BY id LIMIT 1";
const NEXT_POSITION: &str = "SELECT COALESCE(MAX(position), 0) + 1 FROM signatures \
     WHERE document_id = ?1 AND printed_group IS ?2";

/// Add one signature in its own transaction; the stored row.
pub fn sign(store: &Store, sig: &Signature) -> Result<Rows> {
    let tx = store.write_tx()?;
    let rowid = sign_tx(&tx, sig)?;
    tables::refresh_search_keys(&tx)?;
    crate::signals::check()?;
    tx.commit()?;
    stored_row(store, "signatures", rowid)
}

/// Add several signatures in one transaction (all or none); the number added.
pub fn sign_all(store: &Store, sigs: &[Signature]) -> Result<usize> {
    let tx = store.write_tx()?;
    for sig in sigs {
        sign_tx(&tx, sig)?;
    }
    tables::refresh_search_keys(&tx)?;
    crate::signals::check()?;
    tx.commit()?;
    Ok(sigs.len())
}

fn sign_tx(tx: &Transaction, sig: &Signature) -> Result<i64> {
    let existing: Option<(i64, String)> = tx
        .query_row(EXISTING, params![sig.document_id, sig.org_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    if let Some((id, printed)) = existing {
        return Err(Error::input(format!(
            "'{}' already signed '{}' (signature {id}, printed as “{printed}”)",
            sig.org_id, sig.document_id
        )));
    }
    let name = match &sig.name_as_printed {
        Some(n) => Some(n.clone()),
        None => tx
            .query_row(DISPLAY_NAME, [&sig.org_id], |r| r.get(0))
            .optional()?,
    };
    // A group typed in another case is the group already printed.
    let group: Option<String> = match &sig.printed_group {
        Some(g) => Some(
            tx.query_row(GROUP_SPELLING, params![sig.document_id, g], |r| r.get(0))
                .optional()?
                .unwrap_or_else(|| g.clone()),
        ),
        None => None,
    };
    let position: i64 = match sig.position {
        Some(p) => p,
        None => tx.query_row(NEXT_POSITION, params![sig.document_id, group], |r| r.get(0))?,
    };
    let rec = Record::new("signatures")
        .field("document_id", "", Some(sig.document_id.clone()))
        .field("org_id", "", Some(sig.org_id.clone()))
        .field("name_as_printed", "as-printed", name)
        .field("printed_group", "group", group)
        .field("position", "", Some(position.to_string()))
        .field("signed_on", "date", sig.signed_on.clone())
        .field(
            "source_id",
            "source",
            Some(
                sig.source_id
                    .clone()
                    .unwrap_or_else(|| sig.document_id.clone()),
            ),
        )
        .field("note", "note", sig.note.clone());
    plausible::check(tx, "sign", &rec, sig.insist)?;
    insert_tx(tx, "sign", &rec)
}
