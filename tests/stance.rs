//! `stance` and name resolution: the KPRF reached through its name forms in three scripts,
//! its change of position over time, and the traps between similar names.
mod common;
use common::Env;

#[test]
fn kprf_stance_is_reached_through_name_forms_in_three_scripts() {
    let env = Env::new();
    let forms = [
        "kprf",
        "KPRF",
        "CPRF",
        "КПРФ",
        "кпрф",
        "러시아연방공산당",
        "Communist Party of the Russian Federation",
        "communist party of russia",
    ];
    let reference = env.run(&[
        "--format",
        "csv",
        "stance",
        "kprf",
        "--issue",
        "csto-kazakhstan-2022",
    ]);
    reference
        .ok()
        .stdout_has("support")
        .stdout_has("forced but adequate and timely measure");
    for f in forms {
        let out = env.run(&[
            "--format",
            "csv",
            "stance",
            f,
            "--issue",
            "csto-kazakhstan-2022",
        ]);
        assert_eq!(out.ok().stdout, reference.stdout, "{out}");
    }
}

#[test]
fn stance_shows_value_date_quote_document_speaker_and_evidence_kind() {
    let env = Env::new();
    let out = env.run(&[
        "--format",
        "json",
        "stance",
        "КПРФ",
        "--issue",
        "csto-kazakhstan-2022",
        "--history",
    ]);
    let v = out.ok().json();
    let rows = v.as_array().expect("array");
    assert!(rows.len() >= 3, "{out}");
    // A news item's paraphrase of the KPRF's own deputy is attributed, not own (issue #11).
    let reported = rows
        .iter()
        .find(|r| r["speaker"] == "Renat Suleimanov")
        .expect("Suleimanov's words");
    assert_eq!(reported["evidence"], "attributed", "{out}");
    assert_eq!(reported["value"], "support", "{out}");
    assert_eq!(reported["as_of"], "2022-01-06", "{out}");
    assert_eq!(reported["cited_in"], "rcit-2022-01-08-kprf", "{out}");
    let own = rows
        .iter()
        .find(|r| r["document_id"] == "cprf-2022-01-kazakhstan")
        .expect("the CPRF statement");
    assert_eq!(own["evidence"], "own", "{out}");
    assert_eq!(own["speaker"], "Gennady Zyuganov", "{out}");
    let attributed = rows
        .iter()
        .find(|r| r["evidence"] == "attributed" && r["document_id"] == "rcit-2022-01-08-kprf")
        .expect("an attribution");
    assert_eq!(
        attributed["document"],
        "The Popular Uprising in Kazakhstan and Putin’s Patriotic “Communists”",
        "{out}"
    );
    assert_eq!(attributed["document_date"], "2022-01-08", "{out}");
}

#[test]
fn history_shows_the_kprf_changing_position_on_the_protests() {
    let env = Env::new();
    let out = env.run(&[
        "--format",
        "csv",
        "stance",
        "KPRF",
        "--issue",
        "kazakhstan-protests-2022",
        "--history",
    ]);
    let rows = out.ok().csv();
    let seq: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[1].as_str(), r[2].as_str()))
        .collect();
    assert!(seq.contains(&("2022-01-05", "support")), "{out}");
    assert!(seq.contains(&("2022-01-08", "oppose")), "{out}");
    let first_support = seq
        .iter()
        .position(|s| s == &("2022-01-05", "support"))
        .unwrap();
    let later_oppose = seq
        .iter()
        .position(|s| s == &("2022-01-08", "oppose"))
        .unwrap();
    assert!(
        first_support < later_oppose,
        "history is in date order\n{out}"
    );
    // Without --history only one (current) row per issue.
    let cur = env.run(&[
        "--format",
        "csv",
        "stance",
        "KPRF",
        "--issue",
        "kazakhstan-protests-2022",
    ]);
    assert_eq!(cur.ok().csv().len(), 2, "{cur}");
}

#[test]
fn a_signatory_that_never_spoke_has_its_stance_by_signature() {
    let env = Env::new();
    let out = env.run(&[
        "--format",
        "csv",
        "stance",
        "Communist Party of Greece",
        "--issue",
        "csto-kazakhstan-2022",
    ]);
    let rows = out.ok().table();
    let csto = rows.row("issue", "csto-kazakhstan-2022");
    assert_eq!(
        csto.pick(["value", "basis"]),
        ["oppose", "signature"],
        "{out}"
    );
    assert!(
        csto.get("quote")
            .starts_with("The unacceptable Russian military intervention"),
        "{out}"
    );
}

#[test]
fn similar_names_never_resolve_to_each_other() {
    let env = Env::new();
    for (name, id) in [
        ("Communist Party of the Soviet Union", "cpsu"),
        ("Russian Communist Workers' Party", "rcwp"),
        (
            "Union of Communist Parties – Communist Party of the Soviet Union",
            "skp-kpss",
        ),
    ] {
        let out = env.run(&["--format", "json", "show", name]);
        let org = out.ok().json_section("organisation");
        assert_eq!(org.column("id"), [id], "{name}\n{out}");
    }
}

#[test]
fn ambiguous_names_list_candidates_with_ids_and_kinds() {
    let env = Env::new();
    let out = env.run(&["stance", "Soviet Union"]);
    out.code(2)
        .one_line_error()
        .stderr_has("ambiguous")
        .stderr_has("cpsu (party")
        .stderr_has("skp-kpss (alliance");
}

#[test]
fn unknown_names_suggest_the_nearest() {
    let env = Env::new();
    env.run(&["stance", "Communist Party of Grece"])
        .code(2)
        .one_line_error()
        .stderr_has("unknown organisation")
        .stderr_has("Communist Party of Greece");
}

#[test]
fn an_organisation_without_stances_is_an_empty_result_not_an_error() {
    let env = Env::new();
    let out = env.run(&["stance", "Communist Party of Belarus"]);
    out.ok().stderr_has("no stance recorded");
    assert!(out.stdout.is_empty(), "{out}");
}
