//! `compare`: two or more organisations side by side, issue by issue, with their quotes.
use crate::error::{Error, Result};
use crate::output::{Cell, Output, Rows};
use crate::resolve::{Candidate, resolve};
use crate::store::Store;
use crate::store::analysis::{self, Position};
use crate::store::orgs::Orgs;
use crate::store::stances::Issues;

/// Organisations side by side, issue by issue: each one's current stance with its quote and
/// source, then an agreement figure for every pair.
///
/// Agreement of A and B = (issues where both hold the same current value) ÷ (issues where both
/// have a current stance: support, oppose or ambivalent). An issue where either has no stance
/// is shown as "no stance" and counted neither as agreement nor as disagreement; with no such
/// issue in common the agreement is empty.
///
/// Example: stancedb compare KPRF "Communist Party of Greece"
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Two or more organisations: ids or any name forms
    #[arg(num_args = 2.., required = true)]
    pub orgs: Vec<String>,
    /// Only this issue (id or title)
    #[arg(long)]
    pub issue: Option<String>,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let mut orgs: Vec<Candidate> = Vec::new();
    for q in &args.orgs {
        let c = resolve(&Orgs(store), q)?;
        if orgs.iter().any(|o| o.id == c.id) {
            return Err(Error::input(format!(
                "'{q}' is {} again: compare different organisations",
                c.id
            )));
        }
        orgs.push(c);
    }
    let issues = match &args.issue {
        Some(i) => vec![resolve(&Issues(store), i)?.id],
        None => analysis::issue_ids(store)?,
    };
    let src = analysis::positions(store)?;
    let mut columns: Vec<String> = vec!["issue".into()];
    for o in &orgs {
        for f in ["value", "as_of", "evidence", "quote", "source"] {
            columns.push(format!("{} {f}", o.id));
        }
    }
    columns.push("agree".into());
    let mut table = Rows {
        name: "comparison".into(),
        columns,
        rows: Vec::new(),
    };
    // Each organisation's positions in one query; then positions[issue][org].
    let by_org = orgs
        .iter()
        .map(|o| analysis::positions_of(store, src, &o.id))
        .collect::<Result<Vec<_>>>()?;
    let mut positions: Vec<Vec<Option<Position>>> = Vec::new();
    for issue in &issues {
        let ps: Vec<Option<Position>> = by_org.iter().map(|m| m.get(issue).cloned()).collect();
        if ps.iter().all(Option::is_none) {
            continue;
        }
        let mut row = vec![Cell::from(issue.as_str())];
        for p in &ps {
            match p {
                Some(p) => {
                    let source = match &p.document_date {
                        Some(d) => format!("{} ({d})", p.document),
                        None => p.document.clone(),
                    };
                    let evidence = if p.basis == "signature" {
                        "own (signature)".to_string()
                    } else {
                        p.evidence.clone()
                    };
                    row.extend([
                        Cell::from(p.value.as_str()),
                        Cell::from(p.as_of.as_str()),
                        Cell::from(evidence),
                        Cell::from(p.quote.clone()),
                        Cell::from(source),
                    ]);
                }
                None => row.extend([
                    Cell::from("no stance"),
                    Cell::Null,
                    Cell::Null,
                    Cell::Null,
                    Cell::Null,
                ]),
            }
        }
        let have: Vec<&Position> = ps.iter().flatten().collect();
        let agree = if have.len() < 2 {
            "n/a (fewer than two have a stance)".to_string()
        } else if have.iter().all(|p| p.value == have[0].value) {
            if have.len() == ps.len() {
                "yes".into()
            } else {
                "yes, among those with a stance".into()
            }
        } else {
            "no".into()
        };
        row.push(Cell::from(agree));
        table.push(row);
        positions.push(ps);
    }
    if table.is_empty() {
        out.notice("none of these organisations has a stance on record");
    }
    let mut agreement = Rows::new(
        "agreement",
        &[
            "org_a",
            "org_b",
            "issues_both",
            "same",
            "different",
            "agreement",
            "issues_one_side_only",
        ],
    );
    for a in 0..orgs.len() {
        for b in a + 1..orgs.len() {
            let (mut both, mut same, mut one) = (0i64, 0i64, 0i64);
            for ps in &positions {
                match (&ps[a], &ps[b]) {
                    (Some(x), Some(y)) => {
                        both += 1;
                        if x.value == y.value {
                            same += 1;
                        }
                    }
                    (None, None) => {}
                    _ => one += 1,
                }
            }
            let ratio = if both > 0 {
                Some(same as f64 / both as f64)
            } else {
                None
            };
            agreement.push(vec![
                Cell::from(orgs[a].id.as_str()),
                Cell::from(orgs[b].id.as_str()),
                Cell::from(both),
                Cell::from(same),
                Cell::from(both - same),
                Cell::from(ratio),
                Cell::from(one),
            ]);
        }
    }
    out.sections(&[table, agreement])
}
