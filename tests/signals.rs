//! Interrupts: real SIGINT and SIGTERM sent to a running stancedb. A write that is stopped
//! rolls back — the database file byte-identical, no -wal, -shm or temporary file left — and
//! says so on one line with exit 130 (SIGINT) or 143 (SIGTERM); a write the signal arrives too
//! late for has committed whole. Moments are random (the seed is printed on failure).
mod common;

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{Env, bin};

/// A small random generator (xorshift), seeded from the clock and printed with any failure.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1;
        Rng(seed)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// What a stopped or finished run left.
struct Ended {
    code: Option<i32>,
    stderr: String,
    shown: String,
}

fn spawn(env: &Env, args: &[&str]) -> Child {
    let mut cmd = bin();
    cmd.current_dir(env.dir.path())
        .arg("--db")
        .arg("test.sqlite")
        .args(args)
        .env_remove("STANCEDB_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd.spawn().expect("spawn stancedb")
}

/// Send `signal` to `child` after `after`, and collect how it ended.
fn interrupt(child: Child, signal: i32, after: Duration, shown: String) -> Ended {
    std::thread::sleep(after);
    // SAFETY: kill() on the pid of a child we spawned and have not reaped.
    unsafe {
        libc::kill(child.id() as i32, signal);
    }
    let out = child.wait_with_output().expect("wait");
    Ended {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        shown: format!("{shown} (signal {signal} after {after:?})"),
    }
}

/// Every file in the case's folder but the import file: name and bytes.
fn files(env: &Env) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = std::fs::read_dir(env.dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_none_or(|x| x != "csv"))
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("read"))
        })
        .collect();
    all.sort();
    all
}

#[track_caller]
fn assert_rolled_back(ended: &Ended, signal: i32, before: &[(String, Vec<u8>)], env: &Env) {
    let name = if signal == libc::SIGINT {
        "SIGINT"
    } else {
        "SIGTERM"
    };
    let context = format!("{}\nstderr: {}", ended.shown, ended.stderr);
    assert_eq!(ended.code, Some(128 + signal), "exit code\n{context}");
    assert_eq!(
        ended.stderr,
        format!("stancedb: interrupted by {name}; nothing was written\n"),
        "{context}"
    );
    let after = files(env);
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&after), names(before), "files differ\n{context}");
    assert!(after == before, "the database changed\n{context}");
}

fn organisations_csv(n: usize) -> String {
    let mut s = String::from("id,name,kind\n");
    for i in 0..n {
        s.push_str(&format!("bulk-{i},Bulk Organisation {i},party\n"));
    }
    s
}

fn count_bulk(env: &Env) -> i64 {
    let conn = rusqlite::Connection::open(env.path("test.sqlite")).expect("open");
    conn.query_row(
        "SELECT count(*) FROM organisations WHERE id LIKE 'bulk-%'",
        [],
        |r| r.get(0),
    )
    .expect("count")
}

#[test]
fn an_import_interrupted_at_random_moments_rolls_back_or_completes() {
    const ROWS: usize = 60_000;
    let env = Env::new();
    env.ready();
    env.write("big.csv", organisations_csv(ROWS).as_bytes());
    let before = files(&env);
    // How long a whole import takes here, so the signals fall across all of it.
    let start = Instant::now();
    let full = spawn(&env, &["import", "organisations", "big.csv"])
        .wait_with_output()
        .expect("wait");
    let took = start.elapsed();
    assert!(full.status.success(), "the import itself must work");
    assert_eq!(count_bulk(&env), ROWS as i64);
    let mut rng = Rng::new();
    let seed = rng.0;
    let mut stopped = 0;
    for round in 0..6 {
        std::fs::write(env.path("test.sqlite"), &before[0].1).expect("restore");
        let signal = if round % 2 == 0 {
            libc::SIGINT
        } else {
            libc::SIGTERM
        };
        let span = took.as_millis() as u64;
        let after = Duration::from_millis(30 + rng.below(span));
        let child = spawn(&env, &["import", "organisations", "big.csv"]);
        let ended = interrupt(child, signal, after, format!("seed {seed}, round {round}"));
        if ended.code == Some(0) {
            // Too late: committed whole.
            assert_eq!(count_bulk(&env), ROWS as i64, "{}", ended.shown);
        } else {
            assert_rolled_back(&ended, signal, &before, &env);
            stopped += 1;
        }
    }
    assert!(
        stopped > 0,
        "no round was interrupted mid-import (seed {seed}, {took:?})"
    );
}

/// Hold the write lock from this process, run `args`, signal it while it waits for the lock.
fn interrupted_while_waiting(args: &[&str], signal: i32) {
    let env = Env::new();
    env.ready();
    let before = files(&env);
    let lock = rusqlite::Connection::open(env.path("test.sqlite")).expect("open");
    lock.execute_batch("BEGIN IMMEDIATE;").expect("lock");
    let child = spawn(&env, args);
    let ended = interrupt(
        child,
        signal,
        Duration::from_millis(400),
        format!("stancedb {}", args.join(" ")),
    );
    lock.execute_batch("ROLLBACK;").expect("unlock");
    drop(lock);
    assert_rolled_back(&ended, signal, &before, &env);
}

#[test]
fn sigint_during_add_rolls_back() {
    interrupted_while_waiting(
        &[
            "add",
            "org",
            "--name",
            "Interrupted Party",
            "--kind",
            "party",
            "--lang",
            "en",
        ],
        libc::SIGINT,
    );
}

#[test]
fn sigterm_during_add_rolls_back() {
    interrupted_while_waiting(
        &[
            "add",
            "org",
            "--name",
            "Interrupted Party",
            "--kind",
            "party",
            "--lang",
            "en",
        ],
        libc::SIGTERM,
    );
}

#[test]
fn sigint_during_sign_rolls_back() {
    interrupted_while_waiting(&["sign", common::JOINT, "kprf"], libc::SIGINT);
}

#[test]
fn sigterm_during_import_waiting_for_the_lock_rolls_back() {
    let env_csv = "id,name,kind\nlate,Late,party\n";
    let env = Env::new();
    env.ready();
    env.write("f.csv", env_csv.as_bytes());
    let before = files(&env);
    let lock = rusqlite::Connection::open(env.path("test.sqlite")).expect("open");
    lock.execute_batch("BEGIN IMMEDIATE;").expect("lock");
    let child = spawn(&env, &["import", "organisations", "f.csv"]);
    let ended = interrupt(
        child,
        libc::SIGTERM,
        Duration::from_millis(400),
        "import".into(),
    );
    lock.execute_batch("ROLLBACK;").expect("unlock");
    drop(lock);
    assert_rolled_back(&ended, libc::SIGTERM, &before, &env);
}

#[test]
fn init_force_interrupted_at_random_moments_keeps_the_old_database() {
    let env = Env::new();
    env.ready();
    let out = env.run(&[
        "add",
        "org",
        "--name",
        "Kept Party",
        "--kind",
        "party",
        "--lang",
        "en",
    ]);
    out.ok();
    let before = files(&env);
    let mut rng = Rng::new();
    let seed = rng.0;
    for round in 0..4 {
        let signal = if round % 2 == 0 {
            libc::SIGINT
        } else {
            libc::SIGTERM
        };
        let after = Duration::from_millis(30 + rng.below(400));
        let child = spawn(&env, &["init", "--force"]);
        let ended = interrupt(child, signal, after, format!("seed {seed}, round {round}"));
        if ended.code == Some(0) {
            return; // Replaced whole: nothing further to compare with.
        }
        assert_rolled_back(&ended, signal, &before, &env);
    }
}
