//! `show`: everything about one organisation.
use crate::error::Result;
use crate::output::{Output, SectionArg};
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::orgs::{self, Orgs};
use crate::store::{documents, lineage, stances};

/// Everything about one organisation: details, every name form, memberships, lineage (renamed,
/// split from / had split off, merged into / absorbed, succeeded by / succeeded), people,
/// documents it wrote, statements it signed, and every dated stance with its quote and source.
///
/// Example: stancedb show КПРФ
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The organisation: id or any name form, in any script
    pub org: String,
    #[command(flatten)]
    pub section: SectionArg,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let org = resolve(&Orgs(store), &args.org)?;
    let sections = vec![
        orgs::details(store, &org.id)?,
        orgs::names(store, &org.id)?,
        orgs::memberships(store, &org.id)?,
        lineage::of_org(store, &org.id)?,
        orgs::people(store, &org.id)?,
        documents::authored_by(store, &org.id)?,
        documents::signed_by(store, &org.id)?,
        stances::of_org(store, &org.id, None, true)?,
    ];
    out.record_sections(&sections, &args.section)
}
