//! `import`: all rows or none, every problem at once as FILE:LINE:COLUMN, the database
//! byte-identical after a failure, and export → import → export identical.
mod common;
use common::{Env, Outcome, assert_same_files, dir_files};

use stancedb::store::tables::TABLES;

/// The summary row of `import -f csv`: table, file, inserted, replaced, skipped, written.
#[track_caller]
fn summary(out: &Outcome) -> [String; 6] {
    let table = out.ok().table();
    assert_eq!(table.len(), 1, "one summary row\n{out}");
    let row = table.rows().next().expect("the summary row");
    row.pick([
        "table", "file", "inserted", "replaced", "skipped", "written",
    ])
    .map(String::from)
}

/// `rows` new organisations, valid, one per line after the header.
fn many_orgs(rows: usize) -> String {
    let mut s = String::from("id,name,kind,country\n");
    for i in 0..rows {
        s.push_str(&format!("test-org-{i},Test Organisation {i},party,DE\n"));
    }
    s
}

#[test]
fn importing_an_export_into_an_empty_database_then_exporting_again_is_identical() {
    let source = Env::new();
    let first = source.path("first");
    source
        .run(&["export", "--all", first.to_str().unwrap()])
        .ok();

    let target = Env::new();
    target.ready();
    {
        let conn = target.sqlite();
        for table in TABLES.iter().rev() {
            conn.execute(&format!("DELETE FROM {table}"), [])
                .unwrap_or_else(|e| panic!("empty {table}: {e}"));
        }
    }
    for table in TABLES {
        let file = first.join(format!("{table}.csv"));
        let out = target.run(&["-f", "csv", "import", table, file.to_str().unwrap()]);
        assert_eq!(summary(&out)[0], *table, "{out}");
    }
    let second = target.path("second");
    let out = target.run(&["export", "--all", second.to_str().unwrap()]);
    out.ok();
    assert_same_files(&dir_files(&second), &dir_files(&first), &out);
    // The imported names are found by any form at once (search keys were filled).
    let out = target.run(&["-f", "json", "show", "КПРФ"]);
    assert_eq!(
        out.ok().json_section("organisation").column("id"),
        ["kprf"],
        "{out}"
    );
}

#[test]
fn one_bad_row_among_many_leaves_the_database_byte_identical_and_names_the_line() {
    let env = Env::new();
    env.ready();
    let before = env.db_bytes();
    let mut csv = many_orgs(60);
    // Line 32 of the file (header = line 1): an unknown kind in field 3.
    let mut lines: Vec<String> = csv.lines().map(String::from).collect();
    lines[31] = "test-org-30,Test Organisation 30,cult,DE".to_string();
    csv = lines.join("\n") + "\n";
    let file = env.write("orgs.csv", csv.as_bytes());
    let out = env.run(&["import", "organisations", file.to_str().unwrap()]);
    out.code(2)
        .one_line_error()
        .stderr_has("orgs.csv:32:3: kind: 'cult' is not one of: party,");
    assert_eq!(
        env.db_bytes(),
        before,
        "the database must be byte-identical\n{out}"
    );
    env.run(&["show", "test-org-0"]).code(2);
}

#[test]
fn dry_run_reports_every_problem_at_once_and_writes_nothing() {
    let env = Env::new();
    env.ready();
    let before = env.db_bytes();
    // One problem on each line after the header (and one good row that must not be stored).
    let csv = "id,org_id,alliance_id,role,source_id\n\
               ,kprf,skp-kpss,leading_member,rcit-2022-01-08-kprf\n\
               ,no-such-party,skp-kpss,member,rcit-2022-01-08-kprf\n\
               ,cp-greece,skp-kpss,chair,rcit-2022-01-08-kprf\n\
               x,cp-greece,skp-kpss,member,rcit-2022-01-08-kprf\n\
               ,cp-greece,crfi,member,no-such-document\n\
               ,cp-greece,cp-greece,member,rcit-2022-01-08-kprf\n\
               ,cp-greece,rcit,observer,rcit-2022-01-08-kprf\n";
    let file = env.write("m.csv", csv.as_bytes());
    let out = env.run(&["import", "memberships", file.to_str().unwrap(), "--dry-run"]);
    out.code(2);
    let problems: Vec<&str> = out.stderr.trim_end().lines().collect();
    for (i, needle) in [
        "m.csv:2:2: duplicate: a row with the same memberships.org_id",
        "m.csv:3:2: unknown organisation 'no-such-party'",
        "m.csv:4:4: role: 'chair' is not one of: member, leading_member, section, observer",
        "m.csv:5:1: id: 'x' is not a whole number",
        "m.csv:6:5: source_id: no such documents row",
        "m.csv:7:3: alliance_id: an organisation cannot be a member of itself",
    ]
    .iter()
    .enumerate()
    {
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "problem {i} ({needle}) not reported\n{out}"
        );
    }
    assert_eq!(problems.len(), 6, "one line per problem\n{out}");
    assert_eq!(env.db_bytes(), before, "{out}");
    // Without --dry-run: the same report, and still nothing written (not even line 8).
    let again = env.run(&["import", "memberships", file.to_str().unwrap()]);
    again.code(2);
    assert_eq!(again.stderr, out.stderr);
    assert_eq!(env.db_bytes(), before, "{again}");
}

#[test]
fn dry_run_of_a_good_file_counts_the_rows_and_writes_nothing() {
    let env = Env::new();
    env.ready();
    let before = env.db_bytes();
    let file = env.write("orgs.csv", many_orgs(5).as_bytes());
    let out = env.run(&[
        "-f",
        "csv",
        "import",
        "organisations",
        file.to_str().unwrap(),
        "--dry-run",
    ]);
    assert_eq!(summary(&out)[2..], ["5", "0", "0", "no (dry run)"], "{out}");
    assert_eq!(env.db_bytes(), before, "{out}");
    let out = env.run(&[
        "-f",
        "csv",
        "import",
        "organisations",
        file.to_str().unwrap(),
    ]);
    assert_eq!(summary(&out)[2..], ["5", "0", "0", "yes"], "{out}");
    let out = env.run(&["-f", "csv", "orgs", "--country", "DE"]);
    let ids = out.ok().table();
    for i in 0..5 {
        ids.row("id", &format!("test-org-{i}"));
    }
}

#[test]
fn header_by_name_bom_stripped_org_by_any_name_and_codes_stay_text() {
    let env = Env::new();
    let orgs = env.write(
        "orgs.csv",
        "\u{feff}kind,name,id\nparty,Zero Party,0042\n".as_bytes(),
    );
    env.run(&["import", "organisations", orgs.to_str().unwrap()])
        .ok();
    // Columns in another order; the organisation by a Cyrillic name form and by its id.
    let names = env.write(
        "names.csv",
        "lang,name,org_id,kind\nen,Zero,0042,label\nru,КПРФ-тест,КПРФ,label\n".as_bytes(),
    );
    env.run(&["import", "names", names.to_str().unwrap()]).ok();
    let out = env.run(&[
        "-f",
        "csv",
        "export",
        "--query",
        "SELECT org_id, name FROM names WHERE name IN ('Zero', 'КПРФ-тест') ORDER BY id",
    ]);
    assert_eq!(
        out.ok().stdout,
        "org_id,name\n0042,Zero\nkprf,КПРФ-тест\n",
        "{out}"
    );
    let out = env.run(&["-f", "json", "show", "Zero"]);
    let org = out.ok().json_section("organisation");
    assert_eq!(
        org.row("id", "0042").pick(["name", "kind"]),
        ["Zero Party", "party"],
        "{out}"
    );
}

#[test]
fn on_conflict_error_skip_and_replace() {
    let env = Env::new();
    let first = env.write("p.csv", b"id,name\nnewperson,First Name\n");
    env.run(&["import", "people", first.to_str().unwrap()]).ok();
    let again = env.write("p2.csv", b"id,name\nnewperson,Second Name\n");
    env.run(&["import", "people", again.to_str().unwrap()])
        .code(2)
        .stderr_has("p2.csv:2:1: duplicate");
    let out = env.run(&[
        "-f",
        "csv",
        "import",
        "people",
        again.to_str().unwrap(),
        "--on-conflict",
        "skip",
    ]);
    assert_eq!(summary(&out)[2..], ["0", "0", "1", "yes"], "{out}");
    let q = [
        "-f",
        "csv",
        "export",
        "--query",
        "SELECT name FROM people WHERE id = 'newperson'",
    ];
    assert_eq!(env.run(&q).ok().stdout, "name\nFirst Name\n");
    let out = env.run(&[
        "-f",
        "csv",
        "import",
        "people",
        again.to_str().unwrap(),
        "--on-conflict",
        "replace",
    ]);
    assert_eq!(summary(&out)[2..], ["0", "1", "0", "yes"], "{out}");
    assert_eq!(env.run(&q).ok().stdout, "name\nSecond Name\n");
}

#[test]
fn bad_arguments_are_input_errors() {
    let env = Env::new();
    let f = env.write("x.csv", b"id,name\n");
    env.run(&["import", "nope", f.to_str().unwrap()])
        .code(2)
        .stderr_has("unknown table 'nope'");
    env.run(&[
        "import",
        "people",
        env.path("missing.csv").to_str().unwrap(),
    ])
    .code(2)
    .stderr_has("missing.csv: cannot read");
    let empty = env.write("empty.csv", b"");
    env.run(&["import", "people", empty.to_str().unwrap()])
        .code(2)
        .stderr_has("empty.csv:1:1:");
    let bad_header = env.write("h.csv", b"id,nom\nx,y\n");
    env.run(&["import", "people", bad_header.to_str().unwrap()])
        .code(2)
        .stderr_has("h.csv:1:2: unknown column 'nom'");
}

#[test]
fn import_reads_standard_input() {
    let env = Env::new();
    let out = env.run_stdin(
        &["-f", "csv", "import", "people", "-"],
        b"id,name\nstdin-person,From Stdin\n",
    );
    assert_eq!(
        summary(&out),
        ["people", "(stdin)", "1", "0", "0", "yes"],
        "{out}"
    );
}

#[test]
fn a_replaced_row_with_a_broken_reference_is_reported_on_its_line() {
    let env = Env::new();
    env.ready();
    let before = env.db_bytes();
    let csv = "id,document_id,org_id,name_as_printed,source_id\n\
               1,solidnet-2022-01-18-kazakhstan,cp-albania,Communist Party of Albania,no-such-document\n";
    let file = env.write("s.csv", csv.as_bytes());
    env.run(&[
        "import",
        "signatures",
        file.to_str().unwrap(),
        "--on-conflict",
        "replace",
    ])
    .code(2)
    .one_line_error()
    .stderr_has("s.csv:2:5: source_id: no such documents row");
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn a_bulk_load_of_one_organisations_names_indexes_every_form_and_restores_the_triggers() {
    // Many name forms of one organisation: the name-forms index (organisations_fts) is kept
    // by triggers that are set aside for a bulk load and its key filling, then the touched
    // organisations are re-indexed once each; the result must equal row-by-row upkeep.
    let env = Env::new();
    env.ready();
    let mut csv = String::from("org_id,name,lang,kind,source_id\n");
    for i in 0..1500 {
        csv.push_str(&format!(
            "kprf,Bulk form {i},en,informal,rcit-2022-01-08-kprf\n"
        ));
    }
    let file = env.write("names.csv", csv.as_bytes());
    env.run(&["import", "names", file.to_str().unwrap()]).ok();
    let c = env.sqlite();
    let hits = |q: &str| -> Vec<String> {
        c.prepare("SELECT o.id FROM organisations_fts f JOIN organisations o ON o.rowid = f.rowid WHERE organisations_fts MATCH ?1")
            .unwrap()
            .query_map([q], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    for q in [
        "\"Bulk form 0\"",
        "\"Bulk form 1499\"",
        "\"bulk form 777\"",
        "кпрф",
    ] {
        assert_eq!(hits(q), vec!["kprf".to_string()], "{q}");
    }
    let triggers: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN \
             ('names_organisations_fts_ai', 'names_organisations_fts_au')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 2, "both triggers are back");
    let queued: i64 = c
        .query_row("SELECT count(*) FROM organisations_fts_queue", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(queued, 0);
    let out = env.run(&["--format", "csv", "search", "Bulk form 1499"]);
    assert!(
        !out.ok().table().rows_where("id", "kprf").is_empty(),
        "{out}"
    );
}

/// Every organisation's indexed name forms, and which organisations a few searches of the
/// name-forms index find.
fn name_index(env: &Env, queries: &[&str]) -> (Vec<(i64, String)>, Vec<Vec<i64>>) {
    let c = env.sqlite();
    let forms = c
        .prepare("SELECT organisations_rowid, forms FROM organisations_fts_forms ORDER BY 1")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let mut find = c
        .prepare(
            "SELECT rowid FROM organisations_fts WHERE organisations_fts MATCH ?1 ORDER BY rowid",
        )
        .unwrap();
    let hits = queries
        .iter()
        .map(|q| {
            find.query_map([q], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .collect()
        })
        .collect();
    (forms, hits)
}

#[test]
fn a_bulk_load_of_names_for_most_organisations_rebuilds_the_name_index_as_row_by_row_upkeep_would()
{
    // Names for every organisation in one large file: the index is rebuilt whole (over a tenth
    // of the organisations touched). The same names in files too small to set the triggers
    // aside are indexed row by row. Both indexes must be the same.
    let bulk = Env::new();
    bulk.ready();
    let orgs: Vec<String> = bulk
        .sqlite()
        .prepare("SELECT id FROM organisations ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let header = "org_id,name,lang,kind,source_id\n";
    let rows: Vec<String> = (0..1500)
        .map(|i| {
            let org = &orgs[i % orgs.len()];
            format!("{org},Ünïted Fôrm {i} of {org},en,informal,rcit-2022-01-08-kprf\n")
        })
        .collect();
    let file = bulk.write("names.csv", format!("{header}{}", rows.concat()).as_bytes());
    bulk.run(&["import", "names", file.to_str().unwrap()]).ok();
    let small = Env::new();
    small.ready();
    for (n, chunk) in rows.chunks(90).enumerate() {
        let f = small.write(
            &format!("names{n}.csv"),
            format!("{header}{}", chunk.concat()).as_bytes(),
        );
        small.run(&["import", "names", f.to_str().unwrap()]).ok();
    }
    let queries = [
        "\"united form 1499\"",
        "\"Fôrm 7 of\"",
        "кпрф",
        "\"of kprf\"",
        "form",
    ];
    let (bulk_forms, bulk_hits) = name_index(&bulk, &queries);
    let (small_forms, small_hits) = name_index(&small, &queries);
    assert_eq!(bulk_forms.len(), orgs.len());
    assert!(
        bulk_forms.iter().all(|(_, f)| f.contains("united form")),
        "folded keys indexed"
    );
    assert_eq!(bulk_forms, small_forms);
    assert_eq!(bulk_hits, small_hits);
    assert_eq!(
        bulk_hits[4].len(),
        orgs.len(),
        "every organisation found by a new form"
    );
}

/// The pages of a full-text index, and whether merging it changes them.
fn index_pages(env: &Env, index: &str) -> (Vec<(i64, Vec<u8>)>, bool) {
    let c = env.sqlite();
    let read = |c: &rusqlite::Connection| -> Vec<(i64, Vec<u8>)> {
        c.prepare(&format!("SELECT id, block FROM {index}_data ORDER BY id"))
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let before = read(&c);
    let tx = c.unchecked_transaction().unwrap();
    tx.execute_batch(&format!(
        "INSERT INTO {index} ({index}) VALUES ('optimize')"
    ))
    .unwrap();
    let merged = read(&tx);
    (before.clone(), before != merged)
}

#[test]
fn a_large_load_leaves_its_full_text_indexes_merged() {
    // Many names in one import: the names index and the organisations' name-forms index are
    // each left in one segment, so a search reads each term's entries once.
    let env = Env::new();
    env.ready();
    let mut csv = String::from("org_id,name,lang,kind,source_id\n");
    for i in 0..20_000 {
        let org = ["kprf", "cp-greece", "rcit"][i % 3];
        csv.push_str(&format!(
            "{org},Revolutionary Communist Form {i} ({org}),en,informal,rcit-2022-01-08-kprf\n"
        ));
    }
    let file = env.write("names.csv", csv.as_bytes());
    env.run(&["import", "names", file.to_str().unwrap()]).ok();
    for index in ["names_fts", "organisations_fts"] {
        let (pages, changed) = index_pages(&env, index);
        assert!(!pages.is_empty());
        assert!(!changed, "{index}: merging it again changed it");
    }
    let out = env.run(&["-f", "csv", "search", "communist form 19999"]);
    assert!(
        !out.ok().table().rows_where("id", "cp-greece").is_empty(),
        "{out}"
    );
}
