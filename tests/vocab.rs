//! The typed vocabularies stay the schema's: every value enum of src/vocab.rs equals the CHECK
//! list of its column in a database the real binary created and migrated, and the help of the
//! commands that take one lists its words.
mod common;

use common::Env;
use stancedb::vocab::{
    CountryRole, DocKind, Evidence, NameKind, OrgKind, PositionValue, Role, RoleKind, StanceValue,
};

/// The words of `CHECK (column IN ('a', 'b', …))` in the CREATE TABLE text of `table`.
fn check_list(conn: &rusqlite::Connection, table: &str, column: &str) -> Vec<String> {
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("no table {table}: {e}"));
    // A column added later may be NULL: `CHECK (column IS NULL OR column IN (…))`.
    let nullable = format!("CHECK ({column} IS NULL OR {column} IN (");
    let plain = format!("CHECK ({column} IN (");
    let opening = if sql.contains(&nullable) {
        nullable
    } else {
        plain
    };
    let found: Vec<_> = sql.match_indices(&opening).collect();
    assert_eq!(
        found.len(),
        1,
        "one CHECK list for {table}.{column} in\n{sql}"
    );
    let rest = &sql[found[0].0 + opening.len()..];
    let list = &rest[..rest.find(')').expect("closing parenthesis")];
    list.split(',')
        .map(|w| w.trim().trim_matches('\'').to_string())
        .collect()
}

/// The words of a vocabulary, in the enum's order.
fn words<T: Copy + std::fmt::Display>(all: &[T]) -> Vec<String> {
    all.iter().map(T::to_string).collect()
}

#[test]
fn every_vocabulary_enum_equals_the_check_list_of_its_column_in_the_migrated_schema() {
    let env = Env::new();
    env.ready();
    let conn = env.sqlite();
    let pinned = [
        (OrgKind::COLUMN, words(OrgKind::ALL)),
        (NameKind::COLUMN, words(NameKind::ALL)),
        (DocKind::COLUMN, words(DocKind::ALL)),
        (Role::COLUMN, words(Role::ALL)),
        (StanceValue::COLUMN, words(StanceValue::ALL)),
        (Evidence::COLUMN, words(Evidence::ALL)),
        (PositionValue::COLUMN, words(PositionValue::ALL)),
        (CountryRole::COLUMN, words(CountryRole::ALL)),
        (RoleKind::COLUMN, words(RoleKind::ALL)),
    ];
    for ((table, column), enum_words) in pinned {
        assert_eq!(
            enum_words,
            check_list(&conn, table, column),
            "the {table}.{column} vocabulary differs from the schema's CHECK"
        );
    }
}

#[test]
fn help_lists_the_words_of_each_vocabulary_flag() {
    let env = Env::new();
    let listed = |all: Vec<String>| format!("[possible values: {}]", all.join(", "));
    let cases = [
        (vec!["add", "org", "--help"], listed(words(OrgKind::ALL))),
        (vec!["add", "name", "--help"], listed(words(NameKind::ALL))),
        (
            vec!["add", "document", "--help"],
            listed(words(DocKind::ALL)),
        ),
        (
            vec!["add", "membership", "--help"],
            listed(words(Role::ALL)),
        ),
        (
            vec!["add", "stance", "--help"],
            listed(words(StanceValue::ALL)),
        ),
        (
            vec!["add", "stance", "--help"],
            listed(words(Evidence::ALL)),
        ),
        (vec!["orgs", "--help"], listed(words(OrgKind::ALL))),
        (vec!["matrix", "--help"], listed(words(OrgKind::ALL))),
    ];
    for (args, want) in cases {
        // Help text is wrapped to the terminal: compare with line breaks folded to spaces.
        let out = env.run(&args);
        out.ok();
        let flat = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&want), "help lacks {want}\n{out}");
    }
}

#[test]
fn a_word_outside_a_vocabulary_is_refused_with_the_choices_and_nothing_is_written() {
    let env = Env::new();
    env.ready();
    let before = env.db_bytes();
    env.run(&["add", "org", "--name", "New Party", "--kind", "partei"])
        .code(2)
        .one_line_error()
        .stderr_has("invalid value 'partei' for '--kind <KIND>'")
        .stderr_has(&words(OrgKind::ALL).join(", "));
    env.run(&["orgs", "--kind", "club"])
        .code(2)
        .one_line_error()
        .stderr_has("invalid value 'club' for '--kind <KIND>'");
    assert!(env.db_bytes() == before, "the database changed");
}
