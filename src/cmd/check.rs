//! `check`: a consistency report a researcher can act on.
use crate::error::{Error, Result};
use crate::output::{Cell, Output, Rows};
use crate::store::{Store, analysis, texts};

/// Consistency report: organisations whose current stance differs from that of an alliance
/// they belong to; organisations whose stance changed over time; changes whose order cannot
/// be known (overlapping dates, no narrative order); quotes checked only at second hand and
/// documents whose date is not printed (unverified); organisations whose own
/// words contradict a statement they signed; facts without a source (or without any text of
/// their source on record); organisations of a national kind without a country.
/// Every check prints either its findings or a line saying why there are none.
/// Exit 0 with the report; with --strict, exit 1 when anything is found.
///
/// Example: stancedb check --strict
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Exit 1 when the report finds anything
    #[arg(long)]
    pub strict: bool,
}

fn row(check: &str, status: &str, subject: &str, detail: String) -> Vec<Cell> {
    vec![
        Cell::from(check),
        Cell::from(status),
        Cell::from(subject),
        Cell::from(detail),
    ]
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let f = analysis::findings(store, analysis::positions(store)?)?;
    let mut rows = Rows::new("check", &["check", "status", "subject", "detail"]);
    let mut found = 0usize;

    for [org, alliance, issue, v, at, av, aat, role] in &f.dissent {
        found += 1;
        rows.push(row(
            "dissent from alliance",
            "finding",
            org,
            format!("{role} of {alliance}: on {issue} {org} is '{v}' ({at}) but {alliance} is '{av}' ({aat})"),
        ));
    }
    if f.dissent.is_empty() {
        rows.push(row(
            "dissent from alliance",
            "none",
            "",
            format!(
                "no member differs from its alliance; {} membership(s) have stances on a common issue to compare",
                f.member_pairs_compared
            ),
        ));
    }
    for [org, issue, seq] in &f.changes {
        found += 1;
        rows.push(row(
            "stance changed over time",
            "finding",
            org,
            format!("{issue}: {seq}"),
        ));
    }
    if f.changes.is_empty() {
        rows.push(row(
            "stance changed over time",
            "none",
            "",
            "no organisation holds different values on one issue".into(),
        ));
    }
    for [org, issue, v1, at1, d1, v2, at2, d2] in &f.order_unknown {
        found += 1;
        rows.push(row(
            "order unknown",
            "finding",
            org,
            format!("{issue}: '{v1}' ({at1}, {d1}) and '{v2}' ({at2}, {d2}) may have come in either order"),
        ));
    }
    if f.order_unknown.is_empty() {
        rows.push(row(
            "order unknown",
            "none",
            "",
            "every change of stance has a known order (dates, or the source's narrative order)"
                .into(),
        ));
    }
    for [what, subject, detail] in &f.unverified {
        found += 1;
        rows.push(row(
            &format!("unverified: {what}"),
            "finding",
            subject,
            detail.clone(),
        ));
    }
    if f.unverified.is_empty() {
        rows.push(row(
            "unverified",
            "none",
            "",
            "every quote is checked against its own document and every date is printed".into(),
        ));
    }
    for [org, stmt, issue, v, at, sv, ev] in &f.contradictions {
        found += 1;
        rows.push(row(
            "contradicts a signed statement",
            "finding",
            org,
            format!(
                "signed {stmt}, which is '{sv}' on {issue}, but its {ev} stance of {at} is '{v}'"
            ),
        ));
    }
    if f.contradictions.is_empty() {
        rows.push(row(
            "contradicts a signed statement",
            "none",
            "",
            format!(
                "no signatory's own or attributed words contradict a statement it signed; {} signator(y/ies) have words on record on a signed statement's issue",
                f.signers_with_own_words
            ),
        ));
    }
    for (table, id, what) in &f.unsourced {
        found += 1;
        rows.push(row(
            "fact without a source",
            "finding",
            what,
            format!("{table} row {id}"),
        ));
    }
    if f.unsourced.is_empty() {
        rows.push(row(
            "fact without a source",
            "none",
            "",
            "every stance, name and position has a source document with its text on record".into(),
        ));
    }
    for [id, name, kind, note] in &f.no_country {
        found += 1;
        let id = id.clone().unwrap_or_default();
        let mut detail = format!(
            "{} ({}) has no country",
            name.clone().unwrap_or_default(),
            kind.clone().unwrap_or_default()
        );
        if let Some(n) = note {
            detail.push_str(&format!(" — note: {n}"));
        }
        rows.push(row("no country", "finding", &id, detail));
    }
    if f.no_country.is_empty() {
        rows.push(row(
            "no country",
            "none",
            "",
            "every national organisation has a country".into(),
        ));
    }
    let unverified = texts::unverified(store)?;
    for (table, id, what) in &unverified {
        found += 1;
        let detail =
            format!("{table} row {id}: entered --unverified, not yet proven against a stored text");
        rows.push(row("unverified quote", "finding", what, detail));
    }
    if unverified.is_empty() {
        let detail = "no quote or printed name was entered --unverified without being proven since";
        rows.push(row("unverified quote", "none", "", detail.into()));
    }
    out.rows(&rows, "")?;
    out.notice(&format!("check: {found} finding(s)"));
    if args.strict && found > 0 {
        return Err(Error::Findings(format!(
            "check --strict: {found} finding(s)"
        )));
    }
    Ok(())
}
