//! `matrix`: organisations × issues, one cell per current stance, for a spreadsheet or chart.
use crate::error::{Error, Result};
use crate::output::{Cell, Output, Rows};
use crate::resolve::resolve;
use crate::store::stances::Issues;
use crate::store::{Store, analysis};
use crate::vocab::OrgKind;

/// Organisations × issues: one row per organisation with a stance, one column per issue
/// holding its current stance (support, oppose, ambivalent, none_found; empty = no stance).
///
/// Example: stancedb matrix --kind party --format csv > matrix.csv
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only these issues (repeatable; id or title)
    #[arg(long)]
    pub issue: Vec<String>,
    /// Only organisations of this kind
    #[arg(long)]
    pub kind: Option<OrgKind>,
    /// Only organisations of this country (ISO 3166-1 alpha-2)
    #[arg(long)]
    pub country: Option<String>,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let issues: Vec<String> = if args.issue.is_empty() {
        analysis::issue_ids(store)?
    } else {
        let mut v = Vec::new();
        for i in &args.issue {
            let id = resolve(&Issues(store), i)?.id;
            if !v.contains(&id) {
                v.push(id);
            }
        }
        v
    };
    let country = args.country.map(|c| c.trim().to_ascii_uppercase());
    if let Some(c) = &country
        && (c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_alphabetic()))
    {
        return Err(Error::input(format!(
            "--country takes a two-letter ISO code, not '{c}'"
        )));
    }
    let lines = analysis::matrix_lines(
        store,
        args.kind.map(OrgKind::as_str),
        country.as_deref(),
        &issues,
    )?;
    let mut columns: Vec<&str> = vec!["org_id", "organisation", "kind", "country"];
    columns.extend(issues.iter().map(String::as_str));
    let mut rows = Rows::new("matrix", &columns);
    for line in lines {
        let mut row = vec![
            Cell::from(line.org),
            Cell::from(line.name),
            Cell::from(line.kind),
            Cell::from(line.country),
        ];
        row.extend(line.values.into_iter().map(Cell::from));
        rows.push(row);
    }
    out.rows(&rows, "no stances match")
}
