//! `add document`: a statement, article, … and its title as a document title, so it is found
//! by it.
use super::{doc_id, id_or_slug, opt, org_id};
use crate::error::{Error, Result};
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::edits::Record;
use crate::store::people::People;
use crate::vocab::DocKind;

/// Add a document (statement, article, …); its title is recorded too, so it is found by it.
///
/// Example: stancedb add document --title "Statement on Kazakhstan" --kind statement --date 2022-01-10 --languages en --author-org kprf
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The title as printed
    #[arg(long)]
    title: String,
    /// What it is
    #[arg(long)]
    kind: DocKind,
    /// Language codes of the text, space-separated (e.g. "en ru")
    #[arg(long)]
    languages: String,
    /// Id (lowercase letters, digits, hyphens) [default: made from the title]
    #[arg(long)]
    id: Option<String>,
    /// Date of the document
    #[arg(long)]
    date: Option<String>,
    /// How the date is known
    #[arg(long)]
    date_note: Option<String>,
    /// Authoring organisation
    #[arg(long, value_name = "ORG")]
    author_org: Option<String>,
    /// Authoring person
    #[arg(long, value_name = "PERSON")]
    author_person: Option<String>,
    /// Publisher
    #[arg(long)]
    publisher: Option<String>,
    /// URL (http:// or https://)
    #[arg(long)]
    url: Option<String>,
    /// The document it is known through (e.g. the article whose footnote cites it)
    #[arg(long, value_name = "DOC")]
    cited_in: Option<String>,
    /// Whether it is open for further signatures: yes or no
    #[arg(long, value_name = "yes|no")]
    open_for_signatures: Option<String>,
    /// Language of the title [default: the first of --languages]
    #[arg(long)]
    title_lang: Option<String>,
    /// A note
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    pub(super) force: super::Force,
    /// The document's text, stored with it: plain text, Markdown (.md) or HTML (.html)
    #[arg(long, value_name = "FILE")]
    pub(super) text: Option<std::path::PathBuf>,
}

/// --open-for-signatures as stored: "1", "0" or nothing.
fn open_flag(value: Option<&str>) -> Result<Option<String>> {
    match value.map(str::trim) {
        None => Ok(None),
        Some("yes" | "1" | "true") => Ok(Some("1".to_string())),
        Some("no" | "0" | "false") => Ok(Some("0".to_string())),
        Some(other) => Err(Error::input(format!(
            "add document: --open-for-signatures takes yes or no, not '{other}'"
        ))),
    }
}

/// The documents row and its title row.
pub(super) fn records(a: Args, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    let id = id_or_slug(a.id, &a.title, "document")?;
    let open = open_flag(a.open_for_signatures.as_deref())?;
    let title_lang = a.title_lang.unwrap_or_else(|| {
        a.languages
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string()
    });
    let person = opt(a.author_person, |p| Ok(resolve(&People(store), p)?.id))?;
    let author_org = opt(a.author_org, |o| org_id(store, o))?;
    let document = Record::new("documents")
        .field("id", "id", Some(id.clone()))
        .field("title", "title", Some(a.title.clone()))
        .field("kind", "kind", a.kind.into())
        .field("date", "date", a.date)
        .field("date_note", "date-note", a.date_note)
        .field("languages", "languages", Some(a.languages))
        .field("author_org_id", "author-org", author_org)
        .field("author_person_id", "author-person", person)
        .field("publisher", "publisher", a.publisher)
        .field("url", "url", a.url)
        .field(
            "cited_in_id",
            "cited-in",
            opt(a.cited_in, |d| doc_id(store, d))?,
        )
        .field("open_for_signatures", "open-for-signatures", open)
        .field("note", "note", a.note);
    let title = Record::new("document_titles")
        .field("document_id", "id", Some(id))
        .field("lang", "title-lang", Some(title_lang))
        .field("kind", "", Some("title".to_string()))
        .field("title", "title", Some(a.title));
    Ok(("add document", vec![document, title]))
}
