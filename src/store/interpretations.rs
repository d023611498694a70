//! Interpretations: the rows that rest on a reading of their source rather than its plain
//! words, each pointing at its decision (seed/DECISIONS.md) in one table.
use super::{Store, query_rows};
use crate::error::Result;
use crate::rows::Rows;

/// Every row resting on an interpretation, what it records, its decision and the alternative
/// reading; by decision number. `what` is NULL when the row no longer exists.
const ALL: &str = "SELECT i.decision_id AS decision, i.tbl AS \"table\", i.row_id AS row, \
     CASE i.tbl \
       WHEN 'stances' THEN (SELECT org_id || ' / ' || issue_id || ': ' || value || ' (' || as_of || ', ' || document_id || ')' FROM stances WHERE id = CAST(i.row_id AS INTEGER)) \
       WHEN 'names' THEN (SELECT org_id || ': ' || name FROM names WHERE id = CAST(i.row_id AS INTEGER)) \
       WHEN 'roles' THEN (SELECT person_id || ' / ' || org_id || ': ' || role FROM roles WHERE id = CAST(i.row_id AS INTEGER)) \
       WHEN 'memberships' THEN (SELECT org_id || ' in ' || alliance_id || ': ' || role FROM memberships WHERE id = CAST(i.row_id AS INTEGER)) \
       WHEN 'country_memberships' THEN (SELECT country || ' in ' || bloc_id || ': ' || role FROM country_memberships WHERE id = CAST(i.row_id AS INTEGER)) \
       WHEN 'document_people' THEN (SELECT document_id || ': ' || person_id || ' (' || role || ')' FROM document_people WHERE id = CAST(i.row_id AS INTEGER)) \
       WHEN 'successions' THEN (SELECT org_id || ' ' || kind || COALESCE(' ' || other_id, '') FROM successions WHERE id = CAST(i.row_id AS INTEGER)) \
       WHEN 'signatures' THEN (SELECT document_id || ': ' || org_id FROM signatures WHERE id = CAST(i.row_id AS INTEGER)) \
       WHEN 'statement_positions' THEN (SELECT document_id || ' / ' || issue_id || ': ' || value FROM statement_positions WHERE id = CAST(i.row_id AS INTEGER)) \
       WHEN 'person_names' THEN (SELECT person_id || ': ' || name FROM person_names WHERE id = CAST(i.row_id AS INTEGER)) \
       WHEN 'document_titles' THEN (SELECT document_id || ': ' || title FROM document_titles WHERE id = CAST(i.row_id AS INTEGER)) \
       WHEN 'document_copies' THEN (SELECT document_id || ': ' || file FROM document_copies WHERE id = CAST(i.row_id AS INTEGER)) \
       WHEN 'organisations' THEN (SELECT name || COALESCE(' (' || country || ')', '') FROM organisations WHERE id = i.row_id) \
       WHEN 'documents' THEN (SELECT title || COALESCE(' [' || not_before || ' – ' || not_after || ']', '') FROM documents WHERE id = i.row_id) \
       WHEN 'people' THEN (SELECT name FROM people WHERE id = i.row_id) \
       WHEN 'issues' THEN (SELECT title FROM issues WHERE id = i.row_id) \
     END AS what, \
     i.note AS alternative \
     FROM interpretations i \
     ORDER BY CAST(substr(i.decision_id, 2) AS INTEGER), i.tbl, CAST(i.row_id AS INTEGER), i.row_id";

/// Every row that rests on an interpretation, with its decision id.
pub fn all(store: &Store) -> Result<Rows> {
    query_rows(store, "interpretations", ALL, [])
}
