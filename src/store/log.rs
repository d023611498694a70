//! The change log's reading side: the entries `stancedb log` lists, and `undo`, which
//! reverts whole writes from their entries (rows before and after, as JSON) inside one
//! logged write of its own.
use rusqlite::types::Value;
use rusqlite::{Connection, params};

use super::changes::WriteTx;
use super::{Store, query_rows, tables};
use crate::error::{Error, Result};
use crate::rows::Rows;

/// Every table the log triggers watch (the record, the texts, and the proofs of quotes).
pub const LOGGED: &[&str] = &[
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
    "signatures",
    "statement_positions",
    "stances",
    "document_texts",
    "quote_proofs",
];

/// The whitelisted spelling of a logged table the user typed.
pub fn logged_table(name: &str) -> Result<&'static str> {
    LOGGED.iter().copied().find(|t| *t == name).ok_or_else(|| {
        Error::input(format!(
            "unknown table '{name}' (logged tables: {})",
            LOGGED.join(", ")
        ))
    })
}

const ENTRIES: &str = "SELECT id AS change, txn AS write, at, command, tbl AS \"table\", row_id, op, \
       before, after FROM changes \
     WHERE (?1 IS NULL OR tbl = ?1) AND (?2 IS NULL OR CAST(row_id AS TEXT) = ?2) \
       AND (?3 IS NULL OR at >= ?3) ORDER BY id";

/// The log's entries, oldest first, filtered by table, row id and time.
pub fn entries(
    store: &Store,
    table: Option<&str>,
    id: Option<&str>,
    since: Option<&str>,
) -> Result<Rows> {
    query_rows(store, "changes", ENTRIES, params![table, id, since])
}

/// The writes `undo` may revert, newest first: neither reverted already nor an undo.
const LAST_WRITES: &str = "SELECT COALESCE(txn, -id) AS w FROM changes \
     WHERE COALESCE(txn, -id) NOT IN (SELECT txn FROM change_undone UNION SELECT undone_by FROM change_undone) \
     GROUP BY w ORDER BY MAX(id) DESC LIMIT ?1";
const OF_WRITE: &str = "SELECT id, tbl, row_id, op, before, after, at, command FROM changes \
     WHERE (?1 > 0 AND txn = ?1) OR (?1 < 0 AND id = -?1) ORDER BY id DESC";
/// A later entry on the same row, from a write that still stands and is not being reverted.
const LATER: &str = "SELECT id, command, at FROM changes \
     WHERE tbl = ?1 AND row_id IS ?2 AND id > ?3 \
       AND COALESCE(txn, -id) NOT IN (SELECT txn FROM change_undone UNION SELECT undone_by FROM change_undone) \
       AND COALESCE(txn, -id) NOT IN (SELECT value FROM json_each(?4)) ORDER BY id LIMIT 1";
const MARK_UNDONE: &str = "INSERT INTO change_undone (txn, undone_by) VALUES (?1, ?2)";
const KNOWN_WRITE: &str = "SELECT 1 FROM changes WHERE ((?1 > 0 AND txn = ?1) OR (?1 < 0 AND id = -?1)) \
     AND COALESCE(txn, -id) NOT IN (SELECT txn FROM change_undone UNION SELECT undone_by FROM change_undone)";

/// One entry of the log, to revert.
struct Entry {
    id: i64,
    table: &'static str,
    row_id: Value,
    op: String,
    before: Option<String>,
    after: Option<String>,
    at: String,
    command: String,
}

/// The writes to revert: the last `n`, or the one numbered `write`.
pub fn writes_to_undo(conn: &Connection, n: usize, write: Option<i64>) -> Result<Vec<i64>> {
    if let Some(w) = write {
        if !conn.prepare_cached(KNOWN_WRITE)?.exists([w])? {
            return Err(Error::input(format!(
                "undo: no write {w} in the log that is not undone already (see `stancedb log`)"
            )));
        }
        return Ok(vec![w]);
    }
    let mut st = conn.prepare_cached(LAST_WRITES)?;
    let found: Vec<i64> = st
        .query_map([n as i64], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if found.len() < n {
        return Err(Error::input(format!(
            "undo: the log holds {} write(s) that can be undone, not {n}",
            found.len()
        )));
    }
    Ok(found)
}

fn entries_of(conn: &Connection, write: i64) -> Result<Vec<Entry>> {
    let mut st = conn.prepare_cached(OF_WRITE)?;
    let rows = st.query_map([write], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Value>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?,
        ))
    })?;
    let mut out = Vec::new();
    for r in rows {
        let (id, tbl, row_id, op, before, after, at, command) = r?;
        out.push(Entry {
            id,
            table: logged_table(&tbl)?,
            row_id,
            op,
            before,
            after,
            at,
            command,
        });
    }
    Ok(out)
}

/// Revert `writes` (newest first) inside `tx`, refusing when a write that still stands
/// touched one of their rows later; one output row per entry reverted.
pub fn undo(tx: &WriteTx, writes: &[i64]) -> Result<Rows> {
    let mut out = Rows::new(
        "undone",
        &["write", "at", "command", "table", "row_id", "reverted"],
    );
    let set = serde_json::to_string(writes).map_err(|e| Error::input(e.to_string()))?;
    tx.execute_batch("PRAGMA defer_foreign_keys = ON;")?;
    for &w in writes {
        for e in entries_of(tx, w)? {
            refuse_if_touched_later(tx, &e, &set)?;
            revert(tx, &e)?;
            out.push(vec![
                w.to_string().into(),
                e.at.clone().into(),
                e.command.clone().into(),
                e.table.into(),
                value_text(&e.row_id).into(),
                e.op.clone().into(),
            ]);
        }
        if let Some(me) = tx.txn() {
            tx.execute(MARK_UNDONE, params![w, me])?;
        }
    }
    tables::refresh_search_keys(tx)?;
    Ok(out)
}

fn value_text(v: &Value) -> String {
    match v {
        Value::Integer(i) => i.to_string(),
        Value::Text(t) => t.clone(),
        Value::Real(r) => r.to_string(),
        Value::Null | Value::Blob(_) => String::new(),
    }
}

fn refuse_if_touched_later(conn: &Connection, e: &Entry, set: &str) -> Result<()> {
    let mut st = conn.prepare_cached(LATER)?;
    let mut rows = st.query(params![e.table, e.row_id, e.id, set])?;
    if let Some(r) = rows.next()? {
        let (id, command, at): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        return Err(Error::input(format!(
            "undo: {} row {} was changed again later (change {id}, {at}, by {command}); undo that first — nothing was written",
            e.table,
            value_text(&e.row_id)
        )));
    }
    Ok(())
}

/// Put one entry's row back as it was before it.
fn revert(conn: &Connection, e: &Entry) -> Result<()> {
    let cols = tables::columns(conn, e.table)?;
    let names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
    let table = e.table;
    match (e.op.as_str(), &e.before, &e.after) {
        ("insert", _, _) => {
            let sql = format!("DELETE FROM {table} WHERE id = ?1");
            conn.execute(&sql, [&e.row_id])?;
        }
        ("delete", Some(before), _) => {
            let sql = format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                tables::quoted(&names),
                json_values(&names)
            );
            conn.execute(&sql, [before])?;
        }
        ("update", Some(before), Some(after)) => {
            let sql = format!(
                "UPDATE {table} SET ({}) = ({}) WHERE id = json_extract(?2, '$.id')",
                tables::quoted(&names),
                json_values(&names)
            );
            conn.execute(&sql, [before, after])?;
        }
        _ => {
            return Err(Error::input(format!(
                "undo: change {} of {table} cannot be reverted (no row before it on record)",
                e.id
            )));
        }
    }
    Ok(())
}

/// `json_extract(?1, '$."c"')` for each column name (names from PRAGMA table_info).
fn json_values(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| {
            [
                "json_extract(?1, '$.\"",
                &n.replace(['\'', '"'], ""),
                "\"')",
            ]
            .concat()
        })
        .collect::<Vec<_>>()
        .join(", ")
}
