//! `cohesion` on the hand-built fixture (tests/network_fixture): camp shares of the members at
//! a date and the Hix agreement index, computed by hand here.
mod common;
mod network_fixture;

/// Hix's agreement index for three positions, written out: 1 − 1.5 × (1 − largest share).
fn hix(largest: f64, total: f64) -> f64 {
    1.0 - 1.5 * (1.0 - largest / total)
}

#[test]
fn cohesion_gives_camp_shares_and_the_hix_index_of_the_members_at_the_date() {
    let env = network_fixture::env();
    let out = env.run(&[
        "-f",
        "json",
        "cohesion",
        "fx-al",
        "--issue",
        "fx-issue",
        "--as-of",
        "2023-07-01",
    ]);
    let c = out.ok().json_section("cohesion");
    let row = c.rows().next().expect("one row");
    // At 2023-07-01: a1 a2 a3 (oppose) and a4 (support, membership undated); x left in 2022-12.
    assert_eq!(
        row.pick([
            "members",
            "with_position",
            "support",
            "oppose",
            "ambivalent",
            "no_stance"
        ]),
        ["4", "4", "1", "3", "0", "0"]
    );
    assert_eq!(
        row.pick(["largest_camp", "largest_share"]),
        ["oppose", "0.75"]
    );
    let ai: f64 = row.get("agreement_index").parse().unwrap();
    assert!((ai - hix(3.0, 4.0)).abs() < 1e-4, "{ai}\n{out}");
    assert!((ai - 0.625).abs() < 1e-9);
    let members = out.json_section("members");
    assert!(members.rows_where("org_id", "fx-x").is_empty(), "{out}");
    assert_eq!(
        members
            .row("org_id", "fx-a4")
            .pick(["value", "quote", "document_id"]),
        ["support", "We support it (A4).", "fx-s3"]
    );
}

#[test]
fn cohesion_at_an_earlier_date_counts_the_member_who_left_and_has_no_stance_apart() {
    let env = network_fixture::env();
    let t = env
        .run(&[
            "-f",
            "csv",
            "cohesion",
            "fx-al",
            "--issue",
            "fx-issue",
            "--as-of",
            "2022-06",
            "--section",
            "cohesion",
        ])
        .ok()
        .table();
    // x was a member then but has no stance: counted as a member, not in the shares.
    let row = t.rows().next().unwrap();
    assert_eq!(
        row.pick(["members", "with_position", "no_stance", "largest_share"]),
        ["5", "4", "1", "0.75"]
    );
}

#[test]
fn cohesion_refuses_a_bad_date_and_unknown_names() {
    let env = network_fixture::env();
    for args in [
        &[
            "cohesion",
            "fx-al",
            "--issue",
            "fx-issue",
            "--as-of",
            "2023-02-30",
        ][..],
        &["cohesion", "no-such-alliance", "--issue", "fx-issue"],
        &["cohesion", "fx-al", "--issue", "no-such-issue"],
    ] {
        env.run(args).code(2).one_line_error();
    }
}
