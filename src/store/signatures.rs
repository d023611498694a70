//! Signatures: who signed a statement, as printed.
use rusqlite::params;

use super::{Store, query_rows};
use crate::error::Result;
use crate::rows::Rows;

const SIGNATORIES: &str = "SELECT printed_group AS \"group\", position, name_as_printed, org_id, organisation, country, signed_on \
     FROM signatories WHERE statement_id = ?1 AND (?2 IS NULL OR printed_group = ?2 COLLATE NOCASE) \
     ORDER BY group_order, position, signature_id";

/// Who signed `statement`, in printed order; only group `group` when given.
pub fn signatories(store: &Store, statement: &str, group: Option<&str>) -> Result<Rows> {
    query_rows(store, "signatories", SIGNATORIES, params![statement, group])
}

const GROUPS: &str = "SELECT DISTINCT printed_group FROM signatures WHERE document_id = ?1 AND printed_group IS NOT NULL ORDER BY 1";

/// The printed groups of a statement (for error messages).
pub fn groups(store: &Store, statement: &str) -> Result<Vec<String>> {
    let mut st = store.conn.prepare_cached(GROUPS)?;
    let rows = st.query_map([statement], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const SIGNED_BY: &str = "SELECT org_id FROM signatures WHERE document_id = ?1 ORDER BY id";

/// The organisations that signed `statement`.
pub fn signers(store: &Store, statement: &str) -> Result<Vec<String>> {
    let mut st = store.conn.prepare_cached(SIGNED_BY)?;
    let rows = st.query_map([statement], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
