//! `signed`: the statements an organisation signed.
use crate::error::Result;
use crate::output::Output;
use crate::resolve::resolve;
use crate::store::orgs::Orgs;
use crate::store::{Store, documents};

/// The statements an organisation signed, with the name it signed under and its place in the list.
///
/// Example: stancedb signed "Communist Party of Greece"
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The organisation: id or any name form, in any script
    pub org: String,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let org = resolve(&Orgs(store), &args.org)?;
    let rows = documents::signed_by(store, &org.id)?;
    out.rows(
        &rows,
        &format!("{} ({}) signed no statement on record", org.label, org.id),
    )
}
