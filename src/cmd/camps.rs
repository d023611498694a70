//! `camps`: organisations grouped by their stance on one issue.
use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::output::{Cell, Output, Rows, SectionArg};
use crate::resolve::resolve;
use crate::store::stances::Issues;
use crate::store::{Store, analysis};

/// The camps on an issue: each organisation's current stance grouped by value, with counts.
/// The `basis` column says how we know: `words` (its own or attributed words) or `signature`
/// (it signed a statement taking that side but said nothing on its own).
/// `order_unknown_against` (and the `order_unknown` count) marks an organisation whose current
/// stance cannot be ordered against evidence of another value: its camp is not certain.
///
/// Example: stancedb camps csto-kazakhstan-2022
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The issue: id or title
    pub issue: String,
    #[command(flatten)]
    pub section: SectionArg,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let issue = resolve(&Issues(store), &args.issue)?;
    let orgs = analysis::camps(store, &issue.id)?;
    if orgs.is_empty() {
        return out.rows(&orgs, &format!("no stances recorded on {}", issue.id));
    }
    let summary = summary(&orgs)?;
    out.sections(&[summary, orgs], &args.section)
}

/// One camp's counts.
#[derive(Default)]
struct Camp {
    organisations: i64,
    own_words: i64,
    attributed: i64,
    by_signature_only: i64,
    order_unknown: i64,
}

/// The counts per camp, from the organisations' rows: support, oppose, ambivalent, then any
/// other value (none_found) in its own order.
fn summary(orgs: &Rows) -> Result<Rows> {
    let col = |name: &str| {
        orgs.columns
            .iter()
            .position(|c| c == name)
            .ok_or_else(|| Error::Sql(format!("camps: the query gave no column {name}")))
    };
    let (value, evidence, basis, unknown) = (
        col("value")?,
        col("evidence")?,
        col("basis")?,
        col("order_unknown_against")?,
    );
    let mut camps: BTreeMap<(u8, String), Camp> = BTreeMap::new();
    for row in &orgs.rows {
        let v = row[value].text();
        let rank = match v.as_str() {
            "support" => 1,
            "oppose" => 2,
            "ambivalent" => 3,
            _ => 4,
        };
        let camp = camps.entry((rank, v)).or_default();
        let (evidence, basis) = (row[evidence].text(), row[basis].text());
        camp.organisations += 1;
        camp.own_words += i64::from(basis == "words" && evidence == "own");
        camp.attributed += i64::from(basis == "words" && evidence == "attributed");
        camp.by_signature_only += i64::from(basis == "signature");
        camp.order_unknown += i64::from(row[unknown] != Cell::Null);
    }
    let mut rows = Rows::new(
        "camps",
        &[
            "value",
            "organisations",
            "own_words",
            "attributed",
            "by_signature_only",
            "order_unknown",
        ],
    );
    for ((_, v), c) in camps {
        rows.push(vec![
            Cell::from(v),
            Cell::from(c.organisations),
            Cell::from(c.own_words),
            Cell::from(c.attributed),
            Cell::from(c.by_signature_only),
            Cell::from(c.order_unknown),
        ]);
    }
    Ok(rows)
}
