//! `add org|name|membership|document|stance|text|texts|issue|person|person-name|role|position|country-membership`: one record from flags, validated exactly like
//! an imported row, stored in one transaction, printed back as stored. Each subcommand is its
//! own file owning its flags and building its own records; this file holds the dispatch and
//! the helpers they share.
mod country_membership;
mod document;
mod issue;
mod membership;
mod name;
mod org;
mod person;
mod position;
mod role;
mod stance;
mod text;

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
use crate::store::plausible::Insist;

/// Add one record (its checks and messages are `import`'s). Dates are YYYY, YYYY-MM or
/// YYYY-MM-DD; ORG, ALLIANCE, DOC, ISSUE and PERSON take an id or any name form.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    Org(org::Args),
    Name(name::Args),
    Membership(membership::Args),
    Document(document::Args),
    Stance(stance::Args),
    Text(text::TextArgs),
    Texts(text::TextsArgs),
    Issue(issue::Args),
    Person(person::Args),
    PersonName(person::NameArgs),
    Role(role::Args),
    Position(position::Args),
    CountryMembership(country_membership::Args),
}

/// The id of the organisation a name form or id names.
fn org_id(store: &Store, q: &str) -> Result<String> {
    Ok(resolve(&Orgs(store), q)?.id)
}
/// The id of the document a title or id names.
fn doc_id(store: &Store, q: &str) -> Result<String> {
    Ok(resolve(&Documents(store), q)?.id)
}
/// Apply a fallible lookup to an optional flag.
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

/// The given --id, trimmed, else one made from the name.
fn id_or_slug(id: Option<String>, name: &str, what: &str) -> Result<String> {
    match id {
        Some(i) => Ok(i.trim().to_string()),
        None => slug(name, what),
    }
}

/// A new name form's language: --lang, else the language of its source document when that
/// document is recorded in exactly one; otherwise refused (never a silent English).
fn name_lang(
    store: &Store,
    what: &str,
    lang: Option<String>,
    source: Option<&str>,
) -> Result<String> {
    if let Some(l) = lang {
        return Ok(l);
    }
    let Some(doc) = source else {
        return Err(Error::input(format!(
            "{what}: --lang is required (no --source to take the name's language from)"
        )));
    };
    let langs = crate::store::documents::languages(store, doc)?.unwrap_or_default();
    let mut each = langs.split_whitespace();
    match (each.next(), each.next()) {
        (Some(one), None) => Ok(one.to_string()),
        _ => Err(Error::input(format!(
            "{what}: --lang is required (source {doc} is in more than one language: {langs})"
        ))),
    }
}

/// `--force`, taken by every `add` subcommand.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct Force {
    /// Store it even though it looks wrong (a date in the future, a stance dated after its
    /// source, a name form of another organisation); needs a --note saying why
    #[arg(long)]
    force: bool,
}

/// `--unverified`, taken by the subcommands that record verbatim words from a source.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct Unverified {
    /// The source has no stored text to prove the words against (see `add text`): record
    /// them as unverified (`check` lists them until a text proves them)
    #[arg(long)]
    unverified: bool,
}

pub fn run(cmd: Command, store: &Store, out: &mut Output) -> Result<()> {
    let (force, unverified) = match &cmd {
        Command::Org(a) => (a.force, a.unverified),
        Command::Name(a) => (a.force, a.unverified),
        Command::Membership(a) => (a.force, a.unverified),
        Command::Document(a) => (a.force, Unverified { unverified: false }),
        Command::Stance(a) => (a.force, a.unverified),
        Command::Text(a) => return text::text(a, store, out),
        Command::Texts(a) => return text::texts(a, store, out),
        Command::Issue(a) => (a.force, Unverified { unverified: false }),
        Command::Person(a) => (a.force, a.unverified),
        Command::PersonName(a) => (a.force, a.unverified),
        Command::Role(a) => (a.force, a.unverified),
        Command::Position(a) => (a.force, a.unverified),
        Command::CountryMembership(a) => (a.force, a.unverified),
    };
    let insist = Insist { force: force.force };
    let text = match &cmd {
        Command::Document(a) => a.text.clone(),
        _ => None,
    };
    let (what, records) = records(cmd, store)?;
    // Quotes and printed names are proven against the source's stored text (quotes::prove).
    let stored = at_entry(unverified.unverified, || match &text {
        None => edits::insert(store, what, &records, insist),
        Some(path) => {
            let id = records[0].value("id").unwrap_or_default().to_string();
            edits::insert_then(store, what, &records, insist, |tx| {
                store_file(tx, &id, path, None).map(|_| ())
            })
        }
    })?;
    match stored.as_slice() {
        [one] => out.rows(one, "nothing stored"),
        many => out.sections_merged(many),
    }
}

/// The records one subcommand stores, and the name its messages go under.
fn records(cmd: Command, store: &Store) -> Result<(&'static str, Vec<Record>)> {
    match cmd {
        Command::Org(a) => org::records(a, store),
        Command::Name(a) => name::records(a, store),
        Command::Membership(a) => membership::records(a, store),
        Command::Document(a) => document::records(a, store),
        Command::Stance(a) => stance::records(a, store),
        Command::Issue(a) => issue::records(a, store),
        Command::Person(a) => person::records(a, store),
        Command::PersonName(a) => person::name_records(a, store),
        Command::Role(a) => role::records(a, store),
        Command::Position(a) => position::records(a, store),
        Command::CountryMembership(a) => country_membership::records(a, store),
        Command::Text(_) | Command::Texts(_) => Err(Error::input("add text: nothing to record")),
    }
}
