//! The queries behind the HTML report (`stancedb report`): every list a page shows, read row
//! by row through a callback so that pages are written while rows arrive, never all held.
use rusqlite::{Params, Row};

use super::Store;
use crate::error::Result;

/// Run `sql` and hand each row, mapped by `map`, to `f`.
fn each<P: Params, T>(
    store: &Store,
    sql: &str,
    params: P,
    map: fn(&Row) -> rusqlite::Result<T>,
    mut f: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    let mut st = store.conn.prepare_cached(sql)?;
    let mut rows = st.query(params)?;
    while let Some(r) = rows.next()? {
        f(map(r)?)?;
    }
    Ok(())
}

/// A page cache of 16 MB for the report's many small reads (the default is 2 MB).
pub fn tune(store: &Store) -> Result<()> {
    store.conn.execute_batch("PRAGMA cache_size = -16384;")?;
    Ok(())
}

/// An issue with the number of organisations holding a current position on it.
pub struct Issue {
    pub id: String,
    pub title: String,
    pub question: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub note: Option<String>,
    pub organisations: i64,
}

const ISSUES: &str = "SELECT i.id, i.title, i.question, i.start, i.end, i.note, (SELECT count(*) FROM current_positions c \
       WHERE c.issue_id = i.id AND c.value <> 'none_found') FROM issues i ORDER BY i.id";

pub fn issues(store: &Store, f: impl FnMut(Issue) -> Result<()>) -> Result<()> {
    let map = |r: &Row| {
        Ok(Issue {
            id: r.get(0)?,
            title: r.get(1)?,
            question: r.get(2)?,
            start: r.get(3)?,
            end: r.get(4)?,
            note: r.get(5)?,
            organisations: r.get(6)?,
        })
    };
    each(store, ISSUES, [], map, f)
}

/// A document (statements are documents), with the language of its main title.
pub struct Doc {
    pub id: String,
    pub title: String,
    pub title_lang: Option<String>,
    pub kind: String,
    pub date: Option<String>,
    pub date_note: Option<String>,
    pub languages: String,
    pub author_id: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub cited_in: Option<String>,
    pub open: Option<i64>,
    pub note: Option<String>,
    pub signatories: i64,
}

/// The documents query, in a given order.
macro_rules! docs {
    ($order:literal) => {
        concat!(
            "SELECT d.id, d.title, \
       (SELECT t.lang FROM document_titles t WHERE t.document_id = d.id AND t.title = d.title ORDER BY t.id LIMIT 1), \
       d.kind, d.date, d.date_note, d.languages, d.author_org_id, COALESCE(o.name, p.name), d.publisher, d.url, \
       d.cited_in_id, d.open_for_signatures, d.note, \
       (SELECT count(*) FROM signatures g WHERE g.document_id = d.id) \
     FROM documents d LEFT JOIN organisations o ON o.id = d.author_org_id \
     LEFT JOIN people p ON p.id = d.author_person_id ",
            $order
        )
    };
}
const DOCS: &str = docs!("ORDER BY d.date IS NULL, d.date, d.id");
const DOCS_BY_ID: &str = docs!("ORDER BY d.id");

pub(super) fn doc(r: &Row) -> rusqlite::Result<Doc> {
    Ok(Doc {
        id: r.get(0)?,
        title: r.get(1)?,
        title_lang: r.get(2)?,
        kind: r.get(3)?,
        date: r.get(4)?,
        date_note: r.get(5)?,
        languages: r.get(6)?,
        author_id: r.get(7)?,
        author: r.get(8)?,
        publisher: r.get(9)?,
        url: r.get(10)?,
        cited_in: r.get(11)?,
        open: r.get(12)?,
        note: r.get(13)?,
        signatories: r.get(14)?,
    })
}

/// Every document, by date.
pub fn documents(store: &Store, f: impl FnMut(Doc) -> Result<()>) -> Result<()> {
    each(store, DOCS, [], doc, f)
}

/// Every document, by id (to read beside the cursors keyed by document).
pub fn documents_by_id(store: &Store, f: impl FnMut(Doc) -> Result<()>) -> Result<()> {
    each(store, DOCS_BY_ID, [], doc, f)
}

mod links;
mod merged;
pub use links::*;
pub use merged::*;

/// A title or a name form in one language.
pub struct Text {
    pub text: String,
    pub lang: String,
    pub kind: String,
    pub source: Option<String>,
}

pub(super) fn text(r: &Row) -> rusqlite::Result<Text> {
    Ok(Text {
        text: r.get(0)?,
        lang: r.get(1)?,
        kind: r.get(2)?,
        source: r.get(3)?,
    })
}

/// An organisation with how much the record holds on it.
pub struct Org {
    pub id: String,
    pub name: String,
    pub name_lang: Option<String>,
    pub kind: String,
    pub country: Option<String>,
    pub founded: Option<String>,
    pub dissolved: Option<String>,
    pub note: Option<String>,
    pub signatures: i64,
    pub stances: i64,
    pub memberships: i64,
}

const ORGS: &str = "SELECT o.id, o.name, \
       (SELECT n.lang FROM names n WHERE n.org_id = o.id AND n.name = o.name ORDER BY n.id LIMIT 1), \
       o.kind, o.country, o.founded, o.dissolved, o.note, \
       (SELECT count(*) FROM signatures g WHERE g.org_id = o.id), \
       (SELECT count(*) FROM stances s WHERE s.org_id = o.id), \
       (SELECT count(*) FROM memberships m WHERE m.org_id = o.id OR m.alliance_id = o.id) \
     FROM organisations o ORDER BY o.id";

/// Every organisation, by id.
pub fn organisations(store: &Store, f: impl FnMut(Org) -> Result<()>) -> Result<()> {
    let map = |r: &Row| {
        Ok(Org {
            id: r.get(0)?,
            name: r.get(1)?,
            name_lang: r.get(2)?,
            kind: r.get(3)?,
            country: r.get(4)?,
            founded: r.get(5)?,
            dissolved: r.get(6)?,
            note: r.get(7)?,
            signatures: r.get(8)?,
            stances: r.get(9)?,
            memberships: r.get(10)?,
        })
    };
    each(store, ORGS, [], map, f)
}

/// A membership seen from one side: `member_of` = the organisation is the member.
pub struct Membership {
    pub member_of: bool,
    pub other_id: String,
    pub other: String,
    pub role: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub source: String,
    pub quote: Option<String>,
}

/// One signature: who signed what, as printed.
pub struct Signature {
    pub doc_id: String,
    pub title: String,
    pub date: Option<String>,
    pub org_id: String,
    pub organisation: String,
    pub country: Option<String>,
    pub as_printed: String,
    pub group: Option<String>,
    pub position: Option<i64>,
    pub signed_on: Option<String>,
}

// From the tables, not the `signatories` view: its window (the order of printed groups) would
// be computed over every signature before the filter applies.
const SIGNATORIES: &str = "SELECT g.document_id, d.title, d.date, g.org_id, o.name, o.country, g.name_as_printed, \
       g.printed_group, g.position, g.signed_on FROM signatures g JOIN documents d ON d.id = g.document_id \
     JOIN organisations o ON o.id = g.org_id WHERE g.document_id = ?1 \
     ORDER BY (SELECT min(x.id) FROM signatures x WHERE x.document_id = g.document_id \
                 AND x.printed_group IS g.printed_group), g.position, g.id";

pub(super) fn signature(r: &Row) -> rusqlite::Result<Signature> {
    Ok(Signature {
        doc_id: r.get(0)?,
        title: r.get(1)?,
        date: r.get(2)?,
        org_id: r.get(3)?,
        organisation: r.get(4)?,
        country: r.get(5)?,
        as_printed: r.get(6)?,
        group: r.get(7)?,
        position: r.get(8)?,
        signed_on: r.get(9)?,
    })
}

/// Who signed a statement, in printed groups and printed order.
pub fn signatories(store: &Store, doc: &str, f: impl FnMut(Signature) -> Result<()>) -> Result<()> {
    each(store, SIGNATORIES, [doc], signature, f)
}

/// A piece of evidence of a stance (a quote, own or attributed, or a signature).
pub struct Evidence {
    pub org_id: String,
    pub organisation: String,
    pub issue_id: String,
    pub as_of: String,
    pub value: String,
    pub evidence: String,
    pub basis: String,
    pub quote: Option<String>,
    pub document_id: String,
    pub document: String,
    pub speaker: Option<String>,
    pub note: Option<String>,
}

pub(super) fn evidence(r: &Row) -> rusqlite::Result<Evidence> {
    Ok(Evidence {
        org_id: r.get(0)?,
        organisation: r.get(1)?,
        issue_id: r.get(2)?,
        as_of: r.get(3)?,
        value: r.get(4)?,
        evidence: r.get(5)?,
        basis: r.get(6)?,
        quote: r.get(7)?,
        document_id: r.get(8)?,
        document: r.get(9)?,
        speaker: r.get(10)?,
        note: r.get(11)?,
    })
}

const CAMPS: &str = "SELECT org_id, organisation, issue_id, as_of, value, evidence, basis, quote, document_id, document, \
       speaker, note FROM current_positions_full WHERE issue_id = ?1 \
     ORDER BY CASE value WHEN 'support' THEN 1 WHEN 'oppose' THEN 2 WHEN 'ambivalent' THEN 3 ELSE 4 END, \
       basis = 'signature', document_id, organisation, org_id";

/// The current position of every organisation on an issue, camp by camp.
pub fn camps(store: &Store, issue: &str, f: impl FnMut(Evidence) -> Result<()>) -> Result<()> {
    each(store, CAMPS, [issue], evidence, f)
}

const CAMP_COUNTS: &str = "SELECT value, count(*) FROM current_positions WHERE issue_id = ?1 GROUP BY value ORDER BY value";

/// (value, organisations) of each camp on an issue.
pub fn camp_counts(
    store: &Store,
    issue: &str,
    f: impl FnMut((String, i64)) -> Result<()>,
) -> Result<()> {
    each(
        store,
        CAMP_COUNTS,
        [issue],
        |r| Ok((r.get(0)?, r.get(1)?)),
        f,
    )
}

/// Where an organisation's current position differs from an alliance it belongs to.
pub struct Dissent {
    pub alliance_id: String,
    pub alliance: String,
    pub issue_id: String,
    pub value: String,
    pub as_of: String,
    pub alliance_value: String,
    pub alliance_as_of: String,
}

const ORGS_ON_ISSUE: &str = "SELECT DISTINCT org_id FROM stance_evidence WHERE issue_id = ?1";

/// The organisations with any evidence on an issue (for `--issue`).
pub fn orgs_on_issue(
    store: &Store,
    issue: &str,
    f: impl FnMut(String) -> Result<()>,
) -> Result<()> {
    each(store, ORGS_ON_ISSUE, [issue], |r| r.get(0), f)
}

/// The side a statement takes on an issue.
pub struct Side {
    pub issue_id: String,
    pub issue: String,
    pub value: String,
    pub quote: String,
}

const LABEL: &str = "SELECT name, lang FROM names WHERE org_id = ?1 AND kind = 'abbreviation' \
     ORDER BY lang <> 'en', lang <> 'ru-Latn', length(name), id LIMIT 1";

/// A short name for a drawing: the organisation's abbreviation, English or Latin first.
pub fn label(store: &Store, org: &str) -> Result<Option<(String, String)>> {
    let mut out = None;
    each(
        store,
        LABEL,
        [org],
        |r| Ok((r.get(0)?, r.get(1)?)),
        |l| {
            out = Some(l);
            Ok(())
        },
    )?;
    Ok(out)
}
