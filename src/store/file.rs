//! The database file itself, looked at once and then opened: what is at the path (nothing, an
//! empty file, a file, or something that is not a regular file), whether it is ours (its
//! SQLite header and application id, read as bytes: a file that is not ours is never opened
//! by SQLite, so no recovery or checkpoint ever runs on it), its migration history (read
//! without writing anything), and creation atomically (built beside it, then moved into place;
//! through a symbolic link, the link's target is what is replaced).
use std::fs::{self, Metadata};
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{APPLICATION_ID, refused};
use crate::error::{Error, Result};

/// What a database path holds.
pub(super) enum Found {
    /// Nothing: a database is created there.
    Missing,
    /// An empty regular file: a database is built into it.
    Empty,
    /// A regular file with content.
    File(Metadata),
}

/// A path looked at once: what it holds, and the file really written (the target of a
/// symbolic link, the path itself otherwise).
pub(super) struct Place {
    pub found: Found,
    pub target: PathBuf,
}

/// The kind of a file that is not a regular file, in words.
pub fn kind_of(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("a directory")
    } else if t.is_fifo() {
        Some("a FIFO")
    } else if t.is_socket() {
        Some("a socket")
    } else if t.is_char_device() {
        Some("a character device")
    } else if t.is_block_device() {
        Some("a block device")
    } else {
        Some("not a file")
    }
}

/// Look at `path` once: refused unless it is missing or a regular file (links followed).
pub(super) fn classify(path: &Path) -> Result<Place> {
    let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let found = match fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && link => {
            return Err(refused(
                path,
                "is a symbolic link to nothing; give the database file itself",
            ));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Found::Missing,
        Err(e) => return Err(refused(path, format!("cannot read the database: {e}"))),
        Ok(m) => match kind_of(&m) {
            Some(kind) => {
                return Err(refused(
                    path,
                    format!("not a regular file ({kind}); give the path of a database file"),
                ));
            }
            None if m.len() == 0 => Found::Empty,
            None => Found::File(m),
        },
    };
    let target = match (link, &found) {
        (true, _) => fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    Ok(Place { found, target })
}

/// The folder a path lives in ("." for a bare file name).
pub(super) fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A file or folder without any write permission bit (so even root leaves it alone).
pub fn write_protected(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o222 == 0)
}

/// Why a database file may only be read, when it is write-protected or its folder is (SQLite
/// writes -wal and -shm files beside it). Checked by mode bits, so even root respects it.
pub(super) fn protection(path: &Path) -> Option<String> {
    if write_protected(path) {
        return Some("the database is read-only; nothing was written".into());
    }
    let dir = folder(path);
    if write_protected(&dir) {
        return Some(format!(
            "the folder {} is write-protected (SQLite writes its -wal and -shm files beside \
             the database), so the database is only read; nothing was written",
            dir.display()
        ));
    }
    None
}

/// Open `path` read-only. With no -wal file present (no writer anywhere) or write-protected
/// with no pending WAL content, it is opened `immutable=1`: SQLite then reads it as it stands
/// and creates nothing beside it.
pub(crate) fn open_read_only(path: &Path) -> Result<Connection> {
    let ro = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let wal = side_file(path, "-wal");
    let wal_pending = fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    let result = if (protection(path).is_some() && !wal_pending) || !wal.exists() {
        Connection::open_with_flags(
            format!("file:{}?immutable=1", uri_path(path)),
            ro | OpenFlags::SQLITE_OPEN_URI,
        )
    } else {
        Connection::open_with_flags(path, ro)
    };
    result.map_err(|e| refused(path, format!("cannot open: {e}")))
}

/// Open `path` as it stands in its main file, `immutable=1`: nothing is read from or written
/// to a -wal or -shm beside it, no lock is taken. A first look only: with a live WAL the main
/// file may be behind (or mid-checkpoint).
pub(super) fn open_immutable(path: &Path) -> Result<Connection> {
    let ro = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(
        format!("file:{}?immutable=1", uri_path(path)),
        ro | OpenFlags::SQLITE_OPEN_URI,
    )
    .map_err(|e| refused(path, format!("cannot open: {e}")))
}

/// `path` with `suffix` appended (`-wal`, `-shm`, `-journal`).
pub(crate) fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A filesystem path as the path part of an SQLite `file:` URI (percent-encoded).
fn uri_path(path: &Path) -> String {
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
    let dir = folder(path);
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
        super::fresh::write(&tmp, path)?;
        // The last moment to stop: after it, the new database is in place.
        crate::signals::check()?;
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
            let _ = fs::remove_file(side_file(&tmp, ext));
        }
    }
    result.map_err(|e| match e {
        Error::Io(io) => refused(path, format!("cannot create the database: {io}")),
        other => other,
    })
}

/// The file is an SQLite database and carries stancedb's application id: read from its
/// 100-byte header, without SQLite. Returns the schema version stamped in the header's
/// `user_version` (0 when none: a database from before the stamp, or a user cleared it).
pub(super) fn check_header(path: &Path) -> Result<i64> {
    let mut f = fs::File::open(path).map_err(|e| refused(path, format!("cannot open: {e}")))?;
    let mut head = [0u8; 100];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => crate::signals::check()?,
            Err(e) => return Err(refused(path, format!("cannot read: {e}"))),
        }
    }
    if n < 16 || &head[..16] != b"SQLite format 3\0" {
        return Err(refused(
            path,
            "is not a stancedb database (not an SQLite file); left untouched",
        ));
    }
    if n < 100
        || i64::from(u32::from_be_bytes([head[68], head[69], head[70], head[71]])) != APPLICATION_ID
    {
        return Err(refused(
            path,
            "is an SQLite database but not a stancedb database; left untouched",
        ));
    }
    Ok(i64::from(i32::from_be_bytes([
        head[60], head[61], head[62], head[63],
    ])))
}

/// What to do with a damaged database, in one clause.
const RESCUE: &str = "left untouched: restore a backup, or save what it holds with \
     `stancedb export --all DIR` and recreate it with `init --force`";

/// The schema version applied to a database of ours, read without writing: refused when the
/// file is damaged or its migration history is missing or has a gap.
pub(super) fn applied_version(conn: &Connection, path: &Path) -> Result<i64> {
    let damaged = |e: rusqlite::Error| {
        refused(
            path,
            format!("is damaged ({}); {RESCUE}", first_line(&e.to_string())),
        )
    };
    let (history, tables): (bool, i64) = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'refinery_schema_history'), \
             (SELECT count(*) FROM sqlite_master WHERE type = 'table')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(damaged)?;
    if !history {
        if tables == 0 {
            return Ok(0);
        }
        return Err(refused(
            path,
            format!(
                "its migration history is missing (no refinery_schema_history table); {RESCUE}"
            ),
        ));
    }
    let (max, count): (i64, i64) = conn
        .query_row(
            "SELECT COALESCE(MAX(version), 0), count(DISTINCT version) FROM refinery_schema_history",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(damaged)?;
    // A newer stancedb's history is its own business: refused as newer by the caller.
    let expected = super::schema_versions_up_to(max);
    if count != expected && max <= super::latest_schema_version() {
        return Err(refused(
            path,
            format!(
                "its migration history is damaged ({count} of the {expected} versions up to {max} \
                 recorded: one was half-applied or removed); {RESCUE}"
            ),
        ));
    }
    Ok(max)
}

/// A failed migration (rolled back by its transaction), in one line without its SQL.
pub(super) fn migration_failed(path: &Path, e: &refinery::Error) -> Error {
    let reason = match std::error::Error::source(e) {
        Some(s) => first_line(&s.to_string()),
        None => first_line(&e.to_string()),
    };
    refused(
        path,
        format!(
            "migrating it to schema version {} failed ({}); {RESCUE}",
            super::latest_schema_version(),
            crate::error::clip(&reason)
        ),
    )
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().to_string()
}
