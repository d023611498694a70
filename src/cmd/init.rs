//! `init`: create the database explicitly, or recreate it from the seed with --force.
use std::path::Path;

use crate::error::{Error, Result};
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
    // A write-protected database is only read, even by root, who could replace it.
    let protected =
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().readonly());
    if args.force && protected {
        return Err(Error::Refused {
            path: path.to_path_buf(),
            message:
                "is write-protected; `init --force` will not replace it (make it writable first)"
                    .to_string(),
        });
    }
    let store = Store::init(path, args.force)?;
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
