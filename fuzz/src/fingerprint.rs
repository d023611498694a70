//! A content fingerprint of a table: its row count and a hash of every value in key order,
//! so "the database is exactly as before" is checked by comparing two small numbers. The
//! schema is fingerprinted by its version cookie, which SQLite changes on every schema change.
//! Which tables a load into a table may touch is read from the schema's triggers, so each
//! execution fingerprints only those.
use std::collections::BTreeSet;

use rusqlite::Connection;
use rusqlite::types::ValueRef;

/// (row count, content hash) of one table.
pub type Print = (u64, u64);

/// What every load may touch besides its table and what its triggers write (found in the
/// schema): the queues that are empty between statements, the proofs of quotes (the loader
/// writes them), and the schema (a large load sets a trigger aside).
pub const ALWAYS: &[&str] = &[
    "positions_queue",
    "organisations_fts_queue",
    "documents_fts_queue",
    "quote_proofs",
    "schema",
];

/// An FNV-style hash taken eight bytes at a time (a table's index blobs run to tens of
/// kilobytes, hashed on every execution): enough to tell a changed table from an unchanged
/// one.
struct Fnv(u64);

impl Fnv {
    fn word(&mut self, w: u64) {
        self.0 = (self.0 ^ w).wrapping_mul(0x0000_0100_0000_01B3);
    }

    fn add(&mut self, tag: u8, bytes: &[u8]) {
        // The tag and the length, so ("ab", "c") and ("a", "bc") differ.
        self.word(u64::from(tag) << 56 | bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.word(u64::from_le_bytes(last));
    }
}

/// The fingerprint of `table` (a name from the schema, never from the input), or of the
/// schema for "schema".
pub fn of(conn: &Connection, table: &str) -> rusqlite::Result<Print> {
    if table == "schema" {
        let v: i64 = conn.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
        return Ok((0, v as u64));
    }
    // Tables without rowid have a primary key to order by; every other table has a rowid.
    let without_rowid: bool = conn
        .prepare_cached("SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE name = ?1")?
        .query_row([table], |r| r.get(0))?;
    let order = if without_rowid { "1" } else { "rowid" };
    let mut st = conn.prepare_cached(&format!("SELECT * FROM \"{table}\" ORDER BY {order}"))?;
    let width = st.column_count();
    let mut rows = st.query([])?;
    let mut h = Fnv(0xCBF2_9CE4_8422_2325);
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        n += 1;
        for i in 0..width {
            match r.get_ref(i)? {
                ValueRef::Null => h.add(0, &[]),
                ValueRef::Integer(v) => h.add(1, &v.to_le_bytes()),
                ValueRef::Real(v) => h.add(2, &v.to_bits().to_le_bytes()),
                ValueRef::Text(v) => h.add(3, v),
                ValueRef::Blob(v) => h.add(4, v),
            }
        }
    }
    Ok((n, h.0))
}

/// Every ordinary table of the database (FTS shadow tables included: they hold the index),
/// and "schema".
pub fn all_tables(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' \
         AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let mut out: Vec<String> = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    out.push("schema".to_string());
    Ok(out)
}

/// The shadow tables of the full-text indexes (`<fts table>_data`, `_idx`, ...): the largest
/// tables of the seeded database, and derived from the others.
pub fn index_tables(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare(
        "SELECT t.name FROM sqlite_master t JOIN sqlite_master v \
         ON v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL%' AND t.name LIKE v.name || '\\_%' ESCAPE '\\' \
         WHERE t.type = 'table' AND t.sql NOT LIKE 'CREATE VIRTUAL%'",
    )?;
    st.query_map([], |r| r.get(0))?.collect()
}

/// The tables a write to `table` may change: itself, what its triggers write, what those
/// tables' triggers write in turn (an FTS table stands for its shadow tables), and `ALWAYS`.
pub fn touched_by(conn: &Connection, table: &str) -> rusqlite::Result<Vec<String>> {
    let tables = all_tables(conn)?;
    let mut st = conn.prepare("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")?;
    let triggers: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut todo = vec![table.to_string()];
    while let Some(t) = todo.pop() {
        if !seen.insert(t.clone()) {
            continue;
        }
        for (on, sql) in &triggers {
            if *on == t {
                todo.extend(written_by(sql));
            }
        }
    }
    let mut out: BTreeSet<String> = ALWAYS.iter().map(|s| s.to_string()).collect();
    for t in &tables {
        // An FTS table's index lives in <name>_data, <name>_idx, <name>_docsize, ...
        if seen
            .iter()
            .any(|s| t == s || t.starts_with(&format!("{s}_")))
        {
            out.insert(t.clone());
        }
    }
    out.retain(|t| tables.contains(t));
    Ok(out.into_iter().collect())
}

/// The tables a trigger's body writes: the name after INSERT [OR …] INTO, DELETE FROM and
/// UPDATE [OR …] (the trigger's own `UPDATE OF`/`UPDATE ON` header names no target).
fn written_by(sql: &str) -> Vec<String> {
    let body = sql.split_once(" BEGIN").map_or(sql, |(_, b)| b);
    let words: Vec<&str> = body
        .split(|c: char| c.is_whitespace() || c == '(' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let target = match w.to_ascii_uppercase().as_str() {
            "INTO" | "FROM" if i > 0 => words.get(i + 1),
            "UPDATE" => {
                let mut j = i + 1;
                if words.get(j).is_some_and(|w| w.eq_ignore_ascii_case("OR")) {
                    j += 2;
                }
                words.get(j)
            }
            _ => None,
        };
        // FROM also follows SELECT: those names are read, not written, and are kept only if
        // the word before is DELETE.
        let deleting = !w.eq_ignore_ascii_case("FROM")
            || (i > 0 && words[i - 1].eq_ignore_ascii_case("DELETE"));
        if let Some(t) = target.filter(|_| deleting) {
            out.push(t.trim_matches('"').to_string());
        }
    }
    out
}
