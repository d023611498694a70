//! Bounded input, measured: input without end (1 GB with no newline, a header of a million
//! columns) and a million bad rows, streamed into `import -` from a generator, are refused
//! with a short message while the child's peak resident memory (getrusage of the reaped
//! child, via wait4) stays under 64 MB.
mod common;

use std::io::{Read, Write};
use std::process::Stdio;

use common::{Env, bin};

const LIMIT_KB: i64 = 64 * 1024;

/// What one measured run ended with.
struct Measured {
    code: i32,
    stderr: String,
    peak_kb: i64,
    shown: String,
}

/// Run `import TABLE -` with stdin fed by `feed` (until it is done or the child stops
/// reading), and measure the child's peak RSS. The child is reaped by wait4 (which returns
/// its resource usage), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn measured(
    env: &Env,
    table: &str,
    feed: impl FnOnce(&mut dyn Write) + Send + 'static,
) -> Measured {
    let mut child = bin()
        .arg("--db")
        .arg(&env.db)
        .args(["import", table, "-"])
        .env_remove("STANCEDB_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || feed(&mut stdin));
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let mut status = 0;
    // SAFETY: a zeroed rusage is valid; wait4 reaps our own child by pid and fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4");
    let _ = writer.join();
    Measured {
        code: if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            -1
        },
        stderr,
        peak_kb: usage.ru_maxrss,
        shown: format!("stancedb --db {} import {table} -", env.db.display()),
    }
}

#[track_caller]
fn refused_in_bounds(m: &Measured, first_line: &str) {
    let context = format!(
        "command: {}\nexit: {}\npeak: {} kB\nstderr ({} bytes): {}",
        m.shown,
        m.code,
        m.peak_kb,
        m.stderr.len(),
        m.stderr.chars().take(2_000).collect::<String>()
    );
    assert_eq!(m.code, 2, "{context}");
    assert!(m.stderr.len() < 4_096, "the message is too long\n{context}");
    assert_eq!(m.stderr.lines().next(), Some(first_line), "{context}");
    assert!(m.peak_kb < LIMIT_KB, "peak RSS over 64 MB\n{context}");
}

/// Write `chunk` again and again, `total` bytes in all, stopping quietly when the reader goes.
fn repeat(out: &mut dyn Write, head: &[u8], chunk: &[u8], total: usize) {
    if out.write_all(head).is_err() {
        return;
    }
    let mut sent = 0;
    while sent < total {
        if out.write_all(chunk).is_err() {
            return;
        }
        sent += chunk.len();
    }
}

#[test]
fn a_gigabyte_without_newline_is_refused_in_bounded_memory() {
    let env = Env::new();
    env.ready();
    let m = measured(&env, "organisations", |out| {
        repeat(out, b"id,name,kind\n", &[b'x'; 1 << 20], 1 << 30);
    });
    refused_in_bounds(
        &m,
        "stancedb: (stdin):2:1: the row is longer than 4000000 bytes without ending (reading stopped here)",
    );
}

#[test]
fn a_header_of_a_million_columns_is_refused_in_bounded_memory() {
    let env = Env::new();
    env.ready();
    let m = measured(&env, "organisations", |out| {
        repeat(out, b"", &b"col,".repeat(1_000), 4_000_000);
    });
    refused_in_bounds(
        &m,
        "stancedb: (stdin):1:1001: more than 1000 fields in one row; no table has that many columns (reading stopped here)",
    );
}

#[test]
fn a_million_bad_rows_are_refused_in_bounded_memory_with_a_short_report() {
    let env = Env::new();
    env.ready();
    let m = measured(&env, "organisations", |out| {
        repeat(
            out,
            b"id,name,kind\n",
            &b"short,Row\n".repeat(1_000),
            10_000_000,
        );
    });
    refused_in_bounds(
        &m,
        "stancedb: (stdin):2:3: expected 3 fields like the header, found 2",
    );
    assert_eq!(
        m.stderr.lines().last(),
        Some("(stdin): … and 999995 more problems"),
        "{}",
        m.stderr
    );
}
