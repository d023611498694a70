//! `signatories`: who signed a statement, as printed, in printed order.
use crate::error::{Error, Result};
use crate::output::Output;
use crate::resolve::resolve;
use crate::store::documents::Documents;
use crate::store::{Store, signatures};

/// Who signed a statement: the name as printed, the printed group and position, the
/// organisation it is, its country, and the date when it signed later.
///
/// Example: stancedb signatories "Joint Statement of Communist and Workers' Parties on the situation in Kazakhstan"
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The statement: id or any of its titles, in any language
    pub statement: String,
    /// Only this printed group (e.g. "Other Parties")
    #[arg(long)]
    pub group: Option<String>,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let doc = resolve(&Documents(store), &args.statement)?;
    let group = args.group.as_deref().map(str::trim);
    let rows = signatures::signatories(store, &doc.id, group)?;
    if rows.is_empty()
        && let Some(g) = group
    {
        let groups = signatures::groups(store, &doc.id)?;
        if !groups.iter().any(|x| x.eq_ignore_ascii_case(g)) && !groups.is_empty() {
            return Err(Error::input(format!(
                "'{}' has no group '{g}' (groups: {})",
                doc.id,
                groups.join(", ")
            )));
        }
    }
    out.rows(&rows, &format!("no signatures recorded for '{}'", doc.id))
}
