//! `stance`: where an organisation stands, and how we know.
use crate::error::Result;
use crate::output::Output;
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::orgs::Orgs;
use crate::store::stances::{self, Issues};

/// An organisation's current stance on each issue — value, as-of date, the verbatim quote,
/// the document (title and date) it comes from, the speaker, and whether it is the
/// organisation's own word (or signature) or attributed to it by someone else.
/// With --history, every dated stance in the order it happened (first possible day, then the
/// source's narrative order), with the span of days an uncertain date allows, so a change of
/// position shows. `order_unknown_against` names any evidence of another value whose order
/// against this one cannot be known; then which of the two is current is not known either.
///
/// Example: stancedb stance KPRF --issue kazakhstan-protests-2022 --history
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The organisation: id or any name form, in any script
    pub org: String,
    /// Only this issue (id or title)
    #[arg(long)]
    pub issue: Option<String>,
    /// Every dated stance in order, not only the current one
    #[arg(long)]
    pub history: bool,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let org = resolve(&Orgs(store), &args.org)?;
    let issue = match &args.issue {
        Some(i) => Some(resolve(&Issues(store), i)?.id),
        None => None,
    };
    let rows = stances::of_org(store, &org.id, issue.as_deref(), args.history)?;
    let on = issue.map(|i| format!(" on {i}")).unwrap_or_default();
    let empty = format!("no stance recorded for {} ({}){on}", org.label, org.id);
    // One issue is one thing to read in full: a record; every issue is a list.
    if args.issue.is_some() {
        out.record(&rows, &empty)
    } else {
        out.rows(&rows, &empty)
    }
}
