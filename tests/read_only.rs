//! Query commands only read: each answers from a read-only copy of the database (a file
//! nobody may write, in a folder nobody may write), and leaves a writable database
//! byte-for-byte as it was, side files included.
mod common;
use common::{Env, bin, run_cmd, shell_words};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Every query command, with arguments the seed data answers (`{dir}`: a writable folder
/// for the files `report` and `export --all` write, `{text}`: a text to find names in).
const QUERIES: &[&[&str]] = &[
    &["orgs"],
    &["orgs", "--stance", "csto-kazakhstan-2022=oppose"],
    &["show", "kprf"],
    &["statements"],
    &["signatories", "solidnet-2022-01-18-kazakhstan"],
    &["signed", "kprf"],
    &["stance", "kprf"],
    &["stance", "kprf", "--history"],
    &["compare", "kprf", "rcit"],
    &["matrix"],
    &["camps", "csto-kazakhstan-2022"],
    &["cosign", "kprf"],
    &["issues"],
    &["members", "skp-kpss"],
    &["report", "--out", "{dir}/site"],
    &["search", "kprf"],
    &["check"],
    &["export", "organisations"],
    &["export", "--all", "{dir}/export"],
    &["sql", "SELECT count(*) FROM organisations"],
    &["mentions", "{text}"],
];

/// Run every query against `db`; each must succeed.
fn run_every_query(db: &Path, out: &Path) {
    std::fs::create_dir_all(out).unwrap();
    let text = out.join("news.txt");
    std::fs::write(&text, "The KPRF met the SKP-KPSS in Moscow.").unwrap();
    for (i, q) in QUERIES.iter().enumerate() {
        let dir = out.join(i.to_string());
        std::fs::create_dir_all(&dir).unwrap();
        let args: Vec<String> = q
            .iter()
            .map(|a| {
                a.replace("{dir}", dir.to_str().unwrap())
                    .replace("{text}", text.to_str().unwrap())
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut cmd = bin();
        cmd.arg("--db").arg(db).args(&args);
        let shown = format!("stancedb --db {} {}", db.display(), shell_words(&args));
        run_cmd(cmd, shown).ok();
    }
}

/// The database file and whatever side files lie beside it, by name.
fn files_of(db: &Path) -> Vec<(String, Vec<u8>)> {
    let name = db.file_name().unwrap().to_string_lossy().into_owned();
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&name))
        .map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            (n, std::fs::read(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_query_command_answers_from_a_read_only_copy() {
    let env = Env::new();
    env.run(&["init"]).ok();
    let folder = env.path("read-only");
    std::fs::create_dir(&folder).unwrap();
    let copy = folder.join("copy.sqlite");
    std::fs::copy(&env.db, &copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = files_of(&copy);
    let out = env.path("out");
    run_every_query(&copy, &out);
    assert!(
        files_of(&copy) == before,
        "the read-only copy was left as it was"
    );
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn query_commands_leave_a_writable_database_as_it_was() {
    let env = Env::new();
    env.run(&["init"]).ok();
    let before = files_of(&env.db);
    run_every_query(&env.db, &env.path("out"));
    assert!(
        files_of(&env.db) == before,
        "a query command wrote to the database"
    );
}
