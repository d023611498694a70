//! `sign`: record that an organisation signed a statement (e.g. one "open for further
//! subscriptions"), in one transaction, validated like an imported signature; or, with
//! --from-text, every signature of a signatory list printed in the statement's stored text.
use crate::error::{Error, Result};
use crate::output::Output;
use crate::quotes::at_entry;
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::documents::Documents;
use crate::store::edits::{self, Signature};
use crate::store::orgs::Orgs;
use crate::store::plausible::Insist;

mod from_text;

/// Record a signature: ORG signed STATEMENT. Prints the stored signature.
///
/// The name as printed defaults to the organisation's display name, the position to the next
/// in its printed group, the source to the statement itself. The name as printed must occur
/// in the source's stored text (see `add text`); a source without one needs --unverified.
///
/// With --from-text STATEMENT: read the signatory list printed in the statement's stored text
/// (one name per line, numbered or bulleted, under group headings) into a table — position,
/// group, name as printed and the organisation it resolves to, or NEW, or AMBIGUOUS with the
/// candidates — and with --apply record the signatures not yet on record, in one transaction.
///
/// Example: stancedb sign "Joint Statement of Communist and Workers' Parties on the situation in Kazakhstan" KPRF --date 2022-01-25 --unverified
/// Example: stancedb sign --from-text solidnet-2022-01-18-kazakhstan --copy later.txt --date 2022-02-01 --apply
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The statement: id or any of its titles, in any language
    #[arg(required_unless_present = "from_text")]
    pub statement: Option<String>,
    /// The organisation that signed: id or any name form
    #[arg(required_unless_present = "from_text")]
    pub org: Option<String>,
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
    /// The source has no stored text: record the printed name as unverified
    #[arg(long)]
    pub unverified: bool,
    /// Read the signatory list printed in this statement's stored text (dry run without --apply)
    #[arg(long, value_name = "STATEMENT", conflicts_with_all = ["statement", "org", "as_printed", "group", "source"])]
    pub from_text: Option<String>,
    /// With --from-text: the stored copy to read, by file name [default: the newest]
    #[arg(long, value_name = "FILE", requires = "from_text")]
    pub copy: Option<String>,
    /// With --from-text: record the signatures not yet on record
    #[arg(long, requires = "from_text")]
    pub apply: bool,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    if args.from_text.is_some() {
        return from_text::run(args, store, out);
    }
    let (Some(statement), Some(org)) = (&args.statement, &args.org) else {
        return Err(Error::input("sign: name the STATEMENT and the ORG"));
    };
    let doc = resolve(&Documents(store), statement)?;
    let org = resolve(&Orgs(store), org)?;
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
        position: None,
    };
    let stored = at_entry(args.unverified, || edits::sign(store, &sig))?;
    out.rows(&stored, "nothing stored")
}
