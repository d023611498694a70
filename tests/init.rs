//! The database's life: created on first use, found via --db or STANCEDB_DB, migrated
//! forward, refused (and left untouched) when foreign or newer, recreated by `init --force`.
mod common;
use common::{Env, bin, run_cmd};

fn sqlite(path: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).expect("open with rusqlite")
}

#[test]
fn first_use_creates_migrates_and_seeds_with_no_init_step() {
    let env = Env::new();
    assert!(!env.db.exists());
    env.run(&["orgs"]).ok().stdout_has("kprf");
    let c = env.sqlite();
    let n: i64 = c
        .query_row("SELECT count(*) FROM signatures", [], |r| r.get(0))
        .unwrap();
    assert!(n >= 23);
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let fk: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
    // No temporary files are left beside it.
    let stray: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn stancedb_db_environment_variable_chooses_the_file() {
    let env = Env::new();
    let p = env.path("from-env.sqlite");
    let o = bin()
        .env("STANCEDB_DB", &p)
        .env("NO_COLOR", "1")
        .args(["orgs", "--kind", "alliance"])
        .output()
        .unwrap();
    let out = common::outcome(
        format!("STANCEDB_DB={} stancedb orgs --kind alliance", p.display()),
        o,
    );
    out.ok().stdout_has("skp-kpss");
    assert!(p.exists(), "{out}");
}

#[test]
fn views_answer_who_signed_and_who_stood_where() {
    let env = Env::new();
    env.ready();
    let c = env.sqlite();
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM signatories WHERE statement_id = 'solidnet-2022-01-18-kazakhstan'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 23);
    let (value, quote, doc): (String, String, String) = c
        .query_row(
            "SELECT value, quote, document FROM current_stances WHERE org_id = 'kprf' AND issue_id = 'csto-kazakhstan-2022'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(value, "support");
    assert!(!quote.is_empty() && !doc.is_empty());
    // A signatory that never spoke on its own still has a stance, by its signature.
    let (value, basis): (String, String) = c
        .query_row(
            "SELECT value, basis FROM current_stances WHERE org_id = 'cp-greece' AND issue_id = 'csto-kazakhstan-2022'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((value.as_str(), basis.as_str()), ("oppose", "signature"));
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_untouched() {
    let env = Env::new();
    let p = env.write(
        "notes.txt",
        b"these are my research notes, not a database\n",
    );
    let before = std::fs::read(&p).unwrap();
    let mut cmd = bin();
    cmd.arg("--db").arg(&p).arg("orgs");
    run_cmd(cmd, "stancedb --db notes.txt orgs".into())
        .code(2)
        .one_line_error()
        .stderr_has("not a stancedb database");
    assert_eq!(std::fs::read(&p).unwrap(), before);
}

#[test]
fn a_foreign_sqlite_database_is_refused_and_untouched() {
    let env = Env::new();
    let p = env.path("other.sqlite");
    sqlite(&p)
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let before = std::fs::read(&p).unwrap();
    let mut cmd = bin();
    cmd.arg("--db").arg(&p).arg("orgs");
    run_cmd(cmd, "stancedb --db other.sqlite orgs".into())
        .code(2)
        .one_line_error()
        .stderr_has("not a stancedb database");
    let mut cmd = bin();
    cmd.arg("--db").arg(&p).args(["init", "--force"]);
    run_cmd(cmd, "stancedb --db other.sqlite init --force".into()).code(2);
    assert_eq!(std::fs::read(&p).unwrap(), before);
}

#[test]
fn a_database_from_a_newer_stancedb_is_refused_and_untouched() {
    let env = Env::new();
    env.ready();
    env.sqlite()
        .execute_batch("INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (999, 'future', '2030-01-01', '0'); PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let before = env.db_bytes();
    env.run(&["orgs"])
        .code(2)
        .one_line_error()
        .stderr_has("newer stancedb");
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn an_older_database_is_migrated_forward_silently() {
    let env = Env::new();
    env.ready();
    // Take it back to schema version 1: drop what later migrations made, forget them.
    let c = env.sqlite();
    let later: Vec<(String, String)> = c
        .prepare("SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger') OR sql LIKE 'CREATE VIRTUAL TABLE%'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for (kind, name) in later {
        let what = if kind == "view" {
            "VIEW"
        } else if kind == "trigger" {
            "TRIGGER"
        } else {
            "TABLE"
        };
        c.execute_batch(&format!("DROP {what} IF EXISTS \"{name}\""))
            .unwrap();
    }
    // Then every index V1 did not make (a later migration's CREATE INDEX must run again).
    let v1 = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/V1__core.sql"),
    )
    .unwrap();
    let indexes: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for name in indexes {
        if !v1.contains(&format!("INDEX {name} ")) && !v1.contains(&format!("EXISTS {name} ")) {
            c.execute_batch(&format!("DROP INDEX \"{name}\"")).unwrap();
        }
    }
    // Then every table V1 did not make (the data tables are V1's).
    let extra: Vec<String> = c
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name <> 'refinery_schema_history'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .filter(|n: &String| !stancedb::store::tables::TABLES.contains(&n.as_str()))
        .collect();
    for name in extra {
        c.execute_batch(&format!("DROP TABLE \"{name}\"")).unwrap();
    }
    // And the tables and columns V8 and V40–V41 added to V1's tables.
    c.execute_batch(
        "DROP TABLE document_people; DROP TABLE country_memberships; \
         ALTER TABLE documents DROP COLUMN not_after; ALTER TABLE documents DROP COLUMN not_before; \
         ALTER TABLE stances DROP COLUMN seq; ALTER TABLE roles DROP COLUMN kind; \
         DROP TABLE successions; DROP TABLE interpretations; \
         ALTER TABLE names DROP COLUMN valid_until; ALTER TABLE names DROP COLUMN valid_from;",
    )
    .unwrap();
    c.execute_batch("DELETE FROM refinery_schema_history WHERE version >= 2;")
        .unwrap();
    drop(c);
    let out = env.run(&["--format", "csv", "signatories", common::JOINT]);
    assert_eq!(out.ok().csv().len(), 24, "{out}");
    assert!(out.stderr.is_empty(), "{out}");
    // Search (a later migration's index) works on the migrated database.
    env.run(&["--format", "csv", "search", "KPRF"])
        .ok()
        .stdout_has("organisation,kprf,");
}

#[test]
fn init_refuses_an_existing_database_unless_forced_and_force_restores_the_seed() {
    let env = Env::new();
    env.run(&["init"]).ok();
    env.run(&["init"])
        .code(2)
        .one_line_error()
        .stderr_has("--force");
    env.sqlite()
        .execute_batch("DELETE FROM signatures WHERE id = 1;")
        .unwrap();
    let out = env.run(&["--format", "csv", "signatories", common::JOINT]);
    assert_eq!(out.ok().csv().len(), 23);
    env.run(&["init", "--force"]).ok();
    let out = env.run(&["--format", "csv", "signatories", common::JOINT]);
    assert_eq!(out.ok().csv().len(), 24, "{out}");
}

#[test]
fn a_directory_as_database_path_is_refused() {
    let env = Env::new();
    let mut cmd = bin();
    cmd.arg("--db").arg(env.dir.path()).arg("orgs");
    run_cmd(cmd, "stancedb --db <dir> orgs".into())
        .code(2)
        .one_line_error()
        .stderr_has("not a regular file (a directory)");
}

/// The schema version stamped in the header (`user_version`) and the newest in the history.
fn stamp_and_history(path: &std::path::Path) -> (i64, i64) {
    let c = sqlite(path);
    let stamp = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let history = c
        .query_row(
            "SELECT max(version) FROM refinery_schema_history",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (stamp, history)
}

#[test]
fn a_new_database_carries_its_schema_version_in_the_header() {
    let env = Env::new();
    env.ready();
    let (stamp, history) = stamp_and_history(&env.db);
    assert!(history > 0);
    assert_eq!(stamp, history, "the header stamp is the newest migration");
    env.run(&["init", "--force"]).ok();
    assert_eq!(stamp_and_history(&env.db), (history, history));
}

#[test]
fn a_database_without_the_stamp_is_stamped_on_its_next_writable_open() {
    let env = Env::new();
    env.ready();
    env.sqlite()
        .execute_batch("PRAGMA user_version = 0;")
        .unwrap();
    let orgs = env.run(&["-f", "csv", "orgs"]).ok().csv();
    let (stamp, history) = stamp_and_history(&env.db);
    assert_eq!(
        stamp, history,
        "an unstamped database is stamped once it is opened"
    );
    assert_eq!(env.run(&["-f", "csv", "orgs"]).ok().csv(), orgs);
}

#[test]
fn a_write_protected_unstamped_database_is_read_and_left_unstamped() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.ready();
    env.sqlite()
        .execute_batch("PRAGMA user_version = 0;")
        .unwrap();
    std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = env.db_bytes();
    env.run(&["-f", "csv", "orgs"]).ok().stdout_has("kprf");
    assert_eq!(
        env.db_bytes(),
        before,
        "a read-only database is not stamped"
    );
}

#[test]
fn a_stamp_that_disagrees_with_the_history_defers_to_the_history() {
    // A stamp claiming a newer version than the history: the history decides (it is opened
    // and restamped); a current stamp over a newer history: refused as newer, untouched.
    let env = Env::new();
    env.ready();
    let (_, history) = stamp_and_history(&env.db);
    env.sqlite()
        .execute_batch("PRAGMA user_version = 999;")
        .unwrap();
    env.run(&["orgs"]).ok().stdout_has("kprf");
    assert_eq!(stamp_and_history(&env.db), (history, history));
    env.sqlite()
        .execute_batch("INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (999, 'future', '2030-01-01', '0'); PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let before = common::dir_files(env.dir.path());
    env.run(&["orgs"])
        .code(2)
        .one_line_error()
        .stderr_has("newer stancedb (schema version 999");
    assert_eq!(common::dir_files(env.dir.path()), before, "files changed");
}
