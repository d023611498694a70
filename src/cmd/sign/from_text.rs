//! `sign --from-text`: the signatory lists printed in a statement's stored text, each row
//! matched against the recorded name forms into a table (the review file); with --apply the
//! rows taken (exact, reviewed, accepted) are recorded in one transaction.
use super::Args;
use super::plan::{self, Apply, Row};
use super::review;
use crate::error::{Error, Result};
use crate::lists::{self, Entry};
use crate::matching::{Index, Status};
use crate::output::Output;
use crate::quotes::at_entry;
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::documents::{self, Documents};
use crate::store::grow;
use crate::store::plausible::Insist;
use crate::store::texts::{self, StoredText};

/// The stored text to read (the newest copy, or the one read from --copy) and its label.
fn stored_text(args: &Args, store: &Store, doc: &str) -> Result<(String, StoredText)> {
    let mut stored = texts::own_texts(store.conn(), doc)?;
    if let Some(c) = &args.copy {
        stored.retain(|t| t.file.as_deref() == Some(c.as_str()));
    }
    let Some(text) = stored.pop() else {
        return Err(Error::input(match &args.copy {
            Some(c) => format!("'{doc}' has no stored copy read from {c}"),
            None => {
                format!("'{doc}' has no stored text: store it with `stancedb add text {doc} FILE`")
            }
        }));
    };
    let label = text
        .file
        .clone()
        .unwrap_or_else(|| format!("text {}", text.id));
    Ok((label, text))
}

/// Every entry of the text's lists, or an error naming the forms looked for.
fn entries(doc: &str, label: &str, text: &str) -> Result<Vec<Entry>> {
    lists::read(text).map_err(|nf| {
        Error::input(format!(
            "no signatory list in the text of '{doc}' ({label}): looked for {}; {}",
            lists::FORMS_LOOKED_FOR,
            nf.describe()
        ))
    })
}

/// The language of the printed forms: the copy's, else the document's only language, else
/// undetermined ("und").
fn lang(store: &Store, doc: &str, text: &StoredText) -> Result<String> {
    if let Some(l) = &text.lang {
        return Ok(l.clone());
    }
    let langs = documents::languages(store, doc)?.unwrap_or_default();
    let mut each = langs.split_whitespace();
    Ok(match (each.next(), each.next()) {
        (Some(one), None) => one.to_string(),
        _ => "und".to_string(),
    })
}

/// "3 exact, 1 likely, …" of the rows.
fn counts(rows: &[Row]) -> String {
    [
        Status::Exact,
        Status::Likely,
        Status::Ambiguous,
        Status::New,
    ]
    .iter()
    .map(|s| {
        let n = rows.iter().filter(|r| r.proposal.status == *s).count();
        format!("{n} {}", s.as_str())
    })
    .collect::<Vec<_>>()
    .join(", ")
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let statement = args.from_text.as_deref().unwrap_or_default();
    let doc = resolve(&Documents(store), statement)?;
    let (label, text) = stored_text(&args, store, &doc.id)?;
    let entries = entries(&doc.id, &label, &text.text)?;
    let index = Index::new(grow::forms(store)?);
    let mut rows = match &args.review {
        Some(file) => review::read(file, &doc.id, &entries, &index, &args.accept)?,
        None => entries
            .into_iter()
            .map(|e| plan::proposed(e, &index, &args.accept))
            .collect(),
    };
    plan::settle(store, &doc.id, &mut rows)?;
    let a = Apply {
        doc: &doc.id,
        lang: lang(store, &doc.id, &text)?,
        date: args.date.clone(),
        note: args.note.clone(),
    };
    let growth = plan::growth(store, &index, &mut rows, &a)?;
    if args.apply {
        let insist = Insist { force: args.force };
        let written = at_entry(args.unverified, || {
            grow::apply(store, "sign --from-text", &growth, insist)
        });
        if let Err(e) = written {
            // What it would have done, then why it did not.
            out.rows(&plan::table(&rows, &index), "")?;
            return Err(e);
        }
        for r in rows.iter_mut() {
            r.recorded = r.on_record.is_none() && r.choice != plan::Choice::Leave;
        }
    } else {
        for r in rows.iter_mut() {
            r.new_id = None;
        }
    }
    out.rows(&plan::table(&rows, &index), "")?;
    out.notice(&format!(
        "{} names in the list of {} ({label}): {}; {} {}, {} new organisations, {} name forms",
        rows.len(),
        doc.id,
        counts(&rows),
        growth.signatures.len(),
        if args.apply {
            "signatures recorded"
        } else {
            "to record (dry run: --apply records them)"
        },
        growth.orgs.len(),
        growth.names.len(),
    ));
    Ok(())
}
