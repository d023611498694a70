//! FILE:LINE:COLUMN held against Python's `csv` module: for files with LF, CRLF, CR and mixed
//! line ends, a BOM, blank lines and quoted fields spanning lines, the line stancedb reports
//! for a bad row is the line Python's reader starts that row on, and the column is the first
//! field past the row's end. Skipped, with a notice, when python3 is not installed.
mod common;

use std::process::Command;

use common::Env;

/// Python: the line each row starts on and its field count, for the row whose first field is
/// `bad-row`.
const SCRIPT: &str = r#"
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    reader = csv.reader(f)
    previous = 0
    for row in reader:
        start, previous = previous + 1, reader.line_num
        if row and row[0] == 'bad-row':
            print(start, len(row))
            break
"#;

/// The files: every kind of line end, around rows that span lines.
fn files() -> Vec<(&'static str, String)> {
    let body = |end: &str| {
        format!(
            "id,name,kind,note{end}a,A,party,\"one{end}two\"{end}{end}b,B,party,{end}\
             c,C,party,\"x{end}y{end}z\"{end}bad-row,Bad{end}d,D,party,{end}"
        )
    };
    vec![
        ("lf", body("\n")),
        ("crlf", body("\r\n")),
        ("cr", body("\r")),
        ("bom-crlf", format!("\u{feff}{}", body("\r\n"))),
        (
            "mixed",
            "id,name,kind,note\r\na,A,party,\"one\rtwo\"\nb,B,party,\r\r\nc,C,party,\"x\r\ny\"\rbad-row,Bad\nd,D,party,\n"
                .to_string(),
        ),
        (
            "blank-lines",
            "\n\r\nid,name,kind,note\n\n\na,A,party,\"x\n\"\n\r\n\rbad-row,Bad\r\n".to_string(),
        ),
        (
            "quoted-commas",
            "id,name,kind,note\na,\"A, B\",party,\"q,\r\n\"\"r\"\"\r\"\nbad-row,Bad,party,n,extra\n"
                .to_string(),
        ),
    ]
}

fn python_place(path: &std::path::Path) -> (u64, u64) {
    let out = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(path)
        .output()
        .expect("run python3");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut words = text
        .split_whitespace()
        .map(|w| w.parse::<u64>().expect("number"));
    let line = words.next().expect("python found the row");
    let fields = words.next().expect("field count");
    (line, fields)
}

#[test]
fn lines_and_columns_match_pythons_csv_reader() {
    if Command::new("python3").arg("--version").output().is_err() {
        println!("notice: python3 is not installed; the comparison with Python's csv is skipped");
        return;
    }
    let env = Env::new();
    env.ready();
    for (name, content) in files() {
        let file = format!("{name}.csv");
        let path = env.write(&file, content.as_bytes());
        let (line, fields) = python_place(&path);
        let column = fields.min(4) + 1;
        let mut cmd = common::bin();
        cmd.current_dir(env.dir.path())
            .arg("--db")
            .arg(&env.db)
            .args(["import", "organisations", &file]);
        let out = common::run_cmd(cmd, format!("stancedb import organisations {file}"));
        let want = format!(
            "stancedb: {file}:{line}:{column}: expected 4 fields like the header, found {fields}\n"
        );
        assert_eq!(
            out.stderr, want,
            "{name}: Python places the row at {line}\n{out}"
        );
        assert_eq!(out.code, 2, "{out}");
    }
}
