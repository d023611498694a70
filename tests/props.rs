//! Property tests: the name normaliser, the quote matcher and the CSV load path never panic
//! and keep their promises on arbitrary input.
use proptest::prelude::*;
use stancedb::fold::fold;
use stancedb::quotes::Haystack;
use stancedb::store::load::{OnConflict, load_csv};
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
    fn a_text_contains_every_piece_of_itself(words in proptest::collection::vec("[a-zA-Z’“”-]{1,8}", 1..20), a in 0usize..20, b in 0usize..20) {
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
        let result = load_csv(&tx, table, "fuzz.csv", &bytes[..], OnConflict::Error);
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
        let _ = load_csv(&tx, "organisations", "rows.csv", &data[..], OnConflict::Error);
    }
}

fn store_conn(store: &mut stancedb::Store) -> &mut rusqlite::Connection {
    store.conn_mut()
}
