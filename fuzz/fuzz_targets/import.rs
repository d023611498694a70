//! Fuzz the CSV import path against the seeded database, built once. Each execution loads one
//! file inside a transaction that is then rolled back, as `import` does on any problem and
//! `import --dry-run` always does. Checked on every execution:
//! - no panic;
//! - a refusal is bad input (exit 2): problems placed in the file (a line and field, or line
//!   0 for the whole input), one line each, no control character left unescaped;
//! - after the rollback the database is exactly as before: row count and content hash of every
//!   table the load may have touched (the table loaded, every table its triggers write, read
//!   from the schema, the queues, the proofs) and the schema (a load may set a trigger
//!   aside); the full-text index tables (the largest, derived from the others) and
//!   every other table on every 64th execution (sampled);
//! - a load that changed rows passes `PRAGMA foreign_key_check`; the stored positions equal
//!   the `current_stances` view (the triggers keep them exact inside the transaction) after
//!   every load into a table that holds evidence (stances, signatures, statement positions,
//!   documents, whose dates date it), and after every 16th load into another table, which
//!   must leave the stored positions as they were (checked every time);
//!   `PRAGMA integrity_check` runs on every 32nd changing load (it costs several loads).
#![no_main]

use std::sync::{Mutex, MutexGuard, OnceLock};

use libfuzzer_sys::{fuzz_mutator, fuzz_target};
use stancedb::error::{EXIT_INPUT, Error};
use stancedb::problem::Source;
use stancedb::store::{Store, load, tables};
use stancedb_fuzz::fingerprint::{self, Print};
use stancedb_fuzz::{import_input, mutator, stats_wanted, tokens};

struct Fixture {
    store: Store,
    /// The fingerprint of every table, taken once.
    baseline: Vec<(String, Print)>,
    /// Per loadable table, the tables a load into it may touch (indexes into `baseline`).
    touched: Vec<(&'static str, Vec<usize>)>,
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
    /// Changing loads into tables that hold no evidence.
    other: u64,
}

fn fixture() -> MutexGuard<'static, Fixture> {
    static F: OnceLock<Mutex<Fixture>> = OnceLock::new();
    F.get_or_init(|| {
        let store = Store::in_memory().expect("the seeded database");
        let conn = store.conn();
        // Room for every statement an execution prepares (the loader's, the fingerprints'),
        // so none is compiled twice.
        conn.set_prepared_statement_cache_capacity(256);
        let all = fingerprint::all_tables(conn).expect("tables");
        let baseline: Vec<(String, Print)> = all
            .iter()
            .map(|t| (t.clone(), fingerprint::of(conn, t).expect("fingerprint")))
            .collect();
        let index = fingerprint::index_tables(conn).expect("index tables");
        let touched = tables::TABLES
            .iter()
            .map(|t| {
                let names = fingerprint::touched_by(conn, t).expect("triggers");
                let at = names
                    .iter()
                    .filter(|n| !index.contains(n))
                    .filter_map(|n| all.iter().position(|a| a == n))
                    .collect();
                (*t, at)
            })
            .collect();
        let tokens = tokens::gather(conn).expect("tokens");
        Mutex::new(Fixture {
            store,
            baseline,
            touched,
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

/// Tables whose rows are evidence, or date it: a load into one may change stored positions.
const EVIDENCE: &[&str] = &["stances", "signatures", "statement_positions", "documents"];

fn positions_match(conn: &rusqlite::Connection) -> bool {
    let sql = format!(
        "WITH v AS MATERIALIZED (SELECT {c} FROM current_stances) \
         SELECT (SELECT count(*) FROM (SELECT {c} FROM current_positions EXCEPT SELECT {c} FROM v)) \
              + (SELECT count(*) FROM (SELECT {c} FROM v EXCEPT SELECT {c} FROM current_positions))",
        c = POSITION_COLUMNS
    );
    let differ: i64 = conn
        .prepare_cached(&sql)
        .and_then(|mut st| st.query_row([], |r| r.get(0)))
        .expect("compare positions");
    differ == 0
}

/// Stored positions = the view after a load into an evidence table; after a load into
/// another, the stored positions are unchanged (and = the view, sampled).
fn check_positions(
    baseline: &[(String, Print)],
    stats: &mut Stats,
    conn: &rusqlite::Connection,
    table: &str,
) {
    let evidence = EVIDENCE.contains(&table);
    if !evidence {
        stats.other += 1;
        let (_, before) = baseline
            .iter()
            .find(|(t, _)| t == "current_positions")
            .expect("a baseline of current_positions");
        let now = fingerprint::of(conn, "current_positions").expect("fingerprint");
        assert_eq!(
            now, *before,
            "a load into {table} changed the stored positions"
        );
    }
    if evidence || stats.other % 16 == 1 {
        assert!(
            positions_match(conn),
            "stored positions differ from current_stances after a load into {table}"
        );
    }
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
                    if self.stats.changed % 32 == 1 {
                        let ok: String = tx
                            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                            .expect("integrity_check");
                        assert_eq!(ok, "ok", "integrity_check after a load");
                    }
                    check_positions(&self.baseline, &mut self.stats, &tx, input.table);
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

    /// The tables a load into `table` may touch are as they were; every 64th execution,
    /// every table.
    fn assert_unchanged(&self, table: &str) {
        let every = self.stats.runs % 64 == 0;
        let touched = &self
            .touched
            .iter()
            .find(|(t, _)| *t == table)
            .expect("a loadable table")
            .1;
        for (i, (t, before)) in self.baseline.iter().enumerate() {
            if every || touched.contains(&i) {
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
