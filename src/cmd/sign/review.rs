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
use crate::matching::{Index, Status};
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
        // An emptied org_id leaves an exact row out; --accept still takes the others.
        let choice = if org.is_empty() {
            match proposal.status {
                Status::Exact => Choice::Leave,
                _ => plan::default_choice(&proposal, accept),
            }
        } else if org.eq_ignore_ascii_case("new") {
            Choice::New
        } else if index.org(org).is_some() {
            Choice::Org(org.to_string())
        } else {
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
        let kind = match cols.kind.map(cell).filter(|k| !k.is_empty()) {
            Some(k) if OrgKind::from_str(k, false).is_ok() => Some(k.to_string()),
            Some(k) => {
                let words: Vec<&str> = OrgKind::ALL.iter().map(|v| v.as_str()).collect();
                let c = cols.kind.unwrap_or_default();
                return Err(fail(
                    c,
                    format!("kind: '{k}' is not one of: {}", words.join(", ")),
                ));
            }
            None => None,
        };
        let country = match cols.country.map(cell).filter(|k| !k.is_empty()) {
            Some(c) if c.len() == 2 && c.chars().all(|x| x.is_ascii_alphabetic()) => {
                Some(c.to_ascii_uppercase())
            }
            Some(c) => match countries::code(c) {
                Some(code) => Some(code.to_string()),
                None => {
                    let col = cols.country.unwrap_or_default();
                    return Err(fail(
                        col,
                        format!("country: '{c}' is not a two-letter code or a country name"),
                    ));
                }
            },
            None => None,
        };
        rows.push(plan::row(entry.clone(), proposal, choice, kind, country));
    }
    Ok(rows)
}
