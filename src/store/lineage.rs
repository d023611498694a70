//! Lineage: the successions between organisations (renamed, split from, merged into,
//! succeeded by), read both ways for an organisation's page.
use super::{Store, query_rows};
use crate::error::Result;
use crate::rows::Rows;

/// Both directions: what happened to the organisation (`org_id` = it), then what other
/// organisations did to or from it (`other_id` = it), oldest first, undated last.
const OF_ORG: &str = "SELECT * FROM ( \
     SELECT CASE s.kind WHEN 'renamed' THEN 'renamed' WHEN 'split_from' THEN 'split from' \
                        WHEN 'merged_into' THEN 'merged into' ELSE 'succeeded by' END AS lineage, \
            s.other_id, o.name AS other, s.date, s.name_before, s.name_after, \
            s.source_id AS source, s.quote \
     FROM successions s LEFT JOIN organisations o ON o.id = s.other_id WHERE s.org_id = ?1 \
     UNION ALL \
     SELECT CASE s.kind WHEN 'split_from' THEN 'had split off' WHEN 'merged_into' THEN 'absorbed' \
                        ELSE 'succeeded' END, \
            s.org_id, o.name, s.date, NULL, NULL, s.source_id, s.quote \
     FROM successions s JOIN organisations o ON o.id = s.org_id WHERE s.other_id = ?1) \
     ORDER BY date IS NULL, date, lineage, other_id";

/// An organisation's lineage, both ways.
pub fn of_org(store: &Store, id: &str) -> Result<Rows> {
    query_rows(store, "lineage", OF_ORG, [id])
}
