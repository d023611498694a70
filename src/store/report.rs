//! The queries behind the HTML report (`stancedb report`): every list a page shows, read row
//! by row through a callback so that pages are written while rows arrive, never all held.
use rusqlite::{Params, Row};

use super::Store;
use super::analysis::{Positions, on_positions};
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

const ISSUES: [&str; 2] = on_positions!(
    "SELECT i.id, i.title, i.question, i.start, i.end, i.note, \
       (SELECT count(*) FROM",
    "c WHERE c.issue_id = i.id AND c.value <> 'none_found') FROM issues i ORDER BY i.id"
);

pub fn issues(store: &Store, src: Positions, f: impl FnMut(Issue) -> Result<()>) -> Result<()> {
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
    each(store, ISSUES[src as usize], [], map, f)
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

const DOCS: &str = "SELECT d.id, d.title, \
       (SELECT t.lang FROM document_titles t WHERE t.document_id = d.id AND t.title = d.title ORDER BY t.id LIMIT 1), \
       d.kind, d.date, d.date_note, d.languages, d.author_org_id, COALESCE(o.name, p.name), d.publisher, d.url, \
       d.cited_in_id, d.open_for_signatures, d.note, \
       (SELECT count(*) FROM signatures g WHERE g.document_id = d.id) \
     FROM documents d LEFT JOIN organisations o ON o.id = d.author_org_id \
     LEFT JOIN people p ON p.id = d.author_person_id ORDER BY d.date IS NULL, d.date, d.id";

fn doc(r: &Row) -> rusqlite::Result<Doc> {
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

/// A title or a name form in one language.
pub struct Text {
    pub text: String,
    pub lang: String,
    pub kind: String,
    pub source: Option<String>,
}

const TITLES: &str =
    "SELECT title, lang, kind, NULL FROM document_titles WHERE document_id = ?1 ORDER BY id";
const NAMES: &str = "SELECT name, lang, kind, source_id FROM names WHERE org_id = ?1 ORDER BY id";

fn text(r: &Row) -> rusqlite::Result<Text> {
    Ok(Text {
        text: r.get(0)?,
        lang: r.get(1)?,
        kind: r.get(2)?,
        source: r.get(3)?,
    })
}

/// Every printed title of a document.
pub fn titles(store: &Store, doc: &str, f: impl FnMut(Text) -> Result<()>) -> Result<()> {
    each(store, TITLES, [doc], text, f)
}

/// Every name form of an organisation.
pub fn names(store: &Store, org: &str, f: impl FnMut(Text) -> Result<()>) -> Result<()> {
    each(store, NAMES, [org], text, f)
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

const MEMBERSHIPS: &str = "SELECT 1, alliance_id, alliance, role, start, end, source_id, quote FROM members WHERE org_id = ?1 \
     UNION ALL SELECT 0, org_id, organisation, role, start, end, source_id, quote FROM members WHERE alliance_id = ?1 \
     ORDER BY 1 DESC, 2, 4";

pub fn memberships(
    store: &Store,
    org: &str,
    f: impl FnMut(Membership) -> Result<()>,
) -> Result<()> {
    let map = |r: &Row| {
        Ok(Membership {
            member_of: r.get::<_, i64>(0)? == 1,
            other_id: r.get(1)?,
            other: r.get(2)?,
            role: r.get(3)?,
            start: r.get(4)?,
            end: r.get(5)?,
            source: r.get(6)?,
            quote: r.get(7)?,
        })
    };
    each(store, MEMBERSHIPS, [org], map, f)
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

const SIGNED_BY: &str = "SELECT statement_id, statement, statement_date, org_id, organisation, country, name_as_printed, \
       printed_group, position, signed_on FROM signatories WHERE org_id = ?1 ORDER BY statement_date, statement_id";
const SIGNATORIES: &str = "SELECT statement_id, statement, statement_date, org_id, organisation, country, name_as_printed, \
       printed_group, position, signed_on FROM signatories WHERE statement_id = ?1 \
     ORDER BY group_order, position, signature_id";

fn signature(r: &Row) -> rusqlite::Result<Signature> {
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

/// What an organisation signed, by date.
pub fn signed_by(store: &Store, org: &str, f: impl FnMut(Signature) -> Result<()>) -> Result<()> {
    each(store, SIGNED_BY, [org], signature, f)
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

fn evidence(r: &Row) -> rusqlite::Result<Evidence> {
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

const HISTORY: &str = "SELECT org_id, organisation, issue_id, as_of, value, evidence, basis, quote, document_id, document, \
       speaker, note FROM stance_evidence WHERE org_id = ?1 \
     ORDER BY issue_id, sort_key, evidence = 'attributed', basis, stance_id, signature_id";

/// Every piece of evidence on an organisation, per issue in date order.
pub fn history(store: &Store, org: &str, f: impl FnMut(Evidence) -> Result<()>) -> Result<()> {
    each(store, HISTORY, [org], evidence, f)
}

const CAMPS: [&str; 2] = on_positions!(
    "SELECT org_id, organisation, issue_id, as_of, value, evidence, basis, quote, document_id, document, \
       speaker, note FROM",
    "WHERE issue_id = ?1 \
     ORDER BY CASE value WHEN 'support' THEN 1 WHEN 'oppose' THEN 2 WHEN 'ambivalent' THEN 3 ELSE 4 END, \
       basis = 'signature', document_id, organisation, org_id"
);

/// The current position of every organisation on an issue, camp by camp.
pub fn camps(
    store: &Store,
    src: Positions,
    issue: &str,
    f: impl FnMut(Evidence) -> Result<()>,
) -> Result<()> {
    each(store, CAMPS[src as usize], [issue], evidence, f)
}

const CHANGED: &str = "SELECT org_id FROM stance_evidence WHERE issue_id = ?1 AND value <> 'none_found' \
     GROUP BY org_id HAVING count(DISTINCT value) > 1 ORDER BY org_id";

/// The organisations whose evidence on an issue holds more than one value.
pub fn changed(store: &Store, issue: &str, f: impl FnMut(String) -> Result<()>) -> Result<()> {
    each(store, CHANGED, [issue], |r| r.get(0), f)
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

const DISSENT: [&str; 2] = on_positions!(
    "SELECT m.alliance_id, a.organisation, c.issue_id, c.value, c.as_of, a.value, a.as_of \
     FROM memberships m JOIN",
    "c ON c.org_id = m.org_id JOIN",
    "a ON a.org_id = m.alliance_id AND a.issue_id = c.issue_id \
     WHERE m.org_id = ?1 AND c.value <> a.value AND c.value <> 'none_found' AND a.value <> 'none_found' \
     ORDER BY m.alliance_id, c.issue_id"
);

pub fn dissent(
    store: &Store,
    src: Positions,
    org: &str,
    f: impl FnMut(Dissent) -> Result<()>,
) -> Result<()> {
    let map = |r: &Row| {
        Ok(Dissent {
            alliance_id: r.get(0)?,
            alliance: r.get(1)?,
            issue_id: r.get(2)?,
            value: r.get(3)?,
            as_of: r.get(4)?,
            alliance_value: r.get(5)?,
            alliance_as_of: r.get(6)?,
        })
    };
    each(store, DISSENT[src as usize], [org], map, f)
}

/// (org id, name, country, issue id, value) of every current position, by organisation.
const CELLS: [&str; 2] = [
    "SELECT c.org_id, o.name, o.country, c.issue_id, c.value FROM current_positions c \
     JOIN organisations o ON o.id = c.org_id ORDER BY c.org_id, c.issue_id",
    "SELECT org_id, organisation, country, issue_id, value FROM current_stances ORDER BY org_id, issue_id",
];

/// One matrix cell: organisation id, its name and country, issue id, current value.
pub type Cell = (String, String, Option<String>, String, String);

pub fn cells(store: &Store, src: Positions, f: impl FnMut(Cell) -> Result<()>) -> Result<()> {
    let map = |r: &Row| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?));
    each(store, CELLS[src as usize], [], map, f)
}

const MEMBER_LINKS: &str =
    "SELECT org_id, alliance_id FROM memberships ORDER BY org_id, alliance_id";
const SIGNATURE_LINKS: &str =
    "SELECT document_id, org_id FROM signatures ORDER BY document_id, org_id";

/// (member, alliance) of every membership.
pub fn member_links(store: &Store, f: impl FnMut((String, String)) -> Result<()>) -> Result<()> {
    each(store, MEMBER_LINKS, [], |r| Ok((r.get(0)?, r.get(1)?)), f)
}

/// (statement, organisation) of every signature, statement by statement.
pub fn signature_links(store: &Store, f: impl FnMut((String, String)) -> Result<()>) -> Result<()> {
    each(
        store,
        SIGNATURE_LINKS,
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
        f,
    )
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

const SIDES: &str = "SELECT sp.issue_id, i.title, sp.value, sp.quote FROM statement_positions sp \
     JOIN issues i ON i.id = sp.issue_id WHERE sp.document_id = ?1 ORDER BY sp.issue_id";

pub fn sides(store: &Store, doc: &str, f: impl FnMut(Side) -> Result<()>) -> Result<()> {
    let map = |r: &Row| {
        Ok(Side {
            issue_id: r.get(0)?,
            issue: r.get(1)?,
            value: r.get(2)?,
            quote: r.get(3)?,
        })
    };
    each(store, SIDES, [doc], map, f)
}

const QUOTED_FROM: &str = "SELECT s.org_id, o.name, s.issue_id, s.as_of, s.value, s.evidence, 'words', s.quote, \
       s.document_id, d.title, p.name, s.note FROM stances s JOIN organisations o ON o.id = s.org_id \
     JOIN documents d ON d.id = s.document_id LEFT JOIN people p ON p.id = s.speaker_id \
     WHERE s.document_id = ?1 ORDER BY s.issue_id, s.as_of, s.org_id, s.id";

/// The stances quoted from a document.
pub fn quoted_from(store: &Store, doc: &str, f: impl FnMut(Evidence) -> Result<()>) -> Result<()> {
    each(store, QUOTED_FROM, [doc], evidence, f)
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
