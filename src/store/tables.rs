//! The whitelist of tables stancedb reads and writes as CSV, their columns (read from the
//! schema itself, so migrations stay the one place the schema lives), and the embedded seed.
//!
//! This module and `load` are the only places that put identifiers into SQL text, and they
//! only ever put names from `TABLES` or from SQLite's own `PRAGMA table_info`.
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::fold::fold;

/// Every data table, in an order where references point backwards (seed and import order).
pub const TABLES: &[&str] = &[
    "organisations",
    "people",
    "documents",
    "issues",
    "document_titles",
    "document_copies",
    "names",
    "person_names",
    "document_people",
    "roles",
    "memberships",
    "country_memberships",
    "successions",
    "signatures",
    "statement_positions",
    "stances",
    "interpretations",
];

/// The views `export` may write, each with its canonical row order (static SQL: the view
/// names are fixed here, never taken from user input).
pub const VIEWS: &[(&str, &str)] = &[
    (
        "signatories",
        "SELECT * FROM signatories ORDER BY statement_id, group_order, position, signature_id",
    ),
    (
        "stance_evidence",
        "SELECT * FROM stance_evidence ORDER BY org_id, issue_id, not_before, seq, not_after, stance_id, signature_id",
    ),
    (
        "current_stances",
        "SELECT * FROM current_stances ORDER BY org_id, issue_id",
    ),
    (
        "stance_order_unknown",
        "SELECT * FROM stance_order_unknown ORDER BY org_id, issue_id, first_not_before, second_not_before",
    ),
    (
        "members",
        "SELECT * FROM members ORDER BY alliance_id, org_id, role",
    ),
];

/// The whitelisted name and canonical SELECT of a view the user typed, if it is one.
pub fn view(name: &str) -> Option<(&'static str, &'static str)> {
    VIEWS.iter().copied().find(|(v, _)| *v == name)
}

/// The seed data, embedded at build time: one CSV per table.
pub const SEED: &[(&str, &str)] = &[
    (
        "organisations",
        include_str!("../../seed/organisations.csv"),
    ),
    ("people", include_str!("../../seed/people.csv")),
    ("documents", include_str!("../../seed/documents.csv")),
    ("issues", include_str!("../../seed/issues.csv")),
    (
        "document_titles",
        include_str!("../../seed/document_titles.csv"),
    ),
    (
        "document_copies",
        include_str!("../../seed/document_copies.csv"),
    ),
    ("names", include_str!("../../seed/names.csv")),
    ("person_names", include_str!("../../seed/person_names.csv")),
    (
        "document_people",
        include_str!("../../seed/document_people.csv"),
    ),
    ("roles", include_str!("../../seed/roles.csv")),
    ("memberships", include_str!("../../seed/memberships.csv")),
    (
        "country_memberships",
        include_str!("../../seed/country_memberships.csv"),
    ),
    ("successions", include_str!("../../seed/successions.csv")),
    ("signatures", include_str!("../../seed/signatures.csv")),
    (
        "statement_positions",
        include_str!("../../seed/statement_positions.csv"),
    ),
    ("stances", include_str!("../../seed/stances.csv")),
    (
        "interpretations",
        include_str!("../../seed/interpretations.csv"),
    ),
];

/// Columns maintained by stancedb, never part of the CSV format.
const DERIVED: &[&str] = &["search_key"];

/// The whitelisted spelling of a table name the user typed, or an error listing the choices.
pub fn table(name: &str) -> Result<&'static str> {
    TABLES.iter().copied().find(|t| *t == name).ok_or_else(|| {
        Error::input(format!(
            "unknown table '{name}' (tables: {})",
            TABLES.join(", ")
        ))
    })
}

/// One column of a table, as the schema declares it.
#[derive(Clone, Debug)]
pub struct Column {
    pub name: String,
    pub integer: bool,
    pub required: bool,
    pub primary_key: bool,
    /// The table this column references, if it is a foreign key.
    pub references: Option<String>,
}

/// The CSV columns of `table` (a whitelisted name), in schema order.
pub fn columns(conn: &Connection, table: &'static str) -> Result<Vec<Column>> {
    let mut fks: Vec<(String, String)> = Vec::new();
    let mut st =
        conn.prepare_cached("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)")?;
    for r in st.query_map([table], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })? {
        fks.push(r?);
    }
    let mut st = conn.prepare_cached(
        "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1) ORDER BY cid",
    )?;
    let rows = st.query_map([table], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, bool>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for r in rows {
        let (name, ty, notnull, pk) = r?;
        if DERIVED.contains(&name.as_str()) {
            continue;
        }
        let integer = ty.eq_ignore_ascii_case("INTEGER");
        let references = fks.iter().find(|(f, _)| *f == name).map(|(_, t)| t.clone());
        out.push(Column {
            // An INTEGER PRIMARY KEY may be left empty: SQLite assigns the next id.
            required: (notnull || pk > 0) && !(integer && pk > 0),
            primary_key: pk > 0,
            integer,
            references,
            name,
        });
    }
    if out.is_empty() {
        return Err(Error::input(format!(
            "table '{table}' does not exist in this database"
        )));
    }
    Ok(out)
}

/// `SELECT <columns> FROM <table> ORDER BY id` — the canonical export order.
pub fn select_sql(table: &'static str, cols: &[Column]) -> String {
    let names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
    format!("SELECT {} FROM {table} ORDER BY id", quoted(&names))
}

pub(crate) fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{}\"", n.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(", ")
}

const KEY_SELECT: &[(&str, &str)] = &[
    (
        "names",
        "SELECT id, name FROM names WHERE search_key IS NULL",
    ),
    (
        "person_names",
        "SELECT id, name FROM person_names WHERE search_key IS NULL",
    ),
    (
        "document_titles",
        "SELECT id, title FROM document_titles WHERE search_key IS NULL",
    ),
];
const KEY_UPDATE: &[(&str, &str)] = &[
    ("names", "UPDATE names SET search_key = ?2 WHERE id = ?1"),
    (
        "person_names",
        "UPDATE person_names SET search_key = ?2 WHERE id = ?1",
    ),
    (
        "document_titles",
        "UPDATE document_titles SET search_key = ?2 WHERE id = ?1",
    ),
];

/// The trigger that re-indexes an organisation's every name form when one name's key changes:
/// set aside while many keys are filled in at once (each would re-index the whole organisation
/// again), the touched organisations then re-indexed once each.
const NAME_KEY_TRIGGER: &str = "names_organisations_fts_au";
const NOTE_KEYLESS_ORGS: &str = "CREATE TEMP TABLE IF NOT EXISTS name_key_orgs \
     (org_id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM temp.name_key_orgs; \
     INSERT OR IGNORE INTO temp.name_key_orgs SELECT org_id FROM names WHERE search_key IS NULL;";
const FORGET_NOTED_ORGS: &str = "DROP TABLE temp.name_key_orgs";
/// The organisations noted, to be re-indexed (no positions hang on a key).
const NOTED_ORGS: super::load::stale::Touched = super::load::stale::Touched {
    count: "SELECT count(*) FROM temp.name_key_orgs",
    reindex: "INSERT INTO organisations_fts_queue (organisations_id) SELECT org_id FROM temp.name_key_orgs",
    queue_pairs: None,
};
/// Below this many keys the trigger costs less than setting it aside.
const KEYS_BEFORE_ASIDE: usize = 100;

/// Compute the folded lookup keys that are missing.
pub fn refresh_search_keys(conn: &Connection) -> Result<()> {
    for ((table, select), (_, update)) in KEY_SELECT.iter().zip(KEY_UPDATE) {
        let pending: Vec<(i64, String)> = {
            let mut st = conn.prepare_cached(select)?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        if pending.is_empty() {
            continue;
        }
        // Inside the caller's transaction when there is one, else in one of our own.
        let tx = if conn.is_autocommit() {
            Some(super::guard::begin(
                conn,
                rusqlite::TransactionBehavior::Deferred,
            )?)
        } else {
            None
        };
        let aside = if *table == "names" && pending.len() >= KEYS_BEFORE_ASIDE {
            set_aside_name_key_trigger(conn)?
        } else {
            None
        };
        {
            let mut up = conn.prepare_cached(update)?;
            for (id, text) in pending {
                up.execute(rusqlite::params![id, fold(&text)])?;
            }
        }
        if let Some(sql) = aside {
            super::load::stale::reindex_organisations(conn, &NOTED_ORGS)?;
            conn.execute_batch(FORGET_NOTED_ORGS)?;
            conn.execute_batch(&sql)?;
        }
        if let Some(tx) = tx {
            tx.commit()?;
        }
    }
    Ok(())
}

/// Drop the name-key trigger (inside the current transaction), noting first the organisations
/// whose names are about to get keys, to be re-indexed once each after; returns its SQL.
fn set_aside_name_key_trigger(conn: &Connection) -> Result<Option<String>> {
    conn.execute_batch(NOTE_KEYLESS_ORGS)?;
    let sql = super::load::stale::drop_trigger(conn, NAME_KEY_TRIGGER)?;
    if sql.is_none() {
        conn.execute_batch(FORGET_NOTED_ORGS)?;
    }
    Ok(sql)
}
