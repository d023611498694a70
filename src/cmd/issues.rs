//! `issues`: the issues on record, so their ids can be learnt, with how many organisations
//! currently hold each stance value on each.
use crate::error::Result;
use crate::output::{Cell, Output, Rows};
use crate::store::Store;
use crate::store::issues::{self, IssueSummary};
use crate::vocab::StanceValue;

/// List the issues: id, title, the question a stance answers, the period (start, end), and
/// how many organisations currently hold each value (one column per stance value; the
/// `organisations` column is their sum).
///
/// Example: stancedb issues
#[derive(clap::Args, Debug)]
pub struct Args {}

/// The column names: the issue's own, the total, then one per stance value.
fn columns() -> Vec<&'static str> {
    let mut cols = vec!["id", "title", "question", "start", "end", "organisations"];
    cols.extend(StanceValue::ALL.iter().map(|v| v.as_str()));
    cols
}

/// One output row: the issue, the total, then its count for each value (0 when none).
fn row(issue: IssueSummary) -> Vec<Cell> {
    let count = |value: StanceValue| {
        issue
            .counts
            .iter()
            .find(|(v, _)| v == value.as_str())
            .map_or(0, |(_, n)| *n)
    };
    let per_value: Vec<Cell> = StanceValue::ALL
        .iter()
        .map(|v| Cell::from(count(*v)))
        .collect();
    let total: i64 = issue.counts.iter().map(|(_, n)| n).sum();
    let mut cells = vec![
        Cell::from(issue.id),
        Cell::from(issue.title),
        Cell::from(issue.question),
        Cell::from(issue.start),
        Cell::from(issue.end),
        Cell::from(total),
    ];
    cells.extend(per_value);
    cells
}

pub fn run(_args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let summaries = issues::summaries(store)?;
    let mut rows = Rows::new("issues", &columns());
    for issue in summaries {
        rows.push(row(issue));
    }
    out.rows(&rows, "no issues recorded")
}
