//! The matrix and network queries of the report: every current position as a cell, and the
//! membership and signature links the network drawing is made of.
use rusqlite::Row;

use super::each;
use crate::error::Result;
use crate::store::Store;

/// (org id, name, country, issue id, value) of every current position, by organisation.
const CELLS: &str = "SELECT c.org_id, o.name, o.country, c.issue_id, c.value FROM current_positions c \
     JOIN organisations o ON o.id = c.org_id ORDER BY c.org_id, c.issue_id";

/// One matrix cell: organisation id, its name and country, issue id, current value.
pub type Cell = (String, String, Option<String>, String, String);

pub fn cells(store: &Store, f: impl FnMut(Cell) -> Result<()>) -> Result<()> {
    let map = |r: &Row| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?));
    each(store, CELLS, [], map, f)
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
