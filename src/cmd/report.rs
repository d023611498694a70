//! `report`: write the self-contained HTML report (a static site) of the database.
use std::path::PathBuf;

use crate::error::Result;
use crate::output::{Cell, Output, Rows};
use crate::report::{self, Options};
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::documents::Documents;
use crate::store::stances::Issues;

/// Write a static HTML site of the database: an overview with search, a page per issue
/// (its camps), per organisation (names in every script, memberships, signatures, stance
/// timeline), per document (signatories as printed), a matrix and a network drawing. It works
/// from file:// and any static web server and makes no network request. An earlier report in
/// DIR is replaced as a whole; a folder holding anything else is refused.
///
/// Example: stancedb report -o report/ && xdg-open report/index.html
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder to write the site into (created; an earlier report there is replaced)
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    pub out: PathBuf,
    /// Only these issues, and the organisations with evidence on them (repeatable; id or title)
    #[arg(long)]
    pub issue: Vec<String>,
    /// Only these statements in the lists, and their signatories (repeatable; id or title)
    #[arg(long)]
    pub statement: Vec<String>,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let mut issues = Vec::new();
    for i in &args.issue {
        let id = resolve(&Issues(store), i)?.id;
        if !issues.contains(&id) {
            issues.push(id);
        }
    }
    let mut statements = Vec::new();
    for s in &args.statement {
        let id = resolve(&Documents(store), s)?.id;
        if !statements.contains(&id) {
            statements.push(id);
        }
    }
    let opts = Options {
        out: args.out,
        issues,
        statements,
    };
    let s = report::write(store, &opts)?;
    let mut rows = Rows::new(
        "report",
        &["folder", "pages", "organisations", "issues", "documents"],
    );
    rows.push(vec![
        Cell::from(opts.out.join("index.html").display().to_string()),
        Cell::from(s.pages as i64),
        Cell::from(s.organisations as i64),
        Cell::from(s.issues as i64),
        Cell::from(s.documents as i64),
    ]);
    out.rows(&rows, "")
}
