//! Whole-table queries read beside the organisations or documents being written, each in the
//! order of its key (last column): a merge join. One pass per table instead of one query per
//! page (10k small queries, each re-planned by SQLite since its statistics depend on the bound
//! id, cost ten times more).
use rusqlite::{CachedStatement, Row};

use super::{Evidence, Membership, Side, Signature, Text, evidence, signature, text};
use crate::error::Result;
use crate::store::Store;

/// A prepared whole-table query whose last column is the key it is ordered by.
pub struct Ordered<'c, T> {
    st: CachedStatement<'c>,
    map: fn(&Row) -> rusqlite::Result<T>,
}

impl<T> Ordered<'_, T> {
    /// Start reading.
    pub fn open(&mut self) -> Result<Merged<'_, T>> {
        let key = self.st.column_count() - 1;
        Ok(Merged {
            rows: self.st.query([])?,
            map: self.map,
            key,
            next: None,
            done: false,
        })
    }
}

/// A query being read key by key.
pub struct Merged<'s, T> {
    rows: rusqlite::Rows<'s>,
    map: fn(&Row) -> rusqlite::Result<T>,
    key: usize,
    next: Option<(String, T)>,
    done: bool,
}

impl<T> Merged<'_, T> {
    /// Hand every row whose key is `key` to `f`, skipping rows of smaller keys. Keys must be
    /// asked for in ascending order.
    pub fn take(&mut self, key: &str, mut f: impl FnMut(T) -> Result<()>) -> Result<()> {
        loop {
            if self.next.is_none() {
                if self.done {
                    return Ok(());
                }
                match self.rows.next()? {
                    Some(r) => self.next = Some((r.get(self.key)?, (self.map)(r)?)),
                    None => {
                        self.done = true;
                        return Ok(());
                    }
                }
            }
            match &self.next {
                Some((k, _)) if k.as_str() > key => return Ok(()),
                Some((k, _)) if k.as_str() < key => self.next = None,
                _ => {
                    if let Some((_, item)) = self.next.take() {
                        f(item)?;
                    }
                }
            }
        }
    }
}

fn ordered<'c, T>(
    store: &'c Store,
    sql: &str,
    map: fn(&Row) -> rusqlite::Result<T>,
) -> Result<Ordered<'c, T>> {
    Ok(Ordered {
        st: store.conn.prepare_cached(sql)?,
        map,
    })
}

const NAMES: &str = "SELECT name, lang, kind, source_id, org_id FROM names ORDER BY org_id, id";
const TITLES: &str =
    "SELECT title, lang, kind, NULL, document_id FROM document_titles ORDER BY document_id, id";

/// Every name form, by organisation.
pub fn names(store: &Store) -> Result<Ordered<'_, Text>> {
    ordered(store, NAMES, text)
}

/// Every printed title, by document.
pub fn titles(store: &Store) -> Result<Ordered<'_, Text>> {
    ordered(store, TITLES, text)
}

const MEMBER_OF: &str = "SELECT 1, m.alliance_id, a.name, m.role, m.start, m.end, m.source_id, m.quote, m.org_id \
     FROM memberships m JOIN organisations a ON a.id = m.alliance_id ORDER BY m.org_id, m.alliance_id, m.role";
const HAS_MEMBER: &str = "SELECT 0, m.org_id, o.name, m.role, m.start, m.end, m.source_id, m.quote, m.alliance_id \
     FROM memberships m JOIN organisations o ON o.id = m.org_id ORDER BY m.alliance_id, m.org_id, m.role";

fn membership(r: &Row) -> rusqlite::Result<Membership> {
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
}

/// The alliances each organisation belongs to (`member_of` = true), by member.
pub fn member_of(store: &Store) -> Result<Ordered<'_, Membership>> {
    ordered(store, MEMBER_OF, membership)
}

/// The members of each alliance, by alliance.
pub fn has_member(store: &Store) -> Result<Ordered<'_, Membership>> {
    ordered(store, HAS_MEMBER, membership)
}

const SIGNED: &str = "SELECT g.document_id, d.title, d.date, g.org_id, o.name, o.country, g.name_as_printed, \
       g.printed_group, g.position, g.signed_on, g.org_id FROM signatures g \
     JOIN documents d ON d.id = g.document_id JOIN organisations o ON o.id = g.org_id \
     ORDER BY g.org_id, d.date, g.document_id";
const SIGNATORIES: &str = "SELECT statement_id, statement, statement_date, org_id, organisation, country, \
       name_as_printed, printed_group, position, signed_on, statement_id FROM signatories \
     ORDER BY statement_id, group_order, position, signature_id";

/// What each organisation signed, by organisation, then date.
pub fn signed(store: &Store) -> Result<Ordered<'_, Signature>> {
    ordered(store, SIGNED, signature)
}

/// Who signed each statement, by statement, in printed groups and printed order.
pub fn signatories_by_doc(store: &Store) -> Result<Ordered<'_, Signature>> {
    ordered(store, SIGNATORIES, signature)
}

const HISTORY: &str = "SELECT org_id, organisation, issue_id, as_of, value, evidence, basis, quote, document_id, \
       document, speaker, note, org_id FROM stance_evidence \
     ORDER BY org_id, issue_id, sort_key, evidence = 'attributed', basis, stance_id, signature_id";
const QUOTED: &str = "SELECT s.org_id, o.name, s.issue_id, s.as_of, s.value, s.evidence, 'words', s.quote, \
       s.document_id, d.title, p.name, s.note, s.document_id FROM stances s \
     JOIN organisations o ON o.id = s.org_id JOIN documents d ON d.id = s.document_id \
     LEFT JOIN people p ON p.id = s.speaker_id ORDER BY s.document_id, s.issue_id, s.as_of, s.org_id, s.id";

/// Every piece of evidence, by organisation, per issue in date order.
pub fn history(store: &Store) -> Result<Ordered<'_, Evidence>> {
    ordered(store, HISTORY, evidence)
}

/// The stances quoted from each document, by document.
pub fn quoted(store: &Store) -> Result<Ordered<'_, Evidence>> {
    ordered(store, QUOTED, evidence)
}

const CHANGED: &str = "SELECT org_id, issue_id FROM stance_evidence WHERE value <> 'none_found' \
     GROUP BY issue_id, org_id HAVING count(DISTINCT value) > 1 ORDER BY issue_id, org_id";

/// The organisations whose evidence on an issue holds more than one value, by issue.
pub fn changed(store: &Store) -> Result<Ordered<'_, String>> {
    ordered(store, CHANGED, |r| r.get(0))
}

const SIDES: &str = "SELECT sp.issue_id, i.title, sp.value, sp.quote, sp.document_id FROM statement_positions sp \
     JOIN issues i ON i.id = sp.issue_id ORDER BY sp.document_id, sp.issue_id";

/// The side each statement takes on each issue, by statement.
pub fn sides(store: &Store) -> Result<Ordered<'_, Side>> {
    let map = |r: &Row| {
        Ok(Side {
            issue_id: r.get(0)?,
            issue: r.get(1)?,
            value: r.get(2)?,
            quote: r.get(3)?,
        })
    };
    ordered(store, SIDES, map)
}

/// Where each organisation's current position differs from an alliance's, by organisation.
pub fn dissent(store: &Store) -> Result<Ordered<'_, super::Dissent>> {
    let map = |r: &Row| {
        // The columns of analysis::DISSENT.
        Ok(super::Dissent {
            alliance_id: r.get(1)?,
            alliance: r.get(8)?,
            issue_id: r.get(2)?,
            value: r.get(3)?,
            as_of: r.get(4)?,
            alliance_value: r.get(5)?,
            alliance_as_of: r.get(6)?,
        })
    };
    ordered(store, crate::store::analysis::DISSENT, map)
}
