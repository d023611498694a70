//! `add stance`: a dated stance of an organisation on an issue, with its quote and source.
use super::{doc_id, opt, org_id};
use crate::error::Result;
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::edits::Record;
use crate::store::people::People;
use crate::store::stances::Issues;
use crate::vocab::{Evidence, StanceValue};

/// Add a dated stance of an organisation on an issue, with its quote and source.
///
/// Example: stancedb add stance kprf csto-kazakhstan-2022 --value support --as-of 2022-01-06 --quote "…" --source mk-2022-01-06-kprf --evidence attributed
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The organisation
    org: String,
    /// The issue
    issue: String,
    /// The answer to the issue's question
    #[arg(long)]
    value: StanceValue,
    /// The date the stance is known for
    #[arg(long, value_name = "DATE")]
    as_of: String,
    /// The document the stance is taken from
    #[arg(long, value_name = "DOC")]
    source: String,
    /// The verbatim words (required unless --value none_found)
    #[arg(long)]
    quote: Option<String>,
    /// The person who said it
    #[arg(long, value_name = "PERSON")]
    speaker: Option<String>,
    /// Whose words: own (its own) or attributed (words a source attributes to it)
    #[arg(long, value_enum, default_value_t = Evidence::Own)]
    evidence: Evidence,
    /// A note
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    pub(super) force: super::Force,
    #[command(flatten)]
    pub(super) unverified: super::Unverified,
}

/// The stances row.
pub(super) fn records(a: Args, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let speaker = opt(a.speaker, |p| Ok(resolve(&People(store), p)?.id))?;
    let rec = Record::new("stances")
        .field("org_id", "", Some(org_id(store, &a.org)?))
        .field("issue_id", "", Some(resolve(&Issues(store), &a.issue)?.id))
        .field("as_of", "as-of", Some(a.as_of))
        .field("value", "value", a.value.into())
        .field("quote", "quote", a.quote)
        .field("document_id", "source", Some(doc_id(store, &a.source)?))
        .field("speaker_id", "speaker", speaker)
        .field("evidence", "evidence", a.evidence.into())
        .field("note", "note", a.note);
    Ok(("add stance", vec![rec]))
}
