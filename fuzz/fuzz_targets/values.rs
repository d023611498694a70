//! Fuzz the value parsers against the schema, which has the final word on what may be stored:
//! partial dates and country codes (src/values.rs) and every vocabulary (src/vocab.rs). The
//! first input byte picks what the rest is tried as. Checked on every execution:
//! - no panic;
//! - what parses formats back to exactly the text given (parse, then format, is the
//!   identity);
//! - what parses, the schema's CHECK on that column accepts (tried in a transaction that is
//!   rolled back); what does not parse, it refuses — except dates in year 0000, which the
//!   schema's pattern lets through and the parser, which wants a real calendar date, does not;
//! - text holding a NUL is refused by every parser and by the schema (its GLOB rules stop at
//!   a NUL; migration V15 refuses a NUL in every GLOB-checked column).
#![no_main]

use clap::ValueEnum;
use libfuzzer_sys::fuzz_target;
use stancedb::store::Store;
use stancedb::values::{Country, PartialDate};
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

/// A date: parse, format, and the schema agree (the schema also takes year 0000).
fn date(text: &str) {
    let parsed = PartialDate::parse(text);
    if let Ok(d) = &parsed {
        assert_eq!(
            d.to_string(),
            text,
            "{text:?} parses but formats differently"
        );
    }
    let stored = schema_accepts(store(), ("organisations", "founded"), text);
    let year_zero = text.starts_with("0000");
    assert!(
        parsed.is_ok() == stored || (stored && year_zero),
        "{text:?}: the date parser says {}, the schema says {stored}",
        parsed.is_ok()
    );
}

/// A country code: parse, format, and the schema agree.
fn country(text: &str) {
    let parsed = Country::parse(text);
    if let Ok(c) = &parsed {
        assert_eq!(c.as_str(), text, "{text:?} parses but formats differently");
    }
    let stored = schema_accepts(store(), ("organisations", "country"), text);
    assert_eq!(
        parsed.is_ok(),
        stored,
        "{text:?}: the country parser says {}, the schema says {stored}",
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
        // SQLite's GLOB stops at a NUL, so the CHECKs alone accepted "2018\0-11-88"
        // (tests/fuzz_regressions.rs); V15's triggers refuse it, the parsers must too.
        assert!(
            PartialDate::parse(text).is_err(),
            "a date with a NUL: {text:?}"
        );
        assert!(
            !schema_accepts(store(), ("organisations", "founded"), text),
            "the schema takes a date with a NUL: {text:?}"
        );
        assert!(
            Country::parse(text).is_err(),
            "a country with a NUL: {text:?}"
        );
        assert!(
            !schema_accepts(store(), ("organisations", "country"), text),
            "the schema takes a country with a NUL: {text:?}"
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
        6 => date(text),
        _ => country(text),
    }
});
