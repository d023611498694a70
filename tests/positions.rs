//! The stored current positions (a cache of the `current_stances` view) are never stale in
//! what any command shows: edits through stancedb or straight through SQL are reflected at
//! once, and a read-only database with stale positions is read through the view.
mod common;
use common::Env;

const COLUMNS: &str = "org_id, organisation, kind, country, issue_id, issue, as_of, value, evidence, basis, \
                       quote, document_id, document, document_date, cited_in, speaker, note, stance_id, signature_id";

fn rows(c: &rusqlite::Connection, from: &str) -> Vec<Vec<rusqlite::types::Value>> {
    let sql = format!("SELECT {COLUMNS} FROM {from} ORDER BY org_id, issue_id");
    let mut st = c.prepare(&sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        (0..n).map(|i| r.get(i)).collect::<Result<Vec<_>, _>>()
    })
    .unwrap()
    .map(|r| r.unwrap())
    .collect()
}

#[track_caller]
fn cache_equals_view(env: &Env) {
    // Any command that reads positions brings them up to date first.
    env.run(&["camps", "csto-kazakhstan-2022"]).ok();
    let c = env.sqlite();
    let stale: i64 = c
        .query_row("SELECT count(*) FROM positions_stale", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stale, 0);
    assert_eq!(
        rows(&c, "current_positions_full"),
        rows(&c, "current_stances")
    );
}

#[test]
fn a_fresh_database_has_fresh_positions() {
    let env = Env::new();
    env.ready();
    let c = env.sqlite();
    let stale: i64 = c
        .query_row("SELECT count(*) FROM positions_stale", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        stale, 0,
        "the seed's positions are computed when the database is made"
    );
    assert!(!rows(&c, "current_positions_full").is_empty());
    assert_eq!(
        rows(&c, "current_positions_full"),
        rows(&c, "current_stances")
    );
}

#[test]
fn edits_through_stancedb_and_through_sql_are_reflected_at_once() {
    let env = Env::new();
    env.ready();
    // Through stancedb: a later signature, and a newer own stance that changes a camp.
    env.run(&[
        "sign",
        "--unverified",
        "solidnet-2022-01-18-kazakhstan",
        "KPRF",
        "--date",
        "2022-02-01",
    ])
    .ok();
    env.run(&[
        "add",
        "stance",
        "--unverified",
        "cp-greece",
        "csto-kazakhstan-2022",
        "--value",
        "ambivalent",
        "--as-of",
        "2022-03-01",
        "--quote",
        "We have doubts.",
        "--source",
        "solidnet-2022-01-18-kazakhstan",
        "--evidence",
        "own",
        "--force",
        "--note",
        "test: a stance dated after its source",
    ])
    .ok();
    let out = env.run(&["--format", "json", "camps", "csto-kazakhstan-2022"]);
    let v = out.ok().json();
    let greece = v["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["org_id"] == "cp-greece")
        .unwrap();
    assert_eq!(greece["value"], "ambivalent", "{out}");
    cache_equals_view(&env);

    // Straight through SQL (sqlite3, Datasette): triggers mark what changed.
    env.sqlite()
        .execute_batch(
            "UPDATE stances SET value = 'oppose' WHERE org_id = 'kprf' AND issue_id = 'csto-kazakhstan-2022';
             DELETE FROM signatures WHERE org_id = 'rcwp';
             UPDATE documents SET date = '2022-01-19' WHERE id = 'solidnet-2022-01-18-kazakhstan';
             UPDATE statement_positions SET value = 'ambivalent' WHERE issue_id = 'kazakhstan-protests-2022' AND document_id = 'solidnet-2022-01-18-kazakhstan';",
        )
        .unwrap();
    let out = env.run(&[
        "--format",
        "json",
        "compare",
        "KPRF",
        "rcwp",
        "--issue",
        "csto-kazakhstan-2022",
    ]);
    let v = out.ok().json();
    assert_eq!(v["comparison"][0]["rcwp value"], "no stance", "{out}");
    cache_equals_view(&env);
    let out = env.run(&[
        "--format",
        "csv",
        "matrix",
        "--issue",
        "kazakhstan-protests-2022",
        "--country",
        "GR",
    ]);
    out.ok()
        .stdout_has("cp-greece,Communist Party of Greece,party,GR,ambivalent");
}

#[test]
fn a_read_only_database_with_stale_positions_is_read_through_the_view_and_not_written() {
    let env = Env::new();
    env.ready();
    env.sqlite()
        .execute_batch("UPDATE stances SET value = 'oppose' WHERE org_id = 'kprf' AND issue_id = 'csto-kazakhstan-2022';")
        .unwrap();
    let mut perms = std::fs::metadata(&env.db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&env.db, perms).unwrap();
    let before = env.db_bytes();
    let out = env.run(&["--format", "json", "camps", "csto-kazakhstan-2022"]);
    let v = out.ok().json();
    let kprf = v["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["org_id"] == "kprf")
        .unwrap();
    assert_eq!(
        kprf["value"], "oppose",
        "the view shows the edit the cache has not seen\n{out}"
    );
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn imports_are_reflected_and_leave_the_schema_as_it_was() {
    let env = Env::new();
    env.ready();
    let schema = |env: &Env| -> Vec<(String, String)> {
        env.sqlite()
            .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let before = schema(&env);
    assert!(before.iter().any(|(n, _)| n == "signatures_stale_insert"));
    let good = env.write(
        "s.csv",
        "document_id,org_id,name_as_printed,source_id\n\
         solidnet-2022-01-18-kazakhstan,kprf,CPRF,solidnet-2022-01-18-kazakhstan\n"
            .as_bytes(),
    );
    env.run(&["import", "signatures", good.to_str().unwrap()])
        .ok();
    assert_eq!(
        schema(&env),
        before,
        "the row trigger is back, exactly as it was"
    );
    // KPRF now also opposes by signature; its own words still decide its current stance.
    cache_equals_view(&env);
    let bad = env.write(
        "bad.csv",
        "document_id,org_id,name_as_printed,source_id\n\
         solidnet-2022-01-18-kazakhstan,rcit,RCIT,no-such-document\n"
            .as_bytes(),
    );
    env.run(&["import", "signatures", bad.to_str().unwrap()])
        .code(2);
    assert_eq!(schema(&env), before, "and after a failed import too");
    // A row added straight through SQL is still marked by the trigger.
    env.sqlite()
        .execute_batch(
            "INSERT INTO signatures (document_id, org_id, name_as_printed, source_id) \
             VALUES ('solidnet-2022-01-18-kazakhstan', 'rcit', 'RCIT', 'solidnet-2022-01-18-kazakhstan');",
        )
        .unwrap();
    let out = env.run(&[
        "--format",
        "csv",
        "camps",
        "kazakhstan-protests-2022",
        "--section",
        "organisations",
    ]);
    out.ok();
    cache_equals_view(&env);
}
