//! The harness of the bad-input corpus (`bad_input_files.rs`, `bad_input_args.rs`): each case
//! runs the real binary in a fresh directory and checks its exact outcome, and that nothing it
//! was not asked to change did change — every file in the directory byte for byte (no `-wal`,
//! `-shm` or temporary file left), and the database table by table plus `integrity_check`.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{Env, Outcome, bin, run_cmd, shell_words};

/// The database every case runs against (relative to the case's directory).
pub const DB: &str = "test.sqlite";
/// A path where nothing can be created, even by root.
pub const PROC_DB: &str = "/proc/stancedb-test.sqlite";

/// Which database file `--db` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Db {
    /// A fresh stancedb database, created and seeded before the case runs.
    Seeded,
    /// A seeded database whose file is then made write-protected (mode 0444).
    WriteProtected,
    /// A seeded database that claims schema version 999 (written by a newer stancedb).
    Newer,
    /// A directory.
    Directory,
    /// A file in a folder that does not exist.
    MissingFolder,
    /// A path under /proc, where no file can be created.
    Proc,
    /// A text file.
    NotSqlite,
    /// An SQLite database that is not stancedb's.
    Foreign,
}

impl Db {
    fn arg(self) -> &'static str {
        match self {
            Db::Seeded | Db::WriteProtected | Db::Newer => DB,
            Db::Directory => "adir",
            Db::MissingFolder => "missing/test.sqlite",
            Db::Proc => PROC_DB,
            Db::NotSqlite => "notes.sqlite",
            Db::Foreign => "foreign.sqlite",
        }
    }

    /// The file a logical dump is taken of, when the case has an SQLite database.
    fn sqlite_file(self) -> Option<&'static str> {
        match self {
            Db::Seeded | Db::WriteProtected | Db::Newer => Some(DB),
            Db::Foreign => Some("foreign.sqlite"),
            _ => None,
        }
    }
}

type Check = Box<dyn Fn(&Env, &Outcome)>;
type Setup = Box<dyn Fn(&Env)>;

enum Expect {
    /// Exit 2 and exactly this one line on stderr after "stancedb: " (`{N}` stands for a run of
    /// digits, e.g. a process id); nothing changed.
    Refused(String),
    /// Exit 0, stdout checked by the closure; nothing changed.
    Unchanged(Check),
    /// Exit 0; the closure checks the effect; no leftover files and the database is sound.
    Changed(Check),
}

/// One case: a database, files, commands run first, the command under test and its outcome.
pub struct Case {
    db: Db,
    files: Vec<(String, Vec<u8>)>,
    dirs: Vec<String>,
    before: Vec<Vec<String>>,
    setups: Vec<Setup>,
    db_arg: Option<String>,
    args: Vec<String>,
    expect: Option<Expect>,
}

/// A case running `stancedb --db test.sqlite ARGS…` in its own directory.
pub fn run(args: &[&str]) -> Case {
    Case {
        db: Db::Seeded,
        files: Vec::new(),
        dirs: Vec::new(),
        before: Vec::new(),
        setups: Vec::new(),
        db_arg: None,
        args: args.iter().map(|s| s.to_string()).collect(),
        expect: None,
    }
}

/// `stancedb import TABLE f.csv` with `f.csv` holding `content`.
pub fn import(table: &str, content: impl AsRef<[u8]>) -> Case {
    run(&["-f", "csv", "import", table, "f.csv"]).file("f.csv", content)
}

impl Case {
    pub fn db(mut self, db: Db) -> Self {
        self.db = db;
        self
    }
    /// Write a file into the case's directory first.
    pub fn file(mut self, name: &str, content: impl AsRef<[u8]>) -> Self {
        self.files
            .push((name.to_string(), content.as_ref().to_vec()));
        self
    }
    /// Make a directory in the case's directory first.
    pub fn dir(mut self, name: &str) -> Self {
        self.dirs.push(name.to_string());
        self
    }
    /// Run a command first (it must succeed); the case's "before" is taken after it.
    pub fn after(mut self, args: &[&str]) -> Self {
        self.before
            .push(args.iter().map(|s| s.to_string()).collect());
        self
    }
    /// Change the case's directory after the database and files are made (before "before").
    pub fn setup(mut self, f: impl Fn(&Env) + 'static) -> Self {
        self.setups.push(Box::new(f));
        self
    }
    /// Pass this as `--db` instead of the database's own path.
    pub fn db_path(mut self, path: &str) -> Self {
        self.db_arg = Some(path.to_string());
        self
    }
    /// Expect exit 2, exactly `message` (after "stancedb: ") on one line, nothing changed. A
    /// message of several lines (several problems) is the whole of stderr, each after
    /// "stancedb: " on the first line only.
    pub fn fails(mut self, message: impl Into<String>) -> Self {
        self.expect = Some(Expect::Refused(message.into()));
        self
    }
    /// Expect success with stdout exactly `stdout`, nothing changed.
    pub fn prints(self, stdout: impl Into<String>) -> Self {
        let want = stdout.into();
        self.reads(move |_, out| assert_eq!(out.stdout, want, "stdout differs\n{out}"))
    }
    /// Expect success, stdout checked by `check`, nothing changed.
    pub fn reads(mut self, check: impl Fn(&Env, &Outcome) + 'static) -> Self {
        self.expect = Some(Expect::Unchanged(Box::new(check)));
        self
    }
    /// Expect success; `check` verifies the effect.
    pub fn writes(mut self, check: impl Fn(&Env, &Outcome) + 'static) -> Self {
        self.expect = Some(Expect::Changed(Box::new(check)));
        self
    }

    /// Run the case and assert its expectation; `name` is the behaviour it pins.
    #[track_caller]
    pub fn check(self, name: &str) {
        if let Some(dir) = std::env::var_os("STANCEDB_CORPUS_DUMP") {
            return self.dump(Path::new(&dir), name);
        }
        let env = Env::new();
        self.prepare(&env);
        let before = Snapshot::take(&env, self.db);
        let db_arg = self.db_arg.as_deref().unwrap_or(self.db.arg());
        let out = in_dir(&env, db_arg, &self.args);
        let context = format!("case: {name}\n{out}");
        match self
            .expect
            .as_ref()
            .expect("the case states its expectation")
        {
            Expect::Refused(message) => {
                assert_eq!(out.code, 2, "expected exit code 2\n{context}");
                if !message.contains('\n') {
                    out.one_line_error();
                }
                assert!(
                    matches(&out.stderr, &format!("stancedb: {message}\n")),
                    "stderr differs\n want: stancedb: {message}\n{context}"
                );
                assert_eq!(out.stdout, "", "nothing on stdout\n{context}");
                Snapshot::take(&env, self.db).same_as(&before, &context);
            }
            Expect::Unchanged(check) => {
                assert_eq!(out.code, 0, "expected success\n{context}");
                check(&env, &out);
                Snapshot::take(&env, self.db).same_as(&before, &context);
            }
            Expect::Changed(check) => {
                assert_eq!(out.code, 0, "expected success\n{context}");
                let after = Snapshot::take(&env, self.db);
                after.no_leftovers(&context);
                assert_eq!(
                    after.dump.last().map(String::as_str),
                    Some("integrity_check: ok"),
                    "{context}"
                );
                check(&env, &out);
            }
        }
    }

    /// Write the case's command line (`args`, one per line) and its input files into
    /// DIR/NAME/ instead of running it: `fuzz/make-corpus.sh` turns these into fuzz seeds.
    fn dump(&self, dir: &Path, name: &str) {
        let case = dir.join(name);
        std::fs::create_dir_all(&case).expect("create the dump folder");
        std::fs::write(case.join("args"), self.args.join("\n")).expect("write args");
        for (file, content) in &self.files {
            std::fs::write(case.join(file), content).expect("write a case file");
        }
    }

    fn prepare(&self, env: &Env) {
        let dir = env.dir.path();
        match self.db {
            Db::Seeded | Db::WriteProtected | Db::Newer => {
                env.ready();
            }
            Db::Directory => std::fs::create_dir(dir.join("adir")).expect("mkdir"),
            Db::NotSqlite => {
                std::fs::write(dir.join("notes.sqlite"), "Meeting notes, not a database.\n")
                    .expect("write");
            }
            Db::Foreign => {
                let conn = rusqlite::Connection::open(dir.join("foreign.sqlite")).expect("open");
                conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
                    .expect("foreign db");
            }
            Db::MissingFolder | Db::Proc => {}
        }
        for (name, content) in &self.files {
            std::fs::write(dir.join(name), content).expect("write input file");
        }
        for name in &self.dirs {
            std::fs::create_dir(dir.join(name)).expect("mkdir");
        }
        for setup in &self.setups {
            setup(env);
        }
        for args in &self.before {
            in_dir(env, DB, args).ok();
        }
        if self.db == Db::Newer {
            sqlite(env, DB)
                .execute(
                    "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) \
                     VALUES (999, 'future', '2030-01-01T00:00:00Z', '0')",
                    [],
                )
                .expect("claim version 999");
        }
        if self.db == Db::WriteProtected {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o444))
                .expect("chmod 0444");
        }
    }
}

/// Run `stancedb --db DB ARGS…` with the case's directory as working directory, so paths in
/// messages are exactly as given.
pub fn in_dir<S: AsRef<str>>(env: &Env, db: &str, args: &[S]) -> Outcome {
    let args: Vec<&str> = args.iter().map(AsRef::as_ref).collect();
    let mut cmd = bin();
    cmd.current_dir(env.dir.path())
        .arg("--db")
        .arg(db)
        .args(&args);
    run_cmd(
        cmd,
        format!(
            "cd {} && stancedb --db {db} {}",
            env.dir.path().display(),
            shell_words(&args)
        ),
    )
}

/// `got` equals `want`, where `{N}` in `want` matches one run of digits.
fn matches(got: &str, want: &str) -> bool {
    let mut rest = got;
    let mut parts = want.split("{N}");
    let first = parts.next().unwrap_or_default();
    let Some(r) = rest.strip_prefix(first) else {
        return false;
    };
    rest = r;
    for part in parts {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            return false;
        }
        let Some(r) = rest[digits..].strip_prefix(part) else {
            return false;
        };
        rest = r;
    }
    rest.is_empty()
}

/// A read-write connection to a database of the case (closing it checkpoints and removes the
/// WAL, so it leaves nothing behind).
pub fn sqlite(env: &Env, file: &str) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(
        env.dir.path().join(file),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE,
    )
    .expect("open the database")
}

/// The rows of a query (values bound as ?1, ?2 …) on the case's database, every value as
/// text ("NULL" for NULL).
pub fn rows(env: &Env, sql: &str, params: &[&str]) -> Vec<Vec<String>> {
    let conn = sqlite(env, DB);
    let mut st = conn.prepare(sql).expect("prepare");
    let n = st.column_count();
    st.query_map(rusqlite::params_from_iter(params), |r| {
        (0..n)
            .map(|i| {
                Ok(match r.get::<_, rusqlite::types::Value>(i)? {
                    rusqlite::types::Value::Null => "NULL".to_string(),
                    rusqlite::types::Value::Integer(i) => i.to_string(),
                    rusqlite::types::Value::Real(f) => f.to_string(),
                    rusqlite::types::Value::Text(s) => s,
                    rusqlite::types::Value::Blob(b) => format!("{b:?}"),
                })
            })
            .collect()
    })
    .expect("query")
    .collect::<rusqlite::Result<_>>()
    .expect("rows")
}

/// Everything a case may not change: the directory's files, and what the database holds.
struct Snapshot {
    files: BTreeMap<String, Option<Vec<u8>>>,
    proc_entry: bool,
    dump: Vec<String>,
}

impl Snapshot {
    /// The files first (a dump's connection must not hide a leftover WAL), then the dump.
    fn take(env: &Env, db: Db) -> Snapshot {
        let mut files = BTreeMap::new();
        walk(env.dir.path(), env.dir.path(), &mut files);
        let dump = db
            .sqlite_file()
            .filter(|f| env.dir.path().join(f).is_file())
            .map(|f| dump(&sqlite(env, f)))
            .unwrap_or_default();
        Snapshot {
            files,
            proc_entry: Path::new(PROC_DB).exists(),
            dump,
        }
    }

    #[track_caller]
    fn no_leftovers(&self, context: &str) {
        for name in self.files.keys() {
            assert!(
                !(name.ends_with("-wal")
                    || name.ends_with("-shm")
                    || name.ends_with("-journal")
                    || name.contains(".tmp-")),
                "{name} was left behind\n{context}"
            );
        }
    }

    #[track_caller]
    fn same_as(&self, before: &Snapshot, context: &str) {
        let files = &self.files;
        let names = |m: &BTreeMap<String, Option<Vec<u8>>>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(
            names(files),
            names(&before.files),
            "files differ\n{context}"
        );
        for (name, content) in &before.files {
            assert!(
                files[name] == *content,
                "{name} changed (was {} bytes, now {})\n{context}",
                content.as_ref().map_or(0, Vec::len),
                files[name].as_ref().map_or(0, Vec::len)
            );
        }
        assert_eq!(self.proc_entry, before.proc_entry, "{PROC_DB}\n{context}");
        assert_eq!(
            self.dump, before.dump,
            "the database's contents differ\n{context}"
        );
    }
}

/// Every entry under `dir`: a file's bytes; a link, FIFO or socket as what it is (never
/// followed or read); a folder's entries.
fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Option<Vec<u8>>>) {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("dir entry").path();
        let name = path
            .strip_prefix(root)
            .expect("inside")
            .display()
            .to_string();
        let meta = std::fs::symlink_metadata(&path).expect("metadata");
        let kind = meta.file_type();
        if kind.is_symlink() {
            let target = std::fs::read_link(&path).expect("read link");
            out.insert(
                name,
                Some(format!("link -> {}", target.display()).into_bytes()),
            );
        } else if kind.is_fifo() || kind.is_socket() {
            out.insert(
                name,
                Some(format!("special {:o}", meta.permissions().mode()).into_bytes()),
            );
        } else if path.is_dir() {
            out.insert(format!("{name}/"), None);
            walk(root, &path, out);
        } else {
            out.insert(name, Some(std::fs::read(&path).expect("read file")));
        }
    }
}

/// Every schema object with its SQL, the row count of every table, and `integrity_check`.
fn dump(conn: &rusqlite::Connection) -> Vec<String> {
    let objects: Vec<(String, String, String)> = conn
        .prepare("SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")
        .and_then(|mut st| {
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        })
        .expect("schema");
    let mut out = Vec::new();
    for (kind, name, sql) in &objects {
        out.push(format!("{kind} {name}: {sql}"));
        if kind == "table" {
            let n: i64 = conn
                .query_row(&format!("SELECT count(*) FROM \"{name}\""), [], |r| {
                    r.get(0)
                })
                .expect("count");
            out.push(format!("rows in {name}: {n}"));
        }
    }
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    out.push(format!("integrity_check: {integrity}"));
    out
}

/// The newest schema version in migrations/ (a database claiming more is from the future).
pub fn latest_migration() -> u32 {
    migration_versions().into_iter().max().expect("a migration")
}

/// Every migration version in migrations/ (the numbers may skip).
pub fn migration_versions() -> Vec<u32> {
    std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations"))
        .expect("migrations/")
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            name.strip_prefix('V')?.split("__").next()?.parse().ok()
        })
        .collect()
}

/// A table of cases: one `#[test]` per row, named for the behaviour it pins.
macro_rules! corpus {
    ($($name:ident => $case:expr,)*) => {
        $(
            #[test]
            fn $name() {
                $case.check(stringify!($name));
            }
        )*
    };
}
