//! `add issue`: a question organisations take sides on, so stances and positions can name it.
use super::{doc_id, id_or_slug, opt};
use crate::error::Result;
use crate::store::Store;
use crate::store::edits::Record;

/// Add an issue: a question that stances answer yes (support) or no (oppose).
///
/// Example: stancedb add issue --title "Russian invasion of Ukraine" --question "Was the Russian invasion of Ukraine justified?" --start 2022-02-24
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Short title
    #[arg(long)]
    title: String,
    /// The yes/no question a stance answers ('support' = yes, 'oppose' = no)
    #[arg(long)]
    question: String,
    /// Id (lowercase letters, digits, hyphens) [default: made from the title]
    #[arg(long)]
    id: Option<String>,
    /// When the issue arose
    #[arg(long)]
    start: Option<String>,
    /// When it ended
    #[arg(long)]
    end: Option<String>,
    /// The document that dates or defines it
    #[arg(long, value_name = "DOC")]
    source: Option<String>,
    /// A note
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    pub(super) force: super::Force,
}

/// The issues row.
pub(super) fn records(a: Args, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let rec = Record::new("issues")
        .field("id", "id", Some(id_or_slug(a.id, &a.title, "issue")?))
        .field("title", "title", Some(a.title))
        .field("question", "question", Some(a.question))
        .field("start", "start", a.start)
        .field("end", "end", a.end)
        .field("source_id", "source", opt(a.source, |s| doc_id(store, s))?)
        .field("note", "note", a.note);
    Ok(("add issue", vec![rec]))
}
