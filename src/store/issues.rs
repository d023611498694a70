//! Issues as a list: each issue with how many organisations currently hold each stance value.
use super::Store;
use crate::error::Result;

/// One issue and its current camps, as (value, organisations) pairs for the values held.
pub struct IssueSummary {
    pub id: String,
    pub title: String,
    pub question: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub counts: Vec<(String, i64)>,
}

/// One row per (issue, value held); an issue nobody holds a position on has one row with a
/// NULL value and a zero count.
const ISSUE_COUNTS: &str = "SELECT i.id, i.title, i.question, i.start, i.end, p.value, count(p.org_id) \
     FROM issues i LEFT JOIN current_positions p ON p.issue_id = i.id \
     GROUP BY i.id, p.value ORDER BY i.id, p.value";

/// Every issue by id, with the number of organisations currently holding each value.
pub fn summaries(store: &Store) -> Result<Vec<IssueSummary>> {
    let mut st = store.conn.prepare_cached(ISSUE_COUNTS)?;
    let mut rows = st.query([])?;
    let mut out: Vec<IssueSummary> = Vec::new();
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        if out.last().is_none_or(|last| last.id != id) {
            out.push(IssueSummary {
                id,
                title: r.get(1)?,
                question: r.get(2)?,
                start: r.get(3)?,
                end: r.get(4)?,
                counts: Vec::new(),
            });
        }
        if let (Some(value), Some(last)) = (r.get::<_, Option<String>>(5)?, out.last_mut()) {
            last.counts.push((value, r.get(6)?));
        }
    }
    Ok(out)
}
