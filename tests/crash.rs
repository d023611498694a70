//! Crash safety: an import killed with SIGKILL at random moments leaves a sound database
//! holding either all of the file's rows or none of them.
mod common;
use std::time::{Duration, Instant};

use common::Env;

const ROWS: usize = 100_000;

fn names_csv(env: &Env) -> std::path::PathBuf {
    let mut s = String::from("org_id,name,lang,kind,source_id\n");
    for i in 0..ROWS {
        s.push_str(&format!(
            "kprf,Synthetic crash name {i},en,informal,rcit-2022-01-08-kprf\n"
        ));
    }
    env.write("names.csv", s.as_bytes())
}

fn import_cmd(db: &std::path::Path, file: &std::path::Path) -> std::process::Command {
    let mut cmd = common::bin();
    cmd.arg("--db").arg(db).args(["import", "names"]).arg(file);
    cmd.stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    cmd
}

fn state(db: &std::path::Path) -> (String, i64) {
    let c = rusqlite::Connection::open(db).expect("open after kill");
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM names WHERE name LIKE 'Synthetic crash name %'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (ok, n)
}

/// A small deterministic generator (xorshift), so a failure can be replayed.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn an_import_killed_at_random_moments_leaves_all_rows_or_none() {
    let env = Env::new();
    env.ready();
    let file = names_csv(&env);
    let pristine = env.db_bytes();

    // One full run, to learn how long the import takes here.
    let full = env.path("full.sqlite");
    std::fs::write(&full, &pristine).unwrap();
    let start = Instant::now();
    let status = import_cmd(&full, &file).status().unwrap();
    let took = start.elapsed();
    assert!(status.success(), "the import itself must succeed");
    assert_eq!(state(&full), ("ok".to_string(), ROWS as i64));

    let mut seed = 0x5eed_u64 ^ took.as_nanos() as u64 | 1;
    let mut outcomes = Vec::new();
    for trial in 0..6 {
        let db = env.path(&format!("trial-{trial}.sqlite"));
        std::fs::write(&db, &pristine).unwrap();
        // Somewhere between the start and a little past the expected end.
        let frac = (next(&mut seed) % 1000) as f64 / 1000.0 * 1.1;
        let delay = took.mul_f64(frac).max(Duration::from_millis(1));
        let mut child = import_cmd(&db, &file).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let (ok, n) = state(&db);
        assert_eq!(
            ok, "ok",
            "trial {trial}: killed after {delay:?}: integrity_check"
        );
        assert!(
            n == 0 || n == ROWS as i64,
            "trial {trial}: killed after {delay:?}: {n} of {ROWS} rows present (must be all or none)"
        );
        outcomes.push((delay, n));
    }
    eprintln!("kill moments and rows present: {outcomes:?} (full run {took:?})");
}
