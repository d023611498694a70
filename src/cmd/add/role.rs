//! `add role`: a person's role for an organisation, as the source prints it; it makes the
//! person one of the organisation's people (their words are then its own words).
use super::{doc_id, org_id};
use crate::error::Result;
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::edits::Record;
use crate::store::people::People;
use crate::vocab::RoleKind;

/// Add a person's role for an organisation, exactly as the source prints it.
///
/// Example: stancedb add role zyuganov kprf "Chairman of the CPRF Central Committee" --kind office --source cprf-2022-01-kazakhstan
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The person
    person: String,
    /// The organisation
    org: String,
    /// The role exactly as printed
    role: String,
    /// The document that prints it
    #[arg(long, value_name = "DOC")]
    source: String,
    /// What the role is: an office in the organisation, a seat won for it, an office of state
    #[arg(long)]
    kind: Option<RoleKind>,
    /// A note
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    pub(super) force: super::Force,
    #[command(flatten)]
    pub(super) unverified: super::Unverified,
}

/// The roles row.
pub(super) fn records(a: Args, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let rec = Record::new("roles")
        .field(
            "person_id",
            "",
            Some(resolve(&People(store), &a.person)?.id),
        )
        .field("org_id", "", Some(org_id(store, &a.org)?))
        .field("role", "role", Some(a.role))
        .field("source_id", "source", Some(doc_id(store, &a.source)?))
        .field("note", "note", a.note)
        .field("kind", "kind", a.kind.and_then(Into::into));
    Ok(("add role", vec![rec]))
}
