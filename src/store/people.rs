//! People who speak for organisations: lookup by any printed name form.
use super::Store;
use crate::error::Result;
use crate::resolve::{Candidate, Lookup};

const BY_ID: &str = "SELECT id, 'person', name FROM people WHERE id = ?1";
const BY_KEY: &str = "SELECT DISTINCT p.id, 'person', p.name FROM person_names n JOIN people p ON p.id = n.person_id \
     WHERE n.search_key = ?1 ORDER BY p.id LIMIT 50";
const BY_WORDS: &str = "SELECT DISTINCT p.id, 'person', p.name FROM person_names n JOIN people p ON p.id = n.person_id \
     WHERE (' ' || n.search_key || ' ') LIKE ('% ' || ?1 || ' %') ORDER BY p.id LIMIT 50";
const ALL_NAMES: &str = "SELECT search_key, name FROM person_names WHERE search_key IS NOT NULL";

/// Person lookup for `resolve`.
pub struct People<'a>(pub &'a Store);

fn candidates(store: &Store, sql: &str, key: &str) -> Result<Vec<Candidate>> {
    let mut st = store.conn.prepare_cached(sql)?;
    let rows = st.query_map([key], |r| {
        Ok(Candidate {
            id: r.get(0)?,
            kind: r.get(1)?,
            label: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Lookup for People<'_> {
    const NOUN: &'static str = "person";
    fn by_id(&self, id: &str) -> Result<Option<Candidate>> {
        Ok(candidates(self.0, BY_ID, id)?.into_iter().next())
    }
    fn by_key(&self, key: &str) -> Result<Vec<Candidate>> {
        candidates(self.0, BY_KEY, key)
    }
    fn by_words(&self, key: &str) -> Result<Vec<Candidate>> {
        candidates(self.0, BY_WORDS, key)
    }
    fn all_names(&self) -> Result<Vec<(String, String)>> {
        let mut st = self.0.conn.prepare_cached(ALL_NAMES)?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
