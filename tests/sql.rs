//! `sql`: read-only power-user queries; writes, ATTACH and writing PRAGMAs refused; runaway
//! queries interrupted; the database untouched by any of it.
mod common;
use common::Env;

#[test]
fn a_select_runs_through_the_format_layer() {
    let env = Env::new();
    let out = env.run(&["--format", "csv", "sql", "SELECT org_id, value FROM current_stances WHERE issue_id = 'csto-kazakhstan-2022' AND org_id IN ('kprf', 'cp-greece') ORDER BY org_id"]);
    assert_eq!(
        out.ok().csv(),
        [
            ["org_id", "value"],
            ["cp-greece", "oppose"],
            ["kprf", "support"]
        ],
        "{out}"
    );
}

#[test]
fn writes_attach_and_writing_pragmas_are_refused_and_nothing_changes() {
    let env = Env::new();
    env.ready();
    let before = env.db_bytes();
    let attach_target = env.path("other.sqlite");
    let attach = format!("ATTACH DATABASE '{}' AS x", attach_target.display());
    for q in [
        "INSERT INTO organisations (id, name, kind) VALUES ('x', 'X', 'party')",
        "UPDATE organisations SET name = 'hacked'",
        "DELETE FROM stances",
        "DROP TABLE stances",
        "CREATE TABLE t (x)",
        attach.as_str(),
        "PRAGMA user_version = 7",
        "PRAGMA journal_mode = DELETE",
        "SELECT 1; DROP TABLE stances",
        "WITH x AS (SELECT 1) DELETE FROM stances",
    ] {
        let out = env.run(&["sql", q]);
        out.code(2).one_line_error();
    }
    assert!(!attach_target.exists(), "ATTACH must not create a file");
    assert_eq!(env.db_bytes(), before, "database changed");
    env.run(&["sql", "PRAGMA user_version"]).ok();
}

#[test]
fn a_runaway_query_is_interrupted_after_the_timeout() {
    let env = Env::new();
    let q =
        "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r";
    env.run(&["sql", "--timeout", "0.3", q])
        .code(2)
        .one_line_error()
        .stderr_has("interrupted");
}

#[test]
fn a_syntax_error_is_one_clear_line() {
    let env = Env::new();
    env.run(&["sql", "SELEC nothing"])
        .code(2)
        .one_line_error()
        .stderr_has("syntax error");
}
