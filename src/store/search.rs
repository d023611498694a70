//! Search: organisations and people by any name form across scripts (folded keys), and
//! quotes and document titles by their text (FTS5 trigram index).
use super::Store;
use crate::error::Result;

/// One hit: what was found and what matched.
#[derive(Clone, Debug)]
pub struct Hit {
    /// Lower is better.
    pub rank: f64,
    pub kind: &'static str,
    pub id: String,
    pub label: String,
    pub matched: String,
    pub field: String,
}

// Names: the trigram index over names (names_fts, content = names, rowid = names.id) finds
// the folded keys that contain the folded query (?3 = `search_key : "query"`); a query under
// three characters scans the keys instead.
const ORG_NAMES: &str = "SELECT n.org_id, o.name, n.name, n.lang, n.kind, \
       CASE WHEN n.search_key = ?1 THEN 0 WHEN n.search_key LIKE ?1 || '%' THEN 1 \
            WHEN (' ' || n.search_key || ' ') LIKE '% ' || ?1 || ' %' THEN 2 ELSE 3 END AS r \
     FROM names_fts t JOIN names n ON n.id = t.rowid JOIN organisations o ON o.id = n.org_id \
     WHERE names_fts MATCH ?3 ORDER BY r, length(n.name), n.org_id LIMIT ?2";
const ORG_NAMES_SHORT: &str = "SELECT n.org_id, o.name, n.name, n.lang, n.kind, \
       CASE WHEN n.search_key = ?1 THEN 0 WHEN n.search_key LIKE ?1 || '%' THEN 1 \
            WHEN (' ' || n.search_key || ' ') LIKE '% ' || ?1 || ' %' THEN 2 ELSE 3 END AS r \
     FROM names n JOIN organisations o ON o.id = n.org_id \
     WHERE n.search_key LIKE '%' || ?1 || '%' AND ?3 IS NOT NULL ORDER BY r, length(n.name), n.org_id LIMIT ?2";
const PERSON_NAMES: &str = "SELECT n.person_id, p.name, n.name, n.lang, \
       CASE WHEN n.search_key = ?1 THEN 0 WHEN n.search_key LIKE ?1 || '%' THEN 1 \
            WHEN (' ' || n.search_key || ' ') LIKE '% ' || ?1 || ' %' THEN 2 ELSE 3 END AS r \
     FROM person_names_fts t JOIN person_names n ON n.id = t.rowid JOIN people p ON p.id = n.person_id \
     WHERE person_names_fts MATCH ?3 ORDER BY r, n.person_id LIMIT ?2";
const PERSON_NAMES_SHORT: &str = "SELECT n.person_id, p.name, n.name, n.lang, \
       CASE WHEN n.search_key = ?1 THEN 0 WHEN n.search_key LIKE ?1 || '%' THEN 1 \
            WHEN (' ' || n.search_key || ' ') LIKE '% ' || ?1 || ' %' THEN 2 ELSE 3 END AS r \
     FROM person_names n JOIN people p ON p.id = n.person_id \
     WHERE n.search_key LIKE '%' || ?1 || '%' AND ?3 IS NOT NULL ORDER BY r, n.person_id LIMIT ?2";
// Quotes and titles: source 1 stance, 2 statement position, 3 document title; each from its
// own index (<table>_fts, content = the table, rowid = its id).
const TEXTS: &str = "SELECT 1, s.id, s.quote, bm25(stances_fts) AS score, \
       s.org_id || ' on ' || s.issue_id || ' (' || s.value || ', ' || s.as_of || ')' \
     FROM stances_fts t JOIN stances s ON s.id = t.rowid WHERE stances_fts MATCH ?1 \
     UNION ALL SELECT 2, p.id, p.quote, bm25(statement_positions_fts), \
       p.document_id || ' on ' || p.issue_id || ' (' || p.value || ')' \
     FROM statement_positions_fts t JOIN statement_positions p ON p.id = t.rowid WHERE statement_positions_fts MATCH ?1 \
     UNION ALL SELECT 3, d.id, d.title, bm25(document_titles_fts), \
       d.document_id || ' (' || d.lang || ' ' || d.kind || ')' \
     FROM document_titles_fts t JOIN document_titles d ON d.id = t.rowid WHERE document_titles_fts MATCH ?1 \
     ORDER BY score LIMIT ?2";
const TEXTS_SHORT: &str = "SELECT 1, s.id, s.quote, 0.0, \
       s.org_id || ' on ' || s.issue_id || ' (' || s.value || ', ' || s.as_of || ')' \
     FROM stances s WHERE s.quote LIKE '%' || ?1 || '%' ESCAPE '\\' \
     UNION ALL SELECT 2, p.id, p.quote, 0.0, p.document_id || ' on ' || p.issue_id || ' (' || p.value || ')' \
     FROM statement_positions p WHERE p.quote LIKE '%' || ?1 || '%' ESCAPE '\\' \
     UNION ALL SELECT 3, d.id, d.title, 0.0, d.document_id || ' (' || d.lang || ' ' || d.kind || ')' \
     FROM document_titles d WHERE d.title LIKE '%' || ?1 || '%' ESCAPE '\\' \
     LIMIT ?2";

/// Names whose folded form contains `key` (a folded query).
pub fn names(store: &Store, key: &str, limit: i64) -> Result<Vec<Hit>> {
    let mut out = Vec::new();
    let indexed = key.len() >= 3;
    let phrase = format!("search_key : \"{key}\"");
    let (orgs_sql, people_sql) = if indexed {
        (ORG_NAMES, PERSON_NAMES)
    } else {
        (ORG_NAMES_SHORT, PERSON_NAMES_SHORT)
    };
    let mut st = store.conn.prepare_cached(orgs_sql)?;
    let rows = st.query_map(rusqlite::params![key, limit, phrase], |r| {
        Ok(Hit {
            rank: r.get::<_, i64>(5)? as f64,
            kind: "organisation",
            id: r.get(0)?,
            label: r.get(1)?,
            matched: r.get(2)?,
            field: format!(
                "name ({}, {})",
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?
            ),
        })
    })?;
    for h in rows {
        out.push(h?);
    }
    let mut st = store.conn.prepare_cached(people_sql)?;
    let rows = st.query_map(rusqlite::params![key, limit, phrase], |r| {
        Ok(Hit {
            rank: r.get::<_, i64>(4)? as f64,
            kind: "person",
            id: r.get(0)?,
            label: r.get(1)?,
            matched: r.get(2)?,
            field: format!("name ({})", r.get::<_, String>(3)?),
        })
    })?;
    for h in rows {
        out.push(h?);
    }
    Ok(out)
}

/// Quotes and titles containing `text` (substring, case-insensitive).
pub fn texts(store: &Store, text: &str, limit: i64) -> Result<Vec<Hit>> {
    let trimmed = text.trim();
    // The trigram index needs three characters; shorter queries scan.
    let (sql, arg) = if trimmed.chars().count() >= 3 {
        (TEXTS, format!("\"{}\"", trimmed.replace('"', "\"\"")))
    } else {
        (
            TEXTS_SHORT,
            trimmed
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_"),
        )
    };
    let mut st = store.conn.prepare_cached(sql)?;
    let rows = st.query_map(rusqlite::params![arg, limit], |r| {
        let source: i64 = r.get(0)?;
        Ok(Hit {
            // bm25 is negative, better is lower; put texts after exact name hits.
            rank: 10.0 + r.get::<_, f64>(3)?,
            kind: match source {
                1 => "stance quote",
                2 => "statement quote",
                _ => "document title",
            },
            id: r.get::<_, i64>(1)?.to_string(),
            label: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
            matched: r.get(2)?,
            field: match source {
                1 => "stance".to_string(),
                2 => "statement".to_string(),
                _ => "title".to_string(),
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
