//! Organisations: lookup by any name form, listing with filters, names and memberships.
use rusqlite::params;

use super::{Store, query_rows};
use crate::error::Result;
use crate::resolve::sql_lookup;
use crate::rows::Rows;

const BY_ID: &str = "SELECT id, kind, name FROM organisations WHERE id = ?1";
const BY_KEY: &str = "SELECT DISTINCT o.id, o.kind, o.name FROM names n JOIN organisations o ON o.id = n.org_id \
     WHERE n.search_key = ?1 ORDER BY o.id LIMIT 50";
const BY_WORDS: &str = "SELECT DISTINCT o.id, o.kind, o.name FROM names n JOIN organisations o ON o.id = n.org_id \
     WHERE (' ' || n.search_key || ' ') LIKE ('% ' || ?1 || ' %') ORDER BY o.id LIMIT 50";
const ALL_NAMES: &str = "SELECT search_key, name FROM names WHERE search_key IS NOT NULL";

sql_lookup! {
    /// Organisation lookup for `resolve`.
    Orgs, "organisation", ALL_NAMES
}

/// Filters for `orgs`; every one given must hold.
#[derive(Debug, Default)]
pub struct Filter {
    pub kind: Option<String>,
    pub country: Option<String>,
    pub member_of: Option<String>,
    pub signed: Option<String>,
    pub stance_issue: Option<String>,
    pub stance_value: Option<String>,
}

const LIST: &str = "SELECT o.id, o.name, o.kind, o.country, \
       (SELECT group_concat(n.name, ' | ') FROM (SELECT name FROM names WHERE org_id = o.id AND name <> o.name ORDER BY id) n) AS other_names \
     FROM organisations o \
     WHERE (?1 IS NULL OR o.kind = ?1) \
       AND (?2 IS NULL OR o.country = ?2) \
       AND (?3 IS NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = o.id AND m.alliance_id = ?3)) \
       AND (?4 IS NULL OR EXISTS (SELECT 1 FROM signatures g WHERE g.org_id = o.id AND g.document_id = ?4)) \
       AND (?5 IS NULL OR EXISTS (SELECT 1 FROM current_positions c \
         WHERE c.org_id = o.id AND c.issue_id = ?5 AND c.value = ?6)) \
     ORDER BY o.id";

pub fn list(store: &Store, f: &Filter) -> Result<Rows> {
    query_rows(
        store,
        "organisations",
        LIST,
        params![
            f.kind,
            f.country,
            f.member_of,
            f.signed,
            f.stance_issue,
            f.stance_value
        ],
    )
}

const DETAILS: &str =
    "SELECT id, name, kind, country, founded, dissolved, note FROM organisations WHERE id = ?1";
const NAMES: &str =
    "SELECT name, lang, kind, source_id AS source, note FROM names WHERE org_id = ?1 ORDER BY id";
const MEMBERSHIPS: &str = "SELECT 'member of' AS relation, alliance_id AS other_id, alliance AS other, role, start, end, source_id AS source, quote \
     FROM members WHERE org_id = ?1 \
     UNION ALL \
     SELECT 'has member', org_id, organisation, role, start, end, source_id, quote FROM members WHERE alliance_id = ?1 \
     ORDER BY 1 DESC, 2";
const PEOPLE: &str = "SELECT p.id AS person_id, p.name AS person, r.role, r.kind AS role_kind, r.source_id AS source FROM roles r \
     JOIN people p ON p.id = r.person_id WHERE r.org_id = ?1 ORDER BY r.id";

pub fn details(store: &Store, id: &str) -> Result<Rows> {
    query_rows(store, "organisation", DETAILS, [id])
}
pub fn names(store: &Store, id: &str) -> Result<Rows> {
    query_rows(store, "names", NAMES, [id])
}
pub fn memberships(store: &Store, id: &str) -> Result<Rows> {
    query_rows(store, "memberships", MEMBERSHIPS, [id])
}
pub fn people(store: &Store, id: &str) -> Result<Rows> {
    query_rows(store, "people", PEOPLE, [id])
}

const MEMBERS: &str = "SELECT * FROM ( \
     SELECT org_id, organisation, kind, country, role, start, end, source_id AS source, quote FROM members \
     WHERE alliance_id = ?1 \
       AND (?2 IS NULL OR ((start IS NULL OR start <= ?2) AND (end IS NULL OR end >= substr(?2, 1, length(end))))) \
     UNION ALL \
     SELECT NULL, NULL, 'state', country, role, NULL, NULL, source_id, quote FROM country_memberships \
     WHERE bloc_id = ?1) \
     ORDER BY role = 'member', org_id IS NULL, org_id, country";

/// Members of an alliance, optionally those whose membership covers `as_of`; the states in
/// a bloc (country_memberships, undated) come after the organisations, kind `state`.
pub fn members(store: &Store, alliance: &str, as_of: Option<&str>) -> Result<Rows> {
    query_rows(store, "members", MEMBERS, params![alliance, as_of])
}
