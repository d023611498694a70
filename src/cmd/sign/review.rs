//! The review file of `sign --from-text --review FILE`: the dry run's CSV with org_id (and,
//! for new rows, kind and country) edited. Each row is checked against the text before
//! anything is written: a row whose line no longer holds its name, an unknown org_id, a bad
//! kind or country, and a duplicate are refused as FILE:LINE:COLUMN.
use std::collections::HashMap;
use std::path::Path;

use clap::ValueEnum;

use super::plan::{self, Accept, Choice, Row};
use crate::error::{Error, Result};
use crate::fold::fold;
use crate::lists::{Entry, countries};
use crate::matching::{Index, Proposal, Status};
use crate::vocab::OrgKind;

/// The columns a review file is read by.
struct Columns {
    line: usize,
    name: usize,
    org: usize,
    kind: Option<usize>,
    country: Option<usize>,
}

fn columns(label: &str, headers: &csv::StringRecord) -> Result<Columns> {
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}') == name)
    };
    match (col("line"), col("name_as_printed"), col("org_id")) {
        (Some(line), Some(name), Some(org)) => Ok(Columns {
            line,
            name,
            org,
            kind: col("kind"),
            country: col("country"),
        }),
        _ => Err(Error::input(format!(
            "{label}:1:1: a review file needs the columns line, name_as_printed and org_id (write it with `stancedb -f csv sign --from-text DOC`)"
        ))),
    }
}

/// The choice an org_id cell makes (None: no such organisation). An emptied org_id leaves
/// an exact row out; --accept still takes the others.
fn choice(org: &str, proposal: &Proposal, index: &Index, accept: &[Accept]) -> Option<Choice> {
    Some(if org.is_empty() {
        match proposal.status {
            Status::Exact => Choice::Leave,
            _ => plan::default_choice(proposal, accept),
        }
    } else if org.eq_ignore_ascii_case("new") {
        Choice::New
    } else {
        Choice::Org(index.org(org)?.id.clone())
    })
}

/// A check of one optional cell: its value, or the problem.
type Check = fn(&str) -> std::result::Result<Option<String>, String>;

/// A kind typed in the file: one of the vocabulary's words.
fn kind_of(k: &str) -> std::result::Result<Option<String>, String> {
    if k.is_empty() {
        return Ok(None);
    }
    if OrgKind::from_str(k, false).is_ok() {
        return Ok(Some(k.to_string()));
    }
    let words: Vec<&str> = OrgKind::ALL.iter().map(|v| v.as_str()).collect();
    Err(format!("kind: '{k}' is not one of: {}", words.join(", ")))
}

/// A country typed in the file: a two-letter code, or a country's name.
fn country_of(c: &str) -> std::result::Result<Option<String>, String> {
    if c.is_empty() {
        return Ok(None);
    }
    if c.len() == 2 && c.chars().all(|x| x.is_ascii_alphabetic()) {
        return Ok(Some(c.to_ascii_uppercase()));
    }
    countries::code(c)
        .map(|code| Some(code.to_string()))
        .ok_or_else(|| format!("country: '{c}' is not a two-letter code or a country name"))
}

/// The rows of the review file at `path`, checked against the `entries` read from the text.
pub fn read(
    path: &Path,
    doc: &str,
    entries: &[Entry],
    index: &Index,
    accept: &[Accept],
) -> Result<Vec<Row>> {
    let label = path.display().to_string();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map_err(|e| Error::input(format!("{label}: {e}")))?;
    let cols = columns(&label, &reader.headers()?.clone())?;
    let mut rows = Vec::new();
    let mut seen_rows: HashMap<(usize, String), u64> = HashMap::new();
    let mut seen_orgs: HashMap<String, u64> = HashMap::new();
    for rec in reader.records() {
        let rec = rec?;
        let at = rec.position().map_or(0, csv::Position::line);
        let cell = |c: usize| rec.get(c).unwrap_or("").trim();
        let fail = |c: usize, msg: String| Error::input(format!("{label}:{at}:{}: {msg}", c + 1));
        let line: usize = cell(cols.line).parse().map_err(|_| {
            fail(
                cols.line,
                format!("line: '{}' is not a line number", cell(cols.line)),
            )
        })?;
        let name = cell(cols.name);
        let Some(entry) = entries.iter().find(|e| e.line == line && e.name == name) else {
            return Err(fail(
                cols.name,
                format!(
                    "stale row: line {line} of the text of '{doc}' does not hold “{name}”; write the review file again with the dry run"
                ),
            ));
        };
        if let Some(prev) = seen_rows.insert((line, name.to_string()), at) {
            return Err(fail(
                cols.line,
                format!(
                    "duplicate row: line {line} “{name}” is on line {prev} of the file already"
                ),
            ));
        }
        let proposal = plan::propose(entry, index);
        let org = cell(cols.org);
        let Some(choice) = choice(org, &proposal, index, accept) else {
            return Err(fail(
                cols.org,
                format!("unknown org_id '{org}': give an organisation's id, or new"),
            ));
        };
        let key = match &choice {
            Choice::Org(id) => Some(id.clone()),
            Choice::New => Some(format!("new {}", fold(name))),
            Choice::Leave => None,
        };
        if let Some(k) = key
            && let Some(prev) = seen_orgs.insert(k, at)
        {
            return Err(fail(
                cols.org,
                format!(
                    "duplicate: org_id '{org}' for “{name}” is on line {prev} of the file already"
                ),
            ));
        }
        let field = |col: Option<usize>, check: Check| match col {
            None => Ok(None),
            Some(c) => check(cell(c)).map_err(|m| fail(c, m)),
        };
        let kind = field(cols.kind, kind_of)?;
        let country = field(cols.country, country_of)?;
        rows.push(plan::row(entry.clone(), proposal, choice, kind, country));
    }
    Ok(rows)
}
