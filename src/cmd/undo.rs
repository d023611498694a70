//! `undo`: revert the last writes from the change log, itself as a logged write, refusing
//! when a later write that still stands touched the same rows.
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::Store;
use crate::store::log::{undo, writes_to_undo};

/// Revert the last N writes (each a stancedb command, or one outside change) as one logged
/// write of its own; already undone writes and undos are skipped. Refused, with nothing
/// written, when a later write that still stands changed one of the same rows.
///
/// Example: stancedb undo 2 --dry-run
#[derive(clap::Args, Debug)]
pub struct Args {
    /// How many writes to revert
    #[arg(default_value_t = 1)]
    n: usize,
    /// Revert this write instead (its number in `stancedb log`)
    #[arg(long, value_name = "WRITE", conflicts_with = "n")]
    write: Option<i64>,
    /// Show what would be reverted, change nothing
    #[arg(long)]
    dry_run: bool,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    if args.n == 0 {
        return Err(Error::input("undo: N must be at least 1"));
    }
    let tx = store.write_tx()?;
    let writes = writes_to_undo(&tx, args.n, args.write)?;
    let rows = undo(&tx, &writes)?;
    crate::signals::check()?;
    if args.dry_run {
        drop(tx);
        out.notice("undo --dry-run: nothing was changed");
    } else {
        tx.commit()?;
    }
    out.rows(&rows, "nothing to undo")
}
