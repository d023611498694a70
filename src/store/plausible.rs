//! Records that are valid one field at a time but implausible together, checked before a
//! command-line record is stored: a date in the future, a signature dated before its
//! statement, a stance dated after the document that shows it, and a new name form that folds
//! to another organisation's name (it would make that name ambiguous). Each is refused unless
//! the user insists with `--force` and says why with `--note`.
use rusqlite::{OptionalExtension, Transaction};

use super::edits::Record;
use crate::error::{Error, Result, clip};
use crate::fold::fold;
use crate::values::{self, PartialDate};

const DOCUMENT_DATE: &str = "SELECT date FROM documents WHERE id = ?1";
const NAME_ELSEWHERE: &str = "SELECT n.org_id, o.name FROM names n JOIN organisations o ON o.id = n.org_id \
     WHERE n.search_key = ?1 AND n.org_id <> ?2 ORDER BY n.org_id LIMIT 1";
const ORG_NAME: &str = "SELECT name FROM organisations WHERE id = ?1";

/// Whether the user insisted: `--force`, with the note that says why.
#[derive(Clone, Copy, Debug, Default)]
pub struct Insist {
    pub force: bool,
}

/// Refuse `rec` when it is implausible and the user did not insist (with a note).
pub fn check(tx: &Transaction, what: &str, rec: &Record, insist: Insist) -> Result<()> {
    let Some(doubt) = doubt(tx, rec)? else {
        return Ok(());
    };
    let note = rec.value("note").is_some_and(|n| !n.trim().is_empty());
    match (insist.force, note) {
        (true, true) => Ok(()),
        (true, false) => Err(Error::input(format!(
            "{what}: {doubt}; --force needs a --note saying why"
        ))),
        (false, _) => Err(Error::input(format!(
            "{what}: {doubt}; if the source really says so, pass --force with a --note saying why"
        ))),
    }
}

/// What is implausible about `rec`, if anything.
fn doubt(tx: &Transaction, rec: &Record) -> Result<Option<String>> {
    let today = values::today();
    for f in &rec.fields {
        let (Some(v), true) = (&f.value, values::DATE_COLUMNS.contains(&f.column)) else {
            continue;
        };
        if let Ok(d) = PartialDate::parse(v.trim())
            && d.earliest() > today
        {
            return Ok(Some(format!(
                "{} '{v}' is in the future",
                flag(f.flag, f.column)
            )));
        }
    }
    let date_of = |id: &str| -> Result<Option<PartialDate>> {
        let date: Option<Option<String>> =
            tx.query_row(DOCUMENT_DATE, [id], |r| r.get(0)).optional()?;
        Ok(date.flatten().and_then(|d| PartialDate::parse(&d).ok()))
    };
    match rec.table {
        "signatures" => {
            let (Some(on), Some(doc)) = (rec.value("signed_on"), rec.value("document_id")) else {
                return Ok(None);
            };
            if let (Ok(on), Some(stated)) = (PartialDate::parse(on), date_of(doc)?)
                && on.latest() < stated.earliest()
            {
                return Ok(Some(format!(
                    "--date '{on}' is before the statement's own date ({stated})"
                )));
            }
        }
        "stances" => {
            let (Some(as_of), Some(doc)) = (rec.value("as_of"), rec.value("document_id")) else {
                return Ok(None);
            };
            if let (Ok(as_of), Some(shown)) = (PartialDate::parse(as_of), date_of(doc)?)
                && as_of.earliest() > shown.latest()
            {
                return Ok(Some(format!(
                    "--as-of '{as_of}' is after the date of its source document ({shown}), \
                     which cannot show a later stance"
                )));
            }
        }
        "names" => return name_elsewhere(tx, rec),
        _ => {}
    }
    Ok(None)
}

/// A new name form that folds to a name of another organisation.
fn name_elsewhere(tx: &Transaction, rec: &Record) -> Result<Option<String>> {
    let (Some(org), Some(name)) = (rec.value("org_id"), rec.value("name")) else {
        return Ok(None);
    };
    let other: Option<(String, String)> = tx
        .query_row(NAME_ELSEWHERE, [fold(name).as_str(), org], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let Some((other_id, other_name)) = other else {
        return Ok(None);
    };
    let own: Option<String> = tx.query_row(ORG_NAME, [org], |r| r.get(0)).optional()?;
    Ok(Some(format!(
        "the name '{}' is already a name of {other_id} ({}); adding it to {org} ({}) would \
         make it ambiguous",
        clip(name),
        clip(&other_name),
        clip(own.as_deref().unwrap_or(org))
    )))
}

fn flag(flag: &str, column: &str) -> String {
    if flag.is_empty() {
        column.to_string()
    } else {
        format!("--{flag}")
    }
}
