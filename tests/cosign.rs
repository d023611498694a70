//! `cosign` and `signed --with` on the hand-built fixture (tests/network_fixture): every
//! count and share below is worked out by hand from the fixture's table of signatures.
mod common;
mod network_fixture;

#[test]
fn cosign_counts_shares_jaccard_and_first_and_last_per_partner() {
    let env = network_fixture::env();
    let t = env.run(&["-f", "csv", "cosign", "fx-a1"]).ok().table();
    // a1 signed s1 s2 s3 s7 s8 (5). a2: s1 s2 s3 s8 (4, all with a1); a3: s1 s2; a4: s1 s3;
    // b1: s4 s5 s6 s7 (4, one with a1); x: s7 only. Ties on `together` by Jaccard, then id.
    assert_eq!(
        t.column("partner_id"),
        ["fx-a2", "fx-a3", "fx-a4", "fx-x", "fx-b1"]
    );
    let cols = [
        "together",
        "share_of_org",
        "share_of_partner",
        "jaccard",
        "first_statement_id",
        "last_statement_id",
    ];
    let want = [
        ("fx-a2", ["4", "0.8", "1.0", "0.8", "fx-s1", "fx-s8"]),
        ("fx-a3", ["2", "0.4", "1.0", "0.4", "fx-s1", "fx-s2"]),
        ("fx-a4", ["2", "0.4", "1.0", "0.4", "fx-s1", "fx-s3"]),
        ("fx-x", ["1", "0.2", "1.0", "0.2", "fx-s7", "fx-s7"]),
        // 1 of a1's 5, 1 of b1's 4, 1 of the 8 either signed.
        ("fx-b1", ["1", "0.2", "0.25", "0.125", "fx-s7", "fx-s7"]),
    ];
    for (id, cells) in want {
        assert_eq!(t.row("partner_id", id).pick(cols), cells, "{id}\n{t}");
    }
    assert_eq!(t.row("partner_id", "fx-a2").get("last_date"), "2024-01-15");
}

#[test]
fn cosign_counts_only_statements_inside_the_window_and_partners_of_the_kind() {
    let env = network_fixture::env();
    // --since 2023-02 keeps s2 (dated to the month); --until 2023-12 drops s8.
    let t = env
        .run(&[
            "-f", "csv", "cosign", "fx-a1", "--since", "2023-02", "--until", "2023-12",
        ])
        .ok()
        .table();
    // a1 in the window: s2 s3 s7 (3); a2: s2 s3 (2).
    let a2 = t.row("partner_id", "fx-a2");
    assert_eq!(
        a2.pick(["together", "share_of_org", "share_of_partner", "jaccard"]),
        ["2", "0.6667", "1.0", "0.6667"]
    );
    assert_eq!(
        a2.pick(["first_statement_id", "last_statement_id"]),
        ["fx-s2", "fx-s3"]
    );
    // A bound more precise than s2's month cannot say s2 is inside: it is left out.
    let t = env
        .run(&["-f", "csv", "cosign", "fx-a1", "--since", "2023-02-15"])
        .ok()
        .table();
    assert_eq!(
        t.row("partner_id", "fx-a2").get("together"),
        "2",
        "s3 and s8\n{t}"
    );
    // --kind youth_org keeps a4 alone; --min 2 drops the partners of one statement.
    let t = env
        .run(&["-f", "csv", "cosign", "fx-a1", "--kind", "youth_org"])
        .ok()
        .table();
    assert_eq!(t.column("partner_id"), ["fx-a4"]);
    let t = env
        .run(&["-f", "csv", "cosign", "fx-a1", "--min", "2"])
        .ok()
        .table();
    assert_eq!(t.column("partner_id"), ["fx-a2", "fx-a3", "fx-a4"]);
}

#[test]
fn cosign_refuses_bad_dates_an_empty_window_and_unknown_organisations() {
    let env = network_fixture::env();
    for args in [
        &["cosign", "fx-a1", "--since", "2023-13"][..],
        &["cosign", "fx-a1", "--since", "2024", "--until", "2023"],
        &["cosign", "fx-a1", "--min", "0"],
        &["cosign", "no-such-party"],
    ] {
        env.run(args).code(2).one_line_error();
    }
    // A window with nothing in it is an empty answer, said on stderr.
    env.run(&["cosign", "fx-a1", "--since", "2025"])
        .ok()
        .stderr_has("signed 0 statement(s)");
}

#[test]
fn signed_with_lists_the_statements_both_signed() {
    let env = network_fixture::env();
    let t = env
        .run(&["-f", "csv", "signed", "fx-a1", "--with", "fx-a2"])
        .ok()
        .table();
    assert_eq!(
        t.column("statement_id"),
        ["fx-s1", "fx-s2", "fx-s3", "fx-s8"]
    );
    assert_eq!(
        t.row("statement_id", "fx-s1")
            .pick(["printed_as", "with_printed_as"]),
        ["Party A1", "Party A2"]
    );
    // The count is cosign's `together`, both ways round.
    let t = env
        .run(&["-f", "csv", "signed", "fx-b1", "--with", "fx-a1"])
        .ok()
        .table();
    assert_eq!(t.column("statement_id"), ["fx-s7"]);
    env.run(&["signed", "fx-a3", "--with", "fx-b3"])
        .ok()
        .stderr_has("signed no statement together");
}

#[test]
fn cosign_on_the_seed_sees_the_one_joint_statement() {
    let env = common::Env::new();
    // Every SolidNet signatory of 18 January 2022 signed with the KKE once: share 1.0 each way.
    let t = env
        .run(&["-f", "csv", "cosign", "Communist Party of Greece"])
        .ok()
        .table();
    assert!(t.len() >= 20, "{t}");
    assert!(t.column("together").iter().all(|c| *c == "1"), "{t}");
    assert!(t.column("jaccard").iter().all(|c| *c == "1.0"), "{t}");
}
