//! People who speak for organisations: lookup by any printed name form.
use crate::resolve::sql_lookup;

const BY_ID: &str = "SELECT id, 'person', name FROM people WHERE id = ?1";
const BY_KEY: &str = "SELECT DISTINCT p.id, 'person', p.name FROM person_names n JOIN people p ON p.id = n.person_id \
     WHERE n.search_key = ?1 ORDER BY p.id LIMIT 50";
const BY_WORDS: &str = "SELECT DISTINCT p.id, 'person', p.name FROM person_names n JOIN people p ON p.id = n.person_id \
     WHERE (' ' || n.search_key || ' ') LIKE ('% ' || ?1 || ' %') ORDER BY p.id LIMIT 50";
const ALL_NAMES: &str = "SELECT search_key, name FROM person_names WHERE search_key IS NOT NULL";

sql_lookup! {
    /// Person lookup for `resolve`.
    People, "person", ALL_NAMES
}
