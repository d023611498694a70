//! Stored positions after a bulk load that touched many organisations, recomputed in one
//! statement from the `current_stances` view, the one definition of a current stance (as
//! migration V8 filled the table): no second implementation of the rule exists to drift.
use rusqlite::Transaction;

use crate::error::Result;

const CLEAR: &str = "DELETE FROM current_positions";
const FILL: &str = "INSERT INTO current_positions \
     (org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id) \
     SELECT org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id \
     FROM current_stances";
/// The page cache for the pass, in KiB (negative: SQLite's unit). SQLite lets one sorter use
/// as much memory as the page cache, so a load's large cache would double with the sort of
/// every piece of evidence the view's window needs; the pass needs little cache.
const PASS_CACHE_KIB: i64 = -8192;
const CACHE: &str = "PRAGMA cache_size";

/// Recompute every organisation's stored positions from the view.
pub(super) fn positions(tx: &Transaction) -> Result<()> {
    let cache: i64 = tx.query_row(CACHE, [], |r| r.get(0))?;
    tx.pragma_update(None, "cache_size", PASS_CACHE_KIB)?;
    tx.execute_batch(CLEAR)?;
    tx.execute_batch(FILL)?;
    // The caller's cache again.
    tx.pragma_update(None, "cache_size", cache)?;
    Ok(())
}
