//! The database: where it lives, how it is created (migrated and seeded atomically on first
//! use), refused when it is not ours or is newer than this binary, and migrated forward.
pub mod analysis;
pub mod changes;
pub mod cosign;
pub mod documents;
pub mod edits;
pub mod export;
mod file;
mod fresh;
pub mod fts;
pub mod grow;
pub mod issues;
pub mod load;
pub mod log;
pub mod mentions;
pub mod orgs;
pub mod people;
pub mod plausible;
pub mod readonly;
pub mod report;
pub mod search;
pub mod signatures;
pub mod stances;
pub mod tables;
pub mod texts;

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
use file::{
    Found, applied_version, check_header, classify, create_file, folder, migration_failed,
    open_immutable, protection,
};
pub use file::{kind_of, write_protected};
pub(crate) use file::{open_read_only, side_file};

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// `PRAGMA application_id` of every stancedb database ("STNC").
pub const APPLICATION_ID: i64 = 0x5354_4E43;

/// An open stancedb database.
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    /// Why the database may only be read (None: it may be written).
    why_read_only: Option<String>,
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

/// How many of this binary's migrations have a version at most `max` (numbers may skip, so a
/// complete history up to `max` holds exactly this many versions).
pub fn schema_versions_up_to(max: i64) -> i64 {
    env!("STANCEDB_SCHEMA_VERSIONS")
        .split(',')
        .filter_map(|v| v.parse::<i64>().ok())
        .filter(|&v| v <= max)
        .count() as i64
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

/// Create a new database at `target` (what `path` names): refused in a write-protected folder.
fn create_new(path: &Path, target: &Path, replace: bool) -> Result<()> {
    let dir = folder(target);
    if write_protected(&dir) {
        return Err(refused(
            path,
            format!(
                "the folder {} is write-protected; no database was created there",
                dir.display()
            ),
        ));
    }
    create_file(target, replace)
}

/// Write the schema version into the header's `user_version`, where the next open reads it
/// as bytes: a database stamped with this binary's version needs no first look by SQLite
/// (which parses the whole schema) before the real connection (which parses it again). The
/// migration history stays the authority; the stamp only spares the first look.
fn stamp_version(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "user_version", latest_schema_version())?;
    Ok(())
}

fn newer(path: &Path, have: i64) -> Error {
    refused(
        path,
        format!(
            "written by a newer stancedb (schema version {have}; this binary knows up to {}); upgrade stancedb — the file was left untouched",
            latest_schema_version()
        ),
    )
}

/// The first look at an existing file, through the main file alone (`immutable`): refused
/// when it is newer than this binary or damaged. A writer elsewhere may checkpoint into the
/// main file while it is read, so a failed look counts as damage only when a second look,
/// with no WAL live, fails too.
fn first_look(path: &Path, latest: i64) -> Result<()> {
    let probe = || open_immutable(path).and_then(|c| applied_version(&c, path));
    let live_wal = || side_file(path, "-wal").exists();
    let first = match probe() {
        Err(_) if !live_wal() => {
            std::thread::sleep(std::time::Duration::from_millis(50));
            probe()
        }
        other => other,
    };
    match first {
        Ok(have) if have > latest => Err(newer(path, have)),
        Err(e) if !live_wal() => Err(e),
        _ => Ok(()),
    }
}

fn refused(path: &Path, message: impl Into<String>) -> Error {
    Error::Refused {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

fn configure(conn: &mut Connection) -> Result<()> {
    crate::signals::watch(conn)?;
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    Ok(())
}

const FORGET_SEED_CHANGES: &str = "DELETE FROM changes;";

/// Migrate and seed a new, empty database through `conn`.
fn build(conn: &mut Connection) -> Result<()> {
    configure(conn)?;
    embedded::migrations::runner().run(conn)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    stamp_version(conn)?;
    let tx = conn.transaction()?;
    load::seed(&tx)?;
    // The seed is where the record starts, not a change to it.
    tx.execute_batch(FORGET_SEED_CHANGES)?;
    tx.commit()?;
    Ok(())
}

impl Store {
    /// Open the database at `path`, creating it (migrated and seeded) when it does not exist.
    pub fn open(path: &Path) -> Result<Store> {
        let place = classify(path)?;
        match place.found {
            Found::Missing => create_new(path, &place.target, false)?,
            Found::Empty => create_new(path, &place.target, true)?,
            Found::File(_) => {}
        }
        Self::open_existing(path)
    }

    /// (Re)create the database at `path`. Without `force` an existing file is an error; with it
    /// an existing stancedb database is replaced (atomically), anything else still refused.
    pub fn init(path: &Path, force: bool) -> Result<Store> {
        let place = classify(path)?;
        match place.found {
            Found::Missing => create_new(path, &place.target, false)?,
            Found::Empty => create_new(path, &place.target, true)?,
            Found::File(_) if !force => {
                return Err(refused(
                    path,
                    "a database already exists here; use `init --force` to recreate it from the seed data",
                ));
            }
            Found::File(m) if m.permissions().readonly() => {
                // Only read, even by root, who could rename over it.
                return Err(refused(
                    path,
                    "is write-protected; `init --force` will not replace it (make it writable first)",
                ));
            }
            Found::File(_) => {
                check_header(path)?;
                if let Some(why) = protection(path) {
                    return Err(refused(path, why));
                }
                create_file(&place.target, true)?;
            }
        }
        Self::open_existing(path)
    }

    /// Open a file that exists: ours (header and application id, read as bytes), its version
    /// read without writing, then opened for writing unless it or its folder is protected, and
    /// migrated forward when older.
    fn open_existing(path: &Path) -> Result<Store> {
        let stamped = check_header(path)?;
        let latest = latest_schema_version();
        // A first look at the main file alone, which touches nothing: a newer or damaged
        // database is refused with its side files as they were. With a live WAL the main
        // file may be behind, so only "newer" is final; the real connection checks again.
        // Skipped for a file stamped with this binary's version and no side file (no -wal
        // or -journal that the real connection would recover or check point into it before
        // it could refuse): the real connection's own check then refuses with the file as
        // it was, and the schema is parsed once instead of twice.
        let side_files = ["-wal", "-journal"]
            .iter()
            .any(|s| side_file(path, s).exists());
        if stamped != latest || side_files {
            first_look(path, latest)?;
        }
        let mut why_read_only = protection(path);
        let rw = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let opened = match why_read_only {
            Some(_) => None,
            None => Connection::open_with_flags(path, rw).ok(),
        };
        let mut conn = match opened {
            Some(c) => c,
            None => open_read_only(path)?,
        };
        // SQLite itself falls back to read-only when it cannot write the file.
        if conn.is_readonly(rusqlite::MAIN_DB)? && why_read_only.is_none() {
            why_read_only = Some("the database is read-only; nothing was written".into());
        }
        configure(&mut conn)?;
        let have = applied_version(&conn, path)?;
        if have > latest {
            return Err(newer(path, have));
        }
        if have < latest {
            if why_read_only.is_some() {
                return Err(refused(
                    path,
                    format!(
                        "needs migrating from schema version {have} to {latest}, but it is read-only"
                    ),
                ));
            }
            if let Err(e) = embedded::migrations::runner().run(&mut conn) {
                crate::signals::check()?;
                // Another process may have migrated it at the same moment: fine if it is current.
                if applied_version(&conn, path)? != latest {
                    return Err(migration_failed(path, &e));
                }
            }
        }
        if stamped != latest && why_read_only.is_none() {
            // Best effort: a busy or failing stamp costs only the next open's first look.
            let _ = stamp_version(&conn);
        }
        let store = Store {
            conn,
            path: Some(path.to_path_buf()),
            why_read_only,
        };
        if !store.is_read_only() {
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
            why_read_only: None,
        };
        store.refresh_search_keys()?;
        Ok(store)
    }

    /// A fresh in-memory database with the schema but no data.
    pub fn in_memory_empty() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        configure(&mut conn)?;
        embedded::migrations::runner().run(&mut conn)?;
        Ok(Store {
            conn,
            path: None,
            why_read_only: None,
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_read_only(&self) -> bool {
        self.why_read_only.is_some()
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Begin a write transaction: `BEGIN IMMEDIATE`, so concurrent writers queue on the busy
    /// timeout instead of failing when a read lock cannot be upgraded. Named in the change
    /// log by this process's command line (`changes::WriteTx`). Refused (exit 2) when
    /// the database is read-only. Rolled back when dropped without `commit`.
    pub fn write_tx(&self) -> Result<changes::WriteTx<'_>> {
        if let Some(why) = &self.why_read_only {
            return Err(refused(
                self.path.as_deref().unwrap_or(Path::new(":memory:")),
                why.clone(),
            ));
        }
        crate::signals::check()?;
        changes::WriteTx::begin(rusqlite::Transaction::new_unchecked(
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
) -> Result<crate::rows::Rows> {
    let mut st = store.conn.prepare_cached(sql)?;
    Ok(crate::rows::collect(&mut st, name, params)?)
}
