//! `camps`: organisations grouped by their stance on one issue.
use std::collections::{BTreeMap, HashSet};

use crate::error::{Error, Result};
use crate::output::{Cell, Output, Rows, SectionArg};
use crate::resolve::resolve;
use crate::store::orgs::{self, Orgs};
use crate::store::stances::Issues;
use crate::store::{Store, analysis};
use crate::values::{PartialDate, today};

/// The camps on an issue: each organisation's current stance grouped by value, with counts.
/// The `basis` column says how we know: `words` (its own or attributed words) or `signature`
/// (it signed a statement taking that side but said nothing on its own).
/// `order_unknown_against` (and the `order_unknown` count) marks an organisation whose current
/// stance cannot be ordered against evidence of another value: its camp is not certain.
///
/// With --alliance, only the alliance's members on the --as-of date (default: today), by the
/// membership dates on record (the rule of `members --as-of`).
///
/// Example: stancedb camps csto-kazakhstan-2022
/// Example: stancedb camps kazakhstan-protests-2022 --alliance solidnet --as-of 2022-01-18
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The issue: id or title
    pub issue: String,
    /// Only the members of this alliance, network or bloc (id or any name form)
    #[arg(long)]
    pub alliance: Option<String>,
    /// With --alliance: members on this date (YYYY, YYYY-MM or YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE", requires = "alliance")]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub section: SectionArg,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let issue = resolve(&Issues(store), &args.issue)?;
    let mut orgs = analysis::camps(store, &issue.id)?;
    if let Some(a) = &args.alliance {
        let alliance = resolve(&Orgs(store), a)?;
        let as_of = match &args.as_of {
            Some(d) => {
                PartialDate::parse(d).map_err(|_| {
                    Error::input(format!(
                        "--as-of: '{d}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
                    ))
                })?;
                d.clone()
            }
            None => {
                let (y, m, d) = today();
                format!("{y:04}-{m:02}-{d:02}")
            }
        };
        let members: HashSet<String> = orgs::member_ids(store, &alliance.id, &as_of)?
            .into_iter()
            .collect();
        let col = orgs.columns.iter().position(|c| c == "org_id");
        orgs.rows.retain(|r| {
            col.and_then(|i| r.get(i))
                .is_some_and(|c| members.contains(&c.text()))
        });
        if orgs.is_empty() {
            let none = format!(
                "no stances recorded on {} by members of {} on {as_of}",
                issue.id, alliance.id
            );
            return out.rows(&orgs, &none);
        }
    }
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
