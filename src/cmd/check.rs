//! `check`: a consistency report a researcher can act on.
use crate::error::{Error, Result};
use crate::output::{Cell, Output, Rows};
use crate::store::analysis::Findings;
use crate::store::{Store, analysis, interpretations, texts};

/// Consistency report: organisations whose current stance differs from that of an alliance
/// they belong to; organisations whose stance changed over time; changes whose order cannot
/// be known (overlapping dates, no narrative order); quotes checked only at second hand and
/// documents whose date is not printed (unverified); organisations whose own
/// words contradict a statement they signed; facts without a source (or without any text of
/// their source on record); organisations of a national kind without a country;
/// organisations without a name form.
/// Every check prints either its findings or a line saying why there are none.
/// Exit 0 with the report; with --strict, exit 1 when anything is found.
///
/// Example: stancedb check --strict
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Exit 1 when the report finds anything
    #[arg(long)]
    pub strict: bool,
    /// Instead of the report: every row that rests on an interpretation, with the id of its
    /// decision (seed/DECISIONS.md), what the row records and the alternative reading
    #[arg(long, conflicts_with = "strict")]
    pub interpretations: bool,
}

fn row(check: &str, status: &str, subject: &str, detail: String) -> Vec<Cell> {
    vec![
        Cell::from(check),
        Cell::from(status),
        Cell::from(subject),
        Cell::from(detail),
    ]
}

/// One finding: the check's label (some checks refine it per finding), its subject, the detail.
type Finding = (String, String, String);

/// What one check reports: its findings, or the line saying why there are none.
struct Outcome {
    check: &'static str,
    findings: Vec<Finding>,
    none: String,
}

impl Outcome {
    /// An outcome whose findings all carry the check's own label.
    fn labelled(
        check: &'static str,
        found: impl Iterator<Item = (String, String)>,
        none: String,
    ) -> Self {
        let findings = found.map(|(s, d)| (check.to_string(), s, d)).collect();
        Outcome {
            check,
            findings,
            none,
        }
    }
}

fn dissent(f: &Findings) -> Outcome {
    Outcome::labelled(
        "dissent from alliance",
        f.dissent.iter().map(|[org, alliance, issue, v, at, av, aat, role]| {
            (
                org.clone(),
                format!("{role} of {alliance}: on {issue} {org} is '{v}' ({at}) but {alliance} is '{av}' ({aat})"),
            )
        }),
        format!(
            "no member differs from its alliance; {} membership(s) have stances on a common issue to compare",
            f.member_pairs_compared
        ),
    )
}

fn changes(f: &Findings) -> Outcome {
    Outcome::labelled(
        "stance changed over time",
        f.changes
            .iter()
            .map(|[org, issue, seq]| (org.clone(), format!("{issue}: {seq}"))),
        "no organisation holds different values on one issue".into(),
    )
}

fn order_unknown(f: &Findings) -> Outcome {
    Outcome::labelled(
        "order unknown",
        f.order_unknown.iter().map(|[org, issue, v1, at1, d1, v2, at2, d2]| {
            (
                org.clone(),
                format!("{issue}: '{v1}' ({at1}, {d1}) and '{v2}' ({at2}, {d2}) may have come in either order"),
            )
        }),
        "every change of stance has a known order (dates, or the source's narrative order)".into(),
    )
}

fn unverified(f: &Findings) -> Outcome {
    let findings = f
        .unverified
        .iter()
        .map(|[what, subject, detail]| {
            (
                format!("unverified: {what}"),
                subject.clone(),
                detail.clone(),
            )
        })
        .collect();
    Outcome {
        check: "unverified",
        findings,
        none: "every quote is checked against its own document and every date is printed".into(),
    }
}

fn contradictions(f: &Findings) -> Outcome {
    Outcome::labelled(
        "contradicts a signed statement",
        f.contradictions.iter().map(|[org, stmt, issue, v, at, sv, ev]| {
            (
                org.clone(),
                format!(
                    "signed {stmt}, which is '{sv}' on {issue}, but its {ev} stance of {at} is '{v}'"
                ),
            )
        }),
        format!(
            "no signatory's own or attributed words contradict a statement it signed; {} signator(y/ies) have words on record on a signed statement's issue",
            f.signers_with_own_words
        ),
    )
}

fn unsourced(f: &Findings) -> Outcome {
    Outcome::labelled(
        "fact without a source",
        f.unsourced
            .iter()
            .map(|(table, id, what)| (what.clone(), format!("{table} row {id}"))),
        "every stance, name and position has a source document with its text on record".into(),
    )
}

fn no_country(f: &Findings) -> Outcome {
    Outcome::labelled(
        "no country",
        f.no_country.iter().map(|[id, name, kind, note]| {
            let mut detail = format!(
                "{} ({}) has no country",
                name.clone().unwrap_or_default(),
                kind.clone().unwrap_or_default()
            );
            if let Some(n) = note {
                detail.push_str(&format!(" — note: {n}"));
            }
            (id.clone().unwrap_or_default(), detail)
        }),
        "every national organisation has a country".into(),
    )
}

/// Quotes and printed names entered `--unverified` and not yet proven against a stored text.
fn unverified_quotes(store: &Store) -> Result<Outcome> {
    let found = texts::unverified(store)?;
    Ok(Outcome::labelled(
        "unverified quote",
        found.into_iter().map(|(table, id, what)| {
            let detail = format!(
                "{table} row {id}: entered --unverified, not yet proven against a stored text"
            );
            (what, detail)
        }),
        "no quote or printed name was entered --unverified without being proven since".into(),
    ))
}

/// Stances recorded as the organisation's own words from a document it did not write, with
/// no speaker of it named: perhaps another's description taken for its words.
fn own_words_unfounded(store: &Store) -> Result<Outcome> {
    let found = crate::store::stances::own_words_unfounded(store)?;
    Ok(Outcome::labelled(
        "own words not its own",
        found.into_iter().map(|(id, [org, issue, doc, author, speaker])| {
            let author = if author.is_empty() { "no author recorded".to_string() } else { format!("written by {author}") };
            let speaker = if speaker.is_empty() { "no speaker".to_string() } else { format!("speaker {speaker} holds no role in {org}") };
            let detail = format!(
                "stances row {id} on {issue}: evidence 'own' from {doc} ({author}; {speaker}); words a source says about {org} are evidence 'attributed'"
            );
            (org, detail)
        }),
        "every own-words stance is from a document of the organisation or spoken by one of its people".into(),
    ))
}

/// Organisations without any name form (e.g. imported before `import organisations` wrote
/// one): no list or lookup meets them by a recorded form.
fn no_name_form(store: &Store) -> Result<Outcome> {
    let found = crate::store::grow::without_name_form(store)?;
    Ok(Outcome::labelled(
        "no name form",
        found.into_iter().map(|(id, name)| {
            let detail = format!("{name}: no name form on record; add one with `stancedb add name {id} NAME --kind official --source DOC`");
            (id, detail)
        }),
        "every organisation has a name form".into(),
    ))
}

/// Appends one check's findings (or its "none" line) to the report; returns how many it found.
fn push_outcome(rows: &mut Rows, o: Outcome) -> usize {
    if o.findings.is_empty() {
        rows.push(row(o.check, "none", "", o.none));
        return 0;
    }
    let n = o.findings.len();
    for (check, subject, detail) in o.findings {
        rows.push(row(&check, "finding", &subject, detail));
    }
    n
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    if args.interpretations {
        let rows = interpretations::all(store)?;
        return out.rows(&rows, "no row rests on an interpretation");
    }
    let f = analysis::findings(store)?;
    let mut rows = Rows::new("check", &["check", "status", "subject", "detail"]);
    let checks = [
        dissent,
        changes,
        order_unknown,
        unverified,
        contradictions,
        unsourced,
        no_country,
    ];
    let mut found: usize = checks.iter().map(|c| push_outcome(&mut rows, c(&f))).sum();
    found += push_outcome(&mut rows, unverified_quotes(store)?);
    found += push_outcome(&mut rows, own_words_unfounded(store)?);
    found += push_outcome(&mut rows, no_name_form(store)?);
    out.rows(&rows, "")?;
    out.notice(&format!("check: {found} finding(s)"));
    if args.strict && found > 0 {
        return Err(Error::Findings(format!(
            "check --strict: {found} finding(s)"
        )));
    }
    Ok(())
}
