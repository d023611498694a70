//! The database: where it lives, how it is created (migrated and seeded atomically on first
//! use), refused when it is not ours or is newer than this binary, and migrated forward.
pub mod analysis;
pub mod documents;
pub mod edits;
pub mod export;
mod file;
pub mod load;
pub mod mentions;
pub mod orgs;
pub mod people;
pub mod readonly;
pub mod search;
pub mod signatures;
pub mod stances;
pub mod tables;
pub mod texts;

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
pub(crate) use file::open_read_only;
use file::{applied_version, check_application_id, check_header, create_file};

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// `PRAGMA application_id` of every stancedb database ("STNC").
pub const APPLICATION_ID: i64 = 0x5354_4E43;

/// An open stancedb database.
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    read_only: bool,
}

/// The default database file: in the platform data directory.
pub fn default_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "stancedb", "stancedb").ok_or_else(|| {
        Error::input("no home directory to keep the database in: pass --db PATH or set STANCEDB_DB")
    })?;
    let dir = dirs.data_dir();
    fs::create_dir_all(dir).map_err(|e| {
        Error::input(format!(
            "cannot create {}: {e}; pass --db PATH",
            dir.display()
        ))
    })?;
    Ok(dir.join("stancedb.sqlite"))
}

/// The newest schema version this binary knows (the highest V{n} in migrations/, counted by
/// build.rs: no migration parsing on the way to answering a query).
pub fn latest_schema_version() -> i64 {
    env!("STANCEDB_SCHEMA_VERSION").parse().unwrap_or(0)
}

/// The newest version among the embedded migrations themselves (for a consistency test).
pub fn embedded_schema_version() -> i64 {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| i64::from(m.version()))
        .max()
        .unwrap_or(0)
}

fn refused(path: &Path, message: impl Into<String>) -> Error {
    Error::Refused {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    Ok(())
}

/// Migrate and seed a new, empty database through `conn`.
fn build(conn: &mut Connection) -> Result<()> {
    configure(conn)?;
    embedded::migrations::runner().run(conn)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    let tx = conn.transaction()?;
    load::seed(&tx)?;
    analysis::refresh(&tx)?;
    tx.commit()?;
    Ok(())
}

impl Store {
    /// Open the database at `path`, creating it (migrated and seeded) when it does not exist.
    pub fn open(path: &Path) -> Result<Store> {
        match fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => create_file(path, false)?,
            Err(e) => return Err(refused(path, format!("cannot read the database: {e}"))),
            Ok(m) if m.is_dir() => {
                return Err(refused(path, "is a directory, not a database file"));
            }
            Ok(m) if m.len() == 0 => create_file(path, true)?,
            Ok(_) => {}
        }
        Self::open_existing(path)
    }

    /// (Re)create the database at `path`. Without `force` an existing file is an error; with it
    /// an existing stancedb database is replaced (atomically), anything else still refused.
    pub fn init(path: &Path, force: bool) -> Result<Store> {
        match fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => create_file(path, false)?,
            Err(e) => return Err(refused(path, format!("cannot read: {e}"))),
            Ok(m) if m.is_dir() => {
                return Err(refused(path, "is a directory, not a database file"));
            }
            Ok(m) if m.len() == 0 => create_file(path, true)?,
            Ok(_) if !force => {
                return Err(refused(
                    path,
                    "a database already exists here; use `init --force` to recreate it from the seed data",
                ));
            }
            Ok(m) if m.permissions().readonly() => {
                // Only read, even by root, who could rename over it.
                return Err(refused(
                    path,
                    "is write-protected; `init --force` will not replace it (make it writable first)",
                ));
            }
            Ok(_) => {
                check_header(path)?;
                let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
                check_application_id(&conn, path)?;
                drop(conn);
                create_file(path, true)?;
            }
        }
        Self::open_existing(path)
    }

    fn open_existing(path: &Path) -> Result<Store> {
        check_header(path)?;
        // A write-protected file is opened read-only, even for root, who could write it.
        let protected = fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
        let rw = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let opened = if protected {
            Err(())
        } else {
            Connection::open_with_flags(path, rw).map_err(|_| ())
        };
        let mut conn = match opened {
            Ok(c) => c,
            Err(()) => open_read_only(path)?,
        };
        // SQLite itself falls back to read-only when it cannot write the file.
        let read_only = conn.is_readonly(rusqlite::MAIN_DB)?;
        configure(&conn)?;
        check_application_id(&conn, path)?;
        let have = applied_version(&conn)?;
        let latest = latest_schema_version();
        if have > latest {
            return Err(refused(
                path,
                format!(
                    "written by a newer stancedb (schema version {have}; this binary knows up to {latest}); upgrade stancedb — the file was left untouched"
                ),
            ));
        }
        if have < latest {
            if read_only {
                return Err(refused(
                    path,
                    format!(
                        "needs migrating from schema version {have} to {latest}, but it is read-only"
                    ),
                ));
            }
            if let Err(e) = embedded::migrations::runner().run(&mut conn) {
                // Another process may have migrated it at the same moment: fine if it is current.
                if applied_version(&conn)? != latest {
                    return Err(e.into());
                }
            }
        }
        let store = Store {
            conn,
            path: Some(path.to_path_buf()),
            read_only,
        };
        if !read_only {
            store.refresh_search_keys()?;
        }
        Ok(store)
    }

    /// A fresh in-memory database, migrated and seeded (for tests and benchmarks).
    pub fn in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        build(&mut conn)?;
        let store = Store {
            conn,
            path: None,
            read_only: false,
        };
        store.refresh_search_keys()?;
        Ok(store)
    }

    /// A fresh in-memory database with the schema but no data.
    pub fn in_memory_empty() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        embedded::migrations::runner().run(&mut conn)?;
        Ok(Store {
            conn,
            path: None,
            read_only: false,
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Begin a write transaction: `BEGIN IMMEDIATE`, so concurrent writers queue on the busy
    /// timeout instead of failing when a read lock cannot be upgraded. Refused (exit 2) when
    /// the database is read-only. Rolled back when dropped without `commit`.
    pub fn write_tx(&self) -> Result<rusqlite::Transaction<'_>> {
        if self.read_only {
            return Err(refused(
                self.path.as_deref().unwrap_or(Path::new(":memory:")),
                "the database is read-only; nothing was written",
            ));
        }
        Ok(rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?)
    }

    /// Mutable access, for callers that begin their own transaction.
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Fill the folded lookup keys that are missing (after seed, import, edits or hand edits
    /// that set search_key to NULL).
    pub fn refresh_search_keys(&self) -> Result<()> {
        tables::refresh_search_keys(&self.conn)
    }
}

/// Run a query and collect its rows with the statement's own column names.
pub(crate) fn query_rows<P: rusqlite::Params>(
    store: &Store,
    name: &str,
    sql: &str,
    params: P,
) -> Result<crate::output::Rows> {
    let mut st = store.conn.prepare_cached(sql)?;
    let columns: Vec<String> = st.column_names().map(|s| s.to_string()).collect();
    let width = columns.len();
    let mut out = crate::output::Rows {
        name: name.to_string(),
        columns,
        rows: Vec::new(),
    };
    let mut q = st.query(params)?;
    while let Some(r) = q.next()? {
        let mut row = Vec::with_capacity(width);
        for i in 0..width {
            row.push(crate::output::Cell::from(
                r.get::<_, rusqlite::types::Value>(i)?,
            ));
        }
        out.rows.push(row);
    }
    Ok(out)
}
