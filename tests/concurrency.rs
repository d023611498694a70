//! Concurrent writers: eight processes adding names to one database at once all succeed
//! (WAL, busy timeout, BEGIN IMMEDIATE); no "database is locked" reaches the user.
mod common;
use common::Env;

const WORKERS: usize = 8;
const EACH: usize = 100;
/// Of each worker's 100 names, this many go in by `add name` (one process each), the rest by
/// one `import`.
const SINGLES: usize = 10;

#[test]
fn eight_processes_each_adding_100_names_at_once_all_land() {
    let env = Env::new();
    env.ready();
    let db = env.db.clone();
    let dir = env.dir.path().to_path_buf();
    let workers: Vec<_> = (0..WORKERS)
        .map(|w| {
            let db = db.clone();
            let dir = dir.clone();
            std::thread::spawn(move || -> Vec<String> {
                let mut failures = Vec::new();
                let mut csv = String::from("org_id,name,lang,kind,source_id\n");
                for i in SINGLES..EACH {
                    csv.push_str(&format!(
                        "kprf,Concurrent name {w}-{i},en,informal,rcit-2022-01-08-kprf\n"
                    ));
                }
                let file = dir.join(format!("worker-{w}.csv"));
                std::fs::write(&file, csv).unwrap();
                let mut run = |args: Vec<String>| {
                    let o = common::bin()
                        .arg("--db")
                        .arg(&db)
                        .args(&args)
                        .output()
                        .unwrap();
                    if !o.status.success() {
                        failures.push(format!("{args:?}: {}", String::from_utf8_lossy(&o.stderr)));
                    }
                };
                for i in 0..SINGLES {
                    run(vec![
                        "add".into(),
                        "name".into(),
                        "--unverified".into(),
                        "kprf".into(),
                        format!("Concurrent name {w}-{i}"),
                        "--lang".into(),
                        "en".into(),
                        "--kind".into(),
                        "informal".into(),
                        "--source".into(),
                        "rcit-2022-01-08-kprf".into(),
                    ]);
                    if i == SINGLES / 2 {
                        run(vec![
                            "import".into(),
                            "names".into(),
                            file.display().to_string(),
                        ]);
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = workers
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let c = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM names WHERE name LIKE 'Concurrent name %'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, (WORKERS * EACH) as i64);
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // The new names are searchable at once (keys computed in the same transaction).
    let out = env.run(&["--format", "csv", "search", "Concurrent name 7-99"]);
    out.ok().stdout_has("organisation,kprf,");
}
