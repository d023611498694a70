//! Stored document texts and the proofs of the verbatim words checked against them (V9):
//! storing a text, reading the texts a quote must be found in, and recording where it was.
use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, query_rows};
use crate::error::Result;
use crate::rows::Rows;

/// One stored text of a document.
#[derive(Clone, Debug)]
pub struct StoredText {
    pub id: i64,
    pub document_id: String,
    pub lang: Option<String>,
    pub file: Option<String>,
    pub text: String,
}

/// A text to store.
pub struct NewText<'a> {
    pub document_id: &'a str,
    pub lang: Option<&'a str>,
    pub file: Option<&'a str>,
    pub format: &'a str,
    pub text: &'a str,
}

const UPSERT_BY_FILE: &str = "INSERT INTO document_texts (document_id, lang, file, format, text) \
     VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (document_id, file) DO UPDATE SET \
     lang = COALESCE(excluded.lang, lang), format = excluded.format, text = excluded.text \
     RETURNING id";
const SAME_TEXT: &str =
    "SELECT id FROM document_texts WHERE document_id = ?1 AND file IS NULL AND text = ?2";

/// Store `t` (a text of the same document read from the same file is replaced; the same text
/// without a file is stored once); its id.
pub fn store_text(conn: &Connection, t: &NewText) -> Result<i64> {
    if t.file.is_none()
        && let Some(id) = conn
            .prepare_cached(SAME_TEXT)?
            .query_row(params![t.document_id, t.text], |r| r.get(0))
            .optional()?
    {
        return Ok(id);
    }
    let id = conn.prepare_cached(UPSERT_BY_FILE)?.query_row(
        params![t.document_id, t.lang, t.file, t.format, t.text],
        |r| r.get(0),
    )?;
    Ok(id)
}

const OWN_TEXTS: &str = "SELECT id, document_id, lang, file, text FROM document_texts WHERE document_id = ?1 ORDER BY id";
const CITED_IN: &str = "SELECT cited_in_id FROM documents WHERE id = ?1";

fn read_texts(conn: &Connection, sql: &str, key: &str) -> Result<Vec<StoredText>> {
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map([key], |r| {
        Ok(StoredText {
            id: r.get(0)?,
            document_id: r.get(1)?,
            lang: r.get(2)?,
            file: r.get(3)?,
            text: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The stored texts of `document_id` itself.
pub fn own_texts(conn: &Connection, document_id: &str) -> Result<Vec<StoredText>> {
    read_texts(conn, OWN_TEXTS, document_id)
}

/// The texts a quote from `document_id` must be found in: its own, else those of the
/// document that cites it (a document known only through a citation is quoted there).
pub fn source_texts(conn: &Connection, document_id: &str) -> Result<Vec<StoredText>> {
    let own = own_texts(conn, document_id)?;
    if !own.is_empty() {
        return Ok(own);
    }
    let via: Option<String> = conn
        .prepare_cached(CITED_IN)?
        .query_row([document_id], |r| r.get(0))
        .optional()?
        .flatten();
    match via {
        Some(v) => own_texts(conn, &v),
        None => Ok(Vec::new()),
    }
}

const ANY_TEXT: &str = "SELECT EXISTS (SELECT 1 FROM document_texts)";

/// Whether any text is stored at all (when none is, nothing can be proven).
pub fn any_text(conn: &Connection) -> Result<bool> {
    Ok(conn.prepare_cached(ANY_TEXT)?.query_row([], |r| r.get(0))?)
}

const RECORD_PROOF: &str = "INSERT INTO quote_proofs (tbl, row_id, text_id, start, end) \
     VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (tbl, row_id) DO UPDATE SET \
     text_id = excluded.text_id, start = excluded.start, end = excluded.end";

/// Where a verbatim text was found: the stored text and its character offsets [start, end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub text_id: i64,
    pub start: usize,
    pub end: usize,
}

/// Record the proof of row `row_id` of `table`: where it was found, or (None) that it was
/// entered unverified.
pub fn record_proof(
    conn: &Connection,
    table: &str,
    row_id: i64,
    found: Option<Found>,
) -> Result<()> {
    let (text_id, start, end) = match found {
        Some(f) => (Some(f.text_id), Some(f.start as i64), Some(f.end as i64)),
        None => (None, None, None),
    };
    conn.prepare_cached(RECORD_PROOF)?
        .execute(params![table, row_id, text_id, start, end])?;
    Ok(())
}

/// Every verbatim text that can be proven at entry, by table: (row id, document, words).
/// The document is the row's source, whose stored texts must contain the words.
pub const PROVABLE: &[(&str, &str)] = &[
    (
        "stances",
        "SELECT id, document_id, quote FROM stances WHERE quote IS NOT NULL AND document_id = ?1",
    ),
    (
        "statement_positions",
        "SELECT id, document_id, quote FROM statement_positions WHERE document_id = ?1",
    ),
    (
        "memberships",
        "SELECT id, source_id, quote FROM memberships WHERE quote IS NOT NULL AND source_id = ?1",
    ),
    (
        "signatures",
        "SELECT id, source_id, name_as_printed FROM signatures WHERE source_id = ?1",
    ),
    (
        "names",
        "SELECT id, source_id, name FROM names WHERE source_id = ?1 AND kind <> 'label'",
    ),
    (
        "person_names",
        "SELECT id, source_id, name FROM person_names WHERE source_id = ?1",
    ),
    (
        "roles",
        "SELECT id, source_id, role FROM roles WHERE source_id = ?1",
    ),
    (
        "country_memberships",
        "SELECT id, source_id, quote FROM country_memberships WHERE quote IS NOT NULL AND source_id = ?1",
    ),
];

const CITING: &str = "SELECT id FROM documents WHERE cited_in_id = ?1 ORDER BY id";

/// The documents whose quotes are proven against `document_id`'s texts: itself and those
/// known only through it.
pub fn quoted_through(conn: &Connection, document_id: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached(CITING)?;
    let rows = st.query_map([document_id], |r| r.get::<_, String>(0))?;
    let mut out = vec![document_id.to_string()];
    for r in rows {
        out.push(r?);
    }
    Ok(out)
}

/// (table, row id, words) of every provable row whose source is `document_id`.
pub fn provable_rows(
    conn: &Connection,
    document_id: &str,
) -> Result<Vec<(&'static str, i64, String)>> {
    let mut out = Vec::new();
    for (table, sql) in PROVABLE {
        let mut st = conn.prepare_cached(sql)?;
        let rows = st.query_map([document_id], |r| Ok((*table, r.get(0)?, r.get(2)?)))?;
        for r in rows {
            out.push(r?);
        }
    }
    Ok(out)
}

const UNVERIFIED: &str = "SELECT p.tbl, p.row_id, \
       CASE p.tbl \
         WHEN 'stances' THEN (SELECT org_id || ' on ' || issue_id || ' in ' || document_id || ': ' || quote FROM stances WHERE id = p.row_id) \
         WHEN 'memberships' THEN (SELECT org_id || ' in ' || alliance_id || ' per ' || source_id || ': ' || COALESCE(quote, '') FROM memberships WHERE id = p.row_id) \
         WHEN 'signatures' THEN (SELECT org_id || ' signed ' || document_id || ' as ' || name_as_printed FROM signatures WHERE id = p.row_id) \
         WHEN 'names' THEN (SELECT org_id || ' named ' || name || ' in ' || COALESCE(source_id, '') FROM names WHERE id = p.row_id) \
         WHEN 'country_memberships' THEN (SELECT country || ' in ' || bloc_id || ' per ' || source_id || ': ' || quote FROM country_memberships WHERE id = p.row_id) \
         WHEN 'statement_positions' THEN (SELECT document_id || ' on ' || issue_id || ': ' || quote FROM statement_positions WHERE id = p.row_id) \
         WHEN 'roles' THEN (SELECT person_id || ' of ' || org_id || ' per ' || source_id || ': ' || role FROM roles WHERE id = p.row_id) \
         WHEN 'person_names' THEN (SELECT person_id || ' named ' || name || ' in ' || source_id FROM person_names WHERE id = p.row_id) \
         ELSE '' END AS detail \
     FROM quote_proofs p WHERE p.text_id IS NULL ORDER BY p.tbl, p.row_id";

/// Rows entered --unverified and still not proven: (table, row id, what they say).
pub fn unverified(store: &Store) -> Result<Vec<(String, i64, String)>> {
    let mut st = store.conn.prepare_cached(UNVERIFIED)?;
    let rows = st.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get::<_, Option<String>>(2)?))
    })?;
    let mut out = Vec::new();
    for r in rows {
        let (t, id, d) = r?;
        out.push((t, id, d.unwrap_or_default()));
    }
    Ok(out)
}

const LIST: &str = "SELECT t.id AS text_id, t.document_id, t.lang, t.file, t.format, \
       length(t.text) AS characters, \
       (SELECT count(*) FROM quote_proofs p WHERE p.text_id = t.id) AS proven \
     FROM document_texts t ORDER BY t.document_id, t.id";

/// Every stored text, without the text itself.
pub fn list(store: &Store) -> Result<Rows> {
    query_rows(store, "texts", LIST, [])
}

const PROOF_OF: &str = "SELECT p.text_id, p.start, p.end FROM quote_proofs p \
     WHERE p.tbl = ?1 AND p.row_id = ?2 AND p.text_id IS NOT NULL";

/// Where row `row_id` of `table` was found, if it was.
pub fn proof_of(conn: &Connection, table: &str, row_id: i64) -> Result<Option<Found>> {
    Ok(conn
        .prepare_cached(PROOF_OF)?
        .query_row(params![table, row_id], |r| {
            Ok(Found {
                text_id: r.get(0)?,
                start: r.get::<_, i64>(1)? as usize,
                end: r.get::<_, i64>(2)? as usize,
            })
        })
        .optional()?)
}

const SEARCH: &str = "SELECT t.document_id, t.file, t.text, bm25(document_texts_fts) AS score \
     FROM document_texts_fts f JOIN document_texts t ON t.id = f.rowid \
     WHERE document_texts_fts MATCH ?1 ORDER BY score LIMIT ?2";

/// Passages of stored texts containing `phrase` (three characters or more, as the trigram
/// index needs): (document, file, the whole text), best first.
pub fn search(
    store: &Store,
    phrase: &str,
    limit: i64,
) -> Result<Vec<(String, Option<String>, String)>> {
    if phrase.trim().chars().count() < 3 {
        return Ok(Vec::new());
    }
    let quoted = format!("\"{}\"", phrase.replace('"', "\"\""));
    let mut st = store.conn.prepare_cached(SEARCH)?;
    let rows = st.query_map(params![quoted, limit], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const COPIES: &str = "SELECT document_id, file FROM document_copies ORDER BY id";

/// (document, file) of every copy on record.
pub fn copies(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare_cached(COPIES)?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
