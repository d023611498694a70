//! The stored current positions (`current_positions`, kept by triggers from the
//! `current_stances` view) equal the view after every committed transaction, whoever wrote
//! it: stancedb's commands and imports, or plain SQL (sqlite3, Datasette) — with no stancedb
//! command run in between.
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

/// The first column of every row of `sql`, as text.
fn strings(c: &rusqlite::Connection, sql: &str) -> Vec<String> {
    c.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

/// What bulk evidence can name: the organisations, the issues, and the documents with a full
/// date (as "id,date").
fn evidence_targets(c: &rusqlite::Connection) -> (Vec<String>, Vec<String>, Vec<String>) {
    (
        strings(c, "SELECT id FROM organisations ORDER BY id"),
        strings(c, "SELECT id FROM issues ORDER BY id"),
        strings(
            c,
            "SELECT id || ',' || date FROM documents WHERE length(date) = 10 ORDER BY id",
        ),
    )
}

#[track_caller]
fn cache_equals_view(env: &Env) {
    let c = env.sqlite();
    let view = rows(&c, "current_stances");
    assert!(!view.is_empty());
    assert_eq!(rows(&c, "current_positions_full"), view);
    let queued: i64 = c
        .query_row("SELECT count(*) FROM positions_queue", [], |r| r.get(0))
        .unwrap();
    assert_eq!(queued, 0, "the queue is empty between statements");
}

#[test]
fn a_fresh_database_has_fresh_positions() {
    let env = Env::new();
    env.ready();
    let c = env.sqlite();
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
    cache_equals_view(&env);
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
    cache_equals_view(&env);
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
fn a_read_only_database_shows_plain_sql_edits_and_is_not_written() {
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
        "the stored positions took the edit with it\n{out}"
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
    assert!(before.iter().any(|(n, _)| n == "signatures_positions_ai"));
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
    // A row added straight through SQL is still taken in by the trigger.
    env.sqlite()
        .execute_batch(
            "INSERT INTO signatures (document_id, org_id, name_as_printed, source_id) \
             VALUES ('solidnet-2022-01-18-kazakhstan', 'rcit', 'RCIT', 'solidnet-2022-01-18-kazakhstan');",
        )
        .unwrap();
    cache_equals_view(&env);
}

#[test]
fn plain_sql_edits_of_every_table_behind_a_position_keep_the_table_exact() {
    let env = Env::new();
    env.ready();
    let c = env.sqlite();
    for sql in [
        // A stance moved to another organisation and issue, then deleted.
        "UPDATE stances SET org_id = 'cp-greece', issue_id = 'kazakhstan-protests-2022' \
         WHERE id = (SELECT min(id) FROM stances WHERE org_id = 'kprf')",
        "DELETE FROM stances WHERE org_id = 'cp-greece'",
        // A signature redated; a statement's side withdrawn and restored.
        "UPDATE signatures SET signed_on = '2030-01-01' WHERE org_id = 'rcwp'",
        "DELETE FROM statement_positions WHERE document_id = 'solidnet-2022-01-18-kazakhstan' \
         AND issue_id = 'csto-kazakhstan-2022'",
        "INSERT INTO statement_positions (document_id, issue_id, value, quote) \
         VALUES ('solidnet-2022-01-18-kazakhstan', 'csto-kazakhstan-2022', 'ambivalent', 'Restored.')",
        // A statement redated; an organisation renamed (id) with foreign keys off, as sqlite3 does.
        "UPDATE documents SET date = '2021-12-31' WHERE id = 'solidnet-2022-01-18-kazakhstan'",
        "PRAGMA foreign_keys = OFF",
        "UPDATE organisations SET id = 'kprf-renamed' WHERE id = 'kprf'",
        "UPDATE stances SET org_id = 'kprf-renamed' WHERE org_id = 'kprf'",
        "UPDATE signatures SET org_id = 'kprf-renamed' WHERE org_id = 'kprf'",
        // A whole document deleted with foreign keys off: its evidence leaves the view.
        "DELETE FROM documents WHERE id = 'solidnet-2022-01-18-kazakhstan'",
        "DELETE FROM issues WHERE id = 'kazakhstan-protests-2022'",
    ] {
        c.execute_batch(sql).unwrap();
        let view = rows(&c, "current_stances");
        assert_eq!(rows(&c, "current_positions_full"), view, "after: {sql}");
        let queued: i64 = c
            .query_row("SELECT count(*) FROM positions_queue", [], |r| r.get(0))
            .unwrap();
        assert_eq!(queued, 0, "after: {sql}");
    }
}

#[test]
fn a_bulk_import_sets_the_trigger_aside_and_leaves_the_table_exact() {
    let env = Env::new();
    env.ready();
    let c = env.sqlite();
    let strings = |sql: &str| strings(&c, sql);
    let (orgs, issues, docs) = evidence_targets(&c);
    // Over a thousand rows: the loader sets the row trigger aside after the first thousand
    // and recomputes what the rest touched before it commits.
    let mut csv = String::from("org_id,issue_id,as_of,value,quote,document_id,evidence\n");
    for i in 0..1500 {
        let (doc, date) = docs[i % docs.len()].split_once(',').unwrap();
        let value = ["support", "oppose", "ambivalent"][i % 3];
        csv.push_str(&format!(
            "{},{},{date},{value},Bulk quote {i}.,{doc},own\n",
            orgs[(i * 7) % orgs.len()],
            issues[i % issues.len()],
        ));
    }
    let file = env.write("stances.csv", csv.as_bytes());
    let before: Vec<String> =
        strings("SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name");
    env.run(&["import", "stances", file.to_str().unwrap()]).ok();
    assert_eq!(
        strings("SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"),
        before,
        "the trigger is back"
    );
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM stances WHERE quote LIKE 'Bulk quote %'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1500);
    cache_equals_view(&env);
}

/// A bulk load that touches most organisations recomputes them all at once from the view: on
/// evidence mixing partial dates, narrative order, none_found, attributed words and
/// signatures, the stored table equals the view.
#[test]
fn the_bulk_recompute_pass_agrees_with_the_view_on_mixed_evidence() {
    let env = Env::new();
    env.ready();
    let c = env.sqlite();
    let (orgs, issues, docs) = evidence_targets(&c);
    // A small linear congruential generator: varied, and the same on every run.
    let mut state: u64 = 0x5eed;
    let mut pick = |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % n
    };
    let mut csv = String::from("org_id,issue_id,as_of,value,quote,document_id,evidence,seq\n");
    for i in 0..1500 {
        let (doc, date) = docs[pick(docs.len())].split_once(',').unwrap();
        let as_of = [date, &date[..7], &date[..4]][pick(3)];
        let value = ["support", "oppose", "ambivalent", "none_found"][pick(4)];
        let evidence = ["own", "attributed"][pick(2)];
        let seq = ["", "1", "2"][pick(3)];
        csv.push_str(&format!(
            "{},{},{as_of},{value},Mixed quote {i}.,{doc},{evidence},{seq}\n",
            orgs[pick(orgs.len())],
            issues[pick(issues.len())],
        ));
    }
    let file = env.write("stances.csv", csv.as_bytes());
    env.run(&["import", "stances", file.to_str().unwrap()]).ok();
    cache_equals_view(&env);
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM stances WHERE quote LIKE 'Mixed quote %'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1500);
}
