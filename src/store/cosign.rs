//! Co-signatures: the statements two organisations both signed, read for `cosign`, `signed
//! --with`, `blocs`, the graph export and the report. The date window is one SQL rule here.
use rusqlite::params;

use super::{Store, query_rows};
use crate::error::Result;
use crate::network::window::Window;
use crate::rows::Rows;

/// A statement `d` falls inside the window given by the parameters `$since` and `$until`
/// (as typed, partial dates allowed): its date, else its not_before / not_after, padded to a
/// full day as the earliest and latest day it may mean ('2022' → 2022-01-01 … 2022-12-31;
/// a month pads to day 31, which compares right as text). An undated statement is outside
/// any bound, as is one whose date is less precise than the bound it straddles.
macro_rules! in_window {
    ($since:literal, $until:literal) => {
        concat!(
            "(",
            $since,
            " IS NULL OR COALESCE(d.date || substr('0000-01-01', length(d.date) + 1), \
               d.not_before || substr('0000-01-01', length(d.not_before) + 1)) \
               >= ",
            $since,
            " || substr('0000-01-01', length(",
            $since,
            ") + 1)) \
             AND (",
            $until,
            " IS NULL OR COALESCE(d.date || substr('9999-12-31', length(d.date) + 1), \
               d.not_after || substr('9999-12-31', length(d.not_after) + 1)) \
               <= ",
            $until,
            " || substr('9999-12-31', length(",
            $until,
            ") + 1))"
        )
    };
}

const PARTNERS: &str = concat!(
    "SELECT p.org_id, o.name, o.kind, o.country, d.id, d.date \
     FROM signatures m JOIN documents d ON d.id = m.document_id \
     JOIN signatures p ON p.document_id = m.document_id AND p.org_id <> m.org_id \
     JOIN organisations o ON o.id = p.org_id \
     WHERE m.org_id = ?1 AND (?4 IS NULL OR o.kind = ?4) AND ",
    in_window!("?2", "?3")
);

/// One signature shared with `org`: the partner (id, name, kind, country) and the statement
/// (id, date).
pub struct Shared {
    pub partner: String,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub statement: String,
    pub date: Option<String>,
}

/// Every signature beside one of `org`'s on a statement in the window, partners of the
/// window's kind only; `each` sees them one at a time.
pub fn shared_with(
    store: &Store,
    org: &str,
    w: &Window,
    mut each: impl FnMut(Shared) -> Result<()>,
) -> Result<()> {
    let mut st = store.conn.prepare_cached(PARTNERS)?;
    let mut rows = st.query(params![org, w.since, w.until, w.kind])?;
    while let Some(r) = rows.next()? {
        each(Shared {
            partner: r.get(0)?,
            name: r.get(1)?,
            kind: r.get(2)?,
            country: r.get(3)?,
            statement: r.get(4)?,
            date: r.get(5)?,
        })?;
    }
    Ok(())
}

const SIGNED_COUNT: &str = concat!(
    "SELECT count(*) FROM signatures m JOIN documents d ON d.id = m.document_id WHERE m.org_id = ?1 AND ",
    in_window!("?2", "?3")
);

/// How many statements in the window `org` signed.
pub fn signed_count(store: &Store, org: &str, w: &Window) -> Result<i64> {
    let mut st = store.conn.prepare_cached(SIGNED_COUNT)?;
    Ok(st.query_row(params![org, w.since, w.until], |r| r.get(0))?)
}

const ALL: &str = concat!(
    "SELECT g.document_id, g.org_id FROM signatures g JOIN documents d ON d.id = g.document_id \
     JOIN organisations o ON o.id = g.org_id WHERE (?1 IS NULL OR o.kind = ?1) AND ",
    in_window!("?2", "?3"),
    " ORDER BY g.document_id, g.org_id"
);

/// Every signature in the window by an organisation of the window's kind, grouped by
/// statement (statement id, organisation id), streamed.
pub fn signatures(
    store: &Store,
    w: &Window,
    mut each: impl FnMut(&str, &str) -> Result<()>,
) -> Result<()> {
    let mut st = store.conn.prepare_cached(ALL)?;
    let mut rows = st.query(params![w.kind, w.since, w.until])?;
    while let Some(r) = rows.next()? {
        let text = |i: usize| -> rusqlite::Result<&str> { Ok(r.get_ref(i)?.as_str()?) };
        let (doc, org) = (text(0)?, text(1)?);
        each(doc, org)?;
    }
    Ok(())
}

/// An organisation as a node: (name, kind, country).
pub type NodeFacts = (String, String, Option<String>);

const NODE: &str = "SELECT name, kind, country FROM organisations WHERE id = ?1";

pub fn node(store: &Store, org: &str) -> Result<NodeFacts> {
    let mut st = store.conn.prepare_cached(NODE)?;
    Ok(st.query_row([org], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?)
}

const TOGETHER: &str = "SELECT a.document_id AS statement_id, d.date AS statement_date, d.title AS statement, \
       a.name_as_printed AS printed_as, b.name_as_printed AS with_printed_as \
     FROM signatures a JOIN signatures b ON b.document_id = a.document_id AND b.org_id = ?2 \
     JOIN documents d ON d.id = a.document_id \
     WHERE a.org_id = ?1 ORDER BY d.date, d.id";

/// The statements `a` and `b` both signed, each with the names they signed under.
pub fn signed_together(store: &Store, a: &str, b: &str) -> Result<Rows> {
    query_rows(store, "signed_together", TOGETHER, params![a, b])
}
