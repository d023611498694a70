//! Documents and statements: lookup by any title, listing, titles and local copies.
use super::{Store, query_rows};
use crate::error::Result;
use crate::resolve::SqlLookup;
use crate::rows::Rows;

const BY_ID: &str = "SELECT id, kind, title FROM documents WHERE id = ?1";
const BY_KEY: &str = "SELECT DISTINCT d.id, d.kind, d.title FROM document_titles t JOIN documents d ON d.id = t.document_id \
     WHERE t.search_key = ?1 ORDER BY d.id LIMIT 50";
const BY_WORDS: &str = "SELECT DISTINCT d.id, d.kind, d.title FROM document_titles t JOIN documents d ON d.id = t.document_id \
     WHERE (' ' || t.search_key || ' ') LIKE ('% ' || ?1 || ' %') ORDER BY d.id LIMIT 50";
const ALL_TITLES: &str =
    "SELECT search_key, title FROM document_titles WHERE search_key IS NOT NULL";

/// Document lookup for `resolve` (statements are documents).
pub struct Documents<'a>(pub &'a Store);

impl SqlLookup for Documents<'_> {
    const NOUN: &'static str = "statement or document";
    const BY_ID: &'static str = BY_ID;
    const BY_KEY: &'static str = BY_KEY;
    const BY_WORDS: &'static str = BY_WORDS;
    const ALL_NAMES: &'static str = ALL_TITLES;
    fn conn(&self) -> &rusqlite::Connection {
        &self.0.conn
    }
}

const STATEMENTS: &str = "SELECT d.id, d.date, d.title, d.kind, \
       COALESCE(ao.name, ap.name, d.publisher) AS author, \
       (SELECT count(*) FROM signatures g WHERE g.document_id = d.id) AS signatories, \
       CASE d.open_for_signatures WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END AS open_for_signatures, \
       d.cited_in_id AS known_through \
     FROM documents d LEFT JOIN organisations ao ON ao.id = d.author_org_id LEFT JOIN people ap ON ap.id = d.author_person_id \
     WHERE d.kind IN ('statement', 'joint_statement') OR EXISTS (SELECT 1 FROM signatures g WHERE g.document_id = d.id) \
     ORDER BY d.date, d.id";

/// Every statement with its date, author and number of signatories.
pub fn statements(store: &Store) -> Result<Rows> {
    query_rows(store, "statements", STATEMENTS, [])
}

const SIGNED: &str = "SELECT statement_id, statement_date, statement, name_as_printed, printed_group, position, signed_on \
     FROM signatories WHERE org_id = ?1 ORDER BY statement_date, statement_id";

/// What one organisation signed.
pub fn signed_by(store: &Store, org: &str) -> Result<Rows> {
    query_rows(store, "signed", SIGNED, [org])
}

const AUTHORED: &str =
    "SELECT id, date, kind, title FROM documents WHERE author_org_id = ?1 ORDER BY date, id";

/// Documents an organisation wrote.
pub fn authored_by(store: &Store, org: &str) -> Result<Rows> {
    query_rows(store, "documents", AUTHORED, [org])
}

/// A document to check quotes in: its id and the files that hold its text (its own copies,
/// else the copies of the document that cites it).
pub struct TextSource {
    pub document_id: String,
    pub via: Option<String>,
    pub files: Vec<String>,
}

const COPIES: &str = "SELECT file FROM document_copies WHERE document_id = ?1 ORDER BY id";
const CITED_IN: &str = "SELECT cited_in_id FROM documents WHERE id = ?1";

pub fn text_source(store: &Store, document_id: &str) -> Result<TextSource> {
    let files = |id: &str| -> Result<Vec<String>> {
        let mut st = store.conn.prepare_cached(COPIES)?;
        let rows = st.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let own = files(document_id)?;
    if !own.is_empty() {
        return Ok(TextSource {
            document_id: document_id.to_string(),
            via: None,
            files: own,
        });
    }
    let via: Option<String> = store
        .conn
        .prepare_cached(CITED_IN)?
        .query_row([document_id], |r| r.get(0))
        .ok()
        .flatten();
    let files = match &via {
        Some(v) => files(v)?,
        None => Vec::new(),
    };
    Ok(TextSource {
        document_id: document_id.to_string(),
        via,
        files,
    })
}

const LANGUAGES: &str = "SELECT languages FROM documents WHERE id = ?1";

/// The languages a document is recorded in (space-separated codes), if it exists.
pub fn languages(store: &Store, document_id: &str) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    Ok(store
        .conn
        .query_row(LANGUAGES, [document_id], |r| r.get(0))
        .optional()?)
}
