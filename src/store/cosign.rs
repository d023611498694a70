//! Co-signatures: the statements two organisations both signed, read for `cosign`, `signed
//! --with`, `blocs`, the graph export and the report. The date window is one SQL rule here.
use rusqlite::params;

use super::{Store, query_rows};
use crate::error::Result;
use crate::network::window::Window;
use crate::rows::Rows;

/// The first day a partial date `$x` may mean, as text ('2022' → '2022-01-01', '2022-03' →
/// '2022-03-01'); NULL stays NULL.
macro_rules! lo {
    ($x:literal) => {
        concat!("(", $x, " || substr('0000-01-01', length(", $x, ") + 1))")
    };
}
/// The last day a partial date may mean ('2022' → '2022-12-31'; a month pads to day 31,
/// which compares right as text).
macro_rules! hi {
    ($x:literal) => {
        concat!("(", $x, " || substr('9999-12-31', length(", $x, ") + 1))")
    };
}
/// The first and last day a document `d` may be dated: its date, else its not_before /
/// not_after.
macro_rules! doc_lo {
    () => {
        concat!("COALESCE(", lo!("d.date"), ", ", lo!("d.not_before"), ")")
    };
}
macro_rules! doc_hi {
    () => {
        concat!("COALESCE(", hi!("d.date"), ", ", hi!("d.not_after"), ")")
    };
}

/// A statement `d` falls inside the window given by the parameters `$since` and `$until`
/// (as typed, partial dates allowed) when every day it may be dated is inside: an undated
/// statement is outside any bound, as is one whose date is less precise than the bound it
/// straddles.
macro_rules! in_window {
    ($since:literal, $until:literal) => {
        concat!(
            "(",
            $since,
            " IS NULL OR ",
            doc_lo!(),
            " >= ",
            lo!($since),
            ") AND (",
            $until,
            " IS NULL OR ",
            doc_hi!(),
            " <= ",
            hi!($until),
            ")"
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

/// The memberships in alliance `?1` that may cover the period `at(lo, hi)` (`$at` selects it):
/// one a recorded start or end puts outside the period is left out. `member_at_date` says how
/// sure it is: 'yes' (a recorded start before the period, no end or an end after it),
/// 'undated' (no start recorded), 'uncertain' (a recorded date falls inside the period).
macro_rules! members_at {
    ($at:expr) => {
        concat!(
            "WITH at(lo, hi) AS (",
            $at,
            ") \
             SELECT m.org_id, o.name AS organisation, o.kind, m.role, m.start, m.end, \
               CASE WHEN m.start IS NULL THEN 'undated' \
                    WHEN ",
            hi!("m.start"),
            " <= at.lo AND (m.end IS NULL OR ",
            lo!("m.end"),
            " >= at.hi) THEN 'yes' \
                    ELSE 'uncertain' END AS member_at_date, \
               m.source_id AS membership_source \
             FROM memberships m JOIN organisations o ON o.id = m.org_id, at \
             WHERE m.alliance_id = ?1 AND NOT COALESCE(",
            lo!("m.start"),
            " > at.hi, 0) \
               AND NOT COALESCE(",
            hi!("m.end"),
            " < at.lo, 0)"
        )
    };
}

const AT_STATEMENT: &str = concat!(
    "SELECT x.org_id, x.organisation, x.role, x.start, x.end, x.member_at_date, \
       CASE WHEN g.id IS NULL THEN 'no' ELSE 'yes' END AS signed, g.name_as_printed \
     FROM (",
    members_at!(concat!(
        "SELECT ",
        doc_lo!(),
        ", ",
        doc_hi!(),
        " FROM documents d WHERE d.id = ?2"
    )),
    ") x LEFT JOIN signatures g ON g.document_id = ?2 AND g.org_id = x.org_id \
     ORDER BY g.id IS NULL, x.org_id, x.role"
);

/// The members of `alliance` at the date of `statement`, each signed or not; memberships
/// whose recorded dates exclude the statement's date are not listed (a non-member never
/// counts as not signing).
pub fn members_on_statement(store: &Store, alliance: &str, statement: &str) -> Result<Rows> {
    query_rows(store, "members", AT_STATEMENT, params![alliance, statement])
}

const AT_DATE_POSITIONS: &str = concat!(
    "SELECT x.org_id, x.organisation, x.role, x.member_at_date, c.value, c.as_of, c.evidence, \
       c.basis, c.quote, c.document_id \
     FROM (",
    members_at!(concat!("SELECT ", lo!("?2"), ", ", hi!("?2"))),
    ") x LEFT JOIN current_positions_full c ON c.org_id = x.org_id AND c.issue_id = ?3 \
     ORDER BY x.org_id, x.role"
);

/// The members of `alliance` at `date` (a partial date) with their current stance on `issue`.
pub fn members_with_stance(store: &Store, alliance: &str, date: &str, issue: &str) -> Result<Rows> {
    query_rows(
        store,
        "members",
        AT_DATE_POSITIONS,
        params![alliance, date, issue],
    )
}
