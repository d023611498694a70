//! `add org|name|membership|document|stance`: one record from flags, validated exactly like
//! an imported row, stored in one transaction, printed back as stored.
use crate::error::{Error, Result};
use crate::fold::fold;
use crate::output::Output;
use crate::quotes::at_entry;
use crate::resolve::resolve;
use crate::source_text::store_file;
use crate::store::Store;
use crate::store::documents::Documents;
use crate::store::edits::{self, Record};
use crate::store::orgs::Orgs;
use crate::store::people::People;
use crate::store::stances::Issues;

/// Add one record (its checks and messages are `import`'s). Dates are YYYY, YYYY-MM or
/// YYYY-MM-DD; ORG, ALLIANCE, DOC, ISSUE and PERSON take an id or any name form.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Add an organisation; its display name is recorded as a name form too, so every query
    /// finds it by that name at once.
    ///
    /// Example: stancedb add org --name "Communist Party of Kazakhstan" --kind party --country KZ --source theses-2022-kazakhstan
    Org {
        /// Display name
        #[arg(long)]
        name: String,
        /// party, youth_org, organisation, alliance, network, tendency, bloc, state_body,
        /// media, company or armed_group
        #[arg(long)]
        kind: String,
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
        /// Language of the display name (a code such as en, ru, ko)
        #[arg(long, default_value = "en")]
        lang: String,
        /// The document that prints the name (then recorded as 'official'; without it, as an
        /// editorial 'label')
        #[arg(long, value_name = "DOC")]
        source: Option<String>,
        /// A note
        #[arg(long)]
        note: Option<String>,
        /// The source has no stored text: record the name as unverified
        #[arg(long)]
        unverified: bool,
    },
    /// Add a name form of an organisation (official, abbreviation, translation, …).
    ///
    /// Example: stancedb add name kprf "Коммунистическая партия Российской Федерации" --lang ru --kind official --source mk-2022-01-06-kprf
    Name {
        /// The organisation
        org: String,
        /// The name exactly as printed
        name: String,
        /// Language code (e.g. en, ru, ko)
        #[arg(long)]
        lang: String,
        /// official, abbreviation, translation, transliteration, informal or label
        #[arg(long)]
        kind: String,
        /// The document that prints it (required unless --kind label)
        #[arg(long, value_name = "DOC")]
        source: Option<String>,
        /// A note
        #[arg(long)]
        note: Option<String>,
        /// The source has no stored text: record the name as unverified
        #[arg(long)]
        unverified: bool,
    },
    /// Add a membership of an organisation in an alliance, network or bloc.
    ///
    /// Example: stancedb add membership cp-greece solidnet --role member --source solidnet-2022-01-18-kazakhstan
    Membership {
        /// The member
        org: String,
        /// The alliance, network or bloc
        alliance: String,
        /// member, leading_member, section or observer
        #[arg(long, default_value = "member")]
        role: String,
        /// The document that says so
        #[arg(long, value_name = "DOC")]
        source: String,
        /// Since when
        #[arg(long)]
        start: Option<String>,
        /// Until when
        #[arg(long)]
        end: Option<String>,
        /// The words of the source that say so
        #[arg(long)]
        quote: Option<String>,
        /// A note
        #[arg(long)]
        note: Option<String>,
        /// The source has no stored text: record the quote as unverified
        #[arg(long)]
        unverified: bool,
    },
    /// Add a document (statement, article, …); its title is recorded too, so it is found by it.
    ///
    /// Example: stancedb add document --title "Statement on Kazakhstan" --kind statement --date 2022-01-10 --languages en --author-org kprf
    Document {
        /// The title as printed
        #[arg(long)]
        title: String,
        /// statement, joint_statement, article, theses, news, book, pamphlet, platform,
        /// web_page or message
        #[arg(long)]
        kind: String,
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
        /// The document's text, stored with it: plain text, Markdown (.md) or HTML (.html)
        #[arg(long, value_name = "FILE")]
        text: Option<std::path::PathBuf>,
    },
    /// Add a dated stance of an organisation on an issue, with its quote and source.
    ///
    /// Example: stancedb add stance kprf csto-kazakhstan-2022 --value support --as-of 2022-01-06 --quote "…" --source mk-2022-01-06-kprf --evidence attributed
    Stance {
        /// The organisation
        org: String,
        /// The issue
        issue: String,
        /// support, oppose, ambivalent or none_found (the answer to the issue's question)
        #[arg(long)]
        value: String,
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
        /// own (its own words) or attributed (words a source attributes to it)
        #[arg(long, default_value = "own")]
        evidence: String,
        /// A note
        #[arg(long)]
        note: Option<String>,
        /// The source has no stored text: record the quote as unverified
        #[arg(long)]
        unverified: bool,
    },
    /// Store a text of a document (another language version or copy).
    Text(super::add_text::TextArgs),
    /// Store every text named in document_copies that is in a folder.
    Texts(super::add_text::TextsArgs),
}

fn org(store: &Store, q: &str) -> Result<String> {
    Ok(resolve(&Orgs(store), q)?.id)
}
fn doc(store: &Store, q: &str) -> Result<String> {
    Ok(resolve(&Documents(store), q)?.id)
}
fn opt<T>(q: Option<String>, f: impl FnOnce(&str) -> Result<T>) -> Result<Option<T>> {
    q.map(|s| f(&s)).transpose()
}

/// An id made from a name: folded, words joined by hyphens, at most 80 characters.
fn slug(name: &str, what: &str) -> Result<String> {
    let mut s: String = fold(name).replace(' ', "-").chars().take(80).collect();
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() {
        return Err(Error::input(format!(
            "cannot make an id from '{name}': give --id (for the {what})"
        )));
    }
    Ok(s)
}

pub fn run(cmd: Command, store: &Store, out: &mut Output) -> Result<()> {
    let cmd = match cmd {
        Command::Text(a) => return super::add_text::text(a, store, out),
        Command::Texts(a) => return super::add_text::texts(a, store, out),
        other => other,
    };
    let unverified = matches!(
        cmd,
        Command::Org {
            unverified: true,
            ..
        } | Command::Name {
            unverified: true,
            ..
        } | Command::Membership {
            unverified: true,
            ..
        } | Command::Stance {
            unverified: true,
            ..
        }
    );
    let text = match &cmd {
        Command::Document { text, .. } => text.clone(),
        _ => None,
    };
    let (what, records) = records(cmd, store)?;
    // Quotes and printed names are proven against the source's stored text (quotes::prove).
    let stored = at_entry(unverified, || match &text {
        None => edits::insert(store, what, &records),
        Some(path) => {
            let id = records[0].value("id").unwrap_or_default().to_string();
            edits::insert_then(store, what, &records, |tx| {
                store_file(tx, &id, path, None).map(|_| ())
            })
        }
    })?;
    match stored.as_slice() {
        [one] => out.rows(one, "nothing stored"),
        many => out.sections(many),
    }
}

fn records(cmd: Command, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    Ok(match cmd {
        Command::Org {
            name,
            kind,
            id,
            country,
            founded,
            dissolved,
            lang,
            source,
            note,
            ..
        } => {
            let id = match id {
                Some(i) => i.trim().to_string(),
                None => slug(&name, "organisation")?,
            };
            let source = opt(source, |s| doc(store, s))?;
            let name_kind = if source.is_some() {
                "official"
            } else {
                "label"
            };
            let org = Record::new("organisations")
                .field("id", "id", Some(id.clone()))
                .field("name", "name", Some(name.clone()))
                .field("kind", "kind", Some(kind))
                .field("country", "country", country)
                .field("founded", "founded", founded)
                .field("dissolved", "dissolved", dissolved)
                .field("note", "note", note);
            let display = Record::new("names")
                .field("org_id", "id", Some(id))
                .field("name", "name", Some(name))
                .field("lang", "lang", Some(lang))
                .field("kind", "", Some(name_kind.to_string()))
                .field("source_id", "source", source);
            ("add org", vec![org, display])
        }
        Command::Name {
            org: o,
            name,
            lang,
            kind,
            source,
            note,
            ..
        } => {
            let rec = Record::new("names")
                .field("org_id", "", Some(org(store, &o)?))
                .field("name", "name", Some(name))
                .field("lang", "lang", Some(lang))
                .field("kind", "kind", Some(kind))
                .field("source_id", "source", opt(source, |s| doc(store, s))?)
                .field("note", "note", note);
            ("add name", vec![rec])
        }
        Command::Membership {
            org: o,
            alliance,
            role,
            source,
            start,
            end,
            quote,
            note,
            ..
        } => {
            let rec = Record::new("memberships")
                .field("org_id", "", Some(org(store, &o)?))
                .field("alliance_id", "", Some(org(store, &alliance)?))
                .field("role", "role", Some(role))
                .field("start", "start", start)
                .field("end", "end", end)
                .field("source_id", "source", Some(doc(store, &source)?))
                .field("quote", "quote", quote)
                .field("note", "note", note);
            ("add membership", vec![rec])
        }
        Command::Document {
            title,
            kind,
            languages,
            id,
            date,
            date_note,
            author_org,
            author_person,
            publisher,
            url,
            cited_in,
            open_for_signatures,
            title_lang,
            note,
            ..
        } => {
            let id = match id {
                Some(i) => i.trim().to_string(),
                None => slug(&title, "document")?,
            };
            let open = match open_for_signatures.as_deref().map(str::trim) {
                None => None,
                Some("yes" | "1" | "true") => Some("1".to_string()),
                Some("no" | "0" | "false") => Some("0".to_string()),
                Some(other) => {
                    return Err(Error::input(format!(
                        "add document: --open-for-signatures takes yes or no, not '{other}'"
                    )));
                }
            };
            let title_lang = title_lang.unwrap_or_else(|| {
                languages
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string()
            });
            let person = opt(author_person, |p| Ok(resolve(&People(store), p)?.id))?;
            let document = Record::new("documents")
                .field("id", "id", Some(id.clone()))
                .field("title", "title", Some(title.clone()))
                .field("kind", "kind", Some(kind))
                .field("date", "date", date)
                .field("date_note", "date-note", date_note)
                .field("languages", "languages", Some(languages))
                .field(
                    "author_org_id",
                    "author-org",
                    opt(author_org, |o| org(store, o))?,
                )
                .field("author_person_id", "author-person", person)
                .field("publisher", "publisher", publisher)
                .field("url", "url", url)
                .field("cited_in_id", "cited-in", opt(cited_in, |d| doc(store, d))?)
                .field("open_for_signatures", "open-for-signatures", open)
                .field("note", "note", note);
            let title = Record::new("document_titles")
                .field("document_id", "id", Some(id))
                .field("lang", "title-lang", Some(title_lang))
                .field("kind", "", Some("title".to_string()))
                .field("title", "title", Some(title));
            ("add document", vec![document, title])
        }
        Command::Stance {
            org: o,
            issue,
            value,
            as_of,
            source,
            quote,
            speaker,
            evidence,
            note,
            ..
        } => {
            let speaker = opt(speaker, |p| Ok(resolve(&People(store), p)?.id))?;
            let rec = Record::new("stances")
                .field("org_id", "", Some(org(store, &o)?))
                .field("issue_id", "", Some(resolve(&Issues(store), &issue)?.id))
                .field("as_of", "as-of", Some(as_of))
                .field("value", "value", Some(value))
                .field("quote", "quote", quote)
                .field("document_id", "source", Some(doc(store, &source)?))
                .field("speaker_id", "speaker", speaker)
                .field("evidence", "evidence", Some(evidence))
                .field("note", "note", note);
            ("add stance", vec![rec])
        }
        Command::Text(_) | Command::Texts(_) => {
            return Err(Error::input("add text: stored by add_text"));
        }
    })
}
