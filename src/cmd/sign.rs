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
pub mod plan;
mod review;

/// Record a signature: ORG signed STATEMENT. Prints the stored signature.
///
/// The name as printed defaults to the organisation's display name, the position to the next
/// in its printed group, the source to the statement itself. The name as printed must occur
/// in the source's stored text (see `add text`); a source without one needs --unverified.
///
/// With --from-text STATEMENT: read the signatory lists printed in the statement's stored text
/// (numbered, bulleted or plain lines under a heading, "Country, Party" or "Party (Country)"
/// lines, an inline list after "signed by", HTML lists; several groups) into a table, each
/// row matched against every recorded name form: exact, likely, ambiguous or new, with the
/// reason and the candidates. Its -f csv output is the review file: set org_id to an id or
/// `new` (then optionally kind and country), and apply it with --review FILE --apply. Apply
/// records, in one transaction, the new organisations, each printed form not yet on record as
/// a name form (source: the statement), the signatures, and the printed country of an
/// organisation that has none. Running it again changes nothing.
///
/// Example: stancedb sign "Joint Statement of Communist and Workers' Parties on the situation in Kazakhstan" KPRF --date 2022-01-25 --unverified
/// Example: stancedb -f csv sign --from-text solidnet-2022-01-18-kazakhstan > review.csv
/// Example: stancedb sign --from-text solidnet-2022-01-18-kazakhstan --review review.csv --accept likely --apply
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
    /// With --from-text: record the signatures not yet on record (rows matched exactly, the
    /// review file's choices, and what --accept accepts)
    #[arg(long, requires = "from_text")]
    pub apply: bool,
    /// With --from-text: the review file (the dry run's -f csv output, org_id edited)
    #[arg(long, value_name = "FILE", requires = "from_text")]
    pub review: Option<std::path::PathBuf>,
    /// With --from-text: also take every `likely` proposal, and/or create every `new` row
    #[arg(long, value_enum, value_delimiter = ',', requires = "from_text")]
    pub accept: Vec<plan::Accept>,
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
