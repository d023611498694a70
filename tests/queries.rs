//! `orgs` filters, `members`, `matrix`, `signed`, `statements`, `show`, `search` and `check`
//! on the seeded database; plus the behaviour every command shares (formats, pipes, help).
mod common;
use common::{Env, JOINT};

#[test]
fn orgs_filters_combine() {
    let env = Env::new();
    let out = env.run(&[
        "--format",
        "csv",
        "orgs",
        "--member-of",
        "SolidNet",
        "--country",
        "ua",
    ]);
    let orgs = out.ok().table();
    assert_eq!(
        orgs.column("id"),
        ["cp-ukraine", "union-communists-ukraine"],
        "{out}"
    );
    assert_eq!(orgs.column("country"), ["UA", "UA"], "{out}");
    let out = env.run(&[
        "--format",
        "csv",
        "orgs",
        "--signed",
        JOINT,
        "--country",
        "FR",
    ]);
    assert_eq!(out.ok().table().column("id"), ["pcrf", "prcf"], "{out}");
    let out = env.run(&[
        "--format",
        "csv",
        "orgs",
        "--stance",
        "csto-kazakhstan-2022=support",
        "--kind",
        "party",
    ]);
    assert_eq!(out.ok().table().column("id"), ["kprf"], "{out}");
    env.run(&["orgs", "--stance", "csto-kazakhstan-2022=maybe"])
        .code(2)
        .one_line_error();
    env.run(&["orgs", "--kind", "cult"])
        .code(2)
        .one_line_error();
    let out = env.run(&["orgs", "--country", "AQ"]);
    out.ok().stderr_has("no organisations match");
}

#[test]
fn members_of_an_alliance_with_and_without_a_date() {
    let env = Env::new();
    let out = env.run(&["--format", "csv", "members", "СКП-КПСС"]);
    let members = out.ok().table();
    assert_eq!(
        members.column("org_id"),
        ["kprf", "cp-belarus"],
        "leading member first\n{out}"
    );
    assert_eq!(
        members.row("org_id", "kprf").get("role"),
        "leading_member",
        "{out}"
    );
    let out = env.run(&[
        "--format",
        "csv",
        "members",
        "SolidNet",
        "--as-of",
        "2022-01-18",
    ]);
    out.ok().table().row("org_id", "cp-greece");
    env.run(&["members", "SolidNet", "--as-of", "2022-02-30"])
        .code(2)
        .one_line_error();
}

#[test]
fn matrix_is_one_row_per_organisation_and_one_column_per_issue() {
    let env = Env::new();
    let out = env.run(&[
        "--format",
        "csv",
        "matrix",
        "--issue",
        "csto-kazakhstan-2022",
        "--issue",
        "russia-imperialist",
        "--country",
        "RU",
    ]);
    let rows = out.ok().table();
    assert_eq!(
        rows.columns,
        [
            "org_id",
            "organisation",
            "kind",
            "country",
            "csto-kazakhstan-2022",
            "russia-imperialist"
        ],
        "{out}"
    );
    let issues = ["csto-kazakhstan-2022", "russia-imperialist"];
    let kprf = rows.row("org_id", "kprf");
    assert_eq!(kprf.pick(issues), ["support", "oppose"], "{out}");
    let rcwp = rows.row("org_id", "rcwp");
    assert_eq!(rcwp.pick(issues), ["oppose", ""], "{out}");
    assert!(rows.column("country").iter().all(|c| *c == "RU"), "{out}");
}

#[test]
fn matrix_is_the_current_stances_view_pivoted_in_organisation_id_order() {
    let env = Env::new();
    env.ready();
    // Added last, sorted first: the matrix is in id order, not in order of entry.
    env.run(&[
        "add",
        "org",
        "--unverified",
        "--name",
        "Aardvark Party",
        "--kind",
        "party",
        "--lang",
        "en",
    ])
    .ok();
    env.run(&[
        "add",
        "stance",
        "aardvark-party",
        "csto-kazakhstan-2022",
        "--value",
        "oppose",
        "--as-of",
        "2022-01-10",
        "--quote",
        "We oppose it.",
        "--source",
        JOINT,
        "--evidence",
        "attributed",
        "--unverified",
    ])
    .ok();
    let out = env.run(&["--format", "csv", "matrix"]);
    let table = out.ok().table();
    assert_eq!(table.rows[0][0], "aardvark-party", "{out}");
    let issues: Vec<String> = table.columns[4..].to_vec();
    let mut expected: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let c = env.sqlite();
    let mut st = c
        .prepare("SELECT org_id, issue_id, value FROM current_stances")
        .unwrap();
    let cells = st
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?))
        })
        .unwrap();
    for cell in cells {
        let (org, issue, value) = cell.unwrap();
        let at = issues
            .iter()
            .position(|i| *i == issue)
            .expect("issue column");
        expected
            .entry(org)
            .or_insert_with(|| vec![String::new(); issues.len()])[at] = value;
    }
    assert!(expected.len() > 20);
    let got: Vec<(String, Vec<String>)> = table
        .rows
        .iter()
        .map(|r| (r[0].clone(), r[4..].to_vec()))
        .collect();
    assert_eq!(got, expected.into_iter().collect::<Vec<_>>(), "{out}");
}

#[test]
fn signed_and_statements() {
    let env = Env::new();
    let out = env.run(&["--format", "csv", "signed", "PKP 1930"]);
    let signed = out.ok().table();
    let joint = signed.row("statement_id", "solidnet-2022-01-18-kazakhstan");
    assert_eq!(
        joint.get("name_as_printed"),
        "Philippines Communist Party [PKP 1930]",
        "{out}"
    );
    env.run(&["signed", "RCIT"])
        .ok()
        .stderr_has("signed no statement");
    let out = env.run(&["--format", "csv", "statements"]);
    let rows = out.ok().table();
    let joint = rows.row("id", "solidnet-2022-01-18-kazakhstan");
    assert_eq!(
        joint.pick(["signatories", "open_for_signatures"]),
        ["23", "yes"],
        "{out}"
    );
}

#[test]
fn show_gives_everything_about_an_organisation() {
    let env = Env::new();
    let out = env.run(&["--format", "json", "show", "КПРФ"]);
    let v = out.ok().json();
    for section in [
        "organisation",
        "names",
        "memberships",
        "people",
        "documents",
        "signed",
        "stances",
    ] {
        assert!(v.get(section).is_some(), "section {section}\n{out}");
    }
    let names: Vec<&str> = v["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    for n in ["KPRF", "CPRF", "КПРФ", "러시아연방공산당"] {
        assert!(names.contains(&n), "{n}\n{out}");
    }
    assert!(
        v["people"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["person"] == "Gennady Zyuganov"),
        "{out}"
    );
}

#[test]
fn search_crosses_scripts_and_finds_quotes() {
    let env = Env::new();
    let out = env.run(&["--format", "csv", "search", "KPRF"]);
    let rows = out.ok().table();
    let best = rows.rows().next().expect("a hit");
    assert_eq!(
        best.pick(["type", "id"]),
        ["organisation", "kprf"],
        "best hit first\n{out}"
    );
    // Cyrillic input finds the Latin forms too.
    let out = env.run(&["--format", "csv", "search", "кпрф"]);
    let hits = out.ok().table();
    let kprf = hits.row("id", "kprf");
    assert_eq!(
        kprf.pick(["type", "label", "matched"]),
        [
            "organisation",
            "Communist Party of the Russian Federation",
            "КПРФ"
        ],
        "{out}"
    );
    // Accent-insensitive: a name typed without its diacritics.
    let out = env.run(&["--format", "csv", "search", "Probsting"]);
    let hits = out.ok().table();
    assert_eq!(hits.row("id", "probsting").get("type"), "person", "{out}");
    // Quotes and titles containing the text, saying what matched.
    let out = env.run(&["--format", "csv", "search", "peacekeepers"]);
    let hits = out.ok().table();
    let quotes = hits.rows_where("type", "stance quote");
    assert!(
        quotes.iter().any(
            |q| q.get("label").starts_with("kprf on csto-kazakhstan-2022")
                && q.get("matched").contains("peacekeepers")
        ),
        "{out}"
    );
    let out = env.run(&["--format", "csv", "search", "Совместное заявление"]);
    let hits = out.ok().table();
    assert!(
        hits.rows_where("type", "document title")
            .iter()
            .any(|t| t.get("label").starts_with("solidnet-2022-01-18-kazakhstan")),
        "{out}"
    );
    env.run(&["search", "zzzzqqq"])
        .ok()
        .stderr_has("nothing matches");
}

#[test]
fn check_reports_a_member_dissenting_from_its_alliance() {
    let env = Env::new();
    let file = env.write(
        "belarus.csv",
        "id,org_id,issue_id,as_of,value,quote,document_id,speaker_id,evidence,note,seq\n\
         ,cp-belarus,kazakhstan-protests-2022,2022-01-10,support,We stand with the workers.,theses-2022-kazakhstan,,own,,\n"
            .as_bytes(),
    );
    env.run(&["import", "stances", file.to_str().unwrap()]).ok();
    let out = env.run(&["--format", "csv", "check"]);
    let rows = out.ok().csv();
    assert!(
        rows.iter().any(|r| r[0] == "dissent from alliance"
            && r[1] == "finding"
            && r[2] == "cp-belarus"
            && r[3].contains("'support'")
            && r[3].contains("skp-kpss is 'oppose'")),
        "{out}"
    );
}

#[test]
fn check_reports_real_inconsistencies_and_strict_fails_on_them() {
    let env = Env::new();
    let out = env.run(&["--format", "csv", "check"]);
    let rows = out.ok().table();
    let has = |check: &str, subject: &str| {
        rows.rows_where("check", check)
            .iter()
            .any(|r| r.pick(["status", "subject"]) == ["finding", subject])
    };
    assert!(has("stance changed over time", "kprf"), "{out}");
    // The KPRF's undated equivocal statement cannot be ordered against the account of
    // 8 January, so its current stance (oppose) agrees with the SKP–KPSS's: no dissent, but
    // the order is reported.
    assert!(has("order unknown", "kprf"), "{out}");
    assert!(!has("dissent from alliance", "kprf"), "{out}");
    assert!(has("no country", "cpsu"), "{out}");
    // Every check explains itself when it finds nothing.
    assert!(
        !rows
            .rows_where("check", "contradicts a signed statement")
            .is_empty(),
        "{out}"
    );
    for quiet in rows.rows_where("status", "none") {
        assert!(!quiet.get("detail").is_empty(), "{out}");
    }
    env.run(&["check", "--strict"])
        .code(1)
        .stderr_has("finding");
}

#[test]
fn output_piped_into_head_exits_quietly() {
    let env = Env::new();
    env.ready();
    let script = format!(
        "'{}' --db '{}' --format csv search a | head -n 1; echo \"status=${{PIPESTATUS[0]}}\"",
        env!("CARGO_BIN_EXE_stancedb"),
        env.db.display()
    );
    let o = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stdout.contains("status=0"), "{script}\n{stdout}\n{stderr}");
    assert!(stderr.is_empty(), "{script}\n{stderr}");
}

#[test]
fn help_documents_exit_codes_and_each_command_has_an_example() {
    let env = Env::new();
    env.run(&["--help"])
        .ok()
        .stdout_has("Exit codes:")
        .stdout_has("2  bad input");
    for cmd in [
        "orgs",
        "show",
        "statements",
        "signatories",
        "signed",
        "stance",
        "compare",
        "matrix",
        "camps",
        "members",
        "search",
        "check",
        "verify-quotes",
    ] {
        env.run(&[cmd, "--help"])
            .ok()
            .stdout_has("Example: stancedb");
    }
}
