//! Fuzz name resolution and folding against the seeded database. The first byte picks the
//! lookup (organisation, statement or document, issue) and whether the rest is the query
//! itself or a recipe for disguising a stored name. Checked on every execution:
//! - no panic, and `fold` is idempotent and yields only `[a-z0-9 ]`, one space between words;
//! - the answer is one of three: one match (which resolves back to itself by its id),
//!   ambiguous (at least two distinct candidates), or unknown (at most three suggestions);
//!   a blank query is refused as such;
//! - a stored name disguised by case, spacing and punctuation still folds to the same key,
//!   and resolves to its own record, or to a list of candidates that names it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancedb::error::Error;
use stancedb::fold::fold;
use stancedb::resolve::{Candidate, Lookup, resolve};
use stancedb::store::Store;
use stancedb::store::documents::Documents;
use stancedb::store::orgs::Orgs;
use stancedb::store::stances::Issues;

struct Fixture {
    store: Store,
    /// (kind 0..3, owner id, a stored name form) of every name, title and issue id.
    names: Vec<(u8, String, String)>,
}

/// Built once; libFuzzer runs the target on one thread, and the fixture is only read.
fn fixture() -> &'static Fixture {
    thread_local! {
        static F: &'static Fixture = Box::leak(Box::new(build()));
    }
    F.with(|f| *f)
}

fn build() -> Fixture {
    let store = Store::in_memory().expect("the seeded database");
    let mut names = Vec::new();
    for (kind, sql) in [
        (0u8, "SELECT org_id, name FROM names"),
        (1, "SELECT document_id, title FROM document_titles"),
        (2, "SELECT id, title FROM issues"),
        (2, "SELECT id, id FROM issues"),
    ] {
        let mut st = store.conn().prepare(sql).expect("names");
        let rows = st
            .query_map([], |r| Ok((kind, r.get(0)?, r.get(1)?)))
            .expect("names");
        names.extend(rows.map(|r| r.expect("a name")));
    }
    Fixture { store, names }
}

fn check_fold(s: &str) {
    let k = fold(s);
    assert_eq!(fold(&k), k, "fold is not idempotent on {s:?}");
    assert!(
        k.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' '),
        "fold({s:?}) = {k:?} holds other characters"
    );
    assert!(
        !k.starts_with(' ') && !k.ends_with(' ') && !k.contains("  "),
        "fold({s:?}) = {k:?} is not one space between words"
    );
}

/// The answer to `query`, checked to be one of the three; the ids it names.
fn answer<L: Lookup>(lookup: &L, query: &str) -> Vec<String> {
    match resolve(lookup, query) {
        Ok(c) => {
            let again = resolve(lookup, &c.id).expect("a match resolves by its id");
            assert_eq!(again, c, "{query:?} matched {c:?}; its id gives {again:?}");
            vec![c.id]
        }
        Err(Error::Ambiguous { candidates, .. }) => {
            assert!(candidates.len() >= 2, "ambiguous with {candidates:?}");
            let mut distinct = candidates.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), candidates.len(), "repeated candidates");
            candidates
                .iter()
                .map(|c| c.split(" (").next().unwrap_or_default().to_string())
                .collect()
        }
        Err(Error::NotFound { suggestions, .. }) => {
            assert!(suggestions.len() <= 3, "{} suggestions", suggestions.len());
            Vec::new()
        }
        Err(Error::Input(_)) if query.trim().is_empty() => Vec::new(),
        Err(e) => panic!("{query:?} gave neither a match, candidates nor unknown: {e}"),
    }
}

/// `name` disguised by `recipe`: ASCII case flipped, spaces turned into other separators,
/// punctuation around it — nothing that changes its folded key.
fn disguise(name: &str, recipe: &[u8]) -> String {
    const SEPARATORS: &[&str] = &[" ", "  ", "\t", " - ", "_", "/", " · ", "\u{a0}", "\n"];
    const AROUND: &[&str] = &["", " ", "\"", "«", "(", "“", "—", "."];
    let mut out =
        String::from(AROUND[recipe.first().copied().unwrap_or(0) as usize % AROUND.len()]);
    let mut r = recipe.iter().skip(1).cycle();
    let mut last_space = false;
    for c in name.chars() {
        let b = if recipe.len() > 1 {
            *r.next().unwrap_or(&0)
        } else {
            0
        };
        if c == ' ' {
            if !last_space {
                out.push_str(SEPARATORS[b as usize % SEPARATORS.len()]);
            }
            last_space = true;
            continue;
        }
        last_space = false;
        if c.is_ascii_alphabetic() && b & 1 == 1 {
            out.push(if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            });
        } else {
            out.push(c);
        }
    }
    out.push_str(AROUND[recipe.last().copied().unwrap_or(0) as usize % AROUND.len()]);
    out
}

fn run<L: Lookup>(lookup: &L, kind: u8, disguised: bool, rest: &[u8], f: &Fixture) {
    if !disguised {
        let query = String::from_utf8_lossy(rest);
        check_fold(&query);
        answer(lookup, &query);
        return;
    }
    let ours: Vec<&(u8, String, String)> = f.names.iter().filter(|n| n.0 == kind).collect();
    let Some((&pick, recipe)) = rest.split_first() else {
        return;
    };
    let (_, owner, name) = ours[pick as usize % ours.len()];
    let query = disguise(name, recipe);
    check_fold(&query);
    assert_eq!(
        fold(&query),
        fold(name),
        "{query:?} disguises {name:?} but folds apart"
    );
    if fold(name).is_empty() {
        return;
    }
    // A query that is exactly another record's id means that record.
    if let Ok(Some(Candidate { id, .. })) = lookup.by_id(query.trim()) {
        if &id != owner {
            return;
        }
    }
    let ids = answer(lookup, &query);
    assert!(
        ids.contains(owner),
        "{query:?} (disguising {name:?} of {owner}) resolves to {ids:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let f = fixture();
    let kind = selector % 3;
    let disguised = selector & 0x80 != 0;
    match kind {
        0 => run(&Orgs(&f.store), kind, disguised, rest, f),
        1 => run(&Documents(&f.store), kind, disguised, rest, f),
        _ => run(&Issues(&f.store), kind, disguised, rest, f),
    }
});
