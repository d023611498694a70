//! Questions across organisations: camps on an issue, the organisation × issue matrix,
//! and the consistency checks (dissent from an alliance, changes, contradictions, gaps).
use rusqlite::params;

use super::{Store, query_rows};
use crate::error::Result;
use crate::rows::Rows;

// Current positions are read from the stored table `current_positions` (with its columns,
// `current_positions_full`): triggers keep it equal to the `current_stances` view, the one
// definition of a current stance, after every committed transaction whoever wrote it.

/// One camps row per organisation; `order_unknown_against` names the evidence its current
/// stance cannot be ordered against (then which of the two is current is not known).
/// The cells are taken once for the query and found by key (see stances.rs).
const CAMPS: &str = "WITH unknown_cells AS MATERIALIZED (SELECT org_id, issue_id, stance_id, signature_id, against \
       FROM order_unknown_cells WHERE issue_id = ?1) \
     SELECT e.value, count(*) OVER (PARTITION BY e.value) AS camp_size, e.org_id, e.organisation, e.kind, \
       e.country, e.as_of, e.evidence, e.basis, e.quote, e.document_id, e.document, e.speaker, \
       u.against AS order_unknown_against \
     FROM current_positions_full e LEFT JOIN unknown_cells u ON u.org_id = e.org_id AND u.issue_id = e.issue_id \
       AND u.stance_id IS e.stance_id AND u.signature_id IS e.signature_id \
     WHERE e.issue_id = ?1 \
     ORDER BY CASE e.value WHEN 'support' THEN 1 WHEN 'oppose' THEN 2 WHEN 'ambivalent' THEN 3 ELSE 4 END, e.org_id";
/// Organisations grouped by their current stance on `issue` (the counts per camp are
/// counted from these rows by the command: a second query would compute the order-unknown
/// rows again, a second or more on a large database).
pub fn camps(store: &Store, issue: &str) -> Result<Rows> {
    query_rows(store, "organisations", CAMPS, [issue])
}

/// The stored positions need only the organisation beside them. Organisations first (the
/// filter applies there), then their positions by key. Unsorted: the lines are sorted once
/// built (sorting every cell cost a third of the query).
const CURRENT_FOR: &str = "SELECT c.org_id, o.name, o.kind, o.country, c.issue_id, c.value \
     FROM organisations o CROSS JOIN current_positions c ON c.org_id = o.id \
     WHERE (?1 IS NULL OR o.kind = ?1) AND (?2 IS NULL OR o.country = ?2)";

/// One organisation's line of the matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixLine {
    pub org: String,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub country: Option<String>,
    /// The current value on each of the asked issues, in their order (None: no stance).
    pub values: Vec<Option<String>>,
}

/// The matrix: one line per organisation (in id order) with a current stance on one of
/// `issues`, filtered by kind and country. The organisation's columns are read once per line
/// and each cell is placed by its issue's position: about 110k cells on the full benchmark
/// corpus, so nothing is allocated per cell but its value.
pub fn matrix_lines(
    store: &Store,
    kind: Option<&str>,
    country: Option<&str>,
    issues: &[String],
) -> Result<Vec<MatrixLine>> {
    let column: std::collections::HashMap<&str, usize> = issues
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let mut lines: Vec<MatrixLine> = Vec::new();
    // Where each organisation's line is: rows come grouped by organisation, but nothing
    // depends on it.
    let mut line_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut st = store.conn.prepare_cached(CURRENT_FOR)?;
    let mut rows = st.query(params![kind, country])?;
    while let Some(r) = rows.next()? {
        let (Some(org), Some(issue)) = (text(r.get_ref(0)?), text(r.get_ref(4)?)) else {
            continue;
        };
        let Some(&at) = column.get(issue) else {
            continue;
        };
        let Some(value) = r.get::<_, Option<String>>(5)? else {
            continue;
        };
        let i = match lines.last() {
            Some(last) if last.org == org => lines.len() - 1,
            _ => match line_of.get(org) {
                Some(&i) => i,
                None => {
                    line_of.insert(org.to_string(), lines.len());
                    lines.push(MatrixLine {
                        org: org.to_string(),
                        name: r.get(1)?,
                        kind: r.get(2)?,
                        country: r.get(3)?,
                        values: vec![None; issues.len()],
                    });
                    lines.len() - 1
                }
            },
        };
        lines[i].values[at] = Some(value);
    }
    lines.sort_by(|a, b| a.org.cmp(&b.org));
    Ok(lines)
}

/// A text value as it is stored (None for any other type).
fn text(v: rusqlite::types::ValueRef<'_>) -> Option<&str> {
    match v {
        rusqlite::types::ValueRef::Text(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

const ISSUE_IDS: &str = "SELECT id FROM issues ORDER BY id";

pub fn issue_ids(store: &Store) -> Result<Vec<String>> {
    let mut st = store.conn.prepare_cached(ISSUE_IDS)?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One organisation's current stance on one issue, for `compare`.
#[derive(Clone, Debug)]
pub struct Position {
    pub value: String,
    pub as_of: String,
    pub evidence: String,
    pub basis: String,
    pub quote: Option<String>,
    pub document: String,
    pub document_date: Option<String>,
}

const POSITIONS_OF: &str = "SELECT issue_id, value, as_of, evidence, basis, quote, document, document_date \
     FROM current_positions_full WHERE org_id = ?1 AND value <> 'none_found'";

/// One organisation's current stance on every issue it has one on (not 'none_found'), by
/// issue id: one query per organisation, for `compare`.
pub fn positions_of(
    store: &Store,
    org: &str,
) -> Result<std::collections::HashMap<String, Position>> {
    let mut st = store.conn.prepare_cached(POSITIONS_OF)?;
    let rows = st.query_map([org], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Position {
                value: r.get(1)?,
                as_of: r.get(2)?,
                evidence: r.get(3)?,
                basis: r.get(4)?,
                quote: r.get(5)?,
                document: r.get(6)?,
                document_date: r.get(7)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---- check -------------------------------------------------------------------------------

/// Where a member's current position differs from its alliance's: (member, alliance, issue,
/// member's value, its as_of, alliance's value, its as_of, role, alliance's name), by member,
/// alliance and issue. The one dissent query: `check` and the report's pages read it.
pub(crate) const DISSENT: &str = "SELECT m.org_id, m.alliance_id, c.issue_id, c.value, c.as_of, a.value, a.as_of, m.role, o.name \
     FROM memberships m JOIN organisations o ON o.id = m.alliance_id \
     JOIN current_positions c ON c.org_id = m.org_id \
     JOIN current_positions a ON a.org_id = m.alliance_id AND a.issue_id = c.issue_id \
     WHERE c.value <> a.value AND c.value <> 'none_found' AND a.value <> 'none_found' \
     ORDER BY m.org_id, m.alliance_id, c.issue_id";
const MEMBER_PAIRS: &str = "SELECT count(*) FROM memberships m WHERE EXISTS (SELECT 1 FROM current_positions a \
     JOIN current_positions c ON c.issue_id = a.issue_id WHERE a.org_id = m.alliance_id AND c.org_id = m.org_id)";
const CHANGES: &str = "SELECT org_id, issue_id, group_concat(value || ' (' || as_of || ', ' || evidence || ')', ' → ') \
     FROM (SELECT org_id, issue_id, value, as_of, evidence FROM stance_evidence WHERE value <> 'none_found' \
           ORDER BY org_id, issue_id, not_before, seq, not_after, evidence = 'attributed', stance_id, signature_id) \
     GROUP BY org_id, issue_id HAVING count(DISTINCT value) > 1 ORDER BY org_id, issue_id";
const ORDER_UNKNOWN: &str = "SELECT org_id, issue_id, first_value, first_as_of, \
       first_document_id || COALESCE(' stance ' || first_stance_id, ' signature ' || first_signature_id), \
       second_value, second_as_of, \
       second_document_id || COALESCE(' stance ' || second_stance_id, ' signature ' || second_signature_id) \
     FROM stance_order_unknown ORDER BY org_id, issue_id, first_not_before, second_not_before";
/// Evidence whose quote can be checked only at second hand (its document is known only
/// through another's citation or translation), and documents whose date is not printed.
const UNVERIFIED: &str = "SELECT 'quoted at second hand', s.org_id || ' / ' || s.issue_id, \
       'stance ' || s.id || ' (' || s.as_of || '): the quote is checked against ' || d.cited_in_id || ', which cites ' || d.id \
     FROM stances s JOIN documents d ON d.id = s.document_id WHERE d.cited_in_id IS NOT NULL \
     UNION ALL SELECT 'quoted at second hand', p.document_id || ' / ' || p.issue_id, \
       'statement position ' || p.id || ': the quote is checked against ' || d.cited_in_id \
     FROM statement_positions p JOIN documents d ON d.id = p.document_id WHERE d.cited_in_id IS NOT NULL \
     UNION ALL SELECT 'date not printed', id, \
       'dated ' || COALESCE(date, 'nowhere') || ', not before ' || COALESCE(not_before, '?') || ', not after ' || COALESCE(not_after, '?') \
       || ': ' || date_note \
     FROM documents WHERE date_note IS NOT NULL OR not_before IS NOT NULL OR not_after IS NOT NULL \
     ORDER BY 1, 2, 3";
const CONTRADICTS: &str = "SELECT s.org_id, g.document_id, s.issue_id, s.value, s.as_of, sp.value, s.evidence \
     FROM stances s \
     JOIN signatures g ON g.org_id = s.org_id \
     JOIN statement_positions sp ON sp.document_id = g.document_id AND sp.issue_id = s.issue_id \
     WHERE s.value <> sp.value AND s.value <> 'none_found' \
     ORDER BY s.org_id, g.document_id, s.issue_id, s.as_of";
const SIGNERS_WITH_WORDS: &str = "SELECT count(DISTINCT g.org_id) FROM signatures g \
     JOIN statement_positions sp ON sp.document_id = g.document_id \
     JOIN stances s ON s.org_id = g.org_id AND s.issue_id = sp.issue_id";
const UNSOURCED: &str = "SELECT 'stances', id, org_id || ' / ' || issue_id FROM stances WHERE quote IS NULL AND value <> 'none_found' \
     UNION ALL SELECT 'names', id, org_id || ': ' || name FROM names WHERE source_id IS NULL AND kind <> 'label' \
     UNION ALL SELECT 'stances (no text of the document on record)', s.id, s.org_id || ' / ' || s.issue_id || ' in ' || s.document_id \
       FROM stances s JOIN documents d ON d.id = s.document_id \
       WHERE NOT EXISTS (SELECT 1 FROM document_copies c WHERE c.document_id = d.id OR c.document_id = d.cited_in_id) \
     UNION ALL SELECT 'statement_positions (no text of the document on record)', p.id, p.document_id || ' / ' || p.issue_id \
       FROM statement_positions p JOIN documents d ON d.id = p.document_id \
       WHERE NOT EXISTS (SELECT 1 FROM document_copies c WHERE c.document_id = d.id OR c.document_id = d.cited_in_id) \
     ORDER BY 1, 2";
const NO_COUNTRY: &str = "SELECT id, name, kind, note FROM organisations \
     WHERE country IS NULL AND kind IN ('party', 'youth_org', 'organisation', 'state_body', 'media', 'company') ORDER BY id";

/// The raw findings of `check`, one list per check.
pub struct Findings {
    /// (org, alliance, issue, org value, org as_of, alliance value, alliance as_of, role)
    pub dissent: Vec<[String; 8]>,
    pub member_pairs_compared: i64,
    /// (org, issue, sequence of values)
    pub changes: Vec<[String; 3]>,
    /// (org, issue, first value, its as_of, its document, second value, as_of, document)
    pub order_unknown: Vec<[String; 8]>,
    /// (what, subject, detail)
    pub unverified: Vec<[String; 3]>,
    /// (org, statement, issue, own value, as_of, statement value, evidence)
    pub contradictions: Vec<[String; 7]>,
    pub signers_with_own_words: i64,
    /// (table, id, what)
    pub unsourced: Vec<(String, i64, String)>,
    /// (id, name, kind, note)
    pub no_country: Vec<[Option<String>; 4]>,
}

fn strings<const N: usize>(store: &Store, sql: &str) -> Result<Vec<[String; N]>> {
    let mut st = store.conn.prepare_cached(sql)?;
    let rows = st.query_map([], |r| {
        let mut a: [String; N] = std::array::from_fn(|_| String::new());
        for (i, slot) in a.iter_mut().enumerate() {
            *slot = r.get::<_, Option<String>>(i)?.unwrap_or_default();
        }
        Ok(a)
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn findings(store: &Store) -> Result<Findings> {
    let count = |sql: &str| -> Result<i64> { Ok(store.conn.query_row(sql, [], |r| r.get(0))?) };
    let unsourced = {
        let mut st = store.conn.prepare_cached(UNSOURCED)?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let no_country = {
        let mut st = store.conn.prepare_cached(NO_COUNTRY)?;
        let rows = st.query_map([], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    Ok(Findings {
        dissent: strings(store, DISSENT)?,
        member_pairs_compared: count(MEMBER_PAIRS)?,
        changes: strings(store, CHANGES)?,
        order_unknown: strings(store, ORDER_UNKNOWN)?,
        unverified: strings(store, UNVERIFIED)?,
        contradictions: strings(store, CONTRADICTS)?,
        signers_with_own_words: count(SIGNERS_WITH_WORDS)?,
        unsourced,
        no_country,
    })
}
