//! `signatories`: the joint statement's 23 signing parties as printed, in printed order.
mod common;
use common::{Env, JOINT};

#[test]
fn joint_statement_has_23_signatories_in_printed_order_with_groups_and_countries() {
    let env = Env::new();
    let out = env.run(&["--format", "csv", "signatories", JOINT]);
    let body = out.ok().table();
    assert_eq!(
        body.columns,
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
    assert_eq!(body.len(), 23, "{out}");
    let groups = body.column("group");
    let solidnet = groups
        .iter()
        .filter(|g| **g == "SolidNet Parties signing")
        .count();
    let other = groups.iter().filter(|g| **g == "Other Parties").count();
    assert_eq!((solidnet, other), (20, 3), "{out}");
    // Printed order: the SolidNet block first, numbered 1..20, then Other Parties 1..3.
    let printed = body.column("name_as_printed");
    assert_eq!(printed[0], "Communist Party of Albania", "{out}");
    assert_eq!(body.column("country")[0], "AL", "{out}");
    assert_eq!(printed[13], "Communist Party of the Soviet Union", "{out}");
    assert_eq!(printed[19], "Communist Party of Venezuela", "{out}");
    assert_eq!(groups[20], "Other Parties", "{out}");
    assert_eq!(printed[22], "Communist Front (Italy)", "{out}");
    assert_eq!(body.column("country")[22], "IT", "{out}");
    let positions = body.column("position");
    let want: Vec<String> = (1..=20).chain(1..=3).map(|i| i.to_string()).collect();
    assert_eq!(positions, want, "positions in printed order\n{out}");
}

#[test]
fn the_cpsu_signatory_is_not_the_skp_kpss_alliance() {
    let env = Env::new();
    let out = env.run(&["--format", "csv", "signatories", JOINT]);
    let rows = out.ok().table();
    let cpsu = rows.row("name_as_printed", "Communist Party of the Soviet Union");
    assert_eq!(cpsu.get("org_id"), "cpsu", "{out}");
    let orgs = rows.column("org_id");
    assert!(
        !orgs.contains(&"skp-kpss") && !orgs.contains(&"kprf"),
        "{out}"
    );
    let rcwp = rows.row("name_as_printed", "Russian Communist Workers' Party");
    assert_eq!(rcwp.get("org_id"), "rcwp", "{out}");
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
        let rows = out.ok().table();
        assert_eq!(rows.len(), 23, "{out}");
        assert_eq!(
            rows.column("name_as_printed")[0],
            "Communist Party of Albania",
            "{out}"
        );
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
    let rows = out.ok().json_table();
    assert_eq!(
        rows.column("name_as_printed"),
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
