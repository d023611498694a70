//! Reliability beyond refusals: a spreadsheet export (`--excel`) imports back exactly, with
//! no neutralising apostrophe stored; an import reads a pipe, `/dev/stdin` and a FIFO.
mod common;

use common::Env;

const FORMULA_LIKE: &str = "id,name,kind,note\n\
    f-eq,=SUM(1;2),party,+note\n\
    f-at,@home,party,-minus\n\
    f-wide,＝wide,party,\"\tindented\"\n\
    f-plain,Plain,party,\n";

fn plain_export(env: &Env) -> String {
    let out = env.run(&["export", "organisations"]);
    out.ok();
    out.stdout
}

#[test]
fn an_excel_export_imports_back_identically() {
    let source = Env::new();
    source.ready();
    let input = source.write("in.csv", FORMULA_LIKE.as_bytes());
    let input = input.to_str().expect("path");
    source.run(&["import", "organisations", input]).ok();
    let sheet = source.path("sheet.csv");
    let out = source.run(&[
        "export",
        "organisations",
        "--excel",
        "-o",
        sheet.to_str().expect("path"),
    ]);
    out.ok();
    let bytes = std::fs::read(&sheet).expect("read export");
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.starts_with('\u{feff}') && text.contains("'=SUM(1;2)"),
        "neutralised\n{text}"
    );
    let copy = Env::new();
    copy.ready();
    let back = copy.run(&[
        "import",
        "organisations",
        sheet.to_str().expect("path"),
        "--on-conflict",
        "replace",
    ]);
    back.ok();
    assert_eq!(
        plain_export(&copy),
        plain_export(&source),
        "the round trip changed rows\n{back}"
    );
    let conn = rusqlite::Connection::open(&copy.db).expect("open");
    let stored: i64 = conn
        .query_row(
            "SELECT count(*) FROM organisations WHERE name LIKE '''%' OR note LIKE '''%'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(stored, 0, "an apostrophe was stored");
}

fn imported_one(out: &common::Outcome, file: &str) {
    assert_eq!(
        out.stdout,
        format!("table,file,inserted,replaced,skipped,written\norganisations,{file},1,0,0,yes\n"),
        "{out}"
    );
}

#[test]
fn import_reads_a_pipe_on_standard_input() {
    let env = Env::new();
    env.ready();
    let out = env.run_stdin(
        &["-f", "csv", "import", "organisations", "-"],
        b"id,name,kind\npiped,Piped,party\n",
    );
    imported_one(&out, "(stdin)");
}

#[test]
fn import_reads_dev_stdin() {
    let env = Env::new();
    env.ready();
    let out = env.run_stdin(
        &["-f", "csv", "import", "organisations", "/dev/stdin"],
        b"id,name,kind\npiped,Piped,party\n",
    );
    imported_one(&out, "/dev/stdin");
}

#[test]
fn import_reads_a_fifo() {
    let env = Env::new();
    env.ready();
    let fifo = env.path("in.fifo");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            std::fs::write(fifo, "id,name,kind\nfifo,Through a FIFO,party\n")
        })
    };
    let path = fifo.to_str().expect("path");
    let out = env.run(&["-f", "csv", "import", "organisations", path]);
    writer.join().expect("writer").expect("write the FIFO");
    imported_one(&out, path);
}
