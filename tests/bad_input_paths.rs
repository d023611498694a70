//! The bad-input corpus, paths: a database or output path that is not a regular file (device,
//! FIFO, socket, directory, dangling link), the database itself as an output (by name, another
//! path, a link or a hard link), refused databases whose -wal/-shm must stay byte-identical
//! (not ours, newer, damaged, a broken migration history), and paths the user typed that
//! cannot be written (missing or write-protected folder): exit 2, one line, nothing changed.
mod common;
#[macro_use]
mod corpus;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{Env, Outcome};
use corpus::{DB, Db, latest_migration, migration_versions, rows, run};

const NOT_REGULAR_DB: &str = "not a regular file";
const GIVE_DB: &str = "give the path of a database file";
const GIVE_FILE: &str = "give a file name, or - for standard output";
const IS_DB: &str = "is the database being read (or one of its -wal, -shm or -journal files); \
                     write the export to another file";
const RESCUE: &str = "left untouched: restore a backup, or save what it holds with \
                      `stancedb export --all DIR` and recreate it with `init --force`";
const RO_FOLDER: &str = "ro/test.sqlite: the folder ro is write-protected (SQLite writes its \
                         -wal and -shm files beside the database), so the database is only \
                         read; nothing was written";

fn mkfifo(env: &Env, name: &str) {
    let status = std::process::Command::new("mkfifo")
        .arg(env.path(name))
        .status()
        .expect("mkfifo");
    assert!(status.success(), "mkfifo {name}");
}

fn socket(env: &Env, name: &str) {
    let listener = std::os::unix::net::UnixListener::bind(env.path(name)).expect("bind");
    drop(listener);
}

fn link(env: &Env, target: &str, name: &str) {
    std::os::unix::fs::symlink(target, env.path(name)).expect("symlink");
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// The seeded database moved into a folder `ro` that is then made write-protected.
fn in_read_only_folder(env: &Env) {
    std::fs::create_dir(env.path("ro")).expect("mkdir ro");
    std::fs::rename(env.path(DB), env.path("ro/test.sqlite")).expect("move");
    chmod(&env.path("ro"), 0o555);
}

/// A copy of the seeded database as `name`, changed by `sql` while a connection holds it in
/// WAL mode: the copy keeps its -wal and -shm (as after a crash), the change only in the WAL.
fn with_hot_wal(env: &Env, name: &str, sql: &str) {
    let work = env.path("work.sqlite");
    std::fs::copy(env.path(DB), &work).expect("copy");
    let conn = rusqlite::Connection::open(&work).expect("open");
    conn.execute_batch(&format!("PRAGMA journal_mode = WAL; {sql}"))
        .expect("change");
    for suffix in ["", "-wal", "-shm"] {
        std::fs::copy(
            format!("{}{suffix}", work.display()),
            env.path(&format!("{name}{suffix}")),
        )
        .expect("copy with WAL");
    }
    drop(conn);
    std::fs::remove_file(&work).expect("remove work copy");
}

/// A database of another application, with a hot WAL beside it.
fn foreign_with_wal(env: &Env) {
    let work = env.path("work.sqlite");
    let conn = rusqlite::Connection::open(&work).expect("open");
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);",
    )
    .expect("foreign");
    for suffix in ["", "-wal", "-shm"] {
        std::fs::copy(
            format!("{}{suffix}", work.display()),
            env.path(&format!("other.sqlite{suffix}")),
        )
        .expect("copy");
    }
    drop(conn);
    std::fs::remove_file(&work).expect("remove");
}

/// The seeded database with `sql` run on it (and checkpointed).
fn altered(sql: &'static str) -> impl Fn(&Env) {
    move |env: &Env| {
        let conn = rusqlite::Connection::open(env.path(DB)).expect("open");
        conn.execute_batch(sql).expect("alter");
    }
}

/// A copy of the seeded database cut or overwritten part-way.
fn damaged(keep: usize, garbage: usize) -> impl Fn(&Env) {
    move |env: &Env| {
        let mut bytes = std::fs::read(env.path(DB)).expect("read");
        bytes.truncate(keep);
        bytes.extend(std::iter::repeat_n(0xA5u8, garbage));
        std::fs::write(env.path("bad.sqlite"), bytes).expect("write");
    }
}

fn still_a_link(name: &'static str, target: &'static str) -> impl Fn(&Env, &Outcome) {
    move |env: &Env, out: &Outcome| {
        let read = std::fs::read_link(env.path(name));
        assert_eq!(
            read.ok().as_deref(),
            Some(Path::new(target)),
            "the link was replaced\n{out}"
        );
    }
}

corpus! {
    a_character_device_as_database_is_refused =>
        run(&["statements"]).db_path("/dev/null")
            .fails(format!("/dev/null: {NOT_REGULAR_DB} (a character device); {GIVE_DB}")),
    a_fifo_as_database_is_refused =>
        run(&["statements"]).setup(|env| mkfifo(env, "db.fifo")).db_path("db.fifo")
            .fails(format!("db.fifo: {NOT_REGULAR_DB} (a FIFO); {GIVE_DB}")),
    a_socket_as_database_is_refused =>
        run(&["statements"]).setup(|env| socket(env, "db.sock")).db_path("db.sock")
            .fails(format!("db.sock: {NOT_REGULAR_DB} (a socket); {GIVE_DB}")),
    a_dangling_link_as_database_is_refused =>
        run(&["statements"]).setup(|env| link(env, "nowhere.sqlite", "link.sqlite"))
            .db_path("link.sqlite")
            .fails("link.sqlite: is a symbolic link to nothing; give the database file itself"),
    init_force_on_a_fifo_is_refused =>
        run(&["init", "--force"]).setup(|env| mkfifo(env, "db.fifo")).db_path("db.fifo")
            .fails(format!("db.fifo: {NOT_REGULAR_DB} (a FIFO); {GIVE_DB}")),
    a_database_reached_through_a_link_is_read_and_the_link_stays =>
        run(&["-f", "csv", "stance", "kprf", "--issue", "csto-kazakhstan-2022"])
            .setup(|env| link(env, DB, "link.sqlite")).db_path("link.sqlite")
            .reads(|env, out| {
                assert_eq!(out.csv()[1][2], "support", "{out}");
                still_a_link("link.sqlite", DB)(env, out);
            }),
    init_force_through_a_link_replaces_the_target_not_the_link =>
        run(&["init", "--force"]).setup(|env| link(env, DB, "link.sqlite")).db_path("link.sqlite")
            .writes(still_a_link("link.sqlite", DB)),
    export_to_a_character_device_is_refused =>
        run(&["export", "organisations", "-o", "/dev/null"])
            .fails(format!("/dev/null: {NOT_REGULAR_DB} (a character device); {GIVE_FILE}")),
    export_to_a_fifo_is_refused =>
        run(&["export", "organisations", "-o", "out.fifo"]).setup(|env| mkfifo(env, "out.fifo"))
            .fails(format!("out.fifo: {NOT_REGULAR_DB} (a FIFO); {GIVE_FILE}")),
    export_to_a_socket_is_refused =>
        run(&["export", "organisations", "-o", "out.sock"]).setup(|env| socket(env, "out.sock"))
            .fails(format!("out.sock: {NOT_REGULAR_DB} (a socket); {GIVE_FILE}")),
    export_to_a_directory_is_refused =>
        run(&["export", "organisations", "-o", "outdir"]).dir("outdir")
            .fails(format!("outdir: {NOT_REGULAR_DB} (a directory); {GIVE_FILE}")),
    export_to_a_dangling_link_is_refused =>
        run(&["export", "organisations", "-o", "out.csv"]).setup(|env| link(env, "gone.csv", "out.csv"))
            .fails("out.csv: is a symbolic link to nothing; give a file name"),
    export_through_a_link_writes_the_target_and_keeps_the_link =>
        run(&["export", "organisations", "-o", "link.csv"]).file("real.csv", "old\n")
            .setup(|env| link(env, "real.csv", "link.csv"))
            .writes(|env, out| {
                still_a_link("link.csv", "real.csv")(env, out);
                let text = std::fs::read_to_string(env.path("real.csv")).expect("read");
                assert!(text.starts_with("id,name,kind,"), "{out}");
            }),
    export_to_a_dash_writes_standard_output =>
        run(&["export", "issues", "-o", "-"])
            .reads(|_, out| assert!(out.stdout.starts_with("id,"), "{out}")),
    export_all_into_a_fifo_is_refused =>
        run(&["export", "--all", "out.fifo"]).setup(|env| mkfifo(env, "out.fifo"))
            .fails("out.fifo: is a FIFO, not a folder: --all writes one file per table into a folder (or one workbook: --all FILE.xlsx)"),
    import_from_an_empty_standard_input_reads_it =>
        run(&["import", "organisations", "-"])
            .fails("(stdin):1:1: the file is empty: expected a header row of column names"),
    import_from_dev_stdin_reads_it =>
        run(&["import", "organisations", "/dev/stdin"])
            .fails("/dev/stdin:1:1: the file is empty: expected a header row of column names"),

    export_onto_the_database_is_refused =>
        run(&["export", "organisations", "-o", DB]).fails(format!("test.sqlite: {IS_DB}")),
    export_onto_its_wal_file_is_refused =>
        run(&["export", "organisations", "-o", "test.sqlite-wal"])
            .fails(format!("test.sqlite-wal: {IS_DB}")),
    export_onto_its_journal_file_is_refused =>
        run(&["export", "organisations", "-o", "test.sqlite-journal"])
            .fails(format!("test.sqlite-journal: {IS_DB}")),
    export_onto_its_shm_file_is_refused =>
        run(&["export", "organisations", "-o", "test.sqlite-shm"])
            .fails(format!("test.sqlite-shm: {IS_DB}")),
    export_onto_the_database_by_another_path_is_refused =>
        run(&["export", "organisations", "-o", "sub/../test.sqlite"]).dir("sub")
            .fails(format!("sub/../test.sqlite: {IS_DB}")),
    export_onto_a_link_to_the_database_is_refused =>
        run(&["export", "organisations", "-o", "link.csv"]).setup(|env| link(env, DB, "link.csv"))
            .fails(format!("link.csv: {IS_DB}")),
    export_onto_a_hard_link_of_the_database_is_refused =>
        run(&["export", "organisations", "-o", "hard.csv"])
            .setup(|env| std::fs::hard_link(env.path(DB), env.path("hard.csv")).expect("link"))
            .fails(format!("hard.csv: {IS_DB}")),
    export_all_into_the_databases_folder_with_its_name_is_refused =>
        run(&["export", "--all", "."])
            .setup(|env| std::fs::rename(env.path(DB), env.path("issues.csv")).expect("rename"))
            .db_path("issues.csv")
            .fails(format!("./issues.csv: {IS_DB}")),

    a_foreign_database_with_a_hot_wal_is_left_byte_identical =>
        run(&["add", "org", "--name", "New Party", "--kind", "party", "--lang", "en"])
            .setup(foreign_with_wal).db_path("other.sqlite")
            .fails("other.sqlite: is an SQLite database but not a stancedb database; left untouched"),
    a_newer_database_with_a_hot_wal_is_left_byte_identical =>
        run(&["add", "org", "--name", "New Party", "--kind", "party", "--lang", "en"])
            .setup(|env| with_hot_wal(env, "new.sqlite",
                "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) \
                 VALUES (999, 'future', '2030-01-01T00:00:00Z', '0'); \
                 PRAGMA wal_checkpoint(TRUNCATE); \
                 UPDATE organisations SET note = 'in the WAL only' WHERE id = 'kprf';"))
            .db_path("new.sqlite")
            .fails(format!(
                "new.sqlite: written by a newer stancedb (schema version 999; this binary knows \
                 up to {}); upgrade stancedb — the file was left untouched",
                latest_migration()
            )),
    a_text_file_with_a_wal_beside_it_is_left_untouched =>
        run(&["statements"]).file("notes.sqlite", "notes\n").file("notes.sqlite-wal", "wal\n")
            .db_path("notes.sqlite")
            .fails("notes.sqlite: is not a stancedb database (not an SQLite file); left untouched"),
    a_truncated_database_is_refused_as_damaged =>
        run(&["statements"]).setup(damaged(8192, 0)).db_path("bad.sqlite")
            .fails(format!("bad.sqlite: is damaged (database disk image is malformed); {RESCUE}")),
    a_database_overwritten_with_garbage_is_refused_as_damaged =>
        run(&["add", "org", "--name", "New Party", "--kind", "party", "--lang", "en"])
            .setup(damaged(100, 40_000)).db_path("bad.sqlite")
            .fails(format!("bad.sqlite: is damaged (database disk image is malformed); {RESCUE}")),
    a_missing_migration_history_is_one_line_without_sql =>
        run(&["statements"]).setup(altered("DROP TABLE refinery_schema_history;"))
            .fails(format!(
                "test.sqlite: its migration history is missing (no refinery_schema_history table); {RESCUE}"
            )),
    a_half_applied_migration_history_is_one_line_without_sql =>
        run(&["statements"]).setup(altered("DELETE FROM refinery_schema_history WHERE version = 3;"))
            .fails(format!(
                "test.sqlite: its migration history is damaged ({} of the {} versions up to {} \
                 recorded: one was half-applied or removed); {RESCUE}",
                migration_versions().len() - 1,
                migration_versions().len(),
                latest_migration()
            )),
    init_force_on_a_foreign_database_leaves_it_and_its_wal =>
        run(&["init", "--force"]).setup(foreign_with_wal).db_path("other.sqlite")
            .fails("other.sqlite: is an SQLite database but not a stancedb database; left untouched"),

    export_into_a_missing_folder_is_bad_input =>
        run(&["export", "organisations", "-o", "missing/out.csv"])
            .fails("missing/out.csv: the folder missing does not exist"),
    export_all_onto_a_file_is_bad_input =>
        run(&["export", "--all", "f.csv"]).file("f.csv", "keep\n")
            .fails("f.csv: is a file, not a folder: --all writes one file per table into a folder (or one workbook: --all FILE.xlsx)"),
    export_into_a_write_protected_folder_is_bad_input =>
        run(&["export", "organisations", "-o", "ro/out.csv"])
            .setup(|env| { std::fs::create_dir(env.path("ro")).expect("mkdir"); chmod(&env.path("ro"), 0o555) })
            .fails("ro/out.csv: the folder ro is write-protected; nothing was written"),
    export_all_into_a_write_protected_folder_is_bad_input =>
        run(&["export", "--all", "ro"])
            .setup(|env| { std::fs::create_dir(env.path("ro")).expect("mkdir"); chmod(&env.path("ro"), 0o555) })
            .fails("ro/organisations.csv: the folder ro is write-protected; nothing was written"),
    a_database_in_a_write_protected_folder_is_read =>
        run(&["-f", "csv", "stance", "kprf", "--issue", "csto-kazakhstan-2022"])
            .setup(in_read_only_folder).db_path("ro/test.sqlite")
            .reads(|_, out| assert_eq!(out.csv()[1][2], "support", "{out}")),
    adding_to_a_database_in_a_write_protected_folder_says_why_not =>
        run(&["add", "org", "--name", "New Party", "--kind", "party", "--lang", "en"])
            .setup(in_read_only_folder).db_path("ro/test.sqlite")
            .fails(RO_FOLDER),
    signing_in_a_write_protected_folder_says_why_not =>
        run(&["sign", "solidnet-2022-01-18-kazakhstan", "kprf"])
            .setup(in_read_only_folder).db_path("ro/test.sqlite")
            .fails(RO_FOLDER),
    a_new_database_in_a_write_protected_folder_is_refused =>
        run(&["statements"])
            .setup(|env| { std::fs::create_dir(env.path("ro")).expect("mkdir"); chmod(&env.path("ro"), 0o555) })
            .db_path("ro/new.sqlite")
            .fails("ro/new.sqlite: the folder ro is write-protected; no database was created there"),
}

/// `rows` is used by the checks of other corpus files; here it pins that a write through a
/// link landed in the target database.
#[test]
fn a_write_through_a_database_link_lands_in_the_target() {
    let env = Env::new();
    env.ready();
    link(&env, DB, "link.sqlite");
    let out = corpus::in_dir(
        &env,
        "link.sqlite",
        &[
            "add",
            "org",
            "--name",
            "Linked Party",
            "--kind",
            "party",
            "--lang",
            "en",
        ],
    );
    out.ok();
    assert_eq!(
        rows(
            &env,
            "SELECT id FROM organisations WHERE name = 'Linked Party'",
            &[]
        ),
        [["linked-party"]],
        "{out}"
    );
    still_a_link("link.sqlite", DB)(&env, &out);
    let _ = Db::Seeded;
}
