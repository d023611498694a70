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
    let ids: Vec<String> = out.ok().csv()[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(ids, ["cp-ukraine", "union-communists-ukraine"], "{out}");
    let out = env.run(&[
        "--format",
        "csv",
        "orgs",
        "--signed",
        JOINT,
        "--country",
        "FR",
    ]);
    assert_eq!(out.ok().csv().len(), 3, "{out}");
    let out = env.run(&[
        "--format",
        "csv",
        "orgs",
        "--stance",
        "csto-kazakhstan-2022=support",
        "--kind",
        "party",
    ]);
    let ids: Vec<String> = out.ok().csv()[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(ids, ["kprf"], "{out}");
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
    let ids: Vec<String> = out.ok().csv()[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(ids, ["kprf", "cp-belarus"], "leading member first\n{out}");
    env.run(&[
        "--format",
        "csv",
        "members",
        "SolidNet",
        "--as-of",
        "2022-01-18",
    ])
    .ok()
    .stdout_has("cp-greece");
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
    let rows = out.ok().csv();
    assert_eq!(
        rows[0],
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
    let kprf = rows.iter().find(|r| r[0] == "kprf").expect("kprf");
    assert_eq!(
        (kprf[4].as_str(), kprf[5].as_str()),
        ("support", "oppose"),
        "{out}"
    );
    let rcwp = rows.iter().find(|r| r[0] == "rcwp").expect("rcwp");
    assert_eq!(
        (rcwp[4].as_str(), rcwp[5].as_str()),
        ("oppose", ""),
        "{out}"
    );
}

#[test]
fn signed_and_statements() {
    let env = Env::new();
    env.run(&["--format", "csv", "signed", "PKP 1930"])
        .ok()
        .stdout_has("solidnet-2022-01-18-kazakhstan")
        .stdout_has("Philippines Communist Party [PKP 1930]");
    env.run(&["signed", "RCIT"])
        .ok()
        .stderr_has("signed no statement");
    let out = env.run(&["--format", "csv", "statements"]);
    let rows = out.ok().csv();
    let joint = rows
        .iter()
        .find(|r| r[0] == "solidnet-2022-01-18-kazakhstan")
        .expect("joint");
    assert_eq!(joint[5], "23", "{out}");
    assert_eq!(joint[6], "yes", "{out}");
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
    let rows = out.ok().csv();
    assert_eq!(
        (rows[1][0].as_str(), rows[1][1].as_str()),
        ("organisation", "kprf"),
        "best hit first\n{out}"
    );
    // Cyrillic input finds the Latin forms too.
    env.run(&["--format", "csv", "search", "кпрф"])
        .ok()
        .stdout_has("organisation,kprf,Communist Party of the Russian Federation,КПРФ,");
    // Accent-insensitive: a name typed without its diacritics.
    env.run(&["--format", "csv", "search", "Probsting"])
        .ok()
        .stdout_has("person,probsting");
    // Quotes and titles containing the text, saying what matched.
    env.run(&["--format", "csv", "search", "peacekeepers"])
        .ok()
        .stdout_has("stance quote")
        .stdout_has("kprf on csto-kazakhstan-2022");
    env.run(&["--format", "csv", "search", "Совместное заявление"])
        .ok()
        .stdout_has("document title");
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
    let rows = out.ok().csv();
    let has = |check: &str, subject: &str| {
        rows.iter()
            .any(|r| r[0] == check && r[1] == "finding" && r[2] == subject)
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
        rows.iter()
            .any(|r| r[0] == "contradicts a signed statement"),
        "{out}"
    );
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
