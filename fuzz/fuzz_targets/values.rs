//! Fuzz the value parsers against the schema, which is the final word on what may be stored:
//! dates (YYYY, YYYY-MM, a real YYYY-MM-DD) and the vocabularies of the schema's CHECK rules.
//! The first input byte picks what the rest is tried as. Checked on every execution:
//! - no panic;
//! - a date the parser accepts is one the schema accepts, and the other way round.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancedb::cmd::members::check_date;
use stancedb::store::Store;

fn store() -> &'static Store {
    thread_local! {
        static S: &'static Store = Box::leak(Box::new(Store::in_memory().expect("the seeded database")));
    }
    S.with(|s| *s)
}

/// Whether the schema lets `value` be stored in `organisations.founded` (tried, rolled back).
fn schema_accepts_date(store: &Store, value: &str) -> bool {
    let tx = store.conn().unchecked_transaction().expect("begin");
    let ok = tx
        .execute(
            "UPDATE organisations SET founded = ?1 WHERE rowid = (SELECT min(rowid) FROM organisations)",
            [value],
        )
        .is_ok();
    drop(tx);
    ok
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let store = store();
    let parsed = check_date("--as-of", text).is_ok();
    let stored = schema_accepts_date(store, text);
    assert_eq!(
        parsed, stored,
        "{text:?}: parser says {parsed}, schema says {stored}"
    );
});
