//! `import`: load a CSV file into one table, all rows or none, reporting every problem at once.
use std::io::Read;
use std::path::PathBuf;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
use crate::output::progress::Reading;
use crate::output::{Cell, Output, Rows};
use crate::store::Store;
use crate::store::load::{self, OnConflict};
use crate::store::{fts, tables};

/// Import a CSV file into a table: the whole file in one transaction, all rows or none.
///
/// The header names the columns (any order; the table's columns, as `export` writes them); a
/// UTF-8 BOM is ignored; empty fields are NULL; a file saved by `export --excel` (a BOM and
/// CRLF line ends) reads back as exported, its neutralising apostrophes taken off; ids and codes stay text exactly as written
/// (leading zeros kept). Organisation columns take an id or any name form. Every problem is
/// reported at once as FILE:LINE:COLUMN: reason (exit 2), and then nothing is written.
///
/// Tables, in an order where references point backwards: organisations, people, documents,
/// issues, document_titles, document_copies, names, person_names, roles, memberships,
/// signatures, statement_positions, stances.
///
/// Example: stancedb import signatures new-signatures.csv --dry-run
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The table to load into
    pub table: String,
    /// The CSV file (UTF-8, header row first); - reads standard input (a pipe or FIFO works too)
    pub file: PathBuf,
    /// The file comes from `export --excel` or a spreadsheet: take the ' off text that starts
    /// like a formula (assumed anyway for a file with a BOM and CRLF line ends)
    #[arg(long)]
    pub excel: bool,
    /// Check everything and report every problem, but write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// When a row's id (or another unique key) already exists: report it as an error, skip
    /// the new row, or replace the stored row with the same id
    #[arg(long, value_enum, default_value_t = OnConflict::Error)]
    pub on_conflict: OnConflict,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let table = tables::table(args.table.trim())?;
    let (label, input) = open_input(&args.file)?;
    // A bar on a terminal for a long file (bytes read of its size give the ETA).
    let size = std::fs::metadata(&args.file)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    let input = Box::new(Reading::new(input, out.term(), &label, size));
    if store.is_read_only() && !args.dry_run {
        return Err(Error::input(format!(
            "{}: the database is read-only; nothing imported (--dry-run still checks the file)",
            store
                .path()
                .map_or_else(String::new, |p| p.display().to_string())
        )));
    }
    // A read-only database cannot take even the rolled-back writes of a dry run: the dry run
    // then checks the file against a private in-memory copy.
    let copy = match args.dry_run && store.is_read_only() {
        true => Some(private_copy(store)?),
        false => None,
    };
    // Rolled back on drop: on any error, and always for --dry-run.
    let tx = if args.dry_run {
        crate::store::changes::WriteTx::unlogged(
            copy.as_ref()
                .unwrap_or(store.conn())
                .unchecked_transaction()?,
        )
    } else {
        store.write_tx()?
    };
    // A 24 MB page cache for the unique indexes a large file fills in random order
    // (connection-level; this process ends with the command). Measured at 1M rows: 16 MB
    // 6.7 s / 44 MB peak, 24 MB 5.9 s / 52 MB, 32 MB 6.2 s / 64 MB.
    tx.execute_batch("PRAGMA cache_size = -24576;")?;
    // The loader checks every reference of every row, and SQLite checks them all again at
    // COMMIT (deferred foreign keys): a broken one cannot be committed.
    let options = load::Options {
        on_conflict: args.on_conflict,
        excel: args.excel,
    };
    let report = load::load_csv(&tx, table, &label, input, options)?;
    tables::refresh_search_keys(&tx)?;
    if args.dry_run {
        drop(tx);
    } else {
        // Inside the transaction: a merged index commits with the rows that fed it.
        fts::after_load(&tx, table, report.inserted + report.replaced)?;
        crate::signals::check()?;
        tx.commit()?;
        if report.inserted + report.replaced > 0 {
            // Fresh statistics for the query planner after a load (a database whose rows did
            // not change is left byte-identical). Committed already: a signal now only skips it.
            let _ = store.conn().execute_batch("PRAGMA optimize;");
        }
    }
    let mut rows = Rows::new(
        "import",
        &[
            "table", "file", "inserted", "replaced", "skipped", "written",
        ],
    );
    let count = |n: usize| Cell::from(i64::try_from(n).unwrap_or(i64::MAX));
    rows.push(vec![
        Cell::from(table),
        Cell::from(label),
        count(report.inserted),
        count(report.replaced),
        count(report.skipped),
        Cell::from(if args.dry_run { "no (dry run)" } else { "yes" }),
    ]);
    out.rows(&rows, "")
}

/// A private in-memory copy of the database (SQLite's memdb VFS, named for this process and
/// gone when the connection closes).
fn private_copy(store: &Store) -> Result<Connection> {
    let uri = format!("file:/stancedb-dry-run-{}?vfs=memdb", std::process::id());
    let copy = Connection::open_with_flags(
        &uri,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_URI,
    )?;
    store.conn().execute("VACUUM INTO ?1", [&uri])?;
    copy.execute_batch("PRAGMA foreign_keys = ON;")?;
    Ok(copy)
}

/// The file's name as reported in messages, and a reader of its bytes (streamed). A pipe, a
/// FIFO or a device is read as it comes; a directory is refused.
fn open_input(file: &std::path::Path) -> Result<(String, Box<dyn Read>)> {
    if file.as_os_str() == "-" {
        return Ok(("(stdin)".to_string(), Box::new(std::io::stdin().lock())));
    }
    let label = file.display().to_string();
    if file.is_dir() {
        return Err(Error::input(format!(
            "{label}: is a directory, not a CSV file"
        )));
    }
    // Opening a FIFO waits for its writer; a signal ends the wait.
    let f = std::fs::File::open(file).map_err(|e| match crate::signals::received() {
        Some(signal) => Error::Interrupted(signal),
        None => Error::input(format!("{label}: cannot read: {e}")),
    })?;
    Ok((label, Box::new(f)))
}
