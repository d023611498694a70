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
    let stored = out.ok().csv();
    assert_eq!(
        stored[0],
        [
            "id",
            "document_id",
            "org_id",
            "name_as_printed",
            "printed_group",
            "position",
            "signed_on",
            "source_id",
            "note"
        ],
        "{out}"
    );
    // Defaults: the display name as printed, no group, first in it, the statement as source.
    assert_eq!(
        stored[1][1..],
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
    let rows = out.ok().csv();
    assert_eq!(rows.len(), 25, "23 printed + the new one + header\n{out}");
    let last = rows.last().expect("a row");
    assert_eq!(last[3], "kprf", "{out}");
    assert_eq!(last[6], "2022-01-25", "{out}");
    // The printed list is unchanged and still comes first.
    assert_eq!(rows[1][2], "Communist Party of Albania", "{out}");
    assert_eq!(rows[23][2], "Communist Front (Italy)", "{out}");
    // And the signature counts as the organisation's side on the statement's issues.
    env.run(&["-f", "csv", "signed", "kprf"])
        .ok()
        .stdout_has("solidnet-2022-01-18-kazakhstan");
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
    let rows = out.ok().csv();
    assert_eq!(rows.len(), 5, "{out}");
    assert_eq!(rows[4][2], "Communist Party of Kazakhstan (KPK)", "{out}");
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
