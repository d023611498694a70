//! `add succession`: one step of an organisation's lineage (renamed, split from, merged into,
//! succeeded by), with its date and the words of the source that print it.
use super::{doc_id, org_id};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::edits::Record;

/// What happened to the organisation.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Kind {
    /// It took a new name and keeps its id (give --before and --after, not OTHER)
    Renamed,
    /// It split off from OTHER (a new organisation with its own id)
    SplitFrom,
    /// It merged into OTHER
    MergedInto,
    /// It was succeeded by OTHER
    SucceededBy,
}

impl Kind {
    fn value(self) -> &'static str {
        match self {
            Kind::Renamed => "renamed",
            Kind::SplitFrom => "split_from",
            Kind::MergedInto => "merged_into",
            Kind::SucceededBy => "succeeded_by",
        }
    }
}

/// Add a succession: ORG renamed, or ORG split from / merged into / succeeded by OTHER.
///
/// Example: stancedb add succession new-left split-from old-party --date 2013-05 --source congress-2013 --quote "…"
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The organisation it happened to
    org: String,
    /// What happened
    #[arg(value_enum)]
    kind: Kind,
    /// The other organisation (not for `renamed`)
    other: Option<String>,
    /// When (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// The name before a rename
    #[arg(long, value_name = "NAME")]
    before: Option<String>,
    /// The name after a rename
    #[arg(long, value_name = "NAME")]
    after: Option<String>,
    /// The document that prints it
    #[arg(long, value_name = "DOC")]
    source: String,
    /// The words of the source that say so
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

/// The successions row.
pub(super) fn records(a: Args, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let other = match (a.kind, a.other) {
        (Kind::Renamed, None) => None,
        (Kind::Renamed, Some(o)) => {
            return Err(Error::input(format!(
                "add succession: a renamed organisation keeps its id; give --before and --after, not another organisation ('{o}')"
            )));
        }
        (k, None) => {
            return Err(Error::input(format!(
                "add succession: {} needs the other organisation",
                k.value().replace('_', " ")
            )));
        }
        (_, Some(o)) => Some(org_id(store, &o)?),
    };
    let rec = Record::new("successions")
        .field("org_id", "", Some(org_id(store, &a.org)?))
        .field("kind", "", Some(a.kind.value().to_string()))
        .field("other_id", "", other)
        .field("date", "date", a.date)
        .field("name_before", "before", a.before)
        .field("name_after", "after", a.after)
        .field("source_id", "source", Some(doc_id(store, &a.source)?))
        .field("quote", "quote", Some(a.quote))
        .field("note", "note", a.note);
    Ok(("add succession", vec![rec]))
}
