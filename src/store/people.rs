//! People who speak for organisations: lookup by any printed name form.
use super::Store;
use crate::resolve::SqlLookup;

const BY_ID: &str = "SELECT id, 'person', name FROM people WHERE id = ?1";
const BY_KEY: &str = "SELECT DISTINCT p.id, 'person', p.name FROM person_names n JOIN people p ON p.id = n.person_id \
     WHERE n.search_key = ?1 ORDER BY p.id LIMIT 50";
const BY_WORDS: &str = "SELECT DISTINCT p.id, 'person', p.name FROM person_names n JOIN people p ON p.id = n.person_id \
     WHERE (' ' || n.search_key || ' ') LIKE ('% ' || ?1 || ' %') ORDER BY p.id LIMIT 50";
const ALL_NAMES: &str = "SELECT search_key, name FROM person_names WHERE search_key IS NOT NULL";

/// Person lookup for `resolve`.
pub struct People<'a>(pub &'a Store);

impl SqlLookup for People<'_> {
    const NOUN: &'static str = "person";
    const BY_ID: &'static str = BY_ID;
    const BY_KEY: &'static str = BY_KEY;
    const BY_WORDS: &'static str = BY_WORDS;
    const ALL_NAMES: &'static str = ALL_NAMES;
    fn conn(&self) -> &rusqlite::Connection {
        &self.0.conn
    }
}
