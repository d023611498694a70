//! `sql` within bounds: a giant value is a clear error, a million rows stream out in flat
//! memory (the peak RSS of the process is measured), and an empty query gets its own message.
//! One test in this file, so the children measured are only its own.
mod common;
use std::io::Read;
use std::process::Stdio;

use common::Env;

/// The largest peak RSS, in MB, of the processes this test has waited for.
fn children_peak_mb() -> i64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills the struct it is given.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0, "getrusage");
    usage.ru_maxrss / 1024
}

/// Run `stancedb ARGS`, counting the bytes of stdout without keeping them.
fn run_counting(env: &Env, args: &[&str]) -> (i32, u64, String) {
    let mut child = common::bin()
        .arg("--db")
        .arg(&env.db)
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run stancedb");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut buf = vec![0u8; 1 << 16];
    let mut bytes = 0u64;
    loop {
        match stdout.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => bytes += n as u64,
            Err(e) => panic!("{e}"),
        }
    }
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), bytes, stderr)
}

#[test]
fn sql_stays_within_memory_and_says_what_is_wrong() {
    let env = Env::new();
    env.ready();
    env.run(&["sql", ""])
        .code(2)
        .one_line_error()
        .stderr_has("empty");
    env.run(&["sql", "  -- only a comment"])
        .code(2)
        .stderr_has("empty");

    let (code, _, stderr) = run_counting(&env, &["sql", "SELECT zeroblob(1e9)"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("larger than 4 MB"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");

    let million = "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r LIMIT 1000000) \
                   SELECT i, 'row ' || i AS label FROM r";
    for format in ["csv", "table"] {
        let (code, bytes, stderr) =
            run_counting(&env, &["-f", format, "sql", "--timeout", "600", million]);
        assert_eq!(code, 0, "{format}: {stderr}");
        assert!(
            bytes > 10_000_000,
            "{format}: a million rows written ({bytes} bytes)"
        );
    }
    let peak = children_peak_mb();
    assert!(
        peak < 64,
        "peak RSS {peak} MB: rows must stream, not be collected"
    );
}
