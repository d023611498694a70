//! A content fingerprint of a table: its row count and a hash of every value in key order,
//! so "the database is exactly as before" is checked by comparing two small numbers. The
//! schema is fingerprinted by its version cookie, which SQLite changes on every schema change.
use rusqlite::Connection;
use rusqlite::types::ValueRef;

/// (row count, content hash) of one table.
pub type Print = (u64, u64);

/// Tables the import target fingerprints besides the one loaded: the stale marks and the
/// stored positions a load may touch, and the schema (a load sets a trigger aside).
pub const ALWAYS: &[&str] = &["positions_stale", "current_positions", "schema"];

/// FNV-1a over the bytes: fast, and enough to tell a changed table from an unchanged one.
struct Fnv(u64);

impl Fnv {
    fn add(&mut self, tag: u8, bytes: &[u8]) {
        for &b in std::iter::once(&tag).chain(bytes) {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
        }
        // Lengths too, so ("ab", "c") and ("a", "bc") differ.
        for b in (bytes.len() as u64).to_le_bytes() {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
}

/// The fingerprint of `table` (a name from the schema whitelist, never from the input), or
/// of the schema for "schema".
pub fn of(conn: &Connection, table: &str) -> rusqlite::Result<Print> {
    if table == "schema" {
        let v: i64 = conn.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
        return Ok((0, v as u64));
    }
    // Tables without rowid are read in key order.
    let order = match table {
        "positions_stale" => "1",
        "current_positions" => "1, 2",
        _ => "rowid",
    };
    let mut st = conn.prepare_cached(&format!("SELECT * FROM {table} ORDER BY {order}"))?;
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
