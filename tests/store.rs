//! The store on in-memory databases: migrations apply, the seed loads, and the schema's
//! constraints refuse what would be a bug.
use stancedb::Store;

fn fails(store: &Store, sql: &str) -> String {
    match store.conn().execute_batch(sql) {
        Ok(()) => panic!("expected the schema to refuse: {sql}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn migrations_and_seed_apply_in_memory() {
    let s = Store::in_memory().expect("seeded store");
    let n: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM organisations", [], |r| r.get(0))
        .unwrap();
    assert!(n > 40, "organisations: {n}");
    let fk: bool = s
        .conn()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert!(fk, "foreign keys must be on");
    let missing_keys: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM names WHERE search_key IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(missing_keys, 0);
}

#[test]
fn vocabularies_are_checked() {
    let s = Store::in_memory_empty().unwrap();
    assert!(
        fails(
            &s,
            "INSERT INTO organisations (id, name, kind) VALUES ('x', 'X', 'cult')"
        )
        .contains("CHECK")
    );
    assert!(
        fails(
            &s,
            "INSERT INTO organisations (id, name, kind, country) VALUES ('x', 'X', 'party', 'ru')"
        )
        .contains("CHECK")
    );
    assert!(
        fails(
            &s,
            "INSERT INTO organisations (id, name, kind) VALUES ('Bad Id', 'X', 'party')"
        )
        .contains("CHECK")
    );
    assert!(
        fails(
            &s,
            "INSERT INTO organisations (id, name, kind, note) VALUES ('x', 'X', 'party', '')"
        )
        .contains("CHECK")
    );
}

#[test]
fn impossible_dates_are_refused_and_partial_dates_accepted() {
    let s = Store::in_memory_empty().unwrap();
    s.conn()
        .execute_batch(
            "INSERT INTO documents (id, title, kind, languages, date) VALUES ('a', 'A', 'article', 'en', '2022');
             INSERT INTO documents (id, title, kind, languages, date) VALUES ('b', 'B', 'article', 'en', '2022-01');
             INSERT INTO documents (id, title, kind, languages, date) VALUES ('c', 'C', 'article', 'en', '2022-01-18');",
        )
        .unwrap();
    for bad in [
        "2022-02-30",
        "2022-13",
        "22-01-01",
        "2022/01/01",
        "yesterday",
    ] {
        let sql = format!(
            "INSERT INTO documents (id, title, kind, languages, date) VALUES ('z', 'Z', 'article', 'en', '{bad}')"
        );
        assert!(fails(&s, &sql).contains("CHECK"), "{bad}");
    }
}

#[test]
fn stances_need_a_quote_and_references_must_resolve() {
    let s = Store::in_memory().unwrap();
    let base =
        "INSERT INTO stances (org_id, issue_id, as_of, value, quote, document_id, evidence) VALUES";
    assert!(fails(&s, &format!("{base} ('kprf', 'csto-kazakhstan-2022', '2022-01-09', 'support', NULL, 'cprf-2022-01-kazakhstan', 'own')")).contains("CHECK"));
    assert!(fails(&s, &format!("{base} ('kprf', 'csto-kazakhstan-2022', '2022-01-09', 'maybe', 'q', 'cprf-2022-01-kazakhstan', 'own')")).contains("CHECK"));
    assert!(fails(&s, &format!("{base} ('nobody', 'csto-kazakhstan-2022', '2022-01-09', 'support', 'q', 'cprf-2022-01-kazakhstan', 'own')")).contains("FOREIGN KEY"));
    s.conn()
        .execute_batch(&format!("{base} ('kprf', 'csto-kazakhstan-2022', '2022-01-09', 'none_found', NULL, 'cprf-2022-01-kazakhstan', 'own')"))
        .expect("none_found needs no quote");
}

#[test]
fn duplicates_that_would_be_bugs_are_refused() {
    let s = Store::in_memory().unwrap();
    let e = fails(
        &s,
        "INSERT INTO signatures (document_id, org_id, name_as_printed, source_id) \
         VALUES ('solidnet-2022-01-18-kazakhstan', 'cp-greece', 'KKE', 'solidnet-2022-01-18-kazakhstan')",
    );
    assert!(e.contains("UNIQUE"), "{e}");
    let e = fails(
        &s,
        "INSERT INTO memberships (org_id, alliance_id, role, source_id) VALUES ('kprf', 'kprf', 'member', 'cprf-2022-01-kazakhstan')",
    );
    assert!(e.contains("CHECK"), "{e}");
}

#[test]
fn seed_csv_headers_match_the_schema() {
    let s = Store::in_memory_empty().unwrap();
    for (table, text) in stancedb::store::tables::SEED {
        let t = stancedb::store::tables::table(table).unwrap();
        let cols: Vec<String> = stancedb::store::tables::columns(s.conn(), t)
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        let header: Vec<String> = text
            .lines()
            .next()
            .unwrap_or("")
            .split(',')
            .map(String::from)
            .collect();
        assert_eq!(header, cols, "seed/{table}.csv header");
    }
}

#[test]
fn the_build_time_schema_version_is_the_newest_embedded_migration() {
    assert!(stancedb::store::latest_schema_version() >= 4);
    assert_eq!(
        stancedb::store::latest_schema_version(),
        stancedb::store::embedded_schema_version()
    );
}
