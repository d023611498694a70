//! The change log: every write (stancedb's, and sqlite3's or a Datasette plugin's, marked
//! 'unknown') is logged in its own transaction with the row before and after; `log` lists it;
//! `undo` after each kind of write gives back the logical dump from before it, and refuses
//! with the database untouched when a later write changed the same rows.
mod common;
use common::Env;
use stancedb::store::log::LOGGED;

/// Every logged table and the stored positions, row by row, as an outside reader sees them
/// (search keys left out: stancedb fills them in again).
fn dump(env: &Env) -> String {
    let conn = env.sqlite();
    let mut out = String::new();
    let tables = LOGGED
        .iter()
        .copied()
        .chain(["current_positions", "current_stances"]);
    for t in tables {
        let cols: Vec<String> = {
            let mut st = conn
                .prepare("SELECT name FROM pragma_table_info(?1)")
                .expect("cols");
            st.query_map([t], |r| r.get(0))
                .expect("q")
                .map(|c| c.expect("col"))
                .collect()
        };
        let cols: Vec<String> = cols.into_iter().filter(|c| c != "search_key").collect();
        let sql = format!("SELECT {} FROM {t} ORDER BY 1, 2, 3", cols.join(", "));
        let mut st = conn.prepare(&sql).expect("prepare dump");
        let mut rows = st.query([]).expect("dump");
        out.push_str(&format!("## {t}\n"));
        while let Some(r) = rows.next().expect("row") {
            let cells: Vec<String> = (0..cols.len())
                .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).expect("cell")))
                .collect();
            out.push_str(&cells.join("|"));
            out.push('\n');
        }
    }
    out
}

/// One write of each kind, each as the full argument list.
fn writes(env: &Env) -> Vec<Vec<String>> {
    let csv = env.write(
        "orgs.csv",
        b"id,name,kind,country\nimported-party,Imported Party,party,FR\n",
    );
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        s(&[
            "add",
            "org",
            "--name",
            "Party of Undo",
            "--kind",
            "party",
            "--lang",
            "en",
        ]),
        s(&[
            "sign",
            "--unverified",
            "solidnet-2022-01-18-kazakhstan",
            "kprf",
        ]),
        s(&[
            "add",
            "stance",
            "--unverified",
            "kprf",
            "csto-kazakhstan-2022",
            "--value",
            "oppose",
            "--as-of",
            "2022-01-08",
            "--source",
            "rcit-2022-01-08-kprf",
            "--quote",
            "Words.",
            "--evidence",
            "attributed",
        ]),
        s(&[
            "add",
            "position",
            "--unverified",
            "cprf-2022-01-kazakhstan",
            "eurasian-integration",
            "--value",
            "support",
            "--quote",
            "Some words.",
        ]),
        s(&["import", "organisations", csv.to_str().expect("utf-8")]),
        s(&[
            "add",
            "issue",
            "--title",
            "Undo issue",
            "--question",
            "Undone?",
        ]),
    ]
}

#[test]
fn undo_after_each_kind_of_write_gives_back_the_logical_dump_from_before() {
    let env = Env::new();
    env.ready();
    for w in writes(&env) {
        let args: Vec<&str> = w.iter().map(String::as_str).collect();
        let before = dump(&env);
        env.run(&args).ok();
        assert_ne!(dump(&env), before, "{args:?} changed something");
        let out = env.run(&["-f", "csv", "undo"]);
        out.ok();
        assert_eq!(
            dump(&env),
            before,
            "undo after {args:?} restores the record\n{out}"
        );
    }
    // An outside write (sqlite3, Datasette) is logged as 'unknown' and undone the same way.
    let before = dump(&env);
    env.sqlite()
        .execute(
            "UPDATE organisations SET note = 'edited elsewhere' WHERE id = 'kprf'",
            [],
        )
        .expect("outside write");
    let out = env.run(&[
        "-f",
        "csv",
        "log",
        "--table",
        "organisations",
        "--id",
        "kprf",
    ]);
    let t = out.ok().table();
    let last = t.rows().last().expect("a logged change");
    assert_eq!(last.pick(["command", "op"]), ["unknown", "update"], "{out}");
    assert!(last.get("after").contains("edited elsewhere"), "{out}");
    assert!(!last.get("before").contains("edited elsewhere"), "{out}");
    env.run(&["undo"]).ok();
    assert_eq!(dump(&env), before);
}

#[test]
fn every_write_is_logged_with_its_command_and_the_seed_is_not() {
    let env = Env::new();
    env.ready();
    env.run(&["log"])
        .ok()
        .stderr_has("no change on record matches");
    env.run(&[
        "sign",
        "--unverified",
        "solidnet-2022-01-18-kazakhstan",
        "kprf",
        "--note",
        "A note.",
    ])
    .ok();
    let out = env.run(&["-f", "csv", "log", "--table", "signatures"]);
    let t = out.ok().table();
    assert_eq!(t.len(), 1, "{out}");
    let row = t.rows().next().expect("row");
    assert_eq!(row.get("op"), "insert", "{out}");
    assert!(row.get("command").starts_with("stancedb --db "), "{out}");
    assert!(
        row.get("command")
            .ends_with("sign --unverified solidnet-2022-01-18-kazakhstan kprf --note 'A note.'"),
        "{out}"
    );
    let after: serde_json::Value = serde_json::from_str(row.get("after")).expect("JSON");
    assert_eq!(after["org_id"], "kprf", "{out}");
    // Filters: a row id, a time, a table that is not logged.
    let id = row.get("row_id").to_string();
    env.run(&["-f", "csv", "log", "--id", &id])
        .ok()
        .stdout_has("signatures");
    env.run(&["log", "--since", "2999-01-01"])
        .ok()
        .stderr_has("no change on record matches");
    env.run(&["log", "--since", "yesterday"])
        .code(2)
        .one_line_error()
        .stderr_has("--since 'yesterday' is not a date");
    env.run(&["log", "--table", "changes"])
        .code(2)
        .one_line_error()
        .stderr_has("unknown table 'changes'");
}

#[test]
fn undo_refuses_a_write_whose_rows_a_later_write_changed_and_writes_nothing() {
    let env = Env::new();
    env.ready();
    env.run(&[
        "add",
        "issue",
        "--id",
        "undo-me",
        "--title",
        "Undo me",
        "--question",
        "Q?",
    ])
    .ok();
    env.sqlite()
        .execute("UPDATE issues SET note = 'later' WHERE id = 'undo-me'", [])
        .expect("later write");
    let out = env.run(&["-f", "csv", "log", "--table", "issues"]);
    let first_write = out
        .ok()
        .table()
        .rows()
        .next()
        .expect("row")
        .get("write")
        .to_string();
    let before = env.db_bytes();
    env.run(&["undo", "--write", &first_write])
        .code(2)
        .one_line_error()
        .stderr_has("undo: issues row undo-me was changed again later");
    assert_eq!(env.db_bytes(), before, "nothing written on refusal");
    // Undone in order, both go.
    env.run(&["undo", "2"]).ok();
    let conn = env.sqlite();
    let n: i64 = conn
        .query_row(
            "SELECT count(*) FROM issues WHERE id = 'undo-me'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(n, 0);
    env.run(&["undo", "5"])
        .code(2)
        .one_line_error()
        .stderr_has("undo: the log holds 0 write(s)");
}

#[test]
fn every_table_of_the_record_has_log_triggers_over_all_its_columns() {
    let env = Env::new();
    env.ready();
    let conn = env.sqlite();
    for t in LOGGED.iter().chain(stancedb::store::tables::TABLES) {
        for op in ["ai", "au", "ad"] {
            let sql: String = conn
                .query_row(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                    [format!("{t}_log_{op}")],
                    |r| r.get(0),
                )
                .unwrap_or_else(|e| panic!("no log trigger {t}_log_{op}: {e}"));
            let mut st = conn
                .prepare("SELECT name FROM pragma_table_info(?1)")
                .expect("cols");
            let cols: Vec<String> = st
                .query_map([t], |r| r.get(0))
                .expect("q")
                .map(|c| c.expect("c"))
                .collect();
            for c in cols.iter().filter(|c| *c != "search_key") {
                assert!(
                    sql.contains(&format!("'{c}', ")),
                    "{t}_log_{op} logs column {c}"
                );
            }
        }
    }
}
