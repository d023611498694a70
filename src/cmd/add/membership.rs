//! `add membership`: an organisation's membership in an alliance, network or bloc, with the
//! document that says so.
use super::{doc_id, org_id};
use crate::error::Result;
use crate::store::Store;
use crate::store::edits::Record;
use crate::vocab::Role;

/// Add a membership of an organisation in an alliance, network or bloc.
///
/// Example: stancedb add membership cp-greece solidnet --role member --source solidnet-2022-01-18-kazakhstan
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The member
    org: String,
    /// The alliance, network or bloc
    alliance: String,
    /// Its place in the alliance
    #[arg(long, value_enum, default_value_t = Role::Member)]
    role: Role,
    /// The document that says so
    #[arg(long, value_name = "DOC")]
    source: String,
    /// Since when
    #[arg(long)]
    start: Option<String>,
    /// Until when
    #[arg(long)]
    end: Option<String>,
    /// The words of the source that say so
    #[arg(long)]
    quote: Option<String>,
    /// A note
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    pub(super) force: super::Force,
    #[command(flatten)]
    pub(super) unverified: super::Unverified,
}

/// The memberships row.
pub(super) fn records(a: Args, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let rec = Record::new("memberships")
        .field("org_id", "", Some(org_id(store, &a.org)?))
        .field("alliance_id", "", Some(org_id(store, &a.alliance)?))
        .field("role", "role", a.role.into())
        .field("start", "start", a.start)
        .field("end", "end", a.end)
        .field("source_id", "source", Some(doc_id(store, &a.source)?))
        .field("quote", "quote", a.quote)
        .field("note", "note", a.note);
    Ok(("add membership", vec![rec]))
}
