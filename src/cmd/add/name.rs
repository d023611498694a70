//! `add name`: one more name form of an organisation (official, abbreviation, translation, …).
use super::{doc_id, name_lang, opt, org_id};
use crate::error::Result;
use crate::store::Store;
use crate::store::edits::Record;
use crate::vocab::NameKind;

/// Add a name form of an organisation (official, abbreviation, translation, …).
///
/// Example: stancedb add name kprf "Коммунистическая партия Российской Федерации" --lang ru --kind official --source mk-2022-01-06-kprf
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The organisation
    org: String,
    /// The name exactly as printed
    name: String,
    /// Language code (e.g. en, ru, ko) [default: the language of --source when that
    /// document is in exactly one; otherwise required]
    #[arg(long)]
    lang: Option<String>,
    /// How the name is known
    #[arg(long)]
    kind: NameKind,
    /// The document that prints it (required unless --kind label)
    #[arg(long, value_name = "DOC")]
    source: Option<String>,
    /// The first day the name was in use, when a source dates it (YYYY, YYYY-MM or
    /// YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    valid_from: Option<String>,
    /// The last day the name was in use, when a source dates it (e.g. the day before a rename)
    #[arg(long, value_name = "DATE")]
    valid_until: Option<String>,
    /// A note
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    pub(super) force: super::Force,
    #[command(flatten)]
    pub(super) unverified: super::Unverified,
}

/// The names row.
pub(super) fn records(a: Args, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let source = opt(a.source, |s| doc_id(store, s))?;
    let lang = name_lang(store, "add name", a.lang, source.as_deref())?;
    let rec = Record::new("names")
        .field("org_id", "", Some(org_id(store, &a.org)?))
        .field("name", "name", Some(a.name))
        .field("lang", "lang", Some(lang))
        .field("kind", "kind", a.kind.into())
        .field("source_id", "source", source)
        .field("note", "note", a.note)
        .field("valid_from", "valid-from", a.valid_from)
        .field("valid_until", "valid-until", a.valid_until);
    Ok(("add name", vec![rec]))
}
