//! `add stance`: a dated stance of an organisation on an issue, with its quote and source.
use super::{doc_id, opt, org_id};
use crate::error::{Error, Result};
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::edits::Record;
use crate::store::people::People;
use crate::store::stances::{self, Issues};
use crate::vocab::{Evidence, StanceValue};

/// Add a dated stance of an organisation on an issue, with its quote and source.
///
/// Example: stancedb add stance kprf csto-kazakhstan-2022 --value support --as-of 2022-01-06 --quote "…" --source mk-2022-01-06-kprf --evidence attributed
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The organisation
    org: String,
    /// The issue
    issue: String,
    /// The answer to the issue's question
    #[arg(long)]
    value: StanceValue,
    /// The date the stance is known for
    #[arg(long, value_name = "DATE")]
    as_of: String,
    /// The document the stance is taken from
    #[arg(long, value_name = "DOC")]
    source: String,
    /// The verbatim words (required unless --value none_found)
    #[arg(long)]
    quote: Option<String>,
    /// The person who said it
    #[arg(long, value_name = "PERSON")]
    speaker: Option<String>,
    /// Whose words: own (its own) or attributed (words a source attributes to it)
    /// [default: own when the source's author is the organisation or the speaker holds a
    /// role in it; otherwise required]
    #[arg(long, value_enum)]
    evidence: Option<Evidence>,
    /// A note
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    pub(super) force: super::Force,
    #[command(flatten)]
    pub(super) unverified: super::Unverified,
}

/// The stances row.
pub(super) fn records(a: Args, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let speaker = opt(a.speaker, |p| Ok(resolve(&People(store), p)?.id))?;
    let org = org_id(store, &a.org)?;
    let doc = doc_id(store, &a.source)?;
    let evidence = match a.evidence {
        Some(e) => e,
        None => derived_evidence(store, &org, &doc, speaker.as_deref())?,
    };
    let rec = Record::new("stances")
        .field("org_id", "", Some(org))
        .field("issue_id", "", Some(resolve(&Issues(store), &a.issue)?.id))
        .field("as_of", "as-of", Some(a.as_of))
        .field("value", "value", a.value.into())
        .field("quote", "quote", a.quote)
        .field("document_id", "source", Some(doc))
        .field("speaker_id", "speaker", speaker)
        .field("evidence", "evidence", evidence.into())
        .field("note", "note", a.note);
    Ok(("add stance", vec![rec]))
}

/// --evidence left out: `own` when the words are the organisation's by the record (it wrote
/// the source, or the speaker holds a role in it); otherwise refused, saying why, since
/// taking another's description for its own words would outrank what it says itself.
fn derived_evidence(
    store: &Store,
    org: &str,
    doc: &str,
    speaker: Option<&str>,
) -> Result<Evidence> {
    let basis = stances::own_words_basis(store, org, doc, speaker)?;
    if basis.authored || basis.speaker_of_org {
        return Ok(Evidence::Own);
    }
    let author = match basis.author {
        Some(a) => format!("its author is {a}"),
        None => "no author organisation is recorded".to_string(),
    };
    let speaker = match speaker {
        Some(p) => format!("the speaker {p} holds no role in {org} (see `add role`)"),
        None => "no --speaker of it is given".to_string(),
    };
    Err(Error::input(format!(
        "add stance: --evidence is required: {doc} is not {org}'s own document ({author}) and {speaker}; pass --evidence attributed for words a source attributes to it, or --evidence own if they are its own words"
    )))
}
