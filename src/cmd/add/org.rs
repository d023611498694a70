//! `add org`: an organisation and its display name as a name form, so every query finds it
//! by that name at once.
use super::{doc_id, id_or_slug, name_lang, opt};
use crate::error::Result;
use crate::store::Store;
use crate::store::edits::Record;
use crate::vocab::{NameKind, OrgKind};

/// Add an organisation; its display name is recorded as a name form too, so every query
/// finds it by that name at once.
///
/// Example: stancedb add org --name "Communist Party of Kazakhstan" --kind party --country KZ --source theses-2022-kazakhstan
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Display name
    #[arg(long)]
    name: String,
    /// What it is
    #[arg(long)]
    kind: OrgKind,
    /// Id (lowercase letters, digits, hyphens) [default: made from the name]
    #[arg(long)]
    id: Option<String>,
    /// Country, ISO 3166-1 alpha-2 (e.g. KZ)
    #[arg(long)]
    country: Option<String>,
    /// Founding date
    #[arg(long)]
    founded: Option<String>,
    /// Dissolution date
    #[arg(long)]
    dissolved: Option<String>,
    /// Language of the display name (a code such as en, ru, ko) [default: the language of
    /// --source when that document is in exactly one; otherwise required]
    #[arg(long)]
    lang: Option<String>,
    /// The document that prints the name (then recorded as 'official'; without it, as an
    /// editorial 'label')
    #[arg(long, value_name = "DOC")]
    source: Option<String>,
    /// A note
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    pub(super) force: super::Force,
    #[command(flatten)]
    pub(super) unverified: super::Unverified,
}

/// The organisation row and its display-name row.
pub(super) fn records(a: Args, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let id = id_or_slug(a.id, &a.name, "organisation")?;
    let source = opt(a.source, |s| doc_id(store, s))?;
    let lang = name_lang(store, "add org", a.lang, source.as_deref())?;
    let name_kind = if source.is_some() {
        NameKind::Official
    } else {
        NameKind::Label
    };
    let org = Record::new("organisations")
        .field("id", "id", Some(id.clone()))
        .field("name", "name", Some(a.name.clone()))
        .field("kind", "kind", a.kind.into())
        .field("country", "country", a.country)
        .field("founded", "founded", a.founded)
        .field("dissolved", "dissolved", a.dissolved)
        .field("note", "note", a.note);
    let display = Record::new("names")
        .field("org_id", "id", Some(id))
        .field("name", "name", Some(a.name))
        .field("lang", "lang", Some(lang))
        .field("kind", "", name_kind.into())
        .field("source_id", "source", source);
    Ok(("add org", vec![org, display]))
}
