//! `sql`: power users' own SELECTs (like Datasette's SQL box), strictly read-only.
use std::time::Duration;

use crate::error::{Error, Result};
use crate::output::{Output, Shape};
use crate::store::{Store, readonly};

/// Run one read-only SQL query and print its rows in any --format. The query runs on a
/// separate read-only connection with `query_only` on: INSERT/UPDATE/DELETE/CREATE/DROP,
/// ATTACH/DETACH and writing PRAGMAs are refused (exit 2). A query running longer than
/// --timeout (printing included) is interrupted (exit 2). Rows stream out as they come, so
/// memory stays flat; a single value larger than 4 MB is refused. In the table, control
/// characters are shown escaped (\n, \u{1b}) and blobs as x'…' hex. Views to start from: signatories, stance_evidence,
/// current_stances, members.
///
/// Example: stancedb sql "SELECT organisation, value FROM current_stances WHERE issue_id = 'csto-kazakhstan-2022'"
#[derive(clap::Args, Debug)]
pub struct Args {
    /// One SQL statement (SELECT, WITH …, read-only PRAGMA, EXPLAIN)
    pub query: String,
    /// Interrupt the query after this many seconds
    #[arg(long, default_value_t = 5.0, value_name = "SECONDS")]
    pub timeout: f64,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    if !(args.timeout > 0.0 && args.timeout <= 86_400.0) {
        return Err(Error::input(
            "--timeout takes a number of seconds between 0 and 86400",
        ));
    }
    let path = store
        .path()
        .ok_or_else(|| Error::input("`sql` needs a database file"))?;
    out.binary_ok()?;
    let timeout = Duration::from_secs_f64(args.timeout);
    let mut sink = out.sink(Shape::List, false)?;
    let n = readonly::query(path, &args.query, timeout, sink.as_mut())?;
    sink.finish()?;
    drop(sink);
    out.flush()?;
    if n == 0 {
        out.notice("the query returned no rows");
    }
    Ok(())
}
