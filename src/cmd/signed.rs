//! `signed`: the statements an organisation signed (with --with, those two signed together).
use crate::error::Result;
use crate::output::Output;
use crate::resolve::resolve;
use crate::store::orgs::Orgs;
use crate::store::{Store, cosign, documents};

/// The statements an organisation signed, with the name it signed under and its place in the
/// list. With --with ORG2: only the statements both signed, with the name each signed under.
///
/// Example: stancedb signed "Communist Party of Greece" --with "Communist Party of Turkey"
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The organisation: id or any name form, in any script
    pub org: String,
    /// Only statements this second organisation signed too
    #[arg(long, value_name = "ORG2")]
    pub with: Option<String>,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let org = resolve(&Orgs(store), &args.org)?;
    if let Some(other) = &args.with {
        let other = resolve(&Orgs(store), other)?;
        let rows = cosign::signed_together(store, &org.id, &other.id)?;
        return out.rows(
            &rows,
            &format!(
                "{} ({}) and {} ({}) signed no statement together",
                org.label, org.id, other.label, other.id
            ),
        );
    }
    let rows = documents::signed_by(store, &org.id)?;
    out.rows(
        &rows,
        &format!("{} ({}) signed no statement on record", org.label, org.id),
    )
}
