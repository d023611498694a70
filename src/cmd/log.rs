//! `log`: the change log, so a curator sees when each fact came in, by which command, and
//! what it replaced.
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::Store;
use crate::store::log::{entries, logged_table};

/// List the change log: every write to the record (by stancedb, or by sqlite3 or a Datasette
/// plugin, whose command shows as 'unknown'), oldest first, with the row before and after as
/// JSON. `write` numbers one stancedb command's writes (what `undo` reverts together).
///
/// Example: stancedb log --table stances --since 2026-01-01
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only this table's changes
    #[arg(long, value_name = "TABLE")]
    table: Option<String>,
    /// Only the changes of the row with this id
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// Only changes at or after this UTC date or time (YYYY-MM-DD, or YYYY-MM-DDTHH:MM)
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let table = args.table.as_deref().map(logged_table).transpose()?;
    if let Some(s) = &args.since {
        check_since(s)?;
    }
    let rows = entries(store, table, args.id.as_deref(), args.since.as_deref())?;
    out.rows(&rows, "no change on record matches")
}

/// A --since value: a date, or a date and time, as the log writes them (UTC).
fn check_since(s: &str) -> Result<()> {
    let shape_ok = s.len() >= 4
        && s.chars().enumerate().all(|(i, c)| match i {
            4 | 7 => c == '-',
            10 => c == 'T',
            13 | 16 => c == ':',
            _ => c.is_ascii_digit() || (i >= 19 && (c == '.' || c == 'Z')),
        });
    if shape_ok && (matches!(s.len(), 4 | 7 | 10 | 13 | 16 | 19) || s.len() > 19) {
        return Ok(());
    }
    Err(Error::input(format!(
        "log: --since '{s}' is not a date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM, UTC)"
    )))
}
