//! `sign`: record that an organisation signed a statement (e.g. one "open for further
//! subscriptions"), in one transaction, validated like an imported signature.
use crate::error::Result;
use crate::output::Output;
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::documents::Documents;
use crate::store::edits::{self, Signature};
use crate::store::orgs::Orgs;
use crate::store::plausible::Insist;

/// Record a signature: ORG signed STATEMENT. Prints the stored signature.
///
/// The name as printed defaults to the organisation's display name, the position to the next
/// in its printed group, the source to the statement itself.
///
/// Example: stancedb sign "Joint Statement of Communist and Workers' Parties on the situation in Kazakhstan" KPRF --date 2022-01-25
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The statement: id or any of its titles, in any language
    pub statement: String,
    /// The organisation that signed: id or any name form
    pub org: String,
    /// The name exactly as the statement prints it [default: the organisation's display name]
    #[arg(long, value_name = "NAME")]
    pub as_printed: Option<String>,
    /// The printed group it appears under (e.g. "Other Parties"); none by default
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// When it signed, if later than the statement: YYYY, YYYY-MM or YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The document that records the signature (id or any title) [default: the statement]
    #[arg(long, value_name = "DOC")]
    pub source: Option<String>,
    /// A note on the signature
    #[arg(long)]
    pub note: Option<String>,
    /// Store it even though it looks wrong (dated before the statement, or in the future);
    /// needs a --note saying why
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let doc = resolve(&Documents(store), &args.statement)?;
    let org = resolve(&Orgs(store), &args.org)?;
    let source = match &args.source {
        Some(s) => Some(resolve(&Documents(store), s)?.id),
        None => None,
    };
    let sig = Signature {
        document_id: doc.id,
        org_id: org.id,
        name_as_printed: args.as_printed.map(|s| s.trim().to_string()),
        printed_group: args.group.map(|s| s.trim().to_string()),
        signed_on: args.date.map(|s| s.trim().to_string()),
        source_id: source,
        note: args.note,
        insist: Insist { force: args.force },
    };
    let stored = edits::sign(store, &sig)?;
    out.rows(&stored, "nothing stored")
}
