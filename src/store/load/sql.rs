//! The SQL the loader runs: INSERTs built from whitelisted identifiers (the table from
//! `tables::TABLES`, columns from the schema), and the look-ups that place a failed
//! reference on its row and column. Values always go in as bound parameters.
use rusqlite::Connection;
use rusqlite::types::Value;

use super::OnConflict;
use crate::error::Result;
use crate::store::tables::{self, Column};

pub(super) fn insert_sql(table: &'static str, names: &[&str], on_conflict: OnConflict) -> String {
    let params: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let base = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        tables::quoted(names),
        params.join(", ")
    );
    match on_conflict {
        OnConflict::Error => base,
        OnConflict::Skip => format!("{base} ON CONFLICT DO NOTHING"),
        OnConflict::Replace => {
            let sets: Vec<String> = names
                .iter()
                .filter(|n| **n != "id")
                .map(|n| format!("\"{n}\" = excluded.\"{n}\""))
                .collect();
            if sets.is_empty() || !names.contains(&"id") {
                base
            } else {
                format!("{base} ON CONFLICT (id) DO UPDATE SET {}", sets.join(", "))
            }
        }
    }
}

/// The rowid of the stored row with this row's id, if there is one.
pub(super) fn rowid_of_id(
    conn: &Connection,
    table: &'static str,
    names: &[&str],
    values: &[Value],
) -> Result<Option<i64>> {
    let Some(i) = names.iter().position(|n| *n == "id") else {
        return Ok(None);
    };
    if values[i] == Value::Null {
        return Ok(None);
    }
    let sql = format!("SELECT rowid FROM {table} WHERE id = ?1");
    match conn
        .prepare_cached(&sql)?
        .query_row([&values[i]], |r| r.get(0))
    {
        Ok(rowid) => Ok(Some(rowid)),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

pub(super) fn is_foreign_key_failure(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY)
}

const EXISTS_IN: &[(&str, &str)] = &[
    (
        "organisations",
        "SELECT EXISTS (SELECT 1 FROM organisations WHERE id = ?1)",
    ),
    (
        "people",
        "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)",
    ),
    (
        "documents",
        "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)",
    ),
    (
        "issues",
        "SELECT EXISTS (SELECT 1 FROM issues WHERE id = ?1)",
    ),
];

/// Which reference of a refused row points nowhere: (field index, parent table).
pub(super) fn unknown_reference(
    conn: &Connection,
    present: &[&Column],
    values: &[Value],
) -> Result<(usize, String)> {
    for (i, (col, value)) in present.iter().zip(values).enumerate() {
        let (Some(parent), Value::Text(id)) = (col.references.as_deref(), value) else {
            continue;
        };
        let Some((_, sql)) = EXISTS_IN.iter().find(|(t, _)| *t == parent) else {
            continue;
        };
        let exists: bool = conn.prepare_cached(sql)?.query_row([id], |r| r.get(0))?;
        if !exists {
            return Ok((i, parent.to_string()));
        }
    }
    Ok((0, "referenced".to_string()))
}

/// (rowid, column, parent table) of each row of `table` whose reference does not resolve.
pub(super) fn foreign_key_problems(
    conn: &Connection,
    table: &'static str,
) -> Result<Vec<(i64, String, String)>> {
    let fks: Vec<(i64, String)> = {
        let mut st = conn.prepare("SELECT id, \"from\" FROM pragma_foreign_key_list(?1)")?;
        st.query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut st = conn.prepare("SELECT rowid, parent, fkid FROM pragma_foreign_key_check(?1)")?;
    let rows = st.query_map([table], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for r in rows {
        let (rowid, parent, fkid) = r?;
        let column = fks
            .iter()
            .find(|(id, _)| *id == fkid)
            .map_or_else(|| "reference".to_string(), |(_, c)| c.clone());
        out.push((rowid, column, parent));
    }
    Ok(out)
}
