//! `compare`: two or more organisations side by side, issue by issue, with their quotes.
use crate::error::{Error, Result};
use crate::output::{Cell, Output, Rows, SectionArg};
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
/// In a terminal each issue is a record (label, value; quotes wrapped, never cut).
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
    /// Only this section: comparison or agreement
    #[command(flatten)]
    pub section: SectionArg,
}

/// What each organisation says, field by field (`ORG value`, `ORG basis`, …).
const FIELDS: [&str; 6] = ["value", "as_of", "evidence", "basis", "quote", "source"];

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let orgs = resolve_orgs(store, &args.orgs)?;
    let issues = match &args.issue {
        Some(i) => vec![resolve(&Issues(store), i)?.id],
        None => analysis::issue_ids(store)?,
    };
    let ids: Vec<&str> = orgs.iter().map(|o| o.id.as_str()).collect();
    let mut table = Rows {
        name: "comparison".into(),
        columns: columns(&ids),
        rows: Vec::new(),
    };
    // Each organisation's positions in one query; then positions[issue][org], for the
    // issues where anyone has a stance.
    let by_org = ids
        .iter()
        .map(|o| analysis::positions_of(store, o))
        .collect::<Result<Vec<_>>>()?;
    let mut positions: Vec<Vec<Option<Position>>> = Vec::new();
    for issue in &issues {
        let ps: Vec<Option<Position>> = by_org.iter().map(|m| m.get(issue).cloned()).collect();
        if ps.iter().all(Option::is_none) {
            continue;
        }
        table.push(row(issue, &ps));
        positions.push(ps);
    }
    if table.is_empty() {
        out.notice("none of these organisations has a stance on record");
    }
    // Each issue is read across every organisation's quote: records, never cut.
    out.record_sections(&[table, agreement(&ids, &positions)], &args.section)
}

/// Each name resolved, refusing the same organisation twice.
fn resolve_orgs(store: &Store, names: &[String]) -> Result<Vec<Candidate>> {
    let mut orgs: Vec<Candidate> = Vec::new();
    for q in names {
        let c = resolve(&Orgs(store), q)?;
        if orgs.iter().any(|o| o.id == c.id) {
            return Err(Error::input(format!(
                "'{q}' is {} again: compare different organisations",
                c.id
            )));
        }
        orgs.push(c);
    }
    Ok(orgs)
}

/// The comparison's columns: the issue, each organisation's fields, the agreement word.
fn columns(ids: &[&str]) -> Vec<String> {
    let mut columns: Vec<String> = vec!["issue".into()];
    for o in ids {
        columns.extend(FIELDS.iter().map(|f| format!("{o} {f}")));
    }
    columns.push("agree".into());
    columns
}

/// One issue's row: each organisation's stance (or "no stance"), then whether they agree.
fn row(issue: &str, ps: &[Option<Position>]) -> Vec<Cell> {
    let mut row = vec![Cell::from(issue)];
    for p in ps {
        match p {
            Some(p) => row.extend([
                Cell::from(p.value.as_str()),
                Cell::from(p.as_of.as_str()),
                Cell::from(p.evidence.as_str()),
                Cell::from(p.basis.as_str()),
                Cell::from(p.quote.clone()),
                Cell::from(source(p)),
            ]),
            None => {
                row.push(Cell::from("no stance"));
                row.extend(std::iter::repeat_n(Cell::Null, FIELDS.len() - 1));
            }
        }
    }
    row.push(Cell::from(agree(ps)));
    row
}

/// The source document, with its date when known.
fn source(p: &Position) -> String {
    match &p.document_date {
        Some(d) => format!("{} ({d})", p.document),
        None => p.document.clone(),
    }
}

/// Whether the organisations with a stance on an issue hold the same value.
fn agree(ps: &[Option<Position>]) -> &'static str {
    let have: Vec<&Position> = ps.iter().flatten().collect();
    if have.len() < 2 {
        "n/a (fewer than two have a stance)"
    } else if have.iter().any(|p| p.value != have[0].value) {
        "no"
    } else if have.len() == ps.len() {
        "yes"
    } else {
        "yes, among those with a stance"
    }
}

/// Issues both hold a stance on, how many of those agree, and issues only one side has.
fn pair_counts(positions: &[Vec<Option<Position>>], a: usize, b: usize) -> (i64, i64, i64) {
    let (mut both, mut same, mut one) = (0, 0, 0);
    for ps in positions {
        match (&ps[a], &ps[b]) {
            (Some(x), Some(y)) => {
                both += 1;
                same += i64::from(x.value == y.value);
            }
            (None, None) => {}
            _ => one += 1,
        }
    }
    (both, same, one)
}

/// The agreement figure of every pair.
fn agreement(ids: &[&str], positions: &[Vec<Option<Position>>]) -> Rows {
    let mut rows = Rows::new(
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
    for a in 0..ids.len() {
        for b in a + 1..ids.len() {
            let (both, same, one) = pair_counts(positions, a, b);
            let ratio = (both > 0).then(|| same as f64 / both as f64);
            rows.push(vec![
                Cell::from(ids[a]),
                Cell::from(ids[b]),
                Cell::from(both),
                Cell::from(same),
                Cell::from(both - same),
                Cell::from(ratio),
                Cell::from(one),
            ]);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(value: &str) -> Option<Position> {
        Some(Position {
            value: value.into(),
            as_of: "2022-01-10".into(),
            evidence: "own".into(),
            basis: "signature".into(),
            quote: None,
            document: "d".into(),
            document_date: Some("2022-01-10".into()),
        })
    }

    #[test]
    fn agreement_ignores_missing_stances() {
        assert_eq!(agree(&[at("support"), at("support")]), "yes");
        assert_eq!(
            agree(&[at("support"), None, at("support")]),
            "yes, among those with a stance"
        );
        assert_eq!(agree(&[at("support"), at("oppose")]), "no");
        assert_eq!(
            agree(&[at("support"), None]),
            "n/a (fewer than two have a stance)"
        );
        let positions = vec![
            vec![at("support"), at("support")],
            vec![at("support"), at("oppose")],
            vec![at("oppose"), None],
            vec![None, None],
        ];
        assert_eq!(pair_counts(&positions, 0, 1), (2, 1, 1));
    }

    #[test]
    fn evidence_and_basis_are_separate_cells() {
        let r = row("i", &[at("oppose"), None]);
        assert_eq!(r.len(), columns(&["a", "b"]).len());
        assert_eq!(r[3], Cell::from("own"));
        assert_eq!(r[4], Cell::from("signature"));
        assert_eq!(r[6], Cell::from("d (2022-01-10)"));
        assert_eq!(r[7], Cell::from("no stance"));
        assert_eq!(r[13], Cell::from("n/a (fewer than two have a stance)"));
    }
}
