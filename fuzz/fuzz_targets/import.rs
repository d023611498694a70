//! Fuzz the CSV import path against the seeded database, built once. Each execution loads one
//! file inside a transaction that is then rolled back, as `import` does on any problem and
//! `import --dry-run` always does. Checked on every execution:
//! - no panic;
//! - a refusal is bad input (exit 2): problems placed in the file (a line and field, or line
//!   0 for the whole input), one line each, no control character left unescaped;
//! - a refused load leaves the database exactly as before: row count and content hash of the
//!   table loaded, the stale marks, the stored positions and the schema (a load sets a trigger
//!   aside);
//! - a load that changed rows passes `PRAGMA foreign_key_check`, and, after the stale
//!   positions are recomputed, the stored positions equal the `current_stances` view;
//!   `PRAGMA integrity_check` runs on every 8th such load (it costs more than the load).
#![no_main]

use std::sync::{Mutex, MutexGuard, OnceLock};

use libfuzzer_sys::{fuzz_mutator, fuzz_target};
use stancedb::error::{EXIT_INPUT, Error};
use stancedb::problem::Source;
use stancedb::store::{Store, analysis, load, tables};
use stancedb_fuzz::fingerprint::{self, ALWAYS, Print};
use stancedb_fuzz::{import_input, mutator, stats_wanted, tokens};

struct Fixture {
    store: Store,
    /// The fingerprint of every table a load may touch, taken once.
    baseline: Vec<(&'static str, Print)>,
    tokens: tokens::Tokens,
    stats: Stats,
}

/// How far inputs get: refused at the header (line 1 only), refused at a row, loaded.
#[derive(Default)]
struct Stats {
    runs: u64,
    header: u64,
    rows: u64,
    loaded: u64,
    changed: u64,
}

fn fixture() -> MutexGuard<'static, Fixture> {
    static F: OnceLock<Mutex<Fixture>> = OnceLock::new();
    F.get_or_init(|| {
        let store = Store::in_memory().expect("the seeded database");
        let mut baseline = Vec::new();
        for t in tables::TABLES.iter().chain(ALWAYS) {
            baseline.push((*t, fingerprint::of(store.conn(), t).expect("fingerprint")));
        }
        let tokens = tokens::gather(store.conn()).expect("tokens");
        Mutex::new(Fixture {
            store,
            baseline,
            tokens,
            stats: Stats::default(),
        })
    })
    .lock()
    .unwrap_or_else(|e| e.into_inner())
}

/// Every problem is on its own line, placed in the file, free of raw control characters.
fn check_refusal(e: &Error) {
    assert_eq!(e.exit_code(), EXIT_INPUT, "not reported as bad input: {e}");
    let Error::Problems(report) = e else {
        panic!("a refusal that is not a list of problems: {e}");
    };
    assert!(
        matches!(&report.source, Source::File(f) if f == "fuzz.csv"),
        "problems not placed in the file: {e}"
    );
    assert!(!report.shown.is_empty(), "a refusal without a problem");
    // Line 0 is the whole input's problem; any other is placed at a field.
    for p in &report.shown {
        assert!(p.line == 0 || p.column >= 1, "unplaced: {p:?}");
    }
    for line in report.lines() {
        assert!(
            !line.chars().any(char::is_control),
            "control character in the message: {line:?}"
        );
    }
}

fn only_header_problems(e: &Error) -> bool {
    match e {
        Error::Problems(report) => report.shown.iter().all(|p| p.line <= 1),
        _ => false,
    }
}

const POSITION_COLUMNS: &str =
    "org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id";

fn positions_match(conn: &rusqlite::Connection) -> bool {
    let sql = format!(
        "SELECT count(*) FROM (SELECT {c} FROM current_positions EXCEPT SELECT {c} FROM current_stances \
         UNION ALL SELECT {c} FROM current_stances EXCEPT SELECT {c} FROM current_positions)",
        c = POSITION_COLUMNS
    );
    let differ: i64 = conn
        .query_row(&sql, [], |r| r.get(0))
        .expect("compare positions");
    differ == 0
}

impl Fixture {
    fn run(&mut self, data: &[u8]) {
        let input = import_input::parse(data);
        let conn = self.store.conn();
        let tx = conn.unchecked_transaction().expect("begin");
        let result = load::load_csv(&tx, input.table, "fuzz.csv", input.csv, input.on_conflict);
        self.stats.runs += 1;
        match result {
            Err(e) => {
                check_refusal(&e);
                if only_header_problems(&e) {
                    self.stats.header += 1;
                } else {
                    self.stats.rows += 1;
                }
                drop(tx);
                self.assert_unchanged(input.table);
            }
            Ok(report) => {
                self.stats.loaded += 1;
                tables::refresh_search_keys(&tx).expect("search keys");
                if report.inserted + report.replaced > 0 {
                    self.stats.changed += 1;
                    let broken: i64 = tx
                        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                            r.get(0)
                        })
                        .expect("foreign_key_check");
                    assert_eq!(broken, 0, "a load broke a reference");
                    if self.stats.changed % 8 == 1 {
                        let ok: String = tx
                            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                            .expect("integrity_check");
                        assert_eq!(ok, "ok", "integrity_check after a load");
                    }
                    analysis::refresh(&tx).expect("refresh positions");
                    assert!(
                        positions_match(&tx),
                        "stored positions differ from current_stances after a load into {}",
                        input.table
                    );
                }
                drop(tx);
                self.assert_unchanged(input.table);
            }
        }
        if stats_wanted() && self.stats.runs.is_power_of_two() {
            let s = &self.stats;
            eprintln!(
                "stats: {} runs: {} refused at the header, {} at a row, {} loaded ({} changing rows)",
                s.runs, s.header, s.rows, s.loaded, s.changed
            );
        }
    }

    /// The table loaded and the tables every load may touch are as they were.
    fn assert_unchanged(&self, table: &str) {
        for (t, before) in &self.baseline {
            if *t == table || ALWAYS.contains(t) {
                let now = fingerprint::of(self.store.conn(), t).expect("fingerprint");
                assert_eq!(
                    now, *before,
                    "{t} changed after a rolled-back load into {table}"
                );
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    fixture().run(data);
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let f = fixture();
    mutator::mutate(data, size, max_size, seed, &f.tokens, &mut |d, s, m| {
        libfuzzer_sys::fuzzer_mutate(d, s, m)
    })
});
