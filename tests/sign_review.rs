//! Review and apply in bulk (#21 part 3): the dry run's CSV is the review file; edited in
//! code (org_id set to an id or `new`, kind and country filled in) and applied, it records new
//! organisations, the printed forms as name forms, the signatures and the printed country in
//! one transaction; a second list then meets them as `exact`; running it again changes
//! nothing; a stale row, an unknown org_id or a duplicate row is refused with FILE:LINE:COLUMN
//! and leaves the database byte-identical.
mod common;
use common::{Env, csv_file, statement_with_text};

const LIST: &str = "We stand with the workers of Kazakhstan against the repression, and we demand the withdrawal of all foreign troops.\n\nSignatories:\n\n1. CP of Norway\n2. Greece, Communist Party of Greece\n3. Party of Alpha (Chile)\n4. Beta Workers Party (Testland)\n5. Socialist Movement Kazakhstan\n\n18 January 2022\n";

/// The review file `name`, every row's `column` set by `edit(name_as_printed)`.
fn edit(env: &Env, from: &str, name: &str, edits: &[(&str, &str, &str)]) -> std::path::PathBuf {
    let table = csv_file(std::path::Path::new(from));
    let mut w = csv::Writer::from_path(env.path(name)).expect("write review");
    w.write_record(&table.columns).expect("header");
    for r in table.rows() {
        let mut cells: Vec<String> = table
            .columns
            .iter()
            .map(|c| r[c.as_str()].to_string())
            .collect();
        for (printed, column, value) in edits {
            if r["name_as_printed"] == **printed {
                cells[table.col(column)] = value.to_string();
            }
        }
        w.write_record(&cells).expect("row");
    }
    w.flush().expect("flush");
    env.path(name)
}

fn dry_run(env: &Env, doc: &str) -> String {
    let out = env.run(&["-f", "csv", "sign", "--from-text", doc]);
    let path = env.path("review.csv");
    std::fs::write(&path, &out.ok().stdout).expect("write");
    path.to_str().expect("utf-8").to_string()
}

#[test]
fn the_review_round_trip_grows_the_database_and_a_second_list_meets_it_exactly() {
    let env = Env::new();
    let doc = statement_with_text(&env, "First list", "first.txt", LIST);
    let review = dry_run(&env, &doc);
    let table = csv_file(std::path::Path::new(&review));
    let status: Vec<&str> = table.column("status");
    assert_eq!(
        status,
        ["likely", "exact", "new", "new", "likely"],
        "{table}"
    );
    let file = edit(
        &env,
        &review,
        "edited.csv",
        &[
            ("Party of Alpha", "org_id", "new"),
            ("Party of Alpha", "kind", "youth_org"),
            ("Beta Workers Party (Testland)", "org_id", "new"),
            (
                "Socialist Movement Kazakhstan",
                "org_id",
                "socialist-movement-kazakhstan",
            ),
        ],
    );
    let file = file.to_str().expect("utf-8");
    let applied = env.run(&[
        "-f",
        "csv",
        "sign",
        "--from-text",
        &doc,
        "--review",
        file,
        "--accept",
        "likely",
        "--apply",
    ]);
    let done = applied.ok().table();
    assert_eq!(done.column("status"), ["recorded"; 5], "{done}");
    applied.stderr_has("5 signatures recorded, 2 new organisations, 4 name forms");
    let alpha = done.row("name_as_printed", "Party of Alpha");
    assert_eq!(&alpha["org_id"], "party-of-alpha");
    let orgs = env.run(&["-f", "csv", "orgs"]).ok().table();
    assert_eq!(
        orgs.row("id", "party-of-alpha").pick(["kind", "country"]),
        ["youth_org", "CL"]
    );
    // "(Testland)" is no country: part of the name, and no country recorded.
    assert_eq!(
        &orgs.row("id", "beta-workers-party-testland")["country"],
        ""
    );
    let names = env
        .run(&["-f", "csv", "show", "cp-norway", "--section", "names"])
        .ok()
        .table();
    assert_eq!(
        names.row("name", "CP of Norway").pick(["kind", "source"]),
        ["abbreviation", doc.as_str()]
    );

    // Again: nothing changes.
    let before = env.db_bytes();
    env.run(&[
        "sign",
        "--from-text",
        &doc,
        "--review",
        file,
        "--accept",
        "likely",
        "--apply",
    ])
    .ok()
    .stderr_has("0 signatures recorded, 0 new organisations, 0 name forms");
    assert!(
        env.db_bytes() == before,
        "a second apply wrote to the database"
    );

    // A second list meets the created parties and the recorded forms exactly.
    let second = "Signatories:\n- CP of Norway\n- Party of Alpha (Chile)\n- Beta Workers Party (Testland)\n- Socialist Movement Kazakhstan\n";
    let doc2 = statement_with_text(&env, "Second list", "second.txt", second);
    let t = env
        .run(&["-f", "csv", "sign", "--from-text", &doc2])
        .ok()
        .table();
    assert_eq!(t.column("status"), ["exact"; 4], "{t}");
    assert_eq!(
        t.column("org_id"),
        [
            "cp-norway",
            "party-of-alpha",
            "beta-workers-party-testland",
            "socialist-movement-kazakhstan"
        ]
    );
}

/// A database with the first list, its review file edited by `edits`, and the database bytes.
fn refused(
    edits: &[(&str, &str, &str)],
    text_after: Option<&str>,
) -> (Env, common::Outcome, Vec<u8>) {
    let env = Env::new();
    let doc = statement_with_text(&env, "First list", "first.txt", LIST);
    let review = dry_run(&env, &doc);
    let file = edit(&env, &review, "edited.csv", edits);
    if let Some(t) = text_after {
        let p = env.write("first.txt", t.as_bytes());
        env.run(&[
            "add",
            "text",
            &doc,
            p.to_str().expect("utf-8"),
            "--lang",
            "en",
        ])
        .ok();
    }
    let before = env.db_bytes();
    let out = env.run(&[
        "sign",
        "--from-text",
        &doc,
        "--review",
        file.to_str().expect("utf-8"),
        "--accept",
        "likely",
        "--apply",
    ]);
    (env, out, before)
}

#[test]
fn an_unknown_org_id_is_refused_at_its_cell_and_nothing_is_written() {
    let (env, out, before) = refused(&[("Party of Alpha", "org_id", "no-such-party")], None);
    out.code(2)
        .one_line_error()
        .stderr_has("edited.csv:4:6: unknown org_id 'no-such-party'");
    assert!(env.db_bytes() == before);
}

#[test]
fn a_duplicate_row_is_refused() {
    let (env, out, before) = refused(
        &[
            ("Party of Alpha", "org_id", "cp-norway"),
            ("Beta Workers Party (Testland)", "org_id", "new"),
        ],
        None,
    );
    out.code(2)
        .one_line_error()
        .stderr_has("edited.csv:4:6: duplicate: org_id 'cp-norway'");
    assert!(env.db_bytes() == before);
}

#[test]
fn a_stale_row_is_refused_when_the_text_changed() {
    let changed = LIST.replace("3. Party of Alpha (Chile)", "3. Party of Omega (Chile)");
    let (env, out, before) = refused(&[("Party of Alpha", "org_id", "new")], Some(&changed));
    out.code(2)
        .one_line_error()
        .stderr_has("edited.csv:4:4: stale row: line 7 of the text of 'first-list' does not hold “Party of Alpha”");
    assert!(env.db_bytes() == before);
}

#[test]
fn a_refused_apply_says_what_it_would_do_and_never_recorded() {
    // The signature's date is before the statement's: refused by the loader's checks.
    let env = Env::new();
    let doc = statement_with_text(&env, "First list", "first.txt", LIST);
    let before = env.db_bytes();
    let out = env.run(&[
        "-f",
        "csv",
        "sign",
        "--from-text",
        &doc,
        "--accept",
        "likely,new",
        "--date",
        "2021-01-01",
        "--apply",
    ]);
    out.code(2);
    let t = out.table();
    assert!(!t.column("status").contains(&"recorded"), "{t}");
    assert_eq!(
        &t.row("name_as_printed", "Party of Alpha")["action"],
        "create and record"
    );
    assert!(env.db_bytes() == before);
}
