//! Fuzz the value parsers against the schema, which has the final word on what may be stored:
//! dates (YYYY, YYYY-MM, a real YYYY-MM-DD) and every vocabulary (src/vocab.rs). The first
//! input byte picks what the rest is tried as. Checked on every execution:
//! - no panic;
//! - a vocabulary word that parses formats back to exactly the text given (parse, then
//!   format, is the identity);
//! - the parser accepts exactly what the schema's CHECK on that column accepts (tried in a
//!   transaction that is rolled back), except for text holding a NUL, which the parsers must
//!   refuse and the schema's GLOB rules do not see (see below).
#![no_main]

use clap::ValueEnum;
use libfuzzer_sys::fuzz_target;
use stancedb::cmd::members::check_date;
use stancedb::store::Store;
use stancedb::vocab::{DocKind, Evidence, NameKind, OrgKind, Role, StanceValue};

fn store() -> &'static Store {
    thread_local! {
        static S: &'static Store =
            Box::leak(Box::new(Store::in_memory().expect("the seeded database")));
    }
    S.with(|s| *s)
}

/// Whether the schema lets `value` be stored in `table.column` of a seeded row (tried, then
/// rolled back). Table and column come from the code (src/vocab.rs), never from the input.
fn schema_accepts(store: &Store, (table, column): (&str, &str), value: &str) -> bool {
    let tx = store.conn().unchecked_transaction().expect("begin");
    let sql = format!(
        "UPDATE {table} SET \"{column}\" = ?1 WHERE rowid = (SELECT min(rowid) FROM {table})"
    );
    let ok = tx.execute(&sql, [value]).is_ok();
    drop(tx);
    ok
}

/// A vocabulary word: parse, format, and the schema, all agree.
fn vocabulary<V: ValueEnum + Copy + std::fmt::Display>(column: (&str, &str), text: &str) {
    let parsed = V::from_str(text, false);
    if let Ok(v) = &parsed {
        assert_eq!(
            v.to_string(),
            text,
            "{text:?} parses but formats differently"
        );
    }
    let stored = schema_accepts(store(), column, text);
    assert_eq!(
        parsed.is_ok(),
        stored,
        "{text:?} for {column:?}: parser says {}, schema says {stored}",
        parsed.is_ok()
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    if text.contains('\0') {
        // SQLite's GLOB stops at a NUL, so the schema's CHECKs accept "2018\0-11-88"; the
        // loader refuses every NUL before a value reaches them (tests/bad_input_files.rs), and
        // a command-line argument cannot hold one. The parsers must refuse it too.
        assert!(
            check_date("--as-of", text).is_err(),
            "a date with a NUL: {text:?}"
        );
        assert!(
            OrgKind::from_str(text, false).is_err(),
            "a word with a NUL: {text:?}"
        );
        return;
    }
    match pick % 8 {
        0 => vocabulary::<OrgKind>(OrgKind::COLUMN, text),
        1 => vocabulary::<NameKind>(NameKind::COLUMN, text),
        2 => vocabulary::<DocKind>(DocKind::COLUMN, text),
        3 => vocabulary::<Role>(Role::COLUMN, text),
        4 => vocabulary::<StanceValue>(StanceValue::COLUMN, text),
        5 => vocabulary::<Evidence>(Evidence::COLUMN, text),
        _ => {
            let parsed = check_date("--as-of", text).is_ok();
            let stored = schema_accepts(store(), ("organisations", "founded"), text);
            assert_eq!(
                parsed, stored,
                "{text:?}: the date parser says {parsed}, the schema says {stored}"
            );
        }
    }
});
