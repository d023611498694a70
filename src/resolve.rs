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

/// The least Jaro-Winkler similarity of a suggestion.
const SUGGEST: f64 = 0.7;

/// How often each ASCII character occurs in `s`; None when `s` holds any other character.
fn ascii_counts(s: &str) -> Option<[u32; 128]> {
    let mut counts = [0u32; 128];
    for b in s.bytes() {
        *counts.get_mut(usize::from(b))? += 1;
    }
    Some(counts)
}

/// Whether `a` (whose counts are `counts`) and `b` may be `SUGGEST` alike: false only when
/// they cannot be. Jaro-Winkler adds its prefix bonus only above 0.7, so reaching 0.7 needs a
/// Jaro similarity of 0.7, which is at most (m/|a| + m/|b| + 1) / 3 with m the matched
/// characters, at most the characters the two have in common. Computing that is linear;
/// Jaro itself is quadratic, and most names share too little with a mistyped one.
fn may_reach(counts: &Option<[u32; 128]>, a: &str, b: &str) -> bool {
    let (Some(ca), Some(cb)) = (counts, ascii_counts(b)) else {
        return true;
    };
    let (la, lb) = (a.len() as f64, b.len() as f64);
    if la == 0.0 || lb == 0.0 {
        return true;
    }
    let common: u32 = ca.iter().zip(cb.iter()).map(|(x, y)| *x.min(y)).sum();
    let m = f64::from(common);
    (m / la + m / lb + 1.0) / 3.0 >= SUGGEST - 1e-9
}

/// `strsim::jaro_winkler`, the same number, computed over bytes when both are ASCII (folded
/// keys always are): strsim walks each string's characters from its start for every character
/// of the other, this looks only inside the match window.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    if !a.is_ascii() || !b.is_ascii() || a.is_empty() || b.is_empty() {
        return strsim::jaro_winkler(a, b);
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let range = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_flags = vec![false; a.len()];
    let mut b_flags = vec![false; b.len()];
    let mut matches = 0usize;
    for (i, &c) in a.iter().enumerate() {
        let hi = b.len().min(i + range + 1);
        for j in i.saturating_sub(range)..hi {
            if !b_flags[j] && b[j] == c {
                a_flags[i] = true;
                b_flags[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut theirs = b.iter().zip(&b_flags).filter(|(_, f)| **f).map(|(c, _)| c);
    let ours = a.iter().zip(&a_flags).filter(|(_, f)| **f).map(|(c, _)| c);
    let transpositions = ours.filter(|c| theirs.next() != Some(c)).count() / 2;
    let m = matches as f64;
    let jaro =
        ((m / a.len() as f64) + (m / b.len() as f64) + ((matches - transpositions) as f64 / m))
            / 3.0;
    if jaro > 0.7 {
        let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
        jaro + 0.1 * prefix as f64 * (1.0 - jaro)
    } else {
        jaro
    }
}

/// The `n` display names whose folded form is nearest to `key` (Jaro-Winkler, best first).
pub fn nearest(key: &str, names: &[(String, String)], n: usize) -> Vec<String> {
    let counts = ascii_counts(key);
    let mut scored: Vec<(f64, &String)> = names
        .iter()
        .filter(|(k, _)| may_reach(&counts, key, k))
        .map(|(k, label)| (jaro_winkler(key, k), label))
        .filter(|(s, _)| *s >= SUGGEST)
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The byte-wise Jaro-Winkler gives strsim's number exactly, on folded keys and on
        /// anything else.
        #[test]
        fn jaro_winkler_is_strsims(a in "[a-e0-2 ]{0,24}", b in "[a-e0-2 ]{0,24}", c in "\\PC{0,8}") {
            prop_assert_eq!(super::jaro_winkler(&a, &b), strsim::jaro_winkler(&a, &b));
            prop_assert_eq!(super::jaro_winkler(&c, &b), strsim::jaro_winkler(&c, &b));
        }

        /// The pre-filter never drops a name that would be suggested.
        #[test]
        fn nearest_skips_no_suggestion(key in "[a-e ]{0,12}", names in proptest::collection::vec("[a-e ]{0,16}", 0..12)) {
            let named: Vec<(String, String)> = names.iter().map(|n| (n.clone(), n.clone())).collect();
            let mut brute: Vec<(f64, &String)> = named
                .iter()
                .map(|(k, l)| (strsim::jaro_winkler(&key, k), l))
                .filter(|(s, _)| *s >= 0.7)
                .collect();
            brute.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            let mut want: Vec<String> = Vec::new();
            for (_, l) in brute {
                if !want.contains(l) {
                    want.push(l.clone());
                }
            }
            want.truncate(3);
            prop_assert_eq!(super::nearest(&key, &named, 3), want);
        }
    }
}
