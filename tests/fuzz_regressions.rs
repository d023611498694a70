//! Regression tests for what the fuzz targets (fuzz/, run with cargo-fuzz) found: each crash
//! or broken invariant, reduced to the input that showed it, checked here without the fuzz
//! crate so it runs in every `cargo test`.
mod common;

use common::Env;
use stancedb::quotes::Haystack;

/// Found by `quotes`: a quote copied with the line break after a hyphen that ends a line
/// (the text's own "wor-\n\nkers", folded to "wor- kers") was not found in the text it was
/// cut from.
#[test]
fn a_quote_keeping_a_line_end_hyphen_and_its_line_break_is_found() {
    let text = "at a rapid pace, wor-\n\nkers' protests developed";
    let h = Haystack::new(text);
    for quote in [
        "wor-\n\nkers' protests",
        "wor- kers' protests",
        "pace, wor-\nkers'",
        "-\n\nkers'",
    ] {
        assert!(
            h.contains(quote),
            "{quote:?} cut from {text:?} is not found"
        );
    }
    assert!(!h.contains("wor kers"), "a soft hyphen is not a space");
}

/// Found by `values`: SQLite's GLOB stops at a NUL byte, so the schema's date CHECK accepts
/// "2018\0-11-88" (it sees "2018"). The loader must refuse the NUL before the CHECK is asked:
/// exit 2, the field named, nothing written.
#[test]
fn a_date_hiding_garbage_behind_a_nul_byte_is_refused_by_import() {
    let env = Env::new();
    env.ready();
    let before = env.db_bytes();
    let file = env.write(
        "nul.csv",
        b"org_id,issue_id,as_of,value,quote,document_id,evidence\n\
          kprf,csto-kazakhstan-2022,2018\0-11-88,support,Words.,cprf-2022-01-kazakhstan,own\n",
    );
    let out = env.run(&["import", "stances", &file.display().to_string()]);
    out.code(2).one_line_error();
    out.stderr_has("nul.csv:2:3: as_of: contains a NUL byte");
    assert_eq!(env.db_bytes(), before, "the database changed\n{out}");
}

/// Every column whose CHECK is a GLOB pattern, with a value that CHECK accepts.
const GLOB_CHECKED: &[(&str, &str, &str)] = &[
    ("organisations", "id", "zz-nul"),
    ("organisations", "country", "KZ"),
    ("organisations", "founded", "2018"),
    ("organisations", "dissolved", "2019"),
    ("people", "id", "zz-nul"),
    ("documents", "id", "zz-nul"),
    ("documents", "date", "2018"),
    ("documents", "languages", "ru"),
    ("documents", "url", "https://example.org"),
    ("documents", "not_before", "0001-01-01"),
    ("documents", "not_after", "9999-12-31"),
    ("names", "valid_from", "2013"),
    ("names", "valid_until", "2014"),
    ("successions", "date", "2013-05"),
    ("interpretations", "decision_id", "D1"),
    ("document_titles", "lang", "ru"),
    ("document_copies", "file", "a.txt"),
    ("names", "lang", "ru"),
    ("person_names", "lang", "ru"),
    ("memberships", "start", "0001"),
    ("memberships", "end", "9999"),
    ("signatures", "signed_on", "2018"),
    ("issues", "id", "zz-nul"),
    ("issues", "start", "0001"),
    ("issues", "end", "9999"),
    ("stances", "as_of", "2018"),
    ("country_memberships", "country", "KZ"),
    ("document_texts", "lang", "ru"),
    ("document_texts", "file", "a.txt"),
];

/// Whether `sql` applies GLOB to the column `col` (`col GLOB` or `col NOT GLOB`, `col` a
/// whole word).
fn globs_column(sql: &str, col: &str) -> bool {
    [format!("{col} GLOB"), format!("{col} NOT GLOB")]
        .iter()
        .any(|needle| {
            sql.match_indices(needle.as_str()).any(|(at, _)| {
                !sql[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            })
        })
}

/// Found by `values` (V15): SQLite's GLOB stops at a NUL, so a value like "2018\0-13-99 /X"
/// passed every GLOB CHECK, written by anything but stancedb (sqlite3, Datasette). Now every
/// such column refuses a NUL on INSERT and on UPDATE, naming itself; its clean value is still
/// taken. The list above must cover every GLOB-checked column of the schema.
#[test]
fn no_glob_checked_column_takes_a_nul_written_through_sqlite() {
    let env = Env::new();
    env.ready();
    let conn = env.sqlite();
    // Ids are changed in place below (rolled back): references are not the point here.
    conn.execute_batch("PRAGMA foreign_keys = OFF")
        .expect("pragma");
    let mut st = conn
        .prepare(
            "SELECT m.name, p.name, m.sql FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL%'",
        )
        .expect("schema");
    let columns: Vec<(String, String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("schema")
        .map(|r| r.expect("a column"))
        .collect();
    let mut in_schema: Vec<(String, String)> = columns
        .iter()
        .filter(|(_, col, sql)| globs_column(sql, col))
        .map(|(t, c, _)| (t.clone(), c.clone()))
        .collect();
    in_schema.sort();
    let mut listed: Vec<(String, String)> = GLOB_CHECKED
        .iter()
        .map(|(t, c, _)| (t.to_string(), c.to_string()))
        .collect();
    listed.sort();
    assert_eq!(in_schema, listed, "GLOB-checked columns of the schema");

    // The one table the seed leaves empty gets a clean row (which the trigger lets through).
    conn.execute(
        "INSERT INTO document_texts (document_id, lang, file, format, text) \
         SELECT min(id), 'ru', 'a.txt', 'text', 'Words.' FROM documents",
        [],
    )
    .expect("a clean document text");
    // The seed records no succession (its sources print none): one clean row for the same test.
    conn.execute(
        "INSERT INTO successions (org_id, kind, source_id, quote) \
         SELECT min(id), 'renamed', (SELECT min(id) FROM documents), 'Words.' FROM organisations",
        [],
    )
    .expect("a clean succession");
    for (table, col, clean) in GLOB_CHECKED {
        let first = format!("(SELECT min(rowid) FROM {table})");
        let update = format!("UPDATE {table} SET \"{col}\" = ?1 WHERE rowid = {first}");
        let tx = conn.unchecked_transaction().expect("begin");
        let n = tx
            .execute(&update, [clean])
            .unwrap_or_else(|e| panic!("{table}.{col} = {clean:?} refused: {e}"));
        assert_eq!(n, 1, "{table} has no row to update");
        drop(tx);

        let hidden = format!("{clean}\0-13-99 /X Y");
        let refused = |sql: &str| {
            let e = conn
                .execute(sql, [&hidden])
                .expect_err(&format!("{sql} took {hidden:?}"));
            let want = format!("{table}.{col} holds a NUL character");
            assert!(e.to_string().contains(&want), "{sql}: {e}");
        };
        refused(&update);

        let cols: Vec<String> = columns
            .iter()
            .filter(|(t, _, _)| t == table)
            .map(|(_, c, _)| format!("\"{c}\""))
            .collect();
        let values: Vec<String> = cols
            .iter()
            .map(|c| {
                if *c == format!("\"{col}\"") {
                    "?1".to_string()
                } else {
                    c.clone()
                }
            })
            .collect();
        let insert = format!(
            "INSERT INTO {table} ({}) SELECT {} FROM {table} WHERE rowid = {first}",
            cols.join(", "),
            values.join(", ")
        );
        refused(&insert);
    }
    let nul: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM organisations WHERE instr(id, char(0)) OR instr(country, char(0))) \
             + (SELECT count(*) FROM stances WHERE instr(as_of, char(0)))",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(nul, 0, "a NUL was stored");
}
