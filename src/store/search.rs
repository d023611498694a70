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

// Names: the trigram index over folded keys (name_search, rowid = names.id * 2) finds the keys that
// contain the folded query; a query under three characters scans the keys instead.
const ORG_NAMES: &str = "SELECT n.org_id, o.name, n.name, n.lang, n.kind, \
       CASE WHEN n.search_key = ?1 THEN 0 WHEN n.search_key LIKE ?1 || '%' THEN 1 \
            WHEN (' ' || n.search_key || ' ') LIKE '% ' || ?1 || ' %' THEN 2 ELSE 3 END AS r \
     FROM name_search t JOIN names n ON n.id = t.rowid / 2 JOIN organisations o ON o.id = n.org_id \
     WHERE name_search MATCH ?3 AND t.rowid % 2 = 0 ORDER BY r, length(n.name), n.org_id LIMIT ?2";
const ORG_NAMES_SHORT: &str = "SELECT n.org_id, o.name, n.name, n.lang, n.kind, \
       CASE WHEN n.search_key = ?1 THEN 0 WHEN n.search_key LIKE ?1 || '%' THEN 1 \
            WHEN (' ' || n.search_key || ' ') LIKE '% ' || ?1 || ' %' THEN 2 ELSE 3 END AS r \
     FROM names n JOIN organisations o ON o.id = n.org_id \
     WHERE n.search_key LIKE '%' || ?1 || '%' AND ?3 IS NOT NULL ORDER BY r, length(n.name), n.org_id LIMIT ?2";
const PERSON_NAMES: &str = "SELECT n.person_id, p.name, n.name, n.lang, \
       CASE WHEN n.search_key = ?1 THEN 0 WHEN n.search_key LIKE ?1 || '%' THEN 1 \
            WHEN (' ' || n.search_key || ' ') LIKE '% ' || ?1 || ' %' THEN 2 ELSE 3 END AS r \
     FROM name_search t JOIN person_names n ON n.id = t.rowid / 2 JOIN people p ON p.id = n.person_id \
     WHERE name_search MATCH ?3 AND t.rowid % 2 = 1 ORDER BY r, n.person_id LIMIT ?2";
const PERSON_NAMES_SHORT: &str = "SELECT n.person_id, p.name, n.name, n.lang, \
       CASE WHEN n.search_key = ?1 THEN 0 WHEN n.search_key LIKE ?1 || '%' THEN 1 \
            WHEN (' ' || n.search_key || ' ') LIKE '% ' || ?1 || ' %' THEN 2 ELSE 3 END AS r \
     FROM person_names n JOIN people p ON p.id = n.person_id \
     WHERE n.search_key LIKE '%' || ?1 || '%' AND ?3 IS NOT NULL ORDER BY r, n.person_id LIMIT ?2";
// Quotes and titles (rowid % 4 = 1 stance, 2 statement position, 3 title).
const TEXTS: &str = "SELECT t.rowid % 4, t.rowid / 4, t.text, bm25(text_search) AS score, \
       CASE t.rowid % 4 \
         WHEN 1 THEN (SELECT s.org_id || ' on ' || s.issue_id || ' (' || s.value || ', ' || s.as_of || ')' FROM stances s WHERE s.id = t.rowid / 4) \
         WHEN 2 THEN (SELECT p.document_id || ' on ' || p.issue_id || ' (' || p.value || ')' FROM statement_positions p WHERE p.id = t.rowid / 4) \
         ELSE (SELECT d.document_id || ' (' || d.lang || ' ' || d.kind || ')' FROM document_titles d WHERE d.id = t.rowid / 4) END AS what \
     FROM text_search t WHERE text_search MATCH ?1 AND t.rowid % 4 IN (1, 2, 3) ORDER BY score LIMIT ?2";
const TEXTS_SHORT: &str = "SELECT t.rowid % 4, t.rowid / 4, t.text, 0.0, \
       CASE t.rowid % 4 \
         WHEN 1 THEN (SELECT s.org_id || ' on ' || s.issue_id || ' (' || s.value || ', ' || s.as_of || ')' FROM stances s WHERE s.id = t.rowid / 4) \
         WHEN 2 THEN (SELECT p.document_id || ' on ' || p.issue_id || ' (' || p.value || ')' FROM statement_positions p WHERE p.id = t.rowid / 4) \
         ELSE (SELECT d.document_id || ' (' || d.lang || ' ' || d.kind || ')' FROM document_titles d WHERE d.id = t.rowid / 4) END AS what \
     FROM text_search t WHERE t.rowid % 4 IN (1, 2, 3) AND t.text LIKE '%' || ?1 || '%' ESCAPE '\\' LIMIT ?2";

/// Names whose folded form contains `key` (a folded query).
pub fn names(store: &Store, key: &str, limit: i64) -> Result<Vec<Hit>> {
    let mut out = Vec::new();
    let indexed = key.len() >= 3;
    let phrase = format!("\"{key}\"");
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
