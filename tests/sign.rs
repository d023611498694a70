//! `sign`: a later signature of a statement open for further subscriptions, with defaults
//! that match the printed list, validated like an imported signature.
mod common;
use common::{Env, JOINT};

#[test]
fn a_later_signature_added_with_sign_shows_in_signatories_with_its_date() {
    let env = Env::new();
    let out = env.run(&[
        "-f",
        "csv",
        "sign",
        "--unverified",
        JOINT,
        "KPRF",
        "--date",
        "2022-01-25",
    ]);
    let stored = out.ok().table();
    let fields = [
        "document_id",
        "org_id",
        "name_as_printed",
        "printed_group",
        "position",
        "signed_on",
        "source_id",
        "note",
    ];
    assert_eq!(stored.columns[0], "id", "{out}");
    assert_eq!(stored.columns[1..], fields, "{out}");
    assert_eq!(stored.len(), 1, "{out}");
    // Defaults: the display name as printed, no group, first in it, the statement as source.
    let row = stored.rows().next().expect("the stored signature");
    assert_eq!(
        row.pick(fields),
        [
            "solidnet-2022-01-18-kazakhstan",
            "kprf",
            "Communist Party of the Russian Federation",
            "",
            "1",
            "2022-01-25",
            "solidnet-2022-01-18-kazakhstan",
            ""
        ],
        "{out}"
    );
    let out = env.run(&["-f", "csv", "signatories", JOINT]);
    let rows = out.ok().table();
    assert_eq!(rows.len(), 24, "23 printed + the new one\n{out}");
    let last = rows.rows().last().expect("a row");
    assert_eq!(
        last.pick(["org_id", "signed_on"]),
        ["kprf", "2022-01-25"],
        "{out}"
    );
    // The printed list is unchanged and still comes first.
    let printed = rows.column("name_as_printed");
    assert_eq!(printed[0], "Communist Party of Albania", "{out}");
    assert_eq!(printed[22], "Communist Front (Italy)", "{out}");
    // And the signature counts as the organisation's side on the statement's issues.
    let out = env.run(&["-f", "csv", "signed", "kprf"]);
    let signed = out.ok().table();
    let joint = signed.row("statement_id", "solidnet-2022-01-18-kazakhstan");
    assert_eq!(joint.get("signed_on"), "2022-01-25", "{out}");
}

#[test]
fn group_matches_the_printed_spelling_and_position_is_next_in_it() {
    let env = Env::new();
    let out = env.run(&[
        "-f",
        "json",
        "sign",
        "--unverified",
        JOINT,
        "Communist Party of Kazakhstan",
        "--group",
        "other parties",
        "--as-printed",
        "Communist Party of Kazakhstan (KPK)",
        "--source",
        "theses-2022-kazakhstan",
        "--note",
        "Added later.",
    ]);
    let v = out.ok().json();
    let row = &v[0];
    assert_eq!(row["printed_group"], "Other Parties", "{out}");
    assert_eq!(row["position"], 4, "{out}");
    assert_eq!(
        row["name_as_printed"],
        "Communist Party of Kazakhstan (KPK)"
    );
    assert_eq!(row["source_id"], "theses-2022-kazakhstan");
    let out = env.run(&[
        "-f",
        "csv",
        "signatories",
        JOINT,
        "--group",
        "Other Parties",
    ]);
    let rows = out.ok().table();
    assert_eq!(
        rows.column("name_as_printed").last(),
        Some(&"Communist Party of Kazakhstan (KPK)"),
        "{out}"
    );
    assert_eq!(rows.column("position"), ["1", "2", "3", "4"], "{out}");
}

#[test]
fn signing_twice_or_badly_is_refused_and_changes_nothing() {
    let env = Env::new();
    env.ready();
    let before = env.db_bytes();
    env.run(&["sign", "--unverified", JOINT, "cp-greece"])
        .code(2)
        .one_line_error()
        .stderr_has("'cp-greece' already signed 'solidnet-2022-01-18-kazakhstan'");
    env.run(&[
        "sign",
        "--unverified",
        JOINT,
        "kprf",
        "--date",
        "2022-02-30",
    ])
    .code(2)
    .one_line_error()
    .stderr_has("sign: --date '2022-02-30' is not a date");
    env.run(&["sign", "--unverified", JOINT, "No Such Party Anywhere"])
        .code(2)
        .stderr_has("unknown organisation");
    env.run(&["sign", "--unverified", "No such statement at all", "kprf"])
        .code(2)
        .stderr_has("unknown statement");
    env.run(&["sign", "--unverified", JOINT, "kprf", "--as-printed", "  "])
        .code(2)
        .stderr_has("--as-printed");
    assert_eq!(env.db_bytes(), before);
}
