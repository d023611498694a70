//! `signatories`: the joint statement's 23 signing parties as printed, in printed order.
mod common;
use common::{Env, JOINT};

#[test]
fn joint_statement_has_23_signatories_in_printed_order_with_groups_and_countries() {
    let env = Env::new();
    let out = env.run(&["--format", "csv", "signatories", JOINT]);
    out.ok();
    let rows = out.csv();
    assert_eq!(
        rows[0],
        [
            "group",
            "position",
            "name_as_printed",
            "org_id",
            "organisation",
            "country",
            "signed_on"
        ],
        "{out}"
    );
    let body = &rows[1..];
    assert_eq!(body.len(), 23, "{out}");
    let solidnet = body
        .iter()
        .filter(|r| r[0] == "SolidNet Parties signing")
        .count();
    let other = body.iter().filter(|r| r[0] == "Other Parties").count();
    assert_eq!((solidnet, other), (20, 3), "{out}");
    // Printed order: the SolidNet block first, numbered 1..20, then Other Parties 1..3.
    assert_eq!(body[0][2], "Communist Party of Albania", "{out}");
    assert_eq!(body[0][5], "AL", "{out}");
    assert_eq!(body[13][2], "Communist Party of the Soviet Union", "{out}");
    assert_eq!(body[19][2], "Communist Party of Venezuela", "{out}");
    assert_eq!(body[20][0], "Other Parties", "{out}");
    assert_eq!(body[20][1], "1", "{out}");
    assert_eq!(body[22][2], "Communist Front (Italy)", "{out}");
    assert_eq!(body[22][5], "IT", "{out}");
    for (i, r) in body[..20].iter().enumerate() {
        assert_eq!(r[1], (i + 1).to_string(), "position of {r:?}\n{out}");
    }
}

#[test]
fn the_cpsu_signatory_is_not_the_skp_kpss_alliance() {
    let env = Env::new();
    let out = env.run(&["--format", "csv", "signatories", JOINT]);
    let rows = out.ok().csv();
    let cpsu = rows
        .iter()
        .find(|r| r[2] == "Communist Party of the Soviet Union")
        .expect("CPSU row");
    assert_eq!(cpsu[3], "cpsu", "{out}");
    assert!(
        !rows.iter().any(|r| r[3] == "skp-kpss" || r[3] == "kprf"),
        "{out}"
    );
    let rcwp = rows
        .iter()
        .find(|r| r[2] == "Russian Communist Workers' Party")
        .expect("RCWP row");
    assert_eq!(rcwp[3], "rcwp", "{out}");
}

#[test]
fn statement_is_found_by_any_title_in_any_language() {
    let env = Env::new();
    for title in [
        "solidnet-2022-01-18-kazakhstan",
        "joint statement of communist and workers’ parties on the situation in kazakhstan",
        "Совместное заявление коммунистических и рабочих партий",
        "Comunicado Conjunto de Partidos Comunistas y Obreros",
    ] {
        let out = env.run(&["--format", "csv", "signatories", title]);
        assert_eq!(out.ok().csv().len(), 24, "{out}");
    }
}

#[test]
fn group_filter_and_unknown_group() {
    let env = Env::new();
    let out = env.run(&[
        "--format",
        "json",
        "signatories",
        JOINT,
        "--group",
        "Other Parties",
    ]);
    let v = out.ok().json();
    let names: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["name_as_printed"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        [
            "Communist Revolutionary Party of France (PCRF)",
            "Pole of Communist Revival in France (PRCF)",
            "Communist Front (Italy)"
        ],
        "{out}"
    );
    env.run(&["signatories", JOINT, "--group", "Nope"])
        .code(2)
        .stderr_has("groups:")
        .one_line_error();
}

#[test]
fn unknown_statement_suggests_nearest_titles() {
    let env = Env::new();
    env.run(&["signatories", "Joint Statement on Kazakstan"])
        .code(2)
        .one_line_error()
        .stderr_has("unknown statement");
}

#[test]
fn every_format_renders_the_signatories() {
    let env = Env::new();
    for (fmt, needle) in [
        ("table", "Communist Party of Greece"),
        (
            "tsv",
            "SolidNet Parties signing\t4\tCommunist Party of Greece",
        ),
        ("jsonl", "\"name_as_printed\":\"Communist Party of Greece\""),
        (
            "md",
            "| SolidNet Parties signing | 4 | Communist Party of Greece |",
        ),
    ] {
        env.run(&["--format", fmt, "signatories", JOINT])
            .ok()
            .stdout_has(needle);
    }
}
