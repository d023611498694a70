//! `export`: the seed/ format byte for byte, the spreadsheet profile (BOM, CRLF, formulas
//! neutralised), XLSX read back by a real reader, read-only queries, and no partial files.
mod common;
use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{Env, assert_same_files, dir_files, seed_dir};

const JOINT_ID: &str = "solidnet-2022-01-18-kazakhstan";
const JOINT_SIGNATORIES: &str = "SELECT * FROM signatories \
     WHERE statement_id = 'solidnet-2022-01-18-kazakhstan' ORDER BY group_order, position";
const CYRILLIC: &str = "Коммунистическая партия Албании";
const KOREAN: &str = "오스트리아 노동당";
const FORMULA: &str = "=HYPERLINK(\"x\")";

/// Re-print three of the joint statement's signatories in Cyrillic, Korean and as a formula
/// (through `import --on-conflict replace`), so the 23-row export carries all three.
fn with_tricky_names(env: &Env) {
    let csv = format!(
        "id,document_id,org_id,name_as_printed,printed_group,position,signed_on,source_id,note\n\
         1,{JOINT_ID},cp-albania,{CYRILLIC},SolidNet Parties signing,1,,{JOINT_ID},\n\
         2,{JOINT_ID},party-of-labour-austria,{KOREAN},SolidNet Parties signing,2,,{JOINT_ID},\n\
         3,{JOINT_ID},cp-belgium,\"=HYPERLINK(\"\"x\"\")\",SolidNet Parties signing,3,,{JOINT_ID},\n"
    );
    let file = env.write("tricky.csv", csv.as_bytes());
    env.run(&[
        "import",
        "signatures",
        file.to_str().unwrap(),
        "--on-conflict",
        "replace",
    ])
    .ok();
}

#[test]
fn export_all_of_a_fresh_database_reproduces_seed_byte_for_byte() {
    let env = Env::new();
    let dir = env.path("out");
    let out = env.run(&["export", "--all", dir.to_str().unwrap()]);
    out.ok();
    let mut seed = dir_files(&seed_dir());
    // seed/ also holds DECISIONS.md, the curators' notes; export writes the CSV files.
    seed.retain(|name, _| name.ends_with(".csv"));
    assert_same_files(&dir_files(&dir), &seed, &out);
}

#[test]
fn excel_csv_of_the_23_signatories_has_bom_crlf_and_reads_back_cyrillic_korean_and_no_formula() {
    let env = Env::new();
    with_tricky_names(&env);
    let file = env.path("joint.csv");
    let out = env.run(&[
        "export",
        "--query",
        JOINT_SIGNATORIES,
        "--excel",
        "-o",
        file.to_str().unwrap(),
    ]);
    out.ok();
    let bytes = std::fs::read(&file).expect("exported file");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM\n{out}");
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    assert_eq!(
        text.matches("\r\n").count(),
        text.matches('\n').count(),
        "every line must end in CRLF\n{out}"
    );
    // A BOM-aware reader: strip the BOM, then parse.
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header = rdr.headers().expect("header").clone();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("record")).collect();
    assert_eq!(rows.len(), 23, "{out}");
    let printed = col("name_as_printed");
    assert_eq!(&rows[0][printed], CYRILLIC, "{out}");
    assert_eq!(&rows[1][printed], KOREAN, "{out}");
    assert_eq!(&rows[2][printed], "'=HYPERLINK(\"x\")", "{out}");
    assert_eq!(&rows[22][printed], "Communist Front (Italy)", "{out}");
    assert_eq!(&rows[0][col("statement_date")], "2022-01-18", "{out}");
}

#[test]
fn xlsx_of_the_23_signatories_reads_back_with_calamine_as_strings_and_dates_never_formulas() {
    let env = Env::new();
    with_tricky_names(&env);
    let file = env.path("joint.xlsx");
    let out = env.run(&[
        "export",
        "--query",
        JOINT_SIGNATORIES,
        "--xlsx",
        "-o",
        file.to_str().unwrap(),
    ]);
    out.ok();
    let mut book: Xlsx<_> = open_workbook(&file).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let range = book.worksheet_range("query").expect("sheet 'query'");
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), 24, "header + 23 rows\n{out}");
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let printed = col("name_as_printed");
    assert_eq!(rows[1][printed], Data::String(CYRILLIC.into()), "{out}");
    assert_eq!(rows[2][printed], Data::String(KOREAN.into()), "{out}");
    assert_eq!(rows[3][printed], Data::String(FORMULA.into()), "{out}");
    // The statement's full date is a real date (2022-01-18 = Excel serial 44579).
    match &rows[1][col("statement_date")] {
        Data::DateTime(d) => assert_eq!(d.as_f64(), 44579.0, "{out}"),
        other => panic!("statement_date is {other:?}, not a date\n{out}"),
    }
    // Ids stay text, positions are numbers.
    assert_eq!(rows[1][col("org_id")], Data::String("cp-albania".into()));
    assert_eq!(rows[1][col("position")], Data::Float(1.0));
    let formulas = book.worksheet_formula("query").expect("formulas");
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell may hold a formula\n{out}"
    );
}

/// The joint statement's rows of the unfiltered CSV export of `signatories`, every cell:
/// what a filtered export must reproduce.
fn joint_signatories_unfiltered(env: &Env) -> Vec<Vec<String>> {
    let all = env.run(&["export", "signatories"]);
    let all = all.ok().table();
    all.rows_where("statement_id", JOINT_ID)
        .iter()
        .map(|r| {
            all.columns
                .iter()
                .map(|c| r[c.as_str()].to_string())
                .collect()
        })
        .collect()
}

#[test]
fn where_exports_one_statements_signatories_to_csv_and_to_xlsx() {
    let env = Env::new();
    let want = joint_signatories_unfiltered(&env);
    assert_eq!(want.len(), 23, "the joint statement has 23 signatories");
    let where_joint = format!("statement_id={JOINT_ID}");
    let csv = env.path("joint.csv");
    let out = env.run(&[
        "-f",
        "csv",
        "export",
        "signatories",
        "--where",
        &where_joint,
        "-o",
        csv.to_str().unwrap(),
    ]);
    let summary = out.ok().table();
    assert_eq!(
        summary.row("exported", "signatories").get("rows"),
        "23",
        "{out}"
    );
    assert_eq!(
        common::csv_file(&csv).rows,
        want,
        "the filtered CSV is the statement's rows\n{out}"
    );
    let xlsx = env.path("joint.xlsx");
    let out = env.run(&[
        "export",
        "signatories",
        "--where",
        &where_joint,
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    out.ok();
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let range = book
        .worksheet_range("signatories")
        .expect("sheet 'signatories'");
    let rows: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let org_ids: Vec<String> = rows[1..]
        .iter()
        .map(|r| r[col("org_id")].to_string())
        .collect();
    let want_ids: Vec<String> = want.iter().map(|r| r[6].clone()).collect();
    assert_eq!(header[6], "org_id");
    assert_eq!(
        org_ids, want_ids,
        "the workbook holds the same 23 signatories\n{out}"
    );
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[col("statement_id")] == Data::String(JOINT_ID.into())),
        "{out}"
    );
}

#[test]
fn where_repeats_as_and_matches_empty_cells_and_works_in_every_text_format() {
    let env = Env::new();
    let joint = format!("statement_id={JOINT_ID}");
    let out = env.run(&[
        "export",
        "signatories",
        "--where",
        &joint,
        "--where",
        "country=FR",
    ]);
    assert_eq!(out.ok().table().column("org_id"), ["pcrf", "prcf"], "{out}");
    // An empty value matches what exports as an empty cell (NULL).
    let all = env.run(&["export", "organisations"]);
    let all = all.ok().table();
    let out = env.run(&["export", "organisations", "--where", "country="]);
    let none = out.ok().table();
    assert!(!none.is_empty(), "{out}");
    assert_eq!(
        none.column("id"),
        all.rows_where("country", "")
            .iter()
            .map(|r| &r["id"])
            .collect::<Vec<_>>(),
        "{out}"
    );
    // An integer column compares as it is written.
    let out = env.run(&[
        "export",
        "signatures",
        "--where",
        "position=3",
        "--where",
        "org_id=cp-belgium",
    ]);
    assert_eq!(out.ok().table().column("id"), ["3"], "{out}");
    for format in ["json", "jsonl"] {
        let out = env.run(&[
            "-f",
            format,
            "export",
            "signatories",
            "--where",
            &joint,
            "--where",
            "country=FR",
        ]);
        assert_eq!(
            out.ok().json_table().column("org_id"),
            ["pcrf", "prcf"],
            "{out}"
        );
    }
    let out = env.run(&[
        "-f",
        "tsv",
        "export",
        "signatories",
        "--where",
        &joint,
        "--where",
        "country=FR",
    ]);
    let lines: Vec<&str> = out.ok().stdout.lines().collect();
    assert_eq!(lines.len(), 3, "header and two rows\n{out}");
}

#[test]
fn where_takes_only_the_exported_columns_and_binds_its_values() {
    let env = Env::new();
    env.ready();
    let file = env.path("none.csv");
    let out = env.run(&[
        "export",
        "signatories",
        "--where",
        "colour=red",
        "-o",
        file.to_str().unwrap(),
    ]);
    out.code(2).one_line_error().stderr_has(
        "--where: 'colour' is not a column of signatories (columns: statement_id, statement, ",
    );
    assert!(!file.exists(), "a refused export wrote a file\n{out}");
    // The search_key columns are not part of the export, so not filters either.
    env.run(&["export", "names", "--where", "search_key=kprf"])
        .code(2)
        .one_line_error();
    env.run(&["export", "signatories", "--where", "country"])
        .code(2)
        .one_line_error()
        .stderr_has("takes COLUMN=VALUE, not 'country'");
    env.run(&["export", "--query", "SELECT 1", "--where", "a=1"])
        .code(2)
        .one_line_error()
        .stderr_has("cannot be used with '--where <COLUMN=VALUE>'");
    // SQL in a value is a value: no row matches it and nothing runs.
    let before = env.db_bytes();
    let out = env.run(&["export", "organisations", "--where", "id=x' OR '1'='1"]);
    assert!(out.ok().table().is_empty(), "{out}");
    assert!(env.db_bytes() == before, "the database changed");
}

#[test]
fn xlsx_is_chosen_by_flag_or_by_the_file_extension() {
    let env = Env::new();
    for (args, name) in [
        (vec!["--xlsx"], "flag.xlsx"),
        (vec!["--format", "xlsx"], "format.xlsx"),
        (vec![], "by-extension.xlsx"),
    ] {
        let file = env.path(name);
        let mut cmd = vec!["export", "signatories", "-o", file.to_str().unwrap()];
        cmd.extend(args);
        let out = env.run(&cmd);
        out.ok().stdout_has("signatories");
        let mut book: Xlsx<_> = open_workbook(&file).unwrap_or_else(|e| panic!("{e}\n{out}"));
        let range = book.worksheet_range("signatories").expect("sheet");
        assert_eq!(range.height(), 24, "header + 23 signatures\n{out}");
        assert!(
            range.rows().any(|r| r.iter().any(|c| matches!(
                c,
                Data::String(s) if s == "Philippines Communist Party [PKP 1930]"
            ))),
            "{out}"
        );
    }
}

#[test]
fn every_command_writes_xlsx_with_a_sheet_per_section_when_redirected() {
    let env = Env::new();
    let out = env.run(&["--format", "xlsx", "camps", "csto-kazakhstan-2022"]);
    let bytes = out.ok().stdout.clone();
    assert!(bytes.starts_with("PK"), "an XLSX (zip) file\n{out}");
    let file = env.path("camps.xlsx");
    // stdout was captured lossily as text; run again straight into the file.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_stancedb"))
        .args([
            "--db",
            env.db.to_str().unwrap(),
            "--format",
            "xlsx",
            "camps",
            "csto-kazakhstan-2022",
        ])
        .output()
        .unwrap();
    std::fs::write(&file, &o.stdout).unwrap();
    let mut book: Xlsx<_> = open_workbook(&file).unwrap_or_else(|e| panic!("{e}\n{out}"));
    assert!(
        book.sheet_names().contains(&"camps".to_string()),
        "{:?}",
        book.sheet_names()
    );
    let orgs = book
        .worksheet_range("organisations")
        .expect("organisations sheet");
    assert!(
        orgs.rows()
            .any(|r| r.contains(&Data::String("kprf".into()))),
        "{out}"
    );
}

#[test]
fn export_all_as_xlsx_is_one_workbook_with_a_sheet_per_table() {
    let env = Env::new();
    let file = env.path("tables.xlsx");
    let out = env.run(&["export", "--all", file.to_str().unwrap()]);
    out.ok();
    let mut book: Xlsx<_> = open_workbook(&file).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let sheets = book.sheet_names();
    assert_eq!(sheets.len(), 17, "{sheets:?}\n{out}");
    assert_eq!(sheets[0], "organisations");
    assert_eq!(sheets[15], "stances");
    assert_eq!(sheets[16], "interpretations");
    let names = book.worksheet_range("names").expect("names sheet");
    let seed_rows = std::fs::read_to_string(seed_dir().join("names.csv"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(names.height(), seed_rows, "{out}");
}

#[test]
fn raw_csv_is_not_neutralised_and_json_jsonl_tsv_stream_to_stdout() {
    let env = Env::new();
    with_tricky_names(&env);
    let out = env.run(&["export", "signatures"]);
    out.ok().stdout_has("\"=HYPERLINK(\"\"x\"\")\"");
    assert!(
        !out.stdout.starts_with('\u{feff}'),
        "raw CSV has no BOM\n{out}"
    );
    assert!(
        !out.stdout.contains('\r'),
        "raw CSV ends lines in LF\n{out}"
    );

    let out = env.run(&["-f", "json", "export", "signatories"]);
    let v = out.ok().json();
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 23, "{out}");
    assert_eq!(rows[0]["name_as_printed"], CYRILLIC, "{out}");
    assert_eq!(rows[0]["position"], 1, "{out}");
    assert!(rows[0]["signed_on"].is_null(), "{out}");

    let out = env.run(&["--format", "jsonl", "export", "members"]);
    let lines: Vec<&str> = out.ok().stdout.lines().collect();
    assert_eq!(lines.len(), 24, "{out}");
    for l in lines {
        serde_json::from_str::<serde_json::Value>(l).unwrap_or_else(|e| panic!("{e}: {l}"));
    }

    let out = env.run(&[
        "-f",
        "tsv",
        "export",
        "--query",
        "SELECT 'a' || char(9) || 'b' AS x",
    ]);
    assert_eq!(out.ok().stdout, "x\na\\tb\n", "{out}");
}

#[test]
fn query_refuses_anything_but_one_select_and_changes_nothing() {
    let env = Env::new();
    env.ready();
    let before = env.db_bytes();
    for (sql, needle) in [
        ("DELETE FROM names", "not DELETE"),
        ("UPDATE names SET name = 'x'", "not UPDATE"),
        ("DROP TABLE names", "not DROP"),
        ("PRAGMA table_info(names)", "not PRAGMA"),
        ("ATTACH 'x.db' AS x", "not ATTACH"),
        ("SELECT 1; DELETE FROM names", "exactly one statement"),
        ("SELECT * FROM no_such_table", "no such table"),
        ("", "empty"),
    ] {
        env.run(&["export", "--query", sql])
            .code(2)
            .stderr_has(needle)
            .one_line_error();
    }
    assert_eq!(env.db_bytes(), before, "the database must not change");
    let out = env.run(&[
        "-f",
        "csv",
        "export",
        "--query",
        "-- a comment first\nWITH n AS (SELECT count(*) AS c FROM signatures) SELECT c FROM n",
    ]);
    assert_eq!(out.ok().stdout, "c\n23\n", "{out}");
}

#[test]
fn unknown_source_and_contradictory_formats_are_input_errors() {
    let env = Env::new();
    env.run(&["export", "nope"])
        .code(2)
        .stderr_has("tables: organisations")
        .stderr_has("views: signatories");
    env.run(&["-f", "csv", "export", "names", "--xlsx"])
        .code(2)
        .stderr_has("choose one format");
    env.run(&["-f", "json", "export", "names", "--excel"])
        .code(2)
        .stderr_has("--excel");
    env.run(&["-f", "md", "export", "names"]).code(2);
    env.run(&["export"]).code(2);
}

#[test]
fn a_failing_export_leaves_no_file_and_no_temporary_file() {
    let env = Env::new();
    let dir = env.path("out");
    std::fs::create_dir(&dir).unwrap();
    let file = dir.join("x.csv");
    // Fails after some rows were written: abs() of the smallest integer overflows.
    let out = env.run(&[
        "export",
        "--query",
        "SELECT CASE WHEN id > 50 THEN abs(-9223372036854775807 - 1) ELSE id END AS n FROM names",
        "-o",
        file.to_str().unwrap(),
    ]);
    out.code(2).stderr_has("overflow");
    assert!(
        dir_files(&dir).is_empty(),
        "left behind: {:?}\n{out}",
        dir_files(&dir).keys()
    );
    // An existing file is left as it was.
    std::fs::write(&file, b"keep me").unwrap();
    env.run(&[
        "export",
        "--query",
        "SELECT abs(-9223372036854775807 - 1)",
        "-o",
        file.to_str().unwrap(),
    ])
    .code(2);
    assert_eq!(std::fs::read(&file).unwrap(), b"keep me");
    assert_eq!(dir_files(&dir).len(), 1);
}

/// 300,000 generated rows: no cap, and the progress bar stays silent off a terminal.
const MANY: &str = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) \
     SELECT x, 'row ' || x AS label FROM c";

#[test]
fn large_exports_have_no_row_cap_and_are_silent_on_stderr_off_a_terminal() {
    let env = Env::new();
    let file = env.path("many.csv");
    let out = env.run(&["export", "--query", MANY, "-o", file.to_str().unwrap()]);
    out.ok().stdout_has("300000");
    assert_eq!(out.stderr, "", "{out}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.lines().count(), 300_001);
    assert!(text.ends_with("300000,row 300000\n"));
}

#[test]
fn a_closed_pipe_ends_the_export_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let env = Env::new();
    env.ready();
    let mut child = common::bin()
        .arg("--db")
        .arg(&env.db)
        .args(["export", "--query", MANY])
        .env_remove("STANCEDB_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("read");
    assert_eq!(first, "x,label\n");
    // The reader is dropped here: the pipe closes.
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(stderr, "");
}

#[cfg(unix)]
#[test]
fn sigint_during_an_export_leaves_no_partial_file() {
    use std::time::{Duration, Instant};
    let env = Env::new();
    env.ready();
    let dir = env.path("out");
    std::fs::create_dir(&dir).unwrap();
    let file = dir.join("endless.csv");
    let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c";
    let mut child = common::bin()
        .arg("--db")
        .arg(&env.db)
        .args(["export", "--query", endless, "-o", file.to_str().unwrap()])
        .env_remove("STANCEDB_DB")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // Wait until the temporary file exists and grows, then interrupt.
    let start = Instant::now();
    while dir_files(&dir).is_empty() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(!dir_files(&dir).is_empty(), "the export never started");
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let start = Instant::now();
    let code = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s.code();
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("export did not stop on SIGINT");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = child.wait_with_output().expect("output");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(code, Some(0), "stderr: {stderr}");
    assert!(stderr.contains("interrupted"), "stderr: {stderr}");
    assert!(
        dir_files(&dir).is_empty(),
        "left behind: {:?}",
        dir_files(&dir).keys()
    );
}
