//! The database file itself: created atomically (built beside it, then moved into place),
//! recognised by its SQLite header, application id and schema version, and opened read-only
//! without leaving anything behind.
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{APPLICATION_ID, refused};
use crate::error::{Error, Result};

/// Open `path` read-only. A write-protected file with no pending WAL content is opened
/// `immutable=1`: SQLite then reads it as it stands and leaves no -wal/-shm behind (which,
/// owned by a reader, would later stop writers once the file is writable again).
pub(crate) fn open_read_only(path: &Path) -> Result<Connection> {
    let protected = fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
    let ro = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let wal_pending = fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0);
    let result = if protected && !wal_pending {
        Connection::open_with_flags(
            format!("file:{}?immutable=1", uri_path(path)),
            ro | OpenFlags::SQLITE_OPEN_URI,
        )
    } else {
        Connection::open_with_flags(path, ro)
    };
    result.map_err(|e| refused(path, format!("cannot open: {e}")))
}

/// A filesystem path as the path part of an SQLite `file:` URI (percent-encoded).
pub(super) fn uri_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Create a migrated, seeded database at `path` atomically: built in a temporary file beside
/// it, then moved into place. `replace` allows replacing an existing file.
pub(super) fn create_file(path: &Path, replace: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(refused(
            path,
            format!("the folder {} does not exist", dir.display()),
        ));
    }
    let file_name = path
        .file_name()
        .ok_or_else(|| refused(path, "not a file path"))?
        .to_string_lossy()
        .into_owned();
    let tmp = dir.join(format!(".{file_name}.tmp-{}", std::process::id()));
    let _ = fs::remove_file(&tmp);
    let result = (|| -> Result<()> {
        // The whole seeded database, built in memory, written, synced and checked.
        super::image::write(&tmp, path)?;
        if replace {
            fs::rename(&tmp, path)?;
        } else {
            match fs::hard_link(&tmp, path) {
                Ok(()) => {}
                // Another process created it first: use theirs.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e.into()),
            }
            fs::remove_file(&tmp)?;
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        for ext in ["-wal", "-shm", "-journal"] {
            let _ =
                fs::remove_file(dir.join(format!(".{file_name}.tmp-{}{ext}", std::process::id())));
        }
    }
    result.map_err(|e| match e {
        Error::Io(io) => refused(path, format!("cannot create the database: {io}")),
        other => other,
    })
}

pub(super) fn check_header(path: &Path) -> Result<()> {
    let mut f = fs::File::open(path).map_err(|e| refused(path, format!("cannot open: {e}")))?;
    let mut head = [0u8; 16];
    let n = f
        .read(&mut head)
        .map_err(|e| refused(path, format!("cannot read: {e}")))?;
    if n < 16 || &head != b"SQLite format 3\0" {
        return Err(refused(
            path,
            "is not a stancedb database (not an SQLite file); left untouched",
        ));
    }
    Ok(())
}

pub(super) fn check_application_id(conn: &Connection, path: &Path) -> Result<()> {
    let id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| refused(path, format!("cannot read: {e}")))?;
    if id != APPLICATION_ID {
        return Err(refused(
            path,
            "is an SQLite database but not a stancedb database; left untouched",
        ));
    }
    Ok(())
}

pub(super) fn applied_version(conn: &Connection) -> Result<i64> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'refinery_schema_history')",
        [],
        |r| r.get(0),
    )?;
    if !exists {
        return Ok(0);
    }
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM refinery_schema_history",
        [],
        |r| r.get(0),
    )?)
}
