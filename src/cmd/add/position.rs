//! `add position`: the side a statement takes on an issue, with the words of the statement
//! that take it (proven against its stored text); every signatory is then on that side, so
//! `camps`, `matrix` and `stance` count them at once.
use super::doc_id;
use crate::error::Result;
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::edits::Record;
use crate::store::stances::Issues;
use crate::vocab::PositionValue;

/// Add the side a statement takes on an issue; its signatories take that side by signing.
///
/// Example: stancedb add position solidnet-2022-01-18-kazakhstan csto-kazakhstan-2022 --value oppose --quote "The unacceptable Russian military intervention"
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The statement
    statement: String,
    /// The issue
    issue: String,
    /// The statement's answer to the issue's question
    #[arg(long)]
    value: PositionValue,
    /// The statement's words that take the side (proven against its stored text)
    #[arg(long)]
    quote: String,
    /// A note
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    pub(super) force: super::Force,
    #[command(flatten)]
    pub(super) unverified: super::Unverified,
}

/// The statement_positions row.
pub(super) fn records(a: Args, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let rec = Record::new("statement_positions")
        .field("document_id", "", Some(doc_id(store, &a.statement)?))
        .field("issue_id", "", Some(resolve(&Issues(store), &a.issue)?.id))
        .field("value", "value", a.value.into())
        .field("quote", "quote", Some(a.quote))
        .field("note", "note", a.note);
    Ok(("add position", vec![rec]))
}
