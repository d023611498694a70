//! Turning what a user typed (an id or any name form, in any script) into one record:
//! exact id, then exact folded name, then whole-word containment; otherwise an error that
//! lists the candidates (ambiguous) or the nearest names (unknown).
use crate::error::{Error, Result};
use crate::fold::fold;

/// One record a query may mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    pub kind: String,
    pub label: String,
}

impl Candidate {
    fn describe(&self) -> String {
        format!("{} ({}, {})", self.id, self.kind, self.label)
    }
}

/// Where a kind of record is looked up.
pub trait Lookup {
    /// The noun used in messages ("organisation", "statement", "issue").
    const NOUN: &'static str;
    fn by_id(&self, id: &str) -> Result<Option<Candidate>>;
    /// Records one of whose names folds to exactly `key`.
    fn by_key(&self, key: &str) -> Result<Vec<Candidate>>;
    /// Records one of whose folded names contains `key` as whole words.
    fn by_words(&self, key: &str) -> Result<Vec<Candidate>>;
    /// (folded name, display name) of every name, for suggestions.
    fn all_names(&self) -> Result<Vec<(String, String)>>;
}

/// A lookup whose four questions are SQL statements (`?1` = the id or folded key; each
/// yields id, kind, label — or key, label for `ALL_NAMES`).
pub trait SqlLookup {
    const NOUN: &'static str;
    const BY_ID: &'static str;
    const BY_KEY: &'static str;
    const BY_WORDS: &'static str;
    const ALL_NAMES: &'static str;
    fn conn(&self) -> &rusqlite::Connection;
}

/// Declares `pub struct $name<'a>(pub &'a Store)`, a [`SqlLookup`] asking the SQL constants
/// `BY_ID`, `BY_KEY`, `BY_WORDS` and `$all_names` of the module that invokes it.
macro_rules! sql_lookup {
    ($(#[$meta:meta])* $name:ident, $noun:literal, $all_names:ident) => {
        $(#[$meta])*
        pub struct $name<'a>(pub &'a $crate::store::Store);

        impl $crate::resolve::SqlLookup for $name<'_> {
            const NOUN: &'static str = $noun;
            const BY_ID: &'static str = BY_ID;
            const BY_KEY: &'static str = BY_KEY;
            const BY_WORDS: &'static str = BY_WORDS;
            const ALL_NAMES: &'static str = $all_names;
            fn conn(&self) -> &rusqlite::Connection {
                &self.0.conn
            }
        }
    };
}
pub(crate) use sql_lookup;

fn candidates(conn: &rusqlite::Connection, sql: &str, key: &str) -> Result<Vec<Candidate>> {
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map([key], |r| {
        Ok(Candidate {
            id: r.get(0)?,
            kind: r.get(1)?,
            label: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl<T: SqlLookup> Lookup for T {
    const NOUN: &'static str = T::NOUN;
    fn by_id(&self, id: &str) -> Result<Option<Candidate>> {
        Ok(candidates(self.conn(), T::BY_ID, id)?.into_iter().next())
    }
    fn by_key(&self, key: &str) -> Result<Vec<Candidate>> {
        candidates(self.conn(), T::BY_KEY, key)
    }
    fn by_words(&self, key: &str) -> Result<Vec<Candidate>> {
        candidates(self.conn(), T::BY_WORDS, key)
    }
    fn all_names(&self) -> Result<Vec<(String, String)>> {
        let mut st = self.conn().prepare_cached(T::ALL_NAMES)?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Resolve `query` to exactly one record.
pub fn resolve<L: Lookup>(lookup: &L, query: &str) -> Result<Candidate> {
    let q = query.trim();
    if q.is_empty() {
        return Err(Error::input(format!("empty {} name", L::NOUN)));
    }
    if let Some(c) = lookup.by_id(q)? {
        return Ok(c);
    }
    let key = fold(q);
    if key.is_empty() {
        return Err(not_found::<L>(lookup, q, &key));
    }
    for found in [lookup.by_key(&key)?, lookup.by_words(&key)?] {
        match found.len() {
            0 => continue,
            1 => return Ok(found.into_iter().next().expect("one")),
            _ => {
                return Err(Error::Ambiguous {
                    kind: L::NOUN,
                    query: q.to_string(),
                    candidates: found.iter().map(Candidate::describe).collect(),
                });
            }
        }
    }
    Err(not_found::<L>(lookup, q, &key))
}

fn not_found<L: Lookup>(lookup: &L, q: &str, key: &str) -> Error {
    let suggestions = lookup
        .all_names()
        .map(|names| nearest(key, &names, 3))
        .unwrap_or_default();
    Error::NotFound {
        kind: L::NOUN,
        query: q.to_string(),
        suggestions,
    }
}

/// The `n` display names whose folded form is nearest to `key` (Jaro-Winkler, best first).
pub fn nearest(key: &str, names: &[(String, String)], n: usize) -> Vec<String> {
    let mut scored: Vec<(f64, &String)> = names
        .iter()
        .map(|(k, label)| (strsim::jaro_winkler(key, k), label))
        .filter(|(s, _)| *s >= 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, label) in scored {
        if !out.contains(label) {
            out.push(label.clone());
        }
        if out.len() == n {
            break;
        }
    }
    out
}
