//! The synthetic corpus generator of the benchmarks (examples/synth, issue #6): the same seed
//! gives the same bytes, and its CSV set really loads on top of the seed — through the real
//! `import` command and through the generator's own `--db` mode — with every reference
//! resolving and every row counted.
mod common;

#[path = "../examples/synth/main.rs"]
#[allow(dead_code)]
mod synth;

use std::path::Path;

use clap::Parser;
use rusqlite::Connection;
use stancedb::store::tables::TABLES;

const SMALL: [&str; 8] = [
    "--orgs",
    "200",
    "--statements",
    "20",
    "--signatures",
    "2000",
    "--stances",
    "300",
];

fn args(extra: &[&str], seed: u64) -> synth::Args {
    let seed = seed.to_string();
    let mut argv = vec!["synth", "--seed", &seed];
    argv.extend(SMALL);
    argv.extend(extra);
    synth::Args::try_parse_from(argv).expect("generator arguments")
}

fn generate(dir: &Path, seed: u64) {
    let out = dir.to_str().expect("utf-8 temp path");
    synth::run(args(&["--out", out], seed)).expect("generate the corpus");
}

/// Data rows of a CSV file (records after the header; fields may hold newlines).
fn records(path: &Path) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    r.records()
        .map(|x| x.unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .collect()
}

fn seed_file(table: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("seed/{table}.csv"))
}

fn header(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read csv");
    text.lines().next().unwrap_or_default().to_string()
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    generate(&a, 42);
    generate(&b, 42);
    generate(&c, 7);
    let mut differs = 0;
    for table in TABLES {
        let name = format!("{table}.csv");
        let (x, y, z) = (
            std::fs::read(a.join(&name)).expect("a"),
            std::fs::read(b.join(&name)).expect("b"),
            std::fs::read(c.join(&name)).expect("c"),
        );
        assert!(x == y, "{name}: two runs with seed 42 differ");
        differs += usize::from(x != z);
        assert_eq!(
            header(&a.join(&name)),
            header(&seed_file(table)),
            "{name}: header differs from seed/{name}"
        );
    }
    assert!(differs >= 10, "seed 7 changed only {differs} of 13 files");
}

#[test]
fn corpus_is_realistic() {
    let tmp = tempfile::tempdir().expect("tempdir");
    generate(tmp.path(), 42);
    let names = records(&tmp.path().join("names.csv"));
    let orgs = records(&tmp.path().join("organisations.csv"));
    assert_eq!(orgs.len(), 200);
    let per_org = names.len() as f64 / orgs.len() as f64;
    assert!(
        (2.5..=4.0).contains(&per_org),
        "{per_org} names per organisation"
    );
    let text: String = names.iter().map(|r| r[2].to_string()).collect();
    for (script, range) in [
        ("Cyrillic", '\u{0400}'..='\u{04FF}'),
        ("Greek", '\u{0370}'..='\u{03FF}'),
        ("Hangul", '\u{AC00}'..='\u{D7AF}'),
    ] {
        assert!(text.chars().any(|c| range.contains(&c)), "no {script} name");
    }
    assert!(orgs.iter().all(|r| r[0].starts_with("synth-")));
    let sigs = records(&tmp.path().join("signatures.csv"));
    assert_eq!(sigs.len(), 2000);
    assert!(
        sigs.iter()
            .all(|r| r[0].parse::<u64>().expect("id") >= 1_000_000)
    );
    let stances = records(&tmp.path().join("stances.csv"));
    assert_eq!(stances.len(), 300);
    for s in &stances {
        let sentences = s[5].matches(['.', '!']).count();
        let no_quote = s[5].is_empty() && &s[4] == "none_found";
        assert!(no_quote || (1..=3).contains(&sentences), "quote: {}", &s[5]);
    }
}

/// Foreign keys all resolve, the database is sound, and each table holds seed + synthetic rows.
fn check_loaded(db: &Path, csv_dir: &Path) {
    let conn = Connection::open(db).expect("open db");
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign_key_check");
    assert_eq!(broken, 0, "rows with a reference that does not resolve");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(ok, "ok");
    for table in TABLES {
        let want =
            records(&seed_file(table)).len() + records(&csv_dir.join(format!("{table}.csv"))).len();
        let have: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .expect("count");
        assert_eq!(have as usize, want, "{table}: rows in the database");
    }
    let unkeyed: i64 = conn
        .query_row(
            "SELECT count(*) FROM names WHERE search_key IS NULL",
            [],
            |r| r.get(0),
        )
        .expect("search keys");
    assert_eq!(unkeyed, 0, "names without a search key");
}

#[test]
fn loads_through_the_import_command() {
    let env = common::Env::new();
    let dir = env.path("csv");
    generate(&dir, 42);
    env.ready();
    for table in TABLES {
        let file = dir.join(format!("{table}.csv"));
        env.run(&["import", table, file.to_str().expect("utf-8 path")])
            .ok();
    }
    check_loaded(&env.db, &dir);
    let first = records(&dir.join("signatures.csv"))[0][1].to_string();
    env.run(&["signatories", &first, "-f", "csv"])
        .ok()
        .stdout_has("synth-");
}

#[test]
fn db_mode_builds_a_seeded_database_with_the_corpus() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (dir, db) = (tmp.path().join("csv"), tmp.path().join("synth.sqlite"));
    let a = args(
        &[
            "--out",
            dir.to_str().expect("utf-8"),
            "--db",
            db.to_str().expect("utf-8"),
        ],
        42,
    );
    synth::run(a.clone()).expect("build the database");
    check_loaded(&db, &dir);
    // Building again replaces the database rather than colliding with it.
    synth::run(a).expect("rebuild the database");
    check_loaded(&db, &dir);
}
