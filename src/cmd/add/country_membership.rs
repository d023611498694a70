//! `add country-membership`: a state's membership of a bloc, as a source prints it.
use super::{doc_id, org_id};
use crate::error::Result;
use crate::store::Store;
use crate::store::edits::Record;
use crate::vocab::CountryRole;

/// Add a state's membership of a bloc (a country code, not an organisation).
///
/// Example: stancedb add country-membership KZ eaeu --source theses-2022-kazakhstan --quote "Kazakhstan is part of the Russian-dominated Eurasian Economic Union"
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The state, ISO 3166-1 alpha-2 (e.g. KZ)
    country: String,
    /// The bloc
    bloc: String,
    /// Its place in the bloc
    #[arg(long, value_enum, default_value_t = CountryRole::Member)]
    role: CountryRole,
    /// The document that says so
    #[arg(long, value_name = "DOC")]
    source: String,
    /// The words of the source that say so (proven against its stored text)
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

/// The country_memberships row.
pub(super) fn records(a: Args, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let rec = Record::new("country_memberships")
        .field("country", "", Some(a.country))
        .field("bloc_id", "", Some(org_id(store, &a.bloc)?))
        .field("role", "role", a.role.into())
        .field("source_id", "source", Some(doc_id(store, &a.source)?))
        .field("quote", "quote", a.quote)
        .field("note", "note", a.note);
    Ok(("add country-membership", vec![rec]))
}
