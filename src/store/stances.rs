//! Stances: the evidence rows behind every position, current positions, and issue lookup.
use rusqlite::params;

use super::{Store, query_rows};
use crate::error::Result;
use crate::resolve::{Candidate, Lookup};
use crate::rows::Rows;

// `order_unknown_against` names the evidence a row may not be ordered against, one cell per
// piece of evidence (the `order_unknown_cells` view, migration V55), taken once for the query
// (MATERIALIZED, filtered by the query's constant) and found by key beside each row aliased
// `e`: joined to each row unmaterialized, the view would be recomputed for every row.
const EVIDENCE: &str = "WITH unknown_cells AS MATERIALIZED (SELECT org_id, issue_id, stance_id, signature_id, against \
       FROM order_unknown_cells WHERE org_id = ?1) \
     SELECT e.issue_id AS issue, e.as_of, e.value, e.evidence, e.basis, e.quote, e.document_id, e.document, \
       e.document_date, e.cited_in, e.speaker, e.note, e.not_before, e.not_after, e.seq, \
       u.against AS order_unknown_against \
     FROM stance_evidence e LEFT JOIN unknown_cells u ON u.org_id = e.org_id AND u.issue_id = e.issue_id \
       AND u.stance_id IS e.stance_id AND u.signature_id IS e.signature_id \
     WHERE e.org_id = ?1 AND (?2 IS NULL OR e.issue_id = ?2) \
     ORDER BY e.issue_id, e.not_before, e.seq, e.not_after, e.evidence = 'attributed', e.basis, e.stance_id, e.signature_id";
const CURRENT: &str = "WITH unknown_cells AS MATERIALIZED (SELECT org_id, issue_id, stance_id, signature_id, against \
       FROM order_unknown_cells WHERE org_id = ?1) \
     SELECT e.issue_id AS issue, e.as_of, e.value, e.evidence, e.basis, e.quote, e.document_id, e.document, \
       e.document_date, e.cited_in, e.speaker, e.note, u.against AS order_unknown_against \
     FROM current_positions_full e LEFT JOIN unknown_cells u ON u.org_id = e.org_id AND u.issue_id = e.issue_id \
       AND u.stance_id IS e.stance_id AND u.signature_id IS e.signature_id \
     WHERE e.org_id = ?1 AND (?2 IS NULL OR e.issue_id = ?2) ORDER BY e.issue_id";

/// Every dated stance of an organisation in order (`history`), or its current one per issue.
pub fn of_org(store: &Store, org: &str, issue: Option<&str>, history: bool) -> Result<Rows> {
    let sql = if history { EVIDENCE } else { CURRENT };
    query_rows(store, "stances", sql, params![org, issue])
}

const OWN_WORDS_BASIS: &str = "SELECT d.author_org_id, \
       EXISTS (SELECT 1 FROM roles r WHERE r.person_id = ?3 AND r.org_id = ?1) \
     FROM documents d WHERE d.id = ?2";

/// What makes words in a document an organisation's own: it wrote the document, or the
/// speaker holds a role in it.
pub struct OwnWordsBasis {
    /// The document's author organisation, if recorded.
    pub author: Option<String>,
    pub authored: bool,
    pub speaker_of_org: bool,
}

/// Whether words of `doc` (spoken by `speaker`) are `org`'s own by the record.
pub fn own_words_basis(
    store: &Store,
    org: &str,
    doc: &str,
    speaker: Option<&str>,
) -> Result<OwnWordsBasis> {
    let mut st = store.conn.prepare_cached(OWN_WORDS_BASIS)?;
    let (author, speaker_of_org): (Option<String>, bool) =
        st.query_row(params![org, doc, speaker], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(OwnWordsBasis {
        authored: author.as_deref() == Some(org),
        author,
        speaker_of_org,
    })
}

const OWN_WORDS_UNFOUNDED: &str = "SELECT s.id, s.org_id, s.issue_id, s.document_id, \
       COALESCE(d.author_org_id, ''), COALESCE(s.speaker_id, '') \
     FROM stances s JOIN documents d ON d.id = s.document_id \
     WHERE s.evidence = 'own' AND d.author_org_id IS NOT s.org_id \
       AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.person_id = s.speaker_id AND r.org_id = s.org_id) \
     ORDER BY s.org_id, s.issue_id, s.id";

/// Stances recorded as own words whose record does not make them so: the document is not
/// the organisation's and no speaker of it is named. (stance id, org, issue, document,
/// document's author or '', speaker or '').
pub fn own_words_unfounded(store: &Store) -> Result<Vec<(i64, [String; 5])>> {
    let mut st = store.conn.prepare_cached(OWN_WORDS_UNFOUNDED)?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get(0)?,
            [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?],
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const ISSUE_BY_ID: &str = "SELECT id, 'issue', title FROM issues WHERE id = ?1";
const ISSUES: &str = "SELECT id, title FROM issues ORDER BY id";

/// Issue lookup for `resolve`: by id or title.
pub struct Issues<'a>(pub &'a Store);

impl Issues<'_> {
    fn all(&self) -> Result<Vec<(String, String)>> {
        let mut st = self.0.conn.prepare_cached(ISSUES)?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
    fn matching(&self, pred: impl Fn(&str, &str) -> bool) -> Result<Vec<Candidate>> {
        Ok(self
            .all()?
            .into_iter()
            .filter(|(id, title)| pred(&crate::fold::fold(id), &crate::fold::fold(title)))
            .map(|(id, title)| Candidate {
                id,
                kind: "issue".into(),
                label: title,
            })
            .collect())
    }
}

impl Lookup for Issues<'_> {
    const NOUN: &'static str = "issue";
    fn by_id(&self, id: &str) -> Result<Option<Candidate>> {
        let mut st = self.0.conn.prepare_cached(ISSUE_BY_ID)?;
        let mut rows = st.query_map([id], |r| {
            Ok(Candidate {
                id: r.get(0)?,
                kind: r.get(1)?,
                label: r.get(2)?,
            })
        })?;
        Ok(rows.next().transpose()?)
    }
    fn by_key(&self, key: &str) -> Result<Vec<Candidate>> {
        self.matching(|id, title| id == key || title == key)
    }
    fn by_words(&self, key: &str) -> Result<Vec<Candidate>> {
        let k = format!(" {key} ");
        self.matching(|id, title| {
            format!(" {id} ").contains(&k) || format!(" {title} ").contains(&k)
        })
    }
    fn all_names(&self) -> Result<Vec<(String, String)>> {
        Ok(self
            .all()?
            .into_iter()
            .flat_map(|(id, title)| {
                [
                    (crate::fold::fold(&id), id.clone()),
                    (crate::fold::fold(&title), id),
                ]
            })
            .collect())
    }
}

/// Every quote on record, with the document whose text must contain it.
pub struct QuoteRow {
    pub table: &'static str,
    pub id: i64,
    pub what: String,
    pub document_id: String,
    pub text: String,
}

const QUOTES: &[(&str, &str)] = &[
    (
        "stances",
        "SELECT id, org_id || ' / ' || issue_id, document_id, quote FROM stances WHERE quote IS NOT NULL ORDER BY id",
    ),
    (
        "statement_positions",
        "SELECT id, document_id || ' / ' || issue_id, document_id, quote FROM statement_positions ORDER BY id",
    ),
    (
        "memberships",
        "SELECT id, org_id || ' in ' || alliance_id, source_id, quote FROM memberships WHERE quote IS NOT NULL ORDER BY id",
    ),
    (
        "names",
        "SELECT id, org_id, source_id, name FROM names WHERE source_id IS NOT NULL ORDER BY id",
    ),
    (
        "person_names",
        "SELECT id, person_id, source_id, name FROM person_names ORDER BY id",
    ),
    (
        "document_titles",
        "SELECT id, document_id || ' (' || lang || ' ' || kind || ')', document_id, title FROM document_titles WHERE kind <> 'label' ORDER BY id",
    ),
    (
        "country_memberships",
        "SELECT id, country || ' in ' || bloc_id, source_id, quote FROM country_memberships WHERE quote IS NOT NULL ORDER BY id",
    ),
    (
        "roles",
        "SELECT id, person_id || ' / ' || org_id, source_id, role FROM roles ORDER BY id",
    ),
];

/// Every verbatim text on record that a source must contain: quotes, printed names, titles, roles.
pub fn verbatim_texts(store: &Store) -> Result<Vec<QuoteRow>> {
    let mut out = Vec::new();
    for (table, sql) in QUOTES {
        let mut st = store.conn.prepare_cached(sql)?;
        let rows = st.query_map([], |r| {
            Ok(QuoteRow {
                table,
                id: r.get(0)?,
                what: r.get(1)?,
                document_id: r.get(2)?,
                text: r.get(3)?,
            })
        })?;
        for r in rows {
            out.push(r?);
        }
    }
    Ok(out)
}
