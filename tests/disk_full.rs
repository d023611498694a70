//! A full disk ends a write: each writer, run against a database on a small tmpfs (several
//! sizes, so the disk fills at different moments of the write), stops at once, rolls back,
//! exits 1 with one line naming the cause, and leaves the database byte for byte as it was.
//! Mounting needs root (as in CI); where it is not permitted the tests say so loudly and skip.
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Env, Outcome};

/// A tmpfs of a given size, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).expect("mount point");
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!(
                "SKIPPED LOUDLY: cannot mount a tmpfs at {} (needs root); the full-disk test did not run",
                at.display()
            );
            return None;
        }
        Some(Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// A seeded database on a tmpfs of `size`, with the environment it lives in (the tmpfs is
/// dropped first).
fn small_disk(size: &str) -> Option<(Tmpfs, Env)> {
    let mut env = Env::new();
    let disk = Tmpfs::mount(&env.path("small"), size)?;
    env.db = disk.0.join("test.sqlite");
    env.ready();
    Some((disk, env))
}

/// Organisations with long notes, enough to fill any of the disks below.
fn many_organisations(env: &Env, rows: usize) -> String {
    let mut csv = String::from("id,name,kind,country,note\n");
    let note = "a note long enough to fill pages ".repeat(6);
    for i in 0..rows {
        csv.push_str(&format!(
            "org-{i},Organisation number {i},party,KZ,{note}{i}\n"
        ));
    }
    let path = env.write("many.csv", csv.as_bytes());
    path.to_string_lossy().into_owned()
}

#[track_caller]
fn stopped_on_full_disk(out: &Outcome) {
    out.code(1)
        .one_line_error()
        .stderr_has("disk is full")
        .stderr_has("nothing was written");
}

#[track_caller]
fn unchanged(env: &Env, before: &[u8]) {
    assert!(env.db_bytes() == before, "the database file changed");
    let conn = env.sqlite();
    let bad: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(bad, "ok");
    let imported: i64 = conn
        .query_row(
            "SELECT count(*) FROM organisations WHERE id LIKE 'org-%'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(imported, 0, "rows of the refused write were committed");
}

#[test]
fn an_import_onto_a_full_disk_commits_nothing_at_any_size() {
    for size in ["2m", "3m", "5m", "8m"] {
        let Some((_disk, env)) = small_disk(size) else {
            return;
        };
        let csv = many_organisations(&env, 40_000);
        let before = env.db_bytes();
        let out = env.run(&["import", "organisations", &csv]);
        stopped_on_full_disk(&out);
        unchanged(&env, &before);
        // The database still takes a write that fits.
        env.run(&[
            "add",
            "org",
            "--name",
            "Fits after all",
            "--kind",
            "party",
            "--lang",
            "en",
        ])
        .ok();
    }
}

#[test]
fn a_text_onto_a_full_disk_is_not_stored() {
    for size in ["1500k", "3m"] {
        let Some((_disk, env)) = small_disk(size) else {
            return;
        };
        let words = "Solidarity with the working people of Kazakhstan. ".repeat(80_000);
        let file = env.write("long.txt", words.as_bytes());
        let before = env.db_bytes();
        let out = env.run(&[
            "add",
            "text",
            "cprf-2022-01-kazakhstan",
            file.to_str().expect("utf-8"),
        ]);
        stopped_on_full_disk(&out);
        unchanged(&env, &before);
    }
}

#[test]
fn an_export_onto_a_full_disk_fails_and_leaves_no_file() {
    let env = Env::new();
    env.ready();
    let Some(disk) = Tmpfs::mount(&env.path("small"), "4k") else {
        return;
    };
    let target = disk.0.join("organisations.csv");
    let out = env.run(&[
        "export",
        "organisations",
        "-o",
        target.to_str().expect("utf-8"),
    ]);
    out.code(1).one_line_error();
    assert!(!target.exists(), "a partial export was left behind");
    let left: Vec<_> = std::fs::read_dir(&disk.0).expect("list").collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}
