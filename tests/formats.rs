//! One rectangular table per machine format, for every command: csv, tsv and jsonl (and each
//! section of the json of a multi-section command) load as one table each, by the rules of
//! Python's csv and json modules, every row with the same keys in the CSV's column order, and
//! integer columns stay integers.
mod common;
use common::{Env, Outcome};
use serde_json::Value;

const COMMANDS: &[&[&str]] = &[
    &["orgs"],
    &["show", "KPRF"],
    &["statements"],
    &["signatories", "solidnet-2022-01-18-kazakhstan"],
    &["signed", "KPRF"],
    &["stance", "KPRF"],
    &["compare", "KPRF", "cp-greece"],
    &["matrix"],
    &["camps", "csto-kazakhstan-2022"],
    &["members", "csto"],
    &["search", "Kazakhstan"],
    &["check"],
    &["issues"],
    &[
        "sql",
        "SELECT org_id, count(*) AS n, 1.5 AS r FROM signatures GROUP BY org_id",
    ],
    &["export", "signatories"],
];

fn run(env: &Env, format: &str, args: &[&str], section: Option<&str>) -> Outcome {
    let mut all = vec!["-f", format];
    all.extend_from_slice(args);
    if let Some(s) = section {
        all.extend(["--section", s]);
    }
    let out = env.run(&all);
    assert!(out.code == 0 || args[0] == "check", "{out}");
    out
}

/// Records of CSV or TSV text, every one as wide as the header (the csv crate's strict mode).
fn delimited(out: &Outcome, delimiter: u8) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .quoting(delimiter == b',')
        .from_reader(out.stdout.as_bytes());
    r.records()
        .map(|rec| {
            rec.unwrap_or_else(|e| panic!("{e}\n{out}"))
                .iter()
                .map(String::from)
                .collect()
        })
        .collect()
}

/// Check one section: csv, tsv, jsonl and json agree on columns, rows and integer types.
fn check_section(env: &Env, args: &[&str], section: Option<&str>, json: &[Value]) {
    let csv_out = run(env, "csv", args, section);
    let csv = delimited(&csv_out, b',');
    let header = &csv[0];
    assert_eq!(csv.len() - 1, json.len(), "csv and json rows\n{csv_out}");
    let tsv_out = run(env, "tsv", args, section);
    let tsv = delimited(&tsv_out, b'\t');
    assert_eq!(&tsv[0], header, "{tsv_out}");
    assert_eq!(tsv.len(), csv.len(), "{tsv_out}");
    let jsonl_out = run(env, "jsonl", args, section);
    let lines: Vec<&str> = jsonl_out.stdout.lines().collect();
    assert_eq!(lines.len(), json.len(), "{jsonl_out}");
    for (line, object) in lines.iter().zip(json) {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}\n{jsonl_out}"));
        assert_eq!(&v, object, "jsonl and json rows agree\n{jsonl_out}");
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        let mut sorted_header: Vec<&String> = header.iter().collect();
        sorted_header.sort();
        assert_eq!(
            keys, sorted_header,
            "every row has the CSV's keys\n{jsonl_out}"
        );
        let at: Vec<usize> = header
            .iter()
            .map(|c| {
                line.find(&format!("{}:", serde_json::to_string(c).unwrap()))
                    .unwrap()
            })
            .collect();
        assert!(
            at.is_sorted(),
            "json keys in the CSV's column order: {line}"
        );
    }
    for (i, column) in header.iter().enumerate() {
        let values: Vec<&Value> = json.iter().map(|o| &o[column]).collect();
        if values.iter().any(|v| v.is_i64()) && values.iter().all(|v| v.is_i64() || v.is_null()) {
            for rec in csv[1..].iter().chain(&tsv[1..]) {
                assert!(
                    rec[i].is_empty() || rec[i].parse::<i64>().is_ok(),
                    "{column} is an integer column, but has {:?}\n{csv_out}",
                    rec[i]
                );
            }
        }
    }
}

#[test]
fn every_command_gives_one_rectangular_table_per_format() {
    let env = Env::new();
    env.ready();
    for args in COMMANDS {
        let json_out = run(&env, "json", args, None);
        match json_out.json() {
            Value::Array(rows) => check_section(&env, args, None, &rows),
            Value::Object(sections) => {
                // Without --section, csv refuses, naming the sections.
                let refused = env.run(&[&["-f", "csv"], *args].concat());
                refused.code(2).one_line_error();
                for name in sections.keys() {
                    refused.stderr_has(name);
                    let one = run(&env, "json", args, Some(name)).json();
                    let rows = one.as_array().unwrap_or_else(|| panic!("{json_out}"));
                    assert_eq!(rows, sections[name].as_array().unwrap(), "{json_out}");
                    check_section(&env, args, Some(name), rows);
                }
            }
            other => panic!("json is an array or an object of sections: {other}"),
        }
    }
}

#[test]
fn counts_stay_integers_where_sections_used_to_be_padded() {
    let env = Env::new();
    let out = env.run(&[
        "-f",
        "csv",
        "camps",
        "csto-kazakhstan-2022",
        "--section",
        "camps",
    ]);
    let table = out.ok().table();
    for n in table.column("organisations") {
        n.parse::<i64>()
            .unwrap_or_else(|e| panic!("{n}: {e}\n{out}"));
    }
    env.run(&[
        "-f",
        "csv",
        "camps",
        "csto-kazakhstan-2022",
        "--section",
        "nope",
    ])
    .code(2)
    .one_line_error()
    .stderr_has("camps, organisations");
}

#[test]
fn compare_has_evidence_and_basis_in_separate_columns() {
    let env = Env::new();
    let out = env.run(&[
        "-f",
        "csv",
        "compare",
        "KPRF",
        "cp-greece",
        "--section",
        "comparison",
    ]);
    let table = out.ok().table();
    let csto = table.row("issue", "csto-kazakhstan-2022");
    assert_eq!(
        csto.pick(["cp-greece evidence", "cp-greece basis"]),
        ["own", "signature"]
    );
    assert!(!out.stdout.contains("own (signature)"), "{out}");
}
