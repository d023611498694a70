//! `add person` and `add person-name`: a person who speaks for organisations, recorded with
//! the name form a source prints, so every query finds them by it at once.
use super::{doc_id, id_or_slug, name_lang};
use crate::error::Result;
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::edits::Record;
use crate::store::people::People;

/// Add a person; the name is recorded as a name form of the source that prints it.
///
/// Example: stancedb add person "Gennady Zyuganov" --source cprf-2022-01-kazakhstan --lang en
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The name exactly as the source prints it (also the display name)
    name: String,
    /// The document that prints the name
    #[arg(long, value_name = "DOC")]
    source: String,
    /// Language of the name [default: the language of --source when that document is in
    /// exactly one; otherwise required]
    #[arg(long)]
    lang: Option<String>,
    /// Id (lowercase letters, digits, hyphens) [default: made from the name]
    #[arg(long)]
    id: Option<String>,
    /// A note
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    pub(super) force: super::Force,
    #[command(flatten)]
    pub(super) unverified: super::Unverified,
}

/// Add a name form of a person (another spelling, script or language).
///
/// Example: stancedb add person-name probsting "미하엘 프뢰브스팅" --lang ko --source rcit-2022-01-08-kprf
#[derive(clap::Args, Debug)]
pub struct NameArgs {
    /// The person
    person: String,
    /// The name exactly as printed
    name: String,
    /// The document that prints it
    #[arg(long, value_name = "DOC")]
    source: String,
    /// Language of the name [default: the language of --source when that document is in
    /// exactly one; otherwise required]
    #[arg(long)]
    lang: Option<String>,
    #[command(flatten)]
    pub(super) force: super::Force,
    #[command(flatten)]
    pub(super) unverified: super::Unverified,
}

/// The people row and its name-form row.
pub(super) fn records(a: Args, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let id = id_or_slug(a.id, &a.name, "person")?;
    let source = doc_id(store, &a.source)?;
    let lang = name_lang(store, "add person", a.lang, Some(&source))?;
    let person = Record::new("people")
        .field("id", "id", Some(id.clone()))
        .field("name", "name", Some(a.name.clone()))
        .field("note", "note", a.note);
    let form = name_form(id, a.name, lang, source);
    Ok(("add person", vec![person, form]))
}

/// The person_names row.
pub(super) fn name_records(a: NameArgs, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let person = resolve(&People(store), &a.person)?.id;
    let source = doc_id(store, &a.source)?;
    let lang = name_lang(store, "add person-name", a.lang, Some(&source))?;
    Ok((
        "add person-name",
        vec![name_form(person, a.name, lang, source)],
    ))
}

fn name_form(person: String, name: String, lang: String, source: String) -> Record {
    Record::new("person_names")
        .field("person_id", "", Some(person))
        .field("name", "name", Some(name))
        .field("lang", "lang", Some(lang))
        .field("source_id", "source", Some(source))
}
