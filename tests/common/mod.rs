//! Shared test harness: runs the real stancedb binary against a database in a temp dir and
//! reports the command, stdout and stderr whenever an expectation fails.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Env {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

pub struct Outcome {
    pub cmd: String,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// stdout exactly as written (for binary output such as XLSX).
    pub stdout_bytes: Vec<u8>,
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "command: {}\nexit code: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.cmd, self.code, self.stdout, self.stderr
        )
    }
}

impl Outcome {
    /// Assert exit code 0 and return self.
    #[track_caller]
    pub fn ok(&self) -> &Self {
        assert_eq!(self.code, 0, "expected success\n{self}");
        self
    }
    /// Assert a given exit code.
    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "expected exit code {code}\n{self}");
        self
    }
    #[track_caller]
    pub fn stdout_has(&self, needle: &str) -> &Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}\n{self}"
        );
        self
    }
    #[track_caller]
    pub fn stdout_lacks(&self, needle: &str) -> &Self {
        assert!(
            !self.stdout.contains(needle),
            "stdout has {needle:?}\n{self}"
        );
        self
    }
    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}\n{self}"
        );
        self
    }
    /// Assert stderr is exactly one line.
    #[track_caller]
    pub fn one_line_error(&self) -> &Self {
        assert_eq!(
            self.stderr.trim_end().lines().count(),
            1,
            "expected a one-line error\n{self}"
        );
        self
    }
    /// stdout parsed as CSV records (header first).
    #[track_caller]
    pub fn csv(&self) -> Vec<Vec<String>> {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(self.stdout.as_bytes());
        r.records()
            .map(|x| {
                x.unwrap_or_else(|e| panic!("bad CSV: {e}\n{self}"))
                    .iter()
                    .map(String::from)
                    .collect()
            })
            .collect()
    }
    /// stdout parsed as CSV with a header: rows addressable by column name.
    #[track_caller]
    pub fn table(&self) -> Table {
        let mut records = self.csv().into_iter();
        let columns = records
            .next()
            .unwrap_or_else(|| panic!("no CSV header\n{self}"));
        Table {
            columns,
            rows: records.collect(),
            context: self.to_string(),
        }
    }
    /// stdout parsed as a JSON array of objects (or JSON lines), as a table by key: strings as
    /// they are, null as "", numbers and booleans as written. Columns in order of appearance.
    #[track_caller]
    pub fn json_table(&self) -> Table {
        let objects: Vec<serde_json::Value> = match serde_json::from_str(&self.stdout) {
            Ok(serde_json::Value::Array(items)) => items,
            Ok(other) => panic!("not a JSON array: {other}\n{self}"),
            Err(_) => self
                .stdout
                .lines()
                .map(|l| {
                    serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line: {e}\n{self}"))
                })
                .collect(),
        };
        Table::from_objects(&objects, self.to_string())
    }
    /// One section of a multi-section command's JSON (an object keyed by section), as a
    /// table by key.
    #[track_caller]
    pub fn json_section(&self, name: &str) -> Table {
        let v = self.json();
        let items = v
            .get(name)
            .and_then(|s| s.as_array())
            .unwrap_or_else(|| panic!("no JSON section {name:?}\n{self}"));
        Table::from_objects(items, self.to_string())
    }
    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("bad JSON: {e}\n{self}"))
    }
    /// stdout (`-f json`) as its array of row objects.
    #[track_caller]
    pub fn json_rows(&self) -> Vec<serde_json::Value> {
        match self.json() {
            serde_json::Value::Array(a) => a,
            other => panic!("expected a JSON array, got {other}\n{self}"),
        }
    }
}

/// Rows of a command's output addressable by column name, so a test says which column it
/// means; every lookup that fails shows the command, stdout and stderr.
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    context: String,
}

/// One row of a `Table`; `row["column"]` is its cell.
#[derive(Clone, Copy)]
pub struct Row<'a> {
    table: &'a Table,
    cells: &'a [String],
}

impl Table {
    fn from_objects(objects: &[serde_json::Value], context: String) -> Table {
        let mut columns: Vec<String> = Vec::new();
        for o in objects {
            let map = o
                .as_object()
                .unwrap_or_else(|| panic!("not a JSON object: {o}\n{context}"));
            for k in map.keys() {
                if !columns.contains(k) {
                    columns.push(k.clone());
                }
            }
        }
        let text = |v: Option<&serde_json::Value>| match v {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        };
        let rows = objects
            .iter()
            .map(|o| columns.iter().map(|c| text(o.get(c))).collect())
            .collect();
        Table {
            columns,
            rows,
            context,
        }
    }
    /// The index of a column, or a failure naming the columns there are.
    #[track_caller]
    pub fn col(&self, name: &str) -> usize {
        self.columns
            .iter()
            .position(|c| c == name)
            .unwrap_or_else(|| panic!("no column {name:?} in {:?}\n{self}", self.columns))
    }
    pub fn len(&self) -> usize {
        self.rows.len()
    }
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows
            .iter()
            .map(move |cells| Row { table: self, cells })
    }
    /// Every value of one column, in row order.
    #[track_caller]
    pub fn column(&self, name: &str) -> Vec<&str> {
        let i = self.col(name);
        self.rows.iter().map(|r| r[i].as_str()).collect()
    }
    /// The rows whose `column` is `value`.
    #[track_caller]
    pub fn rows_where(&self, column: &str, value: &str) -> Vec<Row<'_>> {
        let i = self.col(column);
        self.rows().filter(|r| r.cells[i] == value).collect()
    }
    /// The one row whose `column` is `value`; fails when there is none or more than one.
    #[track_caller]
    pub fn row(&self, column: &str, value: &str) -> Row<'_> {
        match self.rows_where(column, value).as_slice() {
            [one] => *one,
            many => panic!(
                "expected one row with {column} = {value:?}, found {}\n{self}",
                many.len()
            ),
        }
    }
}

/// A CSV file (header first) as a table by column name.
#[track_caller]
pub fn csv_file(path: &Path) -> Table {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let out = Outcome {
        cmd: format!("(the file {})", path.display()),
        code: 0,
        stdout: text,
        stderr: String::new(),
        stdout_bytes: Vec::new(),
    };
    out.table()
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.context)
    }
}

impl<'a> Row<'a> {
    /// The cell in `column`.
    #[track_caller]
    pub fn get(&self, column: &str) -> &'a str {
        &self.cells[self.table.col(column)]
    }
    /// The cells of several columns, for one comparison.
    #[track_caller]
    pub fn pick<const N: usize>(&self, columns: [&str; N]) -> [&'a str; N] {
        columns.map(|c| self.get(c))
    }
}

impl std::ops::Index<&str> for Row<'_> {
    type Output = str;
    #[track_caller]
    fn index(&self, column: &str) -> &str {
        self.get(column)
    }
}

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stancedb"))
}

/// Run a command line, capturing everything.
pub fn run_cmd(mut cmd: Command, shown: String) -> Outcome {
    cmd.env_remove("STANCEDB_DB").env("NO_COLOR", "1");
    outcome(shown, cmd.output().expect("run stancedb"))
}

/// Run any program with `stdin` written to its standard input, capturing everything.
pub fn run_piped(mut cmd: Command, shown: String, stdin: &[u8]) -> Outcome {
    use std::io::Write;
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {shown}: {e}"));
    // A program may exit without reading all of it; what it did is in its outcome.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    outcome(shown, child.wait_with_output().expect("wait"))
}

/// The outcome of a finished process, shown as the command line `shown`.
pub fn outcome(shown: String, out: std::process::Output) -> Outcome {
    Outcome {
        cmd: shown,
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        stdout_bytes: out.stdout,
    }
}

impl Env {
    /// A temp dir with no database yet (it is created on first use).
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("test.sqlite");
        Env { dir, db }
    }

    /// Run `stancedb --db <db> ARGS…`.
    pub fn run(&self, args: &[&str]) -> Outcome {
        let mut cmd = bin();
        cmd.arg("--db").arg(&self.db).args(args);
        run_cmd(
            cmd,
            format!("stancedb --db {} {}", self.db.display(), shell_words(args)),
        )
    }

    /// Run with extra stdin.
    pub fn run_stdin(&self, args: &[&str], stdin: &[u8]) -> Outcome {
        let mut cmd = bin();
        cmd.arg("--db")
            .arg(&self.db)
            .args(args)
            .env("NO_COLOR", "1")
            .env_remove("STANCEDB_DB");
        let shown = format!(
            "stancedb --db {} {} < (stdin)",
            self.db.display(),
            shell_words(args)
        );
        run_piped(cmd, shown, stdin)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, content: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, content).expect("write file");
        p
    }

    /// Make sure the database exists (created on first use by any command).
    pub fn ready(&self) -> &Self {
        self.run(&["statements"]).ok();
        self
    }

    /// A connection to the database file, for checks made below the command line.
    pub fn sqlite(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db)
            .unwrap_or_else(|e| panic!("open {}: {e}", self.db.display()))
    }

    /// The bytes of the database file.
    pub fn db_bytes(&self) -> Vec<u8> {
        std::fs::read(&self.db).expect("read db")
    }
}

pub fn shell_words(args: &[&str]) -> String {
    args.iter()
        .map(|a| {
            if a.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./=".contains(c))
            {
                a.to_string()
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The folder of source texts beside this repository (present in CI), if any.
pub fn seeds_dir() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!(
            "NOTICE: {} not found; source-text checks skipped",
            p.display()
        );
        None
    }
}

/// A database holding the five seed texts (`add texts ../shared/seeds`), if they are there.
pub fn with_seed_texts() -> Option<Env> {
    let seeds = seeds_dir()?;
    let env = Env::new();
    env.run(&["add", "texts", seeds.to_str().expect("utf-8 path")])
        .ok();
    Some(env)
}

pub const JOINT: &str =
    "Joint Statement of Communist and Workers' Parties on the situation in Kazakhstan";

/// The repository's seed/ directory (the CSV files the binary embeds).
pub fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seed")
}

/// Every file directly in `dir`, by name, with its bytes.
pub fn dir_files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| {
            let e = e.expect("dir entry");
            let bytes = std::fs::read(e.path()).expect("read file");
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

/// Assert two directories hold the same files with the same bytes, naming the first difference.
#[track_caller]
pub fn assert_same_files(
    got: &std::collections::BTreeMap<String, Vec<u8>>,
    want: &std::collections::BTreeMap<String, Vec<u8>>,
    context: &dyn std::fmt::Display,
) {
    let names =
        |m: &std::collections::BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(got), names(want), "file lists differ\n{context}");
    for (name, bytes) in want {
        let other = &got[name];
        if other != bytes {
            let a = String::from_utf8_lossy(other);
            let b = String::from_utf8_lossy(bytes);
            let line = a
                .lines()
                .zip(b.lines())
                .position(|(x, y)| x != y)
                .map_or(a.lines().count().min(b.lines().count()), |i| i);
            panic!(
                "{name} differs at line {}:\n got: {:?}\nwant: {:?}\n{context}",
                line + 1,
                a.lines().nth(line),
                b.lines().nth(line)
            );
        }
    }
}

/// What a pseudo-terminal `cols` wide shows (stdout and stderr) for `stancedb ARGS`, run by
/// `script` with the environment assignments `vars` (COLUMNS and NO_COLOR unset, TERM=xterm).
pub fn pty(env: &Env, cols: usize, vars: &str, args: &[&str]) -> String {
    let bin = env!("CARGO_BIN_EXE_stancedb");
    let db = env.db.display().to_string();
    let line = format!(
        "stty cols {cols} rows 50; env -u COLUMNS -u NO_COLOR TERM=xterm {vars} {} --db {} {}",
        shell_words(&[bin]),
        shell_words(&[&db]),
        shell_words(args)
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_remove("STANCEDB_DB")
        .output()
        .expect("`script` (util-linux) runs commands in a pseudo-terminal for these tests");
    assert!(out.status.success(), "{line}\n{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A database holding a statement titled `title` (dated 2022-01-20, in English) whose stored
/// text is `text`, read from a file named `file`; the statement's id.
pub fn statement_with_text(env: &Env, title: &str, file: &str, text: &str) -> String {
    let added = env.run(&[
        "-f",
        "json",
        "add",
        "document",
        "--title",
        title,
        "--kind",
        "statement",
        "--languages",
        "en",
        "--date",
        "2022-01-20",
    ]);
    let id = added.ok().json_section("documents").column("id")[0].to_string();
    let path = env.write(file, text.as_bytes());
    env.run(&[
        "add",
        "text",
        &id,
        path.to_str().expect("utf-8"),
        "--lang",
        "en",
    ])
    .ok();
    id
}
