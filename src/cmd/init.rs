//! `init`: create the database explicitly, or recreate it from the seed with --force.
use std::path::Path;

use crate::error::Result;
use crate::output::{Cell, Output, Rows};
use crate::store::Store;

/// Create the database (migrated and seeded). Other commands do this on first use anyway.
///
/// Example: stancedb --db research.sqlite init
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Replace an existing stancedb database with a fresh copy of the seed data
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &Args, path: &Path, out: &mut Output) -> Result<()> {
    let store = Store::init(path, args.force)?;
    // A new database comes with the `mentions` matcher kept.
    crate::mentions::keep::keep(&store)?;
    let mut rows = Rows::new(
        "database",
        &["path", "schema_version", "organisations", "stances"],
    );
    let count = |sql: &str| -> Result<i64> { Ok(store.conn().query_row(sql, [], |r| r.get(0))?) };
    rows.push(vec![
        Cell::from(path.display().to_string()),
        Cell::from(crate::store::latest_schema_version()),
        Cell::from(count("SELECT count(*) FROM organisations")?),
        Cell::from(count("SELECT count(*) FROM stances")?),
    ]);
    out.rows(&rows, "")
}
