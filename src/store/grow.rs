//! Growing the database from a printed list in one transaction: the new organisations, the
//! printed forms as name forms (source = the statement, proven against its text), the
//! signatures, and the printed country of organisations that had none. Every row goes
//! through the import loader, so its checks and wording are import's; and the reads a list's
//! matching needs (every name form, who signed under a printed name).
use rusqlite::{OptionalExtension, Transaction, params};

use super::edits::Record;
use super::load::{self, OnConflict, Options};
use super::plausible::{self, Insist};
use super::{Store, tables};
use crate::error::{Error, Result};
use crate::matching::Org;

const FORMS: &str = "SELECT o.id, o.name, o.country, n.name FROM names n JOIN organisations o ON o.id = n.org_id \
     UNION ALL SELECT id, name, country, name FROM organisations";

/// Every name form with its organisation (display names included).
pub fn forms(store: &Store) -> Result<Vec<(Org, String)>> {
    let mut st = store.conn().prepare(FORMS)?;
    let rows = st.query_map([], |r| {
        Ok((
            Org {
                id: r.get(0)?,
                name: r.get(1)?,
                country: r.get(2)?,
            },
            r.get(3)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const SIGNED_AS: &str = "SELECT org_id FROM signatures WHERE document_id = ?1 AND name_as_printed = ?2 \
     AND printed_group IS ?3 ORDER BY id LIMIT 1";

/// The organisation recorded as signing `doc` under this printed name in this group.
pub fn signed_as(
    store: &Store,
    doc: &str,
    name: &str,
    group: Option<&str>,
) -> Result<Option<String>> {
    Ok(store
        .conn()
        .prepare_cached(SIGNED_AS)?
        .query_row(params![doc, name, group], |r| r.get(0))
        .optional()?)
}

const FORM_ON_RECORD: &str =
    "SELECT EXISTS (SELECT 1 FROM names WHERE org_id = ?1 AND search_key = ?2)";

/// Whether `org` has a name form that folds to `key`.
pub fn form_on_record(store: &Store, org: &str, key: &str) -> Result<bool> {
    Ok(store
        .conn()
        .prepare_cached(FORM_ON_RECORD)?
        .query_row(params![org, key], |r| r.get(0))?)
}

/// What one reviewed list adds.
#[derive(Debug, Default)]
pub struct Growth {
    /// organisations rows (id, name, kind, country).
    pub orgs: Vec<Record>,
    /// names rows.
    pub names: Vec<Record>,
    /// signatures rows.
    pub signatures: Vec<Record>,
    /// (organisation, country code) for organisations with no country yet.
    pub countries: Vec<(String, String)>,
}

const SET_COUNTRY: &str = "UPDATE organisations SET country = ?2 WHERE id = ?1 AND country IS NULL";

/// Write `g` in one transaction, all or nothing; `what` names the command in messages.
pub fn apply(store: &Store, what: &str, g: &Growth, insist: Insist) -> Result<()> {
    // Nothing to add: no transaction at all, so the file stays byte-identical.
    if g.orgs.is_empty() && g.names.is_empty() && g.signatures.is_empty() && g.countries.is_empty()
    {
        return Ok(());
    }
    let tx = store.write_tx()?;
    load_all(&tx, what, "organisations", &g.orgs)?;
    for (id, code) in &g.countries {
        tx.prepare_cached(SET_COUNTRY)?.execute(params![id, code])?;
    }
    for rec in g.names.iter().chain(&g.signatures) {
        plausible::check(&tx, what, rec, insist)?;
    }
    load_all(&tx, what, "names", &g.names)?;
    load_all(&tx, what, "signatures", &g.signatures)?;
    tables::refresh_search_keys(&tx)?;
    crate::signals::check()?;
    tx.commit()?;
    Ok(())
}

/// Load `records` (all of one table, same fields) as one CSV through the import loader.
fn load_all(tx: &Transaction, what: &str, table: &'static str, records: &[Record]) -> Result<()> {
    let Some(first) = records.first() else {
        return Ok(());
    };
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(first.fields.iter().map(|f| f.column))?;
    for rec in records {
        w.write_record(rec.fields.iter().map(|f| f.value.as_deref().unwrap_or("")))?;
    }
    let csv = w
        .into_inner()
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    let table = tables::table(table)?;
    load::load_csv(
        tx,
        table,
        &format!("{what} ({table})"),
        csv.as_slice(),
        Options::new(OnConflict::Error),
    )?;
    Ok(())
}

const WITHOUT_NAME_FORM: &str = "SELECT id, name FROM organisations o \
     WHERE NOT EXISTS (SELECT 1 FROM names n WHERE n.org_id = o.id) ORDER BY id";

/// (id, display name) of every organisation no name form names: no list or name lookup
/// meets it by a recorded form (`check` lists them).
pub fn without_name_form(store: &Store) -> Result<Vec<(String, String)>> {
    let mut st = store.conn().prepare_cached(WITHOUT_NAME_FORM)?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
