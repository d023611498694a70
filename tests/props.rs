//! Property tests: the name normaliser, the quote matcher and the CSV load path never panic
//! and keep their promises on arbitrary input.
use proptest::prelude::*;
use stancedb::fold::fold;
use stancedb::quotes::Haystack;
use stancedb::store::load::{OnConflict, Options, load_csv};
use stancedb::store::tables::{self, TABLES};

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn fold_is_idempotent_and_lookup_safe(s in "\\PC{0,60}") {
        let k = fold(&s);
        prop_assert_eq!(fold(&k), k.clone());
        prop_assert!(k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' '));
        prop_assert!(!k.starts_with(' ') && !k.ends_with(' ') && !k.contains("  "));
    }

    #[test]
    fn fold_ignores_case_and_surrounding_space(s in "[a-zA-Zа-яА-ЯÀ-ÿ ]{0,40}") {
        prop_assert_eq!(fold(&s.to_uppercase()), fold(&format!("  {}  ", s.to_lowercase())));
    }

    #[test]
    // A piece is whole words holding at least two letters: what the whole-word proof rule
    // (src/quotes/words.rs) lets prove.
    fn a_text_contains_every_piece_of_itself(words in proptest::collection::vec("[a-zA-Z]{2}[a-zA-Z’“”-]{0,6}", 1..20), a in 0usize..20, b in 0usize..20) {
        let text = words.join(" ");
        let h = Haystack::new(&text);
        let (a, b) = (a.min(words.len() - 1), b.min(words.len() - 1));
        let (lo, hi) = (a.min(b), a.max(b));
        let piece = words[lo..=hi].join("\n  ");
        prop_assert!(h.contains(&piece));
    }

    #[test]
    fn loading_arbitrary_bytes_never_panics_and_leaves_nothing_on_error(bytes in proptest::collection::vec(any::<u8>(), 0..400), t in 0usize..TABLES.len()) {
        let mut store = stancedb::Store::in_memory_empty().unwrap();
        let table = tables::table(TABLES[t]).unwrap();
        let conn = store_conn(&mut store);
        let tx = conn.transaction().unwrap();
        let result = load_csv(&tx, table, "fuzz.csv", &bytes[..], Options::new(OnConflict::Error));
        drop(tx); // roll back either way
        let _ = result;
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        prop_assert_eq!(n, 0);
    }

    #[test]
    fn header_plus_arbitrary_rows_never_panics(rows in proptest::collection::vec(proptest::collection::vec("\\PC{0,12}", 0..9), 0..6)) {
        let mut store = stancedb::Store::in_memory_empty().unwrap();
        let conn = store_conn(&mut store);
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["id", "name", "kind", "country", "founded", "dissolved", "note"]).unwrap();
        for r in &rows {
            let _ = w.write_record(r);
        }
        let data = w.into_inner().unwrap();
        let tx = conn.transaction().unwrap();
        let _ = load_csv(&tx, "organisations", "rows.csv", &data[..], Options::new(OnConflict::Error));
    }
}

fn store_conn(store: &mut stancedb::Store) -> &mut rusqlite::Connection {
    store.conn_mut()
}

/// A `Write` into a shared buffer, for the boxed writers the export sinks take.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
impl std::io::Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn export_table(conn: &rusqlite::Connection, table: &'static str) -> Vec<u8> {
    use stancedb::output::encode::Delimited;
    use stancedb::store::export::{Selection, stream};
    let buf = Shared::default();
    let mut sink = Delimited::csv(Box::new(buf.clone()), false).unwrap();
    let sel = Selection::table(conn, table).unwrap();
    stream(conn, &sel, &mut sink).unwrap();
    drop(sink);
    buf.0.borrow().clone()
}

fn reimport(exports: &[(&'static str, Vec<u8>)]) -> Vec<(&'static str, Vec<u8>)> {
    let mut store = stancedb::Store::in_memory_empty().unwrap();
    let conn = store.conn_mut();
    let tx = conn.transaction().unwrap();
    for (table, bytes) in exports {
        load_csv(
            &tx,
            table,
            "export.csv",
            &bytes[..],
            Options::new(OnConflict::Error),
        )
        .unwrap();
    }
    tx.commit().unwrap();
    exports
        .iter()
        .map(|(t, _)| (*t, export_table(conn, t)))
        .collect()
}

/// What stancedb itself would store (the rows above go in through SQL): never a spreadsheet's
/// neutralised `'=…`, never a name made only of combining marks or holding invisible characters.
fn storable(s: &str, name: bool) -> bool {
    let neutralised = s
        .strip_prefix('\'')
        .is_some_and(|rest| rest.starts_with(stancedb::values::FORMULA_STARTS));
    !neutralised && (!name || stancedb::values::check_visible(s).is_ok())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// Any database export re-imports identically: organisations and their name forms with
    /// arbitrary text (quotes, commas, newlines in notes, any script) survive the round trip.
    #[test]
    fn any_exported_database_reimports_identically(
        orgs in proptest::collection::btree_map("[a-z][a-z0-9-]{0,12}", ("[^\\p{C}]{1,30}", "\\PC{0,40}", proptest::option::of("[A-Z]{2}")), 1..12),
        extra_names in proptest::collection::vec("[^\\p{C}]{1,25}", 0..12),
    ) {
        let mut store = stancedb::Store::in_memory_empty().unwrap();
        let conn = store.conn_mut();
        conn.execute_batch("INSERT INTO documents (id, title, kind, languages) VALUES ('src', 'Source', 'article', 'en')").unwrap();
        let ids: Vec<&String> = orgs.keys().collect();
        for (id, (name, note, country)) in &orgs {
            let name = if name.trim().is_empty() || !storable(name, true) { "x".to_string() } else { name.clone() };
            let note = if note.trim().is_empty() || !storable(note, false) { None } else { Some(note.clone()) };
            conn.execute(
                "INSERT INTO organisations (id, name, kind, country, note) VALUES (?1, ?2, 'party', ?3, ?4)",
                rusqlite::params![id, name, country, note],
            ).unwrap();
        }
        for (i, n) in extra_names.iter().enumerate() {
            if n.trim().is_empty() || !storable(n, true) { continue; }
            let org = ids[i % ids.len()];
            conn.execute(
                "INSERT OR IGNORE INTO names (org_id, name, lang, kind, source_id) VALUES (?1, ?2, 'en', 'informal', 'src')",
                rusqlite::params![org, n],
            ).unwrap();
        }
        let first: Vec<(&'static str, Vec<u8>)> = ["organisations", "documents", "names"]
            .iter()
            .map(|t| { let t = tables::table(t).unwrap(); (t, export_table(conn, t)) })
            .collect();
        let second = reimport(&first);
        prop_assert_eq!(first, second);
    }
}
