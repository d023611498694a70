//! A content fingerprint of a table: its row count and a hash of every value in rowid order,
//! so "the database is exactly as before" is checked by comparing two small numbers.
use std::hash::{DefaultHasher, Hash, Hasher};

use rusqlite::Connection;
use rusqlite::types::ValueRef;

/// (row count, content hash) of one table.
pub type Print = (u64, u64);

/// Tables the import target fingerprints besides the one loaded: the stale marks and the
/// stored positions a load may touch, and the schema (a load sets a trigger aside).
pub const ALWAYS: &[&str] = &["positions_stale", "current_positions", "sqlite_master"];

/// The fingerprint of `table` (a name from the schema whitelist, never from the input).
pub fn of(conn: &Connection, table: &str) -> rusqlite::Result<Print> {
    // Tables without rowid are read in key order.
    let order = match table {
        "sqlite_master" => "type, name",
        "positions_stale" => "1",
        "current_positions" => "1, 2",
        _ => "rowid",
    };
    let mut st = conn.prepare_cached(&format!("SELECT * FROM {table} ORDER BY {order}"))?;
    let width = st.column_count();
    let mut rows = st.query([])?;
    let mut h = DefaultHasher::new();
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        n += 1;
        for i in 0..width {
            match r.get_ref(i)? {
                ValueRef::Null => 0u8.hash(&mut h),
                ValueRef::Integer(v) => (1u8, v).hash(&mut h),
                ValueRef::Real(v) => (2u8, v.to_bits()).hash(&mut h),
                ValueRef::Text(v) => (3u8, v).hash(&mut h),
                ValueRef::Blob(v) => (4u8, v).hash(&mut h),
            }
        }
    }
    Ok((n, h.finish()))
}
