//! `cohesion`: how united an alliance's members are on an issue.
use std::collections::BTreeSet;

use crate::error::{Error, Result};
use crate::network::cohesion::{CAMPS, agreement_index};
use crate::output::{Cell, Output, Rows, SectionArg};
use crate::resolve::resolve;
use crate::store::orgs::Orgs;
use crate::store::stances::Issues;
use crate::store::{Store, cosign};
use crate::values::PartialDate;

/// The camp shares of an alliance's members on an issue and the Hix agreement index,
/// AI = (k·p_max − 1)/(k − 1) with k = 3 positions (support, oppose, ambivalent), i.e.
/// 1 − 1.5 × (1 − largest share): 1 when all agree, 0 when split evenly. Members are those
/// at --as-of (default today; memberships whose recorded dates exclude it are left out);
/// each member's camp is its current stance. Members with `none_found` or no stance are
/// counted but take no part in the shares. Sections: `cohesion`, `members` (with evidence).
///
/// Example: stancedb cohesion SKP-KPSS --issue csto-kazakhstan-2022 --as-of 2022-01
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The alliance or network: id or any name form
    pub alliance: String,
    /// The issue: id or title
    #[arg(long)]
    pub issue: String,
    /// The members at this date (YYYY, YYYY-MM or YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub section: SectionArg,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let as_of = match &args.as_of {
        Some(d) => PartialDate::parse(d.trim()).map_err(|_| {
            Error::input(format!(
                "--as-of: '{d}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
            ))
        })?,
        None => {
            let (year, month, day) = crate::values::today();
            PartialDate {
                year,
                month: Some(month),
                day: Some(day),
            }
        }
    }
    .to_string();
    let alliance = resolve(&Orgs(store), &args.alliance)?;
    let issue = resolve(&Issues(store), &args.issue)?;
    let members = cosign::members_with_stance(store, &alliance.id, &as_of, &issue.id)?;
    let summary = summary(&members, &alliance.id, &issue.id, &as_of)?;
    if members.is_empty() {
        out.notice(&format!(
            "no members of {} ({}) on record at {as_of}",
            alliance.label, alliance.id
        ));
    }
    out.sections(&[summary, members], &args.section)
}

/// Counts per camp over distinct members (an organisation with two roles counts once).
fn summary(members: &Rows, alliance: &str, issue: &str, as_of: &str) -> Result<Rows> {
    let col = |name: &str| {
        members
            .columns
            .iter()
            .position(|c| c == name)
            .ok_or_else(|| Error::Sql(format!("cohesion: the query gave no column {name}")))
    };
    let (org, value) = (col("org_id")?, col("value")?);
    let mut seen = BTreeSet::new();
    let (mut counts, mut none_found, mut no_stance) = ([0i64; 3], 0i64, 0i64);
    for r in &members.rows {
        if !seen.insert(r[org].text()) {
            continue;
        }
        let v = r[value].text();
        match CAMPS.iter().position(|c| *c == v) {
            Some(i) => counts[i] += 1,
            None if v == "none_found" => none_found += 1,
            None => no_stance += 1,
        }
    }
    let with: i64 = counts.iter().sum();
    let mut cols = vec!["alliance", "issue", "as_of", "members", "with_position"];
    cols.extend(CAMPS);
    cols.extend([
        "none_found",
        "no_stance",
        "largest_camp",
        "largest_share",
        "agreement_index",
    ]);
    let mut rows = Rows::new("cohesion", &cols);
    let largest = (0..3)
        .filter(|&i| counts[i] > 0)
        .max_by_key(|&i| (counts[i], 3 - i));
    let tied = largest.is_some_and(|l| counts.iter().filter(|&&c| c == counts[l]).count() > 1);
    let round = |x: f64| Cell::from((x * 1e4).round() / 1e4);
    let mut row = vec![
        Cell::from(alliance),
        Cell::from(issue),
        Cell::from(as_of),
        Cell::from(seen.len() as i64),
        Cell::from(with),
    ];
    row.extend(counts.iter().map(|&c| Cell::from(c)));
    row.extend([
        Cell::from(none_found),
        Cell::from(no_stance),
        match largest {
            Some(_) if tied => Cell::from("tie"),
            Some(l) => Cell::from(CAMPS[l]),
            None => Cell::Null,
        },
        largest.map_or(Cell::Null, |l| round(counts[l] as f64 / with as f64)),
        agreement_index(&counts).map_or(Cell::Null, round),
    ]);
    rows.push(row);
    Ok(rows)
}
