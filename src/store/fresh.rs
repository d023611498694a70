//! The first run's database: migrated and seeded in memory, then written out as one file,
//! synced and checked, for the caller to move into place in one step (no half-built database
//! is ever visible under the real name).
use std::fs;
use std::io::Write;
use std::path::Path;

use rusqlite::{Connection, MAIN_DB};

use super::file::{applied_version, check_header, open_immutable};
use super::{build, latest_schema_version, refused};
use crate::error::Result;

/// Offsets of the file format's write and read versions in the header: 2 and 2 = WAL.
const WRITE_VERSION: usize = 18;
const READ_VERSION: usize = 19;

/// The bytes of a migrated, seeded database in WAL mode, built now in memory.
fn seeded() -> Result<Vec<u8>> {
    let mut conn = Connection::open_in_memory()?;
    build(&mut conn)?;
    let mut bytes = conn.serialize(MAIN_DB)?.to_vec();
    // An in-memory database has no journal; the file is to be opened in WAL mode, which the
    // header records (as `PRAGMA journal_mode = WAL` would write it).
    bytes[WRITE_VERSION] = 2;
    bytes[READ_VERSION] = 2;
    Ok(bytes)
}

/// Write a newly seeded database to `tmp` (a new file) and check it reads back as a current
/// stancedb database; `path` is the database asked for, named in errors.
pub(super) fn write(tmp: &Path, path: &Path) -> Result<()> {
    let bytes = seeded()?;
    let mut f = fs::File::create(tmp)
        .map_err(|e| refused(path, format!("cannot create the database: {e}")))?;
    f.write_all(&bytes)?;
    f.sync_all()?;
    drop(f);
    // The header (SQLite, and ours by its application id), then the schema version, read as
    // the file stands (immutable: no -wal or -shm is left beside the new file).
    check_header(tmp)?;
    let conn = open_immutable(tmp)?;
    if applied_version(&conn, tmp)? != latest_schema_version() {
        return Err(refused(
            path,
            "the new database image is not at the current schema version",
        ));
    }
    Ok(())
}
