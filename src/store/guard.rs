//! The one rule that ends a write when SQLite gives up on it. After a full disk, an I/O error,
//! running out of memory or a damaged file (or any error after which SQLite has left the
//! transaction on its own), a writer must stop at once and roll back: no statement may run
//! after that, since each would commit on its own. Two parts, both here:
//! - `stop`, which every place that catches an SQLite error and carries on (the loader,
//!   which reports a refused row and reads the next) calls first;
//! - a commit hook, installed on every writing connection, that refuses any commit once SQLite
//!   has rolled a transaction back, until the next transaction begins through `begin`: a
//!   statement that slipped through still cannot commit on its own.
use std::cell::Cell;

use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

thread_local! {
    /// Whether the connection of this thread saw a rollback since its last `begin` (a
    /// connection lives and is used on one thread; one writing connection per thread).
    static LEFT: Cell<bool> = const { Cell::new(false) };
    /// Whether a transaction begun through `begin` is this thread's current write (until it
    /// commits): statements outside one, each its own transaction, are SQLite's to settle.
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Install the hooks on a connection that may write.
pub(crate) fn install(conn: &mut Connection) -> Result<()> {
    LEFT.with(|l| l.set(false));
    GUARDED.with(|g| g.set(false));
    conn.rollback_hook(Some(|| LEFT.with(|l| l.set(true))))?;
    // true turns the commit into a rollback: refused once a guarded write was rolled back.
    conn.commit_hook(Some(|| {
        let refuse = GUARDED.with(Cell::get) && LEFT.with(Cell::get);
        if !refuse {
            GUARDED.with(|g| g.set(false));
        }
        refuse
    }))?;
    Ok(())
}

/// Begin a transaction: the one way a writer starts one.
pub(crate) fn begin(conn: &Connection, behavior: TransactionBehavior) -> Result<Transaction<'_>> {
    LEFT.with(|l| l.set(false));
    GUARDED.with(|g| g.set(true));
    Ok(Transaction::new_unchecked(conn, behavior)?)
}

/// The error codes after which nothing more may be written: the disk, the memory or the
/// file itself failed, not the row.
fn fatal_code(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::DiskFull
            | ErrorCode::SystemIoFailure
            | ErrorCode::OutOfMemory
            | ErrorCode::DatabaseCorrupt
            | ErrorCode::NotADatabase
            | ErrorCode::CannotOpen
            | ErrorCode::FileLockingProtocolFailed
    )
}

/// True when `e` ends every write, whatever was being written.
pub fn is_fatal(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code().is_some_and(fatal_code)
}

/// Called with an SQLite error caught inside a transaction on `conn`, before treating it as a
/// problem with one row: the error back when the transaction is still open and the error is
/// the row's; otherwise the write is over (`Error::Stopped`, exit 1), and the caller's `?`
/// rolls back.
pub(crate) fn stop(conn: &Connection, e: rusqlite::Error) -> Result<rusqlite::Error> {
    if is_fatal(&e) || conn.is_autocommit() {
        crate::signals::check()?;
        return Err(stopped(&e));
    }
    Ok(e)
}

/// The error that ends a write, naming its cause on one line.
pub fn stopped(e: &rusqlite::Error) -> Error {
    let cause = e.to_string();
    Error::Stopped(cause.lines().next().unwrap_or_default().to_string())
}
