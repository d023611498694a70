//! `camps`: organisations grouped by their stance on one issue.
use crate::error::Result;
use crate::output::{Output, SectionArg};
use crate::resolve::resolve;
use crate::store::stances::Issues;
use crate::store::{Store, analysis};

/// The camps on an issue: each organisation's current stance grouped by value, with counts.
/// The `basis` column says how we know: `words` (its own or attributed words) or `signature`
/// (it signed a statement taking that side but said nothing on its own).
/// `order_unknown_against` (and the `order_unknown` count) marks an organisation whose current
/// stance cannot be ordered against evidence of another value: its camp is not certain.
///
/// Example: stancedb camps csto-kazakhstan-2022
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The issue: id or title
    pub issue: String,
    #[command(flatten)]
    pub section: SectionArg,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let issue = resolve(&Issues(store), &args.issue)?;
    let (summary, orgs) = analysis::camps(store, analysis::positions(store)?, &issue.id)?;
    if orgs.is_empty() {
        return out.rows(&orgs, &format!("no stances recorded on {}", issue.id));
    }
    out.sections(&[summary, orgs], &args.section)
}
